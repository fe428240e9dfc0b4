"""Peak resident memory (VmHWM from /proc) of a process and of every process it starts while sampled."""

from __future__ import annotations

import threading
from pathlib import Path

PROC = Path("/proc")


def peak_rss_mb(pid: int) -> float | None:
    """The process's peak resident set size in MB so far (VmHWM), or None once it has gone."""
    try:
        for line in (PROC / str(pid) / "status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def children(pid: int) -> list[int]:
    """Direct children of `pid` (every thread's list)."""
    found: list[int] = []
    try:
        for task in (PROC / str(pid) / "task").iterdir():
            found += [int(child) for child in (task / "children").read_text().split()]
    except OSError:
        pass
    return found


class TreeSampler:
    """Samples a process tree every `interval_s` in a thread; `peaks` maps pid -> peak RSS (MB)."""

    def __init__(self, root: int, interval_s: float = 0.25) -> None:
        self.root = root
        self.interval_s = interval_s
        self.peaks: dict[int, float] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, daemon=True)

    def __enter__(self) -> TreeSampler:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def sample(self) -> None:
        """Record the current peak of every process in the tree."""
        pending = [self.root]
        while pending:
            pid = pending.pop()
            peak = peak_rss_mb(pid)
            if peak is not None:
                self.peaks[pid] = max(peak, self.peaks.get(pid, 0.0))
            pending += children(pid)

    def _loop(self) -> None:
        while not self._stop.is_set():
            self.sample()
            self._stop.wait(self.interval_s)

    def root_mb(self) -> float:
        """Peak of the root process."""
        return self.peaks.get(self.root, 0.0)

    def others_mb(self) -> list[float]:
        """Peaks of the processes under the root, largest first."""
        return sorted((mb for pid, mb in self.peaks.items() if pid != self.root), reverse=True)
