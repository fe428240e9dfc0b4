"""Every Cypher statement the service runs, loaded once from `cypher/**/*.cypher` and looked up by name."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from graph_service.config import PROJECT_ROOT

CYPHER_DIR = PROJECT_ROOT / "cypher"

_QUOTES = {"'", '"', "`"}


def split_statements(text: str) -> list[str]:
    """Split Cypher text on `;`, ignoring those in strings, identifiers and comments; drop empty parts."""
    statements: list[str] = []
    start = 0
    index = 0
    quote: str | None = None
    has_code = False
    length = len(text)
    while index < length:
        char = text[index]
        if quote is not None:
            if char == "\\" and quote != "`":
                index += 2
                continue
            if char == quote:
                quote = None
        elif text.startswith("//", index):
            newline = text.find("\n", index)
            index = length if newline == -1 else newline
            continue
        elif text.startswith("/*", index):
            end = text.find("*/", index + 2)
            index = length if end == -1 else end + 2
            continue
        elif char == ";":
            if has_code:
                statements.append(text[start:index].strip())
            start = index + 1
            has_code = False
        elif not char.isspace():
            has_code = True
            if char in _QUOTES:
                quote = char
        index += 1
    if has_code:
        statements.append(text[start:].strip())
    return statements


@cache
def catalogue(root: Path = CYPHER_DIR) -> dict[str, tuple[str, ...]]:
    """Every `.cypher` file under `root`, keyed by its path without suffix (e.g. `write/articles`)."""
    files = sorted(root.rglob("*.cypher"))
    return {
        path.relative_to(root).with_suffix("").as_posix(): tuple(
            split_statements(path.read_text(encoding="utf-8"))
        )
        for path in files
    }


def statements(name: str) -> tuple[str, ...]:
    """All statements of the file `cypher/<name>.cypher`; an unknown name raises `LookupError`."""
    known = catalogue()
    if name not in known:
        raise LookupError(f"no Cypher file {CYPHER_DIR / name}.cypher (known: {', '.join(sorted(known))})")
    return known[name]


def query(name: str) -> str:
    """The single statement of `cypher/<name>.cypher`; raises `LookupError` if it holds more or none."""
    found = statements(name)
    if len(found) != 1:
        raise LookupError(f"cypher/{name}.cypher holds {len(found)} statements; use statements() for it")
    return found[0]


def names(prefix: str = "") -> list[str]:
    """The sorted names of every Cypher file whose name starts with `prefix` (e.g. `schema/`)."""
    return sorted(name for name in catalogue() if name.startswith(prefix))
