"""Doc -> the actors and places an article mentions, each resolved to one article-level entity.

spaCy's small model mislabels many names (countries as PERSON, regions as ORG), so labels only say
*that* a span is a name; what it denotes comes from the gazetteers, the words around it and the
other mentions of the same name in the article.

Conventions (shared with the annotation guide): a state's armed forces fold into the country, except
in a civil war (an armed group of the same country is in the article), where they are the
government side; ministries and governments that speak are their own actors, part of the country.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from loaders import gazetteer, geocode
from loaders.lexicon import (
    ACTING_HEADS,
    ARMED_CONTEXT_WORDS,
    CAPTURE_VERBS,
    DIRECTIONS,
    FORCE_NOUNS,
    GOVERNMENT_NOUNS,
    HONORIFICS,
    IGNORED_NAMES,
    INSURGENT_WORDS,
    LOCATIVE_PREPOSITIONS,
    MILITARY_ORGAN_WORDS,
    NOMINAL_SUBJECT_DEPS,
    ORG_WORDS,
    PLACE_NOUNS,
    PLACE_SUFFIXES,
    RANKS,
    SETTLEMENT_NOUNS,
    SITE_NOUNS,
    STRIKE_VERBS,
    TITLE_LEADS,
    TITLE_SPOKES,
    TITLE_WORDS,
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
    acts: bool = False  # named as a subject, owner or side, not only as a place


@dataclass
class PlaceEntry:
    """A geocoded place of one article."""

    key: str
    place: geocode.GeoPlace
    aliases: set[str] = field(default_factory=set)
    in_story: bool = False
    head: str | None = None  # for a site: its head noun ('hospital'), to join its mentions


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
        self.main_country: str | None = None

    def add_actor(
        self, key: str, name: str, kind: str, country: str | None, surface: str | None = None
    ) -> ActorEntry:
        """Register an actor (once per key) and remember the surface form."""
        entry = self.actors.get(key)
        if entry is None:
            entry = self.actors[key] = ActorEntry(key, name, kind, country)
        if surface:
            entry.aliases.add(alias_form(surface))
        return entry

    def add_place(self, place: geocode.GeoPlace, surface: str | None = None) -> PlaceEntry:
        """Register a place (once per key) and remember the surface form."""
        entry = self.places.get(place.key)
        if entry is None:
            entry = self.places[place.key] = PlaceEntry(place.key, place)
        if surface:
            entry.aliases.add(alias_form(surface))
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

    def ministry(self, country: str, organ: str, surface: str | None = None) -> ActorEntry:
        """A country's ministry or other organ ('ARM', 'defence ministry' -> 'Armenian Defence Ministry')."""
        organ_name = " ".join(w.capitalize() for w in re.split(r"[-\s]+", organ) if w)
        organ_name = organ_name.replace("Defense", "Defence").replace("Ministries", "Ministry")
        name = f"{gazetteer.country_adjective(country)} {organ_name}"
        key = f"gov:{country}:{canonical_name(organ_name).lower()}"
        return self.add_actor(key, name, "government_body", country, surface)

    def country_actor(self, iso3: str, surface: str | None = None) -> ActorEntry:
        """The country actor for an ISO3 code."""
        return self.add_actor(f"country:{iso3}", gazetteer.country_name(iso3), "country", iso3, surface)


def person_key(name: str) -> str:
    """The actor key of a person: 'person:' and the canonical name in lower case."""
    return f"person:{canonical_name(name).lower()}"


def alias_form(text: str) -> str:
    """A surface form as an alias: single spaces, no leading article, no trailing possessive."""
    text = re.sub(r"\s+", " ", text.replace("\u2019", "'")).strip()
    text = re.sub(r"^(the|a|an)\s+", "", text, flags=re.IGNORECASE)
    return re.sub(r"'s?$", "", text).strip()


def strip_determiner(span: Span) -> Span:
    """Drop a leading determiner and a trailing possessive from a span, keeping its label."""
    start, end = span.start, span.end
    while start < end and span.doc[start].lower_ in {"the", "a", "an"}:
        start += 1
    bracket = next((t.i for t in span.doc[start:end] if t.text == "(" and t.i > start), None)
    closed_inside = bracket is not None and any(t.text == ")" for t in span.doc[bracket:end])
    if bracket is not None and (not closed_inside or span.doc[end - 1].text == ")"):
        # 'Ta'ang National Liberation Army (TNLA)': the name; the acronym follows it.
        # 'Justice and Development (AK) Party' keeps its bracket: the name goes on after it.
        end = bracket
    while end > start and (span.doc[end - 1].tag_ == "POS" or span.doc[end - 1].is_punct):
        end -= 1
    return Span(span.doc, start, end, label=span.label_)


def is_locative(span: Span) -> bool:
    """True when the span is the object of a place preposition ('in Baku', 'near Ganja')."""
    head = span.root.head
    if span.root.dep_ == "pobj" and head.lower_ in LOCATIVE_PREPOSITIONS:
        return True
    previous = span.doc[span.start - 1] if span.start > 0 else None
    return previous is not None and previous.lower_ in LOCATIVE_PREPOSITIONS


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


def _is_country_word(token: Token) -> bool:
    return country_of_words([token]) is not None


def resolve_entities(doc: Doc, masked: str, text: str | None = None) -> ArticleEntities:
    """Find and resolve every actor and place the article names (`text`: the unmasked article, for names)."""
    return _Resolver(doc, masked, text if text is not None else masked).run()


class _Resolver:
    """One article's entity resolution, with the context it needs (countries, civil wars, names)."""

    def __init__(self, doc: Doc, masked: str, text: str) -> None:
        self.doc = doc
        self.masked = masked
        self.text = text
        self.entities = ArticleEntities()
        self.person_tokens: dict[str, str] = {}
        self.acronyms: dict[str, str] = {}
        spans = [strip_determiner(ent) for ent in doc.ents if ent.label_ in NAME_LABELS]
        self.spans = [s for s in spans if s.text.strip() and s.text.strip() not in IGNORED_NAMES]
        self.context = self._context_countries()
        places_in = self._place_countries()
        # the story's country: where its towns are, else the most named country
        self.entities.main_country = (
            places_in[0] if places_in else (self.context[0] if self.context else None)
        )
        self.civil_war = self._civil_war_countries()

    def run(self) -> ArticleEntities:
        """Resolve names, then demonyms, force phrases, sites, titles and alliances."""
        # full person names first, so that a later or earlier surname alone finds them
        for span in self.spans:
            if span.label_ == "PERSON" and len(span) > 1:
                self._register_person_tokens(span)
        for span in self.spans:
            self._resolve_span(span)
        self._propagate_names()
        self._disambiguate_short_country_names()
        self._resolve_regional_demonyms()
        self._resolve_unlabelled_names()
        self._resolve_titled_names()
        self._resolve_loose_demonyms()
        self._resolve_force_phrases()
        self._resolve_sites()
        _attach_titles(self.entities, self.doc)
        _find_alliances(self.entities, self.doc)
        _mark_story_mentions(self.entities, self.doc, self.masked)
        _complete_person_names(self.entities, self.text)
        _mark_acting(self.entities, self.doc)
        return self.entities

    # --- context ---------------------------------------------------------------
    def _context_countries(self) -> list[str]:
        counts: Counter[str] = Counter()
        for span in self.spans:
            known = gazetteer.lookup_actor(span.text)
            iso = (known.country if known else None) or gazetteer.demonym_country(span.text)
            if iso:
                counts[iso] += 1
        return [iso for iso, _ in counts.most_common()]

    def _place_countries(self) -> list[str]:
        """Countries of the towns and regions the article names, most named first."""
        counts: Counter[str] = Counter()
        for span in self.spans:
            if span.label_ in {"GPE", "LOC", "FAC"} and not gazetteer.lookup_actor(span.text):
                place = geocode.geocode(span.text, context_countries=self.context)
                if place is not None and place.kind != "country" and place.country:
                    counts[place.country] += 1
        return [iso for iso, _ in counts.most_common()]

    def _civil_war_countries(self) -> set[str]:
        """Countries whose own armed groups fight in the article: there the army is one side."""
        countries = set()
        for span in self.spans:
            known = gazetteer.lookup_actor(span.text)
            if known and known.kind == "armed_group" and known.country:
                countries.add(known.country)
        if self.entities.main_country and any(
            t.lower_ in INSURGENT_WORDS and not self._named_group_word(t) for t in self.doc
        ):
            countries.add(self.entities.main_country)  # 'insurgents' of no named foreign group fight at home
        with_forces = self._countries_with_forces()
        if len(with_forces) > 1:
            return set()  # two states' forces fight: a war between states, not a civil war
        # a civil war needs the state's own forces in the story ('the Sudanese army'), not a foreign army
        return countries & with_forces if with_forces else countries

    @staticmethod
    def _named_group_word(token: Token) -> bool:
        """'Houthi rebels': the insurgent word belongs to a named group."""
        for child in token.children:
            known = gazetteer.lookup_actor(child.text) if child.dep_ in {"compound", "amod", "poss"} else None
            if known and known.kind != "country":
                return True
        return False

    def _countries_with_forces(self) -> set[str]:
        found = set()
        for token in self.doc:
            if token.lower_ in FORCE_NOUNS and token.pos_ in {"NOUN", "PROPN"}:
                neighbours = [c for c in token.children if c.dep_ in {"amod", "compound", "poss"}]
                neighbours += [self.doc[token.i - 1]] if token.i > 0 else []
                iso = country_of_words(neighbours)
                if iso:
                    found.add(iso)
        return found

    # --- names -------------------------------------------------------------------
    def _register_person_tokens(self, span: Span) -> None:
        """A full name (2+ tokens) registers its key under its surname, for mentions by surname alone."""
        if gazetteer.lookup_actor(span.text) or not span[0].is_title:
            return
        if self._place_named_as_person(span, span.text):
            return  # 'in Khan Younis', 'Shan State': a place the NER took for a person
        key = person_key(span.text)
        self.person_tokens.setdefault(span[-1].lower_, key)
        self.person_tokens.setdefault(key.split(":", 1)[1], key)

    def _propagate_names(self) -> None:
        """One name, one reading per article: occurrences the NER skipped take the reading of the others."""
        doc = self.doc
        readings: dict[tuple[str, ...], Mention] = {}
        for mention in self.entities.mentions:
            words = tuple(t.text for t in doc[mention.start : mention.end])
            if words and words[0][:1].isupper():
                readings.setdefault(words, mention)
        starts: dict[str, list[int]] = defaultdict(list)
        for token in doc:
            starts[token.text].append(token.i)
        for words, mention in sorted(readings.items(), key=lambda item: -len(item[0])):
            size = len(words)
            for i in starts[words[0]]:
                if i > len(doc) - size or any(j in self.entities.by_token for j in range(i, i + size)):
                    continue
                if tuple(t.text for t in doc[i : i + size]) == words:
                    self.entities.mark(i, i + size, actor=mention.actor, place=mention.place)

    def _disambiguate_short_country_names(self) -> None:
        """'Congo' in an article that names the Democratic Republic of the Congo means that country."""
        entities = self.entities
        countries = [a for a in entities.actors.values() if a.kind == "country"]
        for short in countries:
            if len(short.aliases) != 1:
                continue
            [surface] = short.aliases
            pattern = re.compile(rf"\b{re.escape(surface)}\b", re.IGNORECASE)
            fuller = [
                c
                for c in countries
                if c is not short and pattern.search(c.name) and any(len(a) > len(surface) for a in c.aliases)
            ]
            if len(fuller) != 1:
                continue
            [target] = fuller
            target.aliases.add(surface)
            place = geocode.geocode(target.name)
            for mention in entities.mentions:
                if mention.actor == short.key:
                    mention.actor = target.key
                    if mention.place and place is not None:
                        mention.place = entities.add_place(place, surface).key
            del entities.actors[short.key]

    def _extend_to_known(self, span: Span) -> Span:
        """'the Organization for Security and Co-operation' + 'in Europe': NER often cuts long names."""
        if gazetteer.lookup_actor(span.text):
            return span
        for extra in (3, 2, 1):
            end = span.end + extra
            if end > len(self.doc) or self.doc[end - 1].is_punct or self.doc[end - 1].is_space:
                continue
            if gazetteer.lookup_actor(self.doc[span.start : end].text):
                return Span(self.doc, span.start, end, label=span.label_)
        return span

    def _has_acronym(self, span: Span) -> bool:
        doc = self.doc
        return (
            span.end + 2 < len(doc)
            and doc[span.end].text == "("
            and doc[span.end + 2].text == ")"
            and doc[span.end + 1].text.replace("-", "").isupper()
        )

    def _acronym_after(self, span: Span, actor_key: str) -> None:
        """'Rapid Support Forces (RSF)': the bracketed acronym names the same actor."""
        if self._has_acronym(span) and len(acronym := self.doc[span.end + 1].text) >= 2:
            self.entities.actors[actor_key].aliases.add(acronym)
            self.acronyms[acronym] = actor_key

    def _resolve_span(self, span: Span) -> None:
        if span.label_ in {"ORG", "GPE", "LOC", "FAC"}:
            span = self._extend_to_known(span)
        text = span.text.strip()
        entities = self.entities
        if text in self.acronyms:
            entities.actors[self.acronyms[text]].aliases.add(text)
            entities.mark(span.start, span.end, actor=self.acronyms[text])
            return
        before = len(entities.mentions)
        self._resolve_name(span)
        if len(entities.mentions) > before and (actor := entities.mentions[-1].actor):
            self._acronym_after(span, actor)

    def _place_named_as_person(self, span: Span, text: str) -> geocode.GeoPlace | None:
        """The place a PERSON span names when it reads as one: a single word, after 'in', or '... State'."""
        if len(span) == 1 or is_locative(span) or span[-1].lower_ in PLACE_SUFFIXES:
            return geocode.geocode(text, context_countries=self.context)
        return None

    def _resolve_name(self, span: Span) -> None:
        text = span.text.strip()
        entities = self.entities
        if (MINISTRY_RE.search(text) or text.lower().endswith(" government")) and self._government_body(span):
            return
        known = gazetteer.lookup_actor(text)
        if known and (span.label_ != "PERSON" or known.kind != "country" or len(span) == 1):
            if known.kind == "country" and is_locative(span) and gazetteer.is_country_surface(text) is False:
                # 'in Baku': the capital as a place, not the state acting
                place = geocode.geocode(text, context_countries=self.context)
                if place is not None:
                    entities.mark(span.start, span.end, place=entities.add_place(place, text).key)
                    return
            self._known_actor(known, span)
            return
        if span.label_ == "PERSON" and span[0].is_title:
            key = self.person_tokens.get(canonical_name(text).lower()) or (
                self.person_tokens.get(span[-1].lower_) if len(span) == 1 else None
            )
            place = self._place_named_as_person(span, text)
            titled = span.start > 0 and (self.doc[span.start - 1].lower_ in TITLE_WORDS | HONORIFICS)
            if key is None and (titled or place is None):
                # an untitled name that is a known place ('Soledar', 'in Khan Younis') stays a place
                key = person_key(text)
                self.person_tokens.setdefault(span[-1].lower_, key)
            if key:
                entry = entities.add_actor(key, alias_form(text), "person", None, text)
                if len(alias_form(text)) > len(entry.name):
                    entry.name = alias_form(text)
                entities.mark(span.start, span.end, actor=key)
                return
        is_adjective = span.label_ == "NORP" and span.root.pos_ == "ADJ"  # 'Western nationals' names no place
        place = None if is_adjective else geocode.geocode(text, context_countries=self.context)
        if place is not None:
            entities.mark(span.start, span.end, place=entities.add_place(place, text).key)
            return
        if span.label_ in {"ORG", "FAC"} and span[-1].lower_ in SITE_NOUNS:
            return  # a named site: handled with the other sites
        if span.label_ == "ORG" and span[0].text[:1].isupper() and self._has_acronym(span) and len(span) > 1:
            # 'the Strategic Framework for the Defence of the People of Azawad (CSP-DPA)': a named body
            sentence_words = {t.lower_ for t in span.sent}
            kind = "armed_group" if sentence_words & ARMED_CONTEXT_WORDS else "organization"
            key = f"{'group' if kind == 'armed_group' else 'org'}:{canonical_name(text).lower()}"
            entities.add_actor(
                key,
                canonical_name(text),
                kind,
                self.entities.main_country if kind == "armed_group" else None,
                text,
            )
            entities.mark(span.start, span.end, actor=key)
            return
        if span.label_ == "ORG" and span[0].text[:1].isupper() and any(w.lower_ in ORG_WORDS for w in span):
            country = country_of_words(list(span))
            key = f"org:{canonical_name(text).lower()}"
            entities.add_actor(key, canonical_name(text), "organization", country, text)
            entities.mark(span.start, span.end, actor=key)

    def _known_actor(self, known: gazetteer.KnownActor, span: Span) -> None:
        entities = self.entities
        text = span.text.strip()
        key, name, kind, country = known.key, known.name, known.kind, known.country
        words = {w.lower() for w in re.findall(r"[A-Za-z]+", name)}
        if kind == "government_body" and country and "civil" in words:
            organ = "civil defence" if words & {"defence", "defense"} else name
            entry = self.entities.ministry(country, organ, text)
        elif kind == "government_body" and country and "ministry" in words:
            entry = self.entities.ministry(
                country, key.split(":", 2)[2] if key.startswith(f"gov:{country}:") else name, text
            )
        elif kind == "government_body" and country and words & MILITARY_ORGAN_WORDS:
            entry = self._military(country, text)
        elif kind == "government_body" and country and words & GOVERNMENT_NOUNS:
            entry = self._government(country, text)
        elif kind == "government_body" and country and key.startswith(f"gov:{country}:"):
            entry = self.entities.ministry(country, key.split(":", 2)[2], text)
        else:
            entry = entities.add_actor(key, name, kind, country, text)
        place_key = None
        if kind == "country" and gazetteer.is_country_surface(text):
            place = geocode.geocode(known.name, context_countries=self.context)
            place_key = entities.add_place(place, text).key if place else None
        elif kind in {"armed_group", "other"}:
            # a breakaway region is both a side and a place ('Nagorno-Karabakh')
            place = geocode.geocode(text, context_countries=self.context)
            if place is not None and place.kind == "region":
                place_key = entities.add_place(place, text).key
        entities.mark(span.start, span.end, actor=entry.key, place=place_key)

    def _military(self, country: str, surface: str) -> ActorEntry:
        """A state's armed forces: the country itself, or the government side in a civil war."""
        if country in self.civil_war:
            name = f"{gazetteer.country_adjective(country)} Armed Forces"
            return self.entities.add_actor(
                f"gov:{country}:armed-forces", name, "government_body", country, surface
            )
        return self.entities.country_actor(country, surface)

    def _government(self, country: str, surface: str) -> ActorEntry:
        if country not in self.civil_war and "regime" not in surface.lower():
            return self.entities.country_actor(country, surface)
        name = f"{gazetteer.country_adjective(country)} government"
        return self.entities.add_actor(f"gov:{country}:government", name, "government_body", country, surface)

    def _government_body(self, span: Span) -> bool:
        """'Armenian Defence Ministry', "Turkey's Foreign Ministry", 'defence ministry' after 'Armenian'."""
        doc = span.doc
        start = span.start
        while start > 0 and (doc[start - 1].tag_ == "POS" or _is_country_word(doc[start - 1])):
            start -= 1
        country = country_of_words(list(doc[start : span.end]))
        if country is None:
            return False
        body_words = [
            w.text for w in span if not _is_country_word(w) and w.tag_ != "POS" and w.lower_ != "of"
        ]
        body = " ".join(body_words).strip()
        if not body:
            return False
        if body.lower() in {"government", "regime"}:
            entry = self._government(country, doc[start : span.end].text)
        else:
            entry = self.entities.ministry(country, body.lower(), doc[start : span.end].text)
        self.entities.mark(start, span.end, actor=entry.key)
        return True

    # --- phrases the NER misses ------------------------------------------------------
    def _resolve_unlabelled_names(self) -> None:
        """Known groups and organisations the NER missed ('the Pakistan-based Jaish-e-Mohammad group')."""
        doc = self.doc
        i = 0
        while i < len(doc):
            if i in self.entities.by_token or doc[i].pos_ != "PROPN":
                i += 1
                continue
            end = i
            while (
                end < len(doc)
                and end - i < 6
                and end not in self.entities.by_token
                and (doc[end].pos_ == "PROPN" or (doc[end].text == "-" and end + 1 < len(doc)))
            ):
                end += 1
            if self._unlabelled_place(Span(doc, i, end)):
                i = end
                continue
            for stop in range(end, i, -1):
                known = gazetteer.lookup_actor(doc[i:stop].text)
                if known and (known.kind != "country" or stop - i == 1):
                    label = "GPE" if known.kind == "country" else "ORG"
                    self._known_actor(known, Span(doc, i, stop, label=label))
                    i = stop - 1
                    break
            i += 1

    def _unlabelled_place(self, span: Span) -> bool:
        """'captured Sake', 'in Mugunga': a missed name in a place slot, in a country of the story."""
        doc = self.doc
        before = doc[span.start - 1] if span.start > 0 else None
        in_place_slot = before is not None and (
            before.lower_ in LOCATIVE_PREPOSITIONS
            or (before.lower_ == "of" and span.start > 1 and doc[span.start - 2].lower_ in PLACE_NOUNS)
        )
        root = span.root
        taken = root.dep_ in {"dobj", "nsubjpass"} and root.head.lemma_ in CAPTURE_VERBS | STRIKE_VERBS
        if not (in_place_slot or taken):
            return False
        place = geocode.geocode(span.text, context_countries=self.context)
        if place is None or place.kind == "country" or place.country not in self.context[:3]:
            return False
        self.entities.mark(span.start, span.end, place=self.entities.add_place(place, span.text).key)
        return True

    def _resolve_titled_names(self) -> None:
        """'spokesperson Omar Saranga': capitalised words right after a title are a person the NER missed."""
        doc = self.doc
        for token in doc:
            if token.i + 1 >= len(doc):
                continue
            after_title = token.lower_ in TITLE_WORDS
            # 'The health minister in the ... government of Gaza, Mai Alkaila, accused ...'
            after_titled_comma = token.text == "," and any(
                t.lower_ in TITLE_WORDS for t in doc[max(token.sent.start, token.i - 10) : token.i]
            )
            if not (after_title or after_titled_comma):
                continue
            start = token.i + 1
            while start < len(doc) and doc[start].lower_ in RANKS:
                start += 1  # 'spokesman Major General ...': ranks are titles, not names
            end = start
            while end < len(doc) and end - start < 3 and doc[end].pos_ == "PROPN" and doc[end].is_title:
                if end in self.entities.by_token:
                    break
                end += 1
            if end - start >= 2 and not any(i in self.entities.by_token for i in range(start, end)):
                span = Span(doc, start, end, label="PERSON")
                key = person_key(span.text)
                self.entities.add_actor(key, span.text, "person", None, span.text)
                self.person_tokens.setdefault(doc[end - 1].lower_, key)
                self.entities.mark(start, end, actor=key)

    def _resolve_regional_demonyms(self) -> None:
        """'southern Israeli communities', 'eastern Ukrainian towns': a region, not the state."""
        doc = self.doc
        for token in doc:
            if token.i == 0 or doc[token.i - 1].lower_ not in DIRECTIONS:
                continue
            iso = gazetteer.demonym_country(token.text)
            if not iso:
                continue
            if token.head.lemma_ not in PLACE_NOUNS | SETTLEMENT_NOUNS:
                continue
            place = geocode.geocode(f"{doc[token.i - 1].lower_} {gazetteer.country_name(iso)}")
            if place is None:
                continue
            surface = doc[token.i - 1 : token.head.i + 1].text
            self.entities.mark(token.i - 1, token.i + 1, place=self.entities.add_place(place, surface).key)

    def _resolve_loose_demonyms(self) -> None:
        """Demonyms the NER missed ('Azeri claim') name their country."""
        for token in self.doc:
            if token.i in self.entities.by_token or token.pos_ not in {"ADJ", "PROPN", "NOUN"}:
                continue
            if not token.text[0].isupper():
                continue
            iso = gazetteer.demonym_country(token.text)
            if iso:
                actor = self.entities.country_actor(iso, token.text)
                self.entities.mark(token.i, token.i + 1, actor=actor.key)

    def _resolve_force_phrases(self) -> None:
        """'Armenian forces', 'Turkish military', 'Syrian regime forces', 'the army': who fights for whom."""
        entities = self.entities
        for token in self.doc:
            lower = token.lower_
            if (lower not in FORCE_NOUNS and lower not in GOVERNMENT_NOUNS) or token.pos_ not in {
                "NOUN",
                "PROPN",
            }:
                continue
            mention = entities.mention_at(token)
            if mention and mention.actor:
                continue
            modifiers = [c for c in token.children if c.dep_ in {"amod", "compound", "poss", "nmod"}]
            start = min([token.i, *[m.i for m in modifiers]])
            phrase = self.doc[start : token.i + 1]
            named = gazetteer.lookup_actor(phrase.text) if modifiers else None
            if named and named.kind in {"armed_group", "organization"}:
                self._known_actor(named, Span(self.doc, start, token.i + 1, label="ORG"))
                continue
            owner = next(
                (entities.actors[m.actor] for c in modifiers if (m := entities.mention_at(c)) and m.actor),
                None,
            )
            is_government = lower in GOVERNMENT_NOUNS or any(c.lower_ in GOVERNMENT_NOUNS for c in modifiers)
            if owner is not None and owner.kind != "country":
                if owner.kind == "person":
                    continue  # 'his forces' is resolved against the speaker by the event rules
                owner.aliases.add(alias_form(phrase.text))
                entities.mark(start, token.i + 1, actor=owner.key)
                continue
            country = owner.country if owner else self._country_of_place_after(token)
            if country is None:
                bare = not modifiers or all(c.lower_ in {"the", "its", "their"} for c in modifiers)
                if bare and lower in {"army", "military", "regime", "government"}:
                    country = self._country_of_bare_noun(token)
                if country is None:
                    continue
            sector = [
                c.lower_
                for c in modifiers
                if c.is_lower and c.pos_ in {"NOUN", "ADJ"} and c.lower_ not in GOVERNMENT_NOUNS
            ]
            if is_government and sector:
                entry = self.entities.ministry(country, f"{' '.join(sector)} {lower}", phrase.text)
            elif is_government:
                entry = self._government(country, phrase.text)
            elif lower in {"militants", "fighters", "rebels", "insurgents", "gunmen"}:
                continue
            else:
                entry = self._military(country, phrase.text)
            entities.mark(start, token.i + 1, actor=entry.key)

    def _country_of_place_after(self, token: Token) -> str | None:
        """'health authorities in Gaza': the country of the place they are in."""
        if token.lower_ not in GOVERNMENT_NOUNS:
            return None
        place = self._place_after(token)
        return self.entities.places[place].place.country if place else None

    def _country_of_bare_noun(self, token: Token) -> str | None:
        """'the army' / 'the regime' means the article's civil-war government when there is one."""
        if token.lower_ in {"regime", "government", "junta"}:
            named = [
                c
                for t in self.doc
                if t.lower_ == token.lower_
                for c in [country_of_words(list(t.children))]
                if c
            ]
            if named:
                return named[0]  # 'the regime' is the 'Syrian regime' named elsewhere in the article
            return self.entities.main_country
        for country in self.context:
            if country in self.civil_war:
                return country
        return None

    def _resolve_sites(self) -> None:
        """'Khartoum airport', 'the presidential palace', 'a military airbase in Ganja': sites as places."""
        entities = self.entities
        for token in self.doc:
            if token.lower_ not in SITE_NOUNS or token.pos_ not in {"NOUN", "PROPN"}:
                continue
            if entities.mention_at(token) and entities.mention_at(token).place:  # type: ignore[union-attr]
                continue
            left = [t for t in token.subtree if t.i < token.i and t.i >= token.i - 8]
            while left and (
                left[0].dep_ == "det"
                or left[0].is_punct
                or gazetteer.demonym_country(left[0].text)
                or gazetteer.is_country_surface(left[0].text)
                or left[0].tag_ == "POS"
            ):
                left = left[1:]  # "Sudan's Khartoum airport" is named "Khartoum airport"
            if not left:
                continue
            start = left[0].i
            named = [entities.mention_at(t) for t in left]
            city = next((m.place for m in named if m and m.place), None)
            if city is None:
                city = self._capital_as_place(left)
            owner_words = [t for t in left if not (entities.mention_at(t) and entities.mention_at(t).actor)]  # type: ignore[union-attr]
            if city is None and not any(t.pos_ in {"ADJ", "NOUN", "PROPN"} for t in owner_words):
                continue
            phrase = self.doc[start : token.i + 1].text
            name = alias_form(phrase)
            base = entities.places[city].place if city else None
            container = city or self._place_after(token)
            named_country = country_of_words([t for t in self.doc[start : token.i] if not t.is_lower])
            country = named_country or (
                base.country
                if base
                else (entities.places[container].place.country if container else entities.main_country)
            )
            site = geocode.GeoPlace(
                key=f"site:{country or ''}:{canonical_name(name).lower()}",
                name=name,
                kind="site",
                country=country,
                lat=base.lat if base else None,
                lon=base.lon if base else None,
                geonames_id=None,
                population=0,
                admin1=None,
            )
            same = next(
                (e for e in entities.places.values() if e.place.kind == "site" and e.head == token.lemma_),
                None,
            )
            if same is not None:
                # 'a Gaza hospital' ... 'the Al-Ahli al-Arabi hospital': one site, every name kept
                same.aliases.add(alias_form(phrase))
                if same.place.lat is None and site.lat is not None:
                    same.place = dataclasses.replace(same.place, lat=site.lat, lon=site.lon)
                entities.mark(start, token.i + 1, place=same.key)
                continue
            entry = entities.add_place(site, phrase)
            entry.head = token.lemma_
            entities.mark(start, token.i + 1, place=entry.key)

    def _capital_as_place(self, tokens: list[Token]) -> str | None:
        """'Khartoum airport': a capital that names a site is the city, not the state acting."""
        for t in tokens:
            mention = self.entities.mention_at(t)
            if (
                mention is None
                or mention.actor is None
                or self.entities.actors[mention.actor].kind != "country"
            ):
                continue
            if gazetteer.is_country_surface(t.text) or gazetteer.demonym_country(t.text):
                continue
            place = geocode.geocode(t.text, context_countries=self.context)
            if place is not None:
                mention.place = self.entities.add_place(place, t.text).key
                return mention.place
        return None

    def _place_after(self, token: Token) -> str | None:
        """The place a site is 'in' or 'at' ('the hospital in Gaza City')."""
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ in {"in", "at", "near", "of"}:
                for obj in child.children:
                    mention = self.entities.mention_at(obj)
                    if mention and mention.place:
                        return mention.place
        return None


def _attach_titles(entities: ArticleEntities, doc: Doc) -> None:
    """'Azerbaijani President Ilham Aliyev', 'Armenian defence ministry spokeswoman Shushan Stepanyan'."""
    for mention in list(entities.mentions):
        if not mention.actor or entities.actors[mention.actor].kind != "person":
            continue
        person = entities.actors[mention.actor]
        head = doc[mention.end - 1]
        title_tokens = [t for t in head.subtree if t.i < mention.start and t.dep_ != "det" and not t.is_punct]
        if not title_tokens and head.dep_ == "appos":
            noun = head.head
            title_tokens = [
                t for t in noun.subtree if t.i < mention.start and t.dep_ != "det" and not t.is_punct
            ]
        if not title_tokens and head.dep_ in NOMINAL_SUBJECT_DEPS | {"pobj", "dobj"}:
            # "..., the head of the Wagner group, Yevgeny Prigozhin" parsed the other way round
            appos = [c for c in head.children if c.dep_ == "appos"]
            title_tokens = [t for a in appos for t in a.subtree]
        words = {t.lower_ for t in title_tokens}
        if not words & TITLE_WORDS:
            continue
        if words & {"former", "ex", "late", "retired"}:
            person.title = person.title or " ".join(
                t.text for t in title_tokens if not entities.mention_at(t)
            )
            continue  # a former office ties a person to no one now
        affiliation = None
        for t in title_tokens:
            m = entities.mention_at(t)
            if m and m.actor and m.actor != person.key:
                candidate = entities.actors[m.actor]
                if candidate.kind == "person":
                    continue
                if affiliation is None or candidate.kind in {
                    "government_body",
                    "armed_group",
                    "organization",
                }:
                    affiliation = candidate
        title_text = " ".join(
            t.text
            for t in title_tokens
            if t.lower_ in TITLE_WORDS or (t.pos_ in {"NOUN", "ADJ"} and not entities.mention_at(t))
        ).strip()
        if title_text and not person.title:
            person.title = title_text
        if affiliation is None or person.affiliation:
            continue
        person.affiliation = affiliation.key
        person.country = person.country or affiliation.country
        if words & TITLE_SPOKES:
            person.relation = "spokesperson_for"
        elif words & TITLE_LEADS:
            person.relation = "leads"
        else:
            person.relation = "member_of"
    for actor in entities.actors.values():
        if actor.kind == "person" and actor.affiliation and not actor.country:
            actor.country = entities.actors[actor.affiliation].country


def _complete_person_names(entities: ArticleEntities, text: str) -> None:
    """'Aliyev' is 'Ilham Aliyev' when the article (a caption included) names him in full once."""
    for actor in entities.actors.values():
        if actor.kind != "person" or " " in actor.name:
            continue
        for match in re.finditer(rf"\b([A-Z][a-z]+(?:-[A-Z][a-z]+)?) {re.escape(actor.name)}\b", text):
            first = match.group(1)
            if first.lower() in TITLE_WORDS | RANKS | HONORIFICS or gazetteer.lookup_actor(first):
                continue
            actor.aliases.add(actor.name)
            actor.name = f"{first} {actor.name}"
            break


def _mark_story_mentions(entities: ArticleEntities, doc: Doc, masked: str) -> None:
    """Only names in story text (not captions or related headlines) put an actor or place in the output."""
    for mention in _current_mentions(entities):
        char = doc[mention.start].idx
        if masked[char : char + 1].isspace():
            continue
        if mention.actor:
            entities.actors[mention.actor].in_story = True
        if mention.place:
            entities.places[mention.place].in_story = True


def _mark_acting(entities: ArticleEntities, doc: Doc) -> None:
    """A country named only as a location ('in Syria', "Iraq's Kurdistan region") is a place, not an actor."""
    for mention in _current_mentions(entities):
        if not mention.actor:
            continue
        actor = entities.actors[mention.actor]
        if actor.kind != "country":
            actor.acts = True
            continue
        if actor.acts:
            continue
        root = doc[mention.start : mention.end].root
        while root.dep_ == "conj" and root.head.i != root.i:
            root = root.head  # 'in Iraq and Syria': Syria plays Iraq's part
        before = doc[mention.start - 2 : mention.start].text.lower() if mention.start >= 2 else ""
        if before.endswith(("pro-", "anti-", "pro -", "anti -")):
            continue
        head = root.head
        if root.tag_ in {"NNPS", "NNS"} and gazetteer.demonym_country(root.text) and root.dep_ != "nsubj":
            continue  # 'About 500 Palestinians were killed': people, not the state
        if root.dep_ in NOMINAL_SUBJECT_DEPS | {"appos"} or (
            root.dep_ == "pobj" and head.lower_ in {"by", "against", "with", "between"}
        ):
            actor.acts = True
        elif root.dep_ in {"poss", "compound", "amod", "nmod"}:
            owners = [entities.mention_at(t) for t in [head, *head.children]]
            if any(
                m and m.actor and m.actor != actor.key and entities.actors[m.actor].kind != "country"
                for m in owners
            ):
                continue  # "Yemen's Houthi rebels": the group acts, not Yemen
            # 'Iranian strikes', 'the Azeri claim', 'Indian warplanes' act; 'Syrian front lines' do not
            actor.acts = head.lower_ in ACTING_HEADS or head.lemma_ in ACTING_HEADS
        elif root.dep_ == "dobj":
            actor.acts = True


def _current_mentions(entities: ArticleEntities) -> list[Mention]:
    """Mentions not overridden by a longer phrase resolved later ('Sudan' inside "Sudan's armed forces")."""
    return [m for m in entities.mentions if entities.by_token.get(m.start) is m]


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
            holders = [c for c in token.head.children if c.dep_ in NOMINAL_SUBJECT_DEPS]
            _pair(entities, "allied_with", holders, partners)


def _pair(entities: ArticleEntities, type_: str, sources: list[Token], targets: list[Token]) -> None:
    for s in sources:
        for t in targets:
            ms, mt = entities.mention_at(s), entities.mention_at(t)
            if ms and mt and ms.actor and mt.actor and ms.actor != mt.actor:
                entities.alliances.append((type_, ms.actor, mt.actor))
