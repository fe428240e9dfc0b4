"""Extraction records -> parameter rows -> one write transaction per article (or per batch of articles).

The first half is pure: canonical keys for actors, places and events (the extraction's own ids are local to
one article) and the rows every `cypher/write/*.cypher` statement UNWINDs.
The second half runs those statements.
"""

from __future__ import annotations

import hashlib
import logging
import re
import unicodedata
import uuid
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from neo4j import Driver, ManagedTransaction
from neo4j.exceptions import Neo4jError, ServiceUnavailable, SessionExpired

from graph_service.cypher import query, statements
from graph_service.errors import DatabaseUnavailable
from graph_service.records import EVENT_TYPES, Actor, Event, Extraction, Place

logger = logging.getLogger(__name__)

# Label per event type: a fixed whitelist, never text from the input.
EVENT_LABELS: dict[str, str] = {
    "strike": "Strike",
    "casualty": "Casualty",
    "denial": "Denial",
    "accusation": "Accusation",
    "capture": "Capture",
    "demand": "Demand",
    "ceasefire_call": "CeasefireCall",
    "threat": "Threat",
}
assert set(EVENT_LABELS) == set(EVENT_TYPES)

ACTOR_RELATION_TYPES: dict[str, str] = {
    "leads": "LEADS",
    "member_of": "MEMBER_OF",
    "part_of": "PART_OF",
    "spokesperson_for": "SPOKESPERSON_FOR",
    "allied_with": "ALLIED_WITH",
    "supports": "SUPPORTS",
}

# Types whose reports from several articles may be one real-world event; casualty figures never merge.
_PLACE_MERGED_TYPES = frozenset({"strike", "capture"})
_AGENT_MERGED_TYPES = frozenset({"denial", "accusation", "demand", "ceasefire_call", "threat"})

_ISO3 = re.compile(r"^[A-Z]{3}$")
_NON_WORD = re.compile(r"[^\w]+")
_LEADING_THE = re.compile(r"^the\s+")
_POSSESSIVE = re.compile(r"['’]s\b")


# ------------------------------------------------------------------------------------- canonical keys


def normalise_name(name: str) -> str:
    """Case-, accent-, punctuation- and 'the'-insensitive form of a name ('The Azeri's' -> 'azeri')."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    text = _POSSESSIVE.sub("", text)
    text = _NON_WORD.sub(" ", text).replace("_", " ").strip()
    return _LEADING_THE.sub("", text)


def iso3(code: str | None) -> str | None:
    """The upper-case ISO 3166-1 alpha-3 code, or None when `code` is not one."""
    if code is None:
        return None
    code = code.strip().upper()
    return code if _ISO3.match(code) else None


def actor_key(actor: Actor) -> str:
    """Cross-article id of an actor: ISO3 for a country, else kind + normalised name."""
    country = iso3(actor.country)
    if actor.kind == "country" and country:
        return f"country:{country}"
    return f"actor:{actor.kind}:{normalise_name(actor.name)}"


def place_key(place: Place) -> str:
    """Cross-article id of a place: GeoNames id, else ISO3 for a country, else kind + country + name."""
    if place.geonames_id is not None:
        return f"geonames:{place.geonames_id}"
    country = iso3(place.country)
    if place.kind == "country" and country:
        return f"country:{country}"
    return f"place:{place.kind}:{(country or '').lower()}:{normalise_name(place.name)}"


def country_place_key(code: str) -> str:
    """Id of the country Place a place without an explicit container is LOCATED_IN."""
    return f"country:{code}"


def _digest(key: str) -> str:
    return "ev-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:24]


def local_event_id(article_id: str, event: Event, ordinal: int) -> str:
    """Id of an event only its own article reports: article, type, sentence offset, rank in the sentence."""
    return _digest(f"local|{article_id}|{event.type}|{event.evidence.start}|{ordinal}")


def merged_event_key(
    event: Event,
    *,
    agents: Sequence[str],
    places: Sequence[str],
    targets: Sequence[str],
    linked_events: Sequence[str],
) -> str | None:
    """The cross-article merge key of an event, or None when it is not safe to merge.

    Strikes and captures merge on type + date + places + the exact set of agents; speech acts (denial,
    accusation, demand, ceasefire call, threat) on type + date + agents + targets + the events they are about.
    Casualties never merge: each source's figures stay its own claim. Arguments are canonical keys.
    """
    if event.date is None:
        return None
    if event.type in _PLACE_MERGED_TYPES and places:
        parts: tuple[Sequence[str], ...] = (places, agents)
    elif event.type in _AGENT_MERGED_TYPES and agents:
        parts = (agents, targets, linked_events)
    else:
        return None
    return "|".join(["merged", event.type, event.date[:10], *(",".join(sorted(set(p))) for p in parts)])


# ------------------------------------------------------------------------------------- rows


@dataclass
class ArticleRows:
    """Every parameter row one article contributes, one list per write statement."""

    article_id: str
    article: list[dict[str, Any]] = field(default_factory=list)
    actors: list[dict[str, Any]] = field(default_factory=list)
    places: list[dict[str, Any]] = field(default_factory=list)
    countries: list[dict[str, Any]] = field(default_factory=list)
    place_hierarchy: list[dict[str, Any]] = field(default_factory=list)
    actor_relations: list[dict[str, Any]] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)
    event_actor_links: list[dict[str, Any]] = field(default_factory=list)
    event_place_links: list[dict[str, Any]] = field(default_factory=list)
    event_event_links: list[dict[str, Any]] = field(default_factory=list)

    @property
    def event_count(self) -> int:
        """Number of event reports (one per extracted event)."""
        return len(self.events)


# Statement order: nodes before the relationships that MATCH them.
ROW_STATEMENTS: tuple[tuple[str, str], ...] = (
    ("article", "write/article"),
    ("actors", "write/actors"),
    ("countries", "write/country_places"),
    ("places", "write/places"),
    ("place_hierarchy", "write/place_hierarchy"),
    ("actor_relations", "write/actor_relations"),
    ("events", "write/events"),
    ("event_actor_links", "write/event_actor_links"),
    ("event_place_links", "write/event_place_links"),
    ("event_event_links", "write/event_event_links"),
)


def _surface_forms(name: str, aliases: Iterable[str]) -> list[str]:
    seen: dict[str, None] = {}
    for form in (name, *aliases):
        form = " ".join(form.split())
        if form:
            seen.setdefault(form, None)
    return list(seen)


def _country_name(code: str) -> str:
    import pycountry

    country = pycountry.countries.get(alpha_3=code)
    return country.name if country is not None else code


def _event_ids(
    extraction: Extraction, actor_ids: dict[str, str], place_ids: dict[str, str]
) -> tuple[dict[str, str], set[str]]:
    """Graph id per local event id, and the local ids whose event only this article reports.

    Events that point at other events (denials, accusations) are keyed after the events they point at.
    """
    article_id = extraction.article.id
    ordinals: dict[tuple[str, int], int] = {}
    ranks: dict[str, int] = {}
    for event in extraction.events:
        slot = (event.type, event.evidence.start)
        ranks[event.id] = ordinals.get(slot, 0)
        ordinals[slot] = ranks[event.id] + 1

    ids: dict[str, str] = {}
    single_source: set[str] = set()
    pending = [e for e in extraction.events if e.denies or e.about]
    for event in [e for e in extraction.events if not (e.denies or e.about)] + pending:
        refs = (*event.denies, *event.about)
        linked = [ids.get(ref) for ref in refs]
        key = merged_event_key(
            event,
            agents=[actor_ids[a] for a in event.agents if a in actor_ids],
            places=[place_ids[p] for p in (*event.locations, *event.targets) if p in place_ids],
            targets=[
                actor_ids.get(t) or place_ids[t] for t in event.targets if t in actor_ids or t in place_ids
            ],
            linked_events=[ref for ref in linked if ref is not None],
        )
        if None in linked or single_source.intersection(refs):
            key = None  # a link to an article-local event cannot be compared across articles
        if key:
            ids[event.id] = _digest(key)
        else:
            ids[event.id] = local_event_id(article_id, event, ranks[event.id])
            single_source.add(event.id)
    return ids, single_source


def _entity_row(entity: Actor | Place, key: str, article_id: str, **extra: Any) -> dict[str, Any]:
    return {
        "id": key,
        "name": entity.name,
        "kind": entity.kind,
        "country": iso3(entity.country),
        "aliases": _surface_forms(entity.name, entity.aliases),
        "article_id": article_id,
        **extra,
    }


def build_rows(extraction: Extraction, text: str | None = None, origin: str | None = None) -> ArticleRows:
    """All parameter rows for one article; dangling local ids are dropped with a warning."""
    meta = extraction.article
    aid = meta.id
    rows = ArticleRows(article_id=aid)
    rows.article.append(
        {
            "id": aid,
            "title": meta.title,
            "source": meta.source,
            "url": meta.url,
            "published": meta.published[:10] if meta.published else None,
            "text": text,
            "origin": origin,
        }
    )

    actor_ids = {actor.id: actor_key(actor) for actor in extraction.actors}
    rows.actors.extend(
        _entity_row(actor, actor_ids[actor.id], aid, title=actor.title) for actor in extraction.actors
    )
    place_ids = {place.id: place_key(place) for place in extraction.places}
    rows.places.extend(
        _entity_row(
            place, place_ids[place.id], aid, lat=place.lat, lon=place.lon, geonames_id=place.geonames_id
        )
        for place in extraction.places
    )
    _relation_rows(extraction, rows, actor_ids, place_ids)
    _event_rows(extraction, rows, actor_ids, place_ids)
    return rows


def _relation_rows(
    extraction: Extraction, rows: ArticleRows, actor_ids: dict[str, str], place_ids: dict[str, str]
) -> None:
    aid = extraction.article.id
    contained: set[str] = set()
    for relation in extraction.relations:
        if relation.type == "located_in":
            if relation.source in place_ids and relation.target in place_ids:
                contained.add(place_ids[relation.source])
                rows.place_hierarchy.append(
                    {
                        "child": place_ids[relation.source],
                        "parent": place_ids[relation.target],
                        "article_id": aid,
                    }
                )
                continue
        elif relation.source in actor_ids and relation.target in actor_ids:
            rows.actor_relations.append(
                {
                    "source": actor_ids[relation.source],
                    "target": actor_ids[relation.target],
                    "type": ACTOR_RELATION_TYPES[relation.type],
                    "article_id": aid,
                }
            )
            continue
        logger.warning(
            "article %s: %s relation with unknown ids %s -> %s dropped", aid, *relation.model_dump().values()
        )

    # A place with a known country and no explicit container hangs directly under its country.
    countries: set[str] = set()
    for place in extraction.places:
        key, code = place_ids[place.id], iso3(place.country)
        if code and key != country_place_key(code) and key not in contained:
            countries.add(code)
            rows.place_hierarchy.append({"child": key, "parent": country_place_key(code), "article_id": aid})
    rows.countries.extend(
        {"id": country_place_key(code), "name": _country_name(code), "country": code}
        for code in sorted(countries)
    )


def _event_rows(
    extraction: Extraction, rows: ArticleRows, actor_ids: dict[str, str], place_ids: dict[str, str]
) -> None:
    aid = extraction.article.id
    event_ids, local = _event_ids(extraction, actor_ids, place_ids)
    for event in extraction.events:
        eid = event_ids[event.id]
        rows.events.append(
            {
                "id": eid,
                "label": EVENT_LABELS[event.type],
                "type": event.type,
                "date": event.date[:10] if event.date else None,
                "weapon": event.weapon,
                "killed": event.killed,
                "injured": event.injured,
                "count_qualifier": event.count_qualifier,
                "victims": event.victims,
                "single_source": event.id in local,
                "claimed_by": [actor_ids[a] for a in event.claimed_by if a in actor_ids],
                "sentence": event.evidence.sentence,
                "start": event.evidence.start,
                "end": event.evidence.end,
                "article_id": aid,
            }
        )
        for kind, refs in (("AGENT_OF", event.agents), ("CLAIMS", event.claimed_by)):
            for ref in refs:
                if ref in actor_ids:
                    rows.event_actor_links.append(
                        {"actor": actor_ids[ref], "event": eid, "type": kind, "article_id": aid}
                    )
        for ref in event.targets:
            if ref in actor_ids:
                rows.event_actor_links.append(
                    {"actor": actor_ids[ref], "event": eid, "type": "TARGETS", "article_id": aid}
                )
            elif ref in place_ids:
                rows.event_place_links.append(
                    {"place": place_ids[ref], "event": eid, "type": "TARGETS", "article_id": aid}
                )
        for ref in event.locations:
            if ref in place_ids:
                rows.event_place_links.append(
                    {"place": place_ids[ref], "event": eid, "type": "AT", "article_id": aid}
                )
        links = [("DENIES", ref) for ref in event.denies] + [("ABOUT", ref) for ref in event.about]
        if event.cause:
            links.append(("CAUSED_BY", event.cause))
        for kind, ref in links:
            if ref in event_ids:
                rows.event_event_links.append(
                    {"source": eid, "target": event_ids[ref], "type": kind, "article_id": aid}
                )


def merge_rows(batch: Sequence[ArticleRows]) -> dict[str, list[dict[str, Any]]]:
    """One row list per statement for several articles written in one transaction."""
    return {name: [row for rows in batch for row in getattr(rows, name)] for name, _ in ROW_STATEMENTS}


# ------------------------------------------------------------------------------------- transactions


@dataclass
class WriteResult:
    """What one or more write calls did: articles written / skipped / failed and the server's counters."""

    written: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)
    events: int = 0
    counters: dict[str, int] = field(default_factory=dict)

    def add(self, other: WriteResult) -> None:
        """Fold another result into this one."""
        self.written += other.written
        self.skipped += other.skipped
        self.failed += other.failed
        self.events += other.events
        for name, value in other.counters.items():
            self.counters[name] = self.counters.get(name, 0) + value


_COUNTERS = (
    "nodes_created",
    "nodes_deleted",
    "relationships_created",
    "relationships_deleted",
    "properties_set",
    "labels_added",
)


def _run(tx: ManagedTransaction, text: str, counters: dict[str, int], **params: Any) -> list[dict[str, Any]]:
    result = tx.run(text, **params)
    records = [record.data() for record in result]
    summary = result.consume().counters
    for name in _COUNTERS:
        counters[name] = counters.get(name, 0) + getattr(summary, name)
    return records


def _write_tx(tx: ManagedTransaction, batch: Sequence[ArticleRows], force: bool) -> WriteResult:
    counters: dict[str, int] = {}
    claims = _run(
        tx,
        query("write/article_claim"),
        counters,
        rows=[{"id": r.article_id} for r in batch],
        run=uuid.uuid4().hex,
    )
    created = {claim["id"] for claim in claims if claim["created"]}
    todo = [rows for rows in batch if force or rows.article_id in created]
    written = {rows.article_id for rows in todo}
    for rows in todo:
        if rows.article_id not in created:
            for statement in statements("write/delete_article_facts"):
                _run(tx, statement, counters, id=rows.article_id)
    merged = merge_rows(todo)
    for name, query_name in ROW_STATEMENTS:
        if merged[name]:
            _run(tx, query(query_name), counters, rows=merged[name])
    return WriteResult(
        written=[rows.article_id for rows in todo],
        skipped=[rows.article_id for rows in batch if rows.article_id not in written],
        events=sum(rows.event_count for rows in todo),
        counters=counters,
    )


class GraphWriter:
    """Writes article rows to Neo4j: one transaction per batch, or per article when a batch fails."""

    def __init__(self, driver: Driver, *, database: str, force: bool = False) -> None:
        self._driver = driver
        self._database = database
        self._force = force

    @property
    def force(self) -> bool:
        """True when articles already in the graph are rewritten rather than skipped."""
        return self._force

    def present(self, ids: Sequence[str]) -> set[str]:
        """The subset of `ids` whose article is already in the graph."""
        if not ids:
            return set()
        with _unavailable_as_error(), self._driver.session(database=self._database) as session:
            records = session.execute_read(
                lambda tx: [r["id"] for r in tx.run(query("write/articles_present"), ids=list(ids))]
            )
        return set(records)

    def write(self, batch: Sequence[ArticleRows]) -> WriteResult:
        """Write a batch atomically per article; existing articles are skipped unless the writer forces."""
        unique: dict[str, ArticleRows] = {}
        duplicates: list[str] = []
        for rows in batch:
            if rows.article_id in unique:
                duplicates.append(rows.article_id)
            else:
                unique[rows.article_id] = rows
        result = self._write_unique(list(unique.values()))
        result.skipped += duplicates
        return result

    def _write_unique(self, batch: list[ArticleRows]) -> WriteResult:
        if not batch:
            return WriteResult()
        try:
            with _unavailable_as_error(), self._driver.session(database=self._database) as session:
                return session.execute_write(_write_tx, batch, self._force)
        except Neo4jError as error:
            if len(batch) == 1:
                reason = f"{error.code}: {error.message}"
                logger.warning("article %s not written: %s", batch[0].article_id, reason)
                return WriteResult(failed=[(batch[0].article_id, reason)])
            logger.info("batch of %d failed (%s); retrying article by article", len(batch), error.code)
            result = WriteResult()
            for rows in batch:
                result.add(self._write_unique([rows]))
            return result


@contextmanager
def _unavailable_as_error() -> Iterator[None]:
    try:
        yield
    except (ServiceUnavailable, SessionExpired) as error:
        raise DatabaseUnavailable(f"Neo4j is unreachable: {error}") from error
