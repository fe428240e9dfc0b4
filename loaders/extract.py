"""Articles -> `Extraction` records: the one place that turns spaCy output into the shared contract."""

from __future__ import annotations

import logging
import multiprocessing
from collections.abc import Iterable, Iterator
from itertools import islice

from spacy.tokens import Doc

from graph_service.config import Settings, get_settings
from graph_service.errors import InputError
from graph_service.records import Actor, ArticleMeta, Event, Evidence, Extraction, Place, Relation
from loaders import gazetteer, geocode
from loaders.boilerplate import mask_boilerplate
from loaders.events import EventDraft, EventRules
from loaders.mentions import ArticleEntities, resolve_entities
from loaders.normalize import stable_id
from loaders.pipeline import load_nlp
from loaders.sources import RawArticle, SourceFailure

log = logging.getLogger(__name__)

CHUNK_SIZE = 16


def prepare_text(text: str) -> str:
    """Story text for the parser: boilerplate masked and odd spaces made plain, offsets unchanged."""
    return mask_boilerplate(text).replace("\u00a0", " ").replace("\u2009", " ").replace("\u202f", " ")


class Extractor:
    """Holds the spaCy pipeline and turns articles into extraction records."""

    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or get_settings()
        self.nlp = load_nlp(self.settings.spacy_model)
        # build the gazetteer indexes now, not inside the first article's timing
        gazetteer.lookup_actor("France")
        geocode.geocode("Paris")

    def extract(self, article: RawArticle) -> Extraction:
        """Extract one article; raises InputError when the extraction fails."""
        [result] = self._extract_chunk([article])
        if isinstance(result, SourceFailure):
            raise InputError(f"{result.origin}: {result.reason}")
        return result

    def extract_many(
        self, items: Iterable[RawArticle | SourceFailure], *, workers: int = 1
    ) -> Iterator[Extraction | SourceFailure]:
        """Extract every article in input order; failures pass through; a crash fails one article only."""
        chunks = _chunks(items, CHUNK_SIZE)
        if workers <= 1:
            for chunk in chunks:
                yield from self._extract_chunk(chunk)
            return
        context = multiprocessing.get_context("fork")
        with context.Pool(workers, initializer=_init_worker, initargs=(self.settings,)) as pool:
            for results in pool.imap(_worker_chunk, chunks):
                yield from results

    def _extract_chunk(self, chunk: list[RawArticle | SourceFailure]) -> list[Extraction | SourceFailure]:
        prepared = [prepare_text(item.text) for item in chunk if isinstance(item, RawArticle)]
        parsed = zip(prepared, self.nlp.pipe(prepared, batch_size=CHUNK_SIZE), strict=True)
        out: list[Extraction | SourceFailure] = []
        for item in chunk:
            if isinstance(item, SourceFailure):
                out.append(item)
                continue
            masked, doc = next(parsed)
            try:
                out.append(build_extraction(item, doc, masked))
            except Exception as error:  # one article's bug must never stop a batch
                log.exception("extraction failed for %s", item.origin)
                out.append(SourceFailure(item.origin, f"extraction failed: {type(error).__name__}: {error}"))
        return out


_WORKER: Extractor | None = None


def _init_worker(settings: Settings) -> None:
    global _WORKER
    _WORKER = Extractor(settings)


def _worker_chunk(chunk: list[RawArticle | SourceFailure]) -> list[Extraction | SourceFailure]:
    assert _WORKER is not None
    return _WORKER._extract_chunk(chunk)


def _chunks(
    items: Iterable[RawArticle | SourceFailure], size: int
) -> Iterator[list[RawArticle | SourceFailure]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def build_extraction(article: RawArticle, doc: Doc, masked: str) -> Extraction:
    """The extraction record of one parsed article."""
    entities = resolve_entities(doc, masked, article.text)
    drafts = EventRules(doc, entities, masked, article.published).run()
    return _to_record(article, entities, drafts, masked)


def _to_record(
    article: RawArticle, entities: ArticleEntities, drafts: list[EventDraft], masked: str
) -> Extraction:
    actor_ids = {key: stable_id("act", key) for key in entities.actors}
    place_ids = {key: stable_id("plc", key) for key in entities.places}
    used_actors = {k for d in drafts for k in [*d.agents, *d.targets, *d.claimed_by] if k in actor_ids}
    actors = [
        Actor(
            id=actor_ids[key],
            name=entry.name,
            kind=entry.kind,  # type: ignore[arg-type]
            country=entry.country,
            aliases=sorted(entry.aliases - {entry.name}),
            title=entry.title,
        )
        for key, entry in entities.actors.items()
        if key in used_actors or (entry.in_story and (entry.acts or entry.kind != "country"))
    ]
    kept_actor_ids = {a.id for a in actors}
    places = [
        Place(
            id=place_ids[key],
            name=entry.place.name,
            kind=entry.place.kind,  # type: ignore[arg-type]
            country=entry.place.country,
            lat=entry.place.lat,
            lon=entry.place.lon,
            geonames_id=entry.place.geonames_id,
            aliases=sorted(entry.aliases - {entry.place.name}),
        )
        for key, entry in entities.places.items()
        if entry.in_story
    ]
    kept_place_ids = {p.id for p in places}
    event_ids = {id(d): stable_id("evt", article.id, d.type, d.trigger) for d in drafts}

    def ref(keys: list[str]) -> list[str]:
        out = []
        for key in keys:
            rid = actor_ids.get(key) or place_ids.get(key)
            if rid and (rid in kept_actor_ids or rid in kept_place_ids) and rid not in out:
                out.append(rid)
        return out

    events = []
    for d in drafts:
        sent = d.sent
        text = article.text
        start, end = sent.start_char, sent.end_char
        while start < end and masked[start].isspace():
            start += 1
        while end > start and masked[end - 1].isspace():
            end -= 1
        events.append(
            Event(
                id=event_ids[id(d)],
                type=d.type,  # type: ignore[arg-type]
                date=d.date,
                agents=ref(d.agents),
                targets=ref(d.targets),
                locations=ref(d.locations),
                claimed_by=ref(d.claimed_by),
                weapon=d.weapon,
                killed=d.killed,
                injured=d.injured,
                count_qualifier=d.count_qualifier if d.type == "casualty" else None,  # type: ignore[arg-type]
                victims=d.victims if d.type == "casualty" else None,  # type: ignore[arg-type]
                cause=event_ids.get(id(d.cause)) if d.cause is not None else None,
                denies=_unique(event_ids[id(x)] for x in d.denies if id(x) in event_ids),
                about=_unique(event_ids[id(x)] for x in d.about if id(x) in event_ids),
                evidence=Evidence(sentence=text[start:end], start=start, end=end),
            )
        )
    relations = _relations(entities, actor_ids, kept_actor_ids)
    meta = ArticleMeta(
        id=article.id,
        title=article.title,
        source=article.source,
        url=article.url,
        published=article.published,
    )
    return Extraction(article=meta, actors=actors, places=places, events=events, relations=relations)


def _unique(ids: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(ids))


def _relations(entities: ArticleEntities, actor_ids: dict[str, str], kept: set[str]) -> list[Relation]:
    relations: list[Relation] = []
    seen: set[tuple[str, str, str]] = set()

    def add(type_: str, source: str, target: str) -> None:
        s, t = actor_ids.get(source), actor_ids.get(target)
        if s and t and s in kept and t in kept and s != t and (type_, s, t) not in seen:
            seen.add((type_, s, t))
            relations.append(Relation(type=type_, source=s, target=t))  # type: ignore[arg-type]

    for key, actor in entities.actors.items():
        if actor.affiliation and actor.relation:
            add(actor.relation, key, actor.affiliation)
        if actor.kind == "government_body" and actor.country:
            add("part_of", key, f"country:{actor.country}")
    for type_, source, target in entities.alliances:
        add(type_, source, target)
    return relations
