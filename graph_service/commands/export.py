"""`ckg export`: write a subgraph (or the whole graph) as GraphML, GEXF or node-link JSON."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

FORMAT_CHOICES = ("graphml", "gexf", "json")


def add_selection_arguments(parser: argparse.ArgumentParser) -> None:
    """The selection options shared by every command that selects a subgraph."""
    group = parser.add_argument_group("selection (none: the whole graph)")
    group.add_argument("--actor", action="append", default=[], metavar="NAME", help="around this actor")
    group.add_argument("--place", action="append", default=[], metavar="NAME", help="around this place")
    group.add_argument("--hops", type=int, default=2, help="hops around actors/places, 0-4 (default 2)")
    group.add_argument(
        "--type",
        action="append",
        default=[],
        metavar="EVENT_TYPE",
        help="only events of this type (repeatable)",
    )
    group.add_argument("--from", dest="date_from", metavar="YYYY-MM-DD", help="only events on or after")
    group.add_argument("--to", dest="date_to", metavar="YYYY-MM-DD", help="only events on or before")
    group.add_argument("--country", metavar="ISO3", help="only events in, against or by this country")
    group.add_argument("--limit", type=int, default=None, help="node limit (default 5000)")


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the `export` sub-command."""
    parser = subparsers.add_parser(
        "export",
        help="export a subgraph as GraphML, GEXF or node-link JSON",
        description="Select a subgraph (around actors or places, by event type, date range, country; "
        "the whole graph when nothing is selected) and write it for Gephi or NetworkX. Exit code 2 when "
        "the selection exceeds the node limit or names nothing.",
    )
    add_selection_arguments(parser)
    parser.add_argument("--format", choices=FORMAT_CHOICES, help="default: from the -o file name")
    parser.add_argument("-o", "--output", required=True, metavar="FILE", help="output file, or - for stdout")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Read the selected subgraph and write it to the output file (replaced only when complete)."""
    from graph_service import export
    from graph_service.config import get_settings
    from graph_service.db import create_driver
    from graph_service.subgraph import DEFAULT_NODE_LIMIT, Selection, read_subgraph

    fmt = args.format or (export.format_of(args.output) if args.output != "-" else "graphml")
    selection = Selection(
        actors=tuple(args.actor),
        places=tuple(args.place),
        hops=args.hops,
        types=tuple(args.type),
        date_from=args.date_from,
        date_to=args.date_to,
        country=args.country.upper() if args.country else None,
        limit=args.limit or DEFAULT_NODE_LIMIT,
    )
    settings = get_settings()
    with create_driver(settings) as driver:
        graph = read_subgraph(driver, database=settings.neo4j_database, selection=selection)
    if args.output == "-":
        export.write(graph, sys.stdout, format=fmt)
    else:
        target = Path(args.output)
        partial = target.with_name(target.name + ".partial")
        with partial.open("w", encoding="utf-8") as out:
            export.write(graph, out, format=fmt)
        partial.replace(target)
    print(
        f"exported {graph.number_of_nodes()} nodes and {graph.number_of_edges()} edges "
        f"({selection.describe()}) as {fmt} to {args.output}",
        file=sys.stderr,
    )
    return 0
