"""Subgraph rows -> `networkx.MultiDiGraph` -> GraphML / GEXF / node-link JSON, and back (pure functions).

Encoding, identical in the three formats so that an analysis reads the same attributes from any of them:

* node ids are `actor/<graph id>`, `place/<graph id>`, `event/<graph id>` (a country is both an Actor and a
  Place with the same graph id, so the family is part of the export id); they are stable across exports;
* every node has `label` (display name), `kind` (actor | place | event) and `type` (the actor or place kind,
  or the event type); the other attributes are present only when the graph knows them;
* a missing value (None) is an absent attribute, never an empty string or 0;
* a list (aliases, article ids) is one string joined with `LIST_SEPARATOR`;
* dates are `YYYY-MM-DD` strings; counts are integers; coordinates are floats;
* edge keys are the relationship type; every edge has `id` (`source|TYPE|target`), `relation` (the type) and
  `label`. GEXF reserves an edge's `type`, hence `relation`.
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import IO, Any, Literal

import networkx as nx

Format = Literal["graphml", "gexf", "json"]
FORMATS: tuple[Format, ...] = ("graphml", "gexf", "json")
MEDIA_TYPES: dict[Format, str] = {
    "graphml": "application/graphml+xml",
    "gexf": "application/gexf+xml",
    "json": "application/json",
}
LIST_SEPARATOR = "|"
NODE_KINDS = ("actor", "place", "event")

# Attribute types: a GraphML or GEXF key has one type, so every value of an attribute must share it.
_INT_ATTRIBUTES = frozenset({"killed", "injured", "evidence", "articles", "geonames_id"})
_FLOAT_ATTRIBUTES = frozenset({"lat", "lon"})


def export_id(kind: str, graph_id: str) -> str:
    """The export node id of a graph node: its family and its graph id (`actor/country:ARM`)."""
    return f"{kind}/{graph_id}"


def encode_value(name: str, value: Any) -> Any:
    """One attribute value as GraphML/GEXF can hold it: lists joined, numbers typed, dates as text."""
    if isinstance(value, list | tuple):
        return LIST_SEPARATOR.join(str(item) for item in value)
    if name in _INT_ATTRIBUTES:
        return int(value)
    if name in _FLOAT_ATTRIBUTES:
        return float(value)
    if isinstance(value, bool | int | float | str):
        return value
    return str(value)  # neo4j dates, times and points


def encode_attributes(row: Mapping[str, Any]) -> dict[str, Any]:
    """The attributes of one row with None and empty lists left out and the rest encoded."""
    return {
        name: encode_value(name, value)
        for name, value in row.items()
        if value is not None and value != [] and value != ()
    }


def decode_list(value: str | None) -> list[str]:
    """A list attribute back as a list (absent -> [])."""
    return value.split(LIST_SEPARATOR) if value else []


def event_label(event_type: str, date: str | None) -> str:
    """Display label of an event node, e.g. `strike 2024-05-06`."""
    return f"{event_type.replace('_', ' ')} {date}" if date else event_type.replace("_", " ")


def node_attributes(row: Mapping[str, Any]) -> dict[str, Any]:
    """The attributes of one node row from `cypher/read/export_nodes.cypher` (without the `key` column)."""
    attributes = encode_attributes({name: value for name, value in row.items() if name != "key"})
    if "label" not in attributes:
        if row.get("kind") == "event":
            attributes["label"] = event_label(str(row.get("type")), attributes.get("date"))
        else:
            attributes["label"] = str(row.get("name") or row["key"])
    return attributes


def to_networkx(nodes: Iterable[Mapping[str, Any]], edges: Iterable[Mapping[str, Any]]) -> nx.MultiDiGraph:
    """A MultiDiGraph from node rows `{key, kind, type, ...}` and edge rows `{source, target, relation, ...}`.

    Rows are consumed one at a time (Neo4j results can be passed directly).
    """
    graph = nx.MultiDiGraph()
    for row in nodes:
        graph.add_node(row["key"], **node_attributes(row))
    add_edges(graph, edges)
    return graph


def add_edges(graph: nx.MultiDiGraph, edges: Iterable[Mapping[str, Any]]) -> None:
    """Add edge rows `{source, target, relation, ...}`; edges with an end outside the graph are left out."""
    for row in edges:
        source, target, relation = row["source"], row["target"], row["relation"]
        if source not in graph or target not in graph:
            continue
        rest = {k: v for k, v in row.items() if k not in {"source", "target", "relation"}}
        graph.add_edge(
            source,
            target,
            key=relation,
            id=f"{source}|{relation}|{target}",
            relation=relation,
            label=relation.lower().replace("_", " "),
            **encode_attributes(rest),
        )


def generate(graph: nx.MultiDiGraph, *, format: Format) -> Iterator[str]:
    """The serialised graph as successive text chunks, for writing or streaming an HTTP response."""
    if format == "graphml":
        for line in nx.generate_graphml(graph):
            yield line + "\n"
    elif format == "gexf":
        for line in nx.generate_gexf(graph):
            yield line + "\n"
    elif format == "json":
        data = nx.node_link_data(graph, edges="edges")
        yield from json.JSONEncoder(ensure_ascii=False).iterencode(data)
        yield "\n"
    else:
        raise ValueError(f"unknown export format {format!r} (known: {', '.join(FORMATS)})")


def write(graph: nx.MultiDiGraph, out: IO[str], *, format: Format) -> None:
    """Write the graph to an open text file chunk by chunk."""
    for chunk in generate(graph, format=format):
        out.write(chunk)


def format_of(path: Path | str) -> Format:
    """The export format a file name implies (`.graphml`, `.gexf`, `.json`)."""
    suffix = Path(path).suffix.lower().lstrip(".")
    for known in FORMATS:
        if suffix == known:
            return known
    raise ValueError(f"cannot tell the format of {path}: use a .graphml, .gexf or .json file")


def parse(text: str | bytes, *, format: Format) -> nx.MultiDiGraph:
    """A graph from the text of an export (the inverse of `generate`)."""
    data = text.encode("utf-8") if isinstance(text, str) else text
    if format == "graphml":
        graph = nx.read_graphml(io.BytesIO(data), force_multigraph=True)
    elif format == "gexf":
        graph = nx.read_gexf(io.BytesIO(data))
    elif format == "json":
        graph = nx.node_link_graph(json.loads(data), edges="edges")
    else:
        raise ValueError(f"unknown export format {format!r} (known: {', '.join(FORMATS)})")
    if isinstance(graph, nx.MultiDiGraph):
        return graph
    # read_gexf returns a DiGraph when no two edges share their ends; the key is the relationship type.
    multi = nx.MultiDiGraph()
    multi.add_nodes_from(graph.nodes(data=True))
    multi.add_edges_from((u, v, data.get("relation", 0), data) for u, v, data in graph.edges(data=True))
    return multi


def read(path: Path | str, *, format: Format | None = None) -> nx.MultiDiGraph:
    """A graph from an export file; the format comes from the file name unless given."""
    return parse(Path(path).read_bytes(), format=format or format_of(path))
