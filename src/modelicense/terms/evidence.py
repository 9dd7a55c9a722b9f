"""Where a term stands and what it quotes: offsets in a declaration's words to a file, line and
column, and the sentence around them on one line."""

from __future__ import annotations

import re

from modelicense.lazyre import lazy_compile
from modelicense.model import Location

MAX_QUOTE = 240  # characters of evidence kept per term

_SENTENCE_END = lazy_compile(r"[.!?](?=\s)|\n\s*\n")


def quote(text: str, start: int, end: int, width: int = 60) -> str:
    """The words around text[start:end], within its sentence and about `width` characters each
    side, cut at word boundaries, on one line: what a message quotes as evidence."""
    before = [m.end() for m in _SENTENCE_END.finditer(text, max(0, start - width), start)]
    left = before[-1] if before else max(0, start - width)
    if left > 0 and not text[left - 1].isspace() and text[left - 1] not in ".!?" and " " in text[left:start]:
        left = text.index(" ", left) + 1  # do not start mid-word
    after = _SENTENCE_END.search(text, end, end + width)
    right = after.start() + (1 if text[after.start()] in ".!?" else 0) if after else min(len(text), end + width)
    if not after and right < len(text) and not text[right - 1].isspace() and " " in text[end:right]:
        right = text.rindex(" ", end, right)
    snippet = re.sub(r"\s+", " ", text[left:right]).strip()
    opened = "…" if left > 0 and not before else ""
    closed = "…" if not after and right < len(text) else ""
    return opened + snippet + closed


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
