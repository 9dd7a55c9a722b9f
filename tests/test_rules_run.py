"""RUN001: one info finding per repository whose runtime manifests tie it to NVIDIA's CUDA stack,
naming the ties and the alternatives declared beside them; quiet where nothing needs CUDA."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import card, run_cli, scan_json
from test_runtime import CUDA_REQUIREMENTS, SD_ENVIRONMENT, SERVER_DOCKERFILE

from modelicense import config as config_module
from modelicense.scan import scan

# openai/whisper's requirements.txt shape: torch unpinned, triton for x86-64 Linux.
WHISPER_REQUIREMENTS = """\
numba
numpy
torch
tqdm
more-itertools
tiktoken
triton>=2.0.0;platform_machine=="x86_64" and sys_platform=="linux" or sys_platform=="linux2"
"""


def run_findings(root: Path) -> list:
    result = scan(root, config_module.load(None, root))
    return [f for f in result.findings if f.rule.startswith("RUN")]


def test_cuda_requirements_fire_once_at_the_first_tie(make_repo):
    root = make_repo({"requirements.txt": CUDA_REQUIREMENTS, "README.md": card("license: apache-2.0")})
    [finding] = run_findings(root)
    assert finding.rule == "RUN001" and finding.severity.value == "info"
    assert str(finding.location) == "requirements.txt:2:1"  # the CUDA index, first in the file
    assert "closed source: nvidia-cudnn-cu12==8.9.2.26 (requirements.txt:6)" in finding.message
    assert "torch==2.1.2+cu121 (requirements.txt:3)" in finding.message
    assert "torchvision" not in finding.message  # one PyTorch CUDA build is named once
    assert "no CPU or ROCm alternative is declared" in finding.message
    assert {str(r) for r in finding.related} >= {"requirements.txt:3:1", "requirements.txt:6:1"}


def test_dockerfile_and_conda_environment_fire(make_repo):
    root = make_repo({"Dockerfile": SERVER_DOCKERFILE, "environment.yaml": SD_ENVIRONMENT})
    [finding] = run_findings(root)
    assert str(finding.location) == "Dockerfile:4:1"
    assert "nvidia/cuda:12.4.1-devel-ubuntu22.04 (Dockerfile:4)" in finding.message
    assert "cudatoolkit=11.3 (environment.yaml:8)" in finding.message
    assert "https://pypi.nvidia.com (Dockerfile:11)" in finding.message


def test_alternatives_are_named_by_stack(make_repo):
    root = make_repo({
        "requirements/cuda.txt": "--extra-index-url https://download.pytorch.org/whl/cu121\ntorch==2.4.0\n",
        "requirements/rocm.txt": "--extra-index-url https://download.pytorch.org/whl/rocm6.1\ntorch==2.4.0\n",
        "pyproject.toml": '[project]\nname = "x"\n[project.optional-dependencies]\ncpu = ["torch==2.4.0+cpu"]\n',
    })
    [finding] = run_findings(root)
    assert "alternatives declared: ROCm (https://download.pytorch.org/whl/rocm6.1 (requirements/rocm.txt:1)), " \
           "CPU (torch==2.4.0+cpu (pyproject.toml:4, extra 'cpu'))" in finding.message


def test_an_optional_extra_is_said_to_be_optional(make_repo):
    root = make_repo({"pyproject.toml": '[project]\nname = "x"\ndependencies = ["numpy"]\n'
                                        '[project.optional-dependencies]\ngpu = ["cupy-cuda12x>=13"]\n'})
    [finding] = run_findings(root)
    assert "cupy-cuda12x>=13 (pyproject.toml:5, extra 'gpu')" in finding.message


@pytest.mark.parametrize("files", [
    {"requirements.txt": WHISPER_REQUIREMENTS},
    {"requirements.txt": "--index-url https://download.pytorch.org/whl/cpu\ntorch==2.1.2+cpu\n"},
    {"Dockerfile": "FROM python:3.11-slim\nRUN pip install --no-cache-dir -r requirements.txt\n"},
    {"Dockerfile": "FROM rocm/pytorch:rocm6.1_ubuntu22.04_py3.10_pytorch_2.4\n"},
    {"environment.yml": "name: cpu\nchannels: [pytorch]\ndependencies:\n  - pytorch=2.1\n  - cpuonly\n"},
    {"pyproject.toml": '[project]\nname = "x"\nlicense = "MIT"\ndependencies = ["torch>=2", "transformers"]\n'},
    {"README.md": card("license: apache-2.0")},
])
def test_quiet_without_a_cuda_tie(make_repo, files):
    assert run_findings(make_repo(files)) == []


def test_the_finding_is_info_and_does_not_fail_the_default_gate(make_repo):
    root = make_repo({"requirements.txt": CUDA_REQUIREMENTS})
    assert run_cli("scan", str(root)).returncode == 0  # default --fail-on warning
    assert run_cli("scan", str(root), "--fail-on", "info").returncode == 1


def test_json_finding_points_at_the_manifest(make_repo):
    root = make_repo({"requirements.txt": CUDA_REQUIREMENTS, "Dockerfile": SERVER_DOCKERFILE})
    [finding] = scan_json(str(root))["findings"]
    assert (finding["rule"], finding["path"], finding["line"]) == ("RUN001", "Dockerfile", 4)
    assert {"path": "requirements.txt", "line": 3, "column": 1} in finding["related"]


def test_a_suppression_in_a_dockerfile_applies(make_repo):
    root = make_repo({"Dockerfile": "# modelicense: ignore[RUN001] the image is only for our GPU cluster\n"
                                    "FROM nvidia/cuda:12.1.1-runtime-ubuntu22.04\n"})
    assert run_findings(root) == []


def test_in_git_ignored_manifests_are_not_read(make_repo):
    root = make_repo({"requirements.txt": "numpy\n", "build/requirements.txt": "cupy-cuda12x\n",
                      ".gitignore": "build/\n"}, git=True)
    assert run_findings(root) == []


def test_the_runtime_stack_is_an_inventory_entry(make_repo):
    """One `runtime` artefact per kind of tie, then the alternatives; its commercial use is
    not judged (the vendor's terms), and the system's verdict does not depend on it."""
    from modelicense.inventory.build import inventory_of
    from modelicense.scan import knowledge_for

    root = make_repo({"requirements.txt": CUDA_REQUIREMENTS, "requirements-cpu.txt": "torch==2.1.2+cpu\n",
                      "README.md": card("license: apache-2.0"), "train.py": "print(1)\n"})
    config = config_module.load(None, root)
    inventory = inventory_of(scan(root, config).repository, knowledge_for(config))
    runtime = inventory.of_kind("runtime")
    assert [(a.name, a.relation) for a in runtime] == [
        ("https://download.pytorch.org/whl/cu121", "cuda"), ("torch", "cuda"), ("nvidia-cudnn-cu12", "cuda"),
        ("jax", "cuda"), ("torch", "cpu")]
    cudnn = runtime[2]
    assert dict(cudnn.properties)["closed-source"] == "yes" and str(cudnn.location) == "requirements.txt:6:1"
    assert cudnn.commercial.answer == "unknown" and "not judged" in cudnn.commercial.reasons[0].text
    judged = inventory.of_kind("weights" if inventory.is_model else "code")
    assert inventory.commercial.answer == judged[0].commercial.answer  # not the runtime's "unknown"
    quiet = make_repo({"requirements.txt": WHISPER_REQUIREMENTS})
    assert inventory_of(scan(quiet, config_module.load(None, quiet)).repository,
                        knowledge_for(config_module.load(None, quiet))).of_kind("runtime") == ()
