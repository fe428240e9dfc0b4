"""Local Neo4j server settings: password and memory checks, the generated neo4j.conf, the java command."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest
from pydantic import SecretStr

from graph_service import neo4j_server
from graph_service.config import Settings
from graph_service.errors import ConfigurationError


def _settings(tmp_path: Path, **overrides: object) -> Settings:
    values: dict[str, object] = {
        "neo4j_home": tmp_path,
        "neo4j_password": SecretStr("long-enough-pw"),
        "neo4j_bolt_port": 17687,
        "neo4j_http_port": 17474,
    }
    return Settings(_env_file=None, **{**values, **overrides})  # type: ignore[call-arg, arg-type]


@pytest.mark.parametrize(
    ("password", "message"),
    [("", "empty"), ("neo4j", "default 'neo4j'"), ("short", "at least 8")],
)
def test_unusable_passwords_are_refused_before_anything_runs(
    tmp_path: Path, password: str, message: str
) -> None:
    with pytest.raises(ConfigurationError, match=message):
        neo4j_server.Neo4jServer(_settings(tmp_path, neo4j_password=SecretStr(password))).start()


def test_a_bad_memory_size_names_the_setting(tmp_path: Path) -> None:
    settings = _settings(tmp_path, neo4j_pagecache="lots")
    with pytest.raises(ConfigurationError, match="NEO4J_PAGECACHE='lots'"):
        neo4j_server.render_conf(settings, neo4j_server.layout(settings))


def test_conf_listens_on_loopback_with_auth_and_our_ports(tmp_path: Path) -> None:
    settings = _settings(tmp_path, neo4j_heap="1G", neo4j_pagecache="512m")
    conf = dict(
        line.split("=", 1)
        for line in neo4j_server.render_conf(settings, neo4j_server.layout(settings)).splitlines()
        if line and not line.startswith("#")
    )
    assert conf["server.default_listen_address"] == "127.0.0.1"
    assert conf["server.bolt.listen_address"] == ":17687"
    assert conf["server.http.advertised_address"] == ":17474"
    assert conf["server.https.enabled"] == "false"
    assert conf["dbms.security.auth_enabled"] == "true"
    assert conf["dbms.usage_report.enabled"] == "false"
    assert conf["server.memory.heap.max_size"] == "1g"
    assert conf["server.memory.pagecache.size"] == "512m"
    assert conf["server.directories.data"] == str(tmp_path / "data")
    assert conf["server.directories.logs"] == str(tmp_path / "logs")


def test_server_command_sets_the_heap_and_home(tmp_path: Path) -> None:
    settings = _settings(tmp_path, neo4j_heap="512m")
    command = neo4j_server.server_command("java", settings, neo4j_server.layout(settings))
    assert command[:3] == ["java", "-Xms512m", "-Xmx512m"]
    assert command[-3:] == [
        neo4j_server.ENTRY_POINT,
        f"--home-dir={tmp_path}",
        f"--config-dir={tmp_path / 'conf'}",
    ]


def test_uri_follows_the_bolt_port_unless_set() -> None:
    assert Settings(_env_file=None, neo4j_bolt_port=7999).neo4j_uri == "bolt://127.0.0.1:7999"  # type: ignore[call-arg]
    explicit = Settings(_env_file=None, neo4j_uri="bolt://db:7687", neo4j_bolt_port=7999)  # type: ignore[call-arg]
    assert explicit.neo4j_uri == "bolt://db:7687"


@pytest.mark.parametrize(
    ("output", "major"),
    [
        ('openjdk version "17.0.15" 2025-04-15', 17),
        ('openjdk version "21" 2023-09-19', 21),
        ('java version "1.8.0_392"', 8),
        ("no java here", None),
    ],
)
def test_java_major_version(output: str, major: int | None) -> None:
    assert neo4j_server.java_major_version(output) == major


def test_argfile_quoting_escapes_quotes_and_backslashes() -> None:
    assert neo4j_server.argfile_quote('a "b" \\c') == '"a \\"b\\" \\\\c"'


def test_port_in_use_sees_a_listener() -> None:
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        port = listener.getsockname()[1]
        assert neo4j_server.port_in_use(port)
    assert not neo4j_server.port_in_use(port)
