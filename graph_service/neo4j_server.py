"""A local Neo4j Community server run from Maven Central jars on Java 17: jars, conf, start, stop, status."""

from __future__ import annotations

import contextlib
import errno
import hashlib
import logging
import os
import re
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from collections import deque
from dataclasses import dataclass
from pathlib import Path

from graph_service.config import PROJECT_ROOT, Settings
from graph_service.errors import (
    AuthenticationFailed,
    ConfigurationError,
    DatabaseUnavailable,
    Neo4jServerError,
)

logger = logging.getLogger(__name__)

POM = PROJECT_ROOT / "neo4j-server" / "pom.xml"
ENTRY_POINT = "org.neo4j.server.CommunityEntryPoint"
ADMIN_TOOL = "org.neo4j.cli.AdminTool"
HOST = "127.0.0.1"
MIN_PASSWORD_LENGTH = 8
MIN_JAVA = 17
START_TIMEOUT_S = 120.0
STOP_TIMEOUT_S = 60.0
MAVEN_TIMEOUT_S = 900.0

# The JVM options of the 5.x distribution's neo4j.conf (server.jvm.additional), which only bin/neo4j reads.
JVM_OPTIONS = (
    "-XX:+UseG1GC",
    "-XX:-OmitStackTraceInFastThrow",
    "-XX:+UnlockExperimentalVMOptions",
    "-XX:+TrustFinalNonStaticFields",
    "-XX:+DisableExplicitGC",
    "-Djdk.nio.maxCachedBufferSize=1024",
    "-Dio.netty.tryReflectionSetAccessible=true",
    "-Dfile.encoding=UTF-8",
    "-Dlog4j2.disable.jmx=true",
    "--add-opens=java.base/java.nio=ALL-UNNAMED",
    "--add-opens=java.base/java.io=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
    "--enable-native-access=ALL-UNNAMED",
)
EXIT_CODES = {1: "the web server failed", 2: "the database failed", 3: "invalid configuration"}
_MEMORY = re.compile(r"^[1-9][0-9]*[kmg]$", re.IGNORECASE)


@dataclass(frozen=True)
class Layout:
    """Where a local server keeps its conf, data, logs and pid file."""

    home: Path

    @property
    def conf_dir(self) -> Path:
        """Directory of `neo4j.conf`."""
        return self.home / "conf"

    @property
    def conf_file(self) -> Path:
        """The generated `neo4j.conf`."""
        return self.conf_dir / "neo4j.conf"

    @property
    def data_dir(self) -> Path:
        """Databases and `dbms/auth.ini`."""
        return self.home / "data"

    @property
    def logs_dir(self) -> Path:
        """neo4j.log, debug.log and the JVM's console output."""
        return self.home / "logs"

    @property
    def run_dir(self) -> Path:
        """The pid file and the JVM argument file."""
        return self.home / "run"

    @property
    def plugins_dir(self) -> Path:
        """Plugin jars (none by default)."""
        return self.home / "plugins"

    @property
    def pid_file(self) -> Path:
        """Pid of the running server."""
        return self.run_dir / "neo4j.pid"

    @property
    def classpath_args(self) -> Path:
        """JVM argument file holding `-cp ...`, so the command line stays readable in `ps`."""
        return self.run_dir / "classpath.args"

    @property
    def neo4j_log(self) -> Path:
        """The user log (`Started.`, errors)."""
        return self.logs_dir / "neo4j.log"

    @property
    def console_log(self) -> Path:
        """The JVM's stdout and stderr (crashes before logging starts land here)."""
        return self.logs_dir / "console.log"

    @property
    def system_db_dir(self) -> Path:
        """Exists once the server has started at least once; then the initial password is fixed."""
        return self.data_dir / "databases" / "system"

    def writable_dirs(self) -> tuple[Path, ...]:
        """Every directory the server writes to."""
        return (self.conf_dir, self.data_dir, self.logs_dir, self.run_dir, self.plugins_dir)


@dataclass(frozen=True)
class StartResult:
    """What `start` did: whether a server was already running, its pid, and seconds until ready."""

    pid: int
    already_running: bool
    seconds: float


@dataclass(frozen=True)
class Status:
    """Whether the local server runs (pid alive) and whether its Bolt port accepts connections."""

    pid: int | None
    bolt_open: bool

    @property
    def running(self) -> bool:
        """True when the process is alive and Bolt accepts connections."""
        return self.pid is not None and self.bolt_open


def layout(settings: Settings) -> Layout:
    """The directory layout under `settings.neo4j_home_dir`."""
    return Layout(settings.neo4j_home_dir)


def bolt_uri(settings: Settings) -> str:
    """The Bolt URI of the local server."""
    return f"bolt://{HOST}:{settings.neo4j_bolt_port}"


def browser_url(settings: Settings) -> str:
    """The URL of Neo4j Browser on the local server."""
    return f"http://{HOST}:{settings.neo4j_http_port}/browser/"


def checked_password(settings: Settings) -> str:
    """The configured password, or a `ConfigurationError` if Neo4j would refuse it."""
    password = settings.neo4j_password.get_secret_value()
    if not password:
        raise ConfigurationError("NEO4J_PASSWORD is empty; set it in .env (`make env` writes a random one)")
    if password == "neo4j":
        raise ConfigurationError("NEO4J_PASSWORD must not be the default 'neo4j'; choose another in .env")
    if len(password) < MIN_PASSWORD_LENGTH:
        raise ConfigurationError(f"NEO4J_PASSWORD must have at least {MIN_PASSWORD_LENGTH} characters")
    return password


def checked_memory(value: str, name: str) -> str:
    """A Neo4j/JVM memory size such as `512m` or `4g`, or a `ConfigurationError` naming the setting."""
    value = value.strip()
    if not _MEMORY.match(value):
        raise ConfigurationError(f"{name}={value!r} is not a memory size like 512m or 4g")
    return value.lower()


def render_conf(settings: Settings, where: Layout) -> str:
    """The full `neo4j.conf` for the local server: loopback only, auth on, https off, no usage report."""
    heap = checked_memory(settings.neo4j_heap, "NEO4J_HEAP")
    pagecache = checked_memory(settings.neo4j_pagecache, "NEO4J_PAGECACHE")
    lines = [
        "# Written by `ckg neo4j start` on every start: change settings (.env / environment) instead.",
        f"server.default_listen_address={HOST}",
        f"server.default_advertised_address={HOST}",
        f"server.bolt.listen_address=:{settings.neo4j_bolt_port}",
        f"server.bolt.advertised_address=:{settings.neo4j_bolt_port}",
        f"server.http.listen_address=:{settings.neo4j_http_port}",
        f"server.http.advertised_address=:{settings.neo4j_http_port}",
        "server.https.enabled=false",
        "dbms.security.auth_enabled=true",
        f"initial.dbms.default_database={settings.neo4j_database}",
        f"server.directories.data={where.data_dir}",
        f"server.directories.logs={where.logs_dir}",
        f"server.directories.run={where.run_dir}",
        f"server.directories.plugins={where.plugins_dir}",
        f"server.memory.heap.initial_size={heap}",
        f"server.memory.heap.max_size={heap}",
        f"server.memory.pagecache.size={pagecache}",
        "dbms.usage_report.enabled=false",
        # Without these the Bolt server idles 2 x 5 s on shutdown; with them `stop` takes under a second.
        "internal.dbms.bolt.netty_server_shutdown_quiet_period=0",
        "internal.dbms.bolt.netty_server_shutdown_timeout=1s",
        "internal.server.bolt.thread_pool_shutdown_wait_time=1s",
    ]
    return "\n".join(lines) + "\n"


def server_command(java: str, settings: Settings, where: Layout) -> list[str]:
    """The `java` command line that runs the server in daemon mode (logs to files, not the console)."""
    heap = checked_memory(settings.neo4j_heap, "NEO4J_HEAP")
    return [
        java,
        f"-Xms{heap}",
        f"-Xmx{heap}",
        *JVM_OPTIONS,
        f"@{where.classpath_args}",
        ENTRY_POINT,
        f"--home-dir={where.home}",
        f"--config-dir={where.conf_dir}",
    ]


def argfile_quote(value: str) -> str:
    """`value` as one quoted token of a JVM or picocli @argument file."""
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def find_java() -> str:
    """The `java` on PATH, checked to be Java 17 or newer."""
    java = shutil.which("java")
    if java is None:
        raise Neo4jServerError(
            "Java not found on PATH; Neo4j 5.26 needs Java 17 or 21 (apt-get install openjdk-17-jre-headless)"
        )
    result = subprocess.run([java, "-version"], capture_output=True, text=True, check=False)
    major = java_major_version(result.stderr + result.stdout)
    if major is None or major < MIN_JAVA:
        found = (result.stderr or result.stdout).strip().splitlines()[:1]
        raise Neo4jServerError(f"Neo4j 5.26 needs Java 17 or 21, found {found[0] if found else 'unknown'}")
    return java


def java_major_version(version_output: str) -> int | None:
    """The major version from `java -version` output (`1.8.0` -> 8, `17.0.15` -> 17)."""
    match = re.search(r'version "(\d+)(?:\.(\d+))?', version_output)
    if match is None:
        return None
    major = int(match.group(1))
    return int(match.group(2) or 0) if major == 1 else major


def _classpath_cache(settings: Settings) -> Path:
    """The cached classpath for this Neo4j version and pom (a pom edit invalidates it)."""
    pom_hash = hashlib.sha256(POM.read_bytes()).hexdigest()[:12]
    return settings.ckg_data_dir / "neo4j-jars" / f"neo4j-{settings.neo4j_version}-{pom_hash}.classpath"


def resolve_classpath(settings: Settings) -> list[Path]:
    """The server's jars in the local Maven repository, resolved by `mvn` (offline first) and cached."""
    cache = _classpath_cache(settings)
    if cache.exists():
        jars = [Path(entry) for entry in cache.read_text(encoding="utf-8").strip().split(os.pathsep)]
        if jars and all(jar.is_file() for jar in jars):
            return jars
    mvn = shutil.which("mvn")
    if mvn is None:
        raise Neo4jServerError(
            "Maven (mvn) not found on PATH; it fetches the Neo4j jars from Maven Central "
            "(apt-get install maven)"
        )
    cache.parent.mkdir(parents=True, exist_ok=True)
    output = cache.with_suffix(".tmp")
    command = [
        mvn,
        "-B",
        "-q",
        "-f",
        str(POM),
        f"-Dneo4j.version={settings.neo4j_version}",
        "dependency:build-classpath",
        "-DincludeScope=runtime",
        f"-Dmdep.outputFile={output}",
    ]
    result = None
    for offline in (True, False):
        logger.info("resolving Neo4j %s jars with Maven%s", settings.neo4j_version, " (offline)" * offline)
        result = subprocess.run(
            [*command[:1], *(["-o"] if offline else []), *command[1:]],
            capture_output=True,
            text=True,
            check=False,
            timeout=MAVEN_TIMEOUT_S,
        )
        if result.returncode == 0:
            break
    assert result is not None
    if result.returncode != 0:
        raise Neo4jServerError(
            f"Maven could not resolve Neo4j {settings.neo4j_version} ({POM}):\n"
            + _tail_text(result.stdout, 15)
        )
    output.replace(cache)
    return resolve_classpath(settings)


def jars_size(jars: list[Path]) -> int:
    """Total size in bytes of the given jars."""
    return sum(jar.stat().st_size for jar in jars)


def free_port(host: str = HOST) -> int:
    """A TCP port on the loopback that nothing listens on right now (for throwaway servers)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((host, 0))
        return int(probe.getsockname()[1])


def port_in_use(port: int, host: str = HOST) -> bool:
    """True when something already listens on (or holds) `host:port`."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError as error:
            if error.errno == errno.EADDRINUSE:
                return True
            raise
    return False


def port_open(port: int, host: str = HOST, timeout_s: float = 1.0) -> bool:
    """True when a TCP connection to `host:port` succeeds."""
    try:
        with socket.create_connection((host, port), timeout=timeout_s):
            return True
    except OSError:
        return False


def _tail_text(text: str, lines: int) -> str:
    """The last `lines` lines of `text`."""
    return "\n".join(text.strip().splitlines()[-lines:])


def tail_file(path: Path, lines: int) -> str:
    """The last `lines` lines of a text file ('' when it does not exist)."""
    if not path.exists():
        return ""
    with path.open(encoding="utf-8", errors="replace") as handle:
        return "".join(deque(handle, maxlen=lines))


def _process_alive(pid: int) -> bool:
    """True while any thread of `pid` runs (an unreaped zombie counts as gone)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    # A JVM's main thread shows as a zombie while its other threads keep serving, so look at every thread.
    try:
        states = [
            (task / "stat").read_text().rsplit(")", 1)[1].split()[0]
            for task in Path(f"/proc/{pid}/task").iterdir()
        ]
    except (OSError, IndexError):
        return True
    return any(state != "Z" for state in states)


def _is_our_server(pid: int, where: Layout) -> bool:
    """True when `pid` is a Neo4j server for this home (guards against a recycled pid)."""
    cmdline = Path(f"/proc/{pid}/cmdline")
    try:
        arguments = cmdline.read_bytes().split(b"\0")
    except OSError:
        return _process_alive(pid)
    return ENTRY_POINT.encode() in arguments and f"--home-dir={where.home}".encode() in arguments


class Neo4jServer:
    """Start, stop and inspect the local Neo4j server described by `settings`."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.layout = layout(settings)

    def pid(self) -> int | None:
        """The pid of the running server of this home, or None (a stale pid file is removed)."""
        try:
            pid = int(self.layout.pid_file.read_text().strip())
        except (OSError, ValueError):
            return None
        if _process_alive(pid) and _is_our_server(pid, self.layout):
            return pid
        self.layout.pid_file.unlink(missing_ok=True)
        return None

    def status(self) -> Status:
        """Whether the server process is alive and its Bolt port open."""
        pid = self.pid()
        return Status(pid=pid, bolt_open=pid is not None and port_open(self.settings.neo4j_bolt_port))

    def log_tail(self, lines: int = 40) -> str:
        """The last lines of `neo4j.log`, or of the console log when the server never got that far."""
        return tail_file(self.layout.neo4j_log, lines) or tail_file(self.layout.console_log, lines)

    def prepare(self) -> list[Path]:
        """Check settings and tools, resolve the jars, write conf and the classpath file; returns the jars."""
        checked_password(self.settings)
        conf = render_conf(self.settings, self.layout)
        jars = resolve_classpath(self.settings)
        for directory in self.layout.writable_dirs():
            directory.mkdir(parents=True, exist_ok=True)
        self.layout.conf_file.write_text(conf, encoding="utf-8")
        classpath = os.pathsep.join(str(jar) for jar in jars)
        self.layout.classpath_args.write_text(f"-cp {argfile_quote(classpath)}\n", encoding="utf-8")
        return jars

    def start(self, timeout_s: float = START_TIMEOUT_S) -> StartResult:
        """Start the server in the background and wait until Bolt answers with the configured password."""
        running = self.pid()
        if running is not None:
            return StartResult(pid=running, already_running=True, seconds=0.0)
        password = checked_password(self.settings)
        for name, port in (
            ("NEO4J_BOLT_PORT", self.settings.neo4j_bolt_port),
            ("NEO4J_HTTP_PORT", self.settings.neo4j_http_port),
        ):
            if port_in_use(port):
                raise Neo4jServerError(
                    f"port {port} ({name}) on {HOST} is already in use by another process; "
                    f"stop it or set {name} to a free port"
                )
        java = find_java()
        self.prepare()
        started = time.monotonic()
        if not self.layout.system_db_dir.exists():
            self._set_initial_password(java, password)
        process = self._spawn(java)
        try:
            self._wait_ready(process, timeout_s)
        except BaseException:
            self._terminate(process.pid, STOP_TIMEOUT_S)
            self.layout.pid_file.unlink(missing_ok=True)
            raise
        return StartResult(pid=process.pid, already_running=False, seconds=time.monotonic() - started)

    def _set_initial_password(self, java: str, password: str) -> None:
        """Write `data/dbms/auth.ini` before the first start; the password goes through a 0600 file."""
        home, conf = str(self.layout.home), str(self.layout.conf_dir)
        environment = {**os.environ, "NEO4J_HOME": home, "NEO4J_CONF": conf}
        with tempfile.NamedTemporaryFile("w", dir=self.layout.run_dir, suffix=".args") as secret:
            secret.write(argfile_quote(password) + "\n")
            secret.flush()
            result = subprocess.run(
                [
                    java,
                    f"@{self.layout.classpath_args}",
                    ADMIN_TOOL,
                    "dbms",
                    "set-initial-password",
                    f"@{secret.name}",
                ],
                env=environment,
                capture_output=True,
                text=True,
                check=False,
                timeout=STOP_TIMEOUT_S,
            )
        if result.returncode != 0:
            raise Neo4jServerError(
                f"setting the initial password failed:\n{_tail_text(result.stderr + result.stdout, 10)}"
            )

    def _spawn(self, java: str) -> subprocess.Popen[bytes]:
        """Launch the JVM detached from this process (own session), output to `logs/console.log`."""
        command = server_command(java, self.settings, self.layout)
        logger.info("starting Neo4j: %s", " ".join(command))
        with self.layout.console_log.open("wb") as console:
            process = subprocess.Popen(
                command,
                cwd=self.layout.home,
                stdin=subprocess.DEVNULL,
                stdout=console,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        self.layout.pid_file.write_text(f"{process.pid}\n", encoding="utf-8")
        return process

    def _wait_ready(self, process: subprocess.Popen[bytes], timeout_s: float) -> None:
        """Wait for `RETURN 1` over Bolt; fail fast with the log tail if the JVM exits."""
        from graph_service import db

        def check_alive() -> None:
            code = process.poll()
            if code is not None:
                reason = EXIT_CODES.get(code, "see the log")
                raise Neo4jServerError(
                    f"Neo4j exited with code {code} ({reason}) while starting; "
                    f"last lines of {self.layout.logs_dir}:\n{self.log_tail(20)}"
                )

        local = self.settings.model_copy(update={"neo4j_uri": bolt_uri(self.settings)})
        with db.create_driver(local) as driver:
            try:
                db.wait_until_ready(
                    driver, self.settings.neo4j_database, timeout_s=timeout_s, check=check_alive
                )
            except AuthenticationFailed as error:
                raise AuthenticationFailed(
                    f"the server in {self.layout.data_dir} was initialised with another password than "
                    f"NEO4J_PASSWORD; use that password, or stop and delete {self.layout.data_dir} "
                    "to start over (this deletes the graph)"
                ) from error
            except DatabaseUnavailable as error:
                raise Neo4jServerError(
                    f"Neo4j did not answer within {timeout_s:.0f} s; last lines of "
                    f"{self.layout.neo4j_log}:\n{self.log_tail(20)}"
                ) from error

    def stop(self, timeout_s: float = STOP_TIMEOUT_S) -> int | None:
        """Stop the server (SIGTERM, wait, then SIGKILL); returns the pid stopped, or None if none ran."""
        pid = self.pid()
        if pid is None:
            return None
        self._terminate(pid, timeout_s)
        self.layout.pid_file.unlink(missing_ok=True)
        return pid

    @staticmethod
    def _terminate(pid: int, timeout_s: float) -> None:
        """SIGTERM, then SIGKILL if the process outlives `timeout_s`; reaps it when it is our child."""
        for sig, wait_s in ((signal.SIGTERM, timeout_s), (signal.SIGKILL, 10.0)):
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, sig)
            deadline = time.monotonic() + wait_s
            while time.monotonic() < deadline:
                with contextlib.suppress(ChildProcessError):
                    os.waitpid(pid, os.WNOHANG)
                if not _process_alive(pid):
                    return
                time.sleep(0.1)
            if sig == signal.SIGTERM:
                logger.warning("Neo4j (pid %d) ignored SIGTERM for %.0f s; killing it", pid, timeout_s)
        raise Neo4jServerError(f"Neo4j (pid {pid}) did not exit even after SIGKILL")
