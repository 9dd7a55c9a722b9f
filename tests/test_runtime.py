"""Runtime manifests (extract/runtime.py) and the runtime knowledge (knowledge/runtime.py): what
is read from requirements files, conda environments, Dockerfiles, pyproject.toml and setup.cfg,
and which stack each dependency needs. The files are shaped like real projects' (named at each)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from modelicense.discover import classify
from modelicense.extract import extract_bytes
from modelicense.extract.runtime import MAX_DEPENDENCIES
from modelicense.knowledge.files import read_document
from modelicense.knowledge.runtime import runtime_entries, runtime_entry
from modelicense.model import Dependency, FileKind, Location

# Shaped like the CUDA pins many training repositories keep (a PyTorch CUDA index, local
# versions, NVIDIA wheels pinned by a lock step, a wheel URL from PyTorch's own index).
CUDA_REQUIREMENTS = """\
# PyTorch built for CUDA 12.1
--extra-index-url https://download.pytorch.org/whl/cu121
torch==2.1.2+cu121
torchvision==0.16.2+cu121 \\
    --hash=sha256:0123456789abcdef
nvidia-cudnn-cu12==8.9.2.26 ; platform_system == "Linux" and platform_machine == "x86_64"
jax[cuda12_pip]>=0.4.20
transformers>=4.36  # model code
-r requirements-common.txt
-e .
https://download.pytorch.org/whl/cu118/torchaudio-2.0.1%2Bcu118-cp310-cp310-linux_x86_64.whl
"""

# The original CompVis stable-diffusion environment.yaml shape: conda's cudatoolkit, then pip.
SD_ENVIRONMENT = """\
name: ldm
channels:
  - pytorch
  - defaults
dependencies:
  - python=3.8.5
  - pip=20.3
  - cudatoolkit=11.3
  - pytorch=1.11.0
  - torchvision=0.12.0
  - numpy=1.19.2
  - pip:
    - albumentations==0.4.3
    - transformers==4.19.2
    - -e git+https://github.com/CompVis/taming-transformers.git@master#egg=taming-transformers
    - -e .
"""

# The multi-stage shape of inference servers' Dockerfiles (ARG'd CUDA version, a builder stage).
SERVER_DOCKERFILE = """\
# syntax=docker/dockerfile:1
ARG CUDA_VERSION=12.4.1
ARG PYTHON_VERSION=3.11
FROM nvidia/cuda:${CUDA_VERSION}-devel-ubuntu22.04 AS base
RUN apt-get update -y \\
    && apt-get install -y python3-pip git \\
    && python3 -m pip install --no-cache-dir torch==2.4.0 --index-url https://download.pytorch.org/whl/cu124
FROM base AS build
RUN pip install "cupy-cuda12x>=12" 'numpy<2'
FROM --platform=linux/amd64 docker.io/library/python:3.11-slim AS runtime
ENV PIP_EXTRA_INDEX_URL=https://pypi.nvidia.com
"""


def deps(kind: FileKind, relpath: str, text: str) -> list[Dependency]:
    extraction = extract_bytes(kind, relpath, text.encode(), len(text))
    assert not extraction.problems, extraction.problems
    return list(extraction.dependencies)


def brief(dependencies: list[Dependency]) -> list[tuple]:
    return [(d.ecosystem, d.name, d.local, d.extras, d.group, d.location.line) for d in dependencies]


# --- discovery -------------------------------------------------------------------------------


@pytest.mark.parametrize(("name", "kind"), [
    ("requirements.txt", FileKind.REQUIREMENTS), ("requirements-cuda.txt", FileKind.REQUIREMENTS),
    ("dev-requirements.txt", FileKind.REQUIREMENTS), ("requirements/rocm.txt", FileKind.REQUIREMENTS),
    ("requirements_gpu.in", FileKind.REQUIREMENTS), ("environment.yml", FileKind.CONDA_ENVIRONMENT),
    ("environment-cuda.yaml", FileKind.CONDA_ENVIRONMENT), ("conda.yaml", FileKind.CONDA_ENVIRONMENT),
    ("Dockerfile", FileKind.DOCKERFILE), ("docker/Dockerfile.cuda", FileKind.DOCKERFILE),
    ("gpu.Dockerfile", FileKind.DOCKERFILE), ("Containerfile", FileKind.DOCKERFILE),
    ("requirements.py", FileKind.SOURCE), ("docker_build.sh", FileKind.SOURCE), ("env.yml", None),
])
def test_runtime_manifests_are_discovered_by_name(name, kind):
    assert classify(name) is kind


# --- requirements files ----------------------------------------------------------------------


def test_requirements_file_with_cuda_pins():
    found = brief(deps(FileKind.REQUIREMENTS, "requirements.txt", CUDA_REQUIREMENTS))
    assert found == [
        ("index", "https://download.pytorch.org/whl/cu121", "", (), "", 2),
        ("pypi", "torch", "cu121", (), "", 3),
        ("pypi", "torchvision", "cu121", (), "", 4),  # the continuation and its --hash are one line
        ("pypi", "nvidia-cudnn-cu12", "", (), "", 6),
        ("pypi", "jax", "", ("cuda12-pip",), "", 7),
        ("pypi", "transformers", "", (), "", 8),
        ("pypi", "torchaudio", "cu118", (), "", 11),  # %2B in the wheel's file name is '+'
    ]


def test_requirement_raw_text_drops_markers_and_keeps_what_was_written():
    [nvidia] = [d for d in deps(FileKind.REQUIREMENTS, "r.txt", CUDA_REQUIREMENTS) if d.name.startswith("nvidia")]
    assert nvidia.raw.startswith("nvidia-cudnn-cu12==8.9.2.26")
    assert nvidia.location == Location("r.txt", 6, 1)


@pytest.mark.parametrize("line", ["-r other.txt", "-c constraints.txt", "-e .", "--no-binary :all:", "./local_pkg",
                                  "# torch==2.1+cu121", "   ", "--pre"])
def test_lines_that_name_no_package(line):
    assert deps(FileKind.REQUIREMENTS, "requirements.txt", line + "\n") == []


@pytest.mark.parametrize(("line", "name", "local"), [
    ("--index-url=https://download.pytorch.org/whl/rocm6.0/", "https://download.pytorch.org/whl/rocm6.0", ""),
    ("-ihttps://download.pytorch.org/whl/cpu", "https://download.pytorch.org/whl/cpu", ""),
    ("-f https://storage.googleapis.com/jax-releases/jax_cuda_releases.html",
     "https://storage.googleapis.com/jax-releases/jax_cuda_releases.html", ""),
    ("torch @ https://download.pytorch.org/whl/cu121/torch-2.1.0%2Bcu121-cp311-cp311-linux_x86_64.whl", "torch", "cu121"),
    ("Torch_Vision === 0.16.0+rocm5.6", "torch-vision", "rocm5.6"),
])
def test_requirement_forms(line, name, local):
    [dep] = deps(FileKind.REQUIREMENTS, "requirements.txt", line + "\n")
    assert (dep.name, dep.local) == (name, local)


# --- conda environments ----------------------------------------------------------------------


def test_conda_environment_with_cudatoolkit_and_a_pip_section():
    found = brief(deps(FileKind.CONDA_ENVIRONMENT, "environment.yaml", SD_ENVIRONMENT))
    assert ("conda", "cudatoolkit", "", (), "", 8) in found
    assert ("pypi", "transformers", "", (), "pip", 14) in found
    assert [f[1] for f in found if f[0] == "conda"] == ["python", "pip", "cudatoolkit", "pytorch", "torchvision", "numpy"]
    assert not any("taming" in f[1] for f in found)  # -e lines install local or VCS code, named by no index


def test_conda_channel_prefixed_specs():
    text = "dependencies:\n  - nvidia::cuda-toolkit=12.1\n  - conda-forge::numpy >=1.24\n"
    assert [d.name for d in deps(FileKind.CONDA_ENVIRONMENT, "environment.yml", text)] == ["cuda-toolkit", "numpy"]


@pytest.mark.parametrize("text", ["name: x\n", "- a list\n", "dependencies: 3\n", "", "dependencies:\n  - {pip: 3}\n"])
def test_conda_files_without_a_dependency_list_declare_nothing(text):
    assert deps(FileKind.CONDA_ENVIRONMENT, "environment.yml", text) == []


def test_broken_conda_yaml_is_a_problem_with_its_line():
    extraction = extract_bytes(FileKind.CONDA_ENVIRONMENT, "environment.yml", b"dependencies:\n  - [unclosed\n", 30)
    [problem] = extraction.problems
    assert problem.code == "malformed" and problem.location.line is not None


def test_deeply_nested_conda_yaml_is_refused_before_composing():
    text = "dependencies: " + "[" * 100_000
    extraction = extract_bytes(FileKind.CONDA_ENVIRONMENT, "environment.yml", text.encode(), len(text))
    assert extraction.problems[0].code == "malformed" and "nest" in extraction.problems[0].message


# --- Dockerfiles -----------------------------------------------------------------------------


def test_dockerfile_base_images_arg_defaults_and_install_lines():
    found = brief(deps(FileKind.DOCKERFILE, "Dockerfile", SERVER_DOCKERFILE))
    assert found == [
        ("image", "nvidia/cuda", "12.4.1-devel-ubuntu22.04", (), "", 4),  # ${CUDA_VERSION} from its ARG
        ("pypi", "torch", "", (), "run", 5),
        ("index", "https://download.pytorch.org/whl/cu124", "", (), "run", 5),
        ("pypi", "cupy-cuda12x", "", (), "run", 9),  # `FROM base` is a stage, not an image
        ("pypi", "numpy", "", (), "run", 9),
        ("image", "python", "3.11-slim", (), "", 10),  # docker.io/library/ dropped
        ("index", "https://pypi.nvidia.com", "", (), "env", 11),
    ]


def test_dockerfile_conda_install_and_unbalanced_quotes():
    text = "FROM continuumio/miniconda3\nRUN conda install -y -c nvidia cuda-toolkit && echo 'unclosed\n"
    names = [(d.ecosystem, d.name) for d in deps(FileKind.DOCKERFILE, "Dockerfile", text)]
    assert names == [("image", "continuumio/miniconda3"), ("conda", "cuda-toolkit")]


def test_dockerfile_arg_doubling_is_bounded():
    """Each ARG doubles the one before; thirty of them would make 2^30 characters unbounded."""
    lines = ["ARG A0=nvidia/cuda"] + [f"ARG A{i}=${{A{i - 1}}}${{A{i - 1}}}" for i in range(1, 31)]
    text = "\n".join(lines) + "\nFROM $A30\nRUN pip install $A30 $A30 $A30\n"
    extraction = extract_bytes(FileKind.DOCKERFILE, "Dockerfile", text.encode(), len(text))
    assert all(len(d.raw) <= 200 for d in extraction.dependencies)


# --- pyproject.toml and setup.cfg --------------------------------------------------------------


def test_pyproject_dependencies_extras_groups_poetry_and_uv_indexes():
    text = """\
[project]
name = "x"
dependencies = ["torch>=2.1", "tensorrt-cu12==10.0.1"]
[project.optional-dependencies]
gpu = ["onnxruntime-gpu>=1.17"]
rocm = ["cupy-rocm-5-0"]
[dependency-groups]
dev = ["pytest", {include-group = "gpu"}]
[tool.poetry.dependencies]
python = "^3.10"
torch = {version = "2.1.0+cu121", source = "pytorch"}
[[tool.poetry.source]]
name = "pytorch"
url = "https://download.pytorch.org/whl/cu121"
[[tool.uv.index]]
name = "pytorch-cpu"
url = "https://download.pytorch.org/whl/cpu"
"""
    extraction = extract_bytes(FileKind.PACKAGING, "pyproject.toml", text.encode(), len(text))
    assert brief(list(extraction.dependencies)) == [
        ("pypi", "torch", "", (), "", 3),
        ("pypi", "tensorrt-cu12", "", (), "", 3),
        ("pypi", "onnxruntime-gpu", "", (), "extra:gpu", 5),
        ("pypi", "cupy-rocm-5-0", "", (), "extra:rocm", 6),
        ("pypi", "pytest", "", (), "group:dev", 8),
        ("pypi", "torch", "cu121", (), "", 11),
        ("index", "https://download.pytorch.org/whl/cu121", "", (), "", 14),
        ("index", "https://download.pytorch.org/whl/cpu", "", (), "", 17),
    ]


def test_setup_cfg_install_requires_and_extras():
    text = "[metadata]\nname = x\nlicense = MIT\n[options]\ninstall_requires =\n    cupy-cuda11x>=12\n    numpy\n" \
           "[options.extras_require]\ncpu =\n    torch==2.1.0+cpu\n"
    extraction = extract_bytes(FileKind.PACKAGING, "setup.cfg", text.encode(), len(text))
    assert [d.raw for d in extraction.declarations] == ["MIT"]  # read as before
    assert brief(list(extraction.dependencies)) == [
        ("pypi", "cupy-cuda11x", "", (), "", 6), ("pypi", "numpy", "", (), "", 7),
        ("pypi", "torch", "cpu", (), "extra:cpu", 10),
    ]


def test_packaging_declarations_are_kept_beside_dependencies():
    text = '[project]\nname = "x"\nlicense = "Apache-2.0"\ndependencies = ["cupy-cuda12x"]\n'
    extraction = extract_bytes(FileKind.PACKAGING, "pyproject.toml", text.encode(), len(text))
    assert [d.raw for d in extraction.declarations] == ["Apache-2.0"]
    assert [d.name for d in extraction.dependencies] == ["cupy-cuda12x"]


# --- bounds ----------------------------------------------------------------------------------


def test_too_many_dependencies_is_a_finding_not_a_silent_cut():
    text = "".join(f"package-{i}\n" for i in range(MAX_DEPENDENCIES + 10))
    extraction = extract_bytes(FileKind.REQUIREMENTS, "requirements.txt", text.encode(), len(text))
    assert len(extraction.dependencies) == MAX_DEPENDENCIES
    assert "dependencies; the rest were not read" in extraction.problems[0].message


def test_a_megabyte_of_continuations_is_one_line():
    text = "torch==2.1.0+cu121 " + "\\\n" * 400_000 + "--hash=sha256:00\n"
    [dep] = deps(FileKind.REQUIREMENTS, "requirements.txt", text)
    assert (dep.name, dep.local) == ("torch", "cu121")


def test_binary_bytes_are_read_without_error():
    extraction = extract_bytes(FileKind.DOCKERFILE, "Dockerfile", bytes(range(256)) * 100, 25600)
    assert extraction.problems == ()


# --- knowledge -------------------------------------------------------------------------------


def test_every_runtime_entry_has_a_source_and_valid_fields():
    entries = runtime_entries()
    raw = read_document("runtime.json")["entries"]
    assert len(entries) == len(raw) >= 30
    for entry in entries:
        assert entry.source.startswith("https://"), entry.id
        assert entry.licence and entry.label, entry.id


def dep(ecosystem: str, name: str, local: str = "", extras: tuple[str, ...] = ()) -> Dependency:
    return Dependency(ecosystem, name, Location("x"), name, local, extras)  # type: ignore[arg-type]


@pytest.mark.parametrize(("dependency", "entry_id"), [
    (dep("pypi", "nvidia-cublas-cu12"), "nvidia-cuda-wheels"),
    (dep("pypi", "nvidia-cuda-runtime-cu11"), "nvidia-cuda-wheels"),
    (dep("pypi", "nvidia-nccl-cu12"), "nvidia-nccl-wheel"),  # BSD-3-Clause, not closed
    (dep("pypi", "torch", "cu121"), "torch-cuda-build"),
    (dep("pypi", "torch", "rocm6.0"), "torch-rocm-build"),
    (dep("pypi", "torch", "cpu"), "torch-cpu-build"),
    (dep("pypi", "jax", extras=("cuda12",)), "jax-cuda-extra"),
    (dep("pypi", "cupy-cuda12x"), "cupy-cuda-wheel"),
    (dep("pypi", "cupy-rocm-5-0"), "cupy-rocm-wheel"),
    (dep("pypi", "tensorrt"), "tensorrt-wheel"),
    (dep("pypi", "llama-cpp-python-cuda", "cu121"), "cuda-local-version"),
    (dep("index", "https://download.pytorch.org/whl/cu121"), "pytorch-cuda-index"),
    (dep("index", "https://download.pytorch.org/whl/rocm6.0"), "pytorch-rocm-index"),
    (dep("index", "https://download.pytorch.org/whl/cpu"), "pytorch-cpu-index"),
    (dep("image", "nvidia/cuda", "12.1.1-devel-ubuntu22.04"), "cuda-image"),
    (dep("image", "nvcr.io/nvidia/pytorch", "24.01-py3"), "ngc-image"),
    (dep("image", "rocm/pytorch", "latest"), "rocm-image"),
    (dep("image", "pytorch/pytorch", "2.2.0-cuda12.1-cudnn8-devel"), "pytorch-cuda-image"),
    (dep("conda", "cudatoolkit"), "conda-cudatoolkit"),
    (dep("conda", "pytorch-cuda"), "conda-pytorch-cuda"),
    (dep("conda", "cpuonly"), "conda-cpuonly"),
])
def test_runtime_entries_match(dependency, entry_id):
    entry = runtime_entry(dependency)
    assert entry is not None and entry.id == entry_id


@pytest.mark.parametrize("dependency", [
    dep("pypi", "torch"), dep("pypi", "torch", "2"), dep("pypi", "numpy"), dep("pypi", "nvidia-ml-py"),
    dep("pypi", "jax"), dep("pypi", "tensorflow"), dep("image", "python", "3.11"),
    dep("image", "pytorch/pytorch", "latest"), dep("conda", "pytorch"), dep("index", "https://pypi.org/simple"),
])
def test_dependencies_about_no_stack(dependency):
    """Plain `torch` is not a tie: the same wheel runs on CPU (on Linux it pulls NVIDIA's wheels,
    which a lock file then names and RUN001 reports)."""
    assert runtime_entry(dependency) is None


# --- any text --------------------------------------------------------------------------------

_MANIFEST_WORDS = st.sampled_from([
    "FROM ", "ARG ", "RUN pip install ", "ENV PIP_INDEX_URL=", "${A}", "$A", "\\\n", "\n", " ", "'", '"', "#", "-r ",
    "--extra-index-url ", "torch==2.1+cu121", "[cuda12]", "@ ", "https://download.pytorch.org/whl/cu121", ";", "&&",
    "dependencies:\n  - ", "pip:\n    - ", "nvidia/cuda:12", "conda install ", "-c ", "=", "::", "%2B", ".whl",
])


@settings(max_examples=40, deadline=None)
@given(st.lists(st.one_of(_MANIFEST_WORDS, st.text(max_size=8)), max_size=40),
       st.sampled_from([FileKind.REQUIREMENTS, FileKind.CONDA_ENVIRONMENT, FileKind.DOCKERFILE]))
def test_any_manifest_text_extracts_without_error(words, kind):
    data = "".join(words).encode("utf-8", "surrogatepass")
    extraction = extract_bytes(kind, "manifest", data, len(data))
    assert len(extraction.dependencies) <= MAX_DEPENDENCIES
    for dependency in extraction.dependencies:
        assert runtime_entry(dependency) is None or runtime_entry(dependency).source
