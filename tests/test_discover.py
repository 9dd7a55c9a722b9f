from __future__ import annotations

import os
from pathlib import Path

import pytest

from conftest import card, run_git
from modelicense.discover import classify, discover
from modelicense.model import FileKind


@pytest.mark.parametrize(
    ("path", "kind"),
    [
        ("LICENSE", FileKind.LICENCE_FILE),
        ("LICENCE.md", FileKind.LICENCE_FILE),
        ("license.txt", FileKind.LICENCE_FILE),
        ("COPYING", FileKind.LICENCE_FILE),
        ("COPYING.LESSER", FileKind.LICENCE_FILE),
        ("NOTICE", FileKind.LICENCE_FILE),
        ("LICENSE-CODE", FileKind.LICENCE_FILE),
        ("LICENSE-MODEL", FileKind.LICENCE_FILE),
        ("MODEL_LICENSE", FileKind.LICENCE_FILE),
        ("LICENSE_weights", FileKind.LICENCE_FILE),
        ("WEIGHT_DIFF_LICENSE", FileKind.LICENCE_FILE),
        ("DATA_LICENSE", FileKind.LICENCE_FILE),
        ("LICENSE_DATA", FileKind.LICENCE_FILE),
        ("USE_POLICY.md", FileKind.LICENCE_FILE),
        ("ACCEPTABLE_USE_POLICY", FileKind.LICENCE_FILE),
        ("Tongyi Qianwen LICENSE AGREEMENT", FileKind.LICENCE_FILE),
        ("model_licenses/LICENSE-FLUX1-dev", FileKind.LICENCE_FILE),
        ("LICENSES/Apache-2.0.txt", FileKind.LICENCE_FILE),
        ("README.md", FileKind.CARD),
        ("model_card.md", FileKind.CARD),
        ("MODEL_CARD.md", FileKind.CARD),
        ("model-card.md", FileKind.CARD),
        ("LLAMA_MODEL_CARD.md", FileKind.CARD),
        ("MODEL_CARD_VISION.md", FileKind.CARD),
        ("README_EN.md", FileKind.CARD),
        ("model_cards/internlm2_7b.md", FileKind.CARD),
        ("USAGE_POLICY", FileKind.LICENCE_FILE),
        ("docs/model_support.md", None),
        ("pyproject.toml", FileKind.PACKAGING),
        ("setup.cfg", FileKind.PACKAGING),
        ("package.json", FileKind.PACKAGING),
        ("model.safetensors", FileKind.WEIGHTS),
        ("ggml-model-q4_0.gguf", FileKind.WEIGHTS),
        ("pytorch_model.bin", FileKind.WEIGHTS),
        ("checkpoints/last.ckpt", FileKind.WEIGHTS),
        ("datapackage.json", FileKind.DATASET_METADATA),
        ("dataset_infos.json", FileKind.DATASET_METADATA),
        ("data/train.parquet", FileKind.DATA_FILE),
        ("src/train.py", FileKind.SOURCE),
        ("license_check.py", FileKind.SOURCE),
        ("setup.py", FileKind.SOURCE),
        ("docs/index.rst", None),
        ("config.json", FileKind.MODEL_CONFIG),
        ("adapter/adapter_config.json", FileKind.ADAPTER_CONFIG),
        ("mergekit_config.yml", FileKind.MERGE_CONFIG),
        ("generation_config.json", None),
        ("tokenizer_config.json", None),
        ("docs/config.yaml", None),
    ],
)
def test_classify(path, kind):
    assert classify(path) is kind


def test_git_view_leaves_ignored_files_out(make_repo):
    root = make_repo({"README.md": card("license: mit"), ".gitignore": "checkpoints/\n",
                      "checkpoints/model.safetensors": b"x", "LICENSE": "MIT License\n"}, git=True)
    (root / "NOTICE").write_text("untracked but not ignored\n")
    paths = [f.relpath for f in discover(root).files]
    assert paths == ["LICENSE", "NOTICE", "README.md"]


def test_walk_without_git_skips_default_excludes(make_repo):
    root = make_repo({"README.md": card("license: mit"), ".venv/lib/LICENSE": "x", "node_modules/a/LICENSE": "x",
                      "sub/LICENSE": "MIT License\n"})
    assert [f.relpath for f in discover(root).files] == ["README.md", "sub/LICENSE"]


def test_exclude_patterns(make_repo):
    root = make_repo({"README.md": card("license: mit"), "vendor/x/LICENSE": "x", "a/LICENSE": "x"})
    assert [f.relpath for f in discover(root, ("vendor/",)).files] == ["README.md", "a/LICENSE"]


def test_symlink_out_of_root_is_reported_not_followed(make_repo, tmp_path: Path):
    outside = tmp_path / "secret-LICENSE"
    outside.write_text("SECRET CONTENT\n")
    root = make_repo({"README.md": card("license: mit")})
    os.symlink(outside, root / "LICENSE")
    found = discover(root)
    assert [f.relpath for f in found.files] == ["README.md"]
    assert [(p.code, p.location.path) for p in found.problems] == [("skipped", "LICENSE")]
    assert str(outside) not in found.problems[0].message


def test_symlink_inside_root_is_read(make_repo):
    root = make_repo({"licenses/MIT.txt": "MIT License\n"})
    os.symlink("licenses/MIT.txt", root / "LICENSE")
    assert "LICENSE" in [f.relpath for f in discover(root).files]


def test_symlink_loop_terminates(make_repo):
    root = make_repo({"README.md": card("license: mit")})
    os.symlink("LICENSE", root / "LICENSE.md")
    os.symlink("LICENSE.md", root / "LICENSE")
    os.symlink(".", root / "loop")
    found = discover(root)
    assert {p.location.path for p in found.problems} == {"LICENSE", "LICENSE.md"}


def test_tracked_but_deleted_file_is_ignored(make_repo):
    root = make_repo({"README.md": card("license: mit"), "LICENSE": "MIT License\n"}, git=True)
    run_git(root, "commit", "-qm", "init")
    (root / "LICENSE").unlink()
    assert [f.relpath for f in discover(root).files] == ["README.md"]
