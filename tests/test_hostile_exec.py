"""Never execute: nothing from the scanned repository is imported, run or unpickled.

The repository below is full of traps that would each leave a marker file if anything ran them:
setup.py, conftest.py, a package shadowing the libraries modelicense imports (yaml, click,
license_expression), sitecustomize.py, trust_remote_code modelling files, and pickles whose
payload runs on load in every container a checkpoint comes in (raw .pkl, torch zip with data.pkl
as .bin/.pt/.pth/.ckpt, joblib, numpy .npy/.npz with object arrays, Keras zip). It is scanned
through the real command in a subprocess, in every format, and the markers must not exist.
"""

from __future__ import annotations

import io
import json
import os
import pickle
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from conftest import card, run_git

from modelicense.report import FORMAT_NAMES, formatters


class _Payload:
    """Pickles as a call to exec(code): unpickling it runs the code."""

    def __init__(self, code: str):
        self.code = code

    def __reduce__(self):
        return (exec, (self.code,))


def _marker_code(marker: Path) -> str:
    return f"open({str(marker)!r}, 'w').write('executed')"


def _pickle(marker: Path, protocol: int = 2) -> bytes:
    return pickle.dumps({"state_dict": _Payload(_marker_code(marker))}, protocol=protocol)


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _npy_object_array(payload: bytes) -> bytes:
    header = "{'descr': '|O', 'fortran_order': False, 'shape': (1,), }"
    header = header + " " * (63 - len(header)) + "\n"
    return b"\x93NUMPY\x01\x00" + len(header).to_bytes(2, "little") + header.encode() + payload


def _trap_repo(root: Path, markers: Path) -> list[Path]:
    """Write the traps; return the marker each would create."""
    made: list[Path] = []

    def marker(name: str) -> Path:
        path = markers / name
        made.append(path)
        return path

    def code(name: str) -> str:
        return _marker_code(marker(name))

    files: dict[str, str | bytes] = {
        "README.md": card("license: apache-2.0\nlibrary_name: transformers\ndatasets: [imdb]"),
        "LICENSE": "MIT License\n",
        "setup.py": f"{code('setup.py')}\nfrom setuptools import setup\nsetup(name='x', license='MIT')\n",
        "conftest.py": code("conftest.py") + "\n",
        "sitecustomize.py": code("sitecustomize.py") + "\n",
        "usercustomize.py": code("usercustomize.py") + "\n",
        "yaml/__init__.py": code("yaml-shadow") + "\n",
        "yaml.py": code("yaml-module-shadow") + "\n",
        "click.py": code("click-shadow") + "\n",
        "license_expression.py": code("license-expression-shadow") + "\n",
        "modelicense/__init__.py": code("modelicense-shadow") + "\n",
        "__init__.py": code("package-init") + "\n",
        "__main__.py": code("main") + "\n",
        "noxfile.py": code("noxfile") + "\n",
        "config.json": json.dumps({"auto_map": {"AutoModel": "modeling_evil.EvilModel"}, "license": "mit"}),
        "modeling_evil.py": f"# SPDX-License-Identifier: MIT\n{code('trust_remote_code')}\n",
        "configuration_evil.py": code("configuration") + "\n",
        "tokenization_evil.py": code("tokenization") + "\n",
        "model.pkl": _pickle(marker("raw.pkl")),
        "model.pickle": _pickle(marker("raw.pickle"), protocol=0),
        "scaler.joblib": _pickle(marker("joblib"), protocol=4),
        "pytorch_model.bin": _zip({"archive/data.pkl": _pickle(marker("torch.bin")), "archive/version": b"3\n"}),
        "model.pt": _zip({"model/data.pkl": _pickle(marker("torch.pt")), "model/data/0": b"\0" * 16}),
        "weights.pth": _pickle(marker("legacy.pth")),  # pre-zip torch.save format: a bare pickle
        "last.ckpt": _zip({"last/data.pkl": _pickle(marker("lightning.ckpt"))}),
        "arrays.npy": _npy_object_array(_pickle(marker("npy"))),
        "arrays.npz": _zip({"a.npy": _npy_object_array(_pickle(marker("npz")))}),
        "model.keras": _zip({"config.json": b'{"class_name": "Lambda"}', "model.weights.h5": b"\x89HDF\r\n\x1a\n"}),
        "model.h5": b"\x89HDF\r\n\x1a\n" + _pickle(marker("h5")),
        "model.safetensors": b"\x08\x00\x00\x00\x00\x00\x00\x00{}      " + _pickle(marker("safetensors-tail")),
        "pyproject.toml": "[build-system]\nrequires = ['evil-backend']\nbuild-backend = 'evil'\n[project]\nname = 'x'\nlicense = 'MIT'\n",
        "evil.py": code("build-backend") + "\n",
        ".pre-commit-config.yaml": "repos: [{repo: local, hooks: [{id: x, name: x, entry: touch, language: system}]}]\n",
        "Makefile": f"all:\n\ttouch {marker('make')}\n",
        ".gitattributes": "*.bin filter=evil\n",
    }
    for rel, content in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content if isinstance(content, bytes) else content.encode())
    return made


@pytest.fixture
def trap_repo(tmp_path: Path):
    root = tmp_path / "trap repo"
    root.mkdir()
    markers = tmp_path / "markers"
    markers.mkdir()
    made = _trap_repo(root, markers)
    return root, markers, made


def test_the_payloads_do_run_when_loaded(trap_repo):
    """The traps are live: loading one with pickle (as torch.load(weights_only=False) or
    joblib.load would) leaves its marker. Otherwise the test below would prove nothing."""
    root, markers, _ = trap_repo
    with zipfile.ZipFile(root / "pytorch_model.bin") as archive:
        pickle.loads(archive.read("archive/data.pkl"))
    assert (markers / "torch.bin").read_text() == "executed"
    (markers / "torch.bin").unlink()
    pickle.loads((root / "model.pkl").read_bytes())
    assert (markers / "raw.pkl").exists()
    (markers / "raw.pkl").unlink()


def _scan(args: list[str], cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, *args], cwd=cwd, capture_output=True, text=True, timeout=300, check=False,
                          env={**os.environ, **(env or {})})


@pytest.mark.parametrize("git", [False, True], ids=["walk", "git"])
def test_scanning_executes_nothing(trap_repo, tmp_path, git):
    root, markers, made = trap_repo
    if git:
        run_git(root, "init", "-q")
        run_git(root, "add", "-A")
    formats = [name for name in FORMAT_NAMES if name in formatters()]
    for name in formats:
        # From outside the repository (as CI and a one-off scan run it) ...
        proc = _scan(["-m", "modelicense", "scan", "--format", name, "--fail-on", "never", str(root)], tmp_path)
        assert proc.returncode == 0, proc.stderr
        assert "Traceback" not in proc.stderr
    # ... and from inside it, as the pre-commit hook runs, on file arguments. `python -m` would put
    # the current directory first on sys.path, so the shadowing modules above would be imported by
    # Python itself before modelicense starts; the console script does not do that, and -P (3.11+)
    # gives `python -m` the same sys.path.
    safe_path = ["-P"] if sys.version_info >= (3, 11) else []
    proc = _scan([*safe_path, "-m", "modelicense", "scan", "--format", "json", "--fail-on", "never",
                  "README.md", "model.pkl", "setup.py", "pytorch_model.bin"], root)
    assert proc.returncode == 0, proc.stderr
    report = json.loads(proc.stdout)
    executed = sorted(p.name for p in made if p.exists())
    assert executed == [], f"ran code from the scanned repository: {executed}"
    assert list(markers.iterdir()) == []
    # And the scan did read the repository: the weights are seen, by header or format only.
    paths = {a["path"] for a in report["artefacts"]}
    assert {"README.md", "pytorch_model.bin", "model.pkl"} <= paths


def test_setup_py_is_never_read_for_licences(trap_repo, tmp_path):
    root, _markers, _made = trap_repo
    proc = _scan(["-m", "modelicense", "scan", "--format", "json", "--fail-on", "never", str(root)], tmp_path)
    report = json.loads(proc.stdout)
    fields = {(a["path"], d["field"]) for a in report["artefacts"] for d in a["declarations"]}
    assert not any(path == "setup.py" and field != "SPDX-License-Identifier" for path, field in fields)


def test_no_module_from_the_repository_is_loaded_in_process(trap_repo):
    """In-process too: after a scan, no loaded module's file lies inside the scanned root."""
    from modelicense.cli import main

    root, _markers, made = trap_repo
    assert main(["scan", "--format", "json", "--fail-on", "never", str(root)]) == 0
    inside = [name for name, module in list(sys.modules.items())
              if str(getattr(module, "__file__", "") or "").startswith(str(root))]
    assert inside == []
    assert [p for p in made if p.exists()] == []
