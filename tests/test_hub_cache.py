"""The Hugging Face cache layout (issue 12, item 3): `snapshot_download` returns
`<cache>/models--org--name/snapshots/<rev>/`, whose files are symlinks into `../../blobs/`. Scanning
that folder reads the blobs as the files they stand for, exactly as the same files in a plain
folder; the symlink boundary is the cache repository, never wider.

The cache is written with huggingface_hub's own helpers (repo_folder_name, _create_symlink,
_cache_commit_hash_for_specific_revision: the functions hf_hub_download uses) and checked with
its own reader (scan_cache_dir, try_to_load_from_cache), so the layout is the real one. No network.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import pytest
from conftest import card, run_cli, safetensors_file, write_tree

file_download = pytest.importorskip("huggingface_hub.file_download")
from huggingface_hub import scan_cache_dir, try_to_load_from_cache  # noqa: E402

REPO_ID = "acme/llama-2-chat-ft"
COMMIT = "2439f60ef33a0d46d85da5001d52aeda5b00ce9f"
FILES: dict[str, str | bytes] = {
    "README.md": card("base_model: meta-llama/Llama-2-7b-hf\nlicense: apache-2.0\nlibrary_name: transformers"),
    "LICENSE": "Apache License\nVersion 2.0, January 2004\n",
    "model.safetensors": safetensors_file({"license": "gpl-3.0"}),
    "adapter/README.md": card("license: mit\nlibrary_name: peft"),
}


def _blob_name(data: bytes, lfs: bool) -> str:
    """What the Hub's etag is: SHA-256 for LFS files, the git blob id for the rest."""
    if lfs:
        return hashlib.sha256(data).hexdigest()
    return hashlib.sha1(b"blob %d\0" % len(data) + data).hexdigest()


def write_cache(cache: Path, files: dict[str, str | bytes]) -> Path:
    """The cache hf_hub_download would leave after fetching `files` at COMMIT on main."""
    storage = cache / file_download.repo_folder_name(repo_id=REPO_ID, repo_type="model")
    for name, content in files.items():
        data = content.encode() if isinstance(content, str) else content
        blob = storage / "blobs" / _blob_name(data, name.endswith(".safetensors"))
        blob.parent.mkdir(parents=True, exist_ok=True)
        blob.write_bytes(data)
        pointer = storage / "snapshots" / COMMIT / name
        pointer.parent.mkdir(parents=True, exist_ok=True)
        file_download._create_symlink(str(blob), str(pointer), new_blob=True)
    file_download._cache_commit_hash_for_specific_revision(str(storage), "main", COMMIT)
    return storage / "snapshots" / COMMIT


def _report(path: Path, *args: str) -> dict:
    proc = run_cli("scan", "--format", "json", "--fail-on", "never", *args, str(path))
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


def _comparable(report: dict) -> dict:
    for finding in report["findings"]:
        finding.pop("root", None)
    return {"findings": report["findings"], "artefacts": report["artefacts"]}


def test_the_cache_is_written_in_the_real_layout(tmp_path):
    snapshot = write_cache(tmp_path / "hub", FILES)
    assert os.path.islink(snapshot / "README.md")
    assert os.readlink(snapshot / "README.md").startswith("../../blobs/")
    assert try_to_load_from_cache(REPO_ID, "README.md", cache_dir=tmp_path / "hub") == str(snapshot / "README.md")
    [repo] = scan_cache_dir(tmp_path / "hub").repos
    assert repo.repo_id == REPO_ID and set(repo.refs) == {"main"} and repo.nb_files == len(FILES)


def test_a_snapshot_scans_the_same_as_a_plain_folder(tmp_path):
    snapshot = write_cache(tmp_path / "hub", FILES)
    plain = write_tree(tmp_path / "plain", FILES)
    cached, direct = _report(snapshot), _report(plain)
    assert _comparable(cached) == _comparable(direct)
    rules = {f["rule"] for f in cached["findings"]}
    assert {"BAS001", "WGT001"} <= rules and "DEC006" not in rules  # the blobs were read
    assert {a["path"] for a in cached["artefacts"]} >= {"README.md", "LICENSE", "model.safetensors", "adapter/README.md"}


def test_a_file_named_in_a_snapshot_is_read_through_its_blob(tmp_path):
    snapshot = write_cache(tmp_path / "hub", FILES)
    report = _report(snapshot / "README.md")
    assert "BAS001" in {f["rule"] for f in report["findings"]}
    assert {f["path"] for f in report["findings"]} == {"README.md"}


def test_the_boundary_is_the_cache_repository_never_wider(tmp_path):
    secret = tmp_path / "secret"
    write_tree(secret, {"LICENSE": "GNU GENERAL PUBLIC LICENSE\nVersion 3, 29 June 2007\nSECRET-WORDS\n"})
    snapshot = write_cache(tmp_path / "hub", FILES)
    os.symlink(secret / "LICENSE", snapshot / "LICENSE-outside")
    # Another cache repository beside this one is outside it too.
    other = write_tree(tmp_path / "hub" / "models--evil--other" / "blobs", {"abc": "MIT License\n"})
    os.symlink(other / "abc", snapshot / "NOTICE")
    report = _report(snapshot)
    skipped = {f["path"] for f in report["findings"] if f["rule"] == "DEC006"}
    assert skipped == {"LICENSE-outside", "NOTICE"}
    assert "SECRET-WORDS" not in json.dumps(report) and str(secret) not in json.dumps(report)


def test_a_folder_that_only_looks_like_a_cache_gets_no_wider_boundary(tmp_path):
    # models--x without blobs/ and snapshots/ is an ordinary folder: links out of the root stay unread.
    fake = write_tree(tmp_path / "models--acme--fake" / "rev", {"README.md": card("license: mit")})
    write_tree(tmp_path / "models--acme--fake" / "elsewhere", {"LICENSE": "MIT License\n"})
    os.symlink(tmp_path / "models--acme--fake" / "elsewhere" / "LICENSE", fake / "LICENSE")
    report = _report(fake)
    assert [(f["rule"], f["path"]) for f in report["findings"]] == [("DEC006", "LICENSE")]
