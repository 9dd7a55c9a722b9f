"""The pre-commit hook, run by the real pre-commit from this checkout (`try-repo` clones HEAD and
adds uncommitted changes), against small git repositories. The first run installs the hook's
environment from the package index; later runs in the same session reuse it."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import PROJECT, card, run_git

from modelicense.discover import classify
from modelicense.model import FileKind

HOOKS = yaml.safe_load((PROJECT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
[HOOK] = HOOKS
FILES = re.compile(HOOK["files"])  # pre-commit compiles `files` with Python's re, as here

# --- the hook definition ---------------------------------------------------------------------


def test_hook_definition():
    assert HOOK["id"] == "modelicense"
    # pre-commit pads every hook line to the longest name: a short one keeps users' output narrow.
    assert HOOK["name"] == "modelicense"
    assert HOOK["language"] == "python"
    assert HOOK["entry"] == "modelicense scan"
    assert HOOK["require_serial"] is True
    # The whole repository is judged once; file names would only split a big commit into reruns.
    assert HOOK["pass_filenames"] is False
    assert tuple(int(p) for p in HOOK["minimum_pre_commit_version"].split(".")) >= (3, 0, 0)
    assert "--fail-on" not in " ".join(HOOK.get("args", []))  # the default, warning, holds


# Names the discovery tables read, one or more per kind, and names that must not trigger the hook.
TRIGGERS = [
    "LICENSE", "LICENSE.md", "licence.txt", "COPYING", "COPYING.LESSER", "NOTICE", "LICENSE-MODEL",
    "MODEL_LICENSE", "LICENSE_weights", "WEIGHT_DIFF_LICENSE", "DATA_LICENSE", "USE_POLICY.md",
    "LICENSES/Apache-2.0.txt", "model_licenses/flux.md", "sub/dir/LICENSE",
    "README.md", "docs/README.md", "model_card.md", "MODEL_CARD.md", "LLAMA2_MODEL_CARD.md", "dataset_card.md",
    "model_cards/internlm.md",
    "pyproject.toml", "setup.cfg", "package.json", "web/package.json",
    "datapackage.json", "dataset_infos.json", "croissant.json", "data/x-croissant.json",
    "model.safetensors", "shards/model-00001-of-00002.safetensors", "llama.Q4_K_M.gguf", "model.onnx",
    "pytorch_model.bin", "ckpt/last.ckpt", "tf_model.h5", "flax_model.msgpack", "model.pkl", "model.nemo",
    "adapter_config.json", "lora/adapter_config.json", "config.json", "mergekit_config.yml", "merge_config.yaml",
    "requirements.txt", "requirements-cuda.txt", "dev-requirements.in", "requirements/rocm.txt", "environment.yml",
    "environment-gpu.yaml", "conda.yaml", "Dockerfile", "docker/Dockerfile.cuda", "gpu.Dockerfile", "Containerfile",
]
QUIET = ["src/train.py", "notes.txt", "env.yml", "docker-compose.yml", "requirements.py", "data/train.csv", "images/cat.png", "generation_config.json", "Makefile",
         "tests/test_x.py", "tokenizer_config.json"]


@pytest.mark.parametrize("name", TRIGGERS)
def test_files_regex_matches_what_discovery_reads(name):
    kind = classify(name)
    assert kind not in (None, FileKind.SOURCE, FileKind.DATA_FILE), f"discovery does not read {name}"
    assert FILES.search(name), name


@pytest.mark.parametrize("name", QUIET)
def test_files_regex_leaves_other_files_alone(name):
    assert not FILES.search(name)


# --- the real pre-commit ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def pre_commit_env(tmp_path_factory) -> dict[str, str]:
    if subprocess.run([sys.executable, "-m", "pre_commit", "--version"], capture_output=True, check=False).returncode != 0:
        pytest.skip("pre-commit is not installed (pip install -e '.[test]')")
    if subprocess.run(["git", "rev-parse", "HEAD"], cwd=PROJECT, capture_output=True, check=False).returncode != 0:
        pytest.skip("this checkout is not a git repository with a commit; try-repo needs one")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GIT_", "PRE_COMMIT"))}
    # The hook must run the package pre-commit installed, not this checkout's src/ on PYTHONPATH.
    env.pop("PYTHONPATH", None)
    env["PRE_COMMIT_HOME"] = str(tmp_path_factory.mktemp("pre-commit-home"))
    env.update(GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@example.com", GIT_COMMITTER_NAME="t",
               GIT_COMMITTER_EMAIL="t@example.com")
    return env


def pre_commit(root: Path, env: dict[str, str], *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pre_commit", *args], cwd=root, env=env, capture_output=True,
                          text=True, timeout=600, check=False)


def try_repo(root: Path, env: dict[str, str], *args: str) -> subprocess.CompletedProcess:
    return pre_commit(root, env, "try-repo", str(PROJECT), "modelicense", *args)


FAILING = {"README.md": card("license: gpl-3.0\nlibrary_name: transformers"),
           "model.safetensors": b"\x02\x00\x00\x00\x00\x00\x00\x00{}"}
CLEAN = {"README.md": card("license: mit\nlibrary_name: transformers"),
         "LICENSE": (PROJECT / "fixtures" / "clean-model" / "LICENSE").read_text(encoding="utf-8"),
         "model.safetensors": b"\x02\x00\x00\x00\x00\x00\x00\x00{}"}


def test_hook_fails_on_a_warning_and_shows_it(make_repo, pre_commit_env):
    root = make_repo(FAILING, git=True)
    proc = try_repo(root, pre_commit_env, "--all-files")
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "Failed" in proc.stdout
    assert "README.md:2:10: WGT001 [warning]" in proc.stdout
    # what the user needs to act, in the hook's output: the line, the fix, how to explain or suppress
    assert "2 | license: gpl-3.0" in proc.stdout and "= help: Licence the weights" in proc.stdout
    assert "modelicense explain " in proc.stdout


def test_hook_passes_on_a_clean_repository(make_repo, pre_commit_env):
    root = make_repo(CLEAN, git=True)
    proc = try_repo(root, pre_commit_env, "--all-files")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "Passed" in proc.stdout


def test_hook_is_skipped_when_no_licence_relevant_file_changes(make_repo, pre_commit_env):
    root = make_repo({**FAILING, "src/train.py": "print('hi')\n"}, git=True)
    proc = try_repo(root, pre_commit_env, "--files", "src/train.py")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "Skipped" in proc.stdout


def test_args_lower_the_threshold(make_repo, pre_commit_env):
    rev = subprocess.run(["git", "rev-parse", "HEAD"], cwd=PROJECT, capture_output=True, text=True,
                         check=False).stdout.strip()
    config = (f"repos:\n- repo: {PROJECT}\n  rev: {rev}\n  hooks:\n  - id: modelicense\n"
              "    args: [--fail-on=error]\n")
    root = make_repo({**FAILING, ".pre-commit-config.yaml": config}, git=True)
    proc = pre_commit(root, pre_commit_env, "run", "--all-files")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "Passed" in proc.stdout
    # The same repository without the args fails: it is the argument that lowered it.
    run_git(root, "rm", "-q", "--cached", ".pre-commit-config.yaml")
    (root / ".pre-commit-config.yaml").write_text(config.replace("    args: [--fail-on=error]\n", ""))
    run_git(root, "add", ".pre-commit-config.yaml")
    assert pre_commit(root, pre_commit_env, "run", "--all-files").returncode == 1
