"""Extraction benchmark: `ckg extract` vs bare spaCy on the same corpus, plus strike/casualty recall.

Prints one table row per figure. Usage:
    .venv/bin/python bench/bench_extract.py [--articles N] [--workers 1 2] [--corpus DIR]
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

import spacy

from graph_service.config import get_settings
from loaders.extract import Extractor, prepare_text
from loaders.normalize import article_id
from loaders.sources import RawArticle

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
TYPES = {"attack": "strike", "casualty_killed": "casualty", "casualty_wounded": "casualty"}


def load_corpus(corpus: Path, articles: int) -> list[RawArticle]:
    """Every corpus record (WikiEvents by `text_spaced`), replicated with new ids up to `articles`."""
    texts = []
    for path in sorted(corpus.glob("*.jsonl")):
        for line in path.read_text().splitlines():
            record = json.loads(line)
            texts.append(record.get("text_spaced") or record["text"])
    out = []
    for i in range(articles):
        text = texts[i % len(texts)]
        if i >= len(texts):
            text = f"{text}\n(copy {i // len(texts)})"
        out.append(RawArticle(article_id(text), text, None, None, None, "bench", f"bench:{i}"))
    return out


def bare_spacy(articles: list[RawArticle], workers: int) -> float:
    """Seconds for the plain model's nlp.pipe over the same texts (same masking, so the same input)."""
    nlp = spacy.load(get_settings().spacy_model)
    texts = [prepare_text(a.text) for a in articles]
    start = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=16, n_process=workers):
        pass
    return time.perf_counter() - start


def ours(articles: list[RawArticle], workers: int) -> tuple[float, list]:
    """Seconds for the full extraction, and its records."""
    extractor = Extractor()
    start = time.perf_counter()
    results = list(extractor.extract_many(articles, workers=workers))
    return time.perf_counter() - start, results


def wikievents_recall(extractor: Extractor, corpus: Path) -> dict[str, tuple[int, int]]:
    """Share of WikiEvents attack / die / injure triggers inside a predicted event of that type's evidence."""
    found: dict[str, list[int]] = {"strike": [0, 0], "casualty": [0, 0]}
    for line in (corpus / "wikievents_conflict.jsonl").read_text().splitlines():
        record = json.loads(line)
        text = record["text_spaced"]
        extraction = extractor.extract(
            RawArticle(article_id(text), text, None, None, None, None, "wikievents")
        )
        for gold in record["events"]:
            kind = TYPES.get(gold.get("project_type") or "")
            if kind is None:
                continue
            found[kind][1] += 1
            found[kind][0] += any(
                e.type == kind and e.evidence.start <= gold["trigger_start"] < e.evidence.end
                for e in extraction.events
            )
    return {k: (v[0], v[1]) for k, v in found.items()}


def main() -> None:
    """Run the benchmark and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=500)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    args = parser.parse_args()
    articles = load_corpus(args.corpus, args.articles)
    tokens = sum(len(prepare_text(a.text).split()) for a in articles)
    print("| measure | workers | articles | seconds | articles/s | tokens/s | ratio to bare spaCy |")
    print("|---|---|---|---|---|---|---|")
    for workers in args.workers:
        bare = bare_spacy(articles, workers)
        full, results = ours(articles, workers)
        failed = sum(1 for r in results if not hasattr(r, "events"))
        for name, seconds in (("bare nlp.pipe", bare), (f"ckg extract ({failed} failed)", full)):
            print(
                f"| {name} | {workers} | {len(articles)} | {seconds:.1f} | {len(articles) / seconds:.1f} "
                f"| {tokens / seconds:,.0f} | {bare / seconds:.2f} |"
            )
    recall = wikievents_recall(Extractor(), args.corpus)
    for kind, (hit, total) in recall.items():
        print(f"| WikiEvents {kind} recall | 1 | 35 | | | | {hit}/{total} = {hit / total:.2f} |")


if __name__ == "__main__":
    main()
