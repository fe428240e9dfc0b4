"""Errors as JSON `{status, message, errors}`: one handler translates every exception the API lets through."""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from graph_service.api.schemas import ErrorBody
from graph_service.errors import (
    AuthenticationFailed,
    DatabaseUnavailable,
    GraphServiceError,
    InputError,
    NotFound,
)

logger = logging.getLogger(__name__)

RETRY_AFTER_S = 5

# Documented on every operation, so clients (and schemathesis) know each error's shape.
ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    code: {"model": ErrorBody, "description": text}
    for code, text in (
        (401, "X-API-Key missing or wrong"),
        (403, "the operation needs a key and the server has none configured"),
        (404, "unknown id"),
        (413, "request body larger than 5 MB"),
        (422, "invalid parameters or body"),
        (503, "Neo4j unavailable or too slow; retry after the Retry-After header's seconds"),
    )
}


def error_response(status: int, message: str, *, errors: list[dict[str, Any]] | None = None,
                   headers: dict[str, str] | None = None) -> JSONResponse:  # fmt: skip
    """The JSON error answer."""
    return JSONResponse({"status": status, "message": message, "errors": errors or []}, status, headers)


def _validation_errors(error: RequestValidationError) -> list[dict[str, Any]]:
    # Keep only JSON-safe fields: `input` and `ctx` may hold bytes or exception objects.
    return [
        {"loc": [str(part) if not isinstance(part, int) else part for part in item.get("loc", ())],
         "msg": str(item.get("msg", "")), "type": str(item.get("type", ""))}
        for item in error.errors()
    ]  # fmt: skip


async def handle_error(request: Request, error: Exception) -> JSONResponse:
    """Translate one exception into its JSON answer (the only place that maps errors to statuses)."""
    if isinstance(error, RequestValidationError):
        return error_response(422, "invalid request", errors=_validation_errors(error))
    if isinstance(error, StarletteHTTPException):
        return error_response(error.status_code, str(error.detail), headers=dict(error.headers or {}))
    if isinstance(error, NotFound):
        return error_response(404, str(error))
    if isinstance(error, InputError):
        return error_response(422, str(error))
    if isinstance(error, DatabaseUnavailable | AuthenticationFailed):
        logger.warning("%s %s: %s", request.method, request.url.path, error)
        return error_response(
            503, f"the graph database is unavailable: {error}", headers={"Retry-After": str(RETRY_AFTER_S)}
        )
    logger.exception("%s %s failed", request.method, request.url.path, exc_info=error)
    message = str(error) if isinstance(error, GraphServiceError) else "internal error"
    return error_response(500, message)


def install_error_handlers(app: FastAPI) -> None:
    """Route every error the app can raise through `handle_error`."""
    for kind in (RequestValidationError, StarletteHTTPException, GraphServiceError, Exception):
        app.add_exception_handler(kind, handle_error)
