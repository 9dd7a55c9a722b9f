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


def formatter(name: str) -> Formatter | None:
    """The renderer of one format, or None when it is not available. Only that format's module is
    imported (start-up speed of the hook)."""
    if name not in FORMAT_NAMES:
        return None
    module = _MODULES.get(name, name)
    try:
        imported = __import__(f"modelicense.report.{module}", fromlist=["render"])
    except ModuleNotFoundError:
        return None
    return imported.render


def formatters() -> dict[str, Formatter]:
    """Every available format's renderer."""
    found = {name: formatter(name) for name in FORMAT_NAMES}
    return {name: render for name, render in found.items() if render is not None}


FORMAT_NAMES = ("text", "json", "sarif", "github", "markdown")
_MODULES = {"json": "json_format"}  # format name -> module name where they differ
