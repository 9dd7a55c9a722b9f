"""Where a term stands and what it quotes: offsets in a declaration's words to a file, line and
column, and the sentence around them on one line."""

from __future__ import annotations

from modelicense.knowledge.prose import quote
from modelicense.model import Location

MAX_QUOTE = 240  # characters of evidence kept per term


def locate(text: str, offset: int, origin: Location) -> Location:
    """The location of `text[offset]`, where `text` starts at `origin` (a licence file at line 1,
    a `license:` value at its own line and column)."""
    line_index = text.count("\n", 0, offset)
    if origin.line is None:
        return Location(origin.path)
    if line_index == 0:
        return Location(origin.path, origin.line, (origin.column or 1) + offset)
    return Location(origin.path, origin.line + line_index, offset - text.rindex("\n", 0, offset))


def quoted(text: str, start: int, end: int) -> str:
    """The words of the term within their sentence, on one line, at most MAX_QUOTE characters."""
    words = quote(text, start, end)
    return words if len(words) <= MAX_QUOTE else words[:MAX_QUOTE - 1].rstrip() + "…"
