"""Shared fixtures: one real Neo4j server per test session (started here unless NEO4J_URI points to one)."""

from __future__ import annotations

import os
import secrets
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from neo4j import Driver
from pydantic import SecretStr

from graph_service import cypher, db
from graph_service.config import Settings
from graph_service.neo4j_server import Neo4jServer, free_port

REPO_ROOT = Path(__file__).resolve().parents[1]
SHARED_DIR = (REPO_ROOT / "../shared").resolve()


def local_server_settings(home: Path, password: str) -> Settings:
    """Settings for a throwaway local server: free ports, small memory, ignoring any `.env`."""
    return Settings(
        _env_file=None,  # type: ignore[call-arg]
        neo4j_home=home,
        neo4j_bolt_port=free_port(),
        neo4j_http_port=free_port(),
        neo4j_password=SecretStr(password),
        neo4j_heap="512m",
        neo4j_pagecache="256m",
    )


def settings_env(settings: Settings) -> dict[str, str]:
    """The environment under which a `ckg` subprocess sees exactly these Neo4j settings."""
    return {**os.environ, **settings.neo4j_env()}


def run_ckg(settings: Settings, *args: str) -> subprocess.CompletedProcess[str]:
    """Run the `ckg` command line as a user would, against the server these settings describe."""
    return subprocess.run(
        [sys.executable, "-m", "graph_service.cli", *args],
        env=settings_env(settings),
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )


@pytest.fixture(scope="session")
def neo4j_settings(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Settings]:
    """Settings of the session's Neo4j: `NEO4J_URI` (+ user/password) from the environment when set,
    else a throwaway server started through the code behind `ckg neo4j start` and stopped at the end."""
    if os.environ.get("NEO4J_URI"):
        # Only the real environment counts: a developer's .env must never point tests at their graph.
        yield Settings(_env_file=None)  # type: ignore[call-arg]
        return
    home = tmp_path_factory.mktemp("neo4j")
    # Spaces and quotes check that the password survives the trip to set-initial-password intact.
    settings = local_server_settings(home, f'test "{secrets.token_urlsafe(12)}" pw')
    server = Neo4jServer(settings)
    server.start()
    try:
        yield settings
    finally:
        server.stop()
        # Each server preallocates 2 x 256 MB of transaction logs; keep no copies around.
        shutil.rmtree(home, ignore_errors=True)


CkgRunner = Callable[..., subprocess.CompletedProcess[str]]


@pytest.fixture(scope="session")
def ckg() -> CkgRunner:
    """`ckg(settings, *args)`: the command line run in a subprocess against those settings."""
    return run_ckg


@pytest.fixture
def spare_settings(tmp_path: Path) -> Settings:
    """Settings for a second, never-started server in an empty temporary home."""
    return local_server_settings(tmp_path, "spare-password")


@pytest.fixture(scope="session")
def local_server(neo4j_settings: Settings) -> Neo4jServer:
    """The session's server when this session started it (skips tests that manage it otherwise)."""
    if os.environ.get("NEO4J_URI"):
        pytest.skip("NEO4J_URI points to an external server; server management is not tested")
    return Neo4jServer(neo4j_settings)


@pytest.fixture(scope="session")
def neo4j_driver(neo4j_settings: Settings) -> Iterator[Driver]:
    """One driver for the whole session, already answering."""
    with db.create_driver(neo4j_settings) as driver:
        db.wait_until_ready(driver, neo4j_settings.neo4j_database, timeout_s=30)
        yield driver


@pytest.fixture
def clean_graph(neo4j_driver: Driver, neo4j_settings: Settings) -> Driver:
    """An empty graph with the schema applied; returns the session driver."""
    db.run_statements(neo4j_driver, neo4j_settings.neo4j_database, cypher.statements("admin/delete_all"))
    db.apply_schema(neo4j_driver, neo4j_settings.neo4j_database)
    return neo4j_driver
