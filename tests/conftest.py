"""Shared test helpers: small repositories written by the tests, and the shared corpus."""

from __future__ import annotations

import atexit
import io
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parent.parent
# Tests run against this checkout's src/ whether or not the package is installed (CI installs it
# editable, which points at the same place); subprocesses inherit the path.
_SRC = str(PROJECT / "src")
if _SRC not in sys.path:
    sys.path.insert(0, _SRC)
os.environ["PYTHONPATH"] = os.pathsep.join(p for p in (_SRC, os.environ.get("PYTHONPATH")) if p)
# Detection results are cached per user; tests (and their subprocesses) use a cache of their own.
os.environ["MODELICENSE_CACHE_DIR"] = tempfile.mkdtemp(prefix="modelicense-test-cache-")
atexit.register(shutil.rmtree, os.environ["MODELICENSE_CACHE_DIR"], True)
# scancode's index costs seconds per process: tests run the fast path alone unless they ask for
# scancode (the `scancode` fixture in test_detect.py and test_cache.py).
os.environ.setdefault("MODELICENSE_NO_SCANCODE", "1")
FIXTURES = PROJECT / "fixtures"
# CI and developers have ../shared beside the clone; a newcomer's clone may not.
SHARED = Path(os.environ.get("MODELICENSE_SHARED", PROJECT.parent / "shared"))
CORPUS = SHARED / "corpus"


@pytest.fixture
def corpus() -> Path:
    if not CORPUS.is_dir():
        pytest.skip(f"shared corpus not found at {CORPUS} (set MODELICENSE_SHARED to its parent folder)")
    return CORPUS


# --- licence texts for core tests (no ../shared needed) ------------------------------------------
# MIT as SPDX publishes it (https://spdx.org/licenses/MIT.html), with a copyright line as real
# copies have; short enough to write here. Longer texts come from scancode-toolkit's licence data
# (licensedcode/data/licenses/<key>.LICENSE, each citing its source in its header), read as files
# without importing scancode.
MIT_TEXT = (
    "MIT License\n\nCopyright (c) 2024 Example\n\n"
    "Permission is hereby granted, free of charge, to any person obtaining a copy\nof this software and associated "
    "documentation files (the \"Software\"), to deal\nin the Software without restriction, including without "
    "limitation the rights\nto use, copy, modify, merge, publish, distribute, sublicense, and/or sell\ncopies of the "
    "Software, and to permit persons to whom the Software is\nfurnished to do so, subject to the following "
    "conditions:\n\nThe above copyright notice and this permission notice shall be included in all\ncopies or "
    "substantial portions of the Software.\n\nTHE SOFTWARE IS PROVIDED \"AS IS\", WITHOUT WARRANTY OF ANY KIND, "
    "EXPRESS OR\nIMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,\nFITNESS FOR A PARTICULAR "
    "PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE\nAUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES "
    "OR OTHER\nLIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,\nOUT OF OR IN CONNECTION "
    "WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE\nSOFTWARE.\n"
)


def scancode_licence_text(key: str) -> str:
    """The text of scancode's licence `key` (apache-2.0, gpl-3.0, llama-2-license-2023...), from
    its data file; the test is skipped, saying why, when scancode-toolkit is not installed."""
    import importlib.util

    spec = importlib.util.find_spec("licensedcode")
    if spec is None or not spec.submodule_search_locations:
        pytest.skip("scancode-toolkit not installed: its licence texts are the cited source of this test's text")
    path = Path(list(spec.submodule_search_locations)[0]) / "data" / "licenses" / f"{key}.LICENSE"
    text = path.read_text("utf-8")
    return text.split("\n---\n", 1)[1].lstrip("\n") if text.startswith("---\n") else text


def write_tree(root: Path, files: dict[str, str | bytes]) -> Path:
    for rel, content in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return root


@pytest.fixture
def make_repo(tmp_path: Path):
    """make_repo({"README.md": "...", ...}, git=False) -> root of a new repository."""
    counter = iter(range(1000))

    def make(files: dict[str, str | bytes], git: bool = False) -> Path:
        root = tmp_path / f"repo{next(counter)}"
        root.mkdir()
        write_tree(root, files)
        if git:
            run_git(root, "init", "-q")
            run_git(root, "add", "-A")
        return root

    return make


def run_git(root: Path, *args: str) -> None:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.com"}
    subprocess.run(["git", *args], cwd=root, check=True, env=env, capture_output=True)


def run_cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """The installed command as a real subprocess (python -m keeps it to this interpreter)."""
    return subprocess.run([sys.executable, "-m", "modelicense", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=300)


def scan_json(*args: str, cwd: Path | None = None) -> dict:
    proc = run_cli("scan", "--format", "json", *args, cwd=cwd)
    assert proc.returncode in (0, 1), proc.stderr
    return json.loads(proc.stdout)


def findings_text(stdout: str) -> str:
    """The text report without the inventory table it opens with (report/inventory.py), for tests
    about the findings' own blocks."""
    if stdout.startswith("Inventory"):
        return stdout.split("\n\n", 1)[1] if "\n\n" in stdout else ""
    return stdout


def card(front_matter: str, body: str = "# A model\n") -> str:
    return f"---\n{front_matter.strip()}\n---\n\n{body}"


def safetensors_file(metadata: dict[str, str] | None = None) -> bytes:
    """A minimal valid safetensors file: 8-byte little-endian header length, a JSON header with
    optional `__metadata__`, no tensors (what the format's reference writer produces for none)."""
    header = json.dumps({"__metadata__": metadata} if metadata is not None else {}).encode()
    header += b" " * (-len(header) % 8)
    return len(header).to_bytes(8, "little") + header


class CountingReader(io.RawIOBase):
    """A file handle that counts the bytes actually read (seeks are free, as on disk)."""

    def __init__(self, path: Path):
        self.inner = open(path, "rb")  # noqa: SIM115 - closed in close()
        self.bytes_read = 0

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def read(self, size: int = -1) -> bytes:
        data = self.inner.read(size)
        self.bytes_read += len(data)
        return data

    def seek(self, offset: int, whence: int = 0) -> int:
        return self.inner.seek(offset, whence)

    def close(self) -> None:
        self.inner.close()
        super().close()
