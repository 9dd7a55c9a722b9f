"""Openness of the model, from the inventory and what its cards say: OSI's Open Source AI
Definition 1.0 (code, parameters, data information) and the Model Openness Framework class (III,
II, I or none) with the missing components, as the Model Openness Tool computes it
(knowledge/data/openness.json holds the definitions with their sources).

A component is present when the repository holds it (source files, weight files, a dataset card,
a declaration that covers it) or a card or README says it is published (extract/signals.py: an
arXiv link, "154 checkpoints", a Hub link to the weights); it is open when the licence that
covers it is of the kind MOF asks for its content type (code: OSI-approved; data and documents:
the Model Openness Tool's lists) and, for parameters, carries no use restrictions or
non-commercial terms. A component whose licence nothing in the repository states is not open:
the Model Openness Tool counts "license not specified" as not included.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from modelicense.inventory.coverage import root_licences
from modelicense.inventory.model import Component, Inventory, Openness
from modelicense.knowledge import Knowledge
from modelicense.knowledge.files import read_document
from modelicense.model import EVALUATED_ON, FileKind, Location, Repository

_CARD_KINDS = (FileKind.CARD, FileKind.MODEL_CARD, FileKind.DATASET_CARD)
# Terms that make parameters not open, whatever their licence's name (OSAID: freedom to use for any purpose).
_CLOSING = ("non-commercial", "research-only", "academic-only", "use-restriction", "no-derivatives",
            "permission-required")
_CLASSES = ("III", "II", "I")
_FILE_NAMES = {"training-code": ("train",), "inference-code": ("infer", "generat", "predict", "serve", "chat"),
               "evaluation-code": ("eval", "benchmark"), "data-preprocessing-code": ("preprocess", "tokeniz", "prepare")}


@dataclass(frozen=True)
class _Definition:
    osaid: tuple[dict, ...]
    mof: tuple[dict, ...]
    licences: dict[str, frozenset[str]]


@lru_cache(maxsize=1)
def definition() -> _Definition:
    document = read_document("openness.json")
    licences = {kind: frozenset(ids) for kind, ids in document["licences"].items() if kind != "source"}
    return _Definition(tuple(document["osaid"]["components"]), tuple(document["mof"]["components"]), licences)


def signals(repository: Repository) -> dict[str, Location]:
    """Component -> the first card line that says it is published."""
    found: dict[str, Location] = {}
    for artefact in repository.of_kind(*_CARD_KINDS):
        for key, value in artefact.metadata:
            if key == "signal":
                component, _, line = value.rpartition("@")
                found.setdefault(component, Location(artefact.path, int(line) if line.isdigit() else None))
    return found


def describes_a_model(inventory: Inventory, said: dict[str, Location]) -> bool:
    return inventory.is_model or "model-parameters-final" in said


def assess(inventory: Inventory, repository: Repository, knowledge: Knowledge) -> Openness | None:
    said = signals(repository)
    if not describes_a_model(inventory, said):
        return None
    ev = _Evidence(inventory, repository, knowledge, said)
    osaid = (ev.osaid_code(), ev.osaid_parameters(), ev.osaid_data())
    mof = tuple(ev.mof(entry) for entry in definition().mof)
    missing: list[tuple[str, tuple[str, ...]]] = []
    met: str | None = None
    for index, cls in enumerate(_CLASSES):
        wanted = {3 - i for i in range(index + 1)}  # III: {3}; II: {3, 2}; I: {3, 2, 1}
        failing = tuple(c.name for c, entry in zip(mof, definition().mof)
                        if entry["class"] in wanted and entry["required"] and not c.passes)
        missing.append((cls, failing))
        if not failing:
            met = cls
    params = next(c for c in mof if c.id == "model-parameters-final")
    if met is None and params.passes:
        met = "III"  # the Model Openness Tool's conditional pass: final parameters under an open licence
    return Openness(osaid=all(c.passes for c in osaid), osaid_components=osaid, mof_class=met,
                    mof_components=mof, missing=tuple(missing))


class _Evidence:
    def __init__(self, inventory: Inventory, repository: Repository, knowledge: Knowledge,
                 said: dict[str, Location]) -> None:
        self.inventory, self.repository, self.knowledge, self.said = inventory, repository, knowledge, said
        self.root = [d.resolution.expression for _a, d in root_licences(repository) if d.resolution.expression]
        code = inventory.of_kind("code")
        self.code_licences = [d.expression for a in code for d in a.declared if d.expression and d.confidence != "prose"]
        self.code_licences = self.code_licences or self.root
        self.sources = [a.path for a in repository.of_kind(FileKind.SOURCE)]
        weights = inventory.weights
        self.weights_licences = [a.licence for a in weights if a.licence]
        self.weights_terms = [t for a in weights for t in a.terms if t.origin in ("own", "inherited")]
        if not self.weights_licences and "weights-licence" in said:
            self.weights_licences = list(self.root)  # the README says its licence covers the models
        docs = inventory.of_kind("docs")
        self.docs_licences = [a.licence for a in docs if a.licence] or self.root
        # Training data informs OSAID's data information and MOF's datasets; the datasets a
        # model-index evaluates on are MOF's evaluation data, and inform neither.
        datasets = inventory.of_kind("dataset")
        self.datasets = [a for a in datasets if a.relation != EVALUATED_ON]
        self.evaluation = [a for a in datasets if a.relation == EVALUATED_ON]

    # -- licences --
    def _ids(self, expressions: list[str]) -> list[str]:
        ids: list[str] = []
        for expression in expressions:
            for part in expression.replace("(", " ").replace(")", " ").split():
                if part not in ("AND", "OR", "WITH") and part not in ids:
                    ids.append(part)
        return ids

    def open_for(self, types: list[str], expressions: list[str]) -> bool | None:
        """Every licence named is of a kind MOF accepts for one of the content types."""
        ids = self._ids(expressions)
        if not ids:
            return None
        lists = definition().licences
        for ident in ids:
            licence = self.knowledge.licence(ident)
            canonical = licence.id if licence else ident
            accepted = any(canonical in lists.get(t, ()) for t in types)
            if not accepted and "code" in types and licence is not None and licence.osi:
                accepted = True
            if not accepted:
                return False
        return True

    def _where(self, component: str) -> str:
        location = self.said.get(component)
        return f"{location} says so" if location else ""

    # -- OSAID --
    def osaid_code(self) -> Component:
        stated = next((c for c in ("training-code", "inference-code") if c in self.said), None)
        present = bool(self.sources) or stated is not None
        if not present:
            return Component("code", "code", False, None, None, "no code in the repository and no card says where it is")
        licence = " AND ".join(self.code_licences) or None
        osi = self.open_for(["code"], self.code_licences)
        where = f"{len(self.sources)} source files" if self.sources else self._where(stated or "")
        why = "under OSI-approved licences" if osi else ("no licence covers it" if osi is None else "not under an OSI-approved licence")
        return Component("code", "code", True, licence, osi, f"{where}; {why}" + (f" ({licence})" if licence else ""))

    def osaid_parameters(self) -> Component:
        present = bool(self.inventory.weights) or "model-parameters-final" in self.said
        if not present:
            return Component("parameters", "parameters", False, None, None, "no weights and no card says where they are")
        licence = " AND ".join(self.weights_licences) or None
        closing = [t for t in self.weights_terms if t.kind in _CLOSING]
        ok: bool | None
        if closing:
            ok = False
            why = "; ".join(dict.fromkeys(f"{t.label} ({t.origin_text})" for t in closing))
        elif not self.weights_licences:
            ok, why = None, "no licence is declared for the weights"
        else:
            ok = all(self._osaid_licence(i) for i in self._ids(self.weights_licences))
            why = f"under {licence}" + ("" if ok else ", not OSI-compatible terms")
        return Component("parameters", "parameters", True, licence, ok, why)

    def _osaid_licence(self, ident: str) -> bool:
        licence = self.knowledge.licence(ident)
        if licence is None:
            return False
        return bool(licence.osaid if licence.osaid is not None else licence.osi)

    def osaid_data(self) -> Component:
        if self.datasets:
            names = ", ".join(a.name for a in self.datasets[:3])
            return Component("data-information", "data information", True, None, True, f"training data named: {names}")
        for component in ("datasets", "data-card"):
            if component in self.said:
                return Component("data-information", "data information", True, None, True, self._where(component))
        return Component("data-information", "data information", False, None, None,
                         "no dataset card, no `datasets:` in a card, no card line about the training data")

    # -- MOF --
    def mof(self, entry: dict) -> Component:
        ident, name, types = entry["id"], entry["name"], entry["content_type"]
        present, evidence = self._present(ident)
        if not present:
            return Component(ident, name, False, None, None, evidence or "not found")
        expressions = self._licences_for(ident, types)
        licence = " AND ".join(expressions) or None
        ok = self.open_for(types, expressions)
        if ident == "model-parameters-final" and ok:
            ok = not any(t.kind in _CLOSING for t in self.weights_terms)
        why = "no licence stated" if ok is None else ("licence of its type" if ok else f"{licence} is not a licence MOF accepts for it")
        return Component(ident, name, True, licence, ok, f"{evidence}; {why}")

    def _present(self, ident: str) -> tuple[bool, str]:
        repository, said = self.repository, self.said
        if ident == "model-parameters-final" and self.inventory.weights and (
                any(w.paths or w.declared for w in self.inventory.weights)):
            return True, "weights: " + ", ".join(w.name for w in self.inventory.weights)
        if ident == "model-architecture" and self.sources:
            return True, f"{len(self.sources)} source files"
        if ident == "model-architecture" and ("training-code" in said or "inference-code" in said):
            return True, self._where("training-code" if "training-code" in said else "inference-code")
        if ident in _FILE_NAMES:
            named = [p for p in self.sources if any(w in p.rpartition("/")[2].lower() for w in _FILE_NAMES[ident])]
            if named:
                return True, named[0]
        if ident == "model-card" and repository.of_kind(FileKind.MODEL_CARD):
            return True, repository.of_kind(FileKind.MODEL_CARD)[0].path
        if ident == "model-card" and any(a.path.rpartition("/")[2].lower().startswith(("model_card", "model-card"))
                                         for a in repository.of_kind(FileKind.CARD)):
            return True, next(a.path for a in repository.of_kind(FileKind.CARD)
                              if a.path.rpartition("/")[2].lower().startswith(("model_card", "model-card")))
        if ident == "data-card" and repository.of_kind(FileKind.DATASET_CARD):
            return True, repository.of_kind(FileKind.DATASET_CARD)[0].path
        if ident == "datasets" and self.datasets:
            return True, "datasets: " + ", ".join(a.name for a in self.datasets[:3])
        if ident == "evaluation-results":  # a card's model-index holds them (whatever the data's relation)
            results = [r for a in repository.of_kind(FileKind.MODEL_CARD) for r in a.references
                       if r.kind == "dataset" and r.relation == EVALUATED_ON]
            if results:
                return True, f"{results[0].location.path}'s model-index: results on " + \
                    ", ".join(dict.fromkeys(r.id for r in results[:3]))
        if ident == "evaluation-data" and self.evaluation:
            return True, "evaluated on: " + ", ".join(a.name for a in self.evaluation[:3])
        if ident in said:
            return True, self._where(ident)
        return False, ""

    def _licences_for(self, ident: str, types: list[str]) -> list[str]:
        if ident == "model-parameters-final":
            return self.weights_licences
        if ident in ("datasets", "evaluation-data"):
            group = self.datasets if ident == "datasets" else self.evaluation
            known = [a.licence for a in group if a.licence]
            return known if known and len(known) == len(group) else []
        if ident in ("model-parameters-intermediate", "model-metadata"):
            return self.weights_licences
        if ident == "research-paper":
            return []  # a paper's licence is the publisher's (arXiv): nothing in the repository states it
        if types[0] == "code" or "code" in types and types[0] != "document":
            return self.code_licences
        return self.docs_licences
