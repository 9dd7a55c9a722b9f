"""Module-level regular expressions compiled on first use.

A pre-commit hook starts a fresh process on every commit, and most runs use a few of the
modules' ~70 patterns; compiling them all at import cost more than the rest of the module
imports. `lazy_compile` has `re.compile`'s signature and returns an object that behaves as the
compiled pattern (search, match, sub, finditer...), compiling it the first time it is used.
"""

from __future__ import annotations

import re
from typing import Any


class LazyPattern:
    def __init__(self, pattern: str | bytes, flags: int = 0):
        self._source = (pattern, flags)

    def compiled(self) -> re.Pattern:
        return re.compile(*self._source)  # re keeps its own cache of compiled patterns

    def __getattr__(self, name: str) -> Any:
        # Only reached for names not yet on the instance: keep the compiled pattern's attribute
        # (a bound method) so that later calls pay a plain attribute lookup.
        value = getattr(self.compiled(), name)
        setattr(self, name, value)
        return value

    def __repr__(self) -> str:
        return f"lazy_compile({self._source[0]!r}, {self._source[1]})"


def lazy_compile(pattern: str | bytes, flags: int = 0) -> Any:
    """Like re.compile, compiled on first use (typed Any: it stands for an re.Pattern)."""
    return LazyPattern(pattern, flags)
