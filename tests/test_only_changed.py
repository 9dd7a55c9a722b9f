"""`--only-changed` (the Action's `only-changed`): findings on files a pull request changes, from a
pull request event payload and a real git history checked out as actions/checkout does for a pull
request (the merge of the head into the base, detached)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import PROJECT, card, run_git

EVENT = PROJECT / "tests" / "data" / "pull_request_event.json"


def rev(root: Path, what: str = "HEAD") -> str:
    return subprocess.run(["git", "rev-parse", what], cwd=root, capture_output=True, text=True,
                          check=True).stdout.strip()


def pull_request_checkout(make_repo, tmp_path: Path, changes: dict[str, str]) -> tuple[Path, Path]:
    """A workspace whose base has a finding in models/a, a pull request that writes `changes`,
    checked out as the merge commit; and the event payload naming base and head."""
    workspace = make_repo({"models/a/README.md": card("license: apache-3.0"),  # DEC003, there before the PR
                           "models/b/README.md": card("license: mit"), "docs/notes.md": "notes\n"}, git=True)
    run_git(workspace, "commit", "-qm", "base")
    base = rev(workspace)
    run_git(workspace, "checkout", "-qb", "pr")
    for rel, text in changes.items():
        (workspace / rel).write_text(text, encoding="utf-8")
    run_git(workspace, "commit", "-qam", "pull request")
    head = rev(workspace)
    run_git(workspace, "checkout", "-q", "--detach", base)
    run_git(workspace, "merge", "-q", "--no-ff", "-m", "Merge pr into base", "pr")
    event = tmp_path / "event.json"
    event.write_text(EVENT.read_text(encoding="utf-8").replace("BASE_SHA", base).replace("HEAD_SHA", head),
                     encoding="utf-8")
    return workspace, event


def scan(workspace: Path, *args: str, event: Path | None = None) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("GITHUB_")}
    if event is not None:
        env["GITHUB_EVENT_PATH"] = str(event)
    return subprocess.run([sys.executable, "-m", "modelicense", "scan", "--format", "github", *args], cwd=workspace,
                          capture_output=True, text=True, env=env, timeout=300, check=False)


def annotated(proc: subprocess.CompletedProcess) -> list[str]:
    return sorted(line.split("file=", 1)[1].split(",", 1)[0] for line in proc.stdout.splitlines()
                  if line.startswith("::") and "file=" in line)


def test_only_the_files_the_pull_request_changes_are_annotated(make_repo, tmp_path):
    workspace, event = pull_request_checkout(make_repo, tmp_path, {"models/b/README.md": card("license: mit-2")})
    everything = scan(workspace, "models/a", "models/b", event=event)
    assert annotated(everything) == ["models/a/README.md", "models/b/README.md"]
    proc = scan(workspace, "models/a", "models/b", "--only-changed", event=event)
    assert proc.returncode == 1, proc.stderr
    assert annotated(proc) == ["models/b/README.md"]
    assert "1 finding on files unchanged since" in proc.stderr


def test_a_pull_request_that_adds_no_finding_passes_despite_old_ones(make_repo, tmp_path):
    workspace, event = pull_request_checkout(make_repo, tmp_path, {"docs/notes.md": "more notes\n"})
    assert scan(workspace, ".", event=event).returncode == 1  # models/a's old finding
    proc = scan(workspace, ".", "--only-changed", event=event)
    assert (proc.returncode, annotated(proc)) == (0, []), proc.stdout + proc.stderr


def test_a_finding_whose_related_file_changed_is_shown(make_repo, tmp_path):
    """A pull request that edits LICENSE is shown the card it now contradicts."""
    mit = (PROJECT / "fixtures" / "clean-model" / "LICENSE").read_text(encoding="utf-8")
    workspace = make_repo({"README.md": card("license: mit\nlibrary_name: x"), "LICENSE": mit,
                           "model.safetensors": b"\x02\x00\x00\x00\x00\x00\x00\x00{}"}, git=True)
    run_git(workspace, "commit", "-qm", "base")
    base = rev(workspace)
    (workspace / "LICENSE").write_text("Apache License\nVersion 2.0, January 2004\nhttp://www.apache.org/licenses/\n",
                                       encoding="utf-8")
    run_git(workspace, "commit", "-qam", "relicense")
    proc = scan(workspace, ".", "--only-changed", "--diff-base", base)
    assert "title=DEC004" in proc.stdout and annotated(proc) == ["README.md"], proc.stdout + proc.stderr


def test_without_a_pull_request_everything_is_reported(make_repo, tmp_path):
    workspace, _ = pull_request_checkout(make_repo, tmp_path, {"docs/notes.md": "x\n"})
    push = tmp_path / "push.json"
    push.write_text(json.dumps({"ref": "refs/heads/main", "before": "0" * 40, "after": rev(workspace)}))
    proc = scan(workspace, ".", "--only-changed", event=push)
    assert proc.returncode == 1 and annotated(proc) == ["models/a/README.md"]
    assert "not a pull request" in proc.stderr


@pytest.mark.parametrize("base", ["0" * 40, "--output=OUT"])
def test_a_base_that_is_not_in_the_checkout_is_a_clear_error(make_repo, tmp_path, base):
    """An unknown commit, and a base that git would read as an option (never passed on)."""
    workspace, _ = pull_request_checkout(make_repo, tmp_path, {"docs/notes.md": "x\n"})
    base = base.replace("OUT", str(tmp_path / "written"))
    proc = scan(workspace, ".", "--only-changed", "--diff-base", base)
    assert proc.returncode == 2
    assert proc.stderr.startswith("Error: --only-changed:") and "Usage:" not in proc.stderr
    assert "Traceback" not in proc.stderr
    assert not (tmp_path / "written").exists()
