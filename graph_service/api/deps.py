"""Dependencies of the routes: settings, the process's reader, API-key checks and pagination."""

from __future__ import annotations

import hmac
from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, HTTPException, Query, Request, Security, status
from fastapi.security import APIKeyHeader
from neo4j import Driver

from graph_service.config import Settings
from graph_service.queries import Reader

MAX_PAGE = 500
MAX_OFFSET = 1_000_000

_api_key = APIKeyHeader(
    name="X-API-Key",
    auto_error=False,
    description="Required for writes; for reads too when CKG_REQUIRE_KEY_FOR_READS is true.",
)


async def get_settings(request: Request) -> Settings:
    """The settings the app was created with."""
    return request.app.state.settings


async def get_reader(request: Request) -> Reader:
    """The process's reader over its asyncio driver (opened in the lifespan)."""
    return request.app.state.reader


async def get_driver(request: Request) -> Driver:
    """The process's sync driver, for work done in worker threads (opened in the lifespan)."""
    return request.app.state.driver


# The dependencies are `async def` although they never await: FastAPI runs a sync dependency in its thread
# pool, and those hand-offs (one per dependency per request) were the API's largest CPU cost under load.
SettingsDep = Annotated[Settings, Depends(get_settings)]
ReaderDep = Annotated[Reader, Depends(get_reader)]
DriverDep = Annotated[Driver, Depends(get_driver)]


def check_key(settings: Settings, given: str | None) -> None:
    """Raise 401 for a missing or wrong key, 403 when the server has no key (the operation is disabled)."""
    expected = settings.ckg_api_key.get_secret_value() if settings.ckg_api_key is not None else ""
    if not expected:
        raise HTTPException(
            status.HTTP_403_FORBIDDEN, "this operation is disabled: the server has no CKG_API_KEY configured"
        )
    challenge = {"WWW-Authenticate": "X-API-Key"}
    if not given:
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, "missing X-API-Key header", headers=challenge)
    # Compared as bytes: compare_digest refuses non-ASCII str, and header values can be any Latin-1 text.
    if not hmac.compare_digest(given.encode("utf-8", "surrogateescape"), expected.encode("utf-8")):
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, "wrong X-API-Key", headers=challenge)


async def require_key(settings: SettingsDep, key: Annotated[str | None, Security(_api_key)]) -> None:
    """The request must carry the API key (on writes always; `create_app` puts it on reads when asked)."""
    check_key(settings, key)


@dataclass(frozen=True)
class Pagination:
    """`limit` and `offset` of a paginated list."""

    limit: int
    offset: int


async def pagination(
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE, description=f"page size, at most {MAX_PAGE}")] = 50,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET, description="items to skip")] = 0,
) -> Pagination:
    """The page asked for."""
    return Pagination(limit=limit, offset=offset)


PageDep = Annotated[Pagination, Depends(pagination)]


def page_of(items: list, page: Pagination) -> dict:
    """A `Page` body: the items, and `next_offset` when the page was full."""
    full = len(items) >= page.limit
    return {
        "items": items,
        "limit": page.limit,
        "offset": page.offset,
        "next_offset": page.offset + page.limit if full else None,
    }
