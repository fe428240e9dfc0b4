"""Canonical keys and write rows built from extraction records (pure, no Neo4j)."""

from __future__ import annotations

from typing import Any

from graph_service.records import Actor, Extraction, Place
from graph_service.writer import (
    EVENT_LABELS,
    actor_key,
    build_rows,
    merge_rows,
    normalise_name,
    place_key,
)


def extraction(article_id: str, events: list[dict[str, Any]], **extra: Any) -> Extraction:
    """A small invented article: two countries, a person, a city and the given events."""
    return Extraction.model_validate(
        {
            "article": {"id": article_id, "title": "Invented", "published": "2024-03-02"},
            "actors": extra.get(
                "actors",
                [
                    {
                        "id": "A1",
                        "name": "Northland",
                        "kind": "country",
                        "country": "nld",
                        "aliases": ["Northern"],
                    },
                    {"id": "A2", "name": "Southland", "kind": "country", "country": "SLD"},
                    {"id": "A3", "name": "Jan Example", "kind": "person", "country": "NLD"},
                ],
            ),
            "places": extra.get(
                "places",
                [{"id": "P1", "name": "Riverton", "kind": "city", "country": "SLD", "lat": 1.5, "lon": 2.5}],
            ),
            "events": events,
            "relations": extra.get("relations", []),
        }
    )


def strike(event_id: str = "E1", start: int = 0, **fields: Any) -> dict[str, Any]:
    """A dated strike by A1 on P1, claimed by A2, unless overridden."""
    event = {
        "id": event_id,
        "type": "strike",
        "date": "2024-03-01",
        "agents": ["A1"],
        "locations": ["P1"],
        "claimed_by": ["A2"],
        "evidence": {"sentence": "Invented sentence.", "start": start, "end": start + 18},
    }
    return event | fields


def event_id(rows: Any, index: int = 0) -> str:
    """The graph id of the index-th event row."""
    return rows.events[index]["id"]


def test_names_normalise_across_case_accents_punctuation_and_possessives() -> None:
    assert normalise_name("The Azeri's") == normalise_name("azeri")
    assert normalise_name("Erdoğan") == normalise_name("ERDOGAN")
    assert normalise_name("Nagorno-Karabakh") == normalise_name("Nagorno  Karabakh")
    assert normalise_name("Hamas") != normalise_name("Hezbollah")


def test_countries_merge_on_iso3_whatever_their_name() -> None:
    one = Actor(id="A1", name="Azerbaijan", kind="country", country="AZE")
    other = Actor(id="A9", name="Republic of Azerbaijan", kind="country", country="aze")
    assert actor_key(one) == actor_key(other) == "country:AZE"


def test_other_actors_merge_on_kind_and_name() -> None:
    person = Actor(id="A1", name="Ilham Aliyev", kind="person", country="AZE")
    same = Actor(id="A7", name="ilham aliyev", kind="person")
    group = Actor(id="A2", name="Ilham Aliyev", kind="organization")
    assert actor_key(person) == actor_key(same)
    assert actor_key(person) != actor_key(group)


def test_places_merge_on_geonames_then_country_then_kind_country_and_name() -> None:
    by_geonames = Place(id="P1", name="Ganja", kind="city", country="AZE", geonames_id=587084)
    renamed = Place(id="P5", name="Gəncə", kind="city", geonames_id=587084)
    assert place_key(by_geonames) == place_key(renamed) == "geonames:587084"
    assert place_key(Place(id="P2", name="Armenia", kind="country", country="ARM")) == "country:ARM"
    libya = Place(id="P3", name="Tripoli", kind="city", country="LBY")
    lebanon = Place(id="P4", name="Tripoli", kind="city", country="LBN")
    assert place_key(libya) != place_key(lebanon)


def test_same_strike_in_two_articles_gets_one_id_with_two_reports() -> None:
    first = build_rows(extraction("art-1", [strike("E1", start=0)]))
    second = build_rows(extraction("art-2", [strike("E4", start=250, claimed_by=[])]))
    assert event_id(first) == event_id(second)
    assert first.events[0]["single_source"] is False


def test_strikes_with_other_agents_dates_or_no_date_stay_apart() -> None:
    base = event_id(build_rows(extraction("art-1", [strike()])))
    other_agent = event_id(build_rows(extraction("art-2", [strike(agents=["A2"])])))
    other_day = event_id(build_rows(extraction("art-2", [strike(date="2024-03-02")])))
    undated_1 = build_rows(extraction("art-1", [strike(date=None)]))
    undated_2 = build_rows(extraction("art-2", [strike(date=None)]))
    assert len({base, other_agent, other_day, event_id(undated_1), event_id(undated_2)}) == 5
    assert undated_1.events[0]["single_source"] is True


def test_casualty_figures_of_two_sources_stay_two_events_linked_to_one_strike() -> None:
    def casualty(killed: int) -> dict[str, Any]:
        return strike("E2", start=40, type="casualty", killed=killed, agents=[], cause="E1")

    first = build_rows(extraction("art-1", [strike(), casualty(3)]))
    second = build_rows(extraction("art-2", [strike(), casualty(5)]))
    assert event_id(first, 1) != event_id(second, 1)
    assert [first.events[1]["killed"], second.events[1]["killed"]] == [3, 5]
    caused_by = {
        (link["source"], link["target"]) for rows in (first, second) for link in rows.event_event_links
    }
    assert caused_by == {(event_id(first, 1), event_id(first)), (event_id(second, 1), event_id(first))}


def test_a_denial_of_a_merged_strike_merges_when_dated_and_stays_local_otherwise() -> None:
    denial = {
        "id": "E3",
        "type": "denial",
        "date": "2024-03-02",
        "agents": ["A1"],
        "denies": ["E1"],
        "evidence": {"sentence": "Invented denial.", "start": 90, "end": 106},
    }
    first = build_rows(extraction("art-1", [strike(), denial]))
    second = build_rows(extraction("art-2", [denial, strike("E1", start=300)]))
    assert event_id(first, 1) == event_id(second, 0)
    undated = build_rows(extraction("art-3", [strike(), denial | {"date": None}]))
    assert event_id(undated, 1) not in {event_id(first, 1)}
    assert undated.event_event_links == [
        {"source": event_id(undated, 1), "target": event_id(first), "type": "DENIES", "article_id": "art-3"}
    ]


def test_labels_come_from_the_whitelist_and_targets_split_into_actors_and_places() -> None:
    threat = strike("E1", type="threat", agents=["A1"], targets=["A2", "P1", "NOPE"], locations=[])
    rows = build_rows(extraction("art-1", [threat]))
    assert rows.events[0]["label"] == "Threat" == EVENT_LABELS["threat"]
    assert [(link["type"], link["actor"]) for link in rows.event_actor_links] == [
        ("AGENT_OF", "country:NLD"),
        ("CLAIMS", "country:SLD"),
        ("TARGETS", "country:SLD"),
    ]
    assert [(link["type"], link["place"]) for link in rows.event_place_links] == [
        ("TARGETS", "place:city:sld:riverton")
    ]


def test_aliases_keep_the_canonical_name_and_every_surface_form() -> None:
    rows = build_rows(extraction("art-1", []))
    assert rows.actors[0]["aliases"] == ["Northland", "Northern"]
    assert rows.actors[0]["country"] == "NLD"


def test_places_hang_under_their_container_or_else_their_country() -> None:
    places = [
        {"id": "P1", "name": "Riverton", "kind": "city", "country": "SLD"},
        {"id": "P2", "name": "Hill Province", "kind": "region", "country": "SLD"},
        {"id": "P3", "name": "Southland", "kind": "country", "country": "SLD"},
    ]
    relations = [{"type": "located_in", "source": "P1", "target": "P2"}]
    rows = build_rows(extraction("art-1", [], places=places, relations=relations))
    edges = {(edge["child"], edge["parent"]) for edge in rows.place_hierarchy}
    assert edges == {
        ("place:city:sld:riverton", "place:region:sld:hill province"),
        ("place:region:sld:hill province", "country:SLD"),
    }
    assert [row["id"] for row in rows.countries] == ["country:SLD"]


def test_actor_relations_use_canonical_ids_and_drop_dangling_ones() -> None:
    relations = [
        {"type": "leads", "source": "A3", "target": "A1"},
        {"type": "supports", "source": "A1", "target": "A404"},
    ]
    rows = build_rows(extraction("art-1", [], relations=relations))
    assert rows.actor_relations == [
        {
            "source": "actor:person:jan example",
            "target": "country:NLD",
            "type": "LEADS",
            "article_id": "art-1",
        }
    ]


def test_batch_rows_concatenate_per_statement() -> None:
    first = build_rows(extraction("art-1", [strike()]))
    second = build_rows(extraction("art-2", [strike()]))
    merged = merge_rows([first, second])
    assert [row["id"] for row in merged["article"]] == ["art-1", "art-2"]
    assert len(merged["events"]) == 2
