"""The source lines findings point at, cut from the bytes the scan already read.

The text format shows the line under each finding (as ruff does). The lines come from the
scan's own reads, never from reading a file again: a second read could meet another file (it
changed, or a link now points elsewhere) and would cost the hook a second pass over every card.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping

from modelicense.extract.text import decode
from modelicense.model import Finding

# A line is shown, not stored whole: a licence paragraph on one line can be 100 KiB.
MAX_KEPT = 4096


def lines_for(findings: Iterable[Finding], texts: Mapping[str, bytes]) -> dict[tuple[str, int], str]:
    """(path, line) -> that line's text, for every finding with a line in a file that was read
    as text. Lines are counted as the extractors count them: split at LF, a CR before it dropped."""
    wanted: dict[str, set[int]] = defaultdict(set)
    for finding in findings:
        location = finding.location  # the one shown with a caret; related ones are named only
        if location.line is not None and location.path in texts:
            wanted[location.path].add(location.line)
    found: dict[tuple[str, int], str] = {}
    for path, numbers in wanted.items():
        text, _ = decode(texts[path])
        last = max(numbers)
        for number, line in enumerate(text.split("\n", last)[:last], start=1):
            if number in numbers:
                found[(path, number)] = line.removesuffix("\r")[:MAX_KEPT]
    return found
