"""GitHub Actions workflow commands: one annotation per finding, on the line that declares it.

`::error file=README.md,line=3,col=10,title=DEC003 unrecognised-licence::message`

Escaping follows actions/toolkit (packages/core/src/command.ts), which is what the runner
decodes: in the message `%`, CR and LF; in property values also `:` and `,`.

GitHub shows at most 10 annotations of each type per step and drops the rest, so errors come
first, then warnings, then notices, at most 10 of each are printed, and a notice (which takes one
of the ten notice places) says how many more the job summary and the SARIF upload list. The last
line counts them all. Paths in messages are written as the annotation's `file=` is (relative to
the workspace: `models/a/README.md`, not the scanned root's `README.md`). The full list goes to the job summary:
`write_step_summary` appends the Markdown report to `$GITHUB_STEP_SUMMARY`. That is I/O, so it is
not part of `render` (formatters stay pure); the CLI calls it after a `--format github` run, so a
single scan feeds both the annotations and the summary, whether it runs inside this project's
action or in a user's own workflow step.
"""

from __future__ import annotations

import os
import posixpath
from collections.abc import Sequence
from dataclasses import replace

from modelicense.model import Finding, ScanResult, Severity
from modelicense.report import ReportOptions, counts, display_path, paths_in_message, silenced

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}
# GitHub shows this many annotations of each type per step and drops the rest.
SHOWN_PER_TYPE = 10
# GitHub rejects a step summary above 1 MiB; what the step already wrote there counts too.
SUMMARY_LIMIT = 1024 * 1024
SUMMARY_ENV = "GITHUB_STEP_SUMMARY"


# Other control characters are shown, not passed on: a file name must not drive the log's terminal.
_CONTROL = {c: f"\\x{c:02x}" for c in (*range(9), 11, 12, *range(14, 32), 127)}


def escape_data(text: str) -> str:
    """The message part of a workflow command (toolkit's escapeData)."""
    return text.translate(_CONTROL).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A property value such as file= or title= (toolkit's escapeProperty)."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def workspace_path(root: str, path: str) -> str:
    """A finding's path as GitHub needs it: relative to the workspace the scan ran from (the
    runner also turns absolute paths inside the workspace into relative ones)."""
    joined = display_path(root, path, several_roots=True)
    return posixpath.normpath(joined) if joined else joined


def by_severity(findings: Sequence[Finding]) -> list[Finding]:
    """Errors first (GitHub caps annotations per type), then by place."""
    return sorted(findings, key=lambda f: (-f.severity.rank, workspace_path(f.root, f.location.path), *f.sort_key()))


def capped(findings: Sequence[Finding], notices_taken: int = 0) -> tuple[list[Finding], list[Finding]]:
    """(annotated, left out): at most SHOWN_PER_TYPE of each type, less the notices printed
    before them; when anything is left out, one notice place is kept for the line that says so."""
    tally: dict[Severity, int] = {}
    for finding in findings:
        tally[finding.severity] = tally.get(finding.severity, 0) + 1
    room = {level: SHOWN_PER_TYPE for level in COMMANDS}
    room[Severity.INFO] = max(SHOWN_PER_TYPE - notices_taken, 0)
    if any(n > room[level] for level, n in tally.items()):
        room[Severity.INFO] = max(room[Severity.INFO] - 1, 0)
    shown, left = [], []
    for finding in findings:
        if room[finding.severity] > 0:
            room[finding.severity] -= 1
            shown.append(finding)
        else:
            left.append(finding)
    return shown, left


def annotation(finding: Finding, title: str, paths: Sequence[str] = ()) -> str:
    properties = [("file", workspace_path(finding.root, finding.location.path))]
    if finding.location.line is not None:
        properties.append(("line", str(finding.location.line)))
        if finding.location.column is not None:
            properties.append(("col", str(finding.location.column)))
    properties.append(("title", title))
    message = paths_in_message(finding.message, finding.root, paths, several_roots=True)
    if finding.related:
        seen = ", ".join(str(replace(r, path=workspace_path(finding.root, r.path))) for r in finding.related)
        message += f"\nSee also: {seen}"
    props = ",".join(f"{key}={escape_property(value)}" for key, value in properties)
    return f"::{COMMANDS[finding.severity]} {props}::{escape_data(message)}"


def render(results: Sequence[ScanResult], options: ReportOptions) -> str:
    from modelicense.rules import get  # the rule's name for the title; formatters know no rule by name

    paths = {r.root: [a.path for a in r.repository.artefacts] for r in results}
    lines = silenced_annotations(results)  # notices too: they take notice places first
    shown, left = capped(by_severity([f for r in results for f in r.findings]), notices_taken=len(lines))
    for finding in shown:
        rule = get(finding.rule)
        title = f"{finding.rule} {rule.name}" if rule else finding.rule
        lines.append(annotation(finding, title, paths.get(finding.root, ())))
    if left:
        lines.append(f"::notice title=modelicense::{escape_data(_left_out(left))}")
    tally = counts(results)
    total = sum(tally.values())
    if total or not options.quiet:
        parts = ", ".join(f"{n} {level}{'s' if n != 1 and level != 'info' else ''}" for level, n in tally.items() if n)
        lines.append(f"modelicense: {total} finding{'s' if total != 1 else ''}" + (f" ({parts})" if parts else ""))
    return "\n".join(lines) + ("\n" if lines else "")


def _left_out(left: Sequence[Finding]) -> str:
    tally = {level: sum(1 for f in left if f.severity is level) for level in COMMANDS}
    parts = ", ".join(f"{n} {level.value}{'s' if n != 1 and level is not Severity.INFO else ''}"
                      for level, n in tally.items() if n)
    return (f"{len(left)} more finding{'s' if len(left) != 1 else ''} ({parts}) not annotated: GitHub shows "
            f"{SHOWN_PER_TYPE} annotations of each type per step. The job summary and the SARIF upload list them all.")


def silenced_annotations(results: Sequence[ScanResult]) -> list[str]:
    """A notice per root that says what configuration, baseline and inline comments turned off,
    first of all lines (GitHub caps notices at 10 per step): a repository that silences its own
    gate is seen in the pull request (report.silenced)."""
    lines = []
    for result in results:
        said = silenced.sentence([result])
        if said:
            details = "\n".join(silenced.details(result.silenced))
            title = f"modelicense: {result.root}" if len(results) > 1 else "modelicense"
            lines.append(f"::notice title={escape_property(title)}::{escape_data(said + chr(10) + details)}")
    return lines


def fit_summary(markdown: str, room: int) -> str:
    """The summary cut at a line boundary so that its UTF-8 encoding fits in `room` bytes."""
    data = markdown.encode("utf-8", "surrogateescape")
    if len(data) <= room:
        return markdown
    note = ("\n\n> **Truncated**: the job summary is limited to 1 MiB. "
            "Run `modelicense scan --format markdown` for the full report.\n")
    budget = max(room - len(note.encode("utf-8")), 0)
    cut = data[:budget]
    newline = cut.rfind(b"\n")
    if newline >= 0:
        cut = cut[:newline]
    text = cut.decode("utf-8", "ignore")  # never end inside a multi-byte character
    return text + note if room >= len(note.encode("utf-8")) else ""


def write_step_summary(markdown: str, path: str) -> str | None:
    """Append the report to the job summary file, truncated so the file stays under 1 MiB.
    Returns an error message instead of raising: a summary that cannot be written must not
    change the scan's outcome."""
    try:
        used = os.path.getsize(path) if os.path.exists(path) else 0
        text = fit_summary(markdown, SUMMARY_LIMIT - used - 1)
        if not text:
            return f"{path}: no room left in the job summary"
        with open(path, "a", encoding="utf-8", errors="surrogateescape") as handle:
            handle.write(text if text.endswith("\n") else text + "\n")
    except OSError as exc:
        return f"cannot write the job summary {path}: {exc.strerror or exc}"
    return None


def step_summary_from_environment(results: Sequence[ScanResult], options: ReportOptions) -> str | None:
    """When running in GitHub Actions, append the Markdown report to $GITHUB_STEP_SUMMARY."""
    path = os.environ.get(SUMMARY_ENV)
    if not path:
        return None
    from modelicense.report import markdown

    return write_step_summary(markdown.render(results, options), path)
