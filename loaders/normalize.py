"""Pure normalisation functions: ids, canonical names, counts and dates.

Nothing here touches spaCy, files or the network, so every function is tested with plain strings.
"""

from __future__ import annotations

import hashlib
import re
from datetime import date, timedelta

from loaders.lexicon import WEEKDAY_NAMES

__all__ = [
    "article_id",
    "canonical_name",
    "find_published",
    "parse_count",
    "parse_published",
    "resolve_date",
    "stable_id",
]

_SPACES = re.compile(r"\s+")


def _collapse(text: str) -> str:
    return _SPACES.sub(" ", text).strip()


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def article_id(text: str) -> str:
    """Stable id of an article: the same text (up to whitespace) always gives the same id."""
    return "a_" + _digest(_collapse(text))


def stable_id(prefix: str, *parts: object) -> str:
    """Stable id `prefix_<16 hex>` from content parts; case and whitespace do not change it."""
    key = "\x1f".join("" if part is None else _collapse(str(part)).casefold() for part in parts)
    return f"{prefix}_{_digest(key)}"


# --- names -----------------------------------------------------------------------------------------

_QUOTE_FOLD = str.maketrans({"‘": "'", "’": "'", "‛": "'", "′": "'", "“": '"', "”": '"', "„": '"', "″": '"'})
_LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)
_POSSESSIVE = re.compile(r"(?<=\w)'s$|(?<=s)'$")


def canonical_name(name: str) -> str:
    """Display form of a name: trimmed, straight quotes, no leading 'the', no possessive, single spaces."""
    text = _collapse(name.translate(_QUOTE_FOLD)).strip(" \"'.,;:")
    text = _LEADING_THE.sub("", text)
    text = _POSSESSIVE.sub("", text)
    return text.strip(" \"'.,;:")


# --- counts ----------------------------------------------------------------------------------------

_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90,
}  # fmt: skip
_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
# Longest first, so "more than" wins over a shorter prefix and "as many as" over "many".
_QUALIFIERS: list[tuple[str, str]] = sorted(
    [
        ("more than", "more_than"), ("over", "more_than"), ("upwards of", "more_than"),
        ("in excess of", "more_than"), ("at least", "at_least"), ("no fewer than", "at_least"),
        ("no less than", "at_least"), ("a minimum of", "at_least"), ("up to", "up_to"),
        ("as many as", "up_to"), ("fewer than", "up_to"), ("less than", "up_to"), ("at most", "up_to"),
        ("some", "about"), ("about", "about"), ("around", "about"), ("roughly", "about"),
        ("approximately", "about"), ("nearly", "about"), ("almost", "about"), ("close to", "about"),
        ("an estimated", "about"), ("estimated", "about"), ("around about", "about"), ("between", "at_least"),
    ],
    key=lambda pair: -len(pair[0]),
)  # fmt: skip
_WORD_NUMBER = "|".join([*_UNITS, *_TENS])
_NUMBER = re.compile(
    rf"""(?ix)
    (?<![\w.,-])
    (?:
        (?P<digits>\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?)
        (?:\s*(?P<dscale>hundred|thousand|million|billion|m\b|bn\b|k\b))?
      | (?P<words>(?:a|an|half\s+a|(?:{_WORD_NUMBER})(?:[\s-]+(?:{_WORD_NUMBER}))*)
            (?:[\s-]+(?:and\s+)?(?:hundred|thousand|million|billion|dozen|(?:{_WORD_NUMBER})))*)
    )
    (?![\w-])
    """
)
_VAGUE = re.compile(r"(?i)\b(dozens|hundreds|thousands|millions|scores|several|many|numerous|tens)\b")
_AS_MANY_AS = re.compile(r"(?i)\bas\s+many\s+as\b")
_ADJECTIVE_NUMBER = re.compile(r"(?i)^-(?:day|week|month|year|hour|minute|mile|km|kilometre|kilometer|old)")
_SHORT_SCALES = {"m": 1_000_000, "bn": 1_000_000_000, "k": 1_000}


def _words_value(words: str) -> int | None:
    tokens = [t for t in re.split(r"[\s-]+", words.lower()) if t and t != "and"]
    factor = 1.0
    if tokens[:2] == ["half", "a"]:
        factor, tokens = 0.5, tokens[2:]
    total, current, seen = 0, 0, False
    for token in tokens:
        if token in ("a", "an"):
            current = max(current, 1)
        elif token in _UNITS or token in _TENS:
            current += _UNITS.get(token) or _TENS[token]
            seen = True
        elif token in ("dozen", "hundred"):
            current = (current or 1) * (12 if token == "dozen" else 100)
            seen = True
        elif token in _SCALES:
            total += (current or 1) * _SCALES[token]
            current, seen = 0, True
        else:
            return None
    return round((total + current) * factor) if seen else None


def _qualifier_before(prefix: str) -> str:
    tail = _collapse(prefix).lower()
    for phrase, qualifier in _QUALIFIERS:
        if tail == phrase or tail.endswith(" " + phrase):
            return qualifier
    return "exact"


def parse_count(text: str) -> tuple[int, str] | None:
    """First number in `text` with its qualifier (exact, about, more_than, at_least, up_to); None if vague."""
    for match in _NUMBER.finditer(text):
        if _ADJECTIVE_NUMBER.match(text[match.end() :]):
            continue
        if match.group("digits"):
            value = float(match.group("digits").replace(",", ""))
            scale = (match.group("dscale") or "").lower()
            value *= _SCALES.get(scale) or _SHORT_SCALES.get(scale, 1)
            number = round(value)
        else:
            words_value = _words_value(match.group("words"))
            if words_value is None:
                continue
            number = words_value
        before = text[: match.start()]
        # A vague quantity before the first figure ("dozens, including 7") makes the figure vague.
        if _VAGUE.search(_AS_MANY_AS.sub("", before)):
            return None
        return number, _qualifier_before(before[-40:])
    return None


# --- dates -----------------------------------------------------------------------------------------

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_MONTH = (
    r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_DATE_PATTERNS = [
    # 2020-10-04, 2020/10/04, 2020.10.04, also inside ISO datetimes
    re.compile(r"(?<!\d)(?P<year>(?:19|20)\d\d)[-/.](?P<mnum>[01]?\d)[-/.](?P<day>[0-3]?\d)(?!\d)"),
    # URL paths like /2023/jan/11/
    re.compile(rf"(?i)(?<!\d){_YEAR}/{_MONTH}/{_DAY}(?!\d)"),
    # Oct 05, 2020 / October 4 2020 / Sept. 14, 2019 / October 4
    re.compile(rf"(?i)\b{_MONTH}\s+{_DAY}(?!\d)(?:,?\s+{_YEAR}(?!\d))?"),
    # 4 October 2020 / 16 January / 4th of October
    re.compile(rf"(?i)(?<!\d){_DAY}\s+(?:of\s+)?{_MONTH}(?![a-z])(?:,?\s+{_YEAR}(?!\d))?"),
]
_WEEKDAY = re.compile(
    r"(?i)\b(?P<last>last\s+|this\s+past\s+|past\s+)?(?P<wd>" + "|".join(WEEKDAY_NAMES) + r")\b"
    r"(?:\s*\((?P<dom>[0-3]?\d)\))?"
)
_DAY_OFFSETS = [
    (re.compile(r"(?i)\bday\s+before\s+yesterday\b"), 2),
    (re.compile(r"(?i)\byesterday\b"), 1),
    (re.compile(r"(?i)\b(today|tonight|this\s+(morning|afternoon|evening))\b"), 0),
]
# A future date this far after publication is read as last year's (e.g. "Dec 28" in a January article).
_FUTURE_LIMIT = timedelta(days=60)


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _explicit_date(text: str, published: date | None) -> tuple[date | None, bool] | None:
    """First explicit calendar date in text; (date, had_year) or None when there is none."""
    best: tuple[int, re.Match[str]] | None = None
    for pattern in _DATE_PATTERNS:
        match = pattern.search(text)
        if match and (best is None or match.start() < best[0]):
            best = (match.start(), match)
    if best is None:
        return None
    match = best[1]
    groups = match.groupdict()
    month = int(groups["mnum"]) if groups.get("mnum") else _MONTHS[groups["month"].lower()[:3]]
    day = int(groups["day"])
    if groups.get("year"):
        return _safe_date(int(groups["year"]), month, day), True
    if published is None:
        return None, False
    found = _safe_date(published.year, month, day)
    if found is not None and found - published > _FUTURE_LIMIT:
        found = _safe_date(published.year - 1, month, day)
    return found, False


def _iso(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def resolve_date(expression: str, published: str | None) -> str | None:
    """Calendar date (YYYY-MM-DD) of a date expression, relative ones resolved against `published`.

    Explicit dates win ("on Tuesday (Oct 17)" -> Oct 17); a missing year is the publication's, or the
    year before when that would put the date more than 60 days after publication ("Dec 28" in January).
    "today" is the publication day, "yesterday" the day before, "the day before yesterday" two days before.
    A bare weekday ("on Sunday", "late on Tuesday") is the most recent such day on or before publication
    ("Wednesday (3)" the one that falls on the 3rd, up to five weeks back),
    so a weekday equal to the publication weekday is the publication day itself (how news reports
    "said on Wednesday" in a Wednesday article); "last Sunday" is strictly before publication.
    Weeks, months and years ("last week") are not days: None. Relative expressions without a
    publication date are None: we never guess.
    """
    pub = _iso(published)
    explicit = _explicit_date(expression, pub)
    if explicit is not None:
        found = explicit[0]
        return found.isoformat() if found else None
    if pub is None:
        return None
    for pattern, offset in _DAY_OFFSETS:
        if pattern.search(expression):
            return (pub - timedelta(days=offset)).isoformat()
    match = _WEEKDAY.search(expression)
    if match:
        weekday = WEEKDAY_NAMES.index(match.group("wd").lower())
        if match.group("dom"):
            # "Wednesday (17)": the day of the month confirms which Wednesday
            for back in range(35):
                day = pub - timedelta(days=back)
                if day.day == int(match.group("dom")) and day.weekday() == weekday:
                    return day.isoformat()
        back = (pub.weekday() - weekday) % 7
        if match.group("last") and back == 0:
            back = 7
        return (pub - timedelta(days=back)).isoformat()
    return None


def parse_published(value: object) -> str | None:
    """YYYY-MM-DD from a record or URL date (ISO, 'Oct 05, 2020', '16 January 2023', '/2023/jan/11/')."""
    if value is None:
        return None
    if isinstance(value, int | float) and not isinstance(value, bool):
        # Epoch seconds (or milliseconds) as some feeds store them.
        from datetime import UTC, datetime

        seconds = value / 1000 if value > 1e11 else value
        try:
            return datetime.fromtimestamp(seconds, tz=UTC).date().isoformat()
        except (OverflowError, OSError, ValueError):
            return None
    if not isinstance(value, str):
        return None
    explicit = _explicit_date(value, None)
    if explicit is None or not explicit[1] or explicit[0] is None:
        return None
    return explicit[0].isoformat()


_STAMP = re.compile(r"^\s*date\s+(?P<value>\d{4}-\d{2}-\d{2})\b")
_LABELLED = re.compile(
    r"(?i)\b(?:published(?:\s+on)?|first\s+published|posted(?:\s+on)?|updated(?:\s+on)?|last\s+updated"
    r"|date(?:d)?)\s*[:|]?\s*(?:on\s+)?(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s+)?(?P<value>[^\n]{6,40})"
)
_HEAD_CHARS = 600
_SHORT_LINE = 80


def find_published(text: str) -> str | None:
    """Publication date printed near the top of an article text, or None.

    Looked for in the first 600 characters, in this order: a leading ' date YYYY-MM-DD' stamp, a date
    after a label ('Published:', 'Updated:', 'Posted'), an ISO date, a full date (with year) on a short
    byline-sized line. Full dates inside body sentences are event dates, not publication dates.
    """
    head = text[:_HEAD_CHARS]
    stamp = _STAMP.match(head)
    if stamp:
        return parse_published(stamp.group("value"))
    labelled = [parse_published(m.group("value")) for m in _LABELLED.finditer(head)]
    if labelled := [found for found in labelled if found]:
        return labelled[0]
    iso = _DATE_PATTERNS[0].search(head)
    if iso:
        found = parse_published(iso.group(0))
        if found:
            return found
    for line in head.splitlines():
        if len(line.strip()) <= _SHORT_LINE:
            found = parse_published(line)
            if found:
                return found
    return None
