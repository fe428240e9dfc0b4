"""Export encoding and the GraphML / GEXF / node-link JSON round trips, on invented subgraph rows."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import networkx as nx
import pytest

from graph_service import export

NODES: list[dict[str, Any]] = [
    {
        "key": "actor/country:EMK",
        "kind": "actor",
        "type": "country",
        "name": "Eastmark",
        "country": "EMK",
        "aliases": ["Eastmark", "Eastmarkian forces"],
        "title": None,
        "evidence": 3,
        "articles": 2,
    },
    {
        "key": "actor/person:ola teller",
        "kind": "actor",
        "type": "person",
        "name": "Ola Teller",
        "aliases": [],
    },
    {
        "key": "place/geonames:42",
        "kind": "place",
        "type": "city",
        "name": "Brookfield",
        "country": "WMK",
        "lat": 10.5,
        "lon": 20,  # an integral coordinate must still be written as a float
        "geonames_id": 42,
    },
    {
        "key": "event/ev-strike",
        "kind": "event",
        "type": "strike",
        "date": "2024-05-06",
        "weapon": "artillery",
        "killed": None,
        "evidence": 2,
        "articles": 2,
    },
    {
        "key": "event/ev-casualty",
        "kind": "event",
        "type": "casualty",
        "date": None,
        "killed": 0,
        "injured": 4,
    },
]
EDGES: list[dict[str, Any]] = [
    {
        "source": "actor/country:EMK",
        "target": "event/ev-strike",
        "relation": "AGENT_OF",
        "articles": 2,
        "article_ids": ["art-1", "art-2"],
    },
    {
        "source": "actor/person:ola teller",
        "target": "event/ev-strike",
        "relation": "CLAIMS",
        "articles": 1,
        "article_ids": ["art-1"],
    },
    {
        "source": "event/ev-strike",
        "target": "place/geonames:42",
        "relation": "AT",
        "articles": 1,
        "article_ids": ["art-1"],
    },
    {
        "source": "event/ev-strike",
        "target": "place/geonames:42",
        "relation": "TARGETS",
        "articles": 1,
        "article_ids": ["art-2"],
    },
    {
        "source": "event/ev-casualty",
        "target": "event/ev-strike",
        "relation": "CAUSED_BY",
        "articles": 1,
        "article_ids": ["art-2"],
    },
    {"source": "event/ev-casualty", "target": "event/not-exported", "relation": "CAUSED_BY", "articles": 1},
]


@pytest.fixture
def graph() -> nx.MultiDiGraph:
    return export.to_networkx(iter(NODES), iter(EDGES))


def test_nodes_carry_typed_attributes_without_none_or_lists(graph: nx.MultiDiGraph) -> None:
    eastmark = graph.nodes["actor/country:EMK"]
    assert eastmark == {
        "label": "Eastmark",
        "kind": "actor",
        "type": "country",
        "name": "Eastmark",
        "country": "EMK",
        "aliases": "Eastmark|Eastmarkian forces",
        "evidence": 3,
        "articles": 2,
    }
    assert export.decode_list(eastmark["aliases"]) == ["Eastmark", "Eastmarkian forces"]
    assert "aliases" not in graph.nodes["actor/person:ola teller"]
    assert graph.nodes["place/geonames:42"]["lon"] == 20.0
    assert isinstance(graph.nodes["place/geonames:42"]["lon"], float)
    assert graph.nodes["event/ev-strike"]["label"] == "strike 2024-05-06"
    assert "killed" not in graph.nodes["event/ev-strike"]
    # Zero dead is a figure, not a missing value.
    assert graph.nodes["event/ev-casualty"]["killed"] == 0


def test_parallel_relationships_are_kept_apart_and_dangling_edges_left_out(graph: nx.MultiDiGraph) -> None:
    assert set(graph["event/ev-strike"]["place/geonames:42"]) == {"AT", "TARGETS"}
    assert graph.number_of_edges() == 5
    assert "event/not-exported" not in graph
    edge = graph.edges["actor/country:EMK", "event/ev-strike", "AGENT_OF"]
    assert edge == {
        "id": "actor/country:EMK|AGENT_OF|event/ev-strike",
        "relation": "AGENT_OF",
        "label": "agent of",
        "articles": 2,
        "article_ids": "art-1|art-2",
    }


@pytest.mark.parametrize("fmt", export.FORMATS)
def test_round_trip_gives_back_the_same_nodes_edges_and_attributes(
    graph: nx.MultiDiGraph, fmt: export.Format, tmp_path: Path
) -> None:
    path = tmp_path / f"graph.{fmt}"
    with path.open("w", encoding="utf-8") as out:
        export.write(graph, out, format=fmt)
    back = export.read(path)
    assert isinstance(back, nx.MultiDiGraph)
    assert nx.is_isomorphic(graph, back)
    assert dict(back.nodes(data=True)) == dict(graph.nodes(data=True))
    assert sorted(back.edges(keys=True, data=True)) == sorted(graph.edges(keys=True, data=True))
    for name, value in graph.nodes["place/geonames:42"].items():
        assert type(back.nodes["place/geonames:42"][name]) is type(value), name


@pytest.mark.parametrize("fmt", export.FORMATS)
def test_edge_keys_survive_without_parallel_edges(fmt: export.Format) -> None:
    simple = export.to_networkx(NODES, EDGES[:3])
    back = export.parse("".join(export.generate(simple, format=fmt)), format=fmt)
    assert sorted(back.edges(keys=True)) == sorted(simple.edges(keys=True))


@pytest.mark.parametrize("fmt", export.FORMATS)
def test_an_empty_selection_exports_an_empty_graph(fmt: export.Format) -> None:
    empty = export.to_networkx([], [])
    back = export.parse("".join(export.generate(empty, format=fmt)), format=fmt)
    assert back.number_of_nodes() == 0


def test_the_same_rows_give_the_same_file(graph: nx.MultiDiGraph) -> None:
    again = export.to_networkx(NODES, EDGES)
    for fmt in ("graphml", "json"):
        assert "".join(export.generate(graph, format=fmt)) == "".join(export.generate(again, format=fmt))


def test_format_comes_from_the_file_name() -> None:
    assert export.format_of("out/graph.GraphML") == "graphml"
    with pytest.raises(ValueError, match=r"\.graphml, \.gexf or \.json"):
        export.format_of("graph.csv")
