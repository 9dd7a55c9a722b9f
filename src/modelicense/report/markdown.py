"""Markdown: the job summary on its own. A table of artefacts with their licences and scopes,
then the findings grouped by severity, each linked to its rule's documentation.

The documentation page (`docs/rules.md`) is generated from the rule registry by this module
(`python -m modelicense.report.markdown > docs/rules.md`), from the same docstrings
`modelicense explain` prints, so the links and the page cannot drift apart.

Everything a repository wrote (paths, licence strings, messages quoting them) is escaped: the
summary is rendered by GitHub, and a card must not be able to inject links or HTML into it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from itertools import groupby

from modelicense.lazyre import lazy_compile
from modelicense.model import Artefact, Finding, ScanResult, Severity
from modelicense.report import ReportOptions, counts, display_path, printable, silenced

PROJECT_URL = "https://github.com/modelicense/modelicense"
RULES_DOC = "docs/rules.md"
RULES_URL = f"{PROJECT_URL}/blob/main/{RULES_DOC}"
# Enough to see what a repository declares; a monorepo with thousands of SPDX headers would
# otherwise push the findings out of the 1 MiB job summary.
MAX_ARTEFACT_ROWS = 200

_HEADINGS = {Severity.ERROR: "Errors", Severity.WARNING: "Warnings", Severity.INFO: "Info"}
_ICONS = {Severity.ERROR: "🔴", Severity.WARNING: "🟠", Severity.INFO: "🔵"}
# CommonMark lets any ASCII punctuation be backslash-escaped; these are the ones that start markup.
_SPECIAL = lazy_compile(r"([\\`*_{}\[\]<>()#+!|~&])")
_CONTROL = lazy_compile(r"[\x00-\x08\x0b-\x1f\x7f]")


# What GitHub would turn into a link even with markup escaped (GFM autolinks: a scheme, `www.`,
# an e-mail address): these parts of a repository's string become code spans.
_LINKLIKE = lazy_compile(
    r"(?:\b[a-zA-Z][a-zA-Z0-9+.-]*://|\b(?:mailto|xmpp):|\b[wW]{3}\.)[^\s<>]*|[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.ASCII)


def text(value: str) -> str:
    """Plain text for a table cell: markup escaped, line breaks kept as <br>, anything GitHub
    would autolink (a URL, a `www.` host, an e-mail address) shown as code, never as a link."""
    value = _CONTROL.sub("\ufffd", value.replace("\r\n", "\n").replace("\r", "\n"))
    value = printable(value)  # undecodable bytes in file names as \xNN, like every other format
    out: list[str] = []
    start = 0
    for match in _LINKLIKE.finditer(value):
        out.append(_escape(value[start:match.start()]))
        out.append(code(match.group()))
        start = match.end()
    out.append(_escape(value[start:]))
    return "".join(out)


def _escape(value: str) -> str:
    return _SPECIAL.sub(r"\\\1", value).replace("\n", "<br>")


def code(value: str) -> str:
    """A repository string as an inline code span: never a link, an autolink or markup. The
    fence is longer than any run of backticks inside; a table's `|` is escaped (GFM reads it
    before code spans)."""
    value = _CONTROL.sub("\ufffd", printable(value).replace("\r", " ").replace("\n", " "))
    longest = max((len(run) for run in re.findall(r"`+", value)), default=0)
    fence = "`" * (longest + 1)
    padded = f" {value} " if value.startswith("`") or value.endswith("`") or not value.strip() else value
    return f"{fence}{padded}{fence}".replace("|", "\\|")


def anchor(rule_id: str, name: str) -> str:
    """GitHub's heading anchor for `## DEC003 unrecognised-licence` in the rules page."""
    slug = f"{rule_id} {name}".lower()
    slug = re.sub(r"[^\w\- ]", "", slug)
    return slug.replace(" ", "-")


def rule_url(rule_id: str, name: str) -> str:
    return f"{RULES_URL}#{anchor(rule_id, name)}"


def _rule_names() -> dict[str, str]:
    from modelicense.rules import all_rules

    return {rule.id: rule.name for rule in all_rules()}


def _where(finding: Finding, several: bool) -> str:
    where = display_path(finding.root, finding.location.path, several)
    if finding.location.line is not None:
        where += f":{finding.location.line}"
        if finding.location.column is not None:
            where += f":{finding.location.column}"
    return where


def _licences(artefact: Artefact) -> str:
    shown: list[str] = []
    for item in artefact.declarations:
        declaration, resolution = item.declaration, item.resolution
        licence = resolution.expression or ("" if declaration.is_text else declaration.raw.strip())
        if not licence:
            licence = "not recognised"
        label = text(licence)
        if not declaration.is_text and declaration.raw.strip() and declaration.raw.strip() != licence:
            label += f" (written: {text(declaration.raw.strip()[:80])})"
        if resolution.unrecognised:
            tokens = ", ".join(resolution.unrecognised)
            label += " ⚠ not recognised" + (f": {text(tokens)}" if tokens != licence else "")
        if declaration.confidence == "low":
            label += " (prose)"
        elif resolution.keys and resolution.how_sure():
            label += f" ({resolution.how_sure()})"
        if declaration.location.line is not None:
            label += f", line {declaration.location.line}"
        if label not in shown:
            shown.append(label)
    return "<br>".join(shown) or "—"


def _artefacts(results: Sequence[ScanResult]) -> list[tuple[str, Artefact]]:
    several = len(results) > 1
    return [
        (display_path(r.root, a.path, several), a)
        for r in results
        for a in r.repository.artefacts
        if a.declarations or a.references or a.kind.value in ("weights", "model-card", "dataset-card")
    ]


def artefact_table(results: Sequence[ScanResult]) -> list[str]:
    rows = _artefacts(results)
    if not rows:
        return ["No files that declare licences were found."]
    lines = ["| File | Kind | Licences | Scopes |", "|---|---|---|---|"]
    for path, artefact in rows[:MAX_ARTEFACT_ROWS]:
        scopes = ", ".join(sorted({d.declaration.scope for d in artefact.declarations})) or "—"
        kind = artefact.kind.value + (" (Git LFS pointer)" if artefact.lfs_pointer else "")
        lines.append(f"| {text(path)} | {kind} | {_licences(artefact)} | {scopes} |")
    if len(rows) > MAX_ARTEFACT_ROWS:
        lines.append("")
        lines.append(f"… and {len(rows) - MAX_ARTEFACT_ROWS} more (`modelicense scan --format json` lists all).")
    return lines


def finding_sections(findings: Iterable[Finding], several: bool) -> list[str]:
    names = _rule_names()
    ordered = sorted(findings, key=lambda f: (-f.severity.rank, display_path(f.root, f.location.path, several),
                                               *f.sort_key()))
    lines: list[str] = []
    for severity, group in groupby(ordered, key=lambda f: f.severity):
        group = list(group)
        lines += ["", f"### {_ICONS[severity]} {_HEADINGS[severity]} ({len(group)})", "",
                  "| Rule | Where | Message |", "|---|---|---|"]
        for finding in group:
            name = names.get(finding.rule)
            rule = f"[{finding.rule}]({rule_url(finding.rule, name)}) {name}" if name else finding.rule
            message = text(finding.message)
            if finding.related:
                message += "<br>see " + ", ".join(
                    text(display_path(finding.root, str(r), several)) for r in finding.related)
            lines.append(f"| {rule} | {text(_where(finding, several))} | {message} |")
    return lines


def render(results: Sequence[ScanResult], options: ReportOptions) -> str:
    several = len(results) > 1
    tally = counts(results)
    total = sum(tally.values())
    lines = ["## modelicense", ""]
    if total:
        parts = ", ".join(f"{n} {level}{'s' if n != 1 and level != 'info' else ''}" for level, n in tally.items() if n)
        lines.append(f"**{total} finding{'s' if total != 1 else ''}**: {parts}.")
    else:
        lines.append("**No findings.**")
    if several:
        lines += ["", "Scanned: " + ", ".join(text(r.root) for r in results)]
    lines += inventory_section(results)
    lines += silenced_section(results)
    lines += ["", "### Artefacts", ""] + artefact_table(results)
    lines += finding_sections([f for r in results for f in r.findings], several)
    return "\n".join(lines) + "\n"


def inventory_section(results: Sequence[ScanResult]) -> list[str]:
    """What the user may do with what was scanned, before the findings (a job summary leads with it)."""
    inventories = [r.inventory for r in results if r.inventory is not None]
    if not inventories:
        return []
    from modelicense.report.inventory import markdown_table

    lines: list[str] = ["", "### Inventory", ""]
    for inventory in inventories:
        heading = f"#### {text(inventory.root)}" if len(inventories) > 1 else ""
        lines += markdown_table(inventory, heading) + [""]
    return lines[:-1]


def silenced_section(results: Sequence[ScanResult]) -> list[str]:
    """What configuration, baseline and inline comments turned off, near the top: a reviewer
    must see a repository that silenced its own gate (report.silenced)."""
    said = silenced.sentence(results)
    lines: list[str] = []
    if said:
        lines += ["", f"> **Turned off**: {said.split(': ', 1)[1]}."]
        for result in results:
            items = silenced.details(result.silenced, escape=code)
            if items:
                lines += [""] + [f"- {item}" for item in items]
    if any(r.silenced.isolated for r in results):
        lines += ["", "Scanned with `--isolated`: the repository's configuration, baseline and inline comments "
                      "were not read."]
    return lines


def _demote(doc: str, by: int) -> str:
    """Rule docstrings use `##` headings; under a `##` rule heading they become `####`."""
    out, fenced = [], False
    for line in doc.splitlines():
        if line.lstrip().startswith("```"):
            fenced = not fenced
        if not fenced and line.startswith("#"):
            line = "#" * by + line
        out.append(line)
    return "\n".join(out)


def rules_document() -> str:
    """docs/rules.md: every rule with its documentation, as `modelicense explain` prints it."""
    from modelicense.rules import all_rules

    rules = all_rules()
    lines = [
        "# modelicense rules",
        "",
        "<!-- Generated from the rule registry: python -m modelicense.report.markdown > docs/rules.md -->",
        "",
        "| Rule | Name | Default severity | Summary |",
        "|---|---|---|---|",
    ]
    for rule in rules:
        lines.append(f"| [{rule.id}](#{anchor(rule.id, rule.name)}) | {rule.name} | {rule.severity.value} "
                     f"| {text(rule.summary)} |")
    for rule in rules:
        lines += ["", f"## {rule.id} {rule.name}", "", f"Default severity: **{rule.severity.value}**", "",
                  rule.summary]
        if rule.body:
            lines += ["", _demote(rule.body, 2)]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    import sys

    sys.stdout.write(rules_document())
