"""GET /places, /places/{id}, /places/{id}/events."""

from __future__ import annotations

import math
from typing import Annotated

from fastapi import APIRouter, HTTPException, Query

from graph_service import queries
from graph_service.api.deps import PageDep, ReaderDep, page_of
from graph_service.api.schemas import EventSummary, Page, PlaceDetail, PlaceSummary

router = APIRouter(prefix="/places", tags=["places"])


def parse_near(near: str) -> tuple[float, float]:
    """'lat,lon' -> (lat, lon); ValueError unless both are finite and in range."""
    parts = near.split(",")
    if len(parts) != 2:
        raise ValueError("near must be 'lat,lon', e.g. near=40.68,46.36")
    lat, lon = (float(part) for part in parts)
    if not (math.isfinite(lat) and math.isfinite(lon) and -90 <= lat <= 90 and -180 <= lon <= 180):
        raise ValueError("near needs a latitude in [-90, 90] and a longitude in [-180, 180]")
    return lat, lon


@router.get("", response_model=Page[PlaceSummary], summary="Find places by name or around a point")
async def list_places(
    reader: ReaderDep,
    page: PageDep,
    q: Annotated[str | None, Query(max_length=200, description="part of the name or an alias")] = None,
    near: Annotated[str | None, Query(max_length=100, description="'lat,lon', e.g. 40.68,46.36")] = None,
    radius_km: Annotated[float, Query(gt=0, le=20_040, allow_inf_nan=False)] = 50.0,
) -> dict:
    """Places matching `q` and/or within `radius_km` of `near`, nearest first."""
    try:
        point = parse_near(near) if near else None
    except ValueError as error:
        raise HTTPException(422, f"near: {error}") from error
    found = await queries.places(
        reader, q=q or None, near=point, radius_km=radius_km, offset=page.offset, limit=page.limit
    )
    return page_of(found, page)


@router.get("/{place_id}", response_model=PlaceDetail, summary="One place")
async def get_place(place_id: str, reader: ReaderDep) -> dict:
    """The place, its aliases, the places it lies in and its event count."""
    return await queries.place(reader, place_id)


@router.get("/{place_id}/events", response_model=Page[EventSummary], summary="Events at a place")
async def get_place_events(place_id: str, reader: ReaderDep, page: PageDep) -> dict:
    """Events at or targeting the place or any place inside it, newest first."""
    return page_of(await queries.place_events(reader, place_id, offset=page.offset, limit=page.limit), page)
