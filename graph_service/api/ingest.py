"""POST /articles: JSON records -> the same path as `ckg ingest` (sources -> Extractor -> GraphWriter)."""

from __future__ import annotations

import gc
import io
import json
import logging
import threading
from typing import Any

from neo4j import Driver

from graph_service.config import Settings
from graph_service.db import apply_schema
from graph_service.ingest import Prepared, write_all
from graph_service.records import Extraction
from graph_service.writer import GraphWriter

logger = logging.getLogger(__name__)

_ORIGIN = "request"


class ArticleIngester:
    """Extracts and writes posted articles; the spaCy pipeline loads on first use, once per process."""

    def __init__(self, driver: Driver, settings: Settings) -> None:
        self._driver = driver
        self._settings = settings
        self._lock = threading.Lock()
        self._extractor: Any = None
        self._schema_applied = False

    def _ready(self) -> Any:
        with self._lock:
            if not self._schema_applied:
                apply_schema(self._driver, self._settings.neo4j_database)
                self._schema_applied = True
            if self._extractor is None:
                from loaders.extract import Extractor

                self._extractor = Extractor(self._settings)
                # The spaCy pipeline stays for the process's life: keep full collections from walking it.
                gc.freeze()
            return self._extractor

    def ingest(self, records: list[dict[str, Any]]) -> dict[str, Any]:
        """Write each record (`text`, optional title/url/published/source); the outcome per article."""
        from loaders.sources import RawArticle, iter_articles

        # The JSON-list reader of `ckg ingest -`: same id, title and publication-date rules as files.
        payload = io.BytesIO(json.dumps(records, ensure_ascii=False).encode("utf-8"))
        items = list(iter_articles(["-"], stdin=payload))
        index_of = {f"<stdin>[{n}]": n for n in range(len(records))}
        outcome: list[dict[str, Any]] = [
            {"index": n, "id": None, "status": "failed", "reason": None} for n in range(len(records))
        ]
        raw = [item for item in items if isinstance(item, RawArticle)]
        for item in items:
            entry = outcome[index_of[item.origin]]
            if isinstance(item, RawArticle):
                entry["id"] = item.id
            else:
                entry["reason"] = item.reason
        writer = GraphWriter(self._driver, database=self._settings.neo4j_database)
        present = writer.present([item.id for item in raw])
        # Each new text once, by id: a repeat in the same request is skipped like one already in the graph.
        texts: dict[str, RawArticle] = {}
        for item in raw:
            if item.id in present or item.id in texts:
                outcome[index_of[item.origin]]["status"] = "skipped"
            else:
                texts[item.id] = item
        todo = list(texts.values())
        summary = None
        if todo:
            extractor = self._ready()

            def prepared() -> Any:
                for result in extractor.extract_many(todo):
                    if isinstance(result, Extraction):
                        source = texts[result.article.id]
                        yield Prepared(result, source.text, f"{_ORIGIN}[{index_of[source.origin]}]")
                    else:
                        yield result

            summary = write_all(prepared(), writer)
            failed = {failure.origin: failure.reason for failure in summary.failed}
            for item in todo:
                entry = outcome[index_of[item.origin]]
                label = f"{_ORIGIN}[{entry['index']}]"
                reason = failed.get(label, failed.get(item.origin))
                entry["status"] = "failed" if reason is not None else "new"
                entry["reason"] = reason
        counts = {
            status: sum(1 for e in outcome if e["status"] == status)
            for status in ("new", "skipped", "failed")
        }
        return {**counts, "events": summary.events if summary else 0, "articles": outcome}
