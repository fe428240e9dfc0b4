"""The HTTP API over real HTTP (uvicorn on a free port, httpx) against the session's real Neo4j server.

The graph is invented: Eastmark shells Brookfield (a city of Lowland Province, in Westmark), Westmark
claims it, Eastmark denies it, two sources give different death tolls, Westmark threatens Eastmark,
Northland supports Westmark. Facts are hand-built extraction records written through the writer.
"""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import httpx
import pytest
import uvicorn
from conftest import free_port
from neo4j import Driver
from pydantic import SecretStr

from graph_service import cypher, db
from graph_service.api import create_app
from graph_service.config import Settings
from graph_service.ingest import Prepared, write_all
from graph_service.records import Extraction
from graph_service.writer import GraphWriter

pytestmark = pytest.mark.integration

API_KEY = "test-key-0123456789"
ACTORS = [
    {"id": "A1", "name": "Eastmark", "kind": "country", "country": "EMK", "aliases": ["Eastmarkian forces"]},
    {"id": "A2", "name": "Westmark", "kind": "country", "country": "WMK", "aliases": ["Westmarkian"]},
    {"id": "A3", "name": "Northland", "kind": "country", "country": "NLD"},
    {"id": "A4", "name": "Ola Teller", "kind": "person", "country": "WMK", "title": "spokeswoman"},
]
PLACES = [
    {"id": "P1", "name": "Brookfield", "kind": "city", "country": "WMK", "lat": 10.5, "lon": 20.25},
    {"id": "P2", "name": "Lowland Province", "kind": "region", "country": "WMK"},
]
STRIKE_DAY = "2024-05-06"  # a Monday
THREAT_DAY = "2024-05-08"  # the same week


def evidence(sentence: str, start: int) -> dict[str, Any]:
    """Evidence for an invented sentence at `start`."""
    return {"sentence": sentence, "start": start, "end": start + len(sentence)}


def report(
    article_id: str, source: str, killed: int, *, extra: list[dict[str, Any]] | None = None
) -> Prepared:
    """One invented report of the Brookfield shelling, with its own death toll."""
    strike = "Eastmarkian forces shelled Brookfield, Westmark said."
    toll = f"{killed} civilians were killed."
    record = {
        "article": {"id": article_id, "title": f"Shelling ({source})", "source": source,
                    "published": STRIKE_DAY},
        "actors": ACTORS,
        "places": PLACES,
        "events": [
            {"id": "E1", "type": "strike", "date": STRIKE_DAY, "agents": ["A1"], "locations": ["P1"],
             "claimed_by": ["A2"], "weapon": "artillery", "evidence": evidence(strike, 0)},
            {"id": "E2", "type": "casualty", "date": STRIKE_DAY, "locations": ["P1"], "claimed_by": ["A2"],
             "killed": killed, "victims": "civilian", "cause": "E1", "evidence": evidence(toll, 60)},
            *(extra or []),
        ],
        "relations": [
            {"type": "located_in", "source": "P1", "target": "P2"},
            {"type": "spokesperson_for", "source": "A4", "target": "A2"},
            {"type": "supports", "source": "A3", "target": "A2"},
        ],
    }  # fmt: skip
    return Prepared(Extraction.model_validate(record), text=f"{strike} {toll}", origin=article_id)


def invented_articles() -> list[Prepared]:
    """Three reports: two tolls (3 and 5 dead), one with Eastmark's denial and Westmark's threat."""
    denial = "Eastmark denied shelling Brookfield."
    threat = "Westmark threatened Eastmark with retaliation."
    return [
        report("art-wire", "Invented Wire", 3),
        report("art-daily", "Invented Daily", 5, extra=[
            {"id": "E3", "type": "denial", "date": STRIKE_DAY, "agents": ["A1"], "denies": ["E1"],
             "evidence": evidence(denial, 120)},
            {"id": "E4", "type": "threat", "date": THREAT_DAY, "agents": ["A2"], "targets": ["A1"],
             "evidence": evidence(threat, 180)},
        ]),
    ]  # fmt: skip


def load_invented_graph(driver: Driver, settings: Settings) -> None:
    """Empty the database, apply the schema and write the invented reports."""
    database = settings.neo4j_database
    db.run_statements(driver, database, cypher.statements("admin/delete_all"))
    db.apply_schema(driver, database)
    summary = write_all(invented_articles(), GraphWriter(driver, database=database))
    assert summary.new == 2 and not summary.failed


@contextmanager
def serving(settings: Settings) -> Iterator[str]:
    """The API for `settings` under uvicorn in a thread on a free port; yields its base URL."""
    port = free_port()
    server = uvicorn.Server(
        uvicorn.Config(create_app(settings), host="127.0.0.1", port=port, log_level="warning")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        assert thread.is_alive() and time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


def api_settings(neo4j_settings: Settings, **changes: Any) -> Settings:
    """The session's Neo4j settings with an API key and `changes`."""
    return neo4j_settings.model_copy(update={"ckg_api_key": SecretStr(API_KEY), **changes})


@pytest.fixture(scope="module")
def api_url(neo4j_driver: Driver, neo4j_settings: Settings) -> Iterator[str]:
    """Base URL of an API serving the invented graph."""
    load_invented_graph(neo4j_driver, neo4j_settings)
    with serving(api_settings(neo4j_settings)) as url:
        yield url


@pytest.fixture
def client(api_url: str) -> Iterator[httpx.Client]:
    """An HTTP client for the API."""
    with httpx.Client(base_url=api_url, timeout=10) as http:
        yield http


def ok(response: httpx.Response) -> Any:
    """The JSON body of a 200 answer."""
    assert response.status_code == 200, response.text
    return response.json()


def error(response: httpx.Response, status: int) -> str:
    """The message of a JSON error answer with `status`."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/json"
    body = response.json()
    assert body["status"] == status and body["message"]
    return body["message"]


# ------------------------------------------------------------------------------------- health, stats, docs


def test_health_reports_the_neo4j_version(client: httpx.Client) -> None:
    body = ok(client.get("/health"))
    assert body["status"] == "ok"
    assert body["neo4j"]["version"].startswith("5.")


def test_stats_count_the_invented_graph(client: httpx.Client) -> None:
    body = ok(client.get("/stats"))
    assert body["articles"] == 2 and body["actors"] == 4
    # One merged strike, one casualty claim per source, one denial, one threat.
    assert body["event_types"] == {"strike": 1, "casualty": 2, "denial": 1, "threat": 1}


def test_openapi_documents_every_endpoint_with_examples(client: httpx.Client) -> None:
    schema = ok(client.get("/openapi.json"))
    for path in (
        "/health",
        "/stats",
        "/articles",
        "/articles/{article_id}",
        "/actors",
        "/actors/{actor_id}",
        "/actors/{actor_id}/relations",
        "/places",
        "/places/{place_id}/events",
        "/events",
        "/events/{event_id}",
        "/claims/disputed",
        "/timeline",
        "/paths",
        "/graph/neighborhood",
    ):
        assert path in schema["paths"], path  # fmt: skip
    assert schema["components"]["schemas"]["EventSummary"]["examples"]
    assert "404" in schema["paths"]["/events/{event_id}"]["get"]["responses"]


# ------------------------------------------------------------------------------------- actors


def test_actors_are_found_by_alias_kind_and_country(client: httpx.Client) -> None:
    by_alias = ok(client.get("/actors", params={"q": "eastmarkian"}))["items"]
    assert [actor["id"] for actor in by_alias] == ["country:EMK"]
    people = ok(client.get("/actors", params={"kind": "person", "country": "wmk"}))["items"]
    assert [actor["name"] for actor in people] == ["Ola Teller"]


def test_actor_pages_have_a_next_offset_while_full(client: httpx.Client) -> None:
    first = ok(client.get("/actors", params={"limit": 3}))
    rest = ok(client.get("/actors", params={"limit": 3, "offset": first["next_offset"]}))
    assert len(first["items"]) == 3 and first["next_offset"] == 3
    assert len(rest["items"]) == 1 and rest["next_offset"] is None
    assert {a["id"] for a in first["items"]}.isdisjoint(a["id"] for a in rest["items"])


def test_actor_detail_lists_aliases_with_their_articles(client: httpx.Client) -> None:
    body = ok(client.get("/actors/country:EMK"))
    assert body["events_as_agent"] == 2 and body["events_as_target"] == 1
    sources = {item["alias"]: sorted(item["articles"]) for item in body["alias_sources"]}
    assert sources["Eastmarkian forces"] == ["art-daily", "art-wire"]


def test_relations_say_how_two_actors_are_linked(client: httpx.Client) -> None:
    items = ok(client.get("/actors/country:EMK/relations"))["items"]
    westmark = next(item for item in items if item["id"] == "country:WMK")
    links = {link["relation"]: link for link in westmark["links"]}
    # The strike hit a Westmark city, Westmark claimed it, Eastmark denied it, Westmark threatened Eastmark.
    assert set(links) == {"struck", "denied claims of", "was threatened by"}
    assert links["struck"]["count"] == 1 and links["struck"]["first"] == STRIKE_DAY
    assert (
        links["struck"]["evidence"][0]["sentence"] == "Eastmarkian forces shelled Brookfield, Westmark said."
    )
    supporters = ok(client.get("/actors/country:WMK/relations"))["items"]
    northland = next(item for item in supporters if item["id"] == "country:NLD")
    assert [link["relation"] for link in northland["links"]] == ["is supported by"]
    assert northland["links"][0]["count"] == 2  # stated by both articles


def test_unknown_ids_are_404_with_a_message(client: httpx.Client) -> None:
    for path in (
        "/actors/country:XXX",
        "/actors/country:XXX/relations",
        "/places/nowhere",
        "/places/nowhere/events",
        "/events/ev-none",
        "/articles/a_none",
    ):
        assert "no " in error(client.get(path), 404), path  # fmt: skip
    for path, params in (
        ("/timeline", {"actor": "country:XXX"}),
        ("/graph/neighborhood", {"node": "nowhere"}),
        ("/paths", {"from": "x", "to": "country:NLD"}),
    ):
        assert "no " in error(client.get(path, params=params), 404), path


def test_known_ids_with_nothing_to_show_are_empty_not_404(client: httpx.Client) -> None:
    # Existence is checked only when a query comes back empty; a known id must still answer 200.
    brookfield = ok(client.get("/places", params={"q": "brookfield"}))["items"][0]["id"]
    for path, params in (
        ("/actors/country:EMK/relations", {"offset": 400}),
        (f"/places/{brookfield}/events", {"offset": 400}),
    ):
        assert ok(client.get(path, params=params))["items"] == [], path
    # Northland only supports Westmark: it carried out no dated event.
    assert ok(client.get("/timeline", params={"actor": "country:NLD"}))["points"] == []


def test_a_country_id_names_the_actor_and_the_place(client: httpx.Client) -> None:
    assert ok(client.get("/actors/country:WMK"))["name"] == "Westmark"
    # The country as a place holds Brookfield, where the strike hit.
    events = ok(client.get("/places/country:WMK/events"))["items"]
    assert "strike" in {event["type"] for event in events}
    assert ok(client.get("/timeline", params={"place": "country:WMK"}))["points"]


# ------------------------------------------------------------------------------------- places


def test_places_are_found_by_name_and_around_a_point(client: httpx.Client) -> None:
    named = ok(client.get("/places", params={"q": "brook"}))["items"]
    assert [place["name"] for place in named] == ["Brookfield"]
    near = ok(client.get("/places", params={"near": "10.6,20.25", "radius_km": 20}))["items"]
    assert [place["name"] for place in near] == ["Brookfield"]
    assert 10 < near[0]["distance_km"] < 12
    assert ok(client.get("/places", params={"near": "10.6,20.25", "radius_km": 5}))["items"] == []


def test_events_of_a_region_include_its_towns(client: httpx.Client) -> None:
    places = ok(client.get("/places", params={"q": "lowland"}))["items"]
    region = places[0]["id"]
    events = ok(client.get(f"/places/{region}/events"))["items"]
    assert sorted(event["type"] for event in events) == ["casualty", "casualty", "strike"]
    assert ok(client.get(f"/places/{region}"))["events"] == 3


# ------------------------------------------------------------------------------------- events and claims


def strike_id(client: httpx.Client) -> str:
    """Id of the invented strike."""
    (strike,) = ok(client.get("/events", params={"type": "strike"}))["items"]
    return strike["id"]


def test_events_filter_by_actor_type_dates_claimant_and_dispute(client: httpx.Client) -> None:
    def types(**params: Any) -> list[str]:
        return sorted(event["type"] for event in ok(client.get("/events", params=params))["items"])

    assert types(actor="country:EMK") == ["denial", "strike", "threat"]  # agent or target
    assert types(actor="country:EMK", type="strike") == ["strike"]
    assert types(**{"from": THREAT_DAY}) == ["threat"]
    assert types(**{"to": STRIKE_DAY}, claimed_by="country:WMK") == ["casualty", "casualty", "strike"]
    assert types(disputed="true") == ["strike"]
    assert types(place="geonames:none") == []


def test_event_detail_keeps_each_sources_figures_and_the_denial(client: httpx.Client) -> None:
    body = ok(client.get(f"/events/{strike_id(client)}"))
    assert body["disputed"] is True and body["reports"] == 2
    assert sorted(article["source"] for article in body["articles"]) == ["Invented Daily", "Invented Wire"]
    assert sorted(claim["killed"] for claim in body["casualties"]) == [3, 5]
    (denial,) = body["denials"]
    assert denial["by"] == [{"id": "country:EMK", "name": "Eastmark"}]
    assert denial["sentences"][0]["sentence"] == "Eastmark denied shelling Brookfield."
    assert body["evidence"][0]["start"] == 0


def test_disputed_claims_show_claimant_and_denier(client: httpx.Client) -> None:
    (claim,) = ok(client.get("/claims/disputed"))["items"]
    assert claim["claimed_by"] == [{"id": "country:WMK", "name": "Westmark"}]
    assert claim["denials"][0]["by"][0]["name"] == "Eastmark"
    assert {item["article"] for item in claim["claims"]} == {"art-wire", "art-daily"}


def test_article_detail_lists_its_facts_in_text_order(client: httpx.Client) -> None:
    body = ok(client.get("/articles/art-daily"))
    assert [event["type"] for event in body["events"]] == ["strike", "casualty", "denial", "threat"]
    assert {actor["name"] for actor in body["actors"]} == {"Eastmark", "Westmark", "Northland", "Ola Teller"}


# ------------------------------------------------------------------------------------- timeline, paths, graph


def test_timeline_per_day_and_per_week(client: httpx.Client) -> None:
    place = ok(client.get("/places", params={"q": "brookfield"}))["items"][0]["id"]
    days = ok(client.get("/timeline", params={"place": place}))
    assert [(p["period"], p["strikes"], sorted(p["killed_per_source"])) for p in days["points"]] == [
        (STRIKE_DAY, 1, [3, 5])
    ]
    weeks = ok(client.get("/timeline", params={"actor": "country:WMK", "granularity": "week"}))["points"]
    # Westmark's threat (Wednesday) falls in the week starting on the Monday of the strike.
    assert [(p["period"], p["events"]) for p in weeks] == [(STRIKE_DAY, 1)]


def test_paths_connect_two_actors_within_max_hops(client: httpx.Client) -> None:
    body = ok(client.get("/paths", params={"from": "country:NLD", "to": "country:EMK"}))
    # Northland supports Westmark, which claims Eastmark's strike and threatens Eastmark: two 3-link paths.
    assert sorted(len(path["edges"]) for path in body["paths"]) == [3, 3]
    assert all(path["nodes"][1]["id"] == "country:WMK" for path in body["paths"])
    assert {path["nodes"][2]["name"] for path in body["paths"]} == {"strike", "threat"}
    assert {"source": "country:NLD", "target": "country:WMK", "type": "SUPPORTS"} in body["paths"][0]["edges"]
    shorter = ok(client.get("/paths", params={"from": "country:NLD", "to": "country:EMK", "max_hops": 2}))
    assert shorter["paths"] == []
    assert "no actor or place" in error(client.get("/paths", params={"from": "country:NLD", "to": "x"}), 404)


def test_neighborhood_is_nodes_and_edges_without_articles(client: httpx.Client) -> None:
    body = ok(client.get("/graph/neighborhood", params={"node": "country:NLD", "hops": 2}))
    ids = {node["id"] for node in body["nodes"]}
    assert {"country:NLD", "country:WMK"} <= ids
    assert not any(node["id"].startswith("art-") for node in body["nodes"])
    assert {"source": "country:NLD", "target": "country:WMK", "type": "SUPPORTS"} in body["edges"]
    assert all(edge["source"] in ids and edge["target"] in ids for edge in body["edges"])
    small = ok(client.get("/graph/neighborhood", params={"node": "country:WMK", "hops": 2, "limit": 3}))
    assert len(small["nodes"]) == 3 and small["truncated"] is True


# ------------------------------------------------------------------------------------- validation


@pytest.mark.parametrize(
    ("path", "params"),
    [
        ("/actors", {"limit": 501}),
        ("/actors", {"offset": -1}),
        ("/actors", {"kind": "wizard"}),
        ("/places", {"near": "91,0"}),
        ("/places", {"near": "ten,twenty"}),
        ("/events", {"from": "2024-13-01"}),
        ("/events", {"from": "2024-05-09", "to": "2024-05-01"}),
        ("/events", {"type": "party"}),
        ("/timeline", {}),
        ("/timeline", {"actor": "country:EMK", "place": "x"}),
        ("/paths", {"from": "country:NLD", "to": "country:EMK", "max_hops": 5}),
        ("/graph/neighborhood", {"node": "country:NLD", "hops": 5}),
    ],
)
def test_bad_parameters_are_422_with_a_message(client: httpx.Client, path: str, params: dict) -> None:
    error(client.get(path, params=params), 422)


# ------------------------------------------------------------------------------------- auth and limits


def test_writes_need_the_right_key(client: httpx.Client) -> None:
    article = {"text": "Invented."}
    assert "missing" in error(client.post("/articles", json=article), 401)
    assert "wrong" in error(client.post("/articles", json=article, headers={"X-API-Key": "nope"}), 401)
    not_ascii = {"X-API-Key": "clé-Ω".encode()}
    assert "wrong" in error(client.post("/articles", json=article, headers=not_ascii), 401)


def test_writes_are_refused_when_no_key_is_configured(neo4j_settings: Settings, api_url: str) -> None:
    with serving(api_settings(neo4j_settings, ckg_api_key=None)) as url:
        message = error(httpx.post(f"{url}/articles", json={"text": "x"}, headers={"X-API-Key": "x"}), 403)
        assert "CKG_API_KEY" in message


def test_bodies_over_5_mb_are_413(client: httpx.Client) -> None:
    big = b'{"text": "' + b"x" * (5 * 1024 * 1024) + b'"}'
    headers = {"X-API-Key": "nope", "content-type": "application/json"}
    error(client.post("/articles", content=big, headers=headers), 413)
    # Without a Content-Length (chunked), the limit applies while the body streams.
    chunks = (big[i : i + 65536] for i in range(0, len(big), 65536))
    error(client.post("/articles", content=chunks, headers=headers), 413)


def test_reads_need_the_key_when_the_setting_says_so(neo4j_settings: Settings, api_url: str) -> None:
    with serving(api_settings(neo4j_settings, ckg_require_key_for_reads=True)) as url:
        error(httpx.get(f"{url}/stats"), 401)
        error(httpx.get(f"{url}/stats", headers={"X-API-Key": "nope"}), 401)
        assert httpx.get(f"{url}/stats", headers={"X-API-Key": API_KEY}).status_code == 200
    assert httpx.get(f"{api_url}/stats").status_code == 200  # the default: reads are open


# ------------------------------------------------------------------------------------- Neo4j down


class Relay:
    """A TCP relay from a local port to Neo4j's Bolt port: off, the port is closed, as if Neo4j were down."""

    def __init__(self, port: int, target: int) -> None:
        self.port = port
        self.target = target
        self._listener: socket.socket | None = None
        self._sockets: list[socket.socket] = []

    def start(self) -> None:
        """Accept and relay connections in background threads."""
        listener = socket.create_server(("127.0.0.1", self.port))
        self._listener = listener
        threading.Thread(target=self._accept, args=(listener,), daemon=True).start()

    def stop(self) -> None:
        """Close the port and cut every relayed connection."""
        for sock in [self._listener, *self._sockets]:
            if sock is not None:
                # shutdown() first: close() alone leaves a thread blocked in accept() holding the port.
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)
                sock.close()
        self._listener, self._sockets = None, []

    def _accept(self, listener: socket.socket) -> None:
        while True:
            try:
                client, _ = listener.accept()
            except OSError:
                return
            upstream = socket.create_connection(("127.0.0.1", self.target))
            self._sockets += [client, upstream]
            for source, sink in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pipe, args=(source, sink), daemon=True).start()

    @staticmethod
    def _pipe(source: socket.socket, sink: socket.socket) -> None:
        try:
            while data := source.recv(65536):
                sink.sendall(data)
        except OSError:
            pass
        finally:
            for sock in (source, sink):
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)


def test_neo4j_down_is_a_fast_503_and_the_api_recovers_by_itself(
    neo4j_settings: Settings, api_url: str
) -> None:
    relay = Relay(free_port(), neo4j_settings.neo4j_bolt_port)
    settings = api_settings(neo4j_settings, neo4j_uri=f"bolt://127.0.0.1:{relay.port}")
    with serving(settings) as url, httpx.Client(base_url=url, timeout=10) as http:
        for path in ("/health", "/actors", "/events?actor=country:EMK"):
            started = time.monotonic()
            response = http.get(path)
            assert time.monotonic() - started < 2.0
            assert "unavailable" in error(response, 503)
            assert int(response.headers["Retry-After"]) > 0
        relay.start()
        try:
            assert ok(http.get("/stats"))["articles"] == 2
            relay.stop()
            error(http.get("/stats"), 503)
            relay.start()
            # The pool may hand out one connection that died with the relay; the next request reconnects.
            statuses = [http.get("/stats").status_code for _ in range(3)]
            assert statuses[-1] == 200, statuses
        finally:
            relay.stop()
