"""Which runtime packages, base images and package indexes tie a system to a hardware stack, as
data (data/runtime.json): NVIDIA's CUDA stack, and the alternatives (ROCm, CPU builds). Read once,
when a repository declares runtime dependencies (RUN001, the inventory's runtime entry)."""

from __future__ import annotations

from dataclasses import dataclass
from fnmatch import fnmatchcase
from functools import lru_cache

from modelicense.knowledge.files import read_document
from modelicense.knowledge.schema import KnowledgeError
from modelicense.model import Dependency

ECOSYSTEMS = ("pypi", "conda", "image", "index")
STACKS = ("cuda", "rocm", "cpu")
PROPRIETARY_STACKS = ("cuda",)  # stacks whose runtime is closed source
_FIELDS = {"id", "label", "ecosystem", "names", "local", "extras", "stack", "closed", "licence", "source", "notes"}


@dataclass(frozen=True)
class RuntimeEntry:
    """One kind of runtime dependency (see data/runtime.json's $comment for the fields)."""

    id: str
    label: str
    ecosystem: str
    names: tuple[str, ...]
    stack: str
    closed: bool | None
    licence: str
    source: str
    local: tuple[str, ...] = ()
    extras: tuple[str, ...] = ()
    notes: str = ""

    @property
    def proprietary_stack(self) -> bool:
        return self.stack in PROPRIETARY_STACKS

    def matches(self, dependency: Dependency) -> bool:
        if dependency.ecosystem != self.ecosystem or not any(fnmatchcase(dependency.name, n) for n in self.names):
            return False
        if self.local and not any(fnmatchcase(dependency.local.lower(), pattern) for pattern in self.local):
            return False
        return not self.extras or any(fnmatchcase(extra, pattern) for extra in dependency.extras for pattern in self.extras)


def _entry(raw: dict) -> RuntimeEntry:
    ident = raw.get("id", "?")
    unknown = sorted(set(raw) - _FIELDS)
    if unknown:
        raise KnowledgeError(f"runtime.json: {ident}: unknown field(s) {', '.join(unknown)}")
    try:
        entry = RuntimeEntry(**{k: (tuple(v) if isinstance(v, list) else v) for k, v in raw.items()})
    except TypeError as exc:
        raise KnowledgeError(f"runtime.json: {ident}: {exc}") from None
    if entry.ecosystem not in ECOSYSTEMS or entry.stack not in STACKS:
        raise KnowledgeError(f"runtime.json: {ident}: ecosystem must be one of {ECOSYSTEMS}, stack one of {STACKS}")
    if entry.closed not in (True, False, None) or not entry.names or not entry.source or not entry.licence:
        raise KnowledgeError(f"runtime.json: {ident}: needs `names`, `licence`, a `source` and `closed` true, false or null")
    return entry


@lru_cache(maxsize=1)
def runtime_entries() -> tuple[RuntimeEntry, ...]:
    entries = tuple(_entry(raw) for raw in read_document("runtime.json").get("entries", []))
    seen: set[str] = set()
    for entry in entries:
        if entry.id in seen:
            raise KnowledgeError(f"runtime.json: {entry.id}: listed twice")
        seen.add(entry.id)
    return entries


def runtime_entry(dependency: Dependency) -> RuntimeEntry | None:
    """The first entry that matches the dependency, or None for a dependency about no stack."""
    return next((entry for entry in runtime_entries() if entry.matches(dependency)), None)
