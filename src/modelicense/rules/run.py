"""RUN — the runtime and hardware stack: dependencies that tie the system to a stack whose source
is closed (NVIDIA's CUDA), read from requirements files, pyproject.toml / setup.cfg, conda
environments and Dockerfiles. Which dependencies those are is `inventory.runtime`; what each
package is, `knowledge/data/runtime.json`."""

from __future__ import annotations

from collections.abc import Iterator

from modelicense.inventory.runtime import STACK_LABELS, RuntimeUse, runtime_stack
from modelicense.knowledge import Knowledge
from modelicense.model import Repository, Severity
from modelicense.rules import Hit, rule

MAX_NAMED = 6  # kinds of tie a message names; the rest are counted


def _written(use: RuntimeUse) -> str:
    """How a message names one dependency: as written (short), with its extra and its place."""
    dependency = use.dependency
    written = dependency.raw if len(dependency.raw) <= 60 else dependency.name
    optional = f", extra {dependency.group.partition(':')[2]!r}" if dependency.group.startswith(("extra:", "group:")) else ""
    where = dependency.location.path + (f":{dependency.location.line}" if dependency.location.line else "")
    return f"{written} ({where}{optional})"


def _listed(uses: tuple[RuntimeUse, ...]) -> str:
    text = ", ".join(_written(use) for use in uses[:MAX_NAMED])
    return text + (f" and {len(uses) - MAX_NAMED} more" if len(uses) > MAX_NAMED else "")


@rule("RUN001", "proprietary-runtime", Severity.INFO)
def proprietary_runtime(repository: Repository, knowledge: Knowledge) -> Iterator[Hit]:
    """Dependencies that tie the system to NVIDIA's closed-source CUDA stack.

    ## What it finds
    Once per repository: the runtime dependencies that need NVIDIA's CUDA stack — the `nvidia-*`
    CUDA wheels, `torch` builds with a `+cu…` local version or installed from a CUDA package index
    (`--extra-index-url https://download.pytorch.org/whl/cu121`), `cupy-cuda*`, TensorRT,
    `jax[cuda12]`, `onnxruntime-gpu`, `nvidia/cuda` and NGC base images in a Dockerfile, conda's
    `cudatoolkit` and `cuda-*` — read from requirements files, pyproject.toml and setup.cfg
    dependency lists, conda environments (`environment.yml`) and Dockerfiles (`FROM`, and
    `pip install` / `conda install` in `RUN`). It names which alternatives the repository
    declares beside them (ROCm builds, indexes and images; CPU builds), or that it declares none.
    Nothing is installed or run; the files are read as text.

    ## Why it matters
    The CUDA runtime, its libraries and NVIDIA's containers are proprietary: their source is
    closed and their licences limit redistribution. However open the code, weights and data are,
    the freedom to study, modify and run the whole system then depends on a stack no one but its
    vendor can inspect or port, and the system runs only on that vendor's hardware. This is
    worth knowing, not wrong: almost every trained model depends on CUDA somewhere.

    ## Example
    ```text
    # requirements.txt
    --extra-index-url https://download.pytorch.org/whl/cu121
    torch==2.1.2+cu121
    ```

    ## How to fix
    Nothing is wrong. Where the code can run without CUDA, say so: declare a CPU or ROCm
    alternative beside the CUDA one (a `requirements-cpu.txt` with
    `--index-url https://download.pytorch.org/whl/cpu`, or an extra with the ROCm build), and the
    finding names it. Then accept the finding with a reason on the line it points at
    (`# modelicense: ignore[RUN001] CUDA is needed for training; inference runs on CPU`).
    """
    stack = runtime_stack(repository)
    if not stack.ties:
        return
    named = stack.first(stack.ties)
    closed = tuple(use for use in named if use.entry.closed)
    built_for = tuple(use for use in named if not use.entry.closed)
    parts = []
    if closed:
        parts.append(f"closed source: {_listed(closed)}")
    if built_for:
        parts.append(f"built for CUDA: {_listed(built_for)}")
    alternatives = stack.first(stack.alternatives)
    if alternatives:
        by_stack = [
            f"{STACK_LABELS[name]} ({_listed(tuple(u for u in alternatives if u.entry.stack == name))})"
            for name in stack.alternative_stacks
        ]
        declared = f"alternatives declared: {', '.join(by_stack)}, so part of the system may run without CUDA"
    else:
        declared = "no CPU or ROCm alternative is declared"
    first = named[0].dependency.location
    related = tuple(dict.fromkeys(use.dependency.location for use in (*named[1:], *alternatives)))
    yield Hit(
        f"the system depends on NVIDIA's CUDA stack, whose runtime is closed source — {'; '.join(parts)}; the freedom "
        f"to study and modify the whole system stops at that stack, and it runs only on NVIDIA hardware; {declared}; "
        f"nothing to fix: accept this with `# modelicense: ignore[RUN001] <reason>` on {first.path}:{first.line or 1}",
        first,
        related,
        subject="cuda",
    )
