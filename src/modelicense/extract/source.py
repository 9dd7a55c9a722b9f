"""SPDX-License-Identifier lines at the top of source files (https://spdx.dev/ids/)."""

from __future__ import annotations

import re

from modelicense.lazyre import lazy_compile
from modelicense.model import Declaration, Extraction, Location

HEADER_LINES = 30
# The identifier ends at the end of the line or at a closing comment marker.
SPDX_LINE = lazy_compile(rb"SPDX-License-Identifier:\s*(?P<expr>[^\r\n]*?)\s*(?:\*/|-->|#\}|\"\"\"|'''|$)", re.M)


def extract(relpath: str, data: bytes, size: int) -> Extraction:
    if relpath.lower().endswith(".ipynb"):
        return Extraction()  # JSON: a header line would be a string in a cell (model ids: model_ids.py)
    if b"SPDX-License-Identifier:" not in data:  # most source files: one substring search, no split
        return Extraction()
    head = b"\n".join(data.split(b"\n", HEADER_LINES)[:HEADER_LINES])
    match = SPDX_LINE.search(head)
    if not match or not match.group("expr").strip():
        return Extraction()
    line = head.count(b"\n", 0, match.start()) + 1
    # Columns count characters (SARIF's unicodeCodePoints), not bytes: "# © SPDX-…" is not shifted.
    line_start = head.rfind(b"\n", 0, match.start()) + 1
    column = len(head[line_start:match.start("expr")].decode("utf-8", "replace")) + 1
    expr = match.group("expr").decode("utf-8", "replace").strip()
    return Extraction(declarations=(Declaration(expr, "code", Location(relpath, line, column), "SPDX-License-Identifier"),))
