"""The Cypher catalogue: statement splitting and lookup by name."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph_service import cypher


def test_semicolons_in_strings_identifiers_and_comments_do_not_split() -> None:
    text = """// header; still a comment
RETURN 'a;b' AS x; /* ; */ ;
MATCH (n:`odd;label`) RETURN "say \\";\\"" AS y;
/* trailing comment only */"""
    assert cypher.split_statements(text) == [
        "// header; still a comment\nRETURN 'a;b' AS x",
        'MATCH (n:`odd;label`) RETURN "say \\";\\"" AS y',
    ]


def test_a_file_of_comments_has_no_statements() -> None:
    assert cypher.split_statements("// nothing\n/* here */\n;\n") == []


def test_files_are_named_by_path_and_split(tmp_path: Path) -> None:
    (tmp_path / "write").mkdir()
    (tmp_path / "write" / "things.cypher").write_text("UNWIND $rows AS row MERGE (:T {id: row.id})\n")
    (tmp_path / "schema.cypher").write_text("CREATE INDEX a IF NOT EXISTS FOR (n:A) ON (n.x);\nRETURN 1;\n")
    found = cypher.catalogue(tmp_path)
    assert found["write/things"] == ("UNWIND $rows AS row MERGE (:T {id: row.id})",)
    assert len(found["schema"]) == 2


def test_unknown_names_fail_loudly() -> None:
    with pytest.raises(LookupError, match="no Cypher file"):
        cypher.query("write/does_not_exist")


def test_query_refuses_a_file_of_several_statements() -> None:
    with pytest.raises(LookupError, match="statements"):
        cypher.query("schema/constraints")


def test_the_schema_files_hold_only_idempotent_statements() -> None:
    for name in cypher.names("schema/"):
        for statement in cypher.statements(name):
            assert "IF NOT EXISTS" in statement, f"{name}: {statement}"


def test_the_paths_query_searches_as_deep_as_the_api_allows() -> None:
    from graph_service.queries import MAX_HOPS

    # A variable-length bound cannot be a parameter, so the file spells the maximum out.
    assert f"*..{MAX_HOPS}]" in cypher.query("read/paths")
