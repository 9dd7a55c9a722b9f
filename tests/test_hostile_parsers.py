"""Hostile packaging, dataset metadata, licence texts and source headers: every extractor ends
with a finding or nothing on inputs built to hurt it.

The per-file cost is bounded by construction — every read is bounded (READ_LIMITS), every parser
and regex is linear in its input, and where a library is not (configparser collects every bad line
with a quadratic `+=`) the input is pre-scanned so the library never sees the bad case. These tests
assert outcomes and the work done (calls, message sizes), never the time taken: a wall-clock
assertion fails on a loaded machine. `python bench/hostile.py` times the same inputs (the module
constants below) and flags any that is slow.
"""

from __future__ import annotations

import configparser

import pytest

from modelicense.discover import classify
from modelicense.extract import READ_LIMITS, extract_bytes
from modelicense.knowledge import load as load_knowledge
from modelicense.model import Declaration, FileKind, Location
from modelicense.resolve import Resolver


def _extract(kind: FileKind, relpath: str, data: bytes):
    data = data[: READ_LIMITS[kind]]  # what the scan would read
    return extract_bytes(kind, relpath, data, len(data))


ONE_MIB = 1024 * 1024

PACKAGING_INPUTS = [
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
]

CARD_INPUTS = [
    b"# License\n" + b"<!--" * (ONE_MIB // 4 - 4),  # unclosed comments: quadratic with `<!--.*?-->`
    b"# License\n" + b"<!-- x " * (ONE_MIB // 8),
    b"# " + b"1." * (ONE_MIB // 2 - 2) + b"License",
    b"\n".join([b"# License"] + [b"## Licence"] * (ONE_MIB // 12)),
    b"```\n" * (ONE_MIB // 4),
    b"#" * ONE_MIB,
    b"# License\n" + b"https://" * (ONE_MIB // 8),
    b"# License\n" + b"cc-by-" * (ONE_MIB // 6),
    b"# License\n" + b"a-" * (ONE_MIB // 2),
]

SPDX_HEADER_INPUTS = [
    b"# SPDX-License-Identifier:" + b" " * 5000 + b"x",
    b"# SPDX-License-Identifier: " + b"MIT " * 2000,
    b"SPDX-License-Identifier:" * 500,
    b"\n" * 5000,
    b"\x00\xff" * 3000,
]

LICENCE_FILE_INPUTS = [
    b"\x00" * 1000,
    b"\xff\xfe" + "MIT License\n".encode("utf-16-le"),
    b"\xfe\xff" + "MIT License\n".encode("utf-16-be"),
    b"\xff\xfe" + b"\x00\xd8" * 10,  # lone surrogates in UTF-16
    b"%PDF-1.4 binary",
    "Licence MIT - © Zoë\n".encode("latin-1"),
    b"a" * ONE_MIB,
    b"   \n\t\n",
]

EXPRESSIONS = [
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
]


@pytest.mark.parametrize(
    ("relpath", "data"),
    PACKAGING_INPUTS,
    ids=lambda v: v if isinstance(v, str) else f"{len(v)}B",
)
def test_packaging_and_metadata_end_as_a_finding_or_nothing(relpath, data):
    kind = classify(relpath)
    assert kind is not None
    extraction = _extract(kind, relpath, data)
    for problem in extraction.problems:
        assert problem.code == "malformed" and problem.location.path == relpath


@pytest.mark.parametrize(
    "data",
    CARD_INPUTS,
    ids=["unclosed-comments", "open-comments", "numbered-heading", "many-headings", "fences", "hashes",
         "urls", "id-tokens", "dashes"],
)
def test_card_prose_is_extracted_and_resolved(data):
    extraction = _extract(FileKind.CARD, "README.md", data)
    resolver = Resolver(load_knowledge())
    for declaration in extraction.declarations:
        assert resolver.resolve(declaration) is not None


@pytest.mark.parametrize("bad_lines", [5_000, 50_000])
def test_a_setup_cfg_of_bad_lines_is_one_short_finding_without_configparser_s_quadratic_work(bad_lines, monkeypatch):
    """configparser grows its error message once per bad line (`+=`, quadratic): 50,000 lines took
    seconds and made a 1.5 MB finding with no line number. The pre-scan stops at the fourth."""
    appended = []
    real_append = configparser.ParsingError.append
    monkeypatch.setattr(configparser.ParsingError, "append",
                        lambda self, lineno, line: (appended.append(lineno), real_append(self, lineno, line)))
    data = b"[metadata]\nlicense\n" + b"  continued\n" * bad_lines
    [problem] = _extract(FileKind.PACKAGING, "setup.cfg", data).problems
    assert problem.code == "malformed" and problem.location.line == 2
    assert len(problem.message) <= 300 and "line 2" in problem.message
    assert appended == []  # configparser never saw the file


def test_a_setup_cfg_with_one_bad_line_keeps_configparser_s_message_and_gains_its_line(monkeypatch):
    [problem] = _extract(FileKind.PACKAGING, "setup.cfg", b"[metadata]\nlicense = MIT\nnot an option\n").problems
    assert problem.location.line == 3 and "'not an option" in problem.message


def test_unclosed_comment_hides_the_rest_as_markdown_does():
    extraction = _extract(FileKind.CARD, "README.md", b"# License\nMIT <!-- note --> terms <!-- never closed Apache")
    assert [d.raw for d in extraction.declarations] == ["MIT  terms"]


@pytest.mark.parametrize(
    "data",
    SPDX_HEADER_INPUTS,
)
def test_spdx_headers_end_as_a_finding_or_nothing(data):
    _extract(FileKind.SOURCE, "a.py", data)


@pytest.mark.parametrize(
    "data",
    LICENCE_FILE_INPUTS,
)
def test_licence_files_are_read_or_reported(data):
    extraction = _extract(FileKind.LICENCE_FILE, "LICENSE", data)
    resolver = Resolver(load_knowledge())
    for declaration in extraction.declarations:
        resolver.resolve(declaration)
    assert extraction.declarations or extraction.problems


@pytest.mark.parametrize(
    "raw",
    EXPRESSIONS,
    ids=lambda v: v[:20],
)
def test_hostile_licence_expressions_resolve(raw):
    resolver = Resolver(load_knowledge())
    resolution = resolver.resolve(Declaration(raw, "code", Location("x"), "license"))
    assert resolution.expression is not None or resolution.unrecognised or resolution.ignorance


@pytest.mark.parametrize(
    "name",
    ["a-" * 120 + "!", "license-" * 30 + "!", "model_card-" * 20 + "!", "LICENSE" + " " * 240 + "\n", "-" * 250],
)
def test_name_tables_classify_hostile_names(name):
    for prefix in ("", "dir/", "LICENSES/", "model_cards/"):
        assert classify(prefix + name) in (None, *FileKind)


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
    main(["scan", "--no-cache", "--format", "json", str(root)])
    report = json.loads(capsys.readouterr().out)
    notes = [f for f in report["findings"] if f["rule"] == "DEC005" and f["path"] == "LICENSE"]
    assert notes and "time budget" in notes[0]["message"]
    assert detect.STOPPED_LABEL in {d["method"] for a in report["artefacts"] for d in a["declarations"]}
