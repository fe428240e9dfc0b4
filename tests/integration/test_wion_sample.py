"""The canonical article end to end: `ckg ingest` the WION sample, then ask the graph what an analyst asks."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph_service import cypher

pytestmark = pytest.mark.integration

SAMPLE = (
    Path(__file__).resolve().parents[2].parent / "shared" / "samples" / "wion-2020-10-05-nagorno-karabakh.txt"
)
TEST_CYPHER = Path(__file__).parent / "cypher"


@pytest.mark.skipif(not SAMPLE.exists(), reason="../shared/samples is not beside the checkout")
def test_ganja_strike_is_claimed_by_azerbaijan_denied_by_armenia_with_its_casualties(
    clean_graph, neo4j_settings, ckg
):
    result = ckg(neo4j_settings, "ingest", str(SAMPLE))
    assert result.returncode == 0, result.stderr
    assert "articles: 1 new" in result.stdout

    [query] = cypher.catalogue(TEST_CYPHER)["wion_ganja"]
    with clean_graph.session(database=neo4j_settings.neo4j_database) as session:
        row = session.run(query, place="Ganja").single()

    assert "Armenia" in row["agents"]
    assert "Azerbaijan" in row["claimants"]
    assert "Armenia" in row["deniers"]
    assert 1 in row["killed"] and 32 in row["injured"] and "civilian" in row["victims"]
