"""The full install (scancode) is never worse than the light one on the licence files of the
shared corpus: whatever licence the light install names, the scancode install names too, unless
its own answer is a certain identity where the light one was a guess. One process: the two
installs are the same chain with scancode switched off and on (MODELICENSE_NO_SCANCODE)."""

from __future__ import annotations

from pathlib import Path

import pytest

from modelicense.detect import scancode_engine
from modelicense.discover import classify
from modelicense.extract.text import decode
from modelicense.model import FileKind
from modelicense.resolve import Resolver
from modelicense.knowledge import load


def licence_files(corpus: Path) -> list[Path]:
    root = corpus / "model-repos"
    return sorted(p for p in root.rglob("*") if p.is_file()
                  and classify(p.relative_to(root).as_posix()) is FileKind.LICENCE_FILE)


def test_the_scancode_install_never_loses_a_licence_the_light_one_names(corpus: Path, monkeypatch):
    if scancode_engine.installed_version() is None:
        pytest.skip("scancode-toolkit not installed (CI installs it)")
    monkeypatch.setenv("MODELICENSE_NO_CACHE", "1")
    resolver = Resolver(load())
    files = licence_files(corpus)
    assert len(files) > 60
    worse = []
    named_by_light = 0
    for path in files:
        text, _ = decode(path.read_bytes()[: 512 * 1024])
        monkeypatch.setenv("MODELICENSE_NO_SCANCODE", "1")
        light = resolver.resolve_text(text)
        monkeypatch.delenv("MODELICENSE_NO_SCANCODE")
        full = resolver.resolve_text(text)
        named_by_light += bool(light.keys)
        if set(light.keys) <= set(full.keys) or (full.certain and not light.certain):
            continue
        worse.append((path.relative_to(corpus).as_posix(), light.expression, light.confidence,
                      full.expression, full.confidence, full.coverage))
    assert not worse
    assert named_by_light > 40  # the comparison is about something
