"""The machine a benchmark ran on: cores, memory, CPU, Python, Java, Neo4j, date and load."""

from __future__ import annotations

import datetime as dt
import os
import platform
import subprocess
from pathlib import Path


def _first(path: str, prefix: str) -> str:
    for line in Path(path).read_text().splitlines():
        if line.startswith(prefix):
            return line.split(":", 1)[1].strip()
    return "unknown"


def java_version() -> str:
    """First line of `java -version`."""
    try:
        result = subprocess.run(["java", "-version"], capture_output=True, text=True, check=False)
    except OSError:
        return "not found"
    return (result.stderr or result.stdout).strip().splitlines()[0]


def describe(neo4j_version: str) -> list[tuple[str, str]]:
    """(what, value) pairs describing this machine now."""
    mem_kb = int(_first("/proc/meminfo", "MemTotal").split()[0])
    load = ", ".join(f"{value:.2f}" for value in os.getloadavg())
    return [
        ("date", dt.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z")),
        ("nproc", str(os.cpu_count())),
        ("memory", f"{mem_kb / 1024 / 1024:.1f} GiB"),
        ("CPU", _first("/proc/cpuinfo", "model name")),
        ("Python", platform.python_version()),
        ("Java", java_version()),
        ("Neo4j", f"{neo4j_version} Community (heap and page cache as set by the benchmark)"),
        ("load average at start (1, 5, 15 min)", load),
    ]
