"""Hostile file contents and file systems: odd encodings, NUL bytes and binary in cards and
licences; files that vanish, change kind or cannot be opened between discovery and reading.
Each is decoded or reported (DEC005 / DEC006) and the scan goes on with the other files."""

from __future__ import annotations

import codecs
import json
import os
import shutil
from pathlib import Path

import pytest
from conftest import card

from modelicense.cli import main
from modelicense.config import Config
from modelicense.discover import discover
from modelicense.scan import read_file, scan

FRONT = "---\nlicense: apache-2.0\ndatasets: [imdb]\n---\n# Modèle — café\n"


@pytest.mark.parametrize(
    ("data", "note"),
    [
        (FRONT.encode("utf-8"), None),
        (codecs.BOM_UTF8 + FRONT.encode("utf-8"), None),
        # read, with a note: the Hub's client reads cards as UTF-8 and rejects these
        (codecs.BOM_UTF16_LE + FRONT.encode("utf-16-le"), "UTF-16"),
        (codecs.BOM_UTF16_BE + FRONT.encode("utf-16-be"), "UTF-16"),
        (FRONT.encode("latin-1", "replace"), "Latin-1"),
        (FRONT.replace("\n", "\r\n").encode(), None),
        # the Hub closes front matter only with a '---' followed by LF, CRLF or the end: none is read
        (FRONT.replace("\n", "\r").encode(), "carriage return"),
    ],
    ids=["utf8", "utf8-bom", "utf16le-bom", "utf16be-bom", "latin1", "crlf", "cr"],
)
def test_cards_in_every_encoding_are_read(make_repo, capsys, data, note):
    root = make_repo({"README.md": data})
    main(["scan", "--format", "json", "--fail-on", "never", str(root)])
    report = json.loads(capsys.readouterr().out)
    if note not in ("Latin-1", "carriage return"):
        (artefact,) = [a for a in report["artefacts"] if a["path"] == "README.md"]
        licences = [d["licence"] for d in artefact["declarations"] if d["field"] == "license"]
        assert licences == ["Apache-2.0"], artefact
        assert artefact["references"][0]["id"] == "imdb"
        assert artefact["declarations"][0]["line"] == 2
    messages = [f["message"] for f in report["findings"] if f["path"] == "README.md" and f["rule"] == "DEC005"]
    if note:
        assert any(note in m for m in messages)
    else:
        assert messages == []


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"---\nlicense: mit\n---\n\x00\x00binary\x00", "NUL bytes"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4, "NUL bytes"),
        (b"", "empty"),
        (b"   \n\n\t", "empty"),
        (codecs.BOM_UTF16_LE + b"\x00\xd8-\x00-\x00", "UTF-16"),  # a lone surrogate in UTF-16
        (b"---\nlicense: mit\xff\xfe\n---\n", "Latin-1"),
        (codecs.BOM_UTF8 + b"---\nlicense: \xff\n---\n", None),  # BOM then invalid UTF-8: replaced
    ],
    ids=["nul", "png", "empty", "blank", "utf16-surrogate", "bad-utf8", "bom-bad-utf8"],
)
def test_broken_cards_are_findings_and_the_scan_goes_on(make_repo, capsys, data, message):
    root = make_repo({"README.md": data, "LICENSE": "MIT License\n"})
    code = main(["scan", "--format", "json", "--fail-on", "never", str(root)])
    out, err = capsys.readouterr()
    assert code == 0 and "Traceback" not in err
    report = json.loads(out)
    if message:
        assert any(message in f["message"] for f in report["findings"] if f["path"] == "README.md"), report
    assert "LICENSE" in {a["path"] for a in report["artefacts"]}


@pytest.mark.parametrize(
    "data",
    [
        b"\x00" * 64,
        codecs.BOM_UTF16_LE + "MIT License\n\nPermission is hereby granted".encode("utf-16-le"),
        "Licence MIT\n© Zoë".encode("latin-1"),
        b"MIT License\x00\x00",
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n",
    ],
)
def test_licence_files_in_odd_encodings_are_read_or_reported(make_repo, capsys, data):
    root = make_repo({"LICENSE": data, "README.md": card("license: mit")})
    assert main(["scan", "--format", "json", "--fail-on", "never", str(root)]) == 0
    report = json.loads(capsys.readouterr().out)
    licence = [a for a in report["artefacts"] if a["path"] == "LICENSE"]
    findings = [f for f in report["findings"] if f["path"] == "LICENSE"]
    assert licence or findings


# --- files that change under the scan -----------------------------------------------------------


def _found(root: Path, name: str):
    (item,) = [f for f in discover(root).files if f.relpath == name]
    return item


def test_file_vanishing_between_discovery_and_reading_is_reported(make_repo):
    root = make_repo({"README.md": card("license: mit"), "LICENSE": "MIT License\n"})
    item = _found(root, "LICENSE")
    (root / "LICENSE").unlink()
    (problem,) = read_file(item).problems
    assert (problem.code, problem.message) == ("unreadable", "file vanished during the scan")


def test_file_replaced_by_a_directory_is_reported(make_repo):
    root = make_repo({"README.md": card("license: mit"), "LICENSE": "MIT License\n"})
    item = _found(root, "LICENSE")
    (root / "LICENSE").unlink()
    (root / "LICENSE").mkdir()
    (problem,) = read_file(item).problems
    assert problem.code == "unreadable" and problem.message.startswith("cannot read")


def test_file_replaced_by_a_symlink_loop_is_reported(make_repo):
    root = make_repo({"README.md": card("license: mit"), "model.safetensors": b"\0" * 16})
    for name in ("README.md", "model.safetensors"):
        item = _found(root, name)
        (root / name).unlink()
        os.symlink(name, root / name)  # ELOOP on open
        (problem,) = read_file(item).problems
        assert problem.code == "unreadable", name


def test_weights_truncated_between_discovery_and_reading_are_reported(make_repo):
    header = b'{"__metadata__": {"license": "mit"}}'
    root = make_repo({"model.safetensors": len(header).to_bytes(8, "little") + header + b"\0" * 64})
    item = _found(root, "model.safetensors")
    (root / "model.safetensors").write_bytes(b"\x10\x00")
    problems = read_file(item).problems
    assert problems and all(p.code in ("malformed", "unreadable") for p in problems)


def test_a_whole_folder_vanishing_mid_scan_leaves_the_rest_of_the_report(make_repo):
    root = make_repo({"README.md": card("license: mit"), "sub/LICENSE": "MIT License\n",
                      "sub/model_card.md": card("license: gpl-3.0")})
    found = discover(root)
    shutil.rmtree(root / "sub")
    results = [read_file(item) for item in found.files]
    vanished = [p.location.path for r in results for p in r.problems if p.message == "file vanished during the scan"]
    assert sorted(vanished) == ["sub/LICENSE", "sub/model_card.md"]
    assert any(d.raw == "mit" for r in results for d in r.declarations)


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode; the vanish, "
                    "directory and ELOOP tests above exercise the same error path")
def test_unreadable_file_is_reported_and_the_scan_goes_on(make_repo):
    root = make_repo({"README.md": card("license: mit"), "LICENSE": "MIT License\n"})
    (root / "LICENSE").chmod(0)
    try:
        result = scan(root, Config())
    finally:
        (root / "LICENSE").chmod(0o644)
    assert ("DEC006", "LICENSE") in {(f.rule, f.location.path) for f in result.findings}
    assert "README.md" in {a.path for a in result.repository.artefacts}


def test_fifo_and_device_named_like_licences_are_not_read(make_repo):
    root = make_repo({"README.md": card("license: mit")})
    os.mkfifo(root / "LICENSE")  # opening it for reading would block forever
    os.symlink("/dev/zero", root / "COPYING")  # outside the root, and endless
    os.symlink("/dev/stdin", root / "NOTICE")
    found = discover(root)
    assert [f.relpath for f in found.files] == ["README.md"]


def test_thousands_of_distinct_licence_texts_list_the_cache_rarely(tmp_path, monkeypatch, capsys):
    """Each new text is detected once and cached; the cache used to list all its entries after
    every write, so 4,000 new texts took 53 s (quadratic). It prunes on one write in sixteen (by
    the key's last byte): the work counted here is how often the cache folder is listed."""
    from modelicense.detect.cache import Cache

    listings = []
    real_entries = Cache.entries

    def counted(self):
        listings.append(1)
        return real_entries(self)

    monkeypatch.setattr(Cache, "entries", counted)
    monkeypatch.setenv("MODELICENSE_CACHE_DIR", str(tmp_path / "cache"))
    root = tmp_path / "repo"
    (root / "LICENSES").mkdir(parents=True)
    (root / "README.md").write_text(card("license: mit"))
    for index in range(4000):
        (root / "LICENSES" / f"L{index}.txt").write_text(f"Custom licence number {index}. You may use this.\n")
    main(["scan", "--format", "json", "--fail-on", "never", str(root)])
    report = json.loads(capsys.readouterr().out)
    assert len([a for a in report["artefacts"] if a["path"].startswith("LICENSES/")]) == 4000
    assert len(list((tmp_path / "cache").rglob("*.json"))) == 4000  # every text was cached
    # one write in sixteen is 250 listings on average; every write would be 4,000
    assert 100 < len(listings) < 450, len(listings)


@pytest.mark.parametrize("name", ["README.md", "LICENSE", "package.json", "pyproject.toml", "setup.cfg",
                                  "datapackage.json", "src/a.py", "data/train.parquet", "model.safetensors"])
def test_8_gib_sparse_files_of_every_kind_cost_their_read_limit(make_repo, capsys, monkeypatch, name):
    import builtins

    from modelicense import scan as scan_module
    from modelicense.extract import READ_LIMITS

    root = make_repo({"LICENSE-CODE": "MIT License\n"})
    path = root / name
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "wb") as handle:
        handle.write(b"---\nlicense: mit\n---\n" if name.endswith(".md") else b"")
        handle.truncate(8 * 1024**3)  # sparse: no disk used; reading it whole would take minutes
    read_from_it: list[int] = []
    real_open = builtins.open

    class Counting:
        """The real file, counting what is read from it."""

        def __init__(self, handle):
            self._handle = handle

        def read(self, size=-1):
            data = self._handle.read(size)
            read_from_it.append(len(data))
            return data

        def __getattr__(self, attribute):
            return getattr(self._handle, attribute)

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self._handle.close()

    def counting_open(file, *args, **kwargs):
        handle = real_open(file, *args, **kwargs)
        return Counting(handle) if str(file) == str(path) else handle

    def counting_open_regular(file):
        handle = real_open_regular(file)
        return Counting(handle) if str(file) == str(path) else handle

    # Files are read through safe_io.open_regular (the scan's reader), anything else through open().
    real_open_regular = scan_module.open_regular
    monkeypatch.setattr(scan_module, "open_regular", counting_open_regular)
    monkeypatch.setattr(builtins, "open", counting_open)
    code = main(["scan", "--format", "json", "--fail-on", "never", str(root)])
    monkeypatch.undo()
    assert code == 0
    assert sum(read_from_it) <= max(READ_LIMITS.values()) + 64 * 1024, read_from_it
    assert read_from_it or name.endswith(".parquet")  # data files are listed, never read
    report = json.loads(capsys.readouterr().out)
    assert "LICENSE-CODE" in {a["path"] for a in report["artefacts"]}
