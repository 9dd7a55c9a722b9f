"""Baselines: the findings a repository already had when it adopted the hook.

`--write-baseline FILE` records every current finding; `--baseline FILE` (or `baseline = "FILE"`
in the configuration) hides the findings recorded there, so that an old repository starts green
and only new findings fail. A finding matches an entry by rule, path and fingerprint — never by
line, so editing a card above a known finding does not bring it back. The fingerprint is the
rule's (rule + path + what the finding is about), see `modelicense.rules.fingerprint`.

The file is JSON, versioned, sorted, one entry per finding, with the message kept for the
humans who review it in a pull request. Paths are relative to the scanned root, so the file
works whether the repository is scanned as `.`, by its path, or through pre-commit's file
arguments; a baseline belongs to one repository (scanning several roots with one baseline
treats their root-relative paths alike).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from modelicense.model import Finding

FORMAT_VERSION = 1


class BaselineError(Exception):
    """A baseline file that cannot be used; the message names the file and what is wrong."""


@dataclass(frozen=True)
class Baseline:
    keys: frozenset[tuple[str, str, str]]  # (rule, path, fingerprint)

    def __contains__(self, finding: Finding) -> bool:
        return (finding.rule, finding.location.path, finding.fingerprint) in self.keys

    def filter(self, findings: Iterable[Finding]) -> tuple[Finding, ...]:
        return tuple(f for f in findings if f not in self)


def entries(findings: Iterable[Finding]) -> list[dict[str, str]]:
    unique = {(f.rule, f.location.path, f.fingerprint): f.message for f in findings}
    return [
        {"rule": rule, "path": path, "fingerprint": fp, "message": message}
        for (rule, path, fp), message in sorted(unique.items())
    ]


def dumps(findings: Iterable[Finding]) -> str:
    doc = {"version": FORMAT_VERSION, "tool": "modelicense", "findings": entries(findings)}
    return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"


# A baseline of 100,000 findings is about 30 MB; anything larger is not one.
MAX_BASELINE_BYTES = 64 * 1024 * 1024


def write(path: Path, findings: Sequence[Finding]) -> None:
    from modelicense.safe_io import UnsafeFile, write_replacing

    try:
        write_replacing(path, dumps(findings).encode("utf-8"))
    except (OSError, UnsafeFile) as exc:
        raise BaselineError(f"{path}: cannot write baseline: {getattr(exc, 'strerror', None) or exc}") from None


def load(path: Path, root: Path | None = None) -> Baseline:
    """The baseline at `path`: a regular file of at most MAX_BASELINE_BYTES, inside `root` when
    given (a baseline the repository's own configuration names)."""
    from modelicense.safe_io import UnsafeFile, read_regular

    try:
        text = read_regular(path, MAX_BASELINE_BYTES, root).decode("utf-8")
    except FileNotFoundError:
        raise BaselineError(f"{path}: baseline file does not exist (create it with --write-baseline)") from None
    except UnicodeDecodeError as exc:
        raise BaselineError(f"{path}: cannot read baseline: not UTF-8 ({exc.reason})") from None
    except (OSError, UnsafeFile) as exc:
        raise BaselineError(f"{path}: cannot read baseline: {getattr(exc, 'strerror', None) or exc}") from None
    return loads(text, str(path))


def loads(text: str, origin: str) -> Baseline:
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        raise BaselineError(f"{origin}:{exc.lineno}:{exc.colno}: baseline is not valid JSON: {exc.msg}") from None
    if not isinstance(doc, dict) or "findings" not in doc:
        raise BaselineError(f"{origin}: not a modelicense baseline (expected an object with `version` and `findings`)")
    if doc.get("version") != FORMAT_VERSION:
        raise BaselineError(f"{origin}: baseline version {doc.get('version')!r} is not supported "
                            f"(this modelicense writes version {FORMAT_VERSION}; rewrite it with --write-baseline)")
    keys: set[tuple[str, str, str]] = set()
    items = doc["findings"]
    if not isinstance(items, list):
        raise BaselineError(f"{origin}: `findings` must be a list")
    for index, item in enumerate(items):
        if not isinstance(item, dict) or not all(isinstance(item.get(k), str) for k in ("rule", "path", "fingerprint")):
            raise BaselineError(f"{origin}: findings[{index}] needs string fields rule, path and fingerprint")
        keys.add((item["rule"], item["path"], item["fingerprint"]))
    return Baseline(frozenset(keys))
