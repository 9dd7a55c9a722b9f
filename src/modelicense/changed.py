"""`--only-changed`: report only findings on files a pull request changes (reviewdog's `file`
filter mode), so that a pull request is not annotated with what was there before it.

The base commit comes from `--diff-base REF`, else from the pull request event GitHub writes to
`$GITHUB_EVENT_PATH` (`pull_request.base.sha`); the changed files are `git diff` between it and
HEAD (the merge commit actions/checkout checks out for a pull request), relative to the working
directory, as finding paths are. A finding counts when its own file or one of its related files
changed: a pull request that edits LICENSE is shown the card it now contradicts.
"""

from __future__ import annotations

import json
import os
import posixpath
import subprocess
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from modelicense.model import Finding, ScanResult
from modelicense.report import display_path

# The payload is GitHub's; a pull request event is a few hundred KiB at most.
MAX_EVENT_BYTES = 16 * 1024 * 1024


class ChangedFilesError(Exception):
    """The changed files cannot be known; the message says why and what to do."""


@dataclass(frozen=True)
class Changes:
    base: str
    files: frozenset[str]  # relative to the working directory, `/`-separated


def base_from_event(environ: Mapping[str, str] = os.environ) -> str | None:
    """The pull request's base commit from the event payload, or None when this run is not for a
    pull request (a push, a schedule, no GitHub Actions at all)."""
    path = environ.get("GITHUB_EVENT_PATH")
    if not path:
        return None
    try:
        with open(path, "rb") as handle:
            payload = json.loads(handle.read(MAX_EVENT_BYTES))
    except (OSError, ValueError) as exc:
        raise ChangedFilesError(f"cannot read the event payload {path}: {exc}") from None
    pull = payload.get("pull_request") if isinstance(payload, dict) else None
    base = pull.get("base") if isinstance(pull, dict) else None
    sha = base.get("sha") if isinstance(base, dict) else None
    return sha if isinstance(sha, str) and sha else None


def changed_files(base: str, cwd: Path) -> frozenset[str]:
    """Files that differ between `base` and HEAD (added, modified, renamed to), relative to cwd."""
    if base.startswith("-"):
        raise ChangedFilesError(f"--diff-base {base!r} is not a commit")
    args = ["diff", "--name-only", "-z", "--relative", "--no-ext-diff", "--no-textconv", "--diff-filter=d",
            base, "HEAD", "--"]
    proc = _git(cwd, args)
    if proc.returncode != 0:
        why = proc.stderr.decode("utf-8", "replace").strip().splitlines()
        raise ChangedFilesError(
            f"git diff {base} HEAD failed ({why[-1] if why else 'exit ' + str(proc.returncode)}); "
            "the base commit must be in the checkout (actions/checkout with fetch-depth: 0)")
    names = proc.stdout.decode("utf-8", "surrogateescape").split("\0")
    return frozenset(name for name in names if name)


def _git(cwd: Path, args: Sequence[str]) -> subprocess.CompletedProcess:
    # Through gitfiles, as every git call of modelicense (no fsmonitor, pager, planted bare
    # repository or lock); the diff itself runs no external diff or textconv driver
    # (--no-ext-diff --no-textconv above).
    from modelicense import gitfiles

    try:
        return gitfiles.completed(cwd, *args)
    except (OSError, subprocess.SubprocessError) as exc:
        raise ChangedFilesError(f"cannot run git: {exc}") from None


def changes(diff_base: str | None, cwd: Path, environ: Mapping[str, str] = os.environ) -> Changes | None:
    """The pull request's changes, or None when there is no pull request to compare with."""
    base = diff_base or base_from_event(environ)
    if base is None:
        return None
    return Changes(base, changed_files(base, cwd))


def _relative(path: str, cwd: Path) -> str:
    if posixpath.isabs(path):
        try:
            return Path(path).relative_to(cwd).as_posix()
        except ValueError:
            return path
    return posixpath.normpath(path)


def touches(finding: Finding, files: frozenset[str], cwd: Path) -> bool:
    locations = (finding.location, *finding.related)
    return any(_relative(display_path(finding.root, loc.path, True), cwd) in files for loc in locations)


def only_changed(results: Sequence[ScanResult], files: frozenset[str], cwd: Path) -> tuple[list[ScanResult], int]:
    """The results with only the findings that touch a changed file, and how many were left out."""
    kept = [replace(r, findings=tuple(f for f in r.findings if touches(f, files, cwd))) for r in results]
    left_out = sum(len(r.findings) for r in results) - sum(len(r.findings) for r in kept)
    return kept, left_out
