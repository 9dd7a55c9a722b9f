"""The fast path: exact or near-exact copies of common licence texts, without scancode.

A licence file is normalised (lower case, punctuation and layout dropped, copyright lines
removed) and searched for the normalised canonical texts and whole-text rules that
`build_fastpath` extracted from scancode's own licence data. Each word keeps its place in the
original text, so the words no known text accounts for (an added term, a note) are returned as
spans of the original: the terms reader reads them, nothing is silently tolerated.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

from modelicense.detect.answer import PARTIAL, Answer, Span, confidence_of
from modelicense.fastclass import dataclass

# Lines that only say who holds the copyright: they differ in every copy of MIT, BSD, Apache...
_COPYRIGHT_LINE = re.compile(
    r"^[\W_]*(?:copyright\s*(?:\(c\)|©|\d{4}|\[yyyy\]|<year>|\{year\})|©|\(c\)\s*\d{4}|all rights reserved)[^\n]*$",
    re.I | re.M,
)
_WORD = re.compile(r"[^\W_]+")
# A heading before the licence text ("The MIT License (MIT)", "Apache License") is not leftover;
# a few words elsewhere (a project name, a date) make a whole text with leftover, more a partial one.
HEADING_WORDS = 8
LEFTOVER_WORDS = 8
LEFTOVER_SHARE = 0.02
_MATCHED = "#"  # stands for a matched word: never part of a normalised text, so no match spans it


def is_copyright_line(line: str) -> bool:
    return _COPYRIGHT_LINE.match(line.strip()) is not None


def _blanked(text: str) -> str:
    """The text with its copyright lines blanked out, same length (offsets still hold)."""
    return _COPYRIGHT_LINE.sub(lambda m: " " * len(m.group()), text)


def _tokens(blanked: str) -> list[str]:
    tokens = _WORD.findall(blanked.lower().replace("licence", "license"))
    return ["http" if token == "https" else token for token in tokens]


def normalise(text: str) -> str:
    return " " + " ".join(_tokens(_blanked(text))) + " "


@dataclass(frozen=True)
class FastMatch:
    keys: tuple[str, ...]  # scancode keys, in order of appearance
    spdx: tuple[str, ...]  # the same licences as SPDX ids (LicenseRef-scancode-* where SPDX has none)
    coverage: float  # percent of the text's words (a heading aside) that belong to a known licence text
    confidence: str  # answer.EXACT, WHOLE_TEXT or PARTIAL
    leftover: tuple[Span, ...] = ()  # what no known text accounts for, as spans of the original text

    @property
    def sure(self) -> bool:
        return self.confidence != PARTIAL


@dataclass(frozen=True)
class _Entry:
    key: str
    text: str


@lru_cache(maxsize=1)
def _load() -> tuple[tuple[_Entry, ...], dict[str, str]]:
    raw = (Path(__file__).parent / "data" / "fastpath.json").read_text("utf-8")
    doc = json.loads(raw)
    return tuple(_Entry(e["key"], e["text"]) for e in doc["entries"]), doc["spdx"]


def match(text: str) -> FastMatch | None:
    """The known licence texts contained in `text`, or None when there is none."""
    entries, spdx = _load()
    blanked = _blanked(text)
    tokens = _tokens(blanked)
    if not tokens:
        return None
    # What is still unmatched, and which word of the text each of its words is; a match is cut
    # out and replaced by one marker, so the next search is shorter and cannot span the gap.
    live, where = list(tokens), list(range(len(tokens)))
    remaining = " " + " ".join(live) + " "
    found: list[tuple[int, str]] = []
    matched = [False] * len(tokens)
    for entry in entries:  # longest first, so a full text wins over its shorter variants
        at = remaining.find(entry.text)
        if at < 0:
            continue
        first, count = remaining.count(" ", 0, at), entry.text.count(" ") - 1
        found.append((where[first], entry.key))
        for index in where[first:first + count]:
            matched[index] = True
        live[first:first + count], where[first:first + count] = [_MATCHED], [-1]
        remaining = " " + " ".join(live) + " "
    if not found:
        return None
    left = [i for i, done in enumerate(matched) if not done]
    opening = min(first for first, _ in found)
    heading = [i for i in left if i < opening]
    if len(heading) <= HEADING_WORDS:
        left = left[len(heading):]
    total = len(tokens) - (len(heading) if len(heading) <= HEADING_WORDS else 0)
    coverage = round(100.0 * (total - len(left)) / total, 1) if total else 100.0
    keys = tuple(dict.fromkeys(key for _, key in sorted(found)))
    return FastMatch(keys, tuple(spdx.get(k, f"LicenseRef-scancode-{k}") for k in keys), coverage,
                     confidence_of(len(left), total, LEFTOVER_WORDS, LEFTOVER_SHARE), _spans(blanked, left))


def _spans(blanked: str, indices: list[int]) -> tuple[Span, ...]:
    """Consecutive leftover words as spans of the original text (word offsets are found again
    only here: most texts have nothing left over)."""
    if not indices:
        return ()
    words = [(m.start(), m.end()) for m in _WORD.finditer(blanked)]
    if len(words) <= indices[-1]:  # lower-casing split a word (rare Unicode): the whole text is left over
        return ((0, len(blanked)),)
    spans: list[list[int]] = []
    previous = -2
    for index in indices:
        if index == previous + 1:
            spans[-1][1] = words[index][1]
        else:
            spans.append([words[index][0], words[index][1]])
        previous = index
    return tuple((start, end) for start, end in spans)


class FastPath:
    """Chain step: exact and near-exact copies of the licence texts in data/fastpath.json."""

    name = "fastpath"
    cacheable = True

    def detect(self, text: str) -> Answer | None:
        found = match(text)
        if found is None:
            return None
        return Answer(self.name, found.confidence, tuple(zip(found.keys, found.spdx)), " AND ".join(found.spdx),
                      found.coverage, found.leftover)
