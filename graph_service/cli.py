"""The `ckg` console command: one sub-command per module under graph_service/commands."""

from __future__ import annotations

import argparse
import importlib
import logging
import os
import pkgutil
import sys

from graph_service import commands
from graph_service.errors import GraphServiceError


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every sub-command registered by its module."""
    parser = argparse.ArgumentParser(prog="ckg", description="Conflict-event knowledge graph.")
    parser.add_argument("-v", "--verbose", action="store_true", help="log debug messages")
    subparsers = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for module_info in sorted(pkgutil.iter_modules(commands.__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{commands.__name__}.{module_info.name}")
        module.register(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run one `ckg` sub-command and return its exit code."""
    args = build_parser().parse_args(argv)
    logging.basicConfig(
        level=logging.DEBUG if args.verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
    )
    try:
        return int(args.func(args) or 0)
    except GraphServiceError as error:
        print(f"ckg {args.command}: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(f"ckg {args.command}: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # the reader went away (`ckg extract ... | head`): stop quietly, as Unix tools do
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


if __name__ == "__main__":
    sys.exit(main())
