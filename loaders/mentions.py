"""Doc -> the actors and places an article mentions, each resolved to one article-level entity.

spaCy's small model mislabels many names (countries as PERSON, regions as ORG), so labels only say
*that* a span is a name; what it denotes comes from the gazetteers, the words around it and the
other mentions of the same name in the article.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from loaders import gazetteer, geocode
from loaders.lexicon import (
    FORCE_NOUNS,
    GOVERNMENT_NOUNS,
    IGNORED_NAMES,
    LOCATIVE_PREPOSITIONS,
    ORG_WORDS,
    TITLE_LEADS,
    TITLE_MEMBER,
    TITLE_SPOKES,
)
from loaders.normalize import canonical_name

NAME_LABELS = {"GPE", "LOC", "ORG", "PERSON", "NORP", "FAC"}
MINISTRY_RE = re.compile(r"\b(ministry|ministries)\b", re.IGNORECASE)


@dataclass
class ActorEntry:
    """An actor of one article, with every surface form that named it."""

    key: str
    name: str
    kind: str
    country: str | None
    aliases: set[str] = field(default_factory=set)
    title: str | None = None
    affiliation: str | None = None  # key of the actor a person leads / speaks for / belongs to
    relation: str | None = None  # leads | spokesperson_for | member_of
    in_story: bool = False


@dataclass
class PlaceEntry:
    """A geocoded place of one article."""

    key: str
    place: geocode.GeoPlace
    aliases: set[str] = field(default_factory=set)
    in_story: bool = False


@dataclass
class Mention:
    """A span of tokens that names one actor or one place (or both, for a country)."""

    start: int
    end: int
    actor: str | None = None
    place: str | None = None


class ArticleEntities:
    """The article's actors and places, and which tokens mention which."""

    def __init__(self) -> None:
        self.actors: dict[str, ActorEntry] = {}
        self.places: dict[str, PlaceEntry] = {}
        self.by_token: dict[int, Mention] = {}
        self.mentions: list[Mention] = []
        self.alliances: list[tuple[str, str, str]] = []  # (supports | allied_with, source key, target key)

    def add_actor(
        self, key: str, name: str, kind: str, country: str | None, surface: str | None = None
    ) -> ActorEntry:
        """Register an actor (once per key) and remember the surface form."""
        entry = self.actors.get(key)
        if entry is None:
            entry = self.actors[key] = ActorEntry(key, name, kind, country)
        if surface:
            entry.aliases.add(clean_surface(surface))
        return entry

    def add_place(self, place: geocode.GeoPlace, surface: str | None = None) -> PlaceEntry:
        """Register a place (once per key) and remember the surface form."""
        entry = self.places.get(place.key)
        if entry is None:
            entry = self.places[place.key] = PlaceEntry(place.key, place)
        if surface:
            entry.aliases.add(clean_surface(surface))
        return entry

    def mark(self, start: int, end: int, *, actor: str | None = None, place: str | None = None) -> None:
        """Record that tokens start..end mention an actor and/or a place."""
        mention = Mention(start, end, actor, place)
        self.mentions.append(mention)
        for i in range(start, end):
            self.by_token[i] = mention

    def mention_at(self, token: Token) -> Mention | None:
        """The mention covering a token, if any."""
        return self.by_token.get(token.i)

    def country_actor(self, iso3: str, surface: str | None = None) -> ActorEntry:
        """The country actor for an ISO3 code."""
        return self.add_actor(f"country:{iso3}", gazetteer.country_name(iso3), "country", iso3, surface)


def clean_surface(text: str) -> str:
    """A surface form as an alias: single spaces, no trailing possessive."""
    text = re.sub(r"\s+", " ", text.replace("\u2019", "'")).strip()
    return re.sub(r"'s?$", "", text).strip()


def strip_determiner(span: Span) -> Span:
    """Drop a leading determiner and a trailing possessive from a span."""
    start, end = span.start, span.end
    while start < end and span.doc[start].lower_ in {"the", "a", "an"}:
        start += 1
    while end > start and span.doc[end - 1].tag_ == "POS":
        end -= 1
    return Span(span.doc, start, end, label=span.label_)


def is_locative(span: Span) -> bool:
    """True when the span is the object of a place preposition ('in Baku', 'near Ganja')."""
    head = span.root.head
    if span.root.dep_ == "pobj" and head.lower_ in LOCATIVE_PREPOSITIONS:
        return True
    previous = span.doc[span.start - 1] if span.start > 0 else None
    return previous is not None and previous.lower_ in LOCATIVE_PREPOSITIONS


def country_adjective(iso3: str) -> str:
    """'ARM' -> 'Armenian' (the first demonym), else the country's name."""
    adjective = getattr(gazetteer, "country_adjective", None)
    return adjective(iso3) if adjective else gazetteer.country_name(iso3)


def country_of_words(tokens: list[Token]) -> str | None:
    """The country named by a demonym or country name among tokens ('Armenian', "Turkey's")."""
    for token in tokens:
        iso = gazetteer.demonym_country(token.text)
        if iso:
            return iso
        known = gazetteer.lookup_actor(token.text)
        if known and known.kind == "country":
            return known.country
    return None


def resolve_entities(doc: Doc, masked: str) -> ArticleEntities:
    """Find and resolve every actor and place the article names."""
    entities = ArticleEntities()
    spans = [strip_determiner(ent) for ent in doc.ents if ent.label_ in NAME_LABELS]
    spans = [s for s in spans if s.text.strip() and s.text.strip() not in IGNORED_NAMES]
    context = _context_countries(spans)
    person_tokens: dict[str, str] = {}
    for span in spans:
        _resolve_span(entities, span, context, person_tokens)
    _resolve_loose_demonyms(entities, doc)
    _resolve_force_phrases(entities, doc)
    _attach_titles(entities, doc)
    _find_alliances(entities, doc)
    _mark_story_mentions(entities, doc, masked)
    return entities


def _context_countries(spans: list[Span]) -> list[str]:
    counts: Counter[str] = Counter()
    for span in spans:
        known = gazetteer.lookup_actor(span.text)
        if known and known.country:
            counts[known.country] += 1
        iso = gazetteer.demonym_country(span.text)
        if iso:
            counts[iso] += 1
    return [iso for iso, _ in counts.most_common()]


def _resolve_span(
    entities: ArticleEntities, span: Span, context: list[str], person_tokens: dict[str, str]
) -> None:
    text = span.text.strip()
    if MINISTRY_RE.search(text) or text.lower().endswith(" government"):
        if _resolve_government_body(entities, span):
            return
    known = gazetteer.lookup_actor(text)
    if (known and span.label_ != "PERSON") or (known and known.kind != "country"):
        is_place = known.kind == "country" and is_locative(span)
        if is_place:
            place = geocode.geocode(text, context_countries=context)
            if place is not None:
                entry = entities.add_place(place, text)
                entities.mark(span.start, span.end, place=entry.key)
                return
        actor = entities.add_actor(known.key, known.name, known.kind, known.country, text)
        place_key = None
        if known.kind == "country":
            place = geocode.geocode(known.name, context_countries=context)
            place_key = entities.add_place(place, text).key if place else None
        entities.mark(span.start, span.end, actor=actor.key, place=place_key)
        return
    last = span[-1].text
    if span.label_ == "PERSON" and (len(span) > 1 and span[0].is_title) and not known:
        key = f"person:{canonical_name(text).lower()}"
        # a short form ('Aliyev') resolves to the full name seen elsewhere in the article
        existing = person_tokens.get(last.lower())
        if existing and existing != key and len(span) == 1:
            key = existing
        entities.add_actor(key, text, "person", None, text)
        person_tokens.setdefault(last.lower(), key)
        entities.mark(span.start, span.end, actor=key)
        return
    if len(span) == 1 and last.lower() in person_tokens:
        key = person_tokens[last.lower()]
        entities.actors[key].aliases.add(clean_surface(text))
        entities.mark(span.start, span.end, actor=key)
        return
    place = geocode.geocode(text, context_countries=context)
    if place is not None and span.label_ in {"GPE", "LOC", "FAC", "PERSON", "ORG"}:
        if span.label_ == "PERSON" and not _looks_like_place_use(span):
            pass
        else:
            entry = entities.add_place(place, text)
            entities.mark(span.start, span.end, place=entry.key)
            return
    if known:
        actor = entities.add_actor(known.key, known.name, known.kind, known.country, text)
        entities.mark(span.start, span.end, actor=actor.key)
        return
    if span.label_ == "PERSON" and span[0].is_title:
        key = f"person:{canonical_name(text).lower()}"
        entities.add_actor(key, text, "person", None, text)
        person_tokens.setdefault(last.lower(), key)
        entities.mark(span.start, span.end, actor=key)
        return
    if span.label_ == "ORG" and any(w.lower_ in ORG_WORDS for w in span) and span[0].is_title:
        country = country_of_words(list(span))
        key = f"org:{canonical_name(text).lower()}"
        entities.add_actor(key, canonical_name(text), "organization", country, text)
        entities.mark(span.start, span.end, actor=key)


def _looks_like_place_use(span: Span) -> bool:
    return is_locative(span) or any(
        t.lower_ in {"city", "town", "village", "capital", "region", "province"}
        for t in span.doc[max(0, span.start - 3) : span.start]
    )


def _resolve_government_body(entities: ArticleEntities, span: Span) -> bool:
    """'Armenian Defence Ministry', "Turkey's Foreign Ministry", 'defence ministry' after 'Armenian'."""
    doc = span.doc
    start = span.start
    # take in the country words just before the span: "Turkey 's Foreign Ministry", "Armenian defence ministry"
    while start > 0 and (
        doc[start - 1].tag_ == "POS"
        or gazetteer.demonym_country(doc[start - 1].text)
        or (gazetteer.lookup_actor(doc[start - 1].text) or _NONE).kind == "country"
    ):
        start -= 1
    words = list(doc[start : span.end])
    country = country_of_words(words)
    if country is None:
        return False
    body = " ".join(
        w.text.capitalize() if w.is_lower else w.text
        for w in span
        if not gazetteer.demonym_country(w.text)
        and (gazetteer.lookup_actor(w.text) or _NONE).kind != "country"
        and w.tag_ != "POS"
    )
    demonym = country_adjective(country)
    name = f"{demonym} {body}".strip()
    key = f"gov:{country}:{canonical_name(body).lower()}"
    entities.add_actor(key, name, "government_body", country, doc[start : span.end].text)
    entities.mark(start, span.end, actor=key)
    return True


class _NoActor:
    kind = ""


_NONE = _NoActor()


def _resolve_loose_demonyms(entities: ArticleEntities, doc: Doc) -> None:
    """Demonyms the NER missed ('Azeri claim') name their country."""
    for token in doc:
        if token.i in entities.by_token:
            continue
        iso = gazetteer.demonym_country(token.text)
        if iso and token.pos_ in {"ADJ", "PROPN", "NOUN"} and token.text[0].isupper():
            actor = entities.country_actor(iso, token.text)
            entities.mark(token.i, token.i + 1, actor=actor.key)


def _resolve_force_phrases(entities: ArticleEntities, doc: Doc) -> None:
    """'Armenian forces', 'Turkish military', 'Syrian regime forces', 'the army': who fights for whom."""
    insurgency_countries = {
        a.country for a in entities.actors.values() if a.kind == "armed_group" and a.country
    }
    for token in doc:
        lower = token.lower_
        if lower not in FORCE_NOUNS and lower not in GOVERNMENT_NOUNS:
            continue
        if token.i in entities.by_token and entities.by_token[token.i].actor:
            continue
        modifiers = [c for c in token.children if c.dep_ in {"amod", "compound", "poss", "nmod"}]
        words = [m for m in modifiers]
        start = min([token.i, *[m.i for m in modifiers]])
        phrase = doc[start : token.i + 1]
        country = None
        for m in modifiers:
            mention = entities.mention_at(m)
            if mention and mention.actor:
                owner = entities.actors[mention.actor]
                if owner.kind == "country":
                    country = owner.country
                elif owner.kind in {"armed_group", "government_body", "organization"}:
                    owner.aliases.add(clean_surface(phrase.text))
                    entities.mark(start, token.i + 1, actor=owner.key)
                    break
        else:
            country = country or country_of_words(words)
            is_government = lower in GOVERNMENT_NOUNS or any(m.lower_ in GOVERNMENT_NOUNS for m in words)
            if country is None and not is_government:
                continue
            if country is None:
                continue
            if is_government or country in insurgency_countries:
                name = (
                    f"{gazetteer.country_name(country)} government"
                    if is_government
                    else f"{gazetteer.country_name(country)} Armed Forces"
                )
                key = f"gov:{country}:{'government' if is_government else 'armed forces'}"
                entities.add_actor(key, name, "government_body", country, phrase.text)
            else:
                key = entities.country_actor(country, phrase.text).key
            entities.mark(start, token.i + 1, actor=key)


def _attach_titles(entities: ArticleEntities, doc: Doc) -> None:
    """'Azerbaijani President Ilham Aliyev', 'Armenian defence ministry spokeswoman Shushan Stepanyan'."""
    for mention in list(entities.mentions):
        if not mention.actor or entities.actors[mention.actor].kind != "person":
            continue
        person = entities.actors[mention.actor]
        start = mention.start
        while (
            start > 0
            and doc[start - 1].dep_ in {"compound", "amod", "nmod", "poss", "case"}
            and doc[start - 1].head.i >= mention.start
        ):
            start -= 1
        title_tokens = list(doc[start : mention.start])
        head = doc[mention.end - 1]
        if not title_tokens and head.dep_ == "appos":
            noun = head.head
            title_tokens = [
                t
                for t in noun.subtree
                if t.i < mention.start and t.i not in range(mention.start, mention.end)
            ]
        if not title_tokens:
            continue
        words = {t.lower_ for t in title_tokens}
        affiliation = None
        for t in title_tokens:
            m = entities.mention_at(t)
            if m and m.actor and m.actor != person.key:
                candidate = entities.actors[m.actor]
                if affiliation is None or candidate.kind == "government_body":
                    affiliation = candidate
        title_text = " ".join(
            t.text
            for t in title_tokens
            if not (entities.mention_at(t) and t.tag_ != "NN") and t.tag_ != "POS"
        ).strip()
        if title_text and not person.title:
            person.title = title_text
        if affiliation is not None:
            person.affiliation = affiliation.key
            person.country = person.country or affiliation.country
            if words & TITLE_SPOKES:
                person.relation = "spokesperson_for"
            elif words & TITLE_LEADS:
                person.relation = "leads"
            elif words & TITLE_MEMBER or title_text:
                person.relation = "member_of"


def _mark_story_mentions(entities: ArticleEntities, doc: Doc, masked: str) -> None:
    """Only names in story text (not captions or related headlines) make an actor or place part of the output."""
    for mention in entities.mentions:
        char = doc[mention.start].idx
        if masked[char : char + 1].isspace():
            continue
        if mention.actor:
            entities.actors[mention.actor].in_story = True
        if mention.place:
            entities.places[mention.place].in_story = True


def _find_alliances(entities: ArticleEntities, doc: Doc) -> None:
    """'X is supported by Y', 'Y-backed X', "X's ally Y", 'a defence pact with Y': support and alliance."""
    for token in doc:
        lemma = token.lemma_
        if lemma in {"support", "back", "arm", "fund"} and token.pos_ == "VERB":
            helpers = [o for c in token.children if c.dep_ == "agent" for o in c.children]
            helped = [c for c in token.children if c.dep_ == "nsubjpass"]
            if not helpers and token.dep_ in {"amod", "acl"}:
                helpers = [c for c in token.children if c.dep_ in {"npadvmod", "compound", "advmod"}]
                helped = [token.head]
            _pair(entities, "supports", helpers, helped)
        elif lemma in {"ally", "partner"} and token.pos_ == "NOUN":
            owners = [c for c in token.children if c.dep_ == "poss"]
            others = [c for c in token.children if c.dep_ in {"appos", "compound"}]
            if token.dep_ in {"compound", "nmod"}:
                others.append(token.head)
            _pair(entities, "allied_with", others, owners)
        elif lemma in {"pact", "alliance", "treaty"} and token.pos_ == "NOUN":
            partners = [
                o for c in token.children if c.dep_ == "prep" and c.lower_ == "with" for o in c.children
            ]
            verb = token.head
            holders = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
            _pair(entities, "allied_with", holders, partners)


SUBJECT_DEPS = {"nsubj", "nsubjpass"}


def _pair(entities: ArticleEntities, type_: str, sources: list[Token], targets: list[Token]) -> None:
    for s in sources:
        for t in targets:
            ms, mt = entities.mention_at(s), entities.mention_at(t)
            if ms and mt and ms.actor and mt.actor and ms.actor != mt.actor:
                entities.alliances.append((type_, ms.actor, mt.actor))
