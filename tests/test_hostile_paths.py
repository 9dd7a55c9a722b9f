"""Hostile paths: odd characters and undecodable bytes in names, symlinks out of the root and in
loops, a directory swapped for a link to somewhere else. Every output format stays parseable,
names are shown as they are (undecodable bytes as \\xNN), and nothing outside the root is read."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from conftest import card, run_cli, run_git

from modelicense.cli import main
from modelicense.discover import discover
from modelicense.report import FORMAT_NAMES, formatters

SECRET = "TOP-SECRET-6f1c2a"
AVAILABLE = [name for name in FORMAT_NAMES if name in formatters()]
ODD_NAMES = ["with space", "new\nline", "colon:name", "comma,name", "tab\tname", "quote\"name", "ünïcödé", "x\x1b[31mred"]


def _all_outputs(root: Path, cwd: Path) -> dict[str, bytes]:
    """Every available format, from the real command, as raw bytes."""
    outputs = {}
    for name in AVAILABLE:
        proc = run_cli("scan", "--format", name, "--fail-on", "never", str(root), cwd=cwd)
        assert proc.returncode == 0, proc.stderr
        assert "Traceback" not in proc.stderr
        outputs[name] = proc.stdout.encode("utf-8")
    return outputs


@pytest.mark.parametrize("git", [False, True], ids=["walk", "git"])
def test_odd_characters_in_names_are_reported_exactly(make_repo, git):
    files = {f"{name}/LICENSE": "Not a licence anyone knows\n" for name in ODD_NAMES}
    files.update({f"{name}/README.md": card("license: apache-3.0") for name in ODD_NAMES})  # one DEC003 each
    files["README.md"] = card("license: mit")
    root = make_repo(files, git=git)
    data = json.loads(_json(root))
    paths = {a["path"] for a in data["artefacts"]} | {f["path"] for f in data["findings"]}
    for name in ODD_NAMES:
        assert f"{name}/LICENSE" in paths, name
    if git:  # every other format once (each run is a subprocess)
        for fmt, output in _all_outputs(root, root.parent).items():
            text = output.decode("utf-8")
            if fmt in ("json", "sarif"):
                json.loads(text)
            if fmt == "github":  # one workflow command per line: newlines, ':' and ',' escaped
                assert all(line.startswith(("::", "modelicense:")) or not line for line in text.splitlines()), text
                # each folder: DEC003 on its card, DEC009 on its unknown LICENSE; GitHub shows ten of a type
                assert sum(line.startswith("::warning") for line in text.splitlines()) == min(10, 2 * len(ODD_NAMES))
            if fmt == "text":
                for name in ODD_NAMES:
                    shown = name.replace("\n", "\\n").replace("\x1b", "\\x1b")  # a tab stays a tab
                    assert f"\n{shown}/README.md:2:10: DEC003 [warning]" in "\n" + text, name


def _json(root: Path) -> str:
    proc = run_cli("scan", "--format", "json", "--fail-on", "never", ".", cwd=root)
    assert proc.returncode == 0, proc.stderr
    return proc.stdout


def test_text_output_keeps_one_finding_per_line(make_repo):
    root = make_repo({"new\nline/README.md": card("license: apache-3.0"),
                      "x\x1b[31mred/README.md": card("license: apache-3.0")})
    proc = run_cli("scan", "--fail-on", "never", ".", cwd=root)
    lines = proc.stdout.splitlines()
    assert "new\\nline/README.md:2:10: DEC003 [warning] license: licence 'apache-3.0' is not an SPDX id, a Hugging Face licence id, or a licence modelicense knows" in lines
    assert "\x1b" not in proc.stdout  # no terminal escapes from file names
    assert any(line.startswith("x\\x1b[31mred/README.md:2:10: DEC003 [warning] ") for line in lines)


@pytest.mark.parametrize("git", [False, True], ids=["walk", "git"])
def test_undecodable_names_give_valid_utf8_and_valid_json(tmp_path, git):
    root = tmp_path / "repo"
    root.mkdir()
    (root / "README.md").write_text(card("license: mit"))
    for raw in (b"LICENSES/\xff.txt", b"caf\xe9/LICENSE", b"\xc3(/README.md"):
        target = os.path.join(os.fsencode(root), raw)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with open(target, "wb") as handle:
            handle.write(b"---\nlicense: apache-3.0\n---\n" if raw.endswith(b".md") else b"Unknown terms\n")
    if git:
        run_git(root, "init", "-q")
        run_git(root, "add", "-A")
    for name, output in _all_outputs(root, tmp_path).items():
        text = output.decode("utf-8")  # strict: valid UTF-8 in every format
        # The finding's path: bytes shown as \xNN (markdown escapes the parenthesis; SARIF URIs
        # percent-encode the bytes, as RFC 3986 says).
        assert {"sarif": "%C3%28/README.md", "markdown": "\\\\xc3\\(/README.md"}.get(name, "\\xc3(/README.md") in text, name
        if name in ("json", "sarif"):
            json.loads(text)
    data = json.loads(_all_outputs(root, tmp_path)["json"])
    paths = {a["path"] for a in data["artefacts"]}
    assert {"LICENSES/\\xff.txt", "caf\\xe9/LICENSE", "\\xc3(/README.md"} <= paths
    rules = {(f["path"], f["rule"]) for f in data["findings"]}
    assert ("\\xc3(/README.md", "DEC003") in rules  # the card under the odd name was read


def test_lone_surrogate_escape_in_json_metadata_keeps_output_valid(make_repo, tmp_path):
    root = make_repo({"package.json": '{"name": "x", "license": "MIT\\ud800"}', "README.md": card("license: mit")})
    for name, output in _all_outputs(root, tmp_path).items():
        text = output.decode("utf-8")
        if name in ("json", "sarif"):
            json.loads(text)
        assert "\\ud800" in text.replace("\\\\", "\\"), name  # markdown escapes the backslash


def _secret_outside(tmp_path: Path) -> Path:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "LICENSE").write_text(f"{SECRET}\nGNU GENERAL PUBLIC LICENSE\nVersion 3\n")
    (outside / "README.md").write_text(card(f"license: {SECRET}"))
    return outside


def test_symlinked_licence_out_of_the_root_leaks_nothing(make_repo, tmp_path):
    outside = _secret_outside(tmp_path)
    root = make_repo({"README.md": card("license: mit")})
    os.symlink(outside / "LICENSE", root / "LICENSE")
    os.symlink(outside / "README.md", root / "MODEL_CARD.md")
    os.symlink(outside, root / "linked_dir")
    for name, output in _all_outputs(root, tmp_path).items():
        assert SECRET.encode() not in output, name
        assert str(outside).encode() not in output, name
    data = json.loads(_all_outputs(root, tmp_path)["json"])
    skipped = {f["path"] for f in data["findings"] if f["rule"] == "DEC006"}
    assert {"LICENSE", "MODEL_CARD.md"} <= skipped


def test_tracked_file_under_a_directory_swapped_for_an_outside_link_is_not_read(make_repo, tmp_path):
    # git's index still lists sub/LICENSE; the work tree now has sub -> outside. lstat on the
    # last component alone would follow `sub` and read the outside file.
    outside = _secret_outside(tmp_path)
    root = make_repo({"README.md": card("license: mit"), "sub/LICENSE": "MIT License\n",
                      "sub/README.md": card("license: mit")}, git=True)
    run_git(root, "commit", "-qm", "init")
    shutil.rmtree(root / "sub")
    os.symlink(outside, root / "sub")
    found = discover(root)
    assert [f.relpath for f in found.files] == ["README.md"]
    assert {(p.code, p.location.path) for p in found.problems} == {("skipped", "sub/LICENSE"),
                                                                   ("skipped", "sub/README.md")}
    for name, output in _all_outputs(root, tmp_path).items():
        assert SECRET.encode() not in output, name


def test_named_file_through_an_outside_link_is_judged_where_it_stands(make_repo, tmp_path):
    # `modelicense scan link/LICENSE`: the user named it; its repository is where it lives.
    outside = _secret_outside(tmp_path)
    root = make_repo({"README.md": card("license: mit")})
    os.symlink(outside, root / "linked_dir")
    assert main(["scan", "--format", "json", "--fail-on", "never", str(root / "linked_dir" / "README.md")]) == 0


def test_symlink_loops_and_self_links_terminate(make_repo, tmp_path):
    root = make_repo({"README.md": card("license: mit"), "a/LICENSE": "MIT License\n"})
    os.symlink(".", root / "self")
    os.symlink("..", root / "a" / "up")
    os.symlink("LICENSE.md", root / "LICENSE.txt")
    os.symlink("LICENSE.txt", root / "LICENSE.md")
    os.symlink("COPYING", root / "COPYING")
    os.symlink("missing-file", root / "NOTICE")
    for git in (False, True):
        if git:
            run_git(root, "init", "-q")
            run_git(root, "add", "-A")
        data = json.loads(_all_outputs(root, tmp_path)["json"])
        skipped = {f["path"] for f in data["findings"] if f["rule"] == "DEC006"}
        assert {"LICENSE.txt", "LICENSE.md", "COPYING", "NOTICE"} <= skipped
        assert "a/LICENSE" in {a["path"] for a in data["artefacts"]}


def test_a_symlink_out_of_the_root_named_on_the_command_line_is_not_read(make_repo, tmp_path, capsys):
    # pre-commit passes file names: a link named explicitly is still judged where it stands.
    outside = _secret_outside(tmp_path)
    root = make_repo({"README.md": card("license: mit")}, git=True)
    os.symlink(outside / "LICENSE", root / "LICENSE")
    os.symlink(outside / "README.md", root / "model_card.md")
    for fmt in AVAILABLE:
        main(["scan", "--format", fmt, "--fail-on", "never", str(root / "LICENSE"), str(root / "model_card.md")])
        out, err = capsys.readouterr()
        assert SECRET not in out + err and str(outside) not in out + err, fmt
