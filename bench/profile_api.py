"""Where the API's time goes under load: py-spy samples `ckg serve` while 16 clients hit one endpoint.

    .venv/bin/python -m bench.profile_api [--articles 1000] [--seconds 20] [--endpoint /events?actor=]

Ingests a replicated corpus into a throwaway server, serves the API on a free port, drives the endpoint,
and prints py-spy's top functions (by own time and by total time) of the API process.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench import bench_api
from bench.run_all import ingest
from bench.server import free_port, pointed_at, throwaway_server


def cpu_seconds(pid: int) -> float:
    """User + system CPU seconds the process has used so far."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def top(profile: Path, rows: int) -> list[str]:
    """The heaviest frames of a py-spy raw (collapsed) profile, by own samples and by inclusive samples."""
    own: dict[str, int] = {}
    total: dict[str, int] = {}
    samples = 0
    for line in profile.read_text().splitlines():
        stack, _, count = line.rpartition(" ")
        frames = stack.split(";")
        n = int(count)
        samples += n
        own[frames[-1]] = own.get(frames[-1], 0) + n
        for frame in set(frames):
            total[frame] = total.get(frame, 0) + n
    lines = [f"{samples} samples"]
    for title, table in (("own", own), ("total", total)):
        lines.append(f"-- by {title} time")
        for frame, n in sorted(table.items(), key=lambda item: -item[1])[:rows]:
            lines.append(f"{n / samples:6.1%}  {frame}")
    return lines


def main(argv: list[str] | None = None) -> int:
    """Build the graph, serve it, load one endpoint under py-spy, print the profile."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--seconds", type=int, default=20)
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--endpoint", default="/events?actor=")
    parser.add_argument("--rows", type=int, default=25)
    args = parser.parse_args(argv)
    with (
        tempfile.TemporaryDirectory() as tmp,
        throwaway_server() as (settings, neo4j_pid),
        pointed_at(settings),
    ):
        ingest(args.articles, Path(tmp))
        port = free_port()
        server = bench_api.serve(port, workers=1)
        base = f"http://127.0.0.1:{port}"
        profile = Path(tmp) / "api.txt"
        try:
            urls = bench_api.targets(base, 20000)[args.endpoint]
            asyncio.run(bench_api.load(base, urls[:50], 4))
            spy = subprocess.Popen(
                [Path(sys.executable).parent / "py-spy", "record", "--pid", str(server.pid), "-f", "raw",
                 "--duration", str(args.seconds), "--rate", "200", "--gil", "--output", str(profile)],
                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            )  # fmt: skip
            before = {name: cpu_seconds(pid) for name, pid in (("API", server.pid), ("Neo4j", neo4j_pid))}
            client_before, requests = time.process_time(), 0
            while spy.poll() is None:
                requests += len(asyncio.run(bench_api.load(base, urls[:400], args.clients))[0])
            cpu = {
                name: cpu_seconds(pid) - before[name]
                for name, pid in (("API", server.pid), ("Neo4j", neo4j_pid))
            }
            cpu["load client"] = time.process_time() - client_before
        finally:
            server.terminate()
            server.wait(timeout=20)
        print(
            f"{requests} requests; CPU ms per request: "
            + ", ".join(f"{name} {1000 * seconds / requests:.2f}" for name, seconds in cpu.items())
        )
        print("py-spy, GIL-holding samples only:")
        print("\n".join(top(profile, args.rows)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
