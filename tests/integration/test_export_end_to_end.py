"""`ckg export` and `ckg analyze` against a real Neo4j server, on invented reports written by the writer."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import httpx
import networkx as nx
import pytest
from neo4j import Driver
from test_api_http import api_settings, serving

from graph_service import export
from graph_service.config import Settings
from graph_service.ingest import Prepared, write_all
from graph_service.records import Extraction
from graph_service.writer import GraphWriter

pytestmark = pytest.mark.integration

ACTORS = {
    "EMK": {"id": "A1", "name": "Eastmark", "kind": "country", "country": "EMK", "aliases": ["Eastmarkian"]},
    "WMK": {"id": "A2", "name": "Westmark", "kind": "country", "country": "WMK"},
    "NLD": {"id": "A3", "name": "Northland", "kind": "country", "country": "NLD"},
    "TELLER": {"id": "A4", "name": "Ola Teller", "kind": "person", "country": "WMK", "title": "spokeswoman"},
}
PLACES = {
    "BROOK": {"id": "P1", "name": "Brookfield", "kind": "city", "country": "WMK", "lat": 10.5, "lon": 20.25},
    "HILL": {"id": "P2", "name": "Hillton", "kind": "city", "country": "EMK", "lat": 11.0, "lon": 22.0},
}


def event(eid: str, kind: str, day: str, start: int, **fields: Any) -> dict[str, Any]:
    """An invented event with an invented evidence sentence at `start`."""
    sentence = f"Invented {kind} sentence {eid}."
    return {
        "id": eid,
        "type": kind,
        "date": day,
        "evidence": {"sentence": sentence, "start": start, "end": start + len(sentence)},
        **fields,
    }


def report(
    article_id: str, day: str, events: list[dict[str, Any]], relations: list[dict[str, Any]]
) -> Prepared:
    """One invented article with every invented actor and place."""
    record = {
        "article": {
            "id": article_id,
            "title": f"Report {article_id}",
            "source": "Invented Wire",
            "published": day,
        },
        "actors": list(ACTORS.values()),
        "places": list(PLACES.values()),
        "events": events,
        "relations": relations,
    }
    return Prepared(
        Extraction.model_validate(record), text=f"Invented text of {article_id}.", origin=article_id
    )


REPORTS = [
    # Day 1: Eastmark shells Brookfield (3 dead, per Westmark's spokeswoman); Eastmark denies it.
    report(
        "art-1",
        "2024-05-06",
        [
            event(
                "E1",
                "strike",
                "2024-05-06",
                0,
                agents=["A1"],
                locations=["P1"],
                claimed_by=["A4"],
                weapon="artillery",
            ),
            event(
                "E2", "casualty", "2024-05-06", 40, locations=["P1"], claimed_by=["A4"], killed=3, cause="E1"
            ),
            event("E3", "denial", "2024-05-06", 80, agents=["A1"], denies=["E1"]),
        ],
        [{"type": "spokesperson_for", "source": "A4", "target": "A2"}],
    ),
    # Day 2: Westmark strikes Hillton (1 dead); Eastmark accuses Westmark.
    report(
        "art-2",
        "2024-05-07",
        [
            event("E1", "strike", "2024-05-07", 0, agents=["A2"], locations=["P2"], weapon="drone"),
            event("E2", "casualty", "2024-05-07", 40, locations=["P2"], killed=1, cause="E1"),
            event("E3", "accusation", "2024-05-07", 80, agents=["A1"], targets=["A2"], about=["E1"]),
        ],
        [],
    ),
    # Day 3: Northland sides with Westmark and threatens Eastmark; Eastmark shells Brookfield again (5 dead).
    report(
        "art-3",
        "2024-05-08",
        [
            event("E1", "threat", "2024-05-08", 0, agents=["A3"], targets=["A1"]),
            event("E2", "strike", "2024-05-08", 40, agents=["A1"], locations=["P1"]),
            event("E3", "casualty", "2024-05-08", 80, locations=["P1"], killed=5, cause="E2"),
        ],
        [{"type": "allied_with", "source": "A3", "target": "A2"}],
    ),
]


@pytest.fixture
def invented_graph(clean_graph: Driver, neo4j_settings: Settings) -> Driver:
    """The three invented reports written into an empty graph."""
    summary = write_all(REPORTS, GraphWriter(clean_graph, database=neo4j_settings.neo4j_database))
    assert summary.new == 3
    return clean_graph


def count(driver: Driver, cypher: str) -> int:
    """The single number a counting query returns."""
    records, _, _ = driver.execute_query(cypher)
    return int(records[0][0])


def run_export(ckg: Any, settings: Settings, path: Path, *selection: str) -> nx.MultiDiGraph:
    """`ckg export` to `path`, then the file read back."""
    result = ckg(settings, "export", *selection, "-o", str(path))
    assert result.returncode == 0, result.stderr
    return export.read(path)


@pytest.mark.parametrize("fmt", export.FORMATS)
def test_whole_graph_export_has_every_actor_place_and_event_with_typed_attributes(
    invented_graph: Driver, neo4j_settings: Settings, ckg: Any, tmp_path: Path, fmt: str
) -> None:
    graph = run_export(ckg, neo4j_settings, tmp_path / f"all.{fmt}")
    kinds = {kind: sum(1 for _, k in graph.nodes(data="kind") if k == kind) for kind in export.NODE_KINDS}
    assert kinds == {
        "actor": count(invented_graph, "MATCH (n:Actor) RETURN count(n)"),
        "place": count(invented_graph, "MATCH (n:Place) RETURN count(n)"),
        "event": count(invented_graph, "MATCH (n:Event) RETURN count(n)"),
    }
    assert graph.number_of_edges() == count(
        invented_graph, "MATCH (a)-[r]->(b) WHERE NOT b:Article RETURN count(r)"
    )
    eastmark = graph.nodes["actor/country:EMK"]
    assert (eastmark["label"], eastmark["type"], eastmark["articles"]) == ("Eastmark", "country", 3)
    assert export.decode_list(eastmark["aliases"]) == ["Eastmark", "Eastmarkian"]
    # A country is an actor and a place with the same graph id: two nodes in the export.
    assert graph.nodes["place/country:EMK"]["kind"] == "place"
    brookfield = next(key for key, name in graph.nodes(data="name") if name == "Brookfield")
    assert graph.nodes[brookfield]["lat"] == 10.5
    strikes = {key: data for key, data in graph.nodes(data=True) if data.get("type") == "strike"}
    assert sorted(data["date"] for data in strikes.values()) == ["2024-05-06", "2024-05-07", "2024-05-08"]
    killed = sorted(data["killed"] for _, data in graph.nodes(data=True) if data.get("type") == "casualty")
    assert killed == [1, 3, 5]
    agent_of = [data for _, _, key, data in graph.edges(keys=True, data=True) if key == "AGENT_OF"]
    assert all(data["articles"] == 1 and data["article_ids"].startswith("art-") for data in agent_of)


def test_ids_are_stable_across_exports(
    invented_graph: Driver, neo4j_settings: Settings, ckg: Any, tmp_path: Path
) -> None:
    first = run_export(ckg, neo4j_settings, tmp_path / "one.json")
    second = run_export(ckg, neo4j_settings, tmp_path / "two.json")
    assert set(first.nodes) == set(second.nodes)
    assert set(first.edges(keys=True)) == set(second.edges(keys=True))
    assert (tmp_path / "one.json").read_text() == (tmp_path / "two.json").read_text()


def test_around_an_actor_follows_hops_and_never_goes_through_articles(
    invented_graph: Driver, neo4j_settings: Settings, ckg: Any, tmp_path: Path
) -> None:
    one_hop = run_export(ckg, neo4j_settings, tmp_path / "n1.graphml", "--actor", "northland", "--hops", "1")
    assert set(one_hop.nodes) == {
        "actor/country:NLD",
        "actor/country:WMK",
        next(key for key, kind in one_hop.nodes(data="type") if kind == "threat"),
    }
    # Hop 1: the threat and the ally Westmark; hop 2: Eastmark, Westmark's strike and the accusation
    # against Westmark. Eastmark's own strikes and denial are three hops away.
    two_hops = run_export(ckg, neo4j_settings, tmp_path / "n2.graphml", "--actor", "Northland")
    assert "actor/country:EMK" in two_hops
    events = sorted(data["label"] for _, data in two_hops.nodes(data=True) if data["kind"] == "event")
    assert events == ["accusation 2024-05-07", "strike 2024-05-07", "threat 2024-05-08"]
    # An alias selects the same actor.
    alias = run_export(ckg, neo4j_settings, tmp_path / "a.json", "--actor", "Eastmarkian", "--hops", "0")
    assert set(alias.nodes) == {"actor/country:EMK"}


def test_event_type_date_and_country_filters(
    invented_graph: Driver, neo4j_settings: Settings, ckg: Any, tmp_path: Path
) -> None:
    strikes = run_export(
        ckg,
        neo4j_settings,
        tmp_path / "s.json",
        "--type",
        "strike",
        "--from",
        "2024-05-07",
        "--to",
        "2024-05-08",
    )
    events = {data["date"] for _, data in strikes.nodes(data=True) if data["kind"] == "event"}
    assert events == {"2024-05-07", "2024-05-08"}
    assert {"actor/country:WMK", "actor/country:EMK"} <= set(strikes.nodes)
    assert "actor/country:NLD" not in strikes  # no strike of Northland's
    # Northland's only event is its threat (by it, against Eastmark).
    northland = run_export(ckg, neo4j_settings, tmp_path / "c.json", "--country", "nld")
    assert {data["type"] for _, data in northland.nodes(data=True) if data["kind"] == "event"} == {"threat"}
    assert {"actor/country:NLD", "actor/country:EMK"} <= set(northland.nodes)


def test_the_node_limit_stops_the_export_with_a_clear_message(
    invented_graph: Driver, neo4j_settings: Settings, ckg: Any, tmp_path: Path
) -> None:
    out = tmp_path / "big.graphml"
    result = ckg(neo4j_settings, "export", "--limit", "5", "-o", str(out))
    assert result.returncode == 2
    assert "more than 5 nodes" in result.stderr and "narrow it" in result.stderr
    assert not out.exists()
    around = ckg(
        neo4j_settings, "export", "--actor", "Eastmark", "--hops", "4", "--limit", "4", "-o", str(out)
    )
    assert around.returncode == 2 and "more than 4 nodes" in around.stderr


def test_a_selection_naming_nothing_is_refused(
    invented_graph: Driver, neo4j_settings: Settings, ckg: Any, tmp_path: Path
) -> None:
    result = ckg(neo4j_settings, "export", "--actor", "Atlantis", "-o", str(tmp_path / "x.json"))
    assert result.returncode == 2
    assert "no actor or place in the graph matches around actor Atlantis" in result.stderr


def test_ckg_analyze_on_an_export_prints_central_actors_and_the_daily_series(
    invented_graph: Driver, neo4j_settings: Settings, ckg: Any, tmp_path: Path
) -> None:
    path = tmp_path / "all.gexf"
    run_export(ckg, neo4j_settings, path)
    table = ckg(neo4j_settings, "analyze", str(path))
    assert table.returncode == 0, table.stderr
    assert "Eastmark" in table.stdout and "2024-05-08" in table.stdout
    as_json = ckg(neo4j_settings, "analyze", str(path), "--json")
    report = json.loads(as_json.stdout)
    assert report["actors"][0]["actor"] == "Eastmark"
    assert [(d["day"], d["strikes"], d["killed"]) for d in report["daily"]] == [
        ("2024-05-06", 1, 3),
        ("2024-05-07", 1, 1),
        ("2024-05-08", 1, 5),
    ]
    assert {(d["claimant"], d["denier"]) for d in report["disputes"]} == {("Ola Teller", "Eastmark")}


def test_get_graph_export_streams_the_selection_in_each_format(
    invented_graph: Driver, neo4j_settings: Settings
) -> None:
    with serving(api_settings(neo4j_settings)) as url, httpx.Client(base_url=url, timeout=30) as client:
        for fmt in export.FORMATS:
            response = client.get("/graph/export", params={"actor": "Northland", "hops": 1, "format": fmt})
            assert response.status_code == 200, response.text
            assert response.headers["content-type"].startswith(export.MEDIA_TYPES[fmt])
            assert f"conflict-kg.{fmt}" in response.headers["content-disposition"]
            graph = export.parse(response.content, format=fmt)
            assert {"actor/country:NLD", "actor/country:WMK"} <= set(graph.nodes)
            assert graph.number_of_nodes() == 3
        too_large = client.get("/graph/export", params={"limit": 3})
        assert too_large.status_code == 422 and "more than 3 nodes" in too_large.json()["message"]
        unknown = client.get("/graph/export", params={"place": "Atlantis"})
        assert unknown.status_code == 422 and "Atlantis" in unknown.json()["message"]
        bad_type = client.get("/graph/export", params={"type": "picnic"})
        assert bad_type.status_code == 422
