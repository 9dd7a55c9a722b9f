"""Human output: findings grouped by file, `path:line:col RULE message`, then one summary line."""

from __future__ import annotations

from itertools import groupby
from typing import Sequence

from modelicense.model import ScanResult, Severity
from modelicense.report import ReportOptions, counts, display_path, printable

_COLOURS = {Severity.ERROR: "\x1b[31m", Severity.WARNING: "\x1b[33m", Severity.INFO: "\x1b[36m"}
_BOLD, _DIM, _RESET = "\x1b[1m", "\x1b[2m", "\x1b[0m"


def render(results: Sequence[ScanResult], options: ReportOptions) -> str:
    several = len(results) > 1

    def paint(code: str, text: str) -> str:
        return f"{code}{text}{_RESET}" if options.colour else text

    lines: list[str] = []
    findings = [f for r in results for f in r.findings]
    keyed = sorted(findings, key=lambda f: (display_path(f.root, f.location.path, several),) + f.sort_key())
    for path, group in groupby(keyed, key=lambda f: display_path(f.root, f.location.path, several)):
        lines.append(paint(_BOLD, _safe(path)))
        for finding in group:
            where = _safe(path)
            if finding.location.line is not None:
                where += f":{finding.location.line}"
                if finding.location.column is not None:
                    where += f":{finding.location.column}"
            level = paint(_COLOURS[finding.severity], f"{finding.rule} {finding.severity.value}")
            lines.append(f"  {where} {level} {_safe(finding.message)}")
            for related in finding.related:
                lines.append(paint(_DIM, f"      see {_safe(display_path(finding.root, str(related), several))}"))
        lines.append("")
    tally = counts(results)
    total = sum(tally.values())
    if total == 0:
        summary = "No findings."
    else:
        parts = [f"{n} {level}{'s' if n != 1 else ''}" for level, n in tally.items() if n]
        summary = f"Found {total} finding{'s' if total != 1 else ''}: {', '.join(parts)}."
    if not options.quiet or total:
        lines.append(summary)
    return "\n".join(lines) + ("\n" if lines else "")


def _safe(text: str) -> str:
    """One finding per line: control characters and undecodable bytes are shown escaped."""
    return printable(text).translate(_CONTROL)


_CONTROL = {c: f"\\x{c:02x}" for c in range(32) if c not in (9,)} | {0x7F: "\\x7f"}
_CONTROL[10] = "\\n"
_CONTROL[13] = "\\r"
