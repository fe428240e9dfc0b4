"""Offline analysis on an invented exported graph: interactions, centrality, blocs, disputes, daily series."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import networkx as nx
import pytest

from graph_service import analysis, export
from graph_service.cli import main


def actor(name: str, country: str | None = None, kind: str = "country") -> dict[str, Any]:
    """An invented actor row."""
    key = f"actor/country:{country}" if kind == "country" else f"actor/actor:{kind}:{name.lower()}"
    return {"key": key, "kind": "actor", "type": kind, "name": name, "country": country}


def event(eid: str, kind: str, day: str | None, **figures: int) -> dict[str, Any]:
    """An invented event row."""
    return {"key": f"event/{eid}", "kind": "event", "type": kind, "date": day, **figures}


def link(source: str, relation: str, target: str) -> dict[str, Any]:
    """An invented edge row."""
    return {"source": source, "target": target, "relation": relation, "articles": 1}


EMK, WMK, NLD = "actor/country:EMK", "actor/country:WMK", "actor/country:NLD"
TELLER = "actor/actor:person:ola teller"
NODES = [
    actor("Eastmark", "EMK"),
    actor("Westmark", "WMK"),
    actor("Northland", "NLD"),
    actor("Ola Teller", "WMK", kind="person"),
    {"key": "place/p:brookfield", "kind": "place", "type": "city", "name": "Brookfield", "country": "WMK"},
    event("s1", "strike", "2024-05-06"),
    # Two sources for the dead of strike s1: 3 and 4. The day counts 4, never 7.
    event("c1", "casualty", "2024-05-06", killed=3),
    event("c2", "casualty", None, killed=4, injured=10),
    event("d1", "denial", "2024-05-06"),
    event("s2", "strike", "2024-05-07"),
    event("c3", "casualty", "2024-05-07", killed=1),
    event("a1", "accusation", "2024-05-07"),
    event("t1", "threat", "2024-05-08"),
    event("x1", "demand", None),
]
EDGES = [
    link(EMK, "AGENT_OF", "event/s1"),
    link("event/s1", "AT", "place/p:brookfield"),
    link(TELLER, "CLAIMS", "event/s1"),
    link("event/c1", "CAUSED_BY", "event/s1"),
    link("event/c2", "CAUSED_BY", "event/s1"),
    link(EMK, "AGENT_OF", "event/d1"),
    link("event/d1", "DENIES", "event/s1"),
    link(WMK, "AGENT_OF", "event/s2"),
    link("event/s2", "TARGETS", EMK),
    link("event/c3", "CAUSED_BY", "event/s2"),
    link(EMK, "AGENT_OF", "event/a1"),
    link("event/a1", "ABOUT", "event/s2"),
    link(NLD, "AGENT_OF", "event/t1"),
    link("event/t1", "TARGETS", EMK),
    link(NLD, "ALLIED_WITH", WMK),
    link(TELLER, "SPOKESPERSON_FOR", WMK),
]


@pytest.fixture
def graph() -> nx.MultiDiGraph:
    return export.to_networkx(NODES, EDGES)


def test_interactions_follow_the_rules(graph: nx.MultiDiGraph) -> None:
    found = {(s, t, r) for s, t, r, _ in analysis.interactions(graph)}
    assert found == {
        (EMK, WMK, "strike"),  # on Brookfield, a Westmark place
        (WMK, EMK, "strike"),
        (EMK, WMK, "accusation"),  # about Westmark's strike
        (EMK, TELLER, "denial"),  # denies what the spokeswoman claimed
        (NLD, EMK, "threat"),
        (NLD, WMK, "alliance"),
    }


def test_eastmark_is_the_most_central_actor(graph: nx.MultiDiGraph) -> None:
    scores = analysis.centrality(analysis.interaction_network(graph))
    assert [s.actor for s in scores][:2] == ["Eastmark", "Westmark"]
    eastmark = scores[0]
    assert eastmark.degree == 5
    assert eastmark.interactions == {"accusation": 1, "denial": 1, "strike": 2, "threat": 1}
    # Eastmark is the only bridge between Ola Teller and the rest.
    assert eastmark.betweenness > 0 and all(s.betweenness == 0 for s in scores if s.actor == "Ola Teller")
    assert sum(s.pagerank for s in scores) == pytest.approx(1, abs=1e-3)


def test_blocs_join_allies_and_spokespeople(graph: nx.MultiDiGraph) -> None:
    assert analysis.communities(graph) == [["Northland", "Ola Teller", "Westmark"]]


def test_disputes_name_claimant_and_denier(graph: nx.MultiDiGraph) -> None:
    assert analysis.disputes(graph) == [
        analysis.Dispute(
            event="strike 2024-05-06",
            type="strike",
            date="2024-05-06",
            claimant="Ola Teller",
            denier="Eastmark",
        )
    ]
    assert list(analysis.dispute_network(graph).edges(data="weight")) == [("Eastmark", "Ola Teller", 1)]


def test_daily_series_takes_the_highest_claim_per_incident(graph: nx.MultiDiGraph) -> None:
    days, undated = analysis.daily_series(graph)
    assert [(d.day, d.strikes, d.killed, d.injured, d.casualty_reports) for d in days] == [
        ("2024-05-06", 1, 4, 10, 2),  # the undated report takes its strike's day
        ("2024-05-07", 1, 1, 0, 1),
        ("2024-05-08", 0, 0, 0, 0),
    ]
    assert undated == 1  # the undated demand


def test_a_graph_without_actors_gives_an_empty_report() -> None:
    report = analysis.analyse(export.to_networkx([event("s1", "strike", "2024-01-01")], []))
    assert report.actors == [] and report.communities == [] and report.disputes == []
    assert [d.strikes for d in report.daily] == [1]


def test_ckg_analyze_prints_tables_json_and_a_plot(
    graph: nx.MultiDiGraph, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "graph.graphml"
    with path.open("w", encoding="utf-8") as out:
        export.write(graph, out, format="graphml")
    plot = tmp_path / "out.png"
    assert main(["analyze", str(path), "--plot", str(plot)]) == 0
    text = capsys.readouterr().out
    assert text.index("Eastmark") < text.index("Westmark")
    assert "2024-05-06  1        4" in text
    assert plot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and plot.stat().st_size > 20_000
    assert main(["analyze", str(path), "--json"]) == 0
    assert '"denier": "Eastmark"' in capsys.readouterr().out


def test_ckg_analyze_refuses_a_file_that_is_not_an_export(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "graph.graphml"
    bad.write_text("not xml", encoding="utf-8")
    assert main(["analyze", str(bad)]) == 2
    assert "cannot read" in capsys.readouterr().err
