"""Neo4j driver lifecycle, readiness, schema application, and driver errors as our own exceptions."""

from __future__ import annotations

import logging
import time
import weakref
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from typing import Any

import neo4j
from neo4j import AsyncDriver, AsyncGraphDatabase, Driver, GraphDatabase
from neo4j import exceptions as neo4j_errors

from graph_service import cypher
from graph_service.config import Settings
from graph_service.errors import AuthenticationFailed, ConfigurationError, DatabaseUnavailable

logger = logging.getLogger(__name__)

SCHEMA_PREFIX = "schema/"
_NOT_YET_UP = (
    neo4j_errors.ServiceUnavailable,
    neo4j_errors.SessionExpired,
    neo4j_errors.TransientError,
    neo4j_errors.DatabaseUnavailable,
    ConnectionError,
)


# Drivers do not expose their URI and user; error messages need both.
_IDENTITIES: weakref.WeakKeyDictionary[Driver, tuple[str, str]] = weakref.WeakKeyDictionary()


@dataclass(frozen=True)
class SchemaItem:
    """One constraint or index as `SHOW CONSTRAINTS` / `SHOW INDEXES` reports it."""

    kind: str
    name: str
    type: str
    entity: str
    labels: tuple[str, ...]
    properties: tuple[str, ...]
    state: str = "ONLINE"

    def describe(self) -> str:
        """One line for humans, e.g. `constraint article_id UNIQUENESS Article(id)`."""
        # Token lookup indexes have no labels or properties, only an entity type (NODE / RELATIONSHIP).
        target = f"{'|'.join(self.labels)}({', '.join(self.properties)})" if self.labels else self.entity
        state = "" if self.state == "ONLINE" else f" [{self.state}]"
        return f"{self.kind} {self.name} {self.type} {target}{state}"


def _is_auth_error(error: neo4j_errors.Neo4jError) -> bool:
    """True for every refusal of the credentials (wrong password, rate limit after too many tries)."""
    code = error.code or ""
    return isinstance(error, neo4j_errors.AuthError) or code.startswith("Neo.ClientError.Security.")


@contextmanager
def translated_errors(uri: str, user: str) -> Iterator[None]:
    """Re-raise neo4j driver errors inside the block as `AuthenticationFailed` / `DatabaseUnavailable`."""
    try:
        yield
    except neo4j_errors.Neo4jError as error:
        if _is_auth_error(error):
            raise AuthenticationFailed(
                f"Neo4j at {uri} refused user {user!r} with the configured password (NEO4J_PASSWORD): "
                f"{error.message}"
            ) from error
        if isinstance(error, neo4j_errors.TransientError | neo4j_errors.DatabaseUnavailable):
            raise DatabaseUnavailable(f"Neo4j at {uri} is not available: {error.message}") from error
        raise
    except _NOT_YET_UP as error:
        raise DatabaseUnavailable(f"Neo4j at {uri} does not answer: {_first_line(error)}") from error


def _first_line(error: BaseException) -> str:
    """The first line of an exception message (driver messages run over several lines)."""
    return (str(error).strip().splitlines() or [type(error).__name__])[0]


def _open(factory: Callable[..., Any], settings: Settings) -> Any:
    """`factory(uri, ...)` (sync or asyncio driver) with the timeouts and credentials of `settings`."""
    try:
        return factory(
            settings.neo4j_uri,
            auth=(settings.neo4j_user, settings.neo4j_password.get_secret_value()),
            connection_timeout=settings.query_timeout_s,
            connection_acquisition_timeout=settings.query_timeout_s,
            max_transaction_retry_time=settings.query_timeout_s,
        )
    except (ValueError, neo4j_errors.ConfigurationError) as error:
        raise ConfigurationError(f"NEO4J_URI {settings.neo4j_uri!r} is not usable: {error}") from error


def create_driver(settings: Settings) -> Driver:
    """A driver for `settings.neo4j_uri`; one per process, and the caller closes it (`with` works)."""
    driver: Driver = _open(GraphDatabase.driver, settings)
    _IDENTITIES[driver] = (settings.neo4j_uri, settings.neo4j_user)
    return driver


def create_async_driver(settings: Settings) -> AsyncDriver:
    """An asyncio driver for `settings.neo4j_uri` (the API's reads); the caller closes it."""
    driver: AsyncDriver = _open(AsyncGraphDatabase.driver, settings)
    return driver


def driver_errors(driver: Driver) -> AbstractContextManager[None]:
    """`translated_errors` naming the URI and user `driver` was created with."""
    return translated_errors(*_IDENTITIES.get(driver, ("Neo4j", "?")))


def ping(driver: Driver, database: str) -> None:
    """Run the readiness query once; raises `DatabaseUnavailable` or `AuthenticationFailed`."""
    with driver_errors(driver), driver.session(database=database) as session:
        session.run(cypher.query("read/ping")).consume()


def wait_until_ready(
    driver: Driver,
    database: str,
    *,
    timeout_s: float = 120.0,
    interval_s: float = 0.25,
    check: Callable[[], None] | None = None,
) -> float:
    """Poll until `RETURN 1` answers; returns seconds waited. Wrong credentials fail at once.

    `check` runs before every attempt and may raise to stop early (e.g. the server process died).
    """
    started = time.monotonic()
    deadline = started + timeout_s
    while True:
        if check is not None:
            check()
        try:
            ping(driver, database)
            return time.monotonic() - started
        except DatabaseUnavailable as error:
            if time.monotonic() >= deadline:
                raise DatabaseUnavailable(f"no answer within {timeout_s:.0f} s: {error}") from error
            logger.debug("not ready yet: %s", error)
        time.sleep(interval_s)


def run_statements(driver: Driver, database: str, statements: tuple[str, ...] | list[str]) -> None:
    """Run each statement in its own auto-commit transaction (schema commands require that)."""
    with driver_errors(driver), driver.session(database=database) as session:
        for statement in statements:
            session.run(statement).consume()


def apply_schema(driver: Driver, database: str) -> int:
    """Run every statement of `cypher/schema/*.cypher` (idempotent); returns how many ran."""
    statements = [statement for name in cypher.names(SCHEMA_PREFIX) for statement in cypher.statements(name)]
    run_statements(driver, database, statements)
    logger.info("applied %d schema statements to %s", len(statements), database)
    return len(statements)


def _records(driver: Driver, database: str, name: str) -> list[dict[str, Any]]:
    """The rows of the read query `cypher/<name>.cypher` as dicts."""
    with driver_errors(driver):
        records, _, _ = driver.execute_query(
            cypher.query(name), database_=database, routing_=neo4j.RoutingControl.READ
        )
    return [record.data() for record in records]


def _schema_item(kind: str, row: dict[str, Any]) -> SchemaItem:
    """A `SHOW CONSTRAINTS` / `SHOW INDEXES` row as a `SchemaItem`."""
    return SchemaItem(
        kind=kind,
        name=row["name"],
        type=row["type"],
        entity=row["entityType"],
        labels=tuple(row["labelsOrTypes"] or ()),
        properties=tuple(row["properties"] or ()),
        state=row.get("state", "ONLINE"),
    )


def describe_schema(driver: Driver, database: str) -> list[SchemaItem]:
    """Every constraint, then every index that no constraint owns."""
    constraints = _records(driver, database, "read/schema_constraints")
    indexes = _records(driver, database, "read/schema_indexes")
    return [_schema_item("constraint", row) for row in constraints] + [
        _schema_item("index", row) for row in indexes
    ]
