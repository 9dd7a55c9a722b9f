"""The runtime stack: which declared dependencies tie the system to a proprietary hardware stack
(NVIDIA's CUDA) and which alternatives (ROCm, CPU builds) the repository declares beside them.
Dependencies come from the runtime manifests (extract/runtime.py), what each one means from the
knowledge (knowledge/runtime.py); computed once per repository."""

from __future__ import annotations

from dataclasses import dataclass

from modelicense.knowledge.runtime import RuntimeEntry, runtime_entry
from modelicense.model import Dependency, Repository

STACK_LABELS = {"cuda": "NVIDIA CUDA", "rocm": "ROCm", "cpu": "CPU"}


@dataclass(frozen=True)
class RuntimeUse:
    """One declared dependency and the knowledge entry that says which stack it needs."""

    dependency: Dependency
    entry: RuntimeEntry


@dataclass(frozen=True)
class RuntimeStack:
    """ties: dependencies on a stack whose runtime is closed source, in file and line order;
    alternatives: dependencies on an open or CPU-only stack, likewise."""

    ties: tuple[RuntimeUse, ...] = ()
    alternatives: tuple[RuntimeUse, ...] = ()

    @property
    def stacks(self) -> tuple[str, ...]:
        """The proprietary stacks tied to (`cuda`)."""
        return tuple(dict.fromkeys(use.entry.stack for use in self.ties))

    @property
    def alternative_stacks(self) -> tuple[str, ...]:
        """The alternative stacks declared, ROCm before CPU."""
        found = {use.entry.stack for use in self.alternatives}
        return tuple(stack for stack in ("rocm", "cpu") if stack in found)

    def first(self, uses: tuple[RuntimeUse, ...]) -> tuple[RuntimeUse, ...]:
        """The first use of each knowledge entry (a requirements file pinning ten CUDA wheels is
        one kind of tie, named once)."""
        seen: dict[str, RuntimeUse] = {}
        for use in uses:
            seen.setdefault(use.entry.id, use)
        return tuple(seen.values())


def runtime_stack(repository: Repository) -> RuntimeStack:
    return repository.memo("runtime_stack", lambda: _compute(repository))


def _compute(repository: Repository) -> RuntimeStack:
    uses = [
        RuntimeUse(dependency, entry)
        for artefact in repository.artefacts
        for dependency in artefact.dependencies
        if (entry := runtime_entry(dependency)) is not None
    ]
    where = lambda use: (use.dependency.location.path, use.dependency.location.line or 0, use.dependency.location.column or 0)
    uses.sort(key=where)
    return RuntimeStack(
        ties=tuple(use for use in uses if use.entry.proprietary_stack),
        alternatives=tuple(use for use in uses if not use.entry.proprietary_stack),
    )
