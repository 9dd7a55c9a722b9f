"""A JSON document read for a few keys, with the line and column of a key's value: shared by the
lineage readers (adapter_config.json, config.json). json.loads, never anything that executes."""

from __future__ import annotations

import json
import re
from typing import Any

from modelicense.extract.text import decode
from modelicense.model import Location, Problem


def load(relpath: str, data: bytes, what: str) -> tuple[Any, Problem | None]:
    """(document, None), or (None, the problem that kept it from being read)."""
    text, _note = decode(data)
    try:
        return json.loads(text), None
    except json.JSONDecodeError as exc:
        return None, Problem("malformed", f"{what} is not valid JSON: {exc.msg}", Location(relpath, exc.lineno, exc.colno))
    except RecursionError:  # json raises it for arrays or objects nested too deeply
        return None, Problem("malformed", f"{what} nests too deeply to be read", Location(relpath))


def locate(relpath: str, data: bytes, key: str) -> Location:
    """Where the value of the first `"key":` stands (1-based line and column), or the file."""
    text, _note = decode(data)
    match = re.search(r'"' + re.escape(key) + r'"\s*:\s*', text)
    if not match:
        return Location(relpath)
    line = text.count("\n", 0, match.end()) + 1
    column = match.end() - (text.rfind("\n", 0, match.end()) + 1) + 1
    return Location(relpath, line, column)
