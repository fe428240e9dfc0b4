"""Reading inputs into articles: every format, folders, stdin, and one failure per bad input."""

from __future__ import annotations

import io
import json
import os
import time
from pathlib import Path

import pytest

from loaders.normalize import article_id
from loaders.sources import RawArticle, SourceFailure, iter_articles

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "sources"
SHARED = Path(__file__).resolve().parents[2] / "../shared"
DEV = SHARED / "eval" / "dev"


def _read(*paths: object, **options: object) -> list[RawArticle | SourceFailure]:
    return list(iter_articles([str(p) for p in paths], **options))  # type: ignore[arg-type]


def _only(items: list[RawArticle | SourceFailure]) -> RawArticle | SourceFailure:
    assert len(items) == 1, items
    return items[0]


# --- plain text ------------------------------------------------------------------------------------


def test_txt_title_is_headline_and_text_is_whole_file(tmp_path: Path) -> None:
    content = "Militia seizes river port\n\nThe Valley Militia took the port on Tuesday.\n"
    path = tmp_path / "port.txt"
    path.write_text(content, encoding="utf-8")
    article = _only(_read(path))
    assert isinstance(article, RawArticle)
    assert article.title == "Militia seizes river port"
    assert article.text == content
    assert article.id == article_id(content)
    assert article.origin == str(path)


def test_txt_whose_first_line_is_a_lead_sentence_has_no_title(tmp_path: Path) -> None:
    path = tmp_path / "lead.txt"
    path.write_text(
        "The Valley Militia took the river port on Tuesday, a spokesman said.\n", encoding="utf-8"
    )
    article = _only(_read(path))
    assert isinstance(article, RawArticle) and article.title is None


def test_txt_publication_date_from_text(tmp_path: Path) -> None:
    path = tmp_path / "stamped.txt"
    path.write_text(" date 2021-03-10 Home » World\n\nRebels shelled the port.", encoding="utf-8")
    article = _only(_read(path))
    assert isinstance(article, RawArticle) and article.published == "2021-03-10"


def test_crlf_line_endings_become_newlines(tmp_path: Path) -> None:
    path = tmp_path / "windows.txt"
    path.write_bytes(b"Port falls\r\n\r\nRebels took the port.\r\n")
    article = _only(_read(path))
    assert isinstance(article, RawArticle) and article.text == "Port falls\n\nRebels took the port.\n"


# --- HTML ------------------------------------------------------------------------------------------


def test_html_keeps_story_and_metadata_and_drops_furniture() -> None:
    article = _only(_read(FIXTURES / "article.html"))
    assert isinstance(article, RawArticle)
    assert article.title == "Militia seizes river port after two-day battle"
    assert article.url == "https://herald.example.org/world/militia-seizes-river-port"
    assert article.published == "2021-03-10"
    assert article.source == "Example Herald"
    assert article.text.startswith("Militia seizes river port after two-day battle\n\n")
    assert "took control of the river port of Eastmouth" in article.text
    assert "At least 12 dock workers were killed" in article.text
    assert "customs house" in article.text
    for furniture in ("analytics", "font-family", "Sport", "cookies", "Smoke rises", "Share on", "Also read",
                      "Floods hit", "All rights reserved", "By Example Staff"):  # fmt: skip
        assert furniture not in article.text, furniture


def test_html_date_from_time_element_and_declared_charset(tmp_path: Path) -> None:
    page = (
        '<html><head><meta charset="iso-8859-1"><title>Caf\xe9 bombed</title></head><body><main>'
        '<h1>Caf\xe9 bombed</h1><time datetime="2021-03-07T10:00">7 March</time>'
        "<p>A bomb damaged a caf\xe9 in the old town, police said.</p></main></body></html>"
    )
    path = tmp_path / "latin.htm"
    path.write_bytes(page.encode("iso-8859-1"))
    article = _only(_read(path))
    assert isinstance(article, RawArticle)
    assert article.published == "2021-03-07"
    assert "A bomb damaged a café in the old town" in article.text


def test_html_date_from_json_ld(tmp_path: Path) -> None:
    page = (
        '<html><head><script type="application/ld+json">{"@type": "NewsArticle", '
        '"datePublished": "2021-03-06T09:00:00Z"}</script></head>'
        "<body><article><p>Rebels fired rockets at the airport overnight.</p></article></body></html>"
    )
    path = tmp_path / "ld.html"
    path.write_text(page, encoding="utf-8")
    article = _only(_read(path))
    assert isinstance(article, RawArticle) and article.published == "2021-03-06"


def test_html_without_story_text_is_a_failure(tmp_path: Path) -> None:
    path = tmp_path / "empty.html"
    path.write_text("<html><head><script>var x = 1;</script></head><body><nav>Home</nav></body></html>")
    failure = _only(_read(path))
    assert isinstance(failure, SourceFailure) and "no article text" in failure.reason


# --- JSON and JSONL --------------------------------------------------------------------------------


def test_jsonl_reads_good_lines_and_names_the_broken_ones() -> None:
    items = _read(FIXTURES / "records.jsonl")
    origin = str(FIXTURES / "records.jsonl")
    assert [item.origin for item in items] == [f"{origin}:1", f"{origin}:2", f"{origin}:3", f"{origin}:5"]
    first, broken, textless, last = items
    assert isinstance(first, RawArticle)
    assert (first.title, first.url, first.published, first.source) == (
        "Drone strike hits fuel depot",
        "https://news.example.org/2021/03/09/depot",
        "2021-03-09",
        "Example Wire",
    )
    assert first.id == article_id(first.text) != "ignored-1"
    assert isinstance(broken, SourceFailure) and broken.reason.startswith("invalid JSON")
    assert isinstance(textless, SourceFailure) and "without text" in textless.reason
    # no date field: the date comes from the URL
    assert isinstance(last, RawArticle) and last.published == "2021-03-08"


def test_text_field_option_reads_another_field() -> None:
    items = _read(FIXTURES / "records.jsonl", text_field="body")
    assert [type(item).__name__ for item in items] == ["SourceFailure"] * 2 + ["RawArticle", "SourceFailure"]
    assert isinstance(items[2], RawArticle) and items[2].text == "This record uses another field."


def test_json_list_gives_one_item_per_record() -> None:
    items = _read(FIXTURES / "records.json")
    origin = str(FIXTURES / "records.json")
    assert [item.origin for item in items] == [f"{origin}[0]", f"{origin}[1]", f"{origin}[2]"]
    assert isinstance(items[0], RawArticle) and items[0].published == "2021-03-08"
    assert isinstance(items[2], SourceFailure) and "not an object" in items[2].reason


def test_json_single_record(tmp_path: Path) -> None:
    path = tmp_path / "one.json"
    path.write_text(json.dumps({"text": "Troops crossed the river at dawn.", "date": "2021-03-05"}))
    article = _only(_read(path))
    assert isinstance(article, RawArticle) and article.published == "2021-03-05"
    assert article.origin == str(path)


def test_same_text_gives_same_id_whatever_the_record_id(tmp_path: Path) -> None:
    path = tmp_path / "dupes.jsonl"
    rows = [{"id": "x", "text": "Rebels took the bridge."}, {"id": "y", "text": "Rebels took the bridge."}]
    path.write_text("\n".join(json.dumps(row) for row in rows))
    first, second = _read(path)
    assert isinstance(first, RawArticle) and isinstance(second, RawArticle) and first.id == second.id


# --- folders and stdin -----------------------------------------------------------------------------


def test_folder_is_read_recursively_in_sorted_order(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.txt").write_text("Second story.")
    (tmp_path / "a.txt").write_text("First story.")
    (tmp_path / "b" / "notes.pdf").write_bytes(b"%PDF-1.4")
    items = _read(tmp_path)
    assert [Path(item.origin).relative_to(tmp_path).as_posix() for item in items] == ["a.txt", "b/2.txt"]


def test_empty_folder_is_a_failure(tmp_path: Path) -> None:
    failure = _only(_read(tmp_path))
    assert isinstance(failure, SourceFailure) and "no " in failure.reason


def test_stdin_plain_text() -> None:
    article = _only(_read("-", stdin=io.BytesIO(b"Port falls\n\nRebels took the port.")))
    assert isinstance(article, RawArticle)
    assert (article.origin, article.title) == ("<stdin>", "Port falls")


def test_stdin_json_lines() -> None:
    data = b'{"text": "Rebels took the port."}\n{"text": "Troops retook it."}\nnot json\n'
    items = _read("-", stdin=io.BytesIO(data))
    assert [item.origin for item in items] == ["<stdin>:1", "<stdin>:2", "<stdin>:3"]
    assert isinstance(items[2], SourceFailure)


# --- bad inputs ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("empty.txt", b"", "empty file"),
        ("blank.txt", b"  \n\n \t", "empty file"),
        ("binary.txt", b"GIF89a\x00\x01\x02 story", "binary"),
        ("latin.txt", "Caf\xe9 bombed".encode("iso-8859-1"), "not UTF-8 text"),
        ("broken.json", b'{"text": "Rebels', "invalid JSON"),
        ("story.pdf", b"%PDF-1.4", "unknown file type"),
        ("notext.json", b'{"title": "Headline only"}', "without text"),
    ],
)
def test_bad_input_is_one_failure_with_a_reason(
    tmp_path: Path, name: str, content: bytes, reason: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    failure = _only(_read(path))
    assert isinstance(failure, SourceFailure)
    assert reason in failure.reason
    assert failure.origin == str(path)
    assert "\n" not in failure.reason


def test_missing_path_is_a_failure(tmp_path: Path) -> None:
    failure = _only(_read(tmp_path / "nowhere.txt"))
    assert isinstance(failure, SourceFailure) and "no such file" in failure.reason


def test_huge_file_is_refused_quickly_without_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(20_000_000)
    started = time.perf_counter()
    failure = _only(_read(path))
    assert time.perf_counter() - started < 0.5
    assert isinstance(failure, SourceFailure) and "too large" in failure.reason
    # the size in the reason comes from the file system, before any byte is read
    assert "20000000 bytes" in failure.reason


def test_max_bytes_option_and_stdin_limit(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text("Rebels took the port." * 10)
    assert isinstance(_only(_read(path, max_bytes=50)), SourceFailure)
    assert isinstance(_only(_read("-", stdin=io.BytesIO(b"x" * 100), max_bytes=50)), SourceFailure)


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root can read any file")
def test_unreadable_file_is_a_failure(tmp_path: Path) -> None:
    path = tmp_path / "locked.txt"
    path.write_text("Rebels took the port.")
    path.chmod(0)
    failure = _only(_read(path))
    assert isinstance(failure, SourceFailure) and "unreadable" in failure.reason


def test_bad_inputs_never_stop_the_good_ones(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("Rebels took the port.")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe\x00\x00")
    items = _read(bad, tmp_path / "missing.txt", good, FIXTURES / "records.jsonl")
    kinds = [type(item).__name__ for item in items]
    assert kinds[:3] == ["SourceFailure", "SourceFailure", "RawArticle"]
    assert kinds.count("RawArticle") == 3


# --- dev articles: publication dates against gold --------------------------------------------------


def _dev_gold() -> list[dict]:
    if not DEV.is_dir():
        return []
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted(DEV.glob("*.gold.json"))]


@pytest.mark.skipif(not DEV.is_dir(), reason="../shared/eval/dev is not present")
@pytest.mark.parametrize("gold", _dev_gold(), ids=lambda g: Path(g["text_file"]).stem)
def test_dev_article_publication_date_matches_gold(gold: dict) -> None:
    path = DEV / gold["text_file"]
    article = _only(_read(path))
    assert isinstance(article, RawArticle)
    expected = gold["published"]
    if expected is not None and expected[:4] not in article.text:
        # the gold date comes from the page URL, which a bare text file does not carry
        expected = None
    assert article.published == expected
