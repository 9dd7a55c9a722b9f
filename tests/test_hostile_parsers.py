"""Hostile packaging, dataset metadata, licence texts and source headers: every extractor ends
with a finding or nothing, within a small time budget, on inputs built to hurt it.

The per-file time budget is kept by construction — every read is bounded (READ_LIMITS) and every
parser and regex is linear in its input — and these tests check it with the worst inputs we know
(catastrophic-backtracking strings at the full read limit). A wall-clock alarm would make the
output depend on the machine's load, and a linter's output must not.
"""

from __future__ import annotations

import time

import pytest

from modelicense.discover import classify
from modelicense.extract import READ_LIMITS, extract_bytes
from modelicense.knowledge import load as load_knowledge
from modelicense.model import Declaration, FileKind, Location
from modelicense.resolve import Resolver

BUDGET_SECONDS = 2.0


def _timed(kind: FileKind, relpath: str, data: bytes):
    data = data[: READ_LIMITS[kind]]  # what the scan would read
    start = time.perf_counter()
    extraction = extract_bytes(kind, relpath, data, len(data))
    elapsed = time.perf_counter() - start
    assert elapsed < BUDGET_SECONDS, f"{relpath}: {elapsed:.1f}s on {len(data)} bytes"
    return extraction


ONE_MIB = 1024 * 1024


@pytest.mark.parametrize(
    ("relpath", "data"),
    [
        # `^\s*` under re.M spans blank lines: every line start rescanned the rest (quadratic).
        ("pyproject.toml", b"\n" * (ONE_MIB - 40) + b'project = {name = "x"}\n'),
        ("pyproject.toml", b"[project]\n" + b" \n" * (ONE_MIB // 2 - 20) + b'name = "x"\n'),
        ("pyproject.toml", b"a = " + b"[" * ONE_MIB),
        ("pyproject.toml", b"a = " + b"[" * 5000 + b"]" * 5000),
        ("pyproject.toml", b"a = " + b"{b = " * 50_000),
        ("pyproject.toml", b'[project]\nclassifiers = 5\nlicense = 3\n'),
        ("pyproject.toml", b'[project]\nclassifiers = {a = 1}\nlicense = {text = 5, file = []}\n'),
        ("pyproject.toml", b'project = "not a table"\n'),
        ("pyproject.toml", b"\xff\xfe\x00garbage"),
        ("package.json", b"[" * ONE_MIB),
        ("package.json", b'{"a":' * 100_000),
        ("package.json", b'{"license": 5, "licenses": 7}'),
        ("package.json", b'{"license": {"type": ["x"]}, "licenses": [1, null, {"type": 2}]}'),
        ("package.json", b'"just a string"'),
        ("package.json", b"\n" * ONE_MIB),
        ("package.json", b'{"license": "' + b"\\u0000" * 100_000 + b'"}'),
        ("setup.cfg", b"[metadata]\nlicense = %(x)s\nclassifiers = %(y)s\n"),
        ("setup.cfg", b"[metadata]\nlicense\n" + b"  continued\n" * 50_000),
        ("setup.cfg", b"[metadata\n"),
        ("setup.cfg", b"\x00" * 1000),
        ("datapackage.json", b"[" * 4 * ONE_MIB),
        ("datapackage.json", b'{"license": ' + b"[" * 900 + b'"mit"' + b"]" * 900 + b"}"),
        ("datapackage.json", b'{"licenses": [{"name": {"x": 1}}, {"path": 5}, "mit"], "license": 7}'),
        ("croissant.json", b'{"license": "' + b"a" * (4 * ONE_MIB - 20) + b'"}'),
    ],
    ids=lambda v: v if isinstance(v, str) else f"{len(v)}B",
)
def test_packaging_and_metadata_end_as_a_finding_or_nothing(relpath, data):
    kind = classify(relpath)
    assert kind is not None
    extraction = _timed(kind, relpath, data)
    for problem in extraction.problems:
        assert problem.code == "malformed" and problem.location.path == relpath


@pytest.mark.parametrize(
    "data",
    [
        b"# License\n" + b"<!--" * (ONE_MIB // 4 - 4),  # unclosed comments: quadratic with `<!--.*?-->`
        b"# License\n" + b"<!-- x " * (ONE_MIB // 8),
        b"# " + b"1." * (ONE_MIB // 2 - 2) + b"License",
        b"\n".join([b"# License"] + [b"## Licence"] * (ONE_MIB // 12)),
        b"```\n" * (ONE_MIB // 4),
        b"#" * ONE_MIB,
        b"# License\n" + b"https://" * (ONE_MIB // 8),
        b"# License\n" + b"cc-by-" * (ONE_MIB // 6),
        b"# License\n" + b"a-" * (ONE_MIB // 2),
    ],
    ids=["unclosed-comments", "open-comments", "numbered-heading", "many-headings", "fences", "hashes",
         "urls", "id-tokens", "dashes"],
)
def test_card_prose_is_linear(data):
    extraction = _timed(FileKind.CARD, "README.md", data)
    resolver = Resolver(load_knowledge())
    start = time.perf_counter()
    for declaration in extraction.declarations:
        resolver.resolve(declaration)
    assert time.perf_counter() - start < BUDGET_SECONDS


def test_unclosed_comment_hides_the_rest_as_markdown_does():
    extraction = _timed(FileKind.CARD, "README.md", b"# License\nMIT <!-- note --> terms <!-- never closed Apache")
    assert [d.raw for d in extraction.declarations] == ["MIT  terms"]


@pytest.mark.parametrize(
    "data",
    [
        b"# SPDX-License-Identifier:" + b" " * 5000 + b"x",
        b"# SPDX-License-Identifier: " + b"MIT " * 2000,
        b"SPDX-License-Identifier:" * 500,
        b"\n" * 5000,
        b"\x00\xff" * 3000,
    ],
)
def test_spdx_headers_are_linear(data):
    _timed(FileKind.SOURCE, "a.py", data)


@pytest.mark.parametrize(
    "data",
    [
        b"\x00" * 1000,
        b"\xff\xfe" + "MIT License\n".encode("utf-16-le"),
        b"\xfe\xff" + "MIT License\n".encode("utf-16-be"),
        b"\xff\xfe" + b"\x00\xd8" * 10,  # lone surrogates in UTF-16
        b"%PDF-1.4 binary",
        "Licence MIT - © Zoë\n".encode("latin-1"),
        b"a" * ONE_MIB,
        b"   \n\t\n",
    ],
)
def test_licence_files_are_read_or_reported(data):
    extraction = _timed(FileKind.LICENCE_FILE, "LICENSE", data)
    resolver = Resolver(load_knowledge())
    for declaration in extraction.declarations:
        resolver.resolve(declaration)
    assert extraction.declarations or extraction.problems


@pytest.mark.parametrize(
    "raw",
    [
        " AND ".join(f"x{i}" for i in range(2000)),
        "(" * 3000 + "mit" + ")" * 3000,
        "(" * 3000,
        "MIT/" * 2000,
        "WITH " * 2000,
        "License :: " * 2000,
        "other-" * 2000,
        "a" * 100_000,
        "\x00 OR \x00",
        "mit OR",
        "OR",
        "()",
        "mit AND (apache-2.0 OR",
    ],
    ids=lambda v: v[:20],
)
def test_licence_expressions_resolve_quickly(raw):
    resolver = Resolver(load_knowledge())
    start = time.perf_counter()
    resolution = resolver.resolve(Declaration(raw, "code", Location("x"), "license"))
    assert time.perf_counter() - start < BUDGET_SECONDS
    assert resolution.expression is not None or resolution.unrecognised or resolution.ignorance


@pytest.mark.parametrize(
    "name",
    ["a-" * 120 + "!", "license-" * 30 + "!", "model_card-" * 20 + "!", "LICENSE" + " " * 240 + "\n", "-" * 250],
)
def test_name_tables_are_linear(name):
    start = time.perf_counter()
    for prefix in ("", "dir/", "LICENSES/", "model_cards/"):
        classify(prefix + name)
    assert time.perf_counter() - start < 0.5


def test_scancode_stops_at_its_time_budget_and_the_scan_says_so(make_repo, monkeypatch, capsys):
    """64 KiB of shuffled licence words kept scancode busy for 40 s (512 KiB: over 14 minutes).
    The budget is lowered here to keep the test short; the mechanism is scancode's own deadline."""
    import json
    import random

    from modelicense import detect
    from modelicense.cli import main
    from modelicense.detect import scancode_engine

    if scancode_engine.installed_version() is None:
        pytest.skip("scancode-toolkit not installed")
    monkeypatch.delenv("MODELICENSE_NO_SCANCODE", raising=False)
    monkeypatch.setattr(scancode_engine, "TIME_BUDGET_SECONDS", 0.5)
    words = ["the", "license", "software", "permission", "copyright", "any", "without", "warranty", "use", "copy", "modify", "distribute", "source", "code", "grant", "notice", "provided", "conditions"]
    shuffled = random.Random(1)
    text = " ".join(shuffled.choice(words) for _ in range(64 * 1024 // 7))
    root = make_repo({"LICENSE": text})
    scancode_engine.detect("warm the index up")  # loading the index is not part of the budget
    start = time.perf_counter()
    main(["scan", "--no-cache", "--format", "json", str(root)])
    elapsed = time.perf_counter() - start
    report = json.loads(capsys.readouterr().out)
    assert elapsed < 30
    notes = [f for f in report["findings"] if f["rule"] == "DEC005" and f["path"] == "LICENSE"]
    assert notes and "time budget" in notes[0]["message"]
    assert detect.STOPPED_LABEL in {d["method"] for a in report["artefacts"] for d in a["declarations"]}
