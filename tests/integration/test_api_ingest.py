"""POST /articles over real HTTP: the `ckg ingest` path (sources -> extractor -> writer) behind the API key.

Extraction quality is another test's business: these tests check ids, counts and that an obvious event
produces something, not the exact extraction.
"""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest
from neo4j import Driver
from test_api_http import API_KEY, api_settings, serving

from graph_service.config import Settings
from loaders.normalize import article_id

pytestmark = pytest.mark.integration

SHELLING = (
    "Russian forces shelled the town of Kupiansk in eastern Ukraine on Monday, killing 3 civilians, "
    "the regional governor said."
)
AUTH = {"X-API-Key": API_KEY}


@pytest.fixture
def client(clean_graph: Driver, neo4j_settings: Settings) -> Iterator[httpx.Client]:
    """A client of an API over an empty graph."""
    with serving(api_settings(neo4j_settings)) as url, httpx.Client(base_url=url, timeout=120) as http:
        yield http


def test_posting_an_article_writes_it_and_its_events(client: httpx.Client) -> None:
    article = {
        "text": SHELLING,
        "title": "Shelling in Kupiansk",
        "source": "Test Wire",
        "published": "2024-05-07",
    }
    response = client.post("/articles", json=article, headers=AUTH)
    assert response.status_code == 200, response.text
    body = response.json()
    assert (body["new"], body["skipped"], body["failed"]) == (1, 0, 0)
    assert body["events"] >= 1
    (entry,) = body["articles"]
    assert entry == {"index": 0, "id": article_id(SHELLING), "status": "new", "reason": None}

    stored = client.get(f"/articles/{entry['id']}").json()
    assert stored["title"] == "Shelling in Kupiansk" and stored["published"] == "2024-05-07"
    assert stored["events"] and stored["events"][0]["sentence"]
    assert client.get("/stats").json()["articles"] == 1


def test_a_list_is_written_once_per_text_and_bad_records_fail_alone(client: httpx.Client) -> None:
    other = "Officials in Kyiv said air defences shot down 12 drones overnight."
    first = client.post("/articles", json=[{"text": SHELLING}, {"text": other}], headers=AUTH).json()
    assert (first["new"], first["skipped"]) == (2, 0)
    again = client.post("/articles", json=[{"text": SHELLING}, {"text": "   "}], headers=AUTH).json()
    assert [entry["status"] for entry in again["articles"]] == ["skipped", "failed"]
    assert "without text" in again["articles"][1]["reason"]
    assert client.get("/stats").json()["articles"] == 2


def test_a_body_that_is_not_articles_is_422(client: httpx.Client) -> None:
    for body in ({"title": "no text"}, [], {"text": ""}):
        response = client.post("/articles", json=body, headers=AUTH)
        assert response.status_code == 422, (body, response.text)
        assert response.json()["errors"]
