"""The actor gazetteer resolves the names, short forms, demonyms and metonyms a news article uses."""

import pytest

from loaders.gazetteer import (
    country_adjective,
    country_name,
    demonym_country,
    is_country_surface,
    lookup_actor,
)


@pytest.mark.parametrize(
    ("surface", "key"),
    [
        ("Azerbaijan", "country:AZE"),
        ("Azerbaijan's", "country:AZE"),
        ("Azerbaijan’s", "country:AZE"),
        ("Azeri", "country:AZE"),
        ("Azerbaijani", "country:AZE"),
        ("Baku", "country:AZE"),
        ("Kyiv", "country:UKR"),
        ("Kiev", "country:UKR"),
        ("Moscow", "country:RUS"),
        ("the Kremlin", "country:RUS"),
        ("Washington", "country:USA"),
        ("Pentagon", "country:USA"),
        ("Tehran", "country:IRN"),
        ("Islamabad", "country:PAK"),
        ("US", "country:USA"),
        ("U.S.", "country:USA"),
        ("the United States", "country:USA"),
        ("UK", "country:GBR"),
        ("Britain", "country:GBR"),
        ("Israeli", "country:ISR"),
        ("Israelis", "country:ISR"),
        ("Palestinian", "country:PSE"),
        ("Saudi", "country:SAU"),
        ("Emirati", "country:ARE"),
        ("Turkish", "country:TUR"),
        ("Türkiye", "country:TUR"),
        ("Pakistani", "country:PAK"),
        ("Iranian", "country:IRN"),
        ("Sudanese", "country:SDN"),
        ("Mozambican", "country:MOZ"),
        ("Ukrainian", "country:UKR"),
        ("Yemeni", "country:YEM"),
        ("Syrian", "country:SYR"),
        ("Kosovo", "country:XKX"),
        ("Taiwan", "country:TWN"),
        ("Georgia", "country:GEO"),
        ("Jordan", "country:JOR"),
        ("Ivory Coast", "country:CIV"),
        ("DRC", "country:COD"),
    ],
)
def test_countries_by_name_demonym_and_metonym(surface: str, key: str) -> None:
    actor = lookup_actor(surface)
    assert actor is not None and actor.key == key and actor.kind == "country"
    assert actor.country == key.removeprefix("country:")


@pytest.mark.parametrize(
    ("surface", "name", "kind", "country"),
    [
        ("UN", "United Nations", "organization", None),
        ("EU", "European Union", "organization", None),
        ("NATO", "NATO", "organization", None),
        ("OSCE", "OSCE", "organization", None),
        ("AU", "African Union", "organization", None),
        ("Arab League", "Arab League", "organization", None),
        ("Red Cross", "International Committee of the Red Cross", "organization", None),
        ("WHO", "World Health Organization", "organization", None),
        ("IAEA", "IAEA", "organization", None),
        ("MSF", "Médecins Sans Frontières", "organization", None),
        ("Reuters", "Reuters", "organization", None),
        ("AP", "Associated Press", "organization", None),
        ("Al Jazeera", "Al Jazeera", "organization", None),
        ("Hamas", "Hamas", "armed_group", "PSE"),
        ("Hamas militants", "Hamas", "armed_group", "PSE"),
        ("PIJ", "Palestinian Islamic Jihad", "armed_group", "PSE"),
        ("Islamic Jihad", "Palestinian Islamic Jihad", "armed_group", "PSE"),
        ("Hezbollah", "Hezbollah", "armed_group", "LBN"),
        ("Houthi rebels", "Houthis", "armed_group", "YEM"),
        ("Ansar Allah", "Houthis", "armed_group", "YEM"),
        ("Huthis", "Houthis", "armed_group", "YEM"),
        ("RSF", "Rapid Support Forces", "armed_group", "SDN"),
        ("Wagner", "Wagner Group", "armed_group", "RUS"),
        ("ISIL", "Islamic State", "armed_group", "IRQ"),
        ("Daesh", "Islamic State", "armed_group", "IRQ"),
        ("ISWAP", "Islamic State West Africa Province", "armed_group", "NGA"),
        ("IS-K", "Islamic State Khorasan Province", "armed_group", "AFG"),
        ("Pakistani Taliban", "Tehrik-i-Taliban Pakistan", "armed_group", "PAK"),
        ("Jaish-e-Mohammad", "Jaish-e-Mohammed", "armed_group", "PAK"),
        ("HTS", "Hayat Tahrir al-Sham", "armed_group", "SYR"),
        ("M23", "M23", "armed_group", "COD"),
        ("Fano", "Fano", "armed_group", "ETH"),
        ("al-Shabab (Mozambique)", "Ahlu Sunna Wal Jama'a", "armed_group", "MOZ"),
        ("Jaish al-Adl", "Jaish al-Adl", "armed_group", "IRN"),
        ("BLA", "Baloch Liberation Army", "armed_group", "PAK"),
        ("Kataib Hezbollah", "Kataib Hezbollah", "armed_group", "IRQ"),
        ("SAF", "Sudanese Armed Forces", "government_body", "SDN"),
        ("Sudan Armed Forces", "Sudanese Armed Forces", "government_body", "SDN"),
    ],
)
def test_organisations_and_armed_groups(surface: str, name: str, kind: str, country: str | None) -> None:
    actor = lookup_actor(surface)
    assert actor is not None
    assert (actor.name, actor.kind, actor.country) == (name, kind, country)


@pytest.mark.parametrize("word", ["who", "is", "us", "ap", "Gaza", "Male", "Tuesday", ""])
def test_ordinary_words_are_not_actors(word: str) -> None:
    assert lookup_actor(word) is None


def test_state_bodies_are_keyed_by_country_and_organ() -> None:
    iranian = lookup_actor("Iranian Foreign Ministry")
    possessive = lookup_actor("Iran's foreign ministry")
    assert iranian is not None and iranian.kind == "government_body" and iranian.country == "IRN"
    assert possessive is not None and possessive.key == iranian.key
    gaza = lookup_actor("Gaza health ministry")
    assert gaza is not None and (gaza.kind, gaza.country) == ("government_body", "PSE")
    rebels = lookup_actor("Syrian opposition")
    assert rebels is not None and (rebels.kind, rebels.country) == ("armed_group", "SYR")


@pytest.mark.parametrize(
    ("word", "iso3"),
    [
        ("Azeri", "AZE"),
        ("Armenian", "ARM"),
        ("ethnic-Armenian", "ARM"),
        ("ethnic Armenians", "ARM"),
        ("Palestinians", "PSE"),
        ("Congolese", "COD"),
        ("Azerbaijan", None),
        ("Hamas", None),
    ],
)
def test_demonym_country(word: str, iso3: str | None) -> None:
    assert demonym_country(word) == iso3


@pytest.mark.parametrize(
    ("iso3", "name"),
    [
        ("AZE", "Azerbaijan"),
        ("RUS", "Russia"),
        ("IRN", "Iran"),
        ("SYR", "Syria"),
        ("USA", "United States"),
        ("GBR", "United Kingdom"),
        ("KOR", "South Korea"),
        ("PSE", "Palestine"),
        ("XKX", "Kosovo"),
        ("TUR", "Turkey"),
    ],
)
def test_country_name_is_the_common_short_form(iso3: str, name: str) -> None:
    assert country_name(iso3) == name


@pytest.mark.parametrize(
    ("surface", "expected"),
    [
        ("Azerbaijan", True),
        ("U.S.", True),
        ("Britain", True),
        ("Azeri", False),
        ("Baku", False),
        ("Hamas", False),
        ("us", False),
    ],
)
def test_is_country_surface(surface: str, expected: bool) -> None:
    assert is_country_surface(surface) is expected


def test_country_adjective_is_the_main_demonym() -> None:
    assert [country_adjective(c) for c in ("AZE", "USA", "PSE", "DMA")] == [
        "Azerbaijani",
        "American",
        "Palestinian",
        "Dominica",
    ]
