"""Benchmark the HTTP API: latency percentiles and requests/s at 1 and 16 concurrent clients.

    .venv/bin/python bench/bench_api.py [--articles 2000] [--requests 400] [--workers 1] [--keep-graph]

Builds a graph of `--articles` synthetic articles (invented extraction records written through the writer,
as `ckg ingest` would after extraction; spaCy extraction of 2,000 texts would take minutes and measure the
extractor, not the API), serves the API with `ckg serve` in a subprocess, and drives `/events?actor=`,
`/actors/{id}/relations` and `/paths` with an aiohttp client. It EMPTIES the configured database
(NEO4J_URI ...) first unless --keep-graph: never point it at a graph you keep.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator
from typing import Any
from urllib.parse import quote

import aiohttp
import httpx
import yarl

from graph_service import cypher
from graph_service.config import PROJECT_ROOT, get_settings
from graph_service.db import apply_schema, create_driver, ping, run_statements
from graph_service.ingest import Prepared, write_all
from graph_service.records import Extraction
from graph_service.writer import GraphWriter

COUNTRIES = [f"Q{chr(65 + i // 26)}{chr(65 + i % 26)}" for i in range(24)]  # invented ISO3-shaped codes
EVENT_MIX = (
    ["strike"] * 5 + ["casualty"] * 2 + ["denial", "accusation", "threat", "capture", "ceasefire_call"]
)


def synthetic_article(n: int, rng: random.Random) -> Prepared:
    """One invented article: 2-3 countries, their forces and a spokesperson, 2 places, 4-8 events."""
    countries = rng.sample(COUNTRIES, 3)
    actors: list[dict[str, Any]] = [
        {"id": f"C{i}", "name": f"Land {code}", "kind": "country", "country": code}
        for i, code in enumerate(countries)
    ]
    actors += [
        {"id": "G0", "name": f"{countries[0]} Brigade {rng.randrange(12)}", "kind": "armed_group",
         "country": countries[0]},
        {"id": "S0", "name": f"Speaker {countries[1]}-{rng.randrange(6)}", "kind": "person",
         "country": countries[1], "title": "spokesperson"},
    ]  # fmt: skip
    places = [
        {"id": f"P{i}", "name": f"Town {code}-{rng.randrange(40)}", "kind": "city", "country": code,
         "lat": rng.uniform(-60, 60), "lon": rng.uniform(-170, 170)}
        for i, code in enumerate(countries[1:])
    ]  # fmt: skip
    day = f"2024-{rng.randrange(1, 13):02d}-{rng.randrange(1, 29):02d}"
    events: list[dict[str, Any]] = []
    for k in range(rng.randrange(4, 9)):
        kind = rng.choice(EVENT_MIX)
        agent, target = rng.sample(["C0", "C1", "C2", "G0"], 2)
        event: dict[str, Any] = {
            "id": f"E{k}",
            "type": kind,
            "date": day,
            "evidence": {
                "sentence": f"Synthetic sentence {k} of article {n}.",
                "start": k * 50,
                "end": k * 50 + 40,
            },
        }
        if kind == "casualty":
            strikes = [e["id"] for e in events if e["type"] == "strike"]
            event |= {"locations": ["P0"], "killed": rng.randrange(1, 30), "claimed_by": ["S0"]}
            if strikes:
                event["cause"] = strikes[-1]
        elif kind == "denial":
            denied = [e["id"] for e in events if e["type"] == "strike"]
            event |= {"agents": [agent], "denies": denied[-1:]}
        else:
            event |= {"agents": [agent], "targets": [target], "locations": [rng.choice(["P0", "P1"])]}
            event["claimed_by"] = [rng.choice(["C0", "C1", "S0"])]
        events.append(event)
    relations = [
        {"type": "spokesperson_for", "source": "S0", "target": "C1"},
        {"type": "part_of", "source": "G0", "target": "C0"},
        {"type": rng.choice(["allied_with", "supports"]), "source": "C1", "target": "C2"},
    ]
    record = {
        "article": {"id": f"bench-{n}", "title": f"Synthetic {n}", "source": "Bench Wire", "published": day},
        "actors": actors,
        "places": places,
        "events": events,
        "relations": relations,
    }
    return Prepared(Extraction.model_validate(record), text=f"Synthetic article {n}.", origin=f"bench-{n}")


def build_graph(articles: int) -> None:
    """Empty the configured database and write `articles` synthetic articles."""
    settings = get_settings()
    rng = random.Random(7)
    with create_driver(settings) as driver:
        ping(driver, settings.neo4j_database)
        run_statements(driver, settings.neo4j_database, cypher.statements("admin/delete_all"))
        apply_schema(driver, settings.neo4j_database)
        started = time.perf_counter()
        items = (synthetic_article(n, rng) for n in range(articles))
        summary = write_all(items, GraphWriter(driver, database=settings.neo4j_database), batch_size=100)
    print(f"graph: {summary.new} articles, {summary.events} event reports written in "
          f"{time.perf_counter() - started:.1f} s")  # fmt: skip


CLIENT = f"aiohttp {aiohttp.__version__}"


def serve(port: int, workers: int, *options: str) -> subprocess.Popen[bytes]:
    """`ckg serve` with `options` in a subprocess, answering /health."""
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "graph_service.cli",
            "serve",
            "--port",
            str(port),
            "--workers",
            str(workers),
            *options,
        ],
        cwd=PROJECT_ROOT,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/health", timeout=2).status_code == 200:
                return process
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    process.terminate()
    raise SystemExit("the API did not answer /health within 60 s")


def percentiles(latencies: list[float]) -> tuple[float, float, float]:
    """p50, p95, p99 in ms."""
    return statistics.median(latencies), percentile(latencies, 95), percentile(latencies, 99)


def percentile(values: list[float], q: float) -> float:
    """The q-th percentile (0-100) by nearest rank."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q / 100 * len(ordered)) - 1))]


async def load(base: str, urls: list[str], concurrency: int) -> tuple[list[float], float, int]:
    """Request every URL with `concurrency` clients; latencies (ms), wall time (s), non-200 count."""
    latencies: list[float] = []
    errors = 0
    pending = iter(urls)
    # aiohttp, not httpx: measured here, the load client spent ~0.2 ms of CPU per request with it and ~1.3 ms
    # with httpx, and it shares the two cores with the API and Neo4j.
    connector = aiohttp.TCPConnector(limit=concurrency, limit_per_host=concurrency)
    timeout = aiohttp.ClientTimeout(total=30)
    async with aiohttp.ClientSession(connector=connector, timeout=timeout) as session:

        async def worker() -> None:
            nonlocal errors
            for url in pending:
                started = time.perf_counter()
                async with session.get(yarl.URL(base + url, encoded=True)) as response:
                    await response.read()
                latencies.append((time.perf_counter() - started) * 1000)
                errors += response.status != 200

        started = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(concurrency)))
        return latencies, time.perf_counter() - started, errors


def targets(base: str, requests: int) -> dict[str, list[str]]:
    """URLs per endpoint, cycling over the most active actors (and pairs of them for paths)."""
    top = httpx.get(f"{base}/actors", params={"limit": 40}).json()["items"]
    ids = [quote(actor["id"], safe="") for actor in top]
    pairs = [(a, b) for a in ids[:10] for b in ids[10:20]]

    def cycle(items: list[Any]) -> Iterator[Any]:
        while True:
            yield from items

    actors, couples = cycle(ids), cycle(pairs)
    return {
        "/events?actor=": [f"/events?actor={next(actors)}&limit=50" for _ in range(requests)],
        "/actors/{id}/relations": [f"/actors/{next(actors)}/relations?limit=50" for _ in range(requests)],
        "/paths": ["/paths?from={}&to={}&max_hops=4".format(*next(couples)) for _ in range(requests)],
    }


def main(argv: list[str] | None = None) -> int:
    """Build the graph, serve the API, run the load, print the table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--requests", type=int, default=400, help="requests per endpoint and concurrency")
    parser.add_argument("--workers", type=int, default=1, help="API worker processes")
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--keep-graph", action="store_true", help="reuse the graph already in the database")
    args = parser.parse_args(argv)
    if not args.keep_graph:
        build_graph(args.articles)
    server = serve(args.port, args.workers)
    base = f"http://127.0.0.1:{args.port}"
    try:
        stats = httpx.get(f"{base}/stats").json()
        print(
            f"graph: {stats['articles']} articles, {stats['actors']} actors, {stats['places']} places, "
            f"{stats['events']} events, {stats['relationships']} relationships; API workers: {args.workers}"
        )
        urls = targets(base, args.requests)
        print(
            f"{'endpoint':<26}{'clients':>8}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}{'req/s':>9}{'errors':>8}"
        )
        for name, endpoint_urls in urls.items():
            asyncio.run(load(base, endpoint_urls, 16))  # one unmeasured pass, as bench.run_all does
            for concurrency in (1, 16):
                latencies, wall, errors = asyncio.run(load(base, endpoint_urls, concurrency))
                p50, p95, p99 = percentiles(latencies)
                print(
                    f"{name:<26}{concurrency:>8}{p50:>9.1f}{p95:>9.1f}{p99:>9.1f}"
                    f"{len(latencies) / wall:>9.0f}{errors:>8}"
                )
    finally:
        server.terminate()
        server.wait(timeout=20)
    return 0


if __name__ == "__main__":
    sys.exit(main())
