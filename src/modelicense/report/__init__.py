"""Output formats. Each formatter turns scan results into one string and knows nothing about
particular rules; rule documentation reaches it through the registry when it needs it (SARIF)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Callable, Sequence

from modelicense.model import Finding, ScanResult, Severity


@dataclass(frozen=True)
class ReportOptions:
    colour: bool = False
    quiet: bool = False


Formatter = Callable[[Sequence[ScanResult], ReportOptions], str]


def all_findings(results: Sequence[ScanResult]) -> list[Finding]:
    return [f for result in results for f in result.findings]


def counts(results: Sequence[ScanResult]) -> dict[str, int]:
    tally = Counter(f.severity.value for f in all_findings(results))
    return {level.value: tally.get(level.value, 0) for level in (Severity.ERROR, Severity.WARNING, Severity.INFO)}


def display_path(finding_root: str, path: str, several_roots: bool) -> str:
    """Paths are relative to their scanned root; with several roots, prefixed by the root as given."""
    if not several_roots or finding_root in (".", ""):
        return path
    return f"{finding_root.rstrip('/')}/{path}"


def formatters() -> dict[str, Formatter]:
    from modelicense.report import json_format, text

    found: dict[str, Formatter] = {"text": text.render, "json": json_format.render}
    for name, module in (("sarif", "sarif"), ("github", "github"), ("markdown", "markdown")):
        try:
            imported = __import__(f"modelicense.report.{module}", fromlist=["render"])
        except ModuleNotFoundError:
            continue
        found[name] = imported.render
    return found


FORMAT_NAMES = ("text", "json", "sarif", "github", "markdown")
