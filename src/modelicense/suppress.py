"""Inline suppression comments, with a reason.

    <!-- modelicense: ignore[DAT001] trained on it with the owner's written permission -->   (Markdown)
    # modelicense: ignore[DEC004, WGT] the card covers the weights, LICENSE the code     (YAML front matter, TOML)

Where a suppression applies (one decision, documented in `modelicense explain DEC008`):
- a `#` comment (`ignore[...]`) after a value (`license: gpl-3.0  # modelicense: ...`)
  applies to findings on its own line; a comment alone on its line applies to the line directly
  below it (the key or list item it stands above) — and to its own line;
- an HTML comment in a Markdown card applies to the whole card: it can only stand in the body,
  never beside the front matter keys most findings point at;
- `# modelicense: ignore-file[...]` applies to every finding of those rules in the file
  (for findings about the whole file, which have no line).
The text after `]` is the reason. A suppression without a reason, or naming no rule, is not
applied: DEC008 reports it, so that every silenced finding says why.

Only the comment syntax of the file's own format counts, so that prose which merely quotes the
syntax (this docstring, a README explaining the tool) is not taken for a suppression: HTML
comments in Markdown, `#` comments in TOML and in a card's YAML front matter, and line
comments (`#`, `//`, `--`, `;`, `/* */`) in the first 40 lines of a source file that carries an
SPDX-License-Identifier (where CMP findings stand), and `#` comments in requirements files,
conda environments and Dockerfiles (where RUN findings stand). Comments inside a
fenced code block in Markdown are examples, not suppressions.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from modelicense.lazyre import lazy_compile
from modelicense.model import Finding, Location, Suppression

_HTML = lazy_compile(r"<!--\s*modelicense:\s*ignore(?P<file>-file)?\[(?P<rules>[^\]]*)\](?P<reason>.*?)-->", re.IGNORECASE)
_HASH = lazy_compile(r"#\s*modelicense:\s*ignore(?P<file>-file)?\[(?P<rules>[^\]]*)\](?P<reason>.*)$", re.IGNORECASE)
# Source files (for CMP findings at an SPDX header): after any line-comment marker.
_CODE = lazy_compile(
    r"(?:#|//|--|;|/\*)\s*modelicense:\s*ignore(?P<file>-file)?\[(?P<rules>[^\]]*)\](?P<reason>.*?)\s*(?:\*/)?$", re.I
)
_FENCE = lazy_compile(r"^\s*(```|~~~)")
MARKDOWN_SUFFIXES = (".md", ".markdown")
TOML_SUFFIXES = (".toml",)
SOURCE_HEAD_LINES = 40  # findings in source files stand at the SPDX header, near the top


def parse(relpath: str, text: str) -> tuple[Suppression, ...]:
    """Every suppression comment in one file."""
    lower = relpath.lower()
    if lower.endswith(MARKDOWN_SUFFIXES):
        return tuple(_markdown(relpath, text))
    if lower.endswith(TOML_SUFFIXES):
        return tuple(_lines(relpath, text.splitlines(), 1))
    return ()


def parse_hash(relpath: str, text: str) -> tuple[Suppression, ...]:
    """Suppressions in a file whose comments are `#` lines: requirements files, conda
    environments, Dockerfiles (the runtime manifests RUN findings point into)."""
    return tuple(_lines(relpath, text.splitlines(), 1))


def parse_source(relpath: str, text: str) -> tuple[Suppression, ...]:
    """Suppressions in the first lines of a source file, in its own comment syntax."""
    found: list[Suppression] = []
    for offset, line in enumerate(text.splitlines()[:SOURCE_HEAD_LINES]):
        match = _CODE.search(line)
        if match:
            found.append(_suppression(match, Location(relpath, offset + 1, match.start() + 1),
                                      next_line=not line[: match.start()].strip()))
    return tuple(found)


def from_comment(comment: str, location: Location, next_line: bool) -> Suppression | None:
    """The suppression a `#` comment token holds (the model-id reader gives the comments beside
    the calls it found: tokenize tells a comment from a `#` inside a string)."""
    match = _HASH.search(comment)
    return _suppression(match, location, next_line=next_line) if match else None


def _markdown(relpath: str, text: str) -> Iterable[Suppression]:
    lines = text.splitlines()
    body_start = 0
    if lines and lines[0].strip() == "---":
        end = next((i for i in range(1, len(lines)) if lines[i].strip() in ("---", "...")), None)
        if end is not None:
            yield from _lines(relpath, lines[1:end], 2)
            body_start = end + 1
    in_fence = False
    for index in range(body_start, len(lines)):
        line = lines[index]
        if _FENCE.match(line):
            in_fence = not in_fence
            continue
        if in_fence:
            continue
        for match in _HTML.finditer(line):
            yield _suppression(match, Location(relpath, index + 1, match.start() + 1), whole_file=True)


def _lines(relpath: str, lines: list[str], first_number: int) -> Iterable[Suppression]:
    """`#` comments (YAML, TOML). A `#` inside a quoted string is rare enough in these files
    that a plain search is kept; the rule ids in brackets make an accidental match unlikely."""
    for offset, line in enumerate(lines):
        match = _HASH.search(line)
        if match:
            yield _suppression(match, Location(relpath, first_number + offset, match.start() + 1),
                               next_line=not line[: match.start()].strip())


def _suppression(match: re.Match[str], location: Location, whole_file: bool = False,
                 next_line: bool = True) -> Suppression:
    rules = tuple(part.strip().upper() for part in match.group("rules").split(",") if part.strip())
    reason = match.group("reason").strip().lstrip(":-–— ").strip()
    return Suppression(rules, reason, location, whole_file=whole_file or bool(match.group("file")), next_line=next_line)


def valid(suppression: Suppression) -> bool:
    return bool(suppression.rules and suppression.reason)


def covers(suppression: Suppression, finding: Finding) -> bool:
    if not valid(suppression) or suppression.location.path != finding.location.path:
        return False
    if not any(finding.rule.startswith(rule) for rule in suppression.rules):
        return False
    if suppression.whole_file:
        return True
    line, own = finding.location.line, suppression.location.line or 0
    return line is not None and (line == own or suppression.next_line and line == own + 1)


def apply(findings: Iterable[Finding], suppressions: Iterable[Suppression]) -> list[Finding]:
    """The findings no valid suppression covers. Findings about a suppression (DEC008) stay."""
    return partition(findings, suppressions)[0]


def partition(findings: Iterable[Finding], suppressions: Iterable[Suppression]
              ) -> tuple[list[Finding], list[tuple[Finding, Suppression]]]:
    """(kept, hidden): the findings no valid suppression covers, and each hidden one with the
    comment that hid it (reports count them). Findings about a suppression (DEC008) stay."""
    by_path: dict[str, list[Suppression]] = {}
    for suppression in suppressions:
        by_path.setdefault(suppression.location.path, []).append(suppression)
    kept: list[Finding] = []
    hidden: list[tuple[Finding, Suppression]] = []
    for finding in findings:
        candidates = by_path.get(finding.location.path, ())
        cover = next((s for s in candidates if covers(s, finding)), None) if finding.rule != "DEC008" else None
        if cover is None:
            kept.append(finding)
        else:
            hidden.append((finding, cover))
    return kept, hidden
