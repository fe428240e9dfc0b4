"""The db layer against a real server: schema apply, constraints enforced, every Cypher file valid."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from neo4j import Driver
from neo4j.exceptions import ConstraintError

from graph_service import cypher, db
from graph_service.config import Settings

pytestmark = pytest.mark.integration

CkgRunner = Callable[..., subprocess.CompletedProcess[str]]

TEST_CYPHER = Path(__file__).parent / "cypher"
MERGE_KEYS = {("Article", "id"), ("Actor", "id"), ("Place", "id"), ("Event", "id")}
LOOKUP_KEYS = {("Event", "date"), ("Event", "type"), ("Actor", "name"), ("Place", "name")}


def _keys(items: list[db.SchemaItem], kind: str) -> set[tuple[str, str]]:
    """(label, property) pairs of single-property schema items of one kind."""
    return {
        (item.labels[0], item.properties[0])
        for item in items
        if item.kind == kind and len(item.labels) == 1 and len(item.properties) == 1
    }


def test_schema_has_merge_key_constraints_and_lookup_indexes(
    clean_graph: Driver, neo4j_settings: Settings
) -> None:
    items = db.describe_schema(clean_graph, neo4j_settings.neo4j_database)
    assert _keys(items, "constraint") >= MERGE_KEYS
    assert _keys(items, "index") >= LOOKUP_KEYS


def test_applying_the_schema_twice_changes_nothing(clean_graph: Driver, neo4j_settings: Settings) -> None:
    database = neo4j_settings.neo4j_database
    before = db.describe_schema(clean_graph, database)
    db.apply_schema(clean_graph, database)
    assert db.describe_schema(clean_graph, database) == before


def test_duplicate_article_ids_are_refused(clean_graph: Driver, neo4j_settings: Settings) -> None:
    statement = cypher.catalogue(TEST_CYPHER)["article_write"][0]
    clean_graph.execute_query(statement, id="a-1", database_=neo4j_settings.neo4j_database)
    with pytest.raises(ConstraintError):
        clean_graph.execute_query(statement, id="a-1", database_=neo4j_settings.neo4j_database)


@pytest.mark.parametrize("name", cypher.names())
def test_every_cypher_file_compiles_on_the_server(
    name: str, neo4j_driver: Driver, neo4j_settings: Settings
) -> None:
    with neo4j_driver.session(
        database=neo4j_settings.neo4j_database, notifications_min_severity="OFF"
    ) as session:
        for statement in cypher.statements(name):
            session.run(f"EXPLAIN {statement}").consume()


def test_ckg_db_init_lists_the_schema(clean_graph: Driver, neo4j_settings: Settings, ckg: CkgRunner) -> None:
    result = ckg(neo4j_settings, "db", "init")
    assert result.returncode == 0, result.stderr
    assert "constraint article_id UNIQUENESS Article(id)" in result.stdout
    assert "index event_date RANGE Event(date)" in result.stdout
