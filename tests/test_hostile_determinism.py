"""Determinism: the same repository gives byte-identical machine output on every run, whatever
order its files were created in (directory order) and whether git or a walk lists them."""

from __future__ import annotations

import random
import struct

import pytest
from conftest import card, run_cli, run_git

from modelicense.report import formatters

MACHINE_FORMATS = [name for name in ("json", "sarif", "markdown", "github", "text") if name in formatters()]


def _files() -> dict[str, str | bytes]:
    files: dict[str, str | bytes] = {
        "README.md": card("license: apache-2.0\nbase_model: meta-llama/Llama-2-7b-hf\n"
                          "datasets: [imdb, bookcorpus, c4]\nlicense_name: x"),
        "LICENSE": "MIT License\n\nPermission is hereby granted, free of charge, to any person\n",
        "LICENSE-MODEL": "GNU GENERAL PUBLIC LICENSE\nVersion 3, 29 June 2007\n",
        "DATA_LICENSE": "Attribution-NonCommercial 4.0 International\n",
        "pyproject.toml": "[project]\nname = 'x'\nlicense = 'GPL-2.0-only'\n",
        "package.json": '{"license": "MIT/Apache-2.0"}',
        "datapackage.json": '{"licenses": [{"name": "ODbL-1.0"}]}',
        "src/a.py": "# SPDX-License-Identifier: GPL-3.0-only\n",
        "src/b.py": "# SPDX-License-Identifier: apache-3.0\n",
        "broken/README.md": "---\nlicense: [mit\n---\n",
        "model.safetensors": struct.pack("<Q", 2) + b"{}",
        "weights/model.gguf": b"GGUF\x03\x00\x00\x00" + b"\x00" * 8 + struct.pack("<Q", 2**60),
        "data/train.csv": "a,b\n",
    }
    for index in range(30):
        files[f"many/d{index:02d}/LICENSE"] = "BSD 3-Clause License\n" if index % 2 else "Unknown terms\n"
        files[f"many/d{index:02d}/README.md"] = card(f"license: {'mit' if index % 3 else 'cc-by-nc-4.0'}")
    return files


def _build(parent, name: str, order_seed: int, git: bool):
    root = parent / name
    root.mkdir()
    items = list(_files().items())
    random.Random(order_seed).shuffle(items)  # creation order decides readdir order on most file systems
    for rel, content in items:
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content if isinstance(content, bytes) else content.encode())
    if git:
        run_git(root, "init", "-q")
        for rel, _ in items:
            run_git(root, "add", rel)
    return root


def _output(root, fmt: str) -> str:
    proc = run_cli("scan", "--format", fmt, "--fail-on", "never", ".", cwd=root)
    assert proc.returncode == 0, proc.stderr
    return proc.stdout


@pytest.mark.parametrize("git", [False, True], ids=["walk", "git"])
def test_same_repository_same_bytes_in_any_order_and_on_every_run(tmp_path, git):
    first = _build(tmp_path, "one", 1, git)
    second = _build(tmp_path, "two", 2, git)
    for fmt in MACHINE_FORMATS:
        a1, a2, b = _output(first, fmt), _output(first, fmt), _output(second, fmt)
        assert a1 == a2, f"{fmt}: two runs differ"
        assert a1 == b, f"{fmt}: creation order changes the output"
        assert a1.strip()


def test_walk_and_git_listing_agree(tmp_path):
    walk = _build(tmp_path, "walk", 3, git=False)
    tracked = _build(tmp_path, "git", 4, git=True)
    assert _output(walk, "json") == _output(tracked, "json")
