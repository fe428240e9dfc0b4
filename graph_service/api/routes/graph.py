"""GET /paths and GET /graph/neighborhood (nodes + edges JSON)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from graph_service import queries
from graph_service.api.deps import ReaderDep
from graph_service.api.schemas import Neighborhood, Paths

router = APIRouter(tags=["graph"])

Hops = Annotated[int, Query(ge=1, le=queries.MAX_HOPS, description=f"at most {queries.MAX_HOPS}")]


@router.get("/paths", response_model=Paths, summary="Shortest connections between two actors or places")
async def get_paths(
    reader: ReaderDep,
    source: Annotated[str, Query(alias="from", max_length=500, description="actor or place id")],
    target: Annotated[str, Query(alias="to", max_length=500, description="actor or place id")],
    max_hops: Hops = queries.MAX_HOPS,
    limit: Annotated[int, Query(ge=1, le=100, description="paths at most")] = 10,
) -> dict:
    """Every shortest path of at most `max_hops` links, through events, places and actor relations."""
    found = await queries.paths(reader, source, target, max_hops=max_hops, limit=limit)
    return {
        "source": source,
        "target": target,
        "max_hops": max_hops,
        "paths": [{"length": len(path["edges"]), **path} for path in found],
    }


@router.get("/graph/neighborhood", response_model=Neighborhood, summary="The subgraph around a node")
async def get_neighborhood(
    reader: ReaderDep,
    node: Annotated[str, Query(max_length=500, description="actor, place or event id")],
    hops: Hops = 2,
    limit: Annotated[int, Query(ge=1, le=500, description="nodes at most")] = 100,
) -> dict:
    """Nodes and edges within `hops` links (never through articles), breadth first."""
    return {"center": node, "hops": hops, **await queries.neighborhood(reader, node, hops=hops, limit=limit)}
