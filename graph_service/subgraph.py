"""Select a subgraph for export (around actors or places, by event type, time window, country) and read it.

Runs `cypher/read/export_*.cypher`. Without a selection the whole graph is read. The node limit is checked
before anything is written: a selection above it raises `ExportTooLarge`, saying how to narrow it.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

import neo4j
import networkx as nx
from neo4j import Driver, ManagedTransaction

from graph_service import db, export
from graph_service.cypher import query
from graph_service.errors import ExportTooLarge, InvalidSelection
from graph_service.queries import MAX_HOPS
from graph_service.records import EVENT_TYPES

logger = logging.getLogger(__name__)

DEFAULT_NODE_LIMIT = 5000
MAX_NODE_LIMIT = 100_000
_ISO3 = re.compile(r"^[A-Z]{3}$")


@dataclass(frozen=True)
class Selection:
    """What to export; every field empty means the whole graph."""

    actors: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    hops: int = 2
    types: tuple[str, ...] = ()
    date_from: str | None = None
    date_to: str | None = None
    country: str | None = None
    limit: int = DEFAULT_NODE_LIMIT

    def __post_init__(self) -> None:
        if not 0 <= self.hops <= MAX_HOPS:
            raise InvalidSelection(f"hops must be between 0 and {MAX_HOPS}, not {self.hops}")
        unknown = sorted(set(self.types) - set(EVENT_TYPES))
        if unknown:
            raise InvalidSelection(
                f"unknown event type {', '.join(unknown)} (known: {', '.join(EVENT_TYPES)})"
            )
        for name, value in (("from", self.date_from), ("to", self.date_to)):
            if value is not None:
                try:
                    date.fromisoformat(value)
                except ValueError:
                    raise InvalidSelection(f"{name} date {value!r} is not YYYY-MM-DD") from None
        if self.date_from and self.date_to and self.date_from > self.date_to:
            raise InvalidSelection(f"from {self.date_from} is after to {self.date_to}")
        if self.country is not None and not _ISO3.match(self.country):
            raise InvalidSelection(f"country {self.country!r} is not an ISO 3166 alpha-3 code such as ARM")
        if self.limit < 1:
            raise InvalidSelection(f"the node limit must be at least 1, not {self.limit}")

    @property
    def seeded(self) -> bool:
        """True when the selection starts from named actors or places."""
        return bool(self.actors or self.places)

    @property
    def filtered(self) -> bool:
        """True when events are filtered by type, date or country."""
        return bool(self.types or self.date_from or self.date_to or self.country)

    def describe(self) -> str:
        """The selection in one line, e.g. `around actor Eastmark (2 hops), strike, 2024-05-01..`."""
        parts = [
            f"around {kind} {name}"
            for kind, names in (("actor", self.actors), ("place", self.places))
            for name in names
        ]
        if self.seeded:
            parts.append(f"{self.hops} hops")
        if self.types:
            parts.append("types " + ",".join(self.types))
        if self.date_from or self.date_to:
            parts.append(f"dates {self.date_from or ''}..{self.date_to or ''}")
        if self.country:
            parts.append(f"country {self.country}")
        return ", ".join(parts) or "whole graph"


def split_keys(keys: Iterable[str]) -> dict[str, Any]:
    """Export node ids grouped into the `$actors`, `$places`, `$events` graph-id parameters."""
    groups: dict[str, list[str]] = {"actors": [], "places": [], "events": []}
    for key in keys:
        kind, _, graph_id = key.partition("/")
        groups[kind + "s"].append(graph_id)
    return groups


def _too_large(selection: Selection) -> ExportTooLarge:
    return ExportTooLarge(
        f"the selection ({selection.describe()}) has more than {selection.limit} nodes; narrow it "
        "(fewer hops, an event type, a date range, a country) or raise the node limit"
    )


def _keys(tx: ManagedTransaction, name: str, **params: Any) -> list[str]:
    return [record["key"] for record in tx.run(query(name), **params)]


def _filtered_events(tx: ManagedTransaction, selection: Selection, events: list[str] | None) -> list[str]:
    keys = _keys(
        tx,
        "read/export_events",
        events=events,
        types=list(selection.types),
        to=selection.date_to,
        country=selection.country,
        limit=selection.limit + 1,
        **{"from": selection.date_from},
    )
    if len(keys) > selection.limit:
        raise _too_large(selection)
    return keys


def select_keys(tx: ManagedTransaction, selection: Selection) -> list[str] | None:
    """The export node ids of a selection, or None for the whole graph (read under the limit later)."""
    if not selection.seeded:
        if not selection.filtered:
            return None
        events = _filtered_events(tx, selection, None)
        # The actors and places of the kept events, not the other events they touch.
        linked = _keys(tx, "read/export_neighbours", **split_keys(events))
        return sorted({*events, *(key for key in linked if not key.startswith("event/"))})

    seeds = _keys(tx, "read/export_seeds", actors=list(selection.actors), places=list(selection.places))
    if not seeds:
        raise InvalidSelection(f"no actor or place in the graph matches {selection.describe()}")
    found, frontier = set(seeds), seeds
    for _ in range(selection.hops):
        reached = [
            key for key in _keys(tx, "read/export_neighbours", **split_keys(frontier)) if key not in found
        ]
        if selection.filtered:
            events = [key.partition("/")[2] for key in reached if key.startswith("event/")]
            kept = set(_filtered_events(tx, selection, events)) if events else set()
            reached = [key for key in reached if not key.startswith("event/") or key in kept]
        found.update(reached)
        if len(found) > selection.limit:
            raise _too_large(selection)
        frontier = reached
        if not frontier:
            break
    return sorted(found)


def _capped(rows: Iterable[neo4j.Record], selection: Selection) -> Iterator[dict[str, Any]]:
    for count, record in enumerate(rows, start=1):
        if count > selection.limit:
            raise _too_large(selection)
        yield record.data()


def _read_graph(tx: ManagedTransaction, selection: Selection) -> nx.MultiDiGraph:
    keys = select_keys(tx, selection)
    node_rows = tx.run(
        query("read/export_nodes"),
        all=keys is None,
        limit=selection.limit + 1,
        **split_keys(keys or ()),
    )
    # Records are consumed one by one into the graph: the result is never held a second time.
    graph = export.to_networkx(_capped(node_rows, selection), ())
    edge_rows = tx.run(query("read/export_edges"), **split_keys(graph.nodes))
    export.add_edges(graph, (record.data() for record in edge_rows))
    return graph


def read_subgraph(
    driver: Driver, *, database: str, selection: Selection, timeout_s: float | None = None
) -> nx.MultiDiGraph:
    """The selected subgraph as a MultiDiGraph (see `graph_service.export` for its attributes)."""
    work = neo4j.unit_of_work(timeout=timeout_s)(_read_graph) if timeout_s else _read_graph
    with (
        db.driver_errors(driver),
        driver.session(
            database=database, default_access_mode=neo4j.READ_ACCESS, notifications_min_severity="OFF"
        ) as session,
    ):
        graph = session.execute_read(work, selection)
    logger.info(
        "export selection %s: %d nodes, %d edges",
        selection.describe(),
        graph.number_of_nodes(),
        graph.number_of_edges(),
    )
    return graph
