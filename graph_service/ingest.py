"""Ingest orchestration: source files -> extractor -> writer, with a progress bar and a summary."""

from __future__ import annotations

import logging
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from graph_service.config import DEFAULT_BATCH_SIZE
from graph_service.records import Extraction
from graph_service.writer import ArticleRows, GraphWriter, WriteResult, build_rows

if TYPE_CHECKING:
    from tqdm import tqdm

logger = logging.getLogger(__name__)


class Failed(Protocol):
    """An input that produced no extraction (the loaders' `SourceFailure`)."""

    origin: str
    reason: str


@dataclass(frozen=True)
class Prepared:
    """One extraction with the article text and the input it came from."""

    extraction: Extraction
    text: str | None = None
    origin: str | None = None


@dataclass
class Failure:
    """An article or input that was not written, and why."""

    origin: str
    reason: str


@dataclass
class IngestSummary:
    """Totals of one ingest run, with the time spent in Neo4j and in everything else."""

    new: int = 0
    skipped: int = 0
    failed: list[Failure] = field(default_factory=list)
    events: int = 0
    counters: dict[str, int] = field(default_factory=dict)
    wall_s: float = 0.0
    write_s: float = 0.0
    lookup_s: float = 0.0

    @property
    def articles(self) -> int:
        """Every article or input handled: new, skipped or failed."""
        return self.new + self.skipped + len(self.failed)

    def lines(self) -> list[str]:
        """The human summary printed by `ckg ingest`."""
        c = self.counters
        rate = self.articles / self.wall_s if self.wall_s else 0.0
        lines = [
            f"articles: {self.new} new, {self.skipped} skipped, {len(self.failed)} failed",
            f"events written: {self.events}",
            f"graph: +{c.get('nodes_created', 0)} nodes, +{c.get('relationships_created', 0)} relationships, "
            f"-{c.get('nodes_deleted', 0)} nodes, -{c.get('relationships_deleted', 0)} relationships",
            f"time: {self.wall_s:.1f} s ({rate:.1f} articles/s), Neo4j writes {self.write_s:.1f} s, "
            f"look-ups {self.lookup_s:.1f} s",
        ]
        lines += [f"failed: {failure.origin}: {failure.reason}" for failure in self.failed]
        return lines


class _Run:
    """State of one run: batches rows, writes them, and keeps the summary and the progress bar current."""

    def __init__(self, writer: GraphWriter, batch_size: int, progress: tqdm | None) -> None:
        self.writer = writer
        self.batch_size = max(1, batch_size)
        self.progress = progress
        self.summary = IngestSummary()
        self._batch: list[ArticleRows] = []
        self._origins: dict[str, str] = {}

    def tick(self, articles: int = 1) -> None:
        if self.progress is not None and articles:
            self.progress.update(articles)
            self.progress.set_postfix(events=self.summary.events, refresh=False)

    def fail(self, origin: str, reason: str) -> None:
        self.summary.failed.append(Failure(origin, reason))
        self.tick()

    def add(self, item: Prepared) -> None:
        rows = build_rows(item.extraction, item.text, item.origin)
        self._origins[rows.article_id] = item.origin or rows.article_id
        self._batch.append(rows)
        if len(self._batch) >= self.batch_size:
            self.flush()

    def flush(self) -> None:
        if not self._batch:
            return
        batch, self._batch = self._batch, []
        started = time.perf_counter()
        result = self.writer.write(batch)
        self.summary.write_s += time.perf_counter() - started
        self._record(result)
        self._origins.clear()

    def _record(self, result: WriteResult) -> None:
        summary = self.summary
        summary.new += len(result.written)
        summary.skipped += len(result.skipped)
        summary.events += result.events
        for name, value in result.counters.items():
            summary.counters[name] = summary.counters.get(name, 0) + value
        for article_id, reason in result.failed:
            summary.failed.append(Failure(self._origins.get(article_id, article_id), reason))
        self.tick(len(result.written) + len(result.skipped) + len(result.failed))


def write_all(
    items: Iterable[Prepared | Failed],
    writer: GraphWriter,
    *,
    batch_size: int = DEFAULT_BATCH_SIZE,
    progress: tqdm | None = None,
) -> IngestSummary:
    """Write prepared extractions in batches; inputs that failed upstream are only counted."""
    run = _Run(writer, batch_size, progress)
    started = time.perf_counter()
    for item in items:
        if isinstance(item, Prepared):
            run.add(item)
        else:
            run.fail(item.origin, item.reason)
    run.flush()
    run.summary.wall_s = time.perf_counter() - started
    return run.summary


def _chunks(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    chunk: list[Any] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def ingest_paths(
    paths: Sequence[str | Path],
    writer: GraphWriter,
    extractor: Any,
    *,
    workers: int = 1,
    batch_size: int = DEFAULT_BATCH_SIZE,
    text_field: str = "text",
    progress: tqdm | None = None,
) -> IngestSummary:
    """Read, extract and write every article under `paths`; articles already in the graph skip extraction
    unless the writer forces rewrites."""
    from loaders.sources import RawArticle, iter_articles

    texts: dict[str, tuple[str, str]] = {}
    skipped = 0
    lookup_s = 0.0

    def unseen() -> Iterator[Any]:
        nonlocal skipped, lookup_s
        for chunk in _chunks(iter_articles([str(path) for path in paths], text_field=text_field), batch_size):
            ids = [item.id for item in chunk if isinstance(item, RawArticle)]
            started = time.perf_counter()
            present = set() if writer.force else writer.present(ids)
            lookup_s += time.perf_counter() - started
            for item in chunk:
                if isinstance(item, RawArticle):
                    if item.id in present:
                        skipped += 1
                        if progress is not None:
                            progress.update(1)
                        continue
                    texts[item.id] = (item.text, item.origin)
                yield item

    def prepared() -> Iterator[Prepared | Failed]:
        for item in extractor.extract_many(unseen(), workers=workers):
            if isinstance(item, Extraction):
                text, origin = texts.pop(item.article.id, (None, None))
                if text is None:
                    logger.debug("no source text kept for article %s", item.article.id)
                yield Prepared(item, text, origin)
            else:
                yield item

    summary = write_all(prepared(), writer, batch_size=batch_size, progress=progress)
    summary.skipped += skipped
    summary.lookup_s = lookup_s
    return summary
