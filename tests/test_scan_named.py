"""`scan FILE` reads that file and nothing around it, inside or outside git (issue 12, item 4);
naming the folder still reads the repository around it."""

from __future__ import annotations

import json

from conftest import card, run_cli, safetensors_file


def _report(*args: str, cwd=None) -> dict:
    proc = run_cli("scan", "--format", "json", "--fail-on", "never", *args, cwd=cwd)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


def _paths(report: dict) -> set[str]:
    return {a["path"] for a in report["artefacts"]} | {f["path"] for f in report["findings"]}


# A downloads folder: two models' cards side by side, a licence text, an application's code.
DOWNLOADS = {
    "my_model_card.md": card("license: mit\nlibrary_name: transformers"),
    "other_model_card.md": card("license: cc-by-nc-4.0\nlibrary_name: transformers"),
    "LICENSE": "Apache License\nVersion 2.0, January 2004\n",
    "README.md": card("license: apache-3.0"),
    "src/train.py": "# SPDX-License-Identifier: GPL-3.0-only\nprint()\n",
}


def test_a_named_card_outside_git_is_read_alone(make_repo):
    root = make_repo(DOWNLOADS)
    report = _report(str(root / "my_model_card.md"))
    assert _paths(report) == {"my_model_card.md"}
    assert "cc-by-nc" not in json.dumps(report).lower()  # the sibling's licence stays out
    assert report["findings"] == []  # MIT alone: nothing to say (the sibling README's DEC003 is not read)


def test_a_named_card_inside_git_is_read_alone_with_a_repository_relative_path(make_repo):
    root = make_repo({**DOWNLOADS, "models/a/README.md": card("license: apache-3.0\nlibrary_name: x")}, git=True)
    report = _report("models/a/README.md", cwd=root)
    assert [(f["rule"], f["path"]) for f in report["findings"]] == [("DEC003", "models/a/README.md")]
    assert _paths(report) == {"models/a/README.md"}


def test_a_named_source_file_inside_git_is_that_file(make_repo):
    # The old behaviour read the whole repository (README's DEC003); now only train.py is read.
    root = make_repo(DOWNLOADS, git=True)
    report = _report("src/train.py", cwd=root)
    assert _paths(report) == {"src/train.py"}
    assert [a["path"] for a in report["artefacts"]] == ["src/train.py"]


def test_naming_the_folder_reads_the_repository_around_it(make_repo):
    root = make_repo(DOWNLOADS, git=True)
    report = _report(".", cwd=root)
    assert {"my_model_card.md", "other_model_card.md", "LICENSE", "README.md", "src/train.py"} <= _paths(report)
    # A folder and a file of the same repository: the folder wins, everything is read.
    report = _report(".", "my_model_card.md", cwd=root)
    assert {"README.md", "LICENSE"} <= _paths(report)


def test_named_files_are_read_by_content_when_their_name_says_nothing(make_repo):
    root = make_repo({
        "terms.txt": "Apache License\nVersion 2.0, January 2004\n",
        "downloaded.weights": safetensors_file({"license": "gpl-3.0"}),
        "notes": card("license: mit\nlibrary_name: transformers"),
        "blob.dat": b"\x00\x01\x02binary",
    })
    report = _report(*(str(root / name) for name in ("terms.txt", "downloaded.weights", "notes", "blob.dat")))
    kinds = {a["path"]: a["kind"] for a in report["artefacts"]}
    assert kinds == {"terms.txt": "licence-file", "downloaded.weights": "weights", "notes": "model-card"}
    assert any(f["rule"] == "WGT001" and f["path"] == "downloaded.weights" for f in report["findings"])
    [skipped] = [f for f in report["findings"] if f["path"] == "blob.dat"]
    assert skipped["rule"] == "DEC006" and "not a kind modelicense reads" in skipped["message"]
