"""Mask what is not story text (related links, captions, bylines, app banners) without moving offsets.

`mask_boilerplate` returns a string of the same length in which boilerplate characters are spaces and
newlines stay, so a character offset into the masked text is the same offset into the original.
"""

from __future__ import annotations

import re

__all__ = ["boilerplate_spans", "is_boilerplate_line", "mask_boilerplate"]

_MONTH_ABBR = r"(?:Jan|Feb|Mar|Apr|May|June?|July?|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.?"
# Prompts, bylines and labelled captions are short lines; a longer line starting with a label is a
# flattened page (label glued to story text), so only the label is masked there.
_SHORT_LINE = 200
# A caption paragraph rarely exceeds this; longer lines ending in a credit are story text plus a caption.
_CAPTION_LINE_MAX = 500

# Whole lines that are never story text (matched case-insensitively against the stripped line).
_LINE_PATTERNS = [
    # related-article and navigation prompts: "Also read: ...", "ALSO READ | ...", "READ MORE", "Related:"
    r"(?:also\s+(?:read|see|watch|check)|read\s+(?:more|also|next|this)|related(?:\s+(?:articles?|stories|"
    r"news|coverage|content|topics?|links?))?|recommended(?:\s+for\s+you)?|more\s+(?:on\s+this\s+story|stories)"
    r"|you\s+(?:may|might)\s+also\s+like|don'?t\s+miss|must\s+read|trending(?:\s+now)?|top\s+stories"
    r"|latest\s+(?:news|stories)|watch|listen|see\s+also)\s*(?:[:|»>\-–—].*|$)",
    # app banners and page furniture
    r"(?:read|open|continue)\s+in\s+(?:the\s+)?app\b.*|download\s+(?:the|our)\s+app\b.*|get\s+the\s+app\b.*",
    r"story\s+continues\s+below.*|continue\s+reading(?:\s+the\s+main\s+story)?|scroll\s+to\s+continue.*"
    r"|skip\s+to\s+(?:main\s+)?content|loading\.*|print|email|comments?|share",
    # captions opened by a credit in brackets: "(AFP photo) Displaced people carry ...", "(File photo) ..."
    r"\(\s*(?:[\w.&'/-]+\s+){0,3}(?:photo|photograph|picture|image|file\s+photo)\s*\).*",
    # labels alone: "Story highlights", "Advertisement"
    r"(?:advertisement|sponsored(?:\s+content)?|story\s+highlights|highlights|key\s+points|hide\s+caption"
    r"|getty\s+images)\s*:?",
    # caption labels and what follows them: "Image caption ...", "Photo: ...", "Video: ..."
    r"(?:image\s+caption|image\s+copyright|file\s+photo|photo\s+gallery)\b.*",
    r"(?:photos?|photograph|pictures?|image|video|caption|graphic|credit|source\s+image)\s*[:|].*",
    r"\(\s*(?:[a-z]+\s+)?(?:photos?|photograph|pictures?|images?|videos?|file)\b[^)]*\)",
    # share, follow, newsletter prompts
    r"share\s+(?:this|on|via|the\s+story)\b.*|follow\s+us\b.*|sign\s+up\b.*|subscribe\b.*|click\s+here\b.*"
    r"|tap\s+here\b.*|join\s+our\b.*",
    # sign-offs: "(Reporting by ...; Editing by ...)", "... contributed to this report."
    r"\(?\s*(?:additional\s+)?(?:reporting|writing|editing|compiled|written|edited)\s+by\b.{0,200}",
    r".{0,80}\bcontributed\s+(?:to\s+)?(?:this\s+)?report(?:ing)?\.?",
    r"(?:©|\(c\)|copyright\b).{0,150}",
    # breadcrumb ("Home » World") and tweet signature ("— Name (@handle) January 5, 2023")
    r"home\s*[»›>|/].{0,80}",
    r"[—–-]\s*.{0,60}\(@\w+\).{0,40}",
    r"pic\.twitter\.com/\S+",
]
# Shapes where capitals are the signal: the video player's CLOSE button, bylines, agency sign-offs.
_CASED_LINE_PATTERNS = [
    r"CLOSE\s+\S.*",
    r"By\s+[A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+){0,3}(?:\s*(?:,|and|&|\|)\s*[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]+){0,3})*",
    r"[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,3}\s+(?:Web\s+Team|Web\s+Desk|News\s+Desk|Desk|Staff|Bureau"
    r"|Correspondent|Reporter|News\s+Service)",
    r"[\W_]*(?:[A-Z]{2,6}|[A-Z]{1,5}(?:/[A-Z]{1,6})+)[\W_]*",
]
_LINE = re.compile("|".join(f"(?:{p})" for p in _LINE_PATTERNS), re.IGNORECASE)
_CASED_LINE = re.compile("|".join(f"(?:{p})" for p in _CASED_LINE_PATTERNS))

# A line carrying a publication stamp: "Baku/Yeravan Published: Oct 05, 2020, 08.42 AM(IST)"
_DATELINE = re.compile(
    r"(?i)\b(?:published|updated|posted|last\s+updated|first\s+published|last\s+modified)\s*(?:on|at)?\s*[:|]"
)
_DATE_ONLY = re.compile(
    rf"(?i)^(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s+)?(?:\d{{1,2}}\s+{_MONTH_ABBR}|{_MONTH_ABBR}\s+\d{{1,2}})"
    r",?\s+(?:19|20)\d\d(?:[,\s]+\d{1,2}[.:]\d{2}\s*(?:am|pm)?(?:\s*\(?[A-Z]{2,4}\)?)?)?$"
)

# Capitalised words that open a sentence, so a credit before them has ended.
_SENTENCE_STARTERS = r"(?:The|A|An|In|On|At|He|She|It|They|We|But|And|This|That|His|Her|Its|Their)"
# Credits that close a photo caption, wherever they stand in a line.
_CREDIT = re.compile(
    rf"Photograph\s*:\s*(?:\(\s*[^)\n]{{1,60}}\)|[A-Z][\w.&'-]*(?:\s(?!{_SENTENCE_STARTERS}\b)[A-Z][\w.&'-]*){{0,3}}"
    r"(?:\s*/\s*[A-Z][\w.&'-]*(?:\sImages)?)*)"
    r"|\(\s*(?:[A-Z]+\s+)?(?:Photo|Photograph|Picture|Image|Video|File\s+photo)s?\b[^)\n]{0,80}\)"
    r"|\b(?:REUTERS|AFP|AP|EPA|ANADOLU|XINHUA)/[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,3}"
)
# Credits that only mean "caption" at the end of a line: "... Getty Images", "... (Sept. 14) AP, AP".
_END_CREDIT = re.compile(
    r"(?:\b[A-Z][\w.]*\s+){0,3}(?:via\s+)?Getty\s+Images\s*$"
    rf"|\(\s*{_MONTH_ABBR}\s+\d{{1,2}}\s*\)\s+[A-Z][\w&.]*(?:\s*,\s*[A-Z][\w&.]*)*\s*$"
)
_NEWSLETTER = re.compile(r"(?i)\bnewsletters?\b")
# The label that opens a long flattened line: masked alone, the story text after it stays.
_LABEL_PREFIX = re.compile(
    r"(?i)(?:(?:also\s+(?:read|see|watch)|read\s+more|related|photos?|photograph|pictures?|image|video|caption"
    r"|credit)\s*[:|]|image\s+copyright\s+\S+(?:\s+\S+)?\s+image\s+caption|image\s+caption|file\s+photo)\s*"
)
_SENTENCE_END = re.compile(r"[.!?][\"”’)]?\s+")

# Spans masked wherever they appear, even glued to story text.
_INLINE = re.compile(
    r"(?i:\bread\s+in\s+app)(?![a-z])"
    r"|\b(?:Advertisement|ADVERTISEMENT)\b(?:\s+Continue\s+reading\s+the\s+main\s+story)?"
    r"|\bHide\s+Caption\s+\d+\s+of\s+\d+"
    r"|(?i:\bimage\s+copyright\b[^\n]{0,60}?\bimage\s+caption\b)"
    r"|(?i:\bwatch\s+video\s+\d{1,2}:\d{2})"
    r"|\[\s*This is a developing story[^\]\n]*\]"
    r"|\bAd\s+×"
)
# A leading stamp, breadcrumb and agency dateline that open a line before the story starts.
_LINE_PREFIX = re.compile(
    r"^\s*(?:date\s+\d{4}-\d{2}-\d{2}\b\s*)?"
    r"(?:Home(?:\s*[»›]\s*[A-Z][\w&'-]*)+\s*)?"
    r"(?:(?:[A-Z][A-Z.'’-]{2,}(?:[ /][A-Z][A-Z.'’-]+){0,3})(?:,\s*[A-Z][a-z]{2,}\.?(?:\s+\d{1,2})?)?"
    r"(?:\s*\((?:Reuters|AP|AFP|[A-Z][\w ]{0,20})\))?(?:\s*[:—–]|\s+-)\s+|"
    r"(?:[A-Z][A-Z.'’-]{2,}(?:[ /][A-Z][A-Z.'’-]+){0,3})(?:,\s*[A-Z][a-z]{2,}\.?(?:\s+\d{1,2})?)?"
    r"\s*\((?:Reuters|AP|AFP)\)\s*-\s+)?"
)


def _is_caption(line: str) -> bool:
    if len(line) > _CAPTION_LINE_MAX:
        return False
    if _END_CREDIT.search(line):
        return True
    return any(not line[m.end() :].strip(" .,;)") for m in _CREDIT.finditer(line))


def is_boilerplate_line(line: str) -> bool:
    """True when a whole line is not story text (related link, caption, byline, stamp, prompt)."""
    text = line.strip()
    if not text:
        return False
    if _CASED_LINE.fullmatch(text) or _DATE_ONLY.match(text) or _is_caption(text):
        return True
    if len(text) > _SHORT_LINE:
        return False
    return bool(_LINE.fullmatch(text) or _DATELINE.search(text) or _NEWSLETTER.search(text))


def _caption_before(line: str, credit_start: int) -> int:
    """Start of the caption sentence that a mid-line credit closes."""
    head = line[:credit_start].rstrip()
    head = head[:-1] if head.endswith((".", "!", "?")) else head
    starts = [m.end() for m in _SENTENCE_END.finditer(head)]
    return starts[-1] if starts else 0


def _line_spans(line: str, offset: int, paragraphed: bool) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    prefix = _LINE_PREFIX.match(line)
    start = prefix.end() if prefix else 0
    if start:
        spans.append((offset, offset + start))
    rest = line[start:]
    # In a text flattened to one line, a long "line" is the whole story, never one caption paragraph.
    if is_boilerplate_line(rest) and (paragraphed or len(rest.strip()) <= _SHORT_LINE):
        spans.append((offset + start, offset + len(line)))
        return spans
    label = _LABEL_PREFIX.match(rest)
    if label:
        spans.append((offset + start, offset + start + label.end()))
    for match in _CREDIT.finditer(rest):
        spans.append((offset + start + _caption_before(rest, match.start()), offset + start + match.end()))
    return spans


def boilerplate_spans(text: str) -> list[tuple[int, int]]:
    """Sorted, merged (start, end) character spans of boilerplate in `text`."""
    spans = [(m.start(), m.end()) for m in _INLINE.finditer(text)]
    offset = 0
    paragraphed = "\n" in text.strip()
    for line in text.split("\n"):
        spans.extend(_line_spans(line, offset, paragraphed))
        offset += len(line) + 1
    merged: list[tuple[int, int]] = []
    for start, end in sorted(s for s in spans if s[1] > s[0]):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def mask_boilerplate(text: str) -> str:
    """Same-length copy of `text` with boilerplate replaced by spaces (newlines kept)."""
    parts: list[str] = []
    cursor = 0
    for start, end in boilerplate_spans(text):
        parts.append(text[cursor:start])
        parts.append(re.sub(r"[^\n]", " ", text[start:end]))
        cursor = end
    parts.append(text[cursor:])
    return "".join(parts)
