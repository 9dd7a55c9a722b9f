"""The fast path: exact or near-exact copies of common licence texts, without scancode.

A licence file is normalised (lower case, punctuation and layout dropped, copyright lines
removed) and searched for the normalised canonical texts and whole-text rules that
`build_fastpath` extracted from scancode's own licence data. A text found whole, with at most a
few words left over (a title, a "Copyright" line in an odd place), is a sure match; anything
else is unsure and goes to scancode when it is installed.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

# Lines that only say who holds the copyright: they differ in every copy of MIT, BSD, Apache...
_COPYRIGHT_LINE = re.compile(
    r"^[\W_]*(?:copyright\s*(?:\(c\)|©|\d{4}|\[yyyy\]|<year>|\{year\})|©|\(c\)\s*\d{4}|all rights reserved)[^\n]*$",
    re.I | re.M,
)
_NOT_WORD = re.compile(r"[\W_]+")
_HTTPS = re.compile(r"\bhttps\b")
LEFTOVER_WORDS = 8  # a title such as "The MIT License (MIT)" or "Apache License" on its own line
LEFTOVER_SHARE = 0.02


def normalise(text: str) -> str:
    text = _COPYRIGHT_LINE.sub(" ", text.lower().replace("licence", "license"))
    return " " + " ".join(_HTTPS.sub("http", _NOT_WORD.sub(" ", text)).split()) + " "


@dataclass(frozen=True)
class FastMatch:
    keys: tuple[str, ...]  # scancode keys, in order of appearance
    spdx: tuple[str, ...]  # the same licences as SPDX ids (LicenseRef-scancode-* where SPDX has none)
    coverage: float  # percent of the text's words that belong to a known licence text
    sure: bool


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
    remaining = normalise(text)
    total = remaining.count(" ") - 1
    if total <= 0:
        return None
    found: list[tuple[int, str]] = []
    for entry in entries:  # longest first, so a full text wins over its shorter variants
        at = remaining.find(entry.text)
        if at >= 0:
            found.append((at, entry.key))
            remaining = remaining[:at] + " " + remaining[at + len(entry.text):]
    if not found:
        return None
    keys = tuple(dict.fromkeys(key for _, key in sorted(found)))
    leftover = len(remaining.split())
    coverage = round(100.0 * (total - leftover) / total, 1)
    sure = leftover <= max(LEFTOVER_WORDS, LEFTOVER_SHARE * total)
    return FastMatch(keys, tuple(spdx.get(k, f"LicenseRef-scancode-{k}") for k in keys),
                     100.0 if sure else coverage, sure)
