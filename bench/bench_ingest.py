"""Benchmark `ckg ingest` on the shared corpus: articles/s, events/s, and Neo4j write time vs extraction time.

    .venv/bin/python bench/bench_ingest.py [--articles 2000] [--workers 2] [--batch-size 200] [--clean]

Reads every record of ../shared/corpus/*.jsonl (`text` field) and replicates them, each copy with a new
text and so a new article id, to at least `--articles` articles, then runs the same loop as `ckg ingest`
against the configured Neo4j (NEO4J_URI ...). `--clean` empties that database first: never point it at a
graph you keep.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
import tempfile
import time
import uuid
from pathlib import Path

from graph_service import cypher
from graph_service.config import DEFAULT_BATCH_SIZE, PROJECT_ROOT, get_settings
from graph_service.db import apply_schema, create_driver, ping, run_statements
from graph_service.ingest import IngestSummary, ingest_paths
from graph_service.writer import GraphWriter

CORPUS = (PROJECT_ROOT / "../shared/corpus").resolve()


def replicate(corpus: Path, target: int, out: Path, text_field: str = "text") -> int:
    """Write corpus records to `out` as JSON Lines, copied with distinct texts until there are `target`."""
    records = [
        json.loads(line)
        for path in sorted(corpus.glob("*.jsonl"))
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    if not records:
        raise SystemExit(f"no records under {corpus}")
    run = uuid.uuid4().hex[:8]  # a new run writes new articles, so writes are measured, not skips
    written = 0
    with out.open("w", encoding="utf-8") as sink:
        while written < target:
            for record in records:
                copy = {
                    "id": f"{record['id']}~{run}~{written}",
                    "title": record.get("title"),
                    "source": record.get("source"),
                    text_field: f"{record[text_field]}\n\nBenchmark copy {run}-{written}.",
                }
                sink.write(json.dumps(copy, ensure_ascii=False) + "\n")
                written += 1
                if written >= target:
                    break
    return written


def report(summary: IngestSummary, replicas: int) -> list[str]:
    """The benchmark's result lines."""
    wall = summary.wall_s or 1e-9
    neo4j = summary.write_s + summary.lookup_s
    extraction = max(0.0, wall - neo4j)
    c = summary.counters
    return [
        f"articles: {replicas} input, {summary.new} written, {summary.skipped} skipped, "
        f"{len(summary.failed)} failed",
        f"events written: {summary.events}",
        f"nodes created: {c.get('nodes_created', 0)}, "
        f"relationships created: {c.get('relationships_created', 0)}",
        f"wall: {wall:.1f} s",
        f"throughput: {summary.articles / wall:.2f} articles/s, {summary.events / wall:.2f} events/s",
        f"Neo4j writes: {summary.write_s:.1f} s ({summary.write_s / wall:.1%} of wall), "
        f"look-ups {summary.lookup_s:.1f} s ({summary.lookup_s / wall:.1%})",
        f"extraction and reading: {extraction:.1f} s ({extraction / wall:.1%} of wall)",
        f"write speed alone: {summary.new / summary.write_s if summary.write_s else 0:.1f} articles/s, "
        f"{summary.events / summary.write_s if summary.write_s else 0:.1f} events/s",
    ]


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print its numbers."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000, help="articles to ingest (default 2000)")
    parser.add_argument("--workers", type=int, default=2, help="extraction processes (default 2)")
    parser.add_argument(
        "--batch-size",
        type=int,
        default=DEFAULT_BATCH_SIZE,
        help=f"articles per transaction (default {DEFAULT_BATCH_SIZE})",
    )
    parser.add_argument("--corpus", type=Path, default=CORPUS, help="folder of .jsonl records")
    parser.add_argument("--clean", action="store_true", help="delete everything in the database first")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")

    from tqdm import tqdm

    from loaders.extract import Extractor

    settings = get_settings()
    with tempfile.TemporaryDirectory() as tmp, create_driver(settings) as driver:
        source = Path(tmp) / "bench.jsonl"
        replicas = replicate(args.corpus, args.articles, source)
        ping(driver, settings.neo4j_database)
        if args.clean:
            run_statements(driver, settings.neo4j_database, cypher.statements("admin/delete_all"))
        apply_schema(driver, settings.neo4j_database)
        started = time.perf_counter()
        extractor = Extractor(settings)
        load_s = time.perf_counter() - started
        writer = GraphWriter(driver, database=settings.neo4j_database)
        with tqdm(total=replicas, unit=" articles", file=sys.stderr, desc="bench") as progress:
            summary = ingest_paths(
                [source],
                writer,
                extractor,
                workers=args.workers,
                batch_size=args.batch_size,
                progress=progress,
            )
    print(f"corpus: {args.corpus} -> {replicas} articles; extractor load {load_s:.1f} s (not in wall)")
    print(f"workers: {args.workers}, batch size: {args.batch_size}")
    for line in report(summary, replicas):
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
