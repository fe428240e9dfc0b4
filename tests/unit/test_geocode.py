"""The offline geocoder finds the towns, regions and countries conflict reporting names."""

import json
from pathlib import Path

import pytest

from loaders.geocode import candidates, geocode

SHARED = Path(__file__).resolve().parents[2] / "../shared"


@pytest.mark.parametrize(
    ("name", "expected", "country"),
    [
        ("Ganja", "Ganja", "AZE"),
        ("Mingachevir", "Mingachevir", "AZE"),
        ("Stepanakert", "Khankendi", "AZE"),
        ("Khankendi", "Khankendi", "AZE"),
        ("Shushi", "Shusha", "AZE"),
        ("Jabrail", "Jabrayil", "AZE"),
        ("Yerevan", "Yerevan", "ARM"),
        ("Soledar", "Soledar", "UKR"),
        ("Bakhmut", "Bakhmut", "UKR"),
        ("Kiev", "Kyiv", "UKR"),
        ("Zaporizhzhia", "Zaporizhzhya", "UKR"),
        ("Khartoum", "Khartoum", "SDN"),
        ("Omdurman", "Omdurman", "SDN"),
        ("Nyala", "Nyala", "SDN"),
        ("El Obeid", "El Obeid", "SDN"),
        ("El Fasher", "El Fasher", "SDN"),
        ("Merowe", "Merowe", "SDN"),
        ("Gaza", "Gaza", "PSE"),
        ("Gaza City", "Gaza", "PSE"),
        ("Panjgur", "Panjgur", "PAK"),
        ("Balakot", "Balakot", "PAK"),
        ("Mocimboa da Praia", "Mocímboa da Praia", "MOZ"),
        ("Idlib", "Idlib", "SYR"),
        ("Aleppo", "Aleppo", "SYR"),
        ("Abqaiq", "Abqaiq", "SAU"),
        ("Khurais", "Khurais", "SAU"),
    ],
)
def test_towns_and_cities(name: str, expected: str, country: str) -> None:
    place = geocode(name)
    assert place is not None
    assert (place.name, place.country) == (expected, country)


def test_city_carries_coordinates_geonames_id_and_province() -> None:
    place = geocode("Soledar")
    assert place is not None and place.key == f"gn:{place.geonames_id}"
    assert place.lat == pytest.approx(48.69, abs=0.05) and place.lon == pytest.approx(38.07, abs=0.05)
    assert place.admin1 == "Donetsk"


@pytest.mark.parametrize(
    ("name", "key", "country"),
    [
        ("Nagorno-Karabakh", "cur:nagorno-karabakh", "AZE"),
        ("Karabakh", "cur:nagorno-karabakh", "AZE"),
        ("Artsakh", "cur:nagorno-karabakh", "AZE"),
        ("the Gaza Strip", "cur:gaza-strip", "PSE"),
        ("West Bank", "cur:west-bank", "PSE"),
        ("Donbas", "cur:donbas", "UKR"),
        ("Donetsk region", "cur:donetsk-oblast", "UKR"),
        ("Kherson Oblast", "cur:kherson-oblast", "UKR"),
        ("Crimea", "cur:crimea", "UKR"),
        ("Idlib province", "cur:idlib-province", "SYR"),
        ("Darfur", "cur:darfur", "SDN"),
        ("Cabo Delgado", "cur:cabo-delgado", "MOZ"),
        ("Baluchistan", "cur:balochistan-pak", "PAK"),
        ("Sistan-Baluchestan", "cur:sistan-baluchestan", "IRN"),
        ("Khyber-Pakhtunkhwa", "cur:khyber-pakhtunkhwa", "PAK"),
        ("Jammu and Kashmir", "cur:jammu-and-kashmir", "IND"),
        ("Kurdistan region", "cur:iraqi-kurdistan", "IRQ"),
        ("Tigray", "cur:tigray", "ETH"),
        ("Golan Heights", "cur:golan-heights", "SYR"),
        ("Red Sea", "cur:red-sea", None),
        ("Sahel", "cur:sahel", None),
    ],
)
def test_curated_regions(name: str, key: str, country: str | None) -> None:
    place = geocode(name)
    assert place is not None and (place.key, place.country) == (key, country)


def test_city_wins_over_province_of_the_same_name() -> None:
    assert geocode("Donetsk").kind == "city"  # type: ignore[union-attr]
    assert geocode("Rafah").kind == "city"  # type: ignore[union-attr]
    assert any(p.kind == "region" for p in candidates("Rafah"))


@pytest.mark.parametrize(
    ("name", "iso3"), [("Georgia", "GEO"), ("Jordan", "JOR"), ("Lebanon", "LBN"), ("US", "USA")]
)
def test_country_names_win_over_towns(name: str, iso3: str) -> None:
    place = geocode(name, context_countries=["USA"])
    assert place is not None and (place.kind, place.country) == ("country", iso3)
    assert place.lat is not None  # the capital's coordinates


def test_context_country_breaks_ties_between_same_named_places() -> None:
    assert geocode("Tripoli").country == "LBY"  # type: ignore[union-attr]
    assert geocode("Tripoli", context_countries=["LBN"]).country == "LBN"  # type: ignore[union-attr]
    assert geocode("Tripoli", context_countries=["SYR", "LBN"]).country == "LBN"  # type: ignore[union-attr]
    assert geocode("Palma").country == "ESP"  # type: ignore[union-attr]
    assert geocode("Palma", context_countries=["MOZ"]).country == "MOZ"  # type: ignore[union-attr]


def test_unknown_names_give_nothing() -> None:
    assert geocode("Qwzxplonk") is None
    assert geocode("") is None
    assert candidates("Qwzxplonk") == []


def _gold_places() -> list[dict]:
    files = sorted((SHARED / "eval/dev").glob("*.gold.json"))
    places = [p for f in files for p in json.loads(f.read_text(encoding="utf-8"))["places"]]
    return [p for p in places if p["kind"] in ("city", "region", "country") and p["country"]]


def test_dev_gold_places_resolve_to_their_country() -> None:
    places = _gold_places()
    if not places:
        pytest.skip("shared eval/dev gold files are not present")
    wrong = []
    for gold in places:
        place = geocode(gold["name"], context_countries=[gold["country"]])
        far = (
            gold["lat"] is not None
            and place is not None
            and place.lat is not None
            and (abs(place.lat - gold["lat"]) > 0.2 or abs(place.lon - gold["lon"]) > 0.2)
        )
        if place is None or place.country != gold["country"] or far:
            wrong.append((gold["name"], place))
    assert not wrong


def test_part_of_a_country_is_a_region_of_that_country() -> None:
    place = geocode("southern Israel")
    assert place is not None and (place.kind, place.country, place.name) == (
        "region",
        "ISR",
        "southern Israel",
    )
    assert geocode("north Qwzxplonk") is None
