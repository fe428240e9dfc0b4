"""A throwaway Neo4j server for a benchmark: free ports, a temporary home, stopped and deleted at the end."""

from __future__ import annotations

import os
import secrets
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from pydantic import SecretStr

from graph_service.config import Settings
from graph_service.neo4j_server import Neo4jServer, free_port


def server_env(settings: Settings) -> dict[str, str]:
    """The environment under which `ckg` subprocesses (and `get_settings()`) see this server."""
    # A developer's .env may require the key for reads; the benchmark reads without one.
    return {**settings.neo4j_env(), "CKG_REQUIRE_KEY_FOR_READS": "false"}


@contextmanager
def throwaway_server(heap: str = "1g", pagecache: str = "1g") -> Iterator[tuple[Settings, int]]:
    """Start a fresh server; yield its settings and the JVM's pid; stop it and delete its home."""
    home = Path(tempfile.mkdtemp(prefix="ckg-bench-neo4j-"))
    settings = Settings(
        _env_file=None,  # type: ignore[call-arg]
        neo4j_home=home,
        neo4j_bolt_port=free_port(),
        neo4j_http_port=free_port(),
        neo4j_password=SecretStr(secrets.token_urlsafe(16)),
        neo4j_heap=heap,
        neo4j_pagecache=pagecache,
    )
    server = Neo4jServer(settings)
    try:
        started = server.start()
        yield settings, started.pid
    finally:
        server.stop()
        # Each server preallocates 2 x 256 MB of transaction logs; keep nothing behind.
        shutil.rmtree(home, ignore_errors=True)


@contextmanager
def pointed_at(settings: Settings) -> Iterator[None]:
    """Point this process's environment (and so `get_settings()` and child processes) at `settings`."""
    from graph_service.config import get_settings

    saved = {key: os.environ.get(key) for key in server_env(settings)}
    os.environ.update(server_env(settings))
    get_settings.cache_clear()
    try:
        yield
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
        get_settings.cache_clear()
