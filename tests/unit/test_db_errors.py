"""Driver errors become the service's own exceptions, with no server needed."""

from __future__ import annotations

import socket

import pytest
from pydantic import SecretStr

from graph_service import db
from graph_service.config import Settings
from graph_service.errors import ConfigurationError, DatabaseUnavailable


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _settings(**values: object) -> Settings:
    return Settings(_env_file=None, neo4j_password=SecretStr("long-enough-pw"), **values)  # type: ignore[call-arg, arg-type]


def test_a_malformed_uri_is_a_configuration_error() -> None:
    with pytest.raises(ConfigurationError, match="NEO4J_URI"):
        db.create_driver(_settings(neo4j_uri="http://nowhere:7687"))


def test_nothing_listening_is_database_unavailable() -> None:
    with db.create_driver(_settings(neo4j_bolt_port=_closed_port())) as driver:
        with pytest.raises(DatabaseUnavailable, match="does not answer"):
            db.ping(driver, "neo4j")
        with pytest.raises(DatabaseUnavailable, match="no answer within"):
            db.wait_until_ready(driver, "neo4j", timeout_s=0.5, interval_s=0.1)
