"""What configuration, baseline and inline comments turned off, in words every format shares.

A repository can turn its own gate down (`ignore` every family, `exclude = ["*"]`, a baseline,
an HTML comment invisible on the rendered card); every report therefore says what was turned
off (model.Silenced). This module sums it over the scanned roots and words it; each format
escapes the repository's strings in its own way (`escape`), since patterns, ids, reasons and
file names are the repository's words.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from modelicense.model import SILENCED_KINDS, ScanResult, Silenced

# How each kind is counted in a sentence: (singular, plural).
_NOUNS = {
    "rules": ("rule not run", "rules not run"),
    "severity": ("severity lowered", "severities lowered"),
    "fail-on": ("fail-on relaxed", "fail-on relaxed"),
    "paths": ("file excluded", "files excluded"),
    "card-kinds": ("card kind fixed", "card kinds fixed"),
    "overrides": ("knowledge override", "knowledge overrides"),
    "per-file-ignore": ("finding hidden by per-file-ignores", "findings hidden by per-file-ignores"),
    "inline": ("finding hidden by inline comments", "findings hidden by inline comments"),
    "baseline": ("finding hidden by a baseline", "findings hidden by a baseline"),
}
# Lists in a report stop here (the JSON lists everything).
MAX_ITEMS = 20


def total_counts(results: Sequence[ScanResult]) -> dict[str, int]:
    """Counts by kind (`model.SILENCED_KINDS`) over every root, zeros included."""
    tally = dict.fromkeys(SILENCED_KINDS, 0)
    for result in results:
        for kind, n in result.silenced.counts().items():
            tally[kind] += n
    return tally


def hidden_count(results: Sequence[ScanResult]) -> int:
    return sum(len(r.silenced.hidden) for r in results)


def sentence(results: Sequence[ScanResult]) -> str | None:
    """One line, or None when nothing was turned off:
    `turned off by configuration: 6 rules not run, 1 file excluded, 2 findings hidden by inline comments`."""
    parts = [f"{n} {_NOUNS[kind][n != 1]}" for kind, n in total_counts(results).items() if n]
    if not parts:
        return None
    return "turned off by configuration: " + ", ".join(parts)


def details(silenced: Silenced, escape: Callable[[str], str] = str) -> list[str]:
    """One line per kind that is not empty, the repository's strings passed through `escape`."""
    lines: list[str] = []
    if silenced.source:
        lines.append(f"configuration: {escape(silenced.source)}")
    if silenced.rules_off:
        lines.append(f"rules not run: {_listed(silenced.rules_off, escape)}")
    if silenced.severities:
        lines.append("severity lowered: " + _listed([f"{rule} = {level}" for rule, level in silenced.severities], escape))
    if silenced.fail_on:
        lines.append(f"fail-on set to {escape(silenced.fail_on)}")
    if silenced.excluded:
        lines.append(f"files excluded: {_listed(silenced.excluded, escape)}")
    if silenced.card_kinds:
        lines.append("card kinds fixed: " + _listed([f"{path} = {kind}" for path, kind in silenced.card_kinds], escape))
    for override in silenced.overrides[:MAX_ITEMS]:
        lines.append(f"knowledge override {override.table} {escape(override.ident)}: {escape(override.reason)}")
    if len(silenced.overrides) > MAX_ITEMS:
        lines.append(f"… and {len(silenced.overrides) - MAX_ITEMS} more knowledge overrides")
    for hidden in silenced.hidden[:MAX_ITEMS]:
        finding = hidden.finding
        where = finding.location.path + (f":{finding.location.line}" if finding.location.line is not None else "")
        how = {"per-file-ignore": "per-file-ignores", "inline": "inline comment", "baseline": "baseline"}[hidden.by]
        line = f"hidden {finding.rule} at {escape(where)} by {how} {escape(hidden.where)}"
        lines.append(line + (f": {escape(hidden.reason)}" if hidden.reason else ""))
    if len(silenced.hidden) > MAX_ITEMS:
        lines.append(f"… and {len(silenced.hidden) - MAX_ITEMS} more hidden findings")
    return lines


def _listed(items: Sequence[str], escape: Callable[[str], str]) -> str:
    shown = ", ".join(escape(item) for item in items[:MAX_ITEMS])
    return shown + (f" and {len(items) - MAX_ITEMS} more" if len(items) > MAX_ITEMS else "")


def as_json(silenced: Silenced) -> dict:
    """The machine form (JSON `silenced`): every item, nothing cut."""
    return {
        "configuration": silenced.source,
        "isolated": silenced.isolated,
        "rules_not_run": list(silenced.rules_off),
        "severity_lowered": [{"rule": rule, "severity": level} for rule, level in silenced.severities],
        "fail_on": silenced.fail_on,
        "excluded": list(silenced.excluded),
        "card_kinds": [{"path": path, "kind": kind} for path, kind in silenced.card_kinds],
        "overrides": [{"table": o.table, "id": o.ident, "reason": o.reason} for o in silenced.overrides],
        "hidden": [
            {"rule": h.finding.rule, "severity": h.finding.severity.value, "message": h.finding.message,
             "path": h.finding.location.path, "line": h.finding.location.line, "by": h.by, "where": h.where,
             "reason": h.reason}
            for h in silenced.hidden
        ],
        "counts": silenced.counts(),
    }
