"""Issue 13, "resource exhaustion": work bounded by what is needed, not by what the attacker wrote.
Asserted on work done (lookups made, bytes read, entries kept), never on time."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import CountingReader, card, run_cli

from modelicense.extract import weights
from modelicense.knowledge import keys, load, store


def _counting_lookups(monkeypatch) -> list[int]:
    calls: list[int] = []
    real = store.lookup_key

    def counted(text: str) -> str:
        calls.append(len(text))
        return real(text)

    monkeypatch.setattr(store, "lookup_key", counted)
    return calls


def test_a_long_id_is_unknown_before_any_lookup(monkeypatch):
    knowledge = load()
    calls = _counting_lookups(monkeypatch)
    assert knowledge.model("a" * 160_000) is None
    assert knowledge.model("meta-llama/Llama-2-7b-hf" + "x" * 160_000) is None
    assert knowledge.dataset("a/" * 50_000 + "x") is None
    assert calls == []


def test_an_id_of_many_segments_costs_a_bounded_number_of_lookups(monkeypatch):
    knowledge = load()
    calls = _counting_lookups(monkeypatch)
    ident = "a/" * (keys.MAX_ID_LENGTH // 2 - 1) + "x"  # just under the bound
    assert len(ident) <= keys.MAX_ID_LENGTH
    assert knowledge.dataset(ident) is None
    assert len(calls) <= 2 + keys.MAX_ID_SEGMENTS  # the id, its Hub form, then a few prefixes
    assert sum(calls) <= 2 * keys.MAX_ID_LENGTH + keys.MAX_ID_SEGMENTS * 8


def test_known_ids_with_a_config_after_them_still_resolve():
    knowledge = load()
    assert knowledge.dataset("allenai/c4/en") is not None
    assert knowledge.dataset("https://huggingface.co/datasets/allenai/c4/tree/main") is not None


def test_a_card_of_huge_ids_scans_and_reports_them_as_unknown(tmp_path):
    root = tmp_path / "repo"
    root.mkdir()
    front = f"license: mit\nbase_model: {'a' * 160_000}\ndatasets:\n- {'a/' * 50_000}x"
    (root / "README.md").write_text(card(front), encoding="utf-8")
    proc = run_cli("scan", "--format", "json", "--no-cache", str(root))
    assert proc.returncode in (0, 1), proc.stderr
    rules = {f["rule"] for f in json.loads(proc.stdout)["findings"]}
    assert {"BAS003", "DAT006"} & rules, rules


# --- ONNX: values of keys the reader does not need are skipped unread --------------------------


def _varint(value: int) -> bytes:
    out = bytearray()
    while True:
        byte = value & 0x7F
        value >>= 7
        out.append(byte | (0x80 if value else 0))
        if not value:
            return bytes(out)


def _field(number: int, payload: bytes) -> bytes:
    return _varint(number << 3 | 2) + _varint(len(payload)) + payload


def _entry(key: str, value: bytes, value_first: bool = False) -> bytes:
    parts = [_field(1, key.encode()), _field(2, value)]
    return _field(14, b"".join(reversed(parts) if value_first else parts))


def test_onnx_large_metadata_under_other_keys_is_skipped_unread(tmp_path: Path):
    big = b"x" * (2 * 1024 * 1024)  # each above the old 1 MiB per-entry limit
    data = _field(7, b"graph" * 1000) + b"".join(_entry(f"note{i}", big) for i in range(40))
    data += _entry("license", b"apache-2.0", value_first=True)
    path = tmp_path / "model.onnx"
    path.write_bytes(data)
    reader = CountingReader(path)
    extraction = weights.read_onnx("model.onnx", reader, len(data))
    reader.close()
    assert [d.raw for d in extraction.declarations] == ["apache-2.0"]
    assert reader.bytes_read < len(data) // 20, (reader.bytes_read, len(data))


def test_onnx_keeps_a_bounded_number_of_licence_entries(tmp_path: Path):
    data = b"".join(_entry("license", b"mit") for _ in range(10_000))
    extraction = weights.read_onnx("model.onnx", _bytes_handle(data), len(data))
    assert len(extraction.declarations) == weights.ONNX_MAX_KEPT


def _bytes_handle(data: bytes):
    import io

    return io.BytesIO(data)
