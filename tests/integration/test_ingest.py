"""The writer and the ingest loop against a real Neo4j server, with invented extraction records."""

from __future__ import annotations

import re
import threading
from pathlib import Path
from typing import Any

import pytest
from neo4j import Driver

from graph_service.config import Settings
from graph_service.db import create_driver
from graph_service.errors import DatabaseUnavailable
from graph_service.ingest import Failure, Prepared, write_all
from graph_service.records import Extraction, Place
from graph_service.writer import GraphWriter

pytestmark = pytest.mark.integration

GRAPH_MODEL_DOC = Path(__file__).resolve().parents[2] / "docs" / "graph-model.md"

ACTORS = [
    {"id": "A1", "name": "Eastmark", "kind": "country", "country": "EMK", "aliases": ["Eastmarkian forces"]},
    {"id": "A2", "name": "Westmark", "kind": "country", "country": "WMK"},
    {"id": "A3", "name": "Ola Teller", "kind": "person", "country": "WMK", "title": "spokeswoman"},
]
PLACES = [
    {"id": "P1", "name": "Brookfield", "kind": "city", "country": "WMK", "lat": 10.5, "lon": 20.25},
    {"id": "P2", "name": "Lowland Province", "kind": "region", "country": "WMK"},
]


def evidence(start: int) -> dict[str, Any]:
    """An invented evidence sentence at `start`."""
    return {"sentence": f"Invented sentence at {start}.", "start": start, "end": start + 24}


def article(
    article_id: str,
    *,
    day: str = "2024-05-06",
    killed: int = 2,
    extra_events: list[dict[str, Any]] | None = None,
) -> Prepared:
    """An invented report: Eastmark shelled Brookfield on `day`, `killed` dead, per a Westmark spokeswoman."""
    record = {
        "article": {
            "id": article_id,
            "title": f"Report {article_id}",
            "source": "Invented Wire",
            "published": day,
        },
        "actors": ACTORS,
        "places": PLACES,
        "events": [
            {
                "id": "E1",
                "type": "strike",
                "date": day,
                "agents": ["A1"],
                "locations": ["P1"],
                "claimed_by": ["A3"],
                "weapon": "artillery",
                "evidence": evidence(0),
            },
            {
                "id": "E2",
                "type": "casualty",
                "date": day,
                "locations": ["P1"],
                "claimed_by": ["A3"],
                "killed": killed,
                "victims": "civilian",
                "cause": "E1",
                "evidence": evidence(60),
            },
            *(extra_events or []),
        ],
        "relations": [
            {"type": "spokesperson_for", "source": "A3", "target": "A2"},
            {"type": "located_in", "source": "P1", "target": "P2"},
        ],
    }
    return Prepared(
        Extraction.model_validate(record), text=f"Invented text of {article_id}.", origin=article_id
    )


def counts(driver: Driver) -> dict[str, int]:
    """Nodes per label set and relationships per type."""
    nodes, _, _ = driver.execute_query("MATCH (n) RETURN labels(n) AS k, count(*) AS c")
    rels, _, _ = driver.execute_query("MATCH ()-[r]->() RETURN type(r) AS k, count(*) AS c")
    return {":".join(sorted(r["k"])): r["c"] for r in nodes} | {r["k"]: r["c"] for r in rels}


def one(driver: Driver, cypher: str, **params: Any) -> Any:
    """The single value of a single-row query."""
    records, _, _ = driver.execute_query(cypher, params)
    assert len(records) == 1, records
    return records[0][0]


def ingest(driver: Driver, settings: Settings, items: list[Any], **options: Any) -> Any:
    """Write items through the ingest loop with a fresh writer."""
    force = options.pop("force", False)
    writer = GraphWriter(driver, database=settings.neo4j_database, force=force)
    return write_all(items, writer, **options)


def test_ingesting_twice_changes_no_counts(clean_graph: Driver, neo4j_settings: Settings) -> None:
    items = [article(f"art-{n}", day=f"2024-05-0{n + 1}") for n in range(4)]
    first = ingest(clean_graph, neo4j_settings, items, batch_size=3)
    before = counts(clean_graph)
    second = ingest(clean_graph, neo4j_settings, items, batch_size=3)
    assert (first.new, first.skipped) == (4, 0)
    assert (second.new, second.skipped) == (0, 4)
    assert second.counters.get("nodes_created", 0) == second.counters.get("relationships_created", 0) == 0
    assert counts(clean_graph) == before
    assert before["Article"] == 4 and before["Actor"] == 3


def test_two_concurrent_overlapping_ingests_leave_no_duplicates(
    clean_graph: Driver, neo4j_settings: Settings
) -> None:
    # Same day everywhere: every article reports the same strike, so both runs fight over the same nodes.
    items = [article(f"art-{n}", killed=n) for n in range(24)]
    driver = create_driver(neo4j_settings)
    errors: list[BaseException] = []

    def run(part: list[Prepared], drv: Driver) -> None:
        try:
            ingest(drv, neo4j_settings, part, batch_size=4)
        except BaseException as error:  # surfaced in the main thread below
            errors.append(error)

    threads = [
        threading.Thread(target=run, args=(items[:16], clean_graph)),
        threading.Thread(target=run, args=(items[8:][::-1], driver)),
    ]
    try:
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        driver.close()
    assert errors == []
    found = counts(clean_graph)
    assert found["Article"] == 24
    assert found["Actor"] == 3
    assert found["Event:Strike"] == 1
    assert found["Casualty:Event"] == 24
    assert found["REPORTED_IN"] == 48
    assert found["AGENT_OF"] == 1
    assert (
        one(
            clean_graph,
            "MATCH (a)-[r]->(b) WITH a, b, type(r) AS t, r.start AS s, count(*) AS c "
            "WHERE c > 1 RETURN count(*)",
        )
        == 0
    )
    assert one(clean_graph, "MATCH (:Strike)-[r:AT]->(:Place) RETURN size(r.articles)") == 24


def test_an_article_failing_mid_write_leaves_nothing_and_the_others_are_written(
    clean_graph: Driver, neo4j_settings: Settings
) -> None:
    bad = article("art-bad")
    broken = bad.extraction.model_copy(deep=True)
    # The places statement fails after the article and its actors were merged.
    broken.places.append(Place(id="P9", name="Nowhere", kind="site", lat=1000.0, lon=0.0))
    items = [article("art-1"), Prepared(broken, "text", "file.jsonl#2"), article("art-3")]
    summary = ingest(clean_graph, neo4j_settings, items, batch_size=10)
    assert summary.new == 2
    assert [failure.origin for failure in summary.failed] == ["file.jsonl#2"]
    assert "coordinate" in summary.failed[0].reason
    assert one(clean_graph, "MATCH (a:Article {id: 'art-bad'}) RETURN count(a)") == 0
    assert one(clean_graph, "MATCH ()-[r]->() WHERE 'art-bad' IN r.articles RETURN count(r)") == 0
    # The next run, with the record fixed, completes the rest.
    again = ingest(clean_graph, neo4j_settings, [*items[:1], bad, *items[2:]])
    assert (again.new, again.skipped) == (1, 2)


def test_failed_inputs_are_reported_with_origin_and_reason(
    clean_graph: Driver, neo4j_settings: Settings
) -> None:
    summary = ingest(clean_graph, neo4j_settings, [Failure("broken.html", "not UTF-8"), article("art-1")])
    assert summary.new == 1
    assert [(f.origin, f.reason) for f in summary.failed] == [("broken.html", "not UTF-8")]


def test_force_replaces_an_articles_facts_without_duplicating_shared_nodes(
    clean_graph: Driver, neo4j_settings: Settings
) -> None:
    threat = {"id": "E3", "type": "threat", "agents": ["A2"], "targets": ["A1"], "evidence": evidence(120)}
    original = article("art-1", extra_events=[threat])
    original.extraction.actors[0].aliases = ["EM troops"]  # a surface form only art-1 used
    ingest(clean_graph, neo4j_settings, [original, article("art-2")])
    before = counts(clean_graph)

    revised = article("art-1", killed=9)
    revised.extraction.actors[0].aliases = ["Eastmarkers"]
    summary = ingest(clean_graph, neo4j_settings, [revised], force=True)
    after = counts(clean_graph)

    assert summary.new == 1
    assert after["Actor"] == before["Actor"] and after["Place"] == before["Place"]
    assert after.get("Event:Threat", 0) == 0  # art-1 alone reported it
    assert after["Event:Strike"] == 1  # shared with art-2: kept, still reported by both
    assert one(clean_graph, "MATCH (:Strike)-[r:REPORTED_IN]->() RETURN count(r)") == 2
    assert sorted(one(clean_graph, "MATCH (c:Casualty)-[:REPORTED_IN]->() RETURN collect(c.killed)")) == [
        2,
        9,
    ]
    aliases = one(clean_graph, "MATCH (a:Actor {id: 'country:EMK'}) RETURN a.aliases")
    assert sorted(aliases) == ["Eastmark", "Eastmarkers", "Eastmarkian forces"]


def test_one_event_reported_by_two_articles_is_one_node_with_both_figures(
    clean_graph: Driver, neo4j_settings: Settings
) -> None:
    ingest(clean_graph, neo4j_settings, [article("art-1", killed=3), article("art-2", killed=7)])
    rows, _, _ = clean_graph.execute_query(
        "MATCH (s:Strike)-[rep:REPORTED_IN]->(art:Article) "
        "MATCH (c:Casualty)-[:CAUSED_BY]->(s) MATCH (c)-[:REPORTED_IN]->(art) "
        "RETURN s.id AS strike, art.id AS article, c.killed AS killed ORDER BY article"
    )
    assert [(r["article"], r["killed"]) for r in rows] == [("art-1", 3), ("art-2", 7)]
    assert len({r["strike"] for r in rows}) == 1
    place_path = one(
        clean_graph,
        "MATCH p = (:Place {name: 'Brookfield'})-[:LOCATED_IN*]->(:Place {kind: 'country'}) "
        "RETURN [n IN nodes(p) | n.name]",
    )
    assert place_path == ["Brookfield", "Lowland Province", "WMK"]


def test_an_unreachable_server_raises_database_unavailable(neo4j_settings: Settings) -> None:
    settings = neo4j_settings.model_copy(update={"neo4j_uri": "bolt://127.0.0.1:9", "query_timeout_s": 2.0})
    with create_driver(settings) as driver:
        writer = GraphWriter(driver, database=settings.neo4j_database)
        with pytest.raises(DatabaseUnavailable, match="unreachable"):
            writer.present(["art-1"])


def test_every_documented_query_runs_and_answers_on_invented_reports(
    clean_graph: Driver, neo4j_settings: Settings
) -> None:
    denial = {
        "id": "E3",
        "type": "denial",
        "date": "2024-05-06",
        "agents": ["A1"],
        "denies": ["E1"],
        "evidence": evidence(200),
    }
    ingest(clean_graph, neo4j_settings, [article("art-1", killed=3, extra_events=[denial]), article("art-2")])
    strike_id = one(clean_graph, "MATCH (s:Strike) RETURN s.id")
    params = {
        "place": "Brookfield",
        "region": "Lowland Province",
        "actor": "Eastmark",
        "other": "Westmark",
        "event": strike_id,
        "from": "2024-01-01",
        "to": "2024-12-31",
    }
    blocks = re.findall(r"```cypher\n(.*?)```", GRAPH_MODEL_DOC.read_text(encoding="utf-8"), re.S)
    assert len(blocks) >= 15
    answers = [clean_graph.execute_query(block, params)[0] for block in blocks]
    assert [(r["by"], r["claimed_by"]) for r in answers[0]] == [(["Eastmark"], ["Ola Teller"])]
    disputed = [r for block, rows in zip(blocks, answers, strict=True) if "AS denier" in block for r in rows]
    assert {(r["claimant"], r["denier"]) for r in disputed} == {("Ola Teller", "Eastmark")}
    figures = next(
        rows for block, rows in zip(blocks, answers, strict=True) if "CAUSED_BY]->(s:Event)" in block
    )
    assert sorted(claim["killed"] for claim in figures[0]["claims"]) == [2, 3]
    aliases = next(rows for block, rows in zip(blocks, answers, strict=True) if "UNWIND m.aliases" in block)
    assert {r["alias"] for r in aliases} == {"Eastmark", "Eastmarkian forces"}


INVENTED_ARTICLES = {
    "eastmark.txt": "Eastmark shells Brookfield\n\nEastmark forces shelled the town of Brookfield in "
    "Westmark on Monday, killing three civilians, the Westmark defence ministry said.\n",
    "westmark.txt": "Westmark accuses Eastmark\n\nWestmark accused Eastmark of targeting civilians and "
    "demanded an immediate ceasefire on Tuesday.\n",
}


def test_ckg_ingest_twice_reports_new_then_skipped(
    clean_graph: Driver, neo4j_settings: Settings, ckg: Any, tmp_path: Path
) -> None:
    for name, text in INVENTED_ARTICLES.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")

    first = ckg(neo4j_settings, "ingest", str(tmp_path), "--batch-size", "1")
    before = counts(clean_graph)
    second = ckg(neo4j_settings, "ingest", str(tmp_path))

    assert first.returncode == 1, first.stderr  # the empty file fails, the two articles are written
    assert "articles: 2 new, 0 skipped, 1 failed" in first.stdout
    assert "empty.txt" in first.stdout
    assert "articles: 0 new, 2 skipped, 1 failed" in second.stdout
    assert counts(clean_graph) == before
    assert before["Article"] == 2


def test_ckg_ingest_without_a_server_fails_with_a_clear_message(
    spare_settings: Settings, ckg: Any, tmp_path: Path
) -> None:
    (tmp_path / "a.txt").write_text(INVENTED_ARTICLES["eastmark.txt"], encoding="utf-8")
    nowhere = f"bolt://127.0.0.1:{spare_settings.neo4j_bolt_port}"  # a free port: nothing listens
    result = ckg(spare_settings.model_copy(update={"neo4j_uri": nowhere}), "ingest", str(tmp_path))
    assert result.returncode == 2
    assert "does not answer" in result.stderr
