"""scancode-toolkit, in process, imported only on a cache miss the fast path could not settle.

Loading scancode's licence index costs seconds and over a gigabyte of memory the first time in a
process; the index itself is cached by scancode on disk. Everything here is imported lazily, and
any failure to import or run scancode (the pluggy 1.7 trap, a broken index) is "unavailable",
never a crash.
"""

from __future__ import annotations

import importlib.util
import os
import re
import time
from functools import lru_cache
from pathlib import Path

from modelicense.detect.answer import EXACT, PARTIAL, WHOLE_TEXT, Answer, Span
from modelicense.fastclass import dataclass


# A crafted text keeps scancode's approximate matching busy for minutes (64 KiB of shuffled
# licence words: 40 s; 512 KiB: over 14 minutes), while real licence texts take under a second
# (GPL-3.0: 0.5 s; four licences pasted together: 0.9 s). Past the budget scancode returns what
# it has matched so far, and the result says it stopped.
TIME_BUDGET_SECONDS = 10.0


@dataclass(frozen=True)
class ScancodeMatch:
    expression: str  # scancode keys
    spdx_expression: str
    keys: tuple[tuple[str, str], ...]  # (scancode key, SPDX id or LicenseRef-scancode-*)
    coverage: float
    stopped: bool = False  # the time budget ran out: the matches may be incomplete
    leftover: tuple[Span, ...] = ()  # lines no match covers
    rules: tuple[str, ...] = ()  # identifiers of the scancode rules that matched (ppl_1.RULE)


ENV_DISABLE = "MODELICENSE_NO_SCANCODE"


def disabled() -> bool:
    """MODELICENSE_NO_SCANCODE=1: never load scancode, even when installed (the fast path alone)."""
    return os.environ.get(ENV_DISABLE, "") not in ("", "0")


def version() -> str | None:
    """scancode-toolkit's version (None when it is not installed or disabled)."""
    return None if disabled() else installed_version()


@lru_cache(maxsize=1)
def installed_version() -> str | None:
    """scancode-toolkit's version without importing it, from its dist-info folder's name."""
    spec = importlib.util.find_spec("licensedcode")
    if spec is None or not spec.origin:
        return None
    site = Path(spec.origin).parent.parent
    for info in sorted(site.glob("scancode_toolkit-*.dist-info")):
        return info.name[len("scancode_toolkit-"):-len(".dist-info")]
    return "unknown"


_failure: list[str] = []


def failure() -> str | None:
    """Why scancode could not be used in this process, if it was tried and failed."""
    return _failure[0] if _failure else None


def available() -> bool:
    return version() is not None and not _failure


def detect(text: str) -> ScancodeMatch | None:
    """scancode's detection of a text, as `scancode -l` reports it (license clues, the weak
    matches scancode itself leaves out of its detections, are left out), or None."""
    try:
        from licensedcode.cache import get_index, get_licenses_db
        from licensedcode.detection import detect_licenses
        from licensedcode.tokenize import query_tokenizer

        from modelicense.detect.fastpath import normalise

        index = get_index()
        deadline = time.time() + TIME_BUDGET_SECONDS
        detections = [d for d in detect_licenses(index=index, query_string=text, deadline=deadline)
                      if d.license_expression]
        stopped = time.time() >= deadline
    except Exception as exc:  # scancode fails in many ways when its plugins or index are broken
        _failure.append(f"{type(exc).__name__}: {exc}"[:300])
        return None
    if not detections:
        return None
    expressions = list(dict.fromkeys(d.license_expression for d in detections))
    spdx_expressions = list(dict.fromkeys(d.license_expression_spdx or d.license_expression for d in detections))
    database = get_licenses_db()
    keys: list[tuple[str, str]] = []
    for part in expressions:
        for key in re.findall(r"[\w.+-]+", part):
            if key.lower() in ("and", "or", "with"):
                continue
            licence = database.get(key)
            spdx = (licence.spdx_license_key if licence is not None else None) or f"LicenseRef-scancode-{key}"
            keys.append((key, spdx))
    # How much of each matched rule was found (a modified text scores below 100), and how much of
    # the text, copyright lines aside, the matches account for (extra terms score below 100).
    matches = [m for d in detections for m in d.matches]
    matched = sum(m.len() for m in matches)
    rule_coverage = sum(m.coverage() * m.len() for m in matches) / matched if matched else 100.0
    known = sum(1 for token in query_tokenizer(normalise(text)) if token in index.dictionary)
    text_coverage = 100.0 * min(1.0, matched / known) if known else 100.0
    covered = {line for m in matches for line in range(m.start_line, m.end_line + 1)}
    return ScancodeMatch(" AND ".join(_group(e, len(expressions)) for e in expressions),
                         " AND ".join(_group(e, len(spdx_expressions)) for e in spdx_expressions),
                         tuple(dict.fromkeys(keys)), round(min(rule_coverage, text_coverage), 1), stopped,
                         _uncovered(text, covered), tuple(dict.fromkeys(m.rule.identifier for m in matches)))


def _group(expression: str, count: int) -> str:
    return f"({expression})" if count > 1 and " " in expression else expression


def _uncovered(text: str, covered: set[int]) -> tuple[Span, ...]:
    """The lines no match covers (blank and copyright lines and a heading before the first match
    aside), as spans of the text: the words scancode did not account for."""
    from modelicense.detect.fastpath import HEADING_WORDS, is_copyright_line

    spans: list[list[int]] = []
    offset, previous, first_match = 0, -2, min(covered, default=0)
    for number, line in enumerate(text.splitlines(keepends=True), start=1):
        start, offset = offset, offset + len(line)
        words = line.split()
        if number in covered or not words or is_copyright_line(line):
            continue
        if number < first_match and len(words) <= HEADING_WORDS and not spans:
            continue
        end = start + len(line.rstrip())
        if number == previous + 1:
            spans[-1][1] = end
        else:
            spans.append([start + len(line) - len(line.lstrip()), end])
        previous = number
    return tuple((a, b) for a, b in spans)


# A match that accounts for this much of the text is the licence, its extra lines kept as leftover.
WHOLE_TEXT_COVERAGE = 95.0


class Scancode:
    """Chain step: scancode-toolkit in process, when installed and not disabled."""

    name = "scancode"
    cacheable = True

    def detect(self, text: str) -> Answer | None:
        if not available():
            return None
        from modelicense import progress

        progress.note_scancode()  # a long call: the progress line says what it waits for
        found = detect(text)
        if found is None:
            return None
        if found.coverage >= WHOLE_TEXT_COVERAGE:
            confidence = EXACT if found.coverage >= 100.0 and not found.leftover else WHOLE_TEXT
        else:
            confidence = PARTIAL
        keys, expression = corrected(found)
        return Answer(self.name, confidence, keys, expression, found.coverage, found.leftover, found.stopped)


@lru_cache(maxsize=1)
def _corrections() -> dict[str, dict[str, str]]:
    import json

    doc = json.loads((Path(__file__).parent / "data" / "scancode_corrections.json").read_text("utf-8"))
    return {entry["rule"]: entry for entry in doc["entries"]}


def corrected(found: ScancodeMatch) -> tuple[tuple[tuple[str, str], ...], str]:
    """scancode's answer with its known-bad rules put right (data/scancode_corrections.json): a
    rule filed under the wrong licence names that licence for every copy of the right one."""
    keys, expression = list(found.keys), found.spdx_expression
    for rule in found.rules:
        fix = _corrections().get(rule)
        if fix is None:
            continue
        wrong = next((pair for pair in keys if pair[0] == fix["scancode_key"]), None)
        if wrong is None:
            continue
        keys[keys.index(wrong)] = (fix["key"], fix["spdx"])
        expression = re.sub(rf"(?<![\w.+-]){re.escape(wrong[1])}(?![\w.+-])", fix["spdx"], expression)
    return tuple(dict.fromkeys(keys)), expression
