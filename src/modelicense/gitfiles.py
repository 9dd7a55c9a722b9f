"""git, called so that the scanned repository cannot make it run a program or look elsewhere.

A repository (or a folder inside one that is itself a repository, or a shipped `.git/config`)
controls git's configuration. Of what it can set, only `core.fsmonitor` runs a program for the
two commands used here (`rev-parse` and `ls-files`): it is turned off on the command line, which
wins over every configuration file and `include`. The rest cannot be reached by these commands
and are named so a reviewer need not wonder: `core.hooksPath` (no hook runs for them),
`diff.external` and `textconv` (nothing is diffed), filters (`ls-files` hashes nothing),
`core.sshCommand` (no network), `core.pager` (`--no-pager`, and stdout is a pipe). A bare
repository planted in a folder is not used (`safe.bareRepository=explicit`), and no lock is
taken (`--no-optional-locks`), so a scan never writes into `.git`. The system and global
configuration are left alone (no GIT_CONFIG_NOSYSTEM): they belong to the machine's owner, not
to the repository (actions/checkout records `safe.directory` in the global one).

git's answer about where the work tree is also comes from that configuration (`core.worktree`,
a `.git` file naming another repository's worktree), so it is checked before it is used: the
top level must contain the folder scanned, and its `.git` must be the git directory git used
(for a linked worktree, one that points back at it). Otherwise the answer is refused and the
caller walks the folder itself, with a finding that says so.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

# Options before the subcommand, on every call (see the module docstring).
SAFE_OPTIONS = ("--no-pager", "--no-optional-locks", "-c", "core.fsmonitor=", "-c", "safe.bareRepository=explicit")
_ENV = {"GIT_OPTIONAL_LOCKS": "0", "GIT_TERMINAL_PROMPT": "0"}
_DOTGIT_LIMIT = 4096  # a `.git` file is one line: `gitdir: PATH`


def run(cwd: Path, *args: str) -> str | None:
    """git's standard output (undecodable bytes kept as surrogates), or None when git is missing,
    fails or takes more than a minute."""
    try:
        proc = subprocess.run(["git", *SAFE_OPTIONS, *args], cwd=cwd, capture_output=True, timeout=60,
                              stdin=subprocess.DEVNULL, env={**os.environ, **_ENV})
    except (OSError, subprocess.SubprocessError):
        return None
    if proc.returncode != 0:
        return None
    return proc.stdout.decode("utf-8", "surrogateescape")


def completed(cwd: Path, *args: str, timeout: float = 120) -> subprocess.CompletedProcess:
    """git's whole answer (exit code, stdout, stderr as bytes), for a caller that reports git's
    own error (`--only-changed`'s `git diff`). Raises OSError or SubprocessError when git is
    missing or too slow."""
    return subprocess.run(["git", *SAFE_OPTIONS, *args], cwd=cwd, capture_output=True, timeout=timeout,
                          stdin=subprocess.DEVNULL, env={**os.environ, **_ENV}, check=False)


def work_tree(start: Path) -> tuple[Path | None, str | None]:
    """(top level, None) for a folder inside a git work tree whose answer can be trusted;
    (None, why) when git's answer is refused; (None, None) outside git."""
    out = run(start, "rev-parse", "--show-toplevel", "--absolute-git-dir")
    if out is None:
        return None, None
    lines = out.split("\n")
    if len(lines) < 2 or not lines[0] or not lines[1]:
        return None, None
    top, git_dir = Path(lines[0]), Path(lines[1])
    if not _contains(top, start):
        return None, "git's work tree (core.worktree or a .git file) lies outside the scanned folder; not used"
    if "GIT_DIR" not in os.environ and not _own_git_dir(top, git_dir):
        return None, "the scanned folder's .git belongs to another work tree (core.worktree or a copied .git file); not used"
    return top, None


def list_files(root: Path) -> list[str] | None:
    """git's view of the files under root (tracked, plus untracked that are not ignored),
    '/'-separated and relative to root; None when git does not answer."""
    out = run(root, "ls-files", "-z", "--cached", "--others", "--exclude-standard", "--", ".")
    if out is None:
        return None
    return [name for name in out.split("\0") if name]


def _contains(top: Path, path: Path) -> bool:
    try:
        Path(os.path.realpath(path)).relative_to(os.path.realpath(top))
    except ValueError:
        return False
    return True


def _same(a: Path | str, b: Path | str) -> bool:
    return os.path.realpath(a) == os.path.realpath(b)


def _own_git_dir(top: Path, git_dir: Path) -> bool:
    """Whether `top/.git` is the git directory git used: the folder itself, or a `gitdir:` file
    naming it; for a linked worktree, the git directory's `gitdir` file must point back here."""
    dotgit = top / ".git"
    if os.path.isdir(dotgit):
        return _same(dotgit, git_dir)
    if not os.path.isfile(dotgit):
        return False  # no .git at the top: git was sent here by core.worktree
    from modelicense.safe_io import read_regular

    try:
        line = read_regular(dotgit, _DOTGIT_LIMIT).decode("utf-8", "surrogateescape").strip()
    except (OSError, ValueError):
        return False
    if not line.startswith("gitdir:"):
        return False
    named = Path(line[len("gitdir:"):].strip())
    if not _same(named if named.is_absolute() else top / named, git_dir):
        return False
    back = git_dir / "gitdir"  # a linked worktree's git directory records where its worktree is
    if os.path.isfile(back):
        try:
            recorded = read_regular(back, _DOTGIT_LIMIT).decode("utf-8", "surrogateescape").strip()
        except (OSError, ValueError):
            return False
        recorded_path = Path(recorded)
        return _same(recorded_path if recorded_path.is_absolute() else git_dir / recorded_path, dotgit)
    return True
