"""Issue 13, "code execution through git": the scanned repository's git configuration cannot run a
program, send the scan outside the folder, or end it in a traceback.

Every attack is built for real (git init, git config) in a temporary folder and scanned with the
real command; `core.fsmonitor` is a real shell command that would leave a marker file.
"""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest
from conftest import card, run_cli, run_git, safetensors_file

from modelicense import gitfiles


def _planted(folder: Path, marker: Path) -> None:
    """`folder` becomes a git repository whose fsmonitor would create `marker`."""
    run_git(folder, "init", "-q")
    run_git(folder, "config", "core.fsmonitor", f"touch {marker}; false")
    run_git(folder, "config", "core.hooksPath", str(folder / "hooks"))
    run_git(folder, "config", "core.pager", f"touch {marker}.pager; cat")
    run_git(folder, "config", "diff.external", f"touch {marker}.diff")


def _check_git_would_run_it(folder: Path, marker: Path) -> None:
    """The attack is real: plain git, as modelicense called it before, runs the command."""
    subprocess.run(["git", "ls-files"], cwd=folder, capture_output=True, check=False)
    assert marker.exists(), "the planted fsmonitor did not run under plain git: the test proves nothing"
    marker.unlink()


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    space = tmp_path / "workspace"
    (space / "models").mkdir(parents=True)
    (space / "models" / "README.md").write_text(card("license: gpl-3.0"), encoding="utf-8")
    (space / "models" / "model.safetensors").write_bytes(safetensors_file())
    return space


@pytest.mark.parametrize("target", ["models", "models/README.md", "."])
def test_nested_repository_fsmonitor_never_runs(workspace, tmp_path, target):
    marker = tmp_path / "PWNED"
    _planted(workspace / "models", marker)
    run_git(workspace / "models", "add", "-A")
    _check_git_would_run_it(workspace / "models", marker)
    proc = run_cli("scan", "--format", "json", target, cwd=workspace if target != "." else workspace / "models")
    assert proc.returncode == 1, proc.stderr
    assert "WGT001" in {f["rule"] for f in json.loads(proc.stdout)["findings"]}
    assert not list(tmp_path.glob("PWNED*"))


def test_top_level_repository_fsmonitor_never_runs_in_any_format(workspace, tmp_path):
    marker = tmp_path / "PWNED"
    _planted(workspace, marker)
    run_git(workspace, "add", "-A")
    _check_git_would_run_it(workspace, marker)
    for output_format in ("text", "json", "github", "markdown", "sarif"):
        proc = run_cli("scan", "--format", output_format, cwd=workspace)
        assert proc.returncode == 1, proc.stderr
    proc = run_cli("inventory", cwd=workspace)
    assert not list(tmp_path.glob("PWNED*"))


def test_planted_bare_repository_is_not_used(workspace, tmp_path):
    marker = tmp_path / "PWNED"
    models = workspace / "models"
    subprocess.run(["git", "init", "-q", "--bare", str(models / "bare")], check=True)
    # A bare repository's files at the top of the scanned folder: git would discover it there.
    for name in os.listdir(models / "bare"):
        os.rename(models / "bare" / name, models / name)
    run_git(models, "config", "core.fsmonitor", f"touch {marker}; false")
    proc = run_cli("scan", "--format", "json", ".", cwd=models)
    assert proc.returncode == 1, proc.stderr
    assert not list(tmp_path.glob("PWNED*"))


def test_worktree_pointing_outside_is_refused_and_the_folder_walked(workspace, tmp_path):
    secret = tmp_path / "secret"
    secret.mkdir()
    (secret / "LICENSE").write_text("GNU AFFERO GENERAL PUBLIC LICENSE secret-marker\n", encoding="utf-8")
    (secret / "README.md").write_text(card("license: secret-licence-marker"), encoding="utf-8")
    models = workspace / "models"
    run_git(models, "init", "-q")
    run_git(models, "config", "core.worktree", str(secret))
    # Plain git would list the secret folder's files from inside models/.
    listed = subprocess.run(["git", "ls-files", "--others"], cwd=models, capture_output=True, text=True, check=False)
    assert "LICENSE" in listed.stdout
    for target in ("models", "models/README.md"):
        proc = run_cli("scan", "--format", "json", target, cwd=workspace)
        assert proc.returncode == 1, proc.stderr
        assert "Traceback" not in proc.stderr
        report = json.loads(proc.stdout)
        assert "secret" not in proc.stdout
        assert "WGT001" in {f["rule"] for f in report["findings"]}  # models/ itself was read
        if target == "models":  # a folder is listed: git's answer refused, the folder walked
            assert any("core.worktree" in f["message"] for f in report["findings"]), report["findings"]
        else:  # `scan FILE` reads that file; its root is its own folder, not git's answer
            assert report["roots"] == ["models"], report["roots"]


def test_worktree_above_the_folder_does_not_widen_the_scan(workspace, tmp_path):
    (tmp_path / "LICENSE").write_text("outside-marker\n", encoding="utf-8")
    models = workspace / "models"
    run_git(models, "init", "-q")
    run_git(models, "config", "core.worktree", "../../..")  # tmp_path: above the workspace
    proc = run_cli("scan", "--format", "json", "models/README.md", cwd=workspace)
    assert proc.returncode == 1, proc.stderr
    assert "outside-marker" not in proc.stdout and "Traceback" not in proc.stderr
    assert json.loads(proc.stdout)["roots"] != [str(tmp_path)]


def committed_repository(folder):
    """A git repository at `folder` with one commit: a card that says MIT."""
    folder.mkdir()
    (folder / "README.md").write_text(card("license: mit"), encoding="utf-8")
    run_git(folder, "init", "-q")
    run_git(folder, "add", "-A")
    run_git(folder, "commit", "-qm", "x")
    return folder


def test_copied_git_file_of_a_sibling_worktree_is_refused(workspace, tmp_path):
    main = committed_repository(tmp_path / "main")
    run_git(main, "worktree", "add", "-q", str(tmp_path / "sibling"))
    models = workspace / "models"
    (models / ".git").write_bytes((tmp_path / "sibling" / ".git").read_bytes())
    for target in ("models", "models/README.md"):
        proc = run_cli("scan", "--format", "json", target, cwd=workspace)
        assert proc.returncode == 1, proc.stderr
        assert "Traceback" not in proc.stderr
        report = json.loads(proc.stdout)
        assert "WGT001" in {f["rule"] for f in report["findings"]}
        if target == "models":
            assert any("another work tree" in f["message"] for f in report["findings"]), report["findings"]
        else:
            assert report["roots"] == ["models"], report["roots"]


def test_a_real_linked_worktree_and_a_plain_repository_are_trusted(tmp_path):
    main = committed_repository(tmp_path / "main")
    run_git(main, "worktree", "add", "-q", str(tmp_path / "linked"))
    for folder in (main, tmp_path / "linked"):
        top, why = gitfiles.work_tree(folder)
        assert why is None and top is not None and top.resolve() == folder.resolve()
        assert gitfiles.list_files(folder) == ["README.md"]
    assert gitfiles.work_tree(tmp_path) == (None, None)  # not a repository at all


def test_every_git_call_carries_the_safe_options():
    assert gitfiles.SAFE_OPTIONS[:2] == ("--no-pager", "--no-optional-locks")
    assert "core.fsmonitor=" in gitfiles.SAFE_OPTIONS and "safe.bareRepository=explicit" in gitfiles.SAFE_OPTIONS
    # Any module that starts git itself passes the same options first.
    import re

    src = Path(gitfiles.__file__).parent
    for path in src.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        for call in re.finditer(r'\["git",\s*([^\]]*)', text):
            assert re.match(r"\*(gitfiles\.)?SAFE_OPTIONS\b", call.group(1)), f"{path.name}: git without SAFE_OPTIONS"


def test_a_folder_the_walk_cannot_enter_is_a_finding(tmp_path):
    """Outside git, a folder nested beyond PATH_MAX cannot be listed: a finding, not silence."""
    root = tmp_path / "repo"
    root.mkdir()
    (root / "README.md").write_text(card("license: mit"), encoding="utf-8")
    name = "d" * 200
    fd = os.open(root, os.O_RDONLY)
    try:
        for _ in range(30):  # 30 x 201 characters: past Linux's 4096-byte PATH_MAX
            os.mkdir(name, dir_fd=fd)
            inner = os.open(name, os.O_RDONLY, dir_fd=fd)
            os.close(fd)
            fd = inner
        licence = os.open("LICENSE", os.O_WRONLY | os.O_CREAT, 0o644, dir_fd=fd)
        os.write(licence, b"GNU GENERAL PUBLIC LICENSE\nVersion 3, 29 June 2007\n")
        os.close(licence)
    finally:
        os.close(fd)
    proc = run_cli("scan", "--format", "json", str(root))
    assert proc.returncode == 1, proc.stderr
    messages = [f["message"] for f in json.loads(proc.stdout)["findings"] if f["rule"] == "DEC006"]
    assert any("cannot enter this folder" in m for m in messages), proc.stdout[:2000]
