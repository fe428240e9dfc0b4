"""`ckg ingest`: extract articles and write them into Neo4j, idempotently and in batches."""

from __future__ import annotations

import argparse
import sys

from graph_service.config import DEFAULT_BATCH_SIZE


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the `ingest` sub-command."""
    parser = subparsers.add_parser(
        "ingest",
        help="extract articles and write them into Neo4j",
        description="Read .txt/.html/.json/.jsonl files or folders, extract every article and write it into "
        "Neo4j (schema applied first). Articles already in the graph are skipped unless --force. "
        "Exit code 0 when every article was written or skipped, 1 when some failed, 2 on errors "
        "such as Neo4j being unreachable.",
    )
    parser.add_argument("paths", nargs="+", metavar="PATH", help="files, folders, or - for stdin")
    parser.add_argument("--workers", type=int, default=1, help="extraction worker processes (default 1)")
    parser.add_argument(
        "--batch-size",
        type=int,
        default=DEFAULT_BATCH_SIZE,
        help=f"articles per write transaction (default {DEFAULT_BATCH_SIZE})",
    )
    parser.add_argument(
        "--force", action="store_true", help="rewrite articles already in the graph (replaces their facts)"
    )
    parser.add_argument("--text-field", default="text", help="record field holding the text in .json/.jsonl")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Apply the schema, ingest every input with a progress bar, and print the summary."""
    from tqdm import tqdm

    from graph_service.config import get_settings
    from graph_service.db import apply_schema, create_driver, ping
    from graph_service.ingest import ingest_paths
    from graph_service.writer import GraphWriter
    from loaders.extract import Extractor

    settings = get_settings()
    database = settings.neo4j_database
    with create_driver(settings) as driver:
        ping(driver, database)
        apply_schema(driver, database)
        writer = GraphWriter(driver, database=database, force=args.force)
        extractor = Extractor(settings)
        with tqdm(unit=" articles", file=sys.stderr, dynamic_ncols=True, desc="ingest") as progress:
            summary = ingest_paths(
                args.paths,
                writer,
                extractor,
                workers=max(1, args.workers),
                batch_size=args.batch_size,
                text_field=args.text_field,
                progress=progress,
            )
    for line in summary.lines():
        print(line)
    return 1 if summary.failed else 0
