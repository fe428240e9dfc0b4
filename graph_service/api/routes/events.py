"""GET /events, /events/{id}, /claims/disputed."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, HTTPException, Query

from graph_service import queries
from graph_service.api.deps import PageDep, ReaderDep, page_of
from graph_service.api.schemas import DisputedClaim, EventDetail, EventSummary, Page
from graph_service.records import EventType

router = APIRouter(tags=["events"])


@router.get("/events", response_model=Page[EventSummary], summary="Find events")
async def list_events(
    reader: ReaderDep,
    page: PageDep,
    type: Annotated[EventType | None, Query(description="event type")] = None,
    actor: Annotated[str | None, Query(max_length=500, description="actor id, as agent or target")] = None,
    place: Annotated[
        str | None, Query(max_length=500, description="place id; places inside it count")
    ] = None,
    date_from: Annotated[date | None, Query(alias="from", description="first day, YYYY-MM-DD")] = None,
    date_to: Annotated[date | None, Query(alias="to", description="last day, YYYY-MM-DD")] = None,
    claimed_by: Annotated[str | None, Query(max_length=500, description="id of the claiming actor")] = None,
    disputed: Annotated[bool | None, Query(description="true: some actor denies it; false: none")] = None,
) -> dict:
    """Events matching every filter given, newest first."""
    if date_from and date_to and date_from > date_to:
        raise HTTPException(422, "from is after to")
    found = await queries.events(
        reader,
        type=type,
        actor=actor,
        place=place,
        date_from=date_from.isoformat() if date_from else None,
        date_to=date_to.isoformat() if date_to else None,
        claimed_by=claimed_by,
        disputed=disputed,
        offset=page.offset,
        limit=page.limit,
    )
    return page_of(found, page)


@router.get("/events/{event_id}", response_model=EventDetail, summary="One event with its evidence")
async def get_event(event_id: str, reader: ReaderDep) -> dict:
    """The event, every sentence reporting it, the articles, claimants, denials and casualty claims."""
    return await queries.event(reader, event_id)


@router.get("/claims/disputed", response_model=Page[DisputedClaim], summary="Disputed claims")
async def disputed_claims(reader: ReaderDep, page: PageDep) -> dict:
    """Events some actor denies, with who claims them, who denies them, and both sentences."""
    return page_of(await queries.disputed_claims(reader, offset=page.offset, limit=page.limit), page)
