"""`ckg db init`: apply the schema (constraints and indexes) and show what the database holds."""

from __future__ import annotations

import argparse
from typing import Any


def register(subparsers: Any) -> None:
    """Add the `db` sub-command and its actions."""
    parser = subparsers.add_parser("db", help="the graph database schema")
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    actions.add_parser("init", help="apply cypher/schema/*.cypher (idempotent) and list constraints/indexes")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Carry out one `ckg db` action."""
    from graph_service import db
    from graph_service.config import get_settings

    settings = get_settings()
    with db.create_driver(settings) as driver:
        db.wait_until_ready(driver, settings.neo4j_database, timeout_s=settings.query_timeout_s)
        count = db.apply_schema(driver, settings.neo4j_database)
        items = db.describe_schema(driver, settings.neo4j_database)
    print(f"applied {count} schema statements to {settings.neo4j_database} at {settings.neo4j_uri}")
    for item in items:
        print(f"  {item.describe()}")
    return 0
