"""Where ingest's Neo4j write time goes: seconds per write statement over a run on a throwaway server.

    .venv/bin/python -m bench.profile_ingest [--articles 2000] [--workers 2] [--batch-size 200]

Runs the same loop as `ckg ingest` in this process, timing every statement of the write transaction
(server time plus the round trip), and prints them slowest first with the run's write share.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

from bench import bench_ingest
from bench.server import pointed_at, throwaway_server
from graph_service import cypher, writer
from graph_service.config import DEFAULT_BATCH_SIZE
from graph_service.db import apply_schema, create_driver

_SPENT: dict[str, list[float]] = defaultdict(lambda: [0.0, 0])
_NAMES = {text: name for name in cypher.names("write/") for text in cypher.statements(name)}


def _timed_run(original: Any) -> Any:
    def run(tx: Any, text: str, counters: dict[str, int], **params: Any) -> list[dict[str, Any]]:
        started = time.perf_counter()
        try:
            return original(tx, text, counters, **params)
        finally:
            spent = _SPENT[_NAMES.get(text, text.splitlines()[0][:60])]
            spent[0] += time.perf_counter() - started
            spent[1] += 1

    return run


def main(argv: list[str] | None = None) -> int:
    """Ingest a replicated corpus on a throwaway server and print time per write statement."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--batch-size", type=int, default=DEFAULT_BATCH_SIZE)
    args = parser.parse_args(argv)

    from graph_service.ingest import ingest_paths
    from loaders.extract import Extractor

    writer._run = _timed_run(writer._run)  # type: ignore[assignment]
    with (
        tempfile.TemporaryDirectory() as tmp,
        throwaway_server() as (settings, _),
        pointed_at(settings),
        create_driver(settings) as driver,
    ):
        source = Path(tmp) / "corpus.jsonl"
        bench_ingest.replicate(bench_ingest.CORPUS, args.articles, source)
        apply_schema(driver, settings.neo4j_database)
        summary = ingest_paths(
            [source],
            writer.GraphWriter(driver, database=settings.neo4j_database),
            Extractor(settings),
            workers=args.workers,
            batch_size=args.batch_size,
        )
    print(f"{summary.new} articles, {summary.events} events, wall {summary.wall_s:.1f} s, "
          f"writes {summary.write_s:.1f} s ({summary.write_s / summary.wall_s:.1%})")  # fmt: skip
    print(f"{'statement':<32}{'calls':>8}{'seconds':>10}{'share of writes':>17}")
    for name, (seconds, calls) in sorted(_SPENT.items(), key=lambda item: -item[1][0]):
        print(f"{name:<32}{calls:>8}{seconds:>10.2f}{seconds / summary.write_s:>17.1%}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
