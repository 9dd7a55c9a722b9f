"""Issue 13, "writes through links", "reading outside the root" and "resource exhaustion" for the
files a scan reads or writes besides the repository's own: outputs, baselines, configuration,
and the scan roots themselves. Each attack is built in a temporary folder and run through the
real command; a FIFO that would hang and /dev/zero that would fill memory end as exit 2.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from conftest import card, run_cli, safetensors_file

from modelicense import safe_io

GPL = {"README.md": card("license: gpl-3.0"), "model.safetensors": safetensors_file()}


@pytest.fixture
def victim(tmp_path: Path) -> Path:
    outside = tmp_path / "outside" / "victim.txt"
    outside.parent.mkdir()
    outside.write_text("keep me\n", encoding="utf-8")
    return outside


# --- writes ------------------------------------------------------------------------------------


@pytest.mark.parametrize("option", ["--output", "--write-baseline"])
def test_a_committed_link_at_the_output_path_is_not_written_through(make_repo, victim, option):
    root = make_repo(GPL, git=True)
    (root / "report.out").symlink_to(victim)
    proc = run_cli("scan", ".", option, "report.out", cwd=root)
    assert proc.returncode == 2, proc.stdout + proc.stderr
    assert "symlink" in proc.stderr and "Traceback" not in proc.stderr
    assert victim.read_text(encoding="utf-8") == "keep me\n"
    assert (root / "report.out").is_symlink()


def test_a_folder_link_out_of_the_workspace_is_not_written_into(make_repo, victim):
    root = make_repo(GPL, git=True)
    (root / "out").symlink_to(victim.parent, target_is_directory=True)
    proc = run_cli("scan", ".", "--format", "sarif", "--output", "out/x.sarif", cwd=root)
    assert proc.returncode == 2, proc.stderr
    assert sorted(os.listdir(victim.parent)) == ["victim.txt"]


def test_a_fifo_or_folder_at_the_output_path_is_refused_without_hanging(make_repo):
    root = make_repo(GPL, git=True)
    os.mkfifo(root / "fifo.json")
    (root / "folder.json").mkdir()
    for target in ("fifo.json", "folder.json"):
        proc = run_cli("scan", ".", "--format", "json", "--output", target, cwd=root)
        assert proc.returncode == 2, proc.stderr


def test_output_creates_missing_folders_and_replaces_atomically(make_repo):
    root = make_repo(GPL, git=True)
    proc = run_cli("scan", ".", "--format", "sarif", "--output", "out/deeper/x.sarif", cwd=root)
    assert proc.returncode == 1, proc.stderr
    assert json.loads((root / "out" / "deeper" / "x.sarif").read_text())["version"] == "2.1.0"
    assert sorted(os.listdir(root / "out" / "deeper")) == ["x.sarif"]  # no temporary file left
    mode = (root / "out" / "deeper" / "x.sarif").stat().st_mode & 0o777
    assert mode & 0o044  # readable like any file the user makes (mkstemp alone gives 0600)


def test_write_replacing_leaves_the_old_file_when_writing_fails(tmp_path):
    target = tmp_path / "x.json"
    target.write_text("old", encoding="utf-8")

    with pytest.raises(TypeError):
        safe_io.write_replacing(target, object())  # type: ignore[arg-type]
    assert target.read_text(encoding="utf-8") == "old"
    assert os.listdir(tmp_path) == ["x.json"]


# --- reads -------------------------------------------------------------------------------------


def test_baseline_dev_zero_and_fifo_are_exit_2_not_a_hang_or_oom(make_repo):
    root = make_repo(GPL, git=True)
    os.mkfifo(root / "baseline.json")
    for named in ("/dev/zero", str(root / "baseline.json")):
        proc = run_cli("scan", ".", "--baseline", named, cwd=root)
        assert proc.returncode == 2 and "not a regular file" in proc.stderr, proc.stderr
    (root / ".modelicense.toml").write_text('baseline = "/dev/zero"\n', encoding="utf-8")
    proc = run_cli("scan", ".", cwd=root)
    assert proc.returncode == 2 and "baseline" in proc.stderr, proc.stderr


def test_configured_baseline_outside_the_root_is_refused_named_one_is_read(make_repo, tmp_path):
    root = make_repo(GPL, git=True)
    outside = tmp_path / "elsewhere" / "base.json"
    assert run_cli("scan", ".", "--write-baseline", str(outside), cwd=root).returncode == 0
    (root / ".modelicense.toml").write_text(f'baseline = "{outside}"\n', encoding="utf-8")
    proc = run_cli("scan", ".", cwd=root)
    assert proc.returncode == 2 and "out of the scanned root" in proc.stderr, proc.stderr
    (root / ".modelicense.toml").unlink()
    assert run_cli("scan", ".", "--baseline", str(outside), cwd=root).returncode == 0


def test_configuration_that_links_out_of_the_root_is_not_applied(make_repo, tmp_path):
    evil = tmp_path / "evil.toml"
    evil.write_text('ignore = ["WGT", "DEC"]\n', encoding="utf-8")
    root = make_repo(GPL, git=True)
    (root / ".modelicense.toml").symlink_to(evil)
    proc = run_cli("scan", "--format", "json", ".", cwd=root)
    assert proc.returncode == 2 and "link out of the scanned root" in proc.stderr, proc.stdout + proc.stderr
    (root / ".modelicense.toml").unlink()
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text('[tool.modelicense]\nignore = ["WGT", "DEC"]\n', encoding="utf-8")
    (root / "pyproject.toml").symlink_to(pyproject)
    proc = run_cli("scan", "--format", "json", ".", cwd=root)
    assert proc.returncode == 1, proc.stderr
    assert "WGT001" in {f["rule"] for f in json.loads(proc.stdout)["findings"]}


def test_a_fifo_configuration_is_exit_2_not_a_hang(make_repo):
    root = make_repo(GPL)
    os.mkfifo(root / ".modelicense.toml")
    proc = run_cli("scan", ".", cwd=root)
    assert proc.returncode == 2 and "not a regular file" in proc.stderr, proc.stderr


def test_a_scan_root_that_links_out_of_the_workspace_is_refused(tmp_path, make_repo):
    secret = make_repo({"LICENSE": "secret-outside-marker\n", "README.md": card("license: mit")})
    workspace = make_repo(GPL, git=True)
    (workspace / "models").symlink_to(secret, target_is_directory=True)
    for target in ("models", "models/README.md"):
        proc = run_cli("scan", "--format", "json", target, cwd=workspace)
        assert proc.returncode == 2, proc.stdout + proc.stderr
        assert "symlink" in proc.stderr and "secret-outside-marker" not in proc.stdout
    # The same folder named by its own path is scanned: the user meant it (exit 1, not 2: its
    # LICENSE is a text nobody knows, DEC009).
    assert run_cli("scan", str(secret), cwd=workspace).returncode in (0, 1)


def test_read_regular_reads_at_most_the_limit(tmp_path):
    big = tmp_path / "big"
    with open(big, "wb") as handle:
        handle.truncate(10 * 1024 * 1024)
    with pytest.raises(safe_io.UnsafeFile, match="larger than"):
        safe_io.read_regular(big, 1024)
    assert safe_io.read_regular(big, 20 * 1024 * 1024)[:4] == b"\0\0\0\0"


@pytest.mark.parametrize("name", ["LICENSE", "README.md", "model.safetensors"])
def test_a_file_turned_into_a_fifo_or_device_after_discovery_is_not_read(make_repo, name):
    from modelicense.discover import discover
    from modelicense.scan import read_file

    root = make_repo({"README.md": card("license: mit"), "LICENSE": "MIT License\n",
                      "model.safetensors": safetensors_file()})
    (item,) = [f for f in discover(root).files if f.relpath == name]
    (root / name).unlink()
    os.mkfifo(root / name)  # a blocking open or read would hang here forever
    (problem,) = read_file(item).problems
    assert problem.code == "unreadable" and "not a regular file" in problem.message
    (root / name).unlink()
    (root / name).symlink_to("/dev/zero")  # a read to the limit of zeros, or forever for weights
    (problem,) = read_file(item).problems
    assert problem.code == "unreadable" and "not a regular file" in problem.message
