"""The local Neo4j server as `ckg neo4j ...` users meet it: start, reach, refuse, restart, Browser."""

from __future__ import annotations

import secrets
import socket
import subprocess
from collections.abc import Callable
from pathlib import Path

import httpx
import pytest
from neo4j import Driver
from pydantic import SecretStr
from websockets.sync.client import connect

from graph_service import cypher, db, neo4j_server
from graph_service.config import Settings
from graph_service.errors import AuthenticationFailed, Neo4jServerError
from graph_service.neo4j_server import Neo4jServer

pytestmark = pytest.mark.integration

CkgRunner = Callable[..., subprocess.CompletedProcess[str]]

TEST_CYPHER = Path(__file__).parent / "cypher"
BOLT_MAGIC = bytes.fromhex("6060B017")


def _test_query(name: str) -> str:
    """A test-only statement from tests/integration/cypher."""
    return cypher.catalogue(TEST_CYPHER)[name][0]


def test_driver_reaches_the_server_with_the_password(neo4j_driver: Driver, neo4j_settings: Settings) -> None:
    db.ping(neo4j_driver, neo4j_settings.neo4j_database)
    assert neo4j_driver.get_server_info().agent.startswith("Neo4j/5.26.")


def test_wrong_password_fails_with_authentication_failed(neo4j_settings: Settings) -> None:
    wrong = neo4j_settings.model_copy(update={"neo4j_password": SecretStr("not-the-password")})
    with db.create_driver(wrong) as driver, pytest.raises(AuthenticationFailed, match="NEO4J_PASSWORD"):
        db.ping(driver, wrong.neo4j_database)


def test_a_busy_port_is_named_before_anything_starts(spare_settings: Settings) -> None:
    with socket.socket() as squatter:
        squatter.bind(("127.0.0.1", 0))
        squatter.listen()
        busy = squatter.getsockname()[1]
        settings = spare_settings.model_copy(update={"neo4j_http_port": busy})
        with pytest.raises(Neo4jServerError, match=f"port {busy} \\(NEO4J_HTTP_PORT\\)"):
            Neo4jServer(settings).start()
    assert Neo4jServer(settings).pid() is None


def test_second_start_says_already_running(
    local_server: Neo4jServer, neo4j_settings: Settings, ckg: CkgRunner
) -> None:
    pid = local_server.pid()
    again = ckg(neo4j_settings, "neo4j", "start")
    assert again.returncode == 0, again.stderr
    assert f"already running (pid {pid})" in again.stdout
    assert f"Browser: http://127.0.0.1:{neo4j_settings.neo4j_http_port}/browser/" in again.stdout
    assert local_server.pid() == pid


def test_browser_loads_and_points_at_our_bolt_port(
    local_server: Neo4jServer, neo4j_settings: Settings
) -> None:
    page = httpx.get(neo4j_server.browser_url(neo4j_settings), timeout=10)
    assert page.status_code == 200
    assert "<title>Neo4j Browser</title>" in page.text
    # The Browser connects to what discovery advertises, so it must be our port, not the default 7687.
    discovery = httpx.get(f"http://127.0.0.1:{neo4j_settings.neo4j_http_port}/", timeout=10).json()
    assert discovery["bolt_direct"] == neo4j_server.bolt_uri(neo4j_settings)
    # The Browser speaks Bolt over a WebSocket: the handshake must agree on a 5.x protocol version.
    with connect(f"ws://127.0.0.1:{neo4j_settings.neo4j_bolt_port}", open_timeout=10) as socket_:
        socket_.send(BOLT_MAGIC + bytes.fromhex("00040405") + bytes(12))
        agreed = socket_.recv(timeout=10)
    assert isinstance(agreed, bytes) and agreed[3] == 5


def test_status_exit_codes(
    local_server: Neo4jServer, neo4j_settings: Settings, spare_settings: Settings, ckg: CkgRunner
) -> None:
    running = ckg(neo4j_settings, "neo4j", "status")
    assert running.returncode == 0, running.stdout + running.stderr
    down = ckg(spare_settings, "neo4j", "status")
    assert down.returncode == 3
    assert "not running" in down.stdout


def test_restart_keeps_data_and_refuses_another_password(
    local_server: Neo4jServer, neo4j_driver: Driver, neo4j_settings: Settings, ckg: CkgRunner
) -> None:
    database = neo4j_settings.neo4j_database
    marker = secrets.token_hex(8)
    neo4j_driver.execute_query(_test_query("marker_write"), id=marker, database_=database)

    stopped = ckg(neo4j_settings, "neo4j", "stop")
    assert stopped.returncode == 0, stopped.stderr
    assert ckg(neo4j_settings, "neo4j", "status").returncode == 3

    other = neo4j_settings.model_copy(update={"neo4j_password": SecretStr("another-password")})
    with pytest.raises(AuthenticationFailed, match="initialised with another password"):
        Neo4jServer(other).start()
    assert local_server.pid() is None, "a server refused for its password must not be left running"

    local_server.start()
    db.wait_until_ready(neo4j_driver, database, timeout_s=30)
    records, _, _ = neo4j_driver.execute_query(_test_query("marker_count"), id=marker, database_=database)
    assert records[0]["markers"] == 1
