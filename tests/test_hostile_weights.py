"""Hostile weight files: headers that lie about their sizes and counts, 8 GiB sparse files, LFS
pointers that are not quite pointers, pickles and archives. Read by header only, bounded in bytes
(the tests count them); a lie is a DEC005 finding, never an allocation, a hang or a traceback.

Written against `modelicense.extract.weights.extract(relpath, handle, size) -> Extraction`; the
tests skip (with the reason) only if that reader is missing from this checkout.
"""

from __future__ import annotations

import io
import json
import struct
from pathlib import Path

import pytest
from conftest import CountingReader, card

from modelicense.cli import main
from modelicense.extract import weights

EIGHT_GIB = 8 * 1024**3


def _extract(name: str, data: bytes, sparse_to: int | None = None, tmp_path: Path | None = None):
    """Extract from `data` (optionally as the head of a sparse file of `sparse_to` bytes)."""
    if sparse_to is None:
        handle, size = io.BytesIO(data), len(data)
    else:
        assert tmp_path is not None
        path = tmp_path / name
        with open(path, "wb") as out:
            out.write(data)
            out.truncate(sparse_to)
        handle, size = CountingReader(path), sparse_to
    try:
        extraction = weights.extract(name, handle, size)
    finally:
        handle.close()
    return extraction, getattr(handle, "bytes_read", None)


def _gguf(kv_count: int, body: bytes = b"", tensors: int = 0, version: int = 3) -> bytes:
    return b"GGUF" + struct.pack("<IQQ", version, tensors, kv_count) + body


def _gstr(text: str | bytes, claimed: int | None = None) -> bytes:
    raw = text.encode() if isinstance(text, str) else text
    return struct.pack("<Q", len(raw) if claimed is None else claimed) + raw


def _problem(extraction) -> str:
    (problem,) = extraction.problems
    assert problem.code == "malformed"
    return problem.message


# --- GGUF -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (_gguf(2**60), "key/value pairs"),
        (_gguf(2**64 - 1), "key/value pairs"),
        (_gguf(1000), "more data than the file holds"),
        (_gguf(1, _gstr("general.license", claimed=2**62)), "string of"),
        (_gguf(1, _gstr("general.license") + struct.pack("<I", 8) + _gstr("mit", claimed=2**40)), "string of"),
        (_gguf(1, _gstr("general.tags") + struct.pack("<IIQ", 9, 8, 2**60)), "array of"),
        (_gguf(1, _gstr("x") + struct.pack("<IIQ", 9, 0, 2**24)), "more data than the file holds"),
        (_gguf(1, _gstr("general.tags") + struct.pack("<IIQ", 9, 9, 1)), "nested arrays"),
        (_gguf(1, _gstr("general.tags") + struct.pack("<I", 99)), "unknown value type"),
        (_gguf(1, _gstr("general.tags") + struct.pack("<IIQ", 9, 99, 3)), "unknown value type"),
        (_gguf(0, version=1), "version"),
        (_gguf(0, version=2**32 - 1), "version"),
        (b"GGUF", "more data than the file holds"),
        (b"GGU", "more data than the file holds"),
    ],
    ids=["2^60-keys", "2^64-keys", "keys-past-eof", "key-2^62", "value-2^40", "array-2^60", "array-past-eof",
         "nested-array", "unknown-type", "unknown-item-type", "v1", "v-max", "magic-only", "short-magic"],
)
def test_lying_gguf_headers_are_bounded_findings(data, expected):
    extraction, _ = _extract("model.gguf", data)
    assert expected in _problem(extraction)


def test_2_60_key_gguf_on_an_8_gib_sparse_file_reads_a_few_bytes(tmp_path):
    extraction, read = _extract("model.gguf", _gguf(2**60), sparse_to=EIGHT_GIB, tmp_path=tmp_path)
    assert "key/value pairs" in _problem(extraction)
    assert read is not None and read <= 128 * 1024  # one buffered chunk


def test_huge_wanted_array_is_skipped_in_bulk(tmp_path):
    # A general.* array of 16 Mi bytes: kept items are few; the rest must be skipped, not looped.
    count = 2**24
    data = _gguf(2, _gstr("general.tags") + struct.pack("<IIQ", 9, 0, count) + b"\1" * count
                 + _gstr("general.license") + struct.pack("<I", 8) + _gstr("apache-2.0"))
    extraction, _ = _extract("model.gguf", data)
    assert [d.raw for d in extraction.declarations] == ["apache-2.0"]


def test_gguf_vocabulary_of_a_million_strings_is_skipped_in_bulk():
    count = 1_000_000
    vocab = b"".join(_gstr(b"tok") for _ in range(count))
    data = _gguf(2, _gstr("tokenizer.ggml.tokens") + struct.pack("<IIQ", 9, 8, count) + vocab
                 + _gstr("general.license") + struct.pack("<I", 8) + _gstr("llama3"))
    extraction, _ = _extract("model.gguf", data)
    assert [d.raw for d in extraction.declarations] == ["llama3"]


def test_gguf_undecodable_licence_string_is_kept_readably():
    data = _gguf(1, _gstr("general.license") + struct.pack("<I", 8) + _gstr(b"mit\xff\x00"))
    extraction, _ = _extract("model.gguf", data)
    assert extraction.problems == ()
    assert len(extraction.declarations) == 1


# --- safetensors ------------------------------------------------------------------------------


def _safetensors(header: bytes, claimed: int | None = None, tail: bytes = b"") -> bytes:
    return struct.pack("<Q", len(header) if claimed is None else claimed) + header + tail


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (_safetensors(b"{}", claimed=1000), "larger than the file"),
        (_safetensors(b"{}", claimed=2**63), "limit"),
        (_safetensors(b"{}", claimed=2**64 - 1), "limit"),
        (_safetensors(b"[" * 100_000), "not valid JSON"),  # json's RecursionError
        (_safetensors(b'{"a":' * 50_000), "not valid JSON"),
        (_safetensors(b"\xff\xfe{}"), "not UTF-8"),
        (_safetensors(b"[1, 2]"), "not a JSON object"),
        (_safetensors(b'{"__metadata__": {"license": 5}}'), "__metadata__"),
        (_safetensors(b'{"__metadata__": []}'), "__metadata__"),
        (b"\x05\x00\x00", "shorter than"),
    ],
    ids=["len>file", "len-2^63", "len-max", "deep-array", "deep-object", "not-utf8", "list", "int-licence",
         "list-metadata", "short"],
)
def test_lying_safetensors_headers_are_findings(data, expected):
    extraction, _ = _extract("model.safetensors", data)
    assert expected in _problem(extraction)


def test_safetensors_header_length_larger_than_an_8_gib_sparse_file(tmp_path):
    extraction, read = _extract("model.safetensors", _safetensors(b"{}", claimed=EIGHT_GIB), sparse_to=EIGHT_GIB,
                                tmp_path=tmp_path)
    assert "larger than the file" in _problem(extraction) or "limit" in _problem(extraction)
    assert read is not None and read < 4096


def test_8_gib_sparse_safetensors_with_a_real_header_reads_only_the_header(tmp_path):
    header = json.dumps({"__metadata__": {"license": "openrail"}, "w": {"dtype": "F32", "shape": [1],
                                                                      "data_offsets": [0, 4]}}).encode()
    extraction, read = _extract("model.safetensors", _safetensors(header), sparse_to=EIGHT_GIB, tmp_path=tmp_path)
    assert [d.raw for d in extraction.declarations] == ["openrail"]
    assert read is not None and read < 64 * 1024


# --- other formats, pickles, LFS pointers -----------------------------------------------------


@pytest.mark.parametrize("name", ["model.onnx", "pytorch_model.bin", "model.pt", "model.pth", "last.ckpt",
                                  "model.pkl", "model.h5", "model.npz", "model.joblib", "model.tflite"])
def test_8_gib_sparse_files_of_every_weight_kind_cost_a_header(tmp_path, name):
    extraction, read = _extract(name, b"", sparse_to=EIGHT_GIB, tmp_path=tmp_path)
    assert read is not None and read < 1024 * 1024
    for problem in extraction.problems:
        assert problem.code == "malformed"


@pytest.mark.parametrize(
    "data",
    [
        b"\x08\x01" * 200_000,  # many tiny top-level fields
        b"\x08" + b"\xff" * 20,  # endless varint
        b"\x72" + b"\xff" * 9 + b"\x01",  # metadata entry of 2^64 bytes
        b"\x72\x05\x0a\x03abc",  # entry shorter than it says
        b"\x0f",  # wire type 7
        b"\x00",  # field 0
        b"\x0a" + b"\xff\xff\xff\xff\x0f",  # a graph that claims 4 GiB in a tiny file
    ],
)
def test_lying_onnx_is_bounded(data):
    extraction, _ = _extract("model.onnx", data)
    for problem in extraction.problems:
        assert problem.code == "malformed"


@pytest.mark.parametrize(
    ("data", "pointer"),
    [
        (b"version https://git-lfs.github.com/spec/v1\noid sha256:" + b"0" * 64 + b"\nsize 123\n", True),
        (b"version https://git-lfs.github.com/spec/v1\n" + b"x" * 2000, False),  # too big to be a pointer
        (b"version https://git-lfs.github.com/spec/v1", True),
        (b"version https://git-lfs.github.com/spec/v2\n", False),
    ],
)
@pytest.mark.parametrize("name", ["model.safetensors", "model.gguf", "model.onnx", "pytorch_model.bin"])
def test_lfs_pointers_are_recognised_and_never_parsed(name, data, pointer):
    extraction, _ = _extract(name, data)
    assert (extraction.meta("lfs_pointer") == "yes") is pointer
    if pointer:
        assert extraction.problems == ()


def test_a_repository_of_hostile_weights_scans_to_findings(make_repo, capsys):
    root = make_repo({
        "README.md": card("license: mit"),
        "a.gguf": _gguf(2**60),
        "b.safetensors": _safetensors(b"[" * 100_000),
        "c.safetensors": _safetensors(b"{}", claimed=10**6),
        "d.onnx": b"\x0f",
        "e.gguf": b"version https://git-lfs.github.com/spec/v1\noid sha256:abc\nsize 9\n",
    })
    code = main(["scan", "--format", "json", str(root)])
    report = json.loads(capsys.readouterr().out)
    assert code == 1
    malformed = {f["path"] for f in report["findings"] if f["rule"] == "DEC005"}
    assert {"a.gguf", "b.safetensors", "c.safetensors", "d.onnx"} <= malformed
    lfs = {a["path"] for a in report["artefacts"] if a["lfs_pointer"]}
    assert lfs == {"e.gguf"}
