"""GET /graph/export: a subgraph as GraphML, GEXF or node-link JSON, streamed."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.responses import StreamingResponse

from graph_service import export
from graph_service.api.deps import DriverDep, SettingsDep
from graph_service.records import EventType
from graph_service.subgraph import DEFAULT_NODE_LIMIT, MAX_HOPS, MAX_NODE_LIMIT, Selection, read_subgraph

router = APIRouter(tags=["export"])


@router.get(
    "/graph/export",
    summary="Export a subgraph for Gephi or NetworkX",
    response_class=StreamingResponse,
    responses={
        200: {
            "description": "the graph file (attachment)",
            "content": {media: {"schema": {"type": "string"}} for media in export.MEDIA_TYPES.values()},
        }
    },
)
def export_graph(
    driver: DriverDep,
    settings: SettingsDep,
    actor: Annotated[list[str] | None, Query(max_length=20, description="around these actors")] = None,
    place: Annotated[list[str] | None, Query(max_length=20, description="around these places")] = None,
    hops: Annotated[int, Query(ge=0, le=MAX_HOPS, description="hops around actors/places")] = 2,
    type: Annotated[list[EventType] | None, Query(description="only events of these types")] = None,
    date_from: Annotated[date | None, Query(alias="from", description="events on or after")] = None,
    date_to: Annotated[date | None, Query(alias="to", description="events on or before")] = None,
    country: Annotated[
        str | None, Query(pattern="^[A-Za-z]{3}$", description="ISO3: events in, against or by it")
    ] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_NODE_LIMIT, description="node limit")] = DEFAULT_NODE_LIMIT,
    format: Annotated[export.Format, Query(description="graphml, gexf or json")] = "graphml",
) -> StreamingResponse:
    """The selection (the whole graph when empty) as a file; 422 when it names nothing or is too large."""
    selection = Selection(
        actors=tuple(actor or ()),
        places=tuple(place or ()),
        hops=hops,
        types=tuple(type or ()),
        date_from=date_from.isoformat() if date_from else None,
        date_to=date_to.isoformat() if date_to else None,
        country=country.upper() if country else None,
        limit=limit,
    )
    # Read completely before the first byte: errors become proper statuses, never a truncated file.
    graph = read_subgraph(
        driver, database=settings.neo4j_database, selection=selection, timeout_s=settings.query_timeout_s
    )
    return StreamingResponse(
        export.generate(graph, format=format),
        media_type=export.MEDIA_TYPES[format],
        headers={
            "Content-Disposition": f'attachment; filename="conflict-kg.{format}"',
            "X-Graph-Nodes": str(graph.number_of_nodes()),
            "X-Graph-Edges": str(graph.number_of_edges()),
        },
    )
