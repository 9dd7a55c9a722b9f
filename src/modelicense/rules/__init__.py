"""Rules: one module per family, each rule one function registered once with its id, name and
default severity. Its docstring is its documentation: `modelicense explain`, the SARIF rule
descriptors and the Markdown links all print the same text.

A rule is a generator over the Repository that yields Hits; the registry turns each hit into a
Finding carrying the rule's own id and severity, so a rule cannot mistype its id.
"""

from __future__ import annotations

import inspect
from typing import Callable, Iterable, Iterator

from modelicense.fastclass import dataclass
from modelicense.knowledge import Knowledge
from modelicense.model import Finding, Location, Repository, Severity


@dataclass(frozen=True)
class Hit:
    """What a rule found. `subject` names what the finding is about (a licence id, a dataset id)
    so the fingerprint survives lines moving."""

    message: str
    location: Location
    related: tuple[Location, ...] = ()
    subject: str = ""
    # Lower than the rule's default when the rule is less than certain (DEC004: error when
    # certain, warning otherwise). A severity set in the configuration still wins.
    severity: Severity | None = None


Check = Callable[[Repository, Knowledge], Iterable[Hit]]


@dataclass(frozen=True)
class Rule:
    id: str
    name: str
    severity: Severity
    check: Check
    doc: str

    @property
    def family(self) -> str:
        return self.id.rstrip("0123456789")

    @property
    def summary(self) -> str:
        return self.doc.strip().splitlines()[0].strip()

    @property
    def body(self) -> str:
        """The documentation after the summary line."""
        lines = self.doc.strip().splitlines()
        return inspect.cleandoc("\n".join(lines[1:])) if len(lines) > 1 else ""

    def run(self, repository: Repository, knowledge: Knowledge, severity: Severity | None = None) -> Iterator[Finding]:
        for hit in self.check(repository, knowledge):
            yield Finding(
                rule=self.id,
                severity=severity or hit.severity or self.severity,
                message=hit.message,
                location=hit.location,
                related=hit.related,
                fingerprint=fingerprint(self.id, hit),
                root=repository.root,
            )


def fingerprint(rule_id: str, hit: Hit) -> str:
    """Rule + path + subject (or message): stable when unrelated lines move."""
    from modelicense.digest import sha256_hex  # only when there is a finding (start-up speed of the hook)

    basis = "\0".join((rule_id, hit.location.path, hit.subject or hit.message))
    return sha256_hex(basis.encode("utf-8", "surrogatepass"))[:16]


REGISTRY: dict[str, Rule] = {}

# What every rule's documentation says, in this order: `explain`, SARIF and docs/rules.md print it.
SECTIONS = ("## What it finds", "## Why it matters", "## Example", "## How to fix")


def rule(id: str, name: str, severity: Severity) -> Callable[[Check], Check]:
    """Register a check under its id; refused (at import) without the four documented sections."""
    def register(check: Check) -> Check:
        if id in REGISTRY:
            raise ValueError(f"rule {id} registered twice")
        doc = inspect.cleandoc(check.__doc__ or "")
        lines = doc.splitlines()
        missing = [s for s in SECTIONS if s not in lines]
        if not doc or missing:
            raise ValueError(f"rule {id}: its docstring needs a summary line and the sections {', '.join(SECTIONS)}; "
                             f"missing {', '.join(missing) or 'the summary'}")
        REGISTRY[id] = Rule(id, name, severity, check, doc)
        return check

    return register


def all_rules() -> list[Rule]:
    _load_families()
    return sorted(REGISTRY.values(), key=lambda r: r.id)


def get(rule_id: str) -> Rule | None:
    _load_families()
    return REGISTRY.get(rule_id.upper())


FAMILY_MODULES = ("dec", "dec_pointers", "dec_unknown", "wgt", "dat", "bas", "use", "cmp", "run", "opn")


def _load_families() -> None:
    import importlib

    for name in FAMILY_MODULES:
        try:
            importlib.import_module(f"modelicense.rules.{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"modelicense.rules.{name}":
                raise
