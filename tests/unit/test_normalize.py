"""Pure normalisation: ids, names, counts and dates, on sentences written for these tests."""

from __future__ import annotations

import pytest

from loaders.normalize import (
    article_id,
    canonical_name,
    find_published,
    parse_count,
    parse_published,
    resolve_date,
    stable_id,
)

# --- ids -------------------------------------------------------------------------------------------


def test_article_id_is_stable_and_ignores_whitespace_layout() -> None:
    text = "Rebels shelled the port town on Friday.\n\nTwo fishermen were hurt."
    relaid = "Rebels shelled the port town  on Friday.\nTwo fishermen were hurt.  "
    assert article_id(text) == article_id(relaid)
    assert article_id(text).startswith("a_") and len(article_id(text)) == 18


def test_article_id_differs_for_different_text() -> None:
    assert article_id("Troops entered the valley.") != article_id("Troops left the valley.")


def test_stable_id_keeps_prefix_and_is_case_and_space_insensitive() -> None:
    assert stable_id("act", "Northern  Alliance") == stable_id("act", "northern alliance")
    assert stable_id("act", "Northern Alliance").startswith("act_")


def test_stable_id_separates_parts() -> None:
    # ("ab", "c") and ("a", "bc") must not collide just because the concatenation is equal.
    assert stable_id("evt", "ab", "c") != stable_id("evt", "a", "bc")
    assert stable_id("evt", "a1", "strike") != stable_id("plc", "a1", "strike")


# --- names -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("  the   Coastal Guard ", "Coastal Guard"),
        ("The Hill Brigade’s", "Hill Brigade"),
        ("Ruritania's", "Ruritania"),
        ("“Valley Front”", "Valley Front"),
        ("Theodora Klein", "Theodora Klein"),
        ("rebels'", "rebels"),
        ("Ministry of\nDefence", "Ministry of Defence"),
    ],
)
def test_canonical_name(raw: str, expected: str) -> None:
    assert canonical_name(raw) == expected


# --- counts ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("one", (1, "exact")),
        ("32", (32, "exact")),
        ("two villagers", (2, "exact")),
        ("twenty-five", (25, "exact")),
        ("twenty - five", (25, "exact")),
        ("Eleven guards", (11, "exact")),
        ("some 30,000", (30_000, "about")),
        ("more than 40", (40, "more_than")),
        ("at least 25", (25, "at_least")),
        ("up to 10", (10, "up_to")),
        ("as many as 60", (60, "up_to")),
        ("nearly 90", (90, "about")),
        ("almost 70", (70, "about")),
        ("around 15", (15, "about")),
        ("about 500", (500, "about")),
        ("roughly 2,000", (2_000, "about")),
        ("approximately 12", (12, "about")),
        ("over 500", (500, "more_than")),
        ("a dozen", (12, "exact")),
        ("two dozen", (24, "exact")),
        ("1.2 million", (1_200_000, "exact")),
        ("3,000", (3_000, "exact")),
        ("two hundred", (200, "exact")),
        ("nearly half a million", (500_000, "about")),
        ("killing one guard and wounding 14", (1, "exact")),
    ],
)
def test_parse_count(phrase: str, expected: tuple[int, str]) -> None:
    assert parse_count(phrase) == expected


@pytest.mark.parametrize(
    "phrase",
    ["dozens", "hundreds of residents", "scores of fighters", "thousands", "a large number", "several"],
)
def test_parse_count_vague_is_none(phrase: str) -> None:
    assert parse_count(phrase) is None


def test_parse_count_skips_numbers_that_are_durations() -> None:
    assert parse_count("a 10-day siege") is None


# --- dates -----------------------------------------------------------------------------------------

# 2021-03-10 is a Wednesday.
PUB = "2021-03-10"


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        ("on Sunday", "2021-03-07"),
        ("Sunday", "2021-03-07"),
        ("late on Tuesday", "2021-03-09"),
        ("early Monday", "2021-03-08"),
        ("Tuesday's raid", "2021-03-09"),
        # same weekday as publication: the publication day (news style "said on Wednesday")
        ("on Wednesday", "2021-03-10"),
        ("last Wednesday", "2021-03-03"),
        ("yesterday", "2021-03-09"),
        ("the day before yesterday", "2021-03-08"),
        ("today", "2021-03-10"),
        ("last week", None),
        ("earlier this month", None),
        ("on March 4", "2021-03-04"),
        ("Mar 2", "2021-03-02"),
        ("4 March 2021", "2021-03-04"),
        ("2021-03-04", "2021-03-04"),
        ("on Thursday (Mar 4)", "2021-03-04"),
        ("said Wednesday (3)", "2021-03-03"),
        ("said Tuesday (23)", "2021-02-23"),
        ("Sept. 30, 2020", "2020-09-30"),
        # a month well after publication is last year's
        ("December 28", "2020-12-28"),
    ],
)
def test_resolve_date(expression: str, expected: str | None) -> None:
    assert resolve_date(expression, PUB) == expected


@pytest.mark.parametrize("expression", ["on Sunday", "yesterday", "today", "March 4"])
def test_resolve_date_without_publication_never_guesses(expression: str) -> None:
    assert resolve_date(expression, None) is None


def test_resolve_date_with_full_date_needs_no_publication() -> None:
    assert resolve_date("4 March 2021", None) == "2021-03-04"


def test_resolve_date_rejects_impossible_calendar_dates() -> None:
    assert resolve_date("February 30", PUB) is None


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2021-03-10", "2021-03-10"),
        ("2021-03-10T07:45:00+02:00", "2021-03-10"),
        ("Mar 10, 2021, 08.42 AM(IST)", "2021-03-10"),
        ("10 March 2021", "2021-03-10"),
        ("March 10, 2021", "2021-03-10"),
        ("Wed 10 Mar 2021 13.57 GMT", "2021-03-10"),
        ("https://news.example.org/world/2021/mar/10/ceasefire-collapses", "2021-03-10"),
        ("https://news.example.org/story/world/2021/03/10/ceasefire/123/", "2021-03-10"),
        (1615334400, "2021-03-10"),
        ("2021", None),
        ("next spring", None),
        (None, None),
        ("", None),
    ],
)
def test_parse_published(value: object, expected: str | None) -> None:
    assert parse_published(value) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (" date 2021-03-10 Home » World\n\nRebels attacked a convoy.", "2021-03-10"),
        ("Convoy attacked\n\nDesk Team\nCity Published: Mar 10, 2021, 08.42 AM(IST)\n\nRebels", "2021-03-10"),
        ("Convoy attacked\nUpdated: 16 March 2021\nRebels attacked a convoy.", "2021-03-16"),
        ("Convoy attacked\nMarch 11, 2021\n\nRebels attacked a convoy.", "2021-03-11"),
        ("Rebels attacked a convoy on Tuesday, killing four.", None),
        ("Formed in 2012, the group has attacked convoys before.", None),
        # a full date inside a long story sentence is an event date, not the publication date
        (
            "Rebels attacked a convoy near the river crossing on March 2, 2021, the regional governor told "
            "reporters, adding that the road would stay closed.",
            None,
        ),
    ],
)
def test_find_published(text: str, expected: str | None) -> None:
    assert find_published(text) == expected


def test_find_published_only_looks_at_the_top() -> None:
    text = "Rebels attacked a convoy.\n" + "More paragraphs follow.\n" * 40 + "Published: 10 March 2021\n"
    assert find_published(text) is None
