"""`ckg analyze`: analyse an exported graph offline (no Neo4j needed)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the `analyze` sub-command."""
    parser = subparsers.add_parser(
        "analyze",
        help="central actors, blocs, disputed claims and the daily series of an export",
        description="Read a file written by `ckg export` (.graphml, .gexf or .json) and print the most "
        "central actors of the interaction network (strikes, threats, accusations, denials, alliances), "
        "blocs, disputed claims and the daily escalation series.",
    )
    parser.add_argument("file", type=Path, metavar="FILE", help="an export (.graphml, .gexf, .json)")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    parser.add_argument("--plot", type=Path, metavar="OUT.png", help="draw the actor network and timeline")
    parser.add_argument("--top", type=int, default=10, help="actors in the table (default 10)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Analyse the export and print tables or JSON; optionally save the plot."""
    from graph_service import analysis, export
    from graph_service.errors import InputError

    try:
        graph = export.read(args.file)
    except (OSError, ValueError, SyntaxError) as error:
        # XML parse errors are SyntaxError subclasses.
        raise InputError(f"cannot read {args.file}: {error}") from error
    report = analysis.analyse(graph)
    if args.json:
        json.dump(report.to_dict(), sys.stdout, indent=2, ensure_ascii=False)
        print()
    else:
        print(analysis.format_report(report, top=args.top))
    if args.plot:
        analysis.plot(graph, report, args.plot)
        print(f"plot written to {args.plot}", file=sys.stderr)
    return 0
