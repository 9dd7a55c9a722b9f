"""Weight files by header only: safetensors, GGUF, ONNX, pickle formats, bounded and never executed.

Files are written by the formats' own reference writers where they are installed (safetensors,
gguf, onnx), and by hand where a test needs a header no writer would produce.
"""

from __future__ import annotations

import io
import json
import pickle
import struct
import zipfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import CountingReader, card, scan_json
from modelicense.extract import weights


def read(path: Path, name: str | None = None):
    with open(path, "rb") as handle:
        return weights.extract(name or path.name, handle, path.stat().st_size)


def safetensors_bytes(metadata: dict | None, header_extra: dict | None = None, data: bytes = b"\0" * 16) -> bytes:
    header: dict = {"w": {"dtype": "F32", "shape": [2, 2], "data_offsets": [0, len(data)]}, **(header_extra or {})}
    if metadata is not None:
        header["__metadata__"] = metadata
    raw = json.dumps(header).encode()
    return struct.pack("<Q", len(raw)) + raw + data


# --- safetensors ---------------------------------------------------------------------------------


def test_safetensors_metadata_licence_from_the_reference_writer(tmp_path):
    numpy = pytest.importorskip("numpy")
    save_file = pytest.importorskip("safetensors.numpy").save_file
    path = tmp_path / "model.safetensors"
    save_file({"w": numpy.zeros((3, 3), dtype=numpy.float32)}, str(path),
              metadata={"license": "gpl-3.0", "modelspec.license": "CreativeML OpenRAIL-M", "format": "pt"})
    found = read(path)
    assert [(d.raw, d.scope, d.field) for d in found.declarations] == [
        ("gpl-3.0", "weights", "safetensors:__metadata__.license"),
        ("CreativeML OpenRAIL-M", "weights", "safetensors:__metadata__.modelspec.license"),
    ]
    assert found.problems == ()
    assert found.meta("format") == "safetensors"


def test_safetensors_without_metadata_declares_nothing(tmp_path):
    path = tmp_path / "model.safetensors"
    path.write_bytes(safetensors_bytes(None))
    assert read(path).declarations == () and read(path).problems == ()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"\x01\x02", "shorter than the 8-byte header length"),
        (struct.pack("<Q", 100_000_001) + b"{}", "exceeds the 100 MB limit"),
        (struct.pack("<Q", 5000) + b"{}", "larger than the file"),
        (struct.pack("<Q", 3) + b"{x}", "not valid JSON"),
        (struct.pack("<Q", 2) + b"[]", "not a JSON object"),
        (struct.pack("<Q", 2) + b"\xff\xfe", "not UTF-8"),
        (safetensors_bytes({"license": 3}), "not a mapping of strings to strings"),
    ],
)
def test_malformed_safetensors_headers_are_problems(tmp_path, content, message):
    path = tmp_path / "bad.safetensors"
    path.write_bytes(content)
    found = read(path)
    assert [p.code for p in found.problems] == ["malformed"]
    assert message in found.problems[0].message and found.problems[0].message.startswith("safetensors header")


def test_an_8_gib_sparse_safetensors_costs_what_an_8_kib_one_costs(tmp_path):
    header = safetensors_bytes({"license": "apache-2.0"}, data=b"")
    results = {}
    for name, size in (("small.safetensors", 8 * 1024), ("huge.safetensors", 8 * 1024**3)):
        path = tmp_path / name
        path.write_bytes(header)
        with open(path, "r+b") as handle:
            handle.truncate(size)  # sparse: no blocks allocated
        counting = CountingReader(path)
        found = weights.extract(name, counting, size)
        counting.close()
        results[name] = (counting.bytes_read, [d.raw for d in found.declarations])
    assert results["small.safetensors"] == results["huge.safetensors"]
    bytes_read, licences = results["huge.safetensors"]
    assert licences == ["apache-2.0"]
    assert bytes_read <= weights.LFS_POINTER_MAX + len(header)  # the sniffed head, then the header


# --- GGUF ----------------------------------------------------------------------------------------


def gguf_with(tmp_path: Path, strings: dict[str, str], vocabulary: int = 3000) -> Path:
    gguf = pytest.importorskip("gguf")
    numpy = pytest.importorskip("numpy")
    path = tmp_path / "model.gguf"
    writer = gguf.GGUFWriter(str(path), "llama")
    for key, value in strings.items():
        writer.add_string(key, value)
    writer.add_uint32("general.base_model.count", 1)
    writer.add_array("tokenizer.ggml.tokens", [f"tok{i}" for i in range(vocabulary)])
    writer.add_array("tokenizer.ggml.scores", [0.5] * vocabulary)
    writer.add_tensor("t", numpy.zeros((4, 4), dtype=numpy.float32))
    writer.write_header_to_file()
    writer.write_kv_data_to_file()
    writer.write_tensors_to_file()
    writer.close()
    return path


def test_gguf_licence_base_models_and_datasets_from_the_reference_writer(tmp_path):
    path = gguf_with(tmp_path, {
        "general.license": "llama2",
        "general.license.name": "Llama 2 Community License",
        "general.license.link": "https://ai.meta.com/llama/license/",
        "general.base_model.0.name": "Llama 2 7b",
        "general.base_model.0.repo_url": "https://huggingface.co/meta-llama/Llama-2-7b-hf",
        "general.base_model.1.name": "Some Local Model",
        "general.dataset.0.name": "OpenOrca",
        "general.dataset.0.repo_url": "https://huggingface.co/datasets/Open-Orca/OpenOrca",
    }, vocabulary=50_000)
    found = read(path)
    assert found.problems == ()
    assert [(d.raw, d.scope, d.field) for d in found.declarations] == [("llama2", "weights", "gguf:general.license")]
    assert found.meta("license_name") == "Llama 2 Community License"
    assert found.meta("license_link") == "https://ai.meta.com/llama/license/"
    assert [(r.kind, r.id) for r in found.references] == [
        ("base_model", "meta-llama/Llama-2-7b-hf"), ("base_model", "Some Local Model"), ("dataset", "Open-Orca/OpenOrca"),
    ]


def gguf_header(version: int = 3, kv_count: int = 1, body: bytes = b"") -> bytes:
    return b"GGUF" + struct.pack("<IQQ", version, 0, kv_count) + body


def gguf_string(text: str) -> bytes:
    data = text.encode()
    return struct.pack("<Q", len(data)) + data


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (gguf_header(kv_count=2**60), "claims 1152921504606846976 key/value pairs"),
        (gguf_header(version=1), "version 1 is not supported"),
        (gguf_header(kv_count=1, body=struct.pack("<Q", 2**60)), "string of 1152921504606846976 bytes"),
        (gguf_header(kv_count=1, body=gguf_string("general.license") + struct.pack("<IIQ", 9, 8, 2**60)),
         "array of 1152921504606846976 items"),
        (gguf_header(kv_count=1, body=gguf_string("general.license") + struct.pack("<I", 99)), "unknown value type 99"),
        (gguf_header(kv_count=5, body=gguf_string("general.license") + struct.pack("<I", 8) + gguf_string("mit")),
         "more data than the file holds"),
        (gguf_header(kv_count=1, body=gguf_string("x") + struct.pack("<IIQ", 9, 4, 2**20)),
         "more data than the file holds"),
        (b"GGML" + b"\0" * 40, "no GGUF magic"),
    ],
)
def test_malformed_gguf_headers_are_bounded_problems(tmp_path, content, message):
    path = tmp_path / "bad.gguf"
    path.write_bytes(content)
    found = read(path)
    assert [p.code for p in found.problems] == ["malformed"]
    assert message in found.problems[0].message, found.problems[0].message


def test_hand_written_gguf_v2_is_read(tmp_path):
    path = tmp_path / "m.gguf"
    path.write_bytes(gguf_header(version=2, kv_count=2, body=(
        gguf_string("general.architecture") + struct.pack("<I", 8) + gguf_string("llama")
        + gguf_string("general.license") + struct.pack("<I", 8) + gguf_string("apache-2.0"))))
    assert [d.raw for d in read(path).declarations] == ["apache-2.0"]


# --- ONNX ----------------------------------------------------------------------------------------


def onnx_model(metadata: dict[str, str], initialiser_floats: int = 10) -> bytes:
    onnx = pytest.importorskip("onnx")
    numpy = pytest.importorskip("numpy")
    from onnx import TensorProto, helper, numpy_helper

    weight = numpy_helper.from_array(numpy.ones(initialiser_floats, dtype=numpy.float32), name="w")
    node = helper.make_node("Add", ["x", "w"], ["y"])
    graph = helper.make_graph([node], "g", [helper.make_tensor_value_info("x", TensorProto.FLOAT, [initialiser_floats])],
                              [helper.make_tensor_value_info("y", TensorProto.FLOAT, [initialiser_floats])], [weight])
    model = helper.make_model(graph, producer_name="test")
    onnx.helper.set_model_props(model, metadata)
    return model.SerializeToString()


def test_onnx_metadata_props_licence_without_reading_the_graph(tmp_path):
    path = tmp_path / "model.onnx"
    path.write_bytes(onnx_model({"model_license": "cc-by-nc-4.0", "author": "someone"}, initialiser_floats=250_000))
    counting = CountingReader(path)
    found = weights.extract("model.onnx", counting, path.stat().st_size)
    counting.close()
    assert [(d.raw, d.scope, d.field) for d in found.declarations] == [
        ("cc-by-nc-4.0", "weights", "onnx:metadata_props.model_license")
    ]
    assert found.problems == ()
    assert counting.bytes_read < path.stat().st_size / 4  # the 1 MB initialiser is seeked past


@pytest.mark.parametrize("content", [b"\x00\x01\x02\x03", b"\x0f\x00", b"\x3a\xff\xff\xff\xff\x0f"])
def test_malformed_onnx_is_a_problem(tmp_path, content):
    path = tmp_path / "model.onnx"
    path.write_bytes(content)
    found = read(path)
    assert [p.code for p in found.problems] == ["malformed"]
    assert found.problems[0].message.startswith("onnx header")


# --- pickle formats and LFS ----------------------------------------------------------------------


class _Trap:
    def __reduce__(self):
        return (open, ("/tmp/modelicense-was-unpickled", "w"))


def test_pickles_are_never_unpickled(tmp_path):
    marker = Path("/tmp/modelicense-was-unpickled")
    marker.unlink(missing_ok=True)
    plain = tmp_path / "model.pkl"
    plain.write_bytes(pickle.dumps(_Trap(), protocol=4))
    archive = tmp_path / "pytorch_model.bin"
    with zipfile.ZipFile(archive, "w") as zipped:
        zipped.writestr("archive/data.pkl", pickle.dumps(_Trap(), protocol=2))
    assert read(plain).meta("format") == "pickle"
    assert read(archive).meta("format") == "torch-zip"
    assert read(plain).declarations == read(archive).declarations == ()
    assert not marker.exists()


def test_lfs_pointer_is_not_parsed_as_weights(tmp_path):
    path = tmp_path / "model.gguf"
    path.write_bytes(b"version https://git-lfs.github.com/spec/v1\noid sha256:abc\nsize 123456789\n")
    found = read(path)
    assert found.meta("lfs_pointer") == "yes" and found.problems == ()


# --- end to end ----------------------------------------------------------------------------------


def test_weight_metadata_reaches_the_json_report_and_malformed_headers_are_dec005(make_repo):
    root = make_repo({
        "README.md": card("license: apache-2.0\nlibrary_name: transformers"),
        "model.safetensors": safetensors_bytes({"license": "gpl-3.0"}),
        "broken.safetensors": struct.pack("<Q", 10**9) + b"{}",
    })
    report = scan_json(str(root))
    by_path = {a["path"]: a for a in report["artefacts"]}
    declaration = by_path["model.safetensors"]["declarations"][0]
    assert (declaration["field"], declaration["scope"], declaration["licence"]) == (
        "safetensors:__metadata__.license", "weights", "GPL-3.0-only")
    assert [(f["rule"], f["path"]) for f in report["findings"] if f["rule"] == "DEC005"] == [("DEC005", "broken.safetensors")]


# --- hostile bytes ---------------------------------------------------------------------------------

_PREFIXES = st.sampled_from([b"", b"GGUF\x03\x00\x00\x00", b"GGUF\x02\x00\x00\x00", struct.pack("<Q", 16), b"\x08\x07\x12"])


@settings(max_examples=300, deadline=None)
@given(name=st.sampled_from(["m.safetensors", "m.gguf", "m.onnx", "m.bin", "m.pt"]), prefix=_PREFIXES,
       body=st.binary(max_size=512))
def test_arbitrary_bytes_never_raise(name, prefix, body):
    data = prefix + body
    found = weights.extract(name, io.BytesIO(data), len(data))
    assert all(p.code == "malformed" for p in found.problems)
    assert all(d.scope == "weights" for d in found.declarations)
