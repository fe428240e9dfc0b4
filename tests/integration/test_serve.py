"""`ckg serve` as a user starts it: a real uvicorn process on a free port against the session's Neo4j."""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager

import httpx
import pytest
from conftest import REPO_ROOT, settings_env

from graph_service.config import Settings
from graph_service.neo4j_server import free_port

pytestmark = pytest.mark.integration


@contextmanager
def ckg_serve(settings: Settings, *options: str) -> Iterator[tuple[str, subprocess.Popen[str]]]:
    """`ckg serve --port <free> *options` until the block ends; yields its base URL and the process."""
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "graph_service.cli", "serve", "--port", str(port), *options],
        env={**settings_env(settings), "API_ACCESS_LOG": "true"},
        cwd=REPO_ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            assert process.poll() is None, process.communicate()[0]
            try:
                if httpx.get(f"{base}/health", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            assert time.monotonic() < deadline, "ckg serve did not answer /health within 60 s"
            time.sleep(0.2)
        yield base, process
    finally:
        process.terminate()
        process.wait(timeout=20)


def served_log(settings: Settings, *options: str) -> str:
    """What `ckg serve *options` printed while answering one request for /stats."""
    with ckg_serve(settings, *options) as (base, process):
        assert httpx.get(f"{base}/stats", timeout=10).status_code == 200
    output, _ = process.communicate()
    return output


def test_serve_prints_where_the_docs_are_and_logs_each_request(neo4j_settings: Settings) -> None:
    output = served_log(neo4j_settings)
    assert "API docs:      http://127.0.0.1:" in output
    assert '"GET /stats HTTP/1.1" 200' in output


def test_serve_without_access_log_still_answers_but_logs_no_request(neo4j_settings: Settings) -> None:
    output = served_log(neo4j_settings, "--no-access-log")
    assert "Application startup complete" in output
    assert "GET /stats" not in output
