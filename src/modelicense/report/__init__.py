"""Output formats. Each formatter turns scan results into one string and knows nothing about
particular rules; rule documentation reaches it through the registry when it needs it (SARIF)."""

from __future__ import annotations

from collections import Counter
from typing import Any, Callable, Sequence

from modelicense.fastclass import dataclass
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


def paths_in_message(message: str, root: str, paths: Sequence[str], several_roots: bool) -> str:
    """The message with each of the root's file paths it names written as the finding's location
    is (`display_path`): `models/a/README.md`, not `README.md`, when the root is `models/a`. Only
    whole paths are replaced (`README.md` in `docs/README.md` or `README.md.bak` is left alone)."""
    if not several_roots or root in (".", "") or not paths:
        return message
    named = sorted((p for p in set(paths) if p and p in message), key=len, reverse=True)
    if not named:
        return message
    import posixpath
    import re

    pattern = re.compile(r"(?<![\w./-])(" + "|".join(re.escape(p) for p in named) + r")(?![\w/-]|\.\w)")
    return pattern.sub(lambda m: posixpath.normpath(display_path(root, m.group(1), True)), message)


def printable(text: str) -> str:
    """Text safe to write as UTF-8. File names that are not UTF-8 reach us with each undecodable
    byte as a lone surrogate (Python's surrogateescape); they are shown as `\\xNN`, and any other
    lone surrogate (from a `\\ud800` escape in a JSON file) as `\\uNNNN`. Valid text is untouched."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return "".join(_escape_surrogate(ch) for ch in text)
    return text


def _escape_surrogate(ch: str) -> str:
    code = ord(ch)
    if 0xDC80 <= code <= 0xDCFF:
        return f"\\x{code - 0xDC00:02x}"
    if 0xD800 <= code <= 0xDFFF:
        return f"\\u{code:04x}"
    return ch


def printable_tree(value: Any) -> Any:
    """`printable` applied to every string in a JSON-like tree (dict keys included), so that
    machine formats stay valid JSON in valid UTF-8 whatever the repository's file names are."""
    if isinstance(value, str):
        return printable(value)
    if isinstance(value, dict):
        return {printable_tree(k): printable_tree(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [printable_tree(v) for v in value]
    return value


def formatter(name: str) -> Formatter | None:
    """The renderer of one format, or None when it is not available. Only that format's module is
    imported (start-up speed of the hook)."""
    if name not in FORMAT_NAMES:
        return None
    module = _MODULES.get(name, name)
    try:
        imported = __import__(f"modelicense.report.{module}", fromlist=["render"])
    except ModuleNotFoundError as exc:
        if exc.name != f"modelicense.report.{module}":
            raise  # the format's module is there but something it needs is not: a broken install, say so
        return None
    return imported.render


def formatters() -> dict[str, Formatter]:
    """Every available format's renderer."""
    found = {name: formatter(name) for name in FORMAT_NAMES}
    return {name: render for name, render in found.items() if render is not None}


FORMAT_NAMES = ("text", "concise", "json", "sarif", "github", "markdown")
_MODULES = {"json": "json_format"}  # format name -> module name where they differ
