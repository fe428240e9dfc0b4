"""`ckg extract`: print one JSON extraction per article (JSON Lines, or a JSON array)."""

from __future__ import annotations

import argparse
import json
import sys


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the `extract` sub-command."""
    parser = subparsers.add_parser(
        "extract",
        help="extract actors, places and events from articles and print JSON",
        description="Read .txt/.html/.json/.jsonl files, folders or '-' (stdin) and print one extraction "
        "per article, in input order. Bad inputs are reported on stderr; exit code 1 if any failed.",
    )
    parser.add_argument("paths", nargs="+", metavar="PATH")
    parser.add_argument(
        "--format", choices=["jsonl", "json"], default="jsonl", help="JSON Lines (default) or one array"
    )
    parser.add_argument("--workers", type=int, default=1, help="worker processes (default 1)")
    parser.add_argument("--text-field", default="text", help="record field holding the text in .json/.jsonl")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Extract every input and print the records; failures go to stderr."""
    from loaders.extract import Extractor
    from loaders.sources import SourceFailure, iter_articles

    extractor = Extractor()
    failed = 0
    first = True
    if args.format == "json":
        sys.stdout.write("[")
    items = iter_articles(args.paths, text_field=args.text_field)
    for result in extractor.extract_many(items, workers=max(1, args.workers)):
        if isinstance(result, SourceFailure):
            failed += 1
            print(f"ckg extract: {result.origin}: {result.reason}", file=sys.stderr)
            continue
        payload = json.dumps(result.model_dump(mode="json", exclude_none=False), ensure_ascii=False)
        if args.format == "json":
            sys.stdout.write(("" if first else ",\n") + payload)
        else:
            sys.stdout.write(payload + "\n")
        sys.stdout.flush()
        first = False
    if args.format == "json":
        sys.stdout.write("]\n")
    return 1 if failed else 0
