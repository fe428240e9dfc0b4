"""The shipped example articles: every file reads as articles with a title and a publication date."""

from __future__ import annotations

from pathlib import Path

import pytest

from loaders.sources import SUFFIXES, RawArticle, iter_articles

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "articles"

# The publication dates printed in (or attached to) each example, in reading order.
EXPECTED_DATES = {
    "01-kharkiv-rockets-ukrainian-account.txt": ["2024-03-18"],
    "02-kharkiv-rockets-wire-account.txt": ["2024-03-18"],
    "03-sudan-babanusa-capture-claim.txt": ["2024-06-04"],
    "04-drc-sake-m23-offensive.txt": ["2024-02-12"],
    "05-mali-kidal-drone-strike.txt": ["2024-08-27"],
    "06-myanmar-kyaukme-capture.txt": ["2024-10-22"],
    "batch.jsonl": ["2024-05-14", "2024-05-15", "2024-09-09"],
    "report.html": ["2024-07-02"],
}


def _example_files() -> list[Path]:
    return sorted(p for p in EXAMPLES.iterdir() if p.suffix.lower() in SUFFIXES)


def test_every_example_file_is_listed_here() -> None:
    assert [p.name for p in _example_files()] == sorted(EXPECTED_DATES)


@pytest.mark.parametrize("name", sorted(EXPECTED_DATES))
def test_example_reads_with_title_and_publication_date(name: str) -> None:
    items = list(iter_articles([str(EXAMPLES / name)]))
    assert all(isinstance(item, RawArticle) for item in items), items
    articles = [item for item in items if isinstance(item, RawArticle)]
    assert [article.published for article in articles] == EXPECTED_DATES[name]
    assert all(article.title for article in articles)


def test_example_folder_reads_as_ten_distinct_articles() -> None:
    items = list(iter_articles([str(EXAMPLES)]))
    assert all(isinstance(item, RawArticle) for item in items), items
    assert len({item.id for item in items if isinstance(item, RawArticle)}) == 10


def test_html_example_keeps_the_story_and_drops_page_furniture() -> None:
    (article,) = iter_articles([str(EXAMPLES / "report.html")])
    assert isinstance(article, RawArticle)
    assert article.source == "Gulf Example Post"
    assert (
        article.url == "https://gulfpost.example.org/yemen/2024/07/02/houthis-threaten-retaliation-hodeidah"
    )
    assert "killed six people and wounded 42" in article.text
    for furniture in ("We use cookies", "Related stories", "Smoke rises from fuel tanks", "Also read", "©"):
        assert furniture not in article.text
