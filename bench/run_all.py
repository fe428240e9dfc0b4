"""`make bench`: extraction, ingest, API and memory figures in one run, printed and written to a report.

    .venv/bin/python -m bench.run_all [--quick] [--out docs/benchmarks.md]

Starts its own throwaway Neo4j servers (free ports, temporary homes; never 7474/7687/8000), one per ingest
size so each size is ingested into an empty graph, and serves the API on a free port over the largest graph.
The corpus is ../shared/corpus replicated with new ids and texts. The results replace the part of the report
between the `results` markers; notes written around them stay.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

from bench import bench_api, bench_extract, bench_ingest
from bench.machine import describe
from bench.memory import TreeSampler, peak_rss_mb
from bench.server import free_port, pointed_at, throwaway_server
from graph_service.config import PROJECT_ROOT, Settings

logger = logging.getLogger(__name__)

REPORT = PROJECT_ROOT / "docs" / "benchmarks.md"
START, END = "<!-- results:start -->", "<!-- results:end -->"
CONCURRENCY = (1, 16, 64)
WORKERS = 2


@dataclass
class Table:
    """One markdown table, printed row by row as the figures come in."""

    title: str
    header: list[str]
    rows: list[list[str]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def start(self) -> None:
        """Print the title and header."""
        print(f"\n## {self.title}\n\n| {' | '.join(self.header)} |\n|{'---|' * len(self.header)}", flush=True)

    def add(self, *cells: object) -> None:
        """Add and print one row."""
        row = [str(cell) for cell in cells]
        self.rows.append(row)
        print(f"| {' | '.join(row)} |", flush=True)

    def note(self, text: str) -> None:
        """Add and print a line under the table."""
        self.notes.append(text)
        print(text, flush=True)

    def markdown(self) -> str:
        """The table as markdown."""
        lines = [f"### {self.title}", "", f"| {' | '.join(self.header)} |", f"|{'---|' * len(self.header)}"]
        lines += [f"| {' | '.join(row)} |" for row in self.rows]
        return "\n".join(lines + (["", *self.notes] if self.notes else []))


# --- 1. extraction --------------------------------------------------------------------------------------


def extraction(articles: int) -> Table:
    """`ckg extract` (the Extractor behind it) vs bare nlp.pipe, same model, texts and workers."""
    table = Table(
        f"1. Extraction: ckg extract vs bare nlp.pipe ({articles} articles, target >= 0.8x)",
        ["workers", "bare articles/s", "bare tokens/s", "ckg articles/s", "ckg tokens/s", "ratio"],
    )
    table.start()
    corpus = bench_extract.load_corpus(bench_extract.CORPUS, articles)
    tokens = sum(len(bench_extract.prepare_text(a.text).split()) for a in corpus)
    for workers in (1, 2):
        bare = bench_extract.bare_spacy(corpus, workers)
        ours, _ = bench_extract.ours(corpus, workers)
        table.add(
            workers, f"{articles / bare:.1f}", f"{tokens / bare:,.0f}", f"{articles / ours:.1f}",
            f"{tokens / ours:,.0f}", f"{bare / ours:.2f}x",
        )  # fmt: skip
    table.note(f"Tokens are whitespace-separated words of the masked text ({tokens:,} in all).")
    return table


# --- 2. ingest ------------------------------------------------------------------------------------------


@dataclass
class IngestRun:
    """Figures of one `ckg ingest` run parsed from its summary, with the memory of its processes."""

    articles: int
    new: int
    failed: int
    events: int
    wall_s: float
    write_s: float
    lookup_s: float
    process_s: float
    main_mb: float
    worker_mb: list[float]


_SUMMARY = {
    "new": re.compile(r"articles: (\d+) new"),
    "failed": re.compile(r"skipped, (\d+) failed"),
    "events": re.compile(r"events written: (\d+)"),
    "wall_s": re.compile(r"time: ([\d.]+) s"),
    "write_s": re.compile(r"Neo4j writes ([\d.]+) s"),
    "lookup_s": re.compile(r"look-ups ([\d.]+) s"),
}


def ingest(size: int, workdir: Path) -> IngestRun:
    """Replicate the corpus to `size` articles and run `ckg ingest --workers 2` on it, as a user would."""
    # Files of at most 1,000 articles: `ckg ingest` refuses input files over 5 MB.
    source = workdir / f"corpus-{size}"
    source.mkdir()
    for part, start in enumerate(range(0, size, 1000)):
        count = min(1000, size - start)
        bench_ingest.replicate(bench_ingest.CORPUS, count, source / f"part-{part:03d}.jsonl")
    command = [sys.executable, "-m", "graph_service.cli", "ingest", str(source), "--workers", str(WORKERS)]
    started = time.perf_counter()
    process = subprocess.Popen(
        command, cwd=PROJECT_ROOT, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
    )
    with TreeSampler(process.pid) as sampler:
        output, _ = process.communicate()
    # Exit code 1 means some articles failed (counted below); anything else is a broken run.
    if process.returncode not in (0, 1):
        raise SystemExit(f"ckg ingest exited {process.returncode}:\n{output}")
    found = {key: pattern.search(output) for key, pattern in _SUMMARY.items()}
    if not all(found.values()):
        raise SystemExit(f"unexpected ckg ingest summary:\n{output}")
    value = {key: float(match.group(1)) for key, match in found.items() if match}
    return IngestRun(
        articles=size,
        new=int(value["new"]),
        failed=int(value["failed"]),
        events=int(value["events"]),
        wall_s=value["wall_s"],
        write_s=value["write_s"],
        lookup_s=value["lookup_s"],
        process_s=time.perf_counter() - started,
        main_mb=sampler.root_mb(),
        worker_mb=sampler.others_mb(),
    )


def ingest_table() -> Table:
    """The ingest table, header printed."""
    table = Table(
        f"2. Ingest: `ckg ingest --workers {WORKERS}` into an empty graph (target: Neo4j writes <= 15%)",
        ["articles", "written", "failed", "events", "wall s", "articles/s", "events/s", "writes s",
         "write share", "look-ups share", "ms per article"],
    )  # fmt: skip
    table.start()
    return table


def add_ingest_row(table: Table, run: IngestRun) -> None:
    """One row per size."""
    table.add(
        run.articles, run.new, run.failed, run.events, f"{run.wall_s:.1f}",
        f"{run.articles / run.wall_s:.1f}", f"{run.events / run.wall_s:.1f}", f"{run.write_s:.1f}",
        f"{run.write_s / run.wall_s:.1%}",
        f"{run.lookup_s / run.wall_s:.1%}", f"{1000 * run.wall_s / run.articles:.1f}",
    )  # fmt: skip


def growth_note(table: Table, runs: list[IngestRun]) -> None:
    """Say whether time per article stays flat as the corpus grows (linear growth) or not."""
    first, last = runs[0], runs[-1]
    per_first, per_last = first.wall_s / first.articles, last.wall_s / last.articles
    write_first, write_last = first.write_s / first.articles, last.write_s / last.articles
    ratio = per_last / per_first
    verdict = "linear (time per article within 15%)" if abs(ratio - 1) <= 0.15 else "not linear"
    table.note(
        f"Growth {first.articles} -> {last.articles} articles: wall time per article x{ratio:.2f}, "
        f"write time per article x{write_last / write_first:.2f}: {verdict}. Wall excludes loading the "
        "model; the process took " + ", ".join(f"{r.process_s:.0f} s" for r in runs) + " in all."
    )


# --- 3. API ---------------------------------------------------------------------------------------------


def direct_call(reader: Any) -> Callable[[str], Awaitable[Any]]:
    """A coroutine function running the query behind an API URL straight through the driver (no HTTP)."""
    from graph_service import queries

    def call(url: str) -> Awaitable[Any]:
        parts = urlsplit(url)
        params = {key: values[0] for key, values in parse_qs(parts.query).items()}
        limit = int(params.get("limit", 50))
        if parts.path == "/events":
            return queries.events(reader, actor=params["actor"], offset=0, limit=limit)
        if parts.path.endswith("/relations"):
            return queries.actor_relations(reader, unquote(parts.path.split("/")[2]), offset=0, limit=limit)
        if parts.path == "/paths":
            return queries.paths(
                reader, params["from"], params["to"], max_hops=int(params["max_hops"]), limit=10
            )
        raise ValueError(f"no direct query for {url}")

    return call


async def direct_load(
    call: Callable[[str], Awaitable[Any]], urls: list[str], concurrency: int
) -> tuple[list[float], float]:
    """Run `call` on every URL from `concurrency` concurrent tasks; latencies (ms) and wall time (s)."""
    latencies: list[float] = []
    pending = iter(urls)

    async def worker() -> None:
        for url in pending:
            started = time.perf_counter()
            await call(url)
            latencies.append((time.perf_counter() - started) * 1000)

    started = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(concurrency)))
    return latencies, time.perf_counter() - started


@asynccontextmanager
async def direct_reader(settings: Settings) -> AsyncIterator[Any]:
    """The API's `Reader` over a driver of this process, for queries without HTTP."""
    from graph_service.db import create_async_driver
    from graph_service.queries import Reader

    driver = create_async_driver(settings)
    try:
        yield Reader(driver, settings)
    finally:
        await driver.close()


async def api_rows(settings: Settings, base: str, requests: int, table: Table) -> None:
    """For each endpoint and client count: the load over HTTP, then the same queries through the driver."""
    async with direct_reader(settings) as reader:
        call = direct_call(reader)
        for name, urls in bench_api.targets(base, requests).items():
            # One unmeasured pass at 16 clients first: plans and JIT warm, connections open. Measured straight
            # after the 10,000-article ingest, p95 at 16 clients was 39-66 ms; on a server that had served a
            # while, the same 400 requests gave 19-28 ms.
            await bench_api.load(base, urls, 16)
            await direct_load(call, urls, 16)
            for clients in CONCURRENCY:
                latencies, wall, errors = await bench_api.load(base, urls, clients)
                d_latencies, d_wall = await direct_load(call, urls, clients)
                p50, p95, p99 = bench_api.percentiles(latencies)
                d50, d95, _ = bench_api.percentiles(d_latencies)
                rate, d_rate = len(latencies) / wall, len(d_latencies) / d_wall
                table.add(
                    f"`{name}`", clients, f"{p50:.1f}", f"{p95:.1f}", f"{p99:.1f}", f"{rate:.0f}",
                    errors, f"{d50:.1f}", f"{d95:.1f}", f"{d_rate:.0f}", f"{p50 / d50:.2f}x",
                    f"{d_rate / rate:.2f}x",
                )  # fmt: skip


def api(settings: Settings, requests: int) -> tuple[Table, float]:
    """Latency and throughput over HTTP and straight through the driver; returns the API's peak RSS (MB)."""
    table = Table(
        "3. API on the largest graph: HTTP vs the same queries through the driver (targets: p95 <= 50 ms "
        "at 16 clients, overhead <= 1.5x)",
        ["endpoint", "clients", "p50 ms", "p95 ms", "p99 ms", "req/s", "errors", "driver p50 ms",
         "driver p95 ms", "driver req/s", "overhead (p50)", "overhead (req/s)"],
    )  # fmt: skip
    table.start()
    port = free_port()
    server = bench_api.serve(port, workers=1)
    try:
        with TreeSampler(server.pid) as sampler:
            asyncio.run(api_rows(settings, f"http://127.0.0.1:{port}", requests, table))
        api_mb = sampler.root_mb()
    finally:
        server.terminate()
        server.wait(timeout=20)
    table.note(
        f"{requests} requests per endpoint and client count after one unmeasured pass at 16 clients; one "
        "uvicorn worker; the load client "
        f"({bench_api.CLIENT}) and the driver-only client (the API's own query functions over the asyncio "
        "driver, as many concurrent tasks) run on the same 2 cores as the API and Neo4j. Overhead (p50) = "
        "API p50 / driver p50; overhead (req/s) = driver req/s / API req/s."
    )
    return table, api_mb


def graph_size(settings: Settings) -> str:
    """Counts of the served graph, as /stats reports them."""
    from graph_service import queries

    async def counts() -> dict[str, Any]:
        async with direct_reader(settings) as reader:
            return await queries.stats(reader)

    stats = asyncio.run(counts())
    return ", ".join(f"{stats[key]:,} {key}" for key in ("articles", "actors", "places", "events"))


# --- 4. memory and the report ---------------------------------------------------------------------------


def memory_table(run: IngestRun, api_mb: float, neo4j_mb: float, heap: str, pagecache: str) -> Table:
    """Peak RSS of the ingest processes, the API and Neo4j."""
    table = Table("4. Memory: peak resident set size (VmHWM)", ["process", "peak RSS MB"])
    table.start()
    table.add(f"ckg ingest main process ({run.articles} articles)", f"{run.main_mb:.0f}")
    for n, mb in enumerate(run.worker_mb[:WORKERS], 1):
        table.add(f"ckg ingest extraction worker {n}", f"{mb:.0f}")
    table.add("API (ckg serve, 1 uvicorn worker) under the load above", f"{api_mb:.0f}")
    table.add(f"Neo4j server (heap {heap}, page cache {pagecache})", f"{neo4j_mb:.0f}")
    table.note("Workers are forked from the main process after the model loads: much of their RSS is shared.")
    return table


def write_report(path: Path, machine: list[tuple[str, str]], tables: list[Table], command: str) -> None:
    """Replace the results part of the report, keeping whatever is written around it."""
    results = "\n\n".join(
        [
            f"Run with `{command}`.",
            "\n".join(["| machine | |", "|---|---|", *(f"| {k} | {v} |" for k, v in machine)]),
            *(table.markdown() for table in tables),
        ]
    )
    block = f"{START}\n{results}\n{END}"
    if path.exists() and START in (text := path.read_text()) and END in text:
        head, rest = text.split(START, 1)
        text = head + block + rest.split(END, 1)[1]
    else:
        text = f"# Benchmarks\n\n{block}\n"
    path.write_text(text)


def main(argv: list[str] | None = None) -> int:
    """Run every benchmark, print the tables, and write the report."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small sizes: a smoke run of a few minutes")
    parser.add_argument("--sizes", type=int, nargs="+", help="ingest sizes (default 500 2000 10000)")
    parser.add_argument("--extract-articles", type=int, help="extraction articles (default 500)")
    parser.add_argument("--requests", type=int, help="requests per endpoint and client count (default 1000)")
    parser.add_argument("--heap", default="2g", help="Neo4j heap of the benchmark servers")
    parser.add_argument("--pagecache", default="1g", help="Neo4j page cache of the benchmark servers")
    parser.add_argument("--out", type=Path, default=REPORT, help="report (default docs/benchmarks.md)")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    sizes = args.sizes or ([100, 200, 400] if args.quick else [500, 2000, 10000])
    extract_articles = args.extract_articles or (100 if args.quick else 500)
    requests = args.requests or (64 if args.quick else 1000)

    machine = describe(Settings(_env_file=None).neo4j_version)  # type: ignore[call-arg]
    print("\n".join(f"{key}: {value}" for key, value in machine), flush=True)
    tables = [extraction(extract_articles)]
    runs: list[IngestRun] = []
    table = ingest_table()
    tables.append(table)
    with tempfile.TemporaryDirectory(prefix="ckg-bench-") as tmp:
        for size in sizes:
            with throwaway_server(args.heap, args.pagecache) as (settings, neo4j_pid), pointed_at(settings):
                runs.append(ingest(size, Path(tmp)))
                add_ingest_row(table, runs[-1])
                if size != sizes[-1]:
                    continue
                growth_note(table, runs)
                api_table, api_mb = api(settings, requests)
                api_table.note(f"Graph: {graph_size(settings)}.")
                tables.append(api_table)
                neo4j_mb = peak_rss_mb(neo4j_pid) or 0.0
    tables.append(memory_table(runs[-1], api_mb, neo4j_mb, args.heap, args.pagecache))
    command = " ".join(["python -m bench.run_all", *(sys.argv[1:] if argv is None else argv)])
    write_report(args.out, machine, tables, command)
    print(f"\nwrote {args.out}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
