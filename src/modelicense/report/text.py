"""Human output in ruff's shape, so that a failing hook says what is wrong, where, and how to fix it:

    README.md:3:10: WGT001 [warning] the weights in model.safetensors are under GPL-3.0-only …
      |
    3 | license: gpl-3.0
      |          ^^^^^^^
      |
      = see: LICENSE:1:1
      = help: Licence the weights under terms written for models or data …

then the counts, what configuration and baseline hid, and how to explain or suppress a rule.
`concise` (and `--quiet`) keep one line per finding, for scripts and grep.

The report is a list of blocks (findings, summary) joined by blank lines, so that other parts
(an inventory table) can be added as blocks of their own. The source lines come from the scan
result (`ScanResult.lines`, cut from the bytes the scan read); nothing here reads a file.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from modelicense.model import Finding, ScanResult, Severity
from modelicense.report import ReportOptions, counts, display_path, paths_in_message, printable

if TYPE_CHECKING:
    from modelicense.rules import Rule

_COLOURS = {Severity.ERROR: "\x1b[1;31m", Severity.WARNING: "\x1b[1;33m", Severity.INFO: "\x1b[1;36m"}
_BOLD, _DIM, _BLUE, _RESET = "\x1b[1m", "\x1b[2m", "\x1b[1;34m", "\x1b[0m"
# Shown around the reported column; longer lines are cut, with an ellipsis, around it.
_WINDOW = 100
_ELLIPSIS = "…"

Paint = Callable[[str, str], str]


def render(results: Sequence[ScanResult], options: ReportOptions) -> str:
    return _join(_blocks(results, options, concise=options.quiet))


def render_concise(results: Sequence[ScanResult], options: ReportOptions) -> str:
    return _join(_blocks(results, options, concise=True))


def _blocks(results: Sequence[ScanResult], options: ReportOptions, concise: bool) -> list[str]:
    paint = _painter(options.colour)
    findings = _ordered(results)
    blocks: list[str] = []
    if not concise:
        blocks.extend(inventory_blocks(results, bool(findings)))
    if concise:
        blocks.append("\n".join(_concise_line(f, results, paint) for f, _ in findings))
    else:
        blocks.extend(_full(f, lines, results, paint) for f, lines in findings)
    if not options.quiet:
        blocks.append(summary(results, concise, paint))
    return blocks


def inventory_blocks(results: Sequence[ScanResult], any_findings: bool) -> list[str]:
    """The inventory table each root's report opens with, when there are findings to read it
    beside. A clean scan (what a passing pre-commit hook prints, and pre-commit hides) gets one
    line with the commercial-use answer instead: the table is `modelicense inventory`'s job."""
    inventories = [r.inventory for r in results if r.inventory is not None]
    if not inventories:
        return []
    from modelicense.report.inventory import summary_line, text_table

    if not any_findings:
        return ["\n".join(summary_line(inv) for inv in inventories)]
    return [_safe_block(text_table(inv)) for inv in inventories]


def _safe_block(text: str) -> str:
    return "\n".join(_safe(line) for line in text.split("\n"))


def _join(blocks: list[str]) -> str:
    text = "\n\n".join(block for block in blocks if block)
    return text + "\n" if text else ""


def _painter(colour: bool) -> Paint:
    def paint(code: str, text: str) -> str:
        return f"{code}{text}{_RESET}" if colour and text else text

    return paint


def _ordered(results: Sequence[ScanResult]) -> list[tuple[Finding, ScanResult]]:
    several = len(results) > 1
    pairs = [(f, r) for r in results for f in r.findings]
    return sorted(pairs, key=lambda p: (display_path(p[0].root, p[0].location.path, several),) + p[0].sort_key())


def _where(finding: Finding, results: Sequence[ScanResult]) -> str:
    where = display_path(finding.root, finding.location.path, len(results) > 1)
    if finding.location.line is not None:
        where += f":{finding.location.line}"
        if finding.location.column is not None:
            where += f":{finding.location.column}"
    return _safe(where)


def _head(finding: Finding, results: Sequence[ScanResult], paint: Paint) -> str:
    level = paint(_COLOURS[finding.severity], f"{finding.rule} [{finding.severity.value}]")
    message = finding.message
    if len(results) > 1:  # paths in the message as in the location, prefixed by their root
        paths = [a.path for r in results if r.root == finding.root for a in r.repository.artefacts]
        message = paths_in_message(message, finding.root, paths, several_roots=True)
    return f"{paint(_BOLD, _where(finding, results))}: {level} {_safe(message)}"


def _related(finding: Finding, results: Sequence[ScanResult]) -> list[str]:
    several = len(results) > 1
    return [_safe(display_path(finding.root, str(r), several)) for r in finding.related]


def _concise_line(finding: Finding, results: Sequence[ScanResult], paint: Paint) -> str:
    related = _related(finding, results)
    return _head(finding, results, paint) + (f" (see {', '.join(related)})" if related else "")


def _full(finding: Finding, result: ScanResult, results: Sequence[ScanResult], paint: Paint) -> str:
    out = [_head(finding, results, paint)]
    line = finding.location.line
    source = result.lines.get((finding.location.path, line)) if line is not None else None
    gutter = len(str(line)) if line is not None else 1
    bar = paint(_BLUE, " " * gutter + " |")
    if source is not None and line is not None:
        shown, start, width = _excerpt(source, finding.location.column)
        out.append(bar)
        out.append(f"{paint(_BLUE, f'{line} |')} {shown}")
        if width:
            out.append(f"{bar} {' ' * start}{paint(_COLOURS[finding.severity], '^' * width)}")
        out.append(bar)
    for related in _related(finding, results):
        out.append(f"{' ' * gutter} = see: {related}")
    advice = help_text(finding.rule)
    if advice:
        out.append(f"{' ' * gutter} = {paint(_BOLD, 'help')}: {_safe(advice)}")
    return "\n".join(out)


def _excerpt(source: str, column: int | None) -> tuple[str, int, int]:
    """(line as shown, display offset of the caret, caret width). The caret underlines the word
    that starts at the column (the declared value); without a column there is no caret. Offsets
    are counted on the escaped text in terminal cells, so the caret stands under its word even
    after tabs, control characters and wide characters."""
    line = source.rstrip()
    known = column is not None and 1 <= column <= len(line) + 1
    index = column - 1 if known and column is not None else 0
    start, prefix, suffix = _window(line, index)
    piece = line[start:start + 2 * _WINDOW]
    shown = prefix + _shown(piece) + suffix
    if not known:
        return shown, 0, 0
    word = re.match(r"\S*", line[index:]).group(0) or " "
    word = word[: max(len(piece) - (index - start), 1)]
    return shown, _cells(prefix + _shown(line[start:index])), max(_cells(_shown(word)), 1)


def _window(line: str, index: int) -> tuple[int, str, str]:
    """Where the part of the line shown around index starts, and the ellipses before and after it
    when the line is cut."""
    if len(line) <= 2 * _WINDOW:
        return 0, "", ""
    start = max(index - _WINDOW // 2, 0)
    return start, _ELLIPSIS if start else "", _ELLIPSIS if start + 2 * _WINDOW < len(line) else ""


def _shown(text: str) -> str:
    return _safe(text.replace("\t", " "))


def _cells(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 0 if unicodedata.combining(ch) else 1
               for ch in text)


def help_text(rule_id: str) -> str:
    """The first paragraph of the rule's `## How to fix`, on one line (code blocks as `code`)."""
    from modelicense.rules import get  # formatters know no rule by name; the registry does

    rule = get(rule_id)
    return how_to_fix(rule) if rule is not None else ""


def how_to_fix(rule: Rule) -> str:
    match = re.search(r"^## How to fix\s*\n(.*?)(?=^## |\Z)", rule.body, re.S | re.M)
    if not match:
        return ""
    section = match.group(1).strip()
    paragraphs = re.split(r"\n\s*\n", section)
    first = paragraphs[0]
    # A paragraph that introduces an example ("…in your configuration:") brings its code along.
    if first.rstrip().endswith(":") and len(paragraphs) > 1 and paragraphs[1].lstrip().startswith("```"):
        first += "\n" + paragraphs[1]
    return _one_line(first)


def _one_line(text: str) -> str:
    parts = re.split(r"```\w*\n(.*?)```", text, flags=re.S)
    out = []
    for number, part in enumerate(parts):
        if number % 2:  # code: each line kept, joined with "; "
            code = "; ".join(line.strip() for line in part.strip().splitlines() if line.strip())
            out.append(f"`{code}`")
        else:
            out.append(" ".join(part.split()))
    return " ".join(piece for piece in out if piece)


def summary(results: Sequence[ScanResult], concise: bool, paint: Paint) -> str:
    """Counts by severity, what was hidden, and (in the full format) how to explain or suppress."""
    tally = counts(results)
    total = sum(tally.values())
    if total == 0:
        lines = ["No findings."]
    else:
        parts = [f"{n} {level}{'s' if n != 1 and level != 'info' else ''}" for level, n in tally.items() if n]
        lines = [paint(_BOLD, f"Found {total} finding{'s' if total != 1 else ''}: {', '.join(parts)}.")]
    hidden = hidden_line(results)
    if hidden:
        lines.append(hidden)
    if total and not concise:
        example = min((f for r in results for f in r.findings), key=lambda f: (-f.severity.rank, f.rule)).rule
        lines.append(f"Run `modelicense explain {example}` for a rule's documentation. To accept a finding, "
                     f"add `# modelicense: ignore[{example}] <reason>` on its line (`<!-- … -->` in a card's body) "
                     "or `ignore = [\"RULE\"]` to the configuration.")
    return "\n".join(lines)


def hidden_line(results: Sequence[ScanResult]) -> str:
    """What configuration, baseline and inline comments turned off (ScanResult.silenced), in the
    words every format shares; "" when nothing was."""
    if not any(getattr(result, "silenced", None) for result in results):
        return ""
    from modelicense.report import silenced  # only when something was turned off

    said = silenced.sentence(results)
    return f"{said[0].upper()}{said[1:]} (--isolated reports without them)." if said else ""


def _safe(text: str) -> str:
    """One finding per line: control characters and undecodable bytes are shown escaped."""
    return printable(text).translate(_CONTROL)


_CONTROL = {c: f"\\x{c:02x}" for c in range(32) if c not in (9,)} | {0x7F: "\\x7f"}
_CONTROL[10] = "\\n"
_CONTROL[13] = "\\r"
