"""GET /actors, /actors/{id}, /actors/{id}/relations."""

from __future__ import annotations

from typing import Annotated, get_args

from fastapi import APIRouter, Query

from graph_service import queries
from graph_service.api.deps import PageDep, ReaderDep, page_of
from graph_service.api.schemas import ActorDetail, ActorRelation, ActorSummary, Page
from graph_service.records import ActorKind

router = APIRouter(prefix="/actors", tags=["actors"])

_ACTOR_KINDS = get_args(ActorKind)
ActorKindName = Annotated[
    str | None,
    Query(
        pattern=f"^({'|'.join(_ACTOR_KINDS)})$",
        description=f"{', '.join(_ACTOR_KINDS[:-1])} or {_ACTOR_KINDS[-1]}",
    ),
]


@router.get("", response_model=Page[ActorSummary], summary="Find actors by name, kind or country")
async def list_actors(
    reader: ReaderDep,
    page: PageDep,
    q: Annotated[str | None, Query(max_length=200, description="part of the name or an alias")] = None,
    kind: ActorKindName = None,
    country: Annotated[str | None, Query(pattern="^[A-Za-z]{3}$", description="ISO 3166 alpha-3")] = None,
) -> dict:
    """Actors whose name or alias contains `q`, most active first."""
    found = await queries.actors(
        reader, q=q or None, kind=kind, country=country.upper() if country else None,
        offset=page.offset, limit=page.limit,
    )  # fmt: skip
    return page_of(found, page)


@router.get("/{actor_id}", response_model=ActorDetail, summary="One actor")
async def get_actor(actor_id: str, reader: ReaderDep) -> dict:
    """The actor, its role counts, and which articles used which of its names."""
    return await queries.actor(reader, actor_id)


@router.get(
    "/{actor_id}/relations",
    response_model=Page[ActorRelation],
    summary="How an actor is linked to every other actor",
)
async def get_relations(actor_id: str, reader: ReaderDep, page: PageDep) -> dict:
    """Per other actor: struck / was struck by, accused, denied claims of, allied with ... with counts,
    first and last dates and sample evidence sentences; most linked actors first."""
    return page_of(
        await queries.actor_relations(reader, actor_id, offset=page.offset, limit=page.limit), page
    )
