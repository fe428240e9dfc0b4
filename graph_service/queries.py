"""Read functions behind the API: `cypher/read/*.cypher` in READ transactions with a timeout -> plain rows.

Every function is a coroutine taking a `Reader` (one per process, around the process's async driver) and
keyword parameters, and returns dicts shaped like the query's columns. Unknown ids raise `NotFound`; an
unreachable or overloaded Neo4j raises `DatabaseUnavailable`. Existence checks run only when a query comes
back empty, so a found id costs one round trip.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import neo4j
from neo4j import AsyncDriver
from neo4j import exceptions as neo4j_errors

from graph_service import cypher
from graph_service.config import Settings
from graph_service.db import translated_errors
from graph_service.errors import DatabaseUnavailable, NotFound

logger = logging.getLogger(__name__)

# The deepest traversal any read allows (paths, neighbourhoods, exports); cypher/read/paths.cypher spells it.
MAX_HOPS = 4

# How each link kind reads from the actor's side ("out") and from the other actor's side ("in").
_LINK_WORDS: dict[str, tuple[str, str]] = {
    "strike": ("struck", "was struck by"),
    "accusation": ("accused", "was accused by"),
    "threat": ("threatened", "was threatened by"),
    "capture": ("captured from", "lost ground to"),
    "demand": ("made demands of", "received demands from"),
    "ceasefire_call": ("called for a ceasefire by", "was urged to cease fire by"),
    "denial": ("denied claims of", "had its claims denied by"),
    "casualty": ("caused casualties among", "suffered casualties from"),
    "LEADS": ("leads", "is led by"),
    "MEMBER_OF": ("is a member of", "has as member"),
    "PART_OF": ("is part of", "includes"),
    "SPOKESPERSON_FOR": ("speaks for", "is spoken for by"),
    "ALLIED_WITH": ("is allied with", "is allied with"),
    "SUPPORTS": ("supports", "is supported by"),
}


def describe_link(kind: str, direction: str) -> str:
    """How a link reads from the asking actor's side, e.g. ('strike', 'in') -> 'was struck by'."""
    outgoing, incoming = _LINK_WORDS.get(kind, (kind.lower().replace("_", " "), f"{kind.lower()} (by)"))
    return outgoing if direction == "out" else incoming


class Reader:
    """Runs named read queries in READ transactions, each with the configured timeout."""

    def __init__(self, driver: AsyncDriver, settings: Settings) -> None:
        self.driver = driver
        self.database = settings.neo4j_database
        # The full query timeout per transaction, whatever timeouts the driver itself was opened with.
        self.timeout_s = settings.query_timeout_s
        self._identity = (settings.neo4j_uri, settings.neo4j_user)

    async def first(self, name: str, **params: Any) -> dict[str, Any] | None:
        """The first record of `cypher/read/<name>.cypher` run with `params` as a dict, or None."""
        query = neo4j.Query(cypher.query(f"read/{name}"), timeout=self.timeout_s)
        # An auto-commit transaction in a READ session, not execute_read: its retry loop would hold a request
        # well past 2 s when Neo4j is down (the caller gets 503 at once and may retry), and it saves the
        # COMMIT round trip.
        with self._errors():
            async with self.driver.session(
                database=self.database,
                default_access_mode=neo4j.READ_ACCESS,
                notifications_min_severity="OFF",
            ) as session:
                result = await session.run(query, params)
                record = await result.single(strict=False)
        # Columns are plain values (maps, lists, strings), so dict() suffices: record.data() would walk every
        # nested value again.
        return dict(record) if record is not None else None

    async def rows(self, name: str, **params: Any) -> list[dict[str, Any]]:
        """The rows of a list query, which returns them collected in its one record's `rows` column.

        The driver's cost per record was most of the API's CPU on a page of 50 events; one record is one
        Bolt message however long the page.
        """
        record = await self.first(name, **params)
        assert record is not None, f"cypher/read/{name}.cypher must return one record"
        rows: list[dict[str, Any]] = record["rows"]
        return rows

    async def one(self, name: str, what: str, **params: Any) -> dict[str, Any]:
        """The single row of a look-up by id; `NotFound` names `what` when there is none."""
        found = await self.first(name, **params)
        if found is None:
            raise NotFound(f"no {what} with id {params.get('id')!r}")
        return found

    @contextmanager
    def _errors(self) -> Iterator[None]:
        try:
            with translated_errors(*self._identity):
                yield
        except neo4j_errors.ClientError as error:
            if "TransactionTimedOut" in (error.code or ""):
                raise DatabaseUnavailable(
                    f"the query took longer than {self.timeout_s:g} s and was cancelled"
                ) from error
            # The driver reports a full pool as a code-less ClientError.
            if error.code is None and "failed to obtain a connection" in str(error):
                raise DatabaseUnavailable(f"no free Neo4j connection: {error}") from error
            raise


async def server_info(reader: Reader) -> dict[str, Any]:
    """Name, version and edition of the Neo4j server."""
    return await reader.one("server_version", "server")


async def stats(reader: Reader) -> dict[str, Any]:
    """Counts of articles, actors, places, events, relationships, and events per type."""
    row = await reader.one("stats", "statistics")
    row["event_types"] = {item["type"]: item["count"] for item in row["event_types"] if item["type"]}
    return row


async def node_labels(reader: Reader, node_id: str) -> set[str]:
    """Which of 'Actor', 'Place', 'Event', 'Article' the id names (countries are actors and places)."""
    found = await reader.first("node_kind", id=node_id)
    return set(found["labels"]) if found is not None else set()


async def article(reader: Reader, article_id: str) -> dict[str, Any]:
    """One article with its mentions and reported events (in text order)."""
    row = await reader.one("article", "article", id=article_id)
    row["events"].sort(key=lambda event: (event["start"] if event["start"] is not None else -1, event["id"]))
    row["actors"].sort(key=lambda item: item["name"] or "")
    row["places"].sort(key=lambda item: item["name"] or "")
    return row


async def actors(
    reader: Reader, *, q: str | None, kind: str | None, country: str | None, offset: int, limit: int
) -> list[dict[str, Any]]:
    """Actors matching the filters, most active first."""
    return await reader.rows("actors", q=q, kind=kind, country=country, skip=offset, limit=limit)


async def actor(reader: Reader, actor_id: str) -> dict[str, Any]:
    """One actor with its role counts and the aliases articles used for it."""
    return await reader.one("actor", "actor", id=actor_id)


async def _require(reader: Reader, node_id: str, *labels: str) -> list[str]:
    """Those of `labels` that `node_id` names, in the order given; `NotFound` when none."""
    named = await node_labels(reader, node_id)
    found = [label for label in labels if label in named]
    if not found:
        raise NotFound(f"no {' or '.join(label.lower() for label in labels)} with id {node_id!r}")
    return found


async def actor_relations(reader: Reader, actor_id: str, *, offset: int, limit: int) -> list[dict[str, Any]]:
    """For each other actor, how it is linked to this one, with counts, dates and sample evidence."""
    found = await reader.rows("actor_relations", id=actor_id, skip=offset, limit=limit)
    if not found:
        await _require(reader, actor_id, "Actor")
    for row in found:
        for link in row["links"]:
            link["relation"] = describe_link(link["kind"], link["direction"])
            link["evidence"] = [item for item in link["evidence"] if item is not None]
        row["links"].sort(key=lambda link: (-link["count"], link["relation"]))
    return found


async def places(
    reader: Reader,
    *,
    q: str | None,
    near: tuple[float, float] | None,
    radius_km: float,
    offset: int,
    limit: int,
) -> list[dict[str, Any]]:
    """Places matching a name part and/or within `radius_km` of `near` (lat, lon), nearest first."""
    lat, lon = near if near is not None else (None, None)
    return await reader.rows(
        "places", q=q, lat=lat, lon=lon, radius_m=radius_km * 1000.0, skip=offset, limit=limit
    )


async def place(reader: Reader, place_id: str) -> dict[str, Any]:
    """One place with the places it lies in."""
    return await reader.one("place", "place", id=place_id)


async def events(
    reader: Reader,
    *,
    type: str | None = None,
    actor: str | None = None,
    place: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    claimed_by: str | None = None,
    disputed: bool | None = None,
    offset: int = 0,
    limit: int = 50,
) -> list[dict[str, Any]]:
    """Events matching every given filter, newest first."""
    return await reader.rows(
        "events",
        type=type,
        actor=actor,
        place=place,
        **{"from": date_from, "to": date_to},
        claimed_by=claimed_by,
        disputed=disputed,
        skip=offset,
        limit=limit,
    )


async def place_events(reader: Reader, place_id: str, *, offset: int, limit: int) -> list[dict[str, Any]]:
    """Events at or targeting a place or any place inside it, newest first."""
    found = await events(reader, place=place_id, offset=offset, limit=limit)
    if not found:
        await _require(reader, place_id, "Place")
    return found


async def event(reader: Reader, event_id: str) -> dict[str, Any]:
    """One event with evidence, claimants, denials, casualty claims, reporting articles and linked events."""
    row = await reader.one("event", "event", id=event_id)
    articles: dict[str, dict[str, Any]] = {}
    for report in sorted(row["evidence"], key=lambda item: (item["article"], item["start"] or 0)):
        articles.setdefault(
            report["article"],
            {key: report[key] for key in ("title", "source", "url", "published")} | {"id": report["article"]},
        )
    row["articles"] = list(articles.values())
    return row


async def disputed_claims(reader: Reader, *, offset: int, limit: int) -> list[dict[str, Any]]:
    """Events some actor denies, with claimants, deniers and both sentences."""
    return await reader.rows("disputed_claims", skip=offset, limit=limit)


async def timeline(
    reader: Reader, *, actor: str | None, place: str | None, granularity: str
) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """The subject (actor or place) and its events and casualty claims per day or week."""
    node_id, label = (actor, "Actor") if actor is not None else (place, "Place")
    assert node_id is not None
    points = await reader.rows("timeline", actor=actor, place=place, week=granularity == "week")
    if not points:
        await _require(reader, node_id, label)
    return {"id": node_id, "label": label}, points


async def paths(
    reader: Reader, source: str, target: str, *, max_hops: int, limit: int
) -> list[dict[str, Any]]:
    """The shortest connections (<= `max_hops` links) between two actors or places, never via articles."""
    found = await reader.first("paths", **{"from": source, "to": target}, max_hops=max_hops, limit=limit)
    assert found is not None, "cypher/read/paths.cypher returns one record"
    for node_id, known in ((source, found["from_known"]), (target, found["to_known"])):
        if not known:
            raise NotFound(f"no actor or place with id {node_id!r}")
    rows: list[dict[str, Any]] = found["rows"]
    return rows


async def neighborhood(reader: Reader, node_id: str, *, hops: int, limit: int) -> dict[str, Any]:
    """Nodes and links within `hops` of an actor, place or event, breadth first, at most `limit` nodes."""
    kinds = await _require(reader, node_id, "Actor", "Place", "Event")
    nodes: dict[str, dict[str, Any]] = {}
    edges: dict[tuple[str, str, str], dict[str, Any]] = {}
    frontier = [node_id]
    truncated = False
    for _ in range(hops):
        if not frontier:
            break
        # Enough links to fill the node budget; a hub may still hold more, which `truncated` reports.
        budget = max(1, limit - len(nodes)) * 4
        rows = await reader.rows("neighborhood_step", ids=frontier, limit=budget)
        truncated = truncated or len(rows) >= budget
        next_frontier: list[str] = []
        for row in rows:
            ends = (row["source"], row["target"])
            for end in ends:
                if end["id"] not in nodes:
                    if len(nodes) >= limit:
                        truncated = True
                        continue
                    nodes[end["id"]] = end
                    next_frontier.append(end["id"])
            if all(end["id"] in nodes for end in ends):
                key = (row["source"]["id"], row["type"], row["target"]["id"])
                edges[key] = {"source": key[0], "type": key[1], "target": key[2]}
        frontier = [item for item in next_frontier if item != node_id]
    if not nodes:
        nodes[node_id] = {"id": node_id, "label": kinds[0], "name": None}
    return {"nodes": list(nodes.values()), "edges": list(edges.values()), "truncated": truncated}
