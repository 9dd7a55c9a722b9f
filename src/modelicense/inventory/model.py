"""The inventory's shape: the AI system a repository holds, as frozen dataclasses.

An `Inventory` lists `Artefact`s (code, weights, each dataset, each base model, docs, the runtime
stack); each carries what it declares (`DeclaredLicence`, with where and how it was found), its
effective terms (`EffectiveTerm`, each saying where it comes from: the artefact's own licence, a
base model it inherits from, or a dataset it was trained on), the duties it owes (`Duty`, with the
wording a licence prescribes) and, for the model, the answers users ask (`Verdict`s on commercial
use and on redistributing modified weights; `Openness` per OSAID 1.0 and the MOF).

Built once per scan by `inventory.build`; rules and formats read it, never change it. The JSON
form (`inventory.serialise`) is built from these fields explicitly and versioned
(`INVENTORY_VERSION`).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass
from typing import Literal, TypeVar

from modelicense.model import Location

T = TypeVar("T")

INVENTORY_VERSION = 1

ArtefactKind = Literal["code", "weights", "dataset", "base-model", "runtime-model", "docs", "runtime"]
# runtime-model: a model the code downloads and loads when it runs (`from_pretrained("org/name")`);
# not what the repository is made from, but its terms bind whoever runs the code.
ARTEFACT_KINDS: tuple[str, ...] = ("code", "weights", "dataset", "base-model", "runtime-model", "docs", "runtime")

# Where an effective term comes from.
OWN, INHERITED, IMPOSED = "own", "inherited", "imposed"
ORIGINS = (OWN, INHERITED, IMPOSED)

# Answers to "may I use it commercially?" / "may I redistribute modified weights?".
YES, CONDITIONAL, NO, UNKNOWN = "yes", "conditional", "no", "unknown"
ANSWERS = (YES, CONDITIONAL, NO, UNKNOWN)


@dataclass(frozen=True)
class DeclaredLicence:
    """One declaration that covers an artefact, as written and as resolved.

    expression: the normalised licence expression, or None when nothing resolved.
    raw:        what the file says, on one line and cut short (a whole licence text is not
                repeated: its first line stands for it).
    location:   the file and line.
    field:      where in the file (`license`, `licence` for a licence file, `project.license`).
    found_by:   how it was resolved (`spdx`, `id`, `alias`, `name`, `scancode`, `title`, `none`…).
    confidence: how sure the identity is: `exact`, `whole-text`, `partial`, `title`; `prose` for
                words in a card's text rather than metadata.
    """

    expression: str | None
    raw: str
    location: Location
    field: str
    found_by: str
    confidence: str


@dataclass(frozen=True)
class EffectiveTerm:
    """One term that binds an artefact.

    kind:     a term kind of `knowledge.kinds.TERM_KINDS` ("non-commercial", "user-threshold"…).
    label:    how to say it ("monthly-user threshold").
    origin:   `own` (the artefact's own licence), `inherited` (from a base model), `imposed`
              (by a dataset it was trained on).
    source:   the licence, base model or dataset it comes from ("llama3",
              "meta-llama/Meta-Llama-3-8B", "tatsu-lab/alpaca").
    evidence: why it is known: "licence property of llama3", a quote from the text, or the
              words of a card ("says 'for non-commercial use only'").
    values:   what it names: numbers ("700 million monthly active users"), regions.
    location: where it is stated in the repository, when it is.
    """

    kind: str
    label: str
    origin: str
    source: str
    evidence: str
    values: tuple[str, ...] = ()
    location: Location | None = None

    @property
    def origin_text(self) -> str:
        """"own", "inherited from base X", "imposed by dataset Y"."""
        if self.origin == INHERITED:
            return f"inherited from base {self.source}"
        if self.origin == IMPOSED:
            return f"imposed by dataset {self.source}"
        return "own"


@dataclass(frozen=True)
class Duty:
    """Something a user of the artefact must do.

    id:       a duty id (`knowledge.schema.DUTIES`: licence-copy, notice, naming, use-policy…).
    wording:  what it asks, in the licence's words where it prescribes them ("Built with Meta
              Llama 3").
    owed_to:  the licence or base model that puts it on the artefact.
    source:   the citation for the wording.
    """

    id: str
    wording: str
    owed_to: str
    source: str


@dataclass(frozen=True)
class Reason:
    """One link in a verdict's chain of reasons, with where it stands when it stands somewhere."""

    text: str
    location: Location | None = None


@dataclass(frozen=True)
class Verdict:
    """An answer (`yes`, `conditional`, `no`, `unknown`), the conditions it depends on (for
    `conditional`) and the reasons, first the one that decides it."""

    answer: str
    conditions: tuple[str, ...] = ()
    reasons: tuple[Reason, ...] = ()


@dataclass(frozen=True)
class Artefact:
    """One part of the AI system.

    kind:      code, weights, dataset, base-model, runtime-model, docs, runtime.
    name:      how it is called: "weights", "code", a dataset or base model id, a folder.
    paths:     the repository files it consists of (weight files; a dataset card) — empty for
               what is only referred to (a base model on the Hub); for a runtime model, the
               source files that load it.
    relation:  for a base model: finetune, adapter, quantized, merge (None when no file says);
               for a dataset: `trained-on` (a model card's `datasets:` lists it), `evaluated-on`
               (only its `model-index:` results name it; its terms are not imposed on the
               model) or `shipped` (it is in the repository and no card names it); for a runtime
               model: `used at run time`.
    of:        for a base model or a dataset a model was trained or evaluated on: the name of the
               weights artefact it stands behind; for a runtime model: `code`.
    location:  where it is named (the card line that lists a dataset or base model, the first
               call that loads a runtime model).
    declared:  the declarations that cover it.
    licence:   its own licence as an expression (declared, or known for a base model or
               dataset), None when unknown.
    terms:     its effective terms, own first, then inherited, then imposed.
    duties:    what a user owes.
    commercial: may it be used commercially (every artefact gets an answer).
    own_commercial: for weights, what their own licence alone answers (before what bases and
               training data add): "the licence allows commercial use, the data does not".
    known_as:  where the knowledge base's entry comes from (its cited source), for referred-to
               artefacts.
    properties: further (name, value) facts a format may show (runtime packages, sizes).
    """

    kind: str
    name: str
    paths: tuple[str, ...] = ()
    relation: str | None = None
    of: str | None = None
    location: Location | None = None
    declared: tuple[DeclaredLicence, ...] = ()
    licence: str | None = None
    terms: tuple[EffectiveTerm, ...] = ()
    duties: tuple[Duty, ...] = ()
    commercial: Verdict = Verdict("unknown")
    own_commercial: Verdict | None = None
    known_as: str | None = None
    properties: tuple[tuple[str, str], ...] = ()

    def terms_of(self, *origins: str) -> tuple[EffectiveTerm, ...]:
        return tuple(t for t in self.terms if not origins or t.origin in origins)

    def has_term(self, *kinds: str) -> bool:
        return any(t.kind in kinds for t in self.terms)


@dataclass(frozen=True)
class Component:
    """One component of an openness assessment.

    id:       the component's id (OSAID: code, parameters, data-information; MOF: one of its 17).
    name:     its name as the definition gives it.
    present:  the repository has it (a file, a declaration, a documented dataset).
    licence:  the licence it is under, when known.
    open:     the licence is of the kind the definition asks for that component (None: not
              known, or the component is absent).
    evidence: what shows it: a file path, a declaration, or why it is missing.
    """

    id: str
    name: str
    present: bool
    licence: str | None = None
    open: bool | None = None
    evidence: str = ""

    @property
    def passes(self) -> bool:
        return self.present and self.open is True


@dataclass(frozen=True)
class Openness:
    """OSAID 1.0 and the Model Openness Framework for the model.

    osaid:          True (meets OSAID 1.0), False (fails it), None (no model to judge).
    osaid_components: the three OSAID asks: code, parameters, data information.
    mof_class:      "I", "II", "III", or None (meets none of them); see mof_conditional.
    mof_components: MOF's 17 components, each present or missing, with its licence.
    missing:        per class, the MOF components that keep the model from it
                    (("III", (...)), ("II", (...)), ("I", (...))).
    """

    osaid: bool | None
    osaid_components: tuple[Component, ...] = ()
    mof_class: str | None = None
    mof_components: tuple[Component, ...] = ()
    missing: tuple[tuple[str, tuple[str, ...]], ...] = ()

    @property
    def osaid_failures(self) -> tuple[Component, ...]:
        return tuple(c for c in self.osaid_components if not c.passes)

    @property
    def mof_conditional(self) -> bool:
        """Class III by the Model Openness Tool's conditional pass (the final parameters under an
        open licence) while class III's other components are missing: never shown as a plain III."""
        return self.mof_class == "III" and bool(dict(self.missing).get("III"))


@dataclass(frozen=True)
class Inventory:
    """The AI system a repository holds.

    root:        the scanned root as shown.
    is_model:    the repository holds or describes a model (weights, a model card, a model
                 licence); a plain software repository has only code (and docs).
    artefacts:   every artefact, in ARTEFACT_KINDS order.
    commercial:  may the model (or, for software, the code) be used commercially.
    redistribution: may modified weights be redistributed, and under which conditions.
    openness:    OSAID 1.0 and MOF (None until computed, or when there is no model).
    """

    root: str
    is_model: bool
    artefacts: tuple[Artefact, ...]
    commercial: Verdict
    redistribution: Verdict
    openness: Openness | None = None
    version: int = INVENTORY_VERSION

    def of_kind(self, *kinds: str) -> tuple[Artefact, ...]:
        return tuple(a for a in self.artefacts if a.kind in kinds)

    @property
    def weights(self) -> tuple[Artefact, ...]:
        return self.of_kind("weights")


def first_of_each(items: Iterable[T], key: Callable[[T], Hashable]) -> list[T]:
    """The first item for each key, in their order (later duplicates dropped)."""
    seen: set[Hashable] = set()
    kept = []
    for item in items:
        if key(item) not in seen:
            seen.add(key(item))
            kept.append(item)
    return kept
