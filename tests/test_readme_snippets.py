"""The README's snippets work as written against this repository: the `rev:` and `uses:` pins
name a commit or tag it has, and the pre-commit snippet, pointed at a clone of this repository
instead of GitHub, runs the hook with `pre-commit run --all-files`."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
import yaml
from conftest import PROJECT, card
from test_precommit import FAILING, pre_commit, pre_commit_env  # noqa: F401 - a fixture

README = (PROJECT / "README.md").read_text(encoding="utf-8")
UPSTREAM = "https://github.com/modelicense/modelicense"
YAML_BLOCKS = re.findall(r"```yaml\n(.*?)```", README, re.S)
[PRE_COMMIT_SNIPPET] = [block for block in YAML_BLOCKS if block.lstrip().startswith("repos:")]
USES = re.findall(r"uses: modelicense/modelicense@([0-9A-Za-z][\w.-]*)", README)
REVS = [repo["rev"] for repo in yaml.safe_load(PRE_COMMIT_SNIPPET)["repos"] if repo["repo"] == UPSTREAM]


def resolves(ref: str) -> bool:
    proc = subprocess.run(["git", "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}"], cwd=PROJECT,
                          capture_output=True, text=True, check=False)
    return proc.returncode == 0


@pytest.fixture(scope="module")
def history() -> None:
    if subprocess.run(["git", "rev-parse", "HEAD"], cwd=PROJECT, capture_output=True, check=False).returncode:
        pytest.skip("this checkout is not a git repository")
    shallow = subprocess.run(["git", "rev-parse", "--is-shallow-repository"], cwd=PROJECT, capture_output=True,
                             text=True, check=False).stdout.strip()
    if shallow == "true":
        pytest.skip("a shallow clone lacks the pinned commit; fetch the full history (git fetch --unshallow)")


def test_the_readme_pins_one_ref_everywhere():
    assert REVS and USES
    assert set(REVS) == set(USES), "pre-commit's rev and the Action's uses name different versions"


def test_every_pin_names_a_commit_or_tag_of_this_repository(history):
    for ref in {*REVS, *USES}:
        assert resolves(ref), f"README pins {ref}, which this repository does not have"


def test_the_pre_commit_snippet_runs_as_written_against_a_clone(history, make_repo, pre_commit_env, tmp_path):
    clone = tmp_path / "modelicense"
    subprocess.run(["git", "clone", "-q", str(PROJECT), str(clone)], check=True, capture_output=True)
    config = PRE_COMMIT_SNIPPET.replace(UPSTREAM, str(clone))
    assert config != PRE_COMMIT_SNIPPET
    failing = make_repo({**FAILING, ".pre-commit-config.yaml": config}, git=True)
    proc = pre_commit(failing, pre_commit_env, "run", "--all-files")
    # The README's example repository is meant to fail: a GPL licence on weights is a warning.
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "Failed" in proc.stdout and "WGT001" in proc.stdout
    clean = make_repo({"README.md": card("license: mit\nlibrary_name: transformers"),
                       "LICENSE": (PROJECT / "fixtures" / "clean-model" / "LICENSE").read_text(encoding="utf-8"),
                       ".pre-commit-config.yaml": config}, git=True)
    proc = pre_commit(clean, pre_commit_env, "run", "--all-files")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "Passed" in proc.stdout
