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
    why = not_a_licence_text(text)
    if why is not None:  # named like a licence, but data, code or a page about licences
        return Extraction(metadata=(("skipped", f"named like a licence file, but {why}; not read as a licence"),))
    problems = (Problem("malformed", f"licence file is {note}", Location(relpath, 1, 1)),) if note else ()
    scope, field = scope_of(relpath)
    declaration = Declaration(text, scope, Location(relpath, 1, 1), field, is_text=True)
    return Extraction(declarations=(declaration,), problems=problems)


# --- by content: a licence text, not a table, a program or a page listing licences -------------
# `data/licenses.csv`, `eula_dialog.tsx` and a docs page with a table of licence ids all have
# licence names; read as licence texts they cost scancode its time limit and made findings
# about licences nobody declared. Each test is structural and needs a clear majority of the
# file's first lines, so a licence text with a few list items or a code sample stays a licence.

_SAMPLE_LINES = 60
_CODE_LINE = lazy_compile(
    r"^\s*(?:(?:import|export|from\s+\S+\s+import|const|let|var|function|class|def|return|package|using|"
    r"public|private|protected|interface|type\s+\w+\s*=|#include|#!|@\w+)\b.*"
    # a line closing a block or a call, opening one, or a call statement (`f(x);`, not "(a) … ;")
    r"|.*(?:[{}(\[]|=>)\s*|\s*[)\]]+[;,]?\s*|.*\w\(.*\);\s*)$"
)
_TABLE_ROW = lazy_compile(r"^\s*\|.*\|")


def not_a_licence_text(text: str) -> str | None:
    """Why a file with a licence's name is not a licence text, or None when it may be one."""
    lines = [line for line in text.splitlines()[: _SAMPLE_LINES * 4] if line.strip()][:_SAMPLE_LINES]
    if len(lines) < 5:
        return None
    code = sum(1 for line in lines if _CODE_LINE.match(line))
    if code * 2 >= len(lines):
        return f"it is a program ({code} of its first {len(lines)} lines are code)"
    rows = sum(1 for line in lines if _TABLE_ROW.match(line))
    if rows >= 10 and rows * 2 >= len(lines):
        return f"it is a page listing licences in a table ({rows} of its first {len(lines)} lines are table rows)"
    columns = _columns(lines)
    if columns is not None:
        return f"it is a table of data ({columns[1]} lines of {columns[0]} '{columns[2]}'-separated fields)"
    return None


def _columns(lines: list[str]) -> tuple[int, int, str] | None:
    """(fields, rows, delimiter) when the lines are delimiter-separated values with the same number
    of fields (3 or more: indented licence text splits in two at a tab) on nine lines in ten."""
    import csv  # only for files that reach this test

    for delimiter in (",", "\t", ";"):
        if sum(1 for line in lines if delimiter in line) * 10 < len(lines) * 9:
            continue
        counts = [len(row) for row in csv.reader(lines, delimiter=delimiter)]
        common = max(set(counts), key=counts.count)
        if common >= 3 and counts.count(common) >= 10 and counts.count(common) * 10 >= len(counts) * 9:
            return common, counts.count(common), "tab" if delimiter == "\t" else delimiter
    return None
