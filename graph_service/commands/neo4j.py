"""`ckg neo4j start|stop|status|logs|jars`: the local Neo4j Community server (no Docker)."""

from __future__ import annotations

import argparse
import time
from typing import Any

NOT_RUNNING = 3  # LSB "program is not running", so scripts can tell "down" from "error" (2)


def register(subparsers: Any) -> None:
    """Add the `neo4j` sub-command and its actions."""
    parser = subparsers.add_parser("neo4j", help="run the local Neo4j server (Maven Central jars, Java 17)")
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    start = actions.add_parser("start", help="start in the background and wait until Bolt answers")
    start.add_argument("--timeout", type=float, default=120.0, help="seconds to wait for Bolt (default 120)")
    actions.add_parser("stop", help="stop the server (SIGTERM, then SIGKILL after 60 s)")
    actions.add_parser("status", help=f"exit 0 when running and Bolt is open, {NOT_RUNNING} when down")
    logs = actions.add_parser("logs", help="print the end of neo4j.log")
    logs.add_argument("-n", "--lines", type=int, default=40, help="how many lines (default 40)")
    logs.add_argument("-f", "--follow", action="store_true", help="keep printing new lines (Ctrl-C stops)")
    actions.add_parser("jars", help="resolve the server's jars with Maven into ~/.m2 and cache the classpath")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Carry out one `ckg neo4j` action."""
    from graph_service import neo4j_server
    from graph_service.config import get_settings

    settings = get_settings()
    server = neo4j_server.Neo4jServer(settings)
    if args.action == "start":
        result = server.start(timeout_s=args.timeout)
        if result.already_running:
            print(f"Neo4j is already running (pid {result.pid}); not starting a second server")
        else:
            print(f"Neo4j started (pid {result.pid}) in {result.seconds:.1f} s")
        print(f"Bolt:    {neo4j_server.bolt_uri(settings)}")
        print(f"Browser: {neo4j_server.browser_url(settings)}")
        return 0
    if args.action == "stop":
        pid = server.stop()
        print("Neo4j is not running" if pid is None else f"Neo4j stopped (pid {pid})")
        return 0
    if args.action == "status":
        status = server.status()
        if status.running:
            print(f"Neo4j is running (pid {status.pid}) at {neo4j_server.bolt_uri(settings)}")
            return 0
        if status.pid is not None:
            print(f"Neo4j process {status.pid} is alive but Bolt port {settings.neo4j_bolt_port} is closed")
        else:
            print(f"Neo4j is not running (home {server.layout.home})")
        return NOT_RUNNING
    if args.action == "logs":
        return _logs(server.layout.neo4j_log, args.lines, args.follow)
    jars = neo4j_server.resolve_classpath(settings)
    size_mb = neo4j_server.jars_size(jars) / 1e6
    print(f"Neo4j {settings.neo4j_version}: {len(jars)} jars, {size_mb:.0f} MB in the local Maven repository")
    return 0


def _logs(path: Any, lines: int, follow: bool) -> int:
    """Print the last lines of `path`, then (with `follow`) whatever is appended to it."""
    from graph_service.neo4j_server import tail_file

    if not path.exists():
        print(f"no log yet at {path}")
        return 1
    print(tail_file(path, lines), end="")
    if not follow:
        return 0
    with path.open(encoding="utf-8", errors="replace") as handle:
        handle.seek(0, 2)
        while True:
            line = handle.readline()
            if line:
                print(line, end="", flush=True)
            else:
                time.sleep(0.5)
