"""Read .txt / .html / .json / .jsonl files, folders and stdin into article records.

One bad input never stops the run: it becomes a `SourceFailure` with a one-line reason, and the
other inputs are still read.
"""

from __future__ import annotations

import json
import logging
import re
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from loaders.boilerplate import is_boilerplate_line, mask_boilerplate
from loaders.normalize import article_id, find_published, parse_published

if TYPE_CHECKING:
    from lxml.html import HtmlElement

__all__ = ["SUFFIXES", "RawArticle", "SourceFailure", "iter_articles"]

logger = logging.getLogger(__name__)

SUFFIXES = (".txt", ".html", ".htm", ".json", ".jsonl")
STDIN = "-"
_STDIN_ORIGIN = "<stdin>"
# A headline is one short line without a closing full stop; a longer first line is the lead paragraph.
_TITLE_MAX = 200


@dataclass(frozen=True)
class RawArticle:
    """One article's text and metadata, before any NLP."""

    id: str
    text: str
    title: str | None
    url: str | None
    published: str | None
    source: str | None
    origin: str


@dataclass(frozen=True)
class SourceFailure:
    """An input that could not be read as an article, and why."""

    origin: str
    reason: str


Item = RawArticle | SourceFailure


class _Refused(Exception):
    """Internal: this input cannot be read; the message is the one-line reason."""


def iter_articles(
    paths: Sequence[str],
    *,
    text_field: str = "text",
    max_bytes: int = 5_000_000,
    stdin: BinaryIO | None = None,
) -> Iterator[RawArticle | SourceFailure]:
    """Articles from files, folders (recursive, sorted) and '-' (stdin), with a failure per bad input."""
    for raw_path in paths:
        if raw_path == STDIN:
            stream = stdin if stdin is not None else sys.stdin.buffer
            yield from _guard(_STDIN_ORIGIN, partial(_from_stdin, stream, text_field, max_bytes))
            continue
        path = Path(raw_path)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.suffix.lower() in SUFFIXES and p.is_file())
            if not files:
                yield SourceFailure(str(path), f"no {'/'.join(SUFFIXES)} files in folder")
            for file in files:
                yield from _guard(str(file), partial(_from_file, file, text_field, max_bytes))
        else:
            yield from _guard(str(path), partial(_from_file, path, text_field, max_bytes))


def _guard(origin: str, read: Callable[[], Iterator[Item]]) -> Iterator[Item]:
    """Run one input's reader, turning its refusal into a SourceFailure."""
    try:
        yield from read()
    except _Refused as refused:
        logger.debug("skipped %s: %s", origin, refused)
        yield SourceFailure(origin, str(refused))


# --- bytes to text ---------------------------------------------------------------------------------


def _read_file(path: Path, max_bytes: int) -> bytes:
    try:
        size = path.stat().st_size
    except FileNotFoundError as exc:
        raise _Refused("no such file or directory") from exc
    except OSError as exc:
        raise _Refused(f"unreadable: {exc.strerror or exc}") from exc
    if size > max_bytes:
        raise _Refused(f"too large: {size} bytes (limit {max_bytes})")
    try:
        with path.open("rb") as handle:
            # Read one byte past the limit: a file that grew after stat() is still refused.
            data = handle.read(max_bytes + 1)
    except OSError as exc:
        raise _Refused(f"unreadable: {exc.strerror or exc}") from exc
    if len(data) > max_bytes:
        raise _Refused(f"too large: more than {max_bytes} bytes")
    return data


def _decode(data: bytes, *, fallback_encoding: str | None = None) -> str:
    if not data.strip():
        raise _Refused("empty file")
    if b"\x00" in data:
        raise _Refused("binary file (NUL bytes), not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        if not fallback_encoding:
            raise _Refused("not UTF-8 text") from exc
        try:
            text = data.decode(fallback_encoding)
        except (UnicodeDecodeError, LookupError) as fallback_exc:
            raise _Refused(f"not UTF-8 or {fallback_encoding} text") from fallback_exc
    return text.replace("\r\n", "\n").replace("\r", "\n")


_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)""", re.IGNORECASE)


def _from_file(path: Path, text_field: str, max_bytes: int) -> Iterator[Item]:
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise _Refused(
            f"unknown file type {suffix or '(no suffix)'!r}; expected one of {', '.join(SUFFIXES)}"
        )
    data = _read_file(path, max_bytes)
    origin = str(path)
    if suffix in (".html", ".htm"):
        declared = _CHARSET.search(data[:4096])
        text = _decode(data, fallback_encoding=declared.group(1).decode("ascii") if declared else None)
        yield _from_html(text, origin)
    elif suffix == ".json":
        yield from _from_json(_decode(data), origin, text_field)
    elif suffix == ".jsonl":
        yield from _from_jsonl(_decode(data), origin, text_field)
    else:
        yield _from_text(_decode(data), origin)


def _from_stdin(stream: BinaryIO, text_field: str, max_bytes: int) -> Iterator[Item]:
    data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise _Refused(f"too large: more than {max_bytes} bytes")
    text = _decode(data)
    head = text.lstrip()[:1]
    if head == "{":
        yield from _from_jsonl(text, _STDIN_ORIGIN, text_field)
    elif head == "[":
        yield from _from_json(text, _STDIN_ORIGIN, text_field)
    else:
        yield _from_text(text, _STDIN_ORIGIN)


# --- plain text ------------------------------------------------------------------------------------


def _headline(text: str) -> str | None:
    """The first story line when it looks like a headline (short, no closing full stop)."""
    for line in mask_boilerplate(text).split("\n"):
        line = " ".join(line.split())
        if line:
            if len(line) <= _TITLE_MAX and not line.endswith((".", "!", "?", '."', ".”")):
                return line
            return None
    return None


def _from_text(text: str, origin: str) -> RawArticle:
    return RawArticle(
        id=article_id(text),
        text=text,
        title=_headline(text),
        url=None,
        published=find_published(text),
        source=None,
        origin=origin,
    )


# --- JSON records ----------------------------------------------------------------------------------

_DATE_FIELDS = ("published", "published_at", "publish_date", "date", "pubDate", "datePublished", "created_at")


_JSON_KINDS = {str: "string", list: "array", int: "number", float: "number", bool: "boolean"}


def _string(value: object) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def _from_record(record: object, origin: str, text_field: str) -> Item:
    if not isinstance(record, dict):
        kind = "null" if record is None else _JSON_KINDS.get(type(record), type(record).__name__)
        return SourceFailure(origin, f"record is a JSON {kind}, not an object")
    text = record.get(text_field)
    if not isinstance(text, str) or not text.strip():
        return SourceFailure(origin, f"record without text (no non-empty string field {text_field!r})")
    text = text.replace("\r\n", "\n")
    url = _string(record.get("url"))
    published = next(
        (found for field in _DATE_FIELDS if (found := parse_published(record.get(field))) is not None), None
    )
    return RawArticle(
        id=article_id(text),
        text=text,
        title=_string(record.get("title")) or _headline(text),
        url=url,
        published=published or parse_published(url) or find_published(text),
        source=_string(record.get("source")),
        origin=origin,
    )


def _from_json(text: str, origin: str, text_field: str) -> Iterator[Item]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise _Refused(f"invalid JSON: {exc.msg} at line {exc.lineno} column {exc.colno}") from exc
    if isinstance(data, list):
        if not data:
            raise _Refused("empty JSON list")
        for index, record in enumerate(data):
            yield _from_record(record, f"{origin}[{index}]", text_field)
    else:
        yield _from_record(data, origin, text_field)


def _from_jsonl(text: str, origin: str, text_field: str) -> Iterator[Item]:
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        line_origin = f"{origin}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield SourceFailure(line_origin, f"invalid JSON: {exc.msg} at column {exc.colno}")
            continue
        yield _from_record(record, line_origin, text_field)


# --- HTML ------------------------------------------------------------------------------------------

_DROP_TAGS = (
    "script", "style", "noscript", "nav", "footer", "aside", "figure", "figcaption", "header", "form",
    "iframe", "svg", "button", "template", "select", "input", "menu", "dialog",
)  # fmt: skip
_BLOCK_TAGS = ("h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "blockquote", "pre")
# class/id words of page furniture; matched as whole words of the attribute, so "header-ad" hits but
# "read" or "shadow" do not.
_FURNITURE = frozenset(
    {
        "nav", "navbar", "navigation", "menu", "footer", "sidebar", "share", "sharing", "social", "related",
        "newsletter", "subscribe", "subscription", "advert", "advertisement", "ad", "ads", "promo", "cookie",
        "cookies", "comment", "comments", "caption", "breadcrumb", "breadcrumbs", "byline", "tags",
        "recommended", "popular", "trending", "outbrain", "taboola", "widget", "modal", "popup", "banner",
    }
)  # fmt: skip
_WORDS = re.compile(r"[a-z0-9]+")
# A container with this many paragraphs is the story even when its class mentions sharing or ads.
_STORY_PARAGRAPHS = 5
_PUBLISHED_META = (
    "article:published_time", "og:published_time", "pubdate", "publishdate", "publish-date", "publish_date",
    "date", "dc.date", "dc.date.issued", "sailthru.date", "parsely-pub-date", "datepublished",
    "article.published",
)  # fmt: skip
_LD_PUBLISHED = re.compile(r'"datePublished"\s*:\s*"([^"]+)"')


def _clean(text: str | None) -> str:
    return " ".join((text or "").split())


def _meta(doc: HtmlElement, *names: str) -> str | None:
    wanted = {name.lower() for name in names}
    for element in doc.iter("meta"):
        key = (element.get("property") or element.get("name") or element.get("itemprop") or "").lower()
        if key in wanted and _clean(element.get("content")):
            return _clean(element.get("content"))
    return None


def _is_furniture(element: HtmlElement) -> bool:
    if element.tag in ("body", "article", "main"):
        return False
    attrs = f"{element.get('class') or ''} {element.get('id') or ''}".lower()
    words = set(_WORDS.findall(attrs))
    if not _FURNITURE.intersection(words):
        return False
    paragraphs = sum(1 for _ in element.iter("p"))
    return paragraphs < _STORY_PARAGRAPHS or bool(words & {"comment", "comments"})


def _main_root(body: HtmlElement) -> HtmlElement:
    candidates = list(body.iter("article")) or list(body.iter("main"))
    candidates += [el for el in body.iter() if el.get("role") == "main"]
    if not candidates:
        return body
    return max(candidates, key=lambda el: len(el.text_content()))


def _blocks(root: HtmlElement) -> list[str]:
    blocks: list[str] = []
    taken: set[HtmlElement] = set()
    for element in root.iter(*_BLOCK_TAGS):
        if any(ancestor in taken for ancestor in element.iterancestors()):
            continue
        taken.add(element)
        text = _clean(element.text_content())
        if text and not is_boilerplate_line(text):
            blocks.append(text)
    if not blocks:
        blocks = [
            line
            for line in (_clean(line) for line in root.text_content().split("\n"))
            if line and not is_boilerplate_line(line)
        ]
    return blocks


def _html_published(doc: HtmlElement, raw: str, text: str) -> str | None:
    candidates = [_meta(doc, *_PUBLISHED_META)]
    candidates += [el.get("datetime") for el in doc.iter("time")]
    candidates += _LD_PUBLISHED.findall(raw)
    for candidate in candidates:
        if (found := parse_published(candidate)) is not None:
            return found
    return find_published(text)


def _from_html(raw: str, origin: str) -> Item:
    from lxml import etree
    from lxml import html as lxml_html

    try:
        doc = lxml_html.document_fromstring(
            raw.encode("utf-8"), parser=lxml_html.HTMLParser(encoding="utf-8")
        )
    except (etree.ParserError, ValueError) as exc:
        return SourceFailure(origin, f"unparseable HTML: {exc}")
    page_title = _clean(doc.findtext(".//title"))
    first_h1 = next((_clean(h.text_content()) for h in doc.iter("h1") if _clean(h.text_content())), "")
    title = _meta(doc, "og:title", "twitter:title") or first_h1 or page_title or None
    url = None
    for link in doc.iter("link"):
        if (link.get("rel") or "").lower() == "canonical" and link.get("href"):
            url = link.get("href").strip()
            break
    url = url or _meta(doc, "og:url")
    source = _meta(doc, "og:site_name", "application-name")
    body = doc.find("body") if doc.find("body") is not None else doc
    for element in list(body.iter(*_DROP_TAGS)):
        if element.getparent() is not None:
            element.drop_tree()
    for element in [el for el in body.iter() if isinstance(el.tag, str) and _is_furniture(el)]:
        if element.getparent() is not None:
            element.drop_tree()
    blocks = _blocks(_main_root(body))
    headline = first_h1 or title
    if headline and (not blocks or blocks[0] != headline):
        blocks.insert(0, headline)
    text = "\n\n".join(blocks)
    if not text.strip() or blocks == [headline]:
        return SourceFailure(origin, "no article text found in HTML")
    return RawArticle(
        id=article_id(text),
        text=text,
        title=title,
        url=url,
        published=_html_published(doc, raw, text),
        source=source,
        origin=origin,
    )
