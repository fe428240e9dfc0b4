"""POST /articles (API key required) and GET /articles/{id}."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Body, Request

from graph_service import queries
from graph_service.api.deps import ReaderDep
from graph_service.api.schemas import ArticleDetail, ArticlesIn, IngestResult

router = APIRouter(prefix="/articles", tags=["articles"])
# Writes: create_app() puts the API-key check on this router.
write_router = APIRouter(prefix="/articles", tags=["articles"])


@write_router.post(
    "",
    response_model=IngestResult,
    summary="Ingest one article or a list of articles",
)
def post_articles(
    request: Request,
    body: Annotated[ArticlesIn, Body()],
) -> dict:
    """Extract and write the articles as `ckg ingest` does; already ingested texts are skipped."""
    articles = body if isinstance(body, list) else [body]
    records = [article.model_dump(exclude_none=True) for article in articles]
    return request.app.state.ingester.ingest(records)


@router.get(
    "/{article_id}",
    response_model=ArticleDetail,
    summary="An article with its extracted actors, places and events",
)
async def get_article(article_id: str, reader: ReaderDep) -> dict:
    """The article, its text, what it mentions and the events it reports with sentences and offsets."""
    return await queries.article(reader, article_id)
