"""GET /timeline."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, HTTPException, Query

from graph_service import queries
from graph_service.api.deps import ReaderDep
from graph_service.api.schemas import Timeline

router = APIRouter(tags=["timeline"])


@router.get("/timeline", response_model=Timeline, summary="Events and casualties over time")
async def get_timeline(
    reader: ReaderDep,
    actor: Annotated[str | None, Query(max_length=500, description="actor id (or give place)")] = None,
    place: Annotated[str | None, Query(max_length=500, description="place id (or give actor)")] = None,
    granularity: Annotated[Literal["day", "week"], Query()] = "day",
) -> dict:
    """Per day or week: events, strikes, and each source's casualty figures (never summed)."""
    if (actor is None) == (place is None):
        raise HTTPException(422, "give exactly one of actor and place")
    subject, points = await queries.timeline(reader, actor=actor, place=place, granularity=granularity)
    return {"subject": subject, "granularity": granularity, "points": points}
