"""Title regexes: compiled once, and searched only in texts that contain the words they require."""

from __future__ import annotations

import re
from functools import lru_cache

compiled = lru_cache(maxsize=None)(re.compile)

_METACHARACTERS = set("\\[](){}.*+?^$|")


def required_literal(pattern: str) -> str | None:
    """The longest run of plain characters that every match of `pattern` must contain, or None
    when that cannot be told simply (alternation at the top level). Runs inside groups, runs cut
    by escapes and the character a quantifier makes optional are not counted."""
    runs: list[str] = []
    current = ""
    depth = 0
    index = 0
    while index < len(pattern):
        char = pattern[index]
        if char == "\\":
            runs.append(current)
            current = ""
            index += 2
            continue
        if char in "([":
            runs.append(current)
            current = ""
            depth += 1
        elif char in ")]":
            depth = max(depth - 1, 0)
        elif char == "|" and depth == 0:
            return None
        elif char in "?*{":
            current = current[:-1]  # the quantifier applies to the character before it
            runs.append(current)
            current = ""
        elif char in _METACHARACTERS:
            runs.append(current)
            current = ""
        elif depth == 0:
            current += char
        index += 1
    runs.append(current)
    longest = max((run.strip() for run in runs), key=len, default="")
    return longest if len(longest) >= 4 else None
