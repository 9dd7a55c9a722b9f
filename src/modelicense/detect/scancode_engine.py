"""scancode-toolkit, in process, imported only on a cache miss the fast path could not settle.

Loading scancode's licence index costs seconds and over a gigabyte of memory the first time in a
process; the index itself is cached by scancode on disk. Everything here is imported lazily, and
any failure to import or run scancode (the pluggy 1.7 trap, a broken index) is "unavailable",
never a crash.
"""

from __future__ import annotations

import importlib.util
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from modelicense.detect.fastpath import normalise


@dataclass(frozen=True)
class ScancodeMatch:
    expression: str  # scancode keys
    spdx_expression: str
    keys: tuple[tuple[str, str], ...]  # (scancode key, SPDX id or LicenseRef-scancode-*)
    coverage: float


@lru_cache(maxsize=1)
def version() -> str | None:
    """scancode-toolkit's version without importing it (None when it is not installed)."""
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
    """scancode's detection of a text, or None when it finds no licence or cannot run."""
    try:
        from licensedcode.cache import build_spdx_license_expression, get_index, get_licenses_db
        from licensedcode.tokenize import query_tokenizer

        index = get_index()
        matches = index.match(query_string=text)
    except Exception as exc:  # scancode fails in many ways when its plugins or index are broken
        _failure.append(f"{type(exc).__name__}: {exc}"[:300])
        return None
    matches = [m for m in matches if m.rule.license_expression]
    if not matches:
        return None
    expressions = list(dict.fromkeys(m.rule.license_expression for m in matches))
    expression = " AND ".join(f"({e})" if " " in e and len(expressions) > 1 else e for e in expressions)
    database = get_licenses_db()
    keys: list[tuple[str, str]] = []
    for part in expressions:
        for key in re.findall(r"[\w.+-]+", part):
            if key.lower() in ("and", "or", "with"):
                continue
            licence = database.get(key)
            spdx = (licence.spdx_license_key if licence is not None else None) or f"LicenseRef-scancode-{key}"
            keys.append((key, spdx))
    try:
        spdx_expression = build_spdx_license_expression(expression)
    except Exception:  # an expression scancode cannot render in SPDX: keep its own keys
        spdx_expression = expression
    # How much of each matched rule was found (a modified text scores below 100), and how much of
    # the text, copyright lines aside, the matches account for (extra terms score below 100).
    matched = sum(m.len() for m in matches)
    rule_coverage = sum(m.coverage() * m.len() for m in matches) / matched
    known = sum(1 for token in query_tokenizer(normalise(text)) if token in index.dictionary)
    text_coverage = 100.0 * min(1.0, matched / known) if known else 100.0
    return ScancodeMatch(expression, spdx_expression, tuple(dict.fromkeys(keys)),
                         round(min(rule_coverage, text_coverage), 1))
