"""The detection cache: content-addressed, atomic, bounded, relocatable, bypassable, clearable;
and a warm run that imports nothing heavy."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from conftest import card, run_cli
from modelicense.detect import cache_key
from modelicense.detect.cache import LAYOUT, Cache, default_dir

MIT_TEXT = """MIT License

Copyright (c) 2024 Example Labs

Permission is hereby granted, free of charge, to any person obtaining a copy
of this software and associated documentation files (the "Software"), to deal
in the Software without restriction, including without limitation the rights
to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
copies of the Software, and to permit persons to whom the Software is
furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all
copies or substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE
SOFTWARE.
"""


def test_round_trip_in_sharded_files_with_no_temporary_left(tmp_path):
    store = Cache(tmp_path)
    key = "ab" + "0" * 62
    assert store.get(key) is None
    store.put(key, {"method": "fastpath", "expression": "MIT"})
    assert store.get(key) == {"method": "fastpath", "expression": "MIT"}
    assert sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*") if p.is_file()) == [
        f"{LAYOUT}/ab/{key}.json"
    ]


def _hammer(args: tuple[str, int]) -> int:
    """Write and read the same key many times; count reads that were not a whole entry."""
    root, worker = args
    store = Cache(Path(root))
    torn = 0
    value = {"method": "scancode", "expression": "Apache-2.0", "padding": "x" * 20_000}
    for _ in range(60):
        store.put("cd" + "1" * 62, {**value, "worker": worker})
        found = store.get("cd" + "1" * 62)
        if found is None or found["padding"] != value["padding"]:
            torn += 1
    return torn


def test_concurrent_writers_never_expose_a_partial_entry(tmp_path):
    with ProcessPoolExecutor(max_workers=3) as pool:
        torn = list(pool.map(_hammer, [(str(tmp_path), n) for n in range(3)]))
    assert torn == [0, 0, 0]
    assert not [p for p in tmp_path.rglob(".tmp-*")]


def test_bounded_by_least_recent_use(tmp_path):
    store = Cache(tmp_path, max_entries=5)
    keys = [f"{n:02d}" + "2" * 62 for n in range(8)]
    for age, key in enumerate(keys):
        store.put(key, {"n": age})
        path = store._path(key)
        os.utime(path, (1_000_000 + age, 1_000_000 + age))
    store.prune()
    assert sorted(int(p.name[:2]) for _, p in store.entries()) == [3, 4, 5, 6, 7]


def test_corrupt_entries_and_unwritable_folders_are_misses_not_errors(tmp_path):
    store = Cache(tmp_path)
    key = "ef" + "3" * 62
    store._path(key).parent.mkdir(parents=True)
    store._path(key).write_text("{not json")
    assert store.get(key) is None
    blocked = tmp_path / "file-in-the-way"
    blocked.write_text("")
    Cache(blocked).put(key, {"x": 1})  # mkdir fails under a regular file: no exception
    assert Cache(blocked).get(key) is None


def test_disabled_cache_reads_and_writes_nothing(tmp_path, monkeypatch):
    Cache(tmp_path, enabled=False).put("aa" + "4" * 62, {"x": 1})
    monkeypatch.setenv("MODELICENSE_NO_CACHE", "1")
    Cache(tmp_path).put("bb" + "4" * 62, {"x": 1})
    assert not list(tmp_path.rglob("*.json"))


def test_location_follows_the_environment(tmp_path, monkeypatch):
    monkeypatch.delenv("MODELICENSE_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    if sys.platform.startswith("linux"):
        assert default_dir() == tmp_path / "xdg" / "modelicense"
    monkeypatch.setenv("MODELICENSE_CACHE_DIR", str(tmp_path / "mine"))
    assert default_dir() == tmp_path / "mine"


def test_key_changes_with_text_and_detector_version(monkeypatch):
    import modelicense.detect as detect

    first = cache_key("some text")
    assert cache_key("some text") == first != cache_key("some text ")
    monkeypatch.setattr(detect, "DETECTOR_VERSION", "999")
    assert cache_key("some text") != first


# --- through the command line ----------------------------------------------------------------------


def _env_run(args: list[str], cache: Path, cwd: Path | None = None, *python: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "MODELICENSE_CACHE_DIR": str(cache)}
    return subprocess.run([sys.executable, *python, "-m", "modelicense", *args], cwd=cwd, capture_output=True,
                          text=True, env=env, timeout=300)


def test_no_cache_writes_nothing_and_cache_clear_empties_it(make_repo, tmp_path):
    root = make_repo({"LICENSE": MIT_TEXT, "README.md": card("license: mit")})
    cache = tmp_path / "cache"
    assert _env_run(["scan", str(root), "--no-cache"], cache).returncode == 0
    assert not list(cache.rglob("*.json"))
    assert _env_run(["scan", str(root)], cache).returncode == 0
    assert len(list(cache.rglob("*.json"))) == 1
    shown = _env_run(["cache", "dir"], cache)
    assert shown.stdout.strip() == str(cache / LAYOUT)
    cleared = _env_run(["cache", "clear"], cache)
    assert cleared.returncode == 0 and "removed 1 cached detection" in cleared.stdout
    assert not list(cache.rglob("*.json"))


WARM_PROBE = """
import json, sys
from modelicense.cli import main
code = main(["scan", ".", "--format", "json", "--output", sys.argv[1]])
from modelicense.detect import fastpath
print(json.dumps({"code": code, "modules": sorted(sys.modules), "fastpath_loaded": fastpath._load.cache_info().currsize}))
"""


def test_a_warm_run_imports_nothing_heavy(make_repo, tmp_path):
    """The second run on an unchanged repository reads the cache: neither scancode nor
    license-expression is imported, and the fast-path data is not even loaded."""
    unusual = "Licence of the Example Model\n\nYou may use this model only on Tuesdays.\n" * 3
    root = make_repo({"LICENSE": MIT_TEXT, "LICENSE-MODEL": unusual, "README.md": card("license: mit")}, git=True)
    cache = tmp_path / "cache"
    runs = []
    for name in ("cold", "warm"):
        out = subprocess.run(
            [sys.executable, "-c", WARM_PROBE, str(tmp_path / f"{name}.json")], cwd=root, capture_output=True,
            text=True, env={**os.environ, "MODELICENSE_CACHE_DIR": str(cache), "MODELICENSE_NO_SCANCODE": ""},
            timeout=300)
        assert out.returncode == 0, out.stderr
        runs.append(json.loads(out.stdout.splitlines()[-1]))
    cold, warm = runs
    assert json.loads((tmp_path / "cold.json").read_text()) == json.loads((tmp_path / "warm.json").read_text())
    assert cold["fastpath_loaded"] == 1 and warm["fastpath_loaded"] == 0
    heavy = {m for m in warm["modules"] if m.split(".")[0] in ("licensedcode", "scancode", "license_expression", "commoncode")}
    assert heavy == set()
    assert "modelicense.resolve" in warm["modules"]


def test_cached_results_are_mapped_through_current_knowledge(make_repo, tmp_path):
    """The cache stores what the detector said, not knowledge ids: configuration applies to hits."""
    root = make_repo({"LICENSE": MIT_TEXT})
    cache_dir = tmp_path / "cache"
    before = json.loads(_env_run(["scan", str(root), "--format", "json"], cache_dir).stdout)
    (root / ".modelicense.toml").write_text('[licences.MIT]\naliases = ["expat-ish"]\nreason = "test"\n')
    after = json.loads(_env_run(["scan", str(root), "--format", "json"], cache_dir).stdout)
    pick = lambda report: [(d["license"], d["method"], d["coverage"]) for a in report["artefacts"] for d in a["declarations"]]  # noqa: E731
    assert pick(before) == pick(after) == [("MIT", "fastpath", 100.0)]


def test_no_cache_flag_is_in_help():
    assert "--no-cache" in run_cli("scan", "--help").stdout
