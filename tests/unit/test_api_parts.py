"""Pure pieces of the API: link wording, the `near` parameter, pages, and the API-key check."""

from __future__ import annotations

import pytest
from fastapi import HTTPException
from pydantic import SecretStr

from graph_service.api.deps import Pagination, check_key, page_of
from graph_service.api.routes.places import parse_near
from graph_service.config import Settings
from graph_service.queries import describe_link


@pytest.mark.parametrize(
    ("kind", "direction", "words"),
    [
        ("strike", "out", "struck"),
        ("strike", "in", "was struck by"),
        ("denial", "out", "denied claims of"),
        ("SUPPORTS", "in", "is supported by"),
        ("ALLIED_WITH", "in", "is allied with"),
    ],
)
def test_links_read_from_the_asking_actors_side(kind: str, direction: str, words: str) -> None:
    assert describe_link(kind, direction) == words


def test_near_takes_a_latitude_and_a_longitude_in_range() -> None:
    assert parse_near("40.68,46.36") == (40.68, 46.36)
    assert parse_near(" -33.9 , 151.2 ") == (-33.9, 151.2)
    for bad in ("40.68", "91,0", "0,181", "nan,0", "inf,0", "a,b", "1,2,3"):
        with pytest.raises(ValueError):
            parse_near(bad)


def test_a_full_page_points_at_the_next_one() -> None:
    page = Pagination(limit=2, offset=4)
    assert page_of([1, 2], page)["next_offset"] == 6
    assert page_of([1], page)["next_offset"] is None


def settings(key: str | None) -> Settings:
    """Settings with this API key and nothing from the environment."""
    return Settings(_env_file=None, ckg_api_key=SecretStr(key) if key else None)  # type: ignore[call-arg]


@pytest.mark.parametrize(
    ("configured", "given", "status"),
    [("s3cret", None, 401), ("s3cret", "wrong", 401), ("s3cret", "clé", 401), (None, "anything", 403)],
)
def test_key_check_refuses_missing_wrong_and_unconfigured(configured: str | None, given: str | None,
                                                          status: int) -> None:  # fmt: skip
    with pytest.raises(HTTPException) as refused:
        check_key(settings(configured), given)
    assert refused.value.status_code == status


def test_key_check_accepts_the_configured_key() -> None:
    check_key(settings("s3cret"), "s3cret")
