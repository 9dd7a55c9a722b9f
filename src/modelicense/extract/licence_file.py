"""Licence files: the whole text is one declaration; its name says what it covers.

LICENSE-MODEL, MODEL_LICENSE, LICENSE_weights and model_licenses/* cover weights; DATA_LICENSE
and LICENSE_DATA cover data; LICENSE-CODE covers code; a plain LICENSE covers the folder it
stands in (the whole repository at the root). Which licence the text is, is the resolver's job.
"""

from __future__ import annotations

import re

from modelicense.extract.text import decode, looks_binary
from modelicense.lazyre import lazy_compile
from modelicense.model import Declaration, Extraction, Location, Problem, Scope

# First match wins; tested against the lower-cased path.
SCOPE_BY_NAME: tuple[tuple[re.Pattern[str], Scope, str], ...] = (
    (lazy_compile(r"(^|/)(licenses|licences)/[^/]+$"), "repo", "reuse"),  # REUSE licence library
    # an additional patent grant (BSD + PATENTS): read for its terms, never the licence of anything
    (lazy_compile(r"(^|/)patents[^/]*$"), "repo", "patents"),
    (lazy_compile(r"(use|usage)[_-]?policy|acceptable[_-]?use"), "weights", "use-policy"),
    (lazy_compile(r"(^|/)model_licenses/"), "weights", "licence"),
    (lazy_compile(r"model|weight|checkpoint|diff"), "weights", "licence"),
    (lazy_compile(r"data"), "data", "licence"),
    (lazy_compile(r"code|software|source"), "code", "licence"),
    (lazy_compile(r"doc"), "docs", "licence"),
    (lazy_compile(r"(^|/)notice[^/]*$"), "repo", "notice"),
)


def scope_of(relpath: str) -> tuple[Scope, str]:
    lowered = relpath.lower()
    name = lowered.rsplit("/", 1)[-1]
    for pattern, scope, field in SCOPE_BY_NAME:
        # Folder names other than the REUSE/model_licenses ones say nothing about scope.
        subject = lowered if pattern.pattern.startswith("(^|/)") else name
        if pattern.search(subject):
            return scope, field
    return "repo", "licence"


def extract(relpath: str, data: bytes, size: int) -> Extraction:
    if not data.strip():
        return Extraction(problems=(Problem("malformed", "licence file is empty", Location(relpath)),))
    if relpath.lower().endswith(".pdf") or looks_binary(data):
        return Extraction(problems=(Problem("malformed", "licence file is binary; cannot be read as text", Location(relpath)),))
    text, note = decode(data)
    problems = (Problem("malformed", f"licence file is {note}", Location(relpath, 1, 1)),) if note else ()
    scope, field = scope_of(relpath)
    declaration = Declaration(text, scope, Location(relpath, 1, 1), field, is_text=True)
    return Extraction(declarations=(declaration,), problems=problems)
