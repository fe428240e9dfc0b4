"""`ckg serve`: the HTTP API under uvicorn, in the foreground."""

from __future__ import annotations

import argparse


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the `serve` sub-command."""
    parser = subparsers.add_parser(
        "serve",
        help="serve the HTTP API (docs at /docs)",
        description="Serve the HTTP API with uvicorn until interrupted. Defaults come from API_HOST and "
        "API_PORT. Neo4j may be down at start: requests get 503 until it answers.",
    )
    parser.add_argument("--host", help="address to listen on (default: API_HOST)")
    parser.add_argument("--port", type=int, help="port to listen on (default: API_PORT)")
    parser.add_argument("--workers", type=int, default=1, help="worker processes (default 1)")
    parser.add_argument(
        "--access-log",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="log one line per request (default: API_ACCESS_LOG, true)",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Print where the docs and Neo4j Browser are, then serve until interrupted."""
    import uvicorn

    from graph_service.config import get_settings
    from graph_service.neo4j_server import browser_url

    settings = get_settings()
    host = args.host or settings.api_host
    port = args.port or settings.api_port
    shown = "127.0.0.1" if host in ("0.0.0.0", "::") else host
    print(f"API docs:      http://{shown}:{port}/docs", flush=True)
    print(f"Neo4j Browser: {browser_url(settings)}", flush=True)
    uvicorn.run(
        "graph_service.api:create_app",
        factory=True,
        host=host,
        port=port,
        workers=max(1, args.workers),
        log_level="info",
        access_log=settings.api_access_log if args.access_log is None else args.access_log,
    )
    return 0
