"""GET /health and GET /stats."""

from __future__ import annotations

from fastapi import APIRouter

from graph_service import queries
from graph_service.api.deps import ReaderDep
from graph_service.api.schemas import Health, Stats

router = APIRouter(tags=["health"])


@router.get("/health", response_model=Health, summary="Neo4j reachable, and its version")
async def health(reader: ReaderDep) -> dict:
    """200 with the Neo4j version when the database answers; 503 otherwise."""
    return {"status": "ok", "neo4j": await queries.server_info(reader)}


@router.get("/stats", response_model=Stats, summary="Counts by label and by event type")
async def stats(reader: ReaderDep) -> dict:
    """How many articles, actors, places, events and relationships the graph holds."""
    return await queries.stats(reader)
