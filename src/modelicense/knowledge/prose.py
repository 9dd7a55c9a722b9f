"""Restriction phrases in prose: "for non-commercial research purposes only", "academic use only",
"requires prior written permission", "no derivatives".

Cards often say in their "Licensing Information" section what their `license:` field does not.
`restrictions(text)` names the restrictions a text states, from the phrase table in
data/restrictions.json (data, not code: add a wording there). A negation near a match ("for
commercial and non-commercial use", "including commercial") cancels it. Pure; no I/O after the
table is read once.
"""

from __future__ import annotations

import json
import os
import re
from functools import lru_cache

from modelicense.fastclass import dataclass
from modelicense.lazyre import lazy_compile

RESTRICTIONS = ("non-commercial", "research-only", "academic-only", "permission-required", "no-derivatives")
_NEGATION_WINDOW = 60  # characters either side of a match that a negation may stand in
_SEPARATORS = lazy_compile(r"[\s\-_]+")


@dataclass(frozen=True)
class Phrase:
    """One restriction stated in a text: which, where (offsets in the text given), and the words."""

    restriction: str
    start: int
    end: int
    text: str


@lru_cache(maxsize=1)
def _table() -> tuple[tuple[tuple[str, re.Pattern[str]], ...], tuple[re.Pattern[str], ...]]:
    with open(os.path.join(os.path.dirname(__file__), "data", "restrictions.json"), encoding="utf-8") as handle:
        doc = json.load(handle)
    patterns = []
    for entry in doc["entries"]:
        if entry["restriction"] not in RESTRICTIONS:
            raise ValueError(f"restrictions.json: unknown restriction {entry['restriction']!r}")
        patterns.extend((entry["restriction"], re.compile(p, re.IGNORECASE)) for p in entry["patterns"])
    negations = tuple(re.compile(p, re.IGNORECASE) for p in doc["negations"])
    return tuple(patterns), negations


def _flatten(text: str) -> tuple[str, list[int]]:
    """The text with hyphens, underscores and whitespace runs as single spaces, and for each
    character of it the offset in the original (so findings can point at the real words)."""
    flat: list[str] = []
    offsets: list[int] = []
    last = 0
    for match in _SEPARATORS.finditer(text):  # runs copied whole (a loop per character cost 10× more)
        start = match.start()
        flat.append(text[last:start])
        offsets.extend(range(last, start))
        flat.append(" ")
        offsets.append(start)
        last = match.end()
    flat.append(text[last:])
    offsets.extend(range(last, len(text)))
    offsets.append(len(text))
    return "".join(flat), offsets


def find(text: str) -> list[Phrase]:
    """Every restriction phrase in the text, in order, without the negated ones."""
    patterns, negations = _table()
    flat, offsets = _flatten(text)
    found: list[Phrase] = []
    for restriction, pattern in patterns:
        for match in pattern.finditer(flat):
            window = flat[max(0, match.start() - _NEGATION_WINDOW):match.end() + _NEGATION_WINDOW]
            if any(n.search(window) for n in negations):
                continue
            start, end = offsets[match.start()], offsets[match.end()]
            found.append(Phrase(restriction, start, end, text[start:end]))
    found.sort(key=lambda p: (p.start, p.restriction))
    return found


def restrictions(text: str) -> set[str]:
    """The restrictions a text states: a subset of RESTRICTIONS."""
    return {phrase.restriction for phrase in find(text)}


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
