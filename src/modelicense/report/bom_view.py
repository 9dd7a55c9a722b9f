"""What the two AI bill-of-materials exports (report/cyclonedx.py, report/spdx3.py) say about one
scanned repository: its inventory (inventory/build.py) in the shape both formats need — the model
(one component per weights artefact), the code, each dataset, each base model, the runtime
packages, the docs — with their declared licences, relations, effective terms, duties and
verdicts. The two formats serialise the same answers; neither decides anything, and neither does
this module: it only says each answer in the words the formats carry.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from modelicense.inventory import model as inv
from modelicense.knowledge import Knowledge
from modelicense.model import ScanResult

HUB = "https://huggingface.co/"
_TOKEN_SPLIT = ("(", ")")
_OPERATORS = {"AND", "OR", "WITH"}
@dataclass(frozen=True)
class DeclaredLicence:
    """One licence a component is declared under.

    ids:        knowledge-base licence ids (SPDX ids where SPDX has one, Hub ids otherwise).
    spdx:       per id, whether it is an SPDX licence id.
    expression: the normalised expression, or None when nothing recognised it.
    raw:        what was written (a text's first line), so users see their own words.
    where:      `path:line` of the declaration, or `knowledge base` for what modelicense knows.
    how:        how it was found: the resolution method, or `knowledge`.
    """

    ids: tuple[str, ...]
    spdx: tuple[bool, ...]
    expression: str | None
    raw: str
    where: str
    how: str
    urls: tuple[str, ...] = ()


@dataclass(frozen=True)
class Component:
    """ref: stable within one export (`model`, `code`, `dataset:<id>`, `base:<id>`, `loaded:<id>`,
    `runtime:<eco>:<name>`).
    role: model, code, dataset, base-model, runtime-model (a model the code loads), runtime or docs.
    relation: for a base model how the model derives from it (finetune, adapter, merge, quantized,
    or "" when unsaid); for a dataset `trained-on`, `evaluated-on` or `shipped`; for a runtime
    model `used at run time`; for a runtime package its stack.
    terms: (kind, value) of what the licences state — kinds from knowledge/kinds.py.
    properties: further (name, value) facts (runtime stack, closed source, where it is named)."""

    ref: str
    role: str
    name: str
    licences: tuple[DeclaredLicence, ...] = ()
    relation: str = ""
    terms: tuple[tuple[str, str], ...] = ()
    properties: tuple[tuple[str, str], ...] = ()
    url: str = ""
    ecosystem: str = ""
    of: str = ""  # for a dataset or base model: the ref of the model it stands behind


@dataclass(frozen=True)
class BomView:
    name: str
    components: tuple[Component, ...]

    def role(self, role: str) -> tuple[Component, ...]:
        return tuple(c for c in self.components if c.role == role)

    @property
    def model(self) -> Component | None:
        return next(iter(self.role("model")), None)

    def behind(self, model: Component, role: str) -> tuple[Component, ...]:
        """The datasets or base models of one model."""
        return tuple(c for c in self.role(role) if c.of == model.ref)

    def loaders(self) -> tuple[Component, ...]:
        """What depends on the models the code loads at run time: the code, or (a repository whose
        code the inventory does not list as an artefact) its models."""
        return self.role("code") or self.role("model")


def _ids(expression: str | None) -> tuple[str, ...]:
    if not expression:
        return ()
    spaced = expression
    for mark in _TOKEN_SPLIT:
        spaced = spaced.replace(mark, f" {mark} ")
    return tuple(dict.fromkeys(t for t in spaced.split() if t not in _TOKEN_SPLIT and t.upper() not in _OPERATORS))


def _licence(expression: str | None, raw: str, where: str, how: str, knowledge: Knowledge) -> DeclaredLicence:
    ids = _ids(expression)
    known = [knowledge.licence(i) for i in ids]
    return DeclaredLicence(ids, tuple(bool(k and k.spdx) for k in known), expression, raw, where, how,
                           tuple((k.urls[0] if k and k.urls else "") for k in known))


def _licences(artefact: inv.Artefact, knowledge: Knowledge) -> tuple[DeclaredLicence, ...]:
    """What the repository declares for it (words in a card's prose that resolve to nothing are
    left out: they are not a licence), else what modelicense knows of what it only names."""
    declared = tuple(dict.fromkeys(
        _licence(d.expression, d.raw, str(d.location), d.found_by, knowledge)
        for d in artefact.declared if d.expression or d.confidence != "prose"))
    if declared:
        return declared
    if artefact.licence:
        return (_licence(artefact.licence, artefact.licence, "knowledge base", f"knowledge ({artefact.known_as or 'modelicense'})",
                         knowledge),)
    return ()


def _term(term: inv.EffectiveTerm) -> tuple[str, str]:
    said = ", ".join(term.values) if term.values else term.evidence
    return term.kind, f"{said} ({term.origin_text})" if term.origin != inv.OWN else said


def _verdict(name: str, verdict: inv.Verdict) -> list[tuple[str, str]]:
    found = [(name, verdict.answer)]
    found += [(f"{name}:condition", condition) for condition in verdict.conditions]
    found += [(f"{name}:reason", reason.text + (f" ({reason.location})" if reason.location else ""))
              for reason in verdict.reasons]
    return found


def _hub_url(ident: str, dataset: bool = False) -> str:
    if ident.count("/") == 1 and " " not in ident and "://" not in ident:
        return f"{HUB}datasets/{ident}" if dataset else f"{HUB}{ident}"
    return ""


def _component(artefact: inv.Artefact, inventory: inv.Inventory, knowledge: Knowledge, refs: dict[str, str],
               name: str) -> Component:
    properties: list[tuple[str, str]] = []
    if artefact.location is not None:
        properties.append(("named-in" if artefact.kind in ("dataset", "base-model", "runtime-model") else "declared-in",
                           str(artefact.location)))
    properties += [("file", path) for path in artefact.paths[:50]]
    if len(artefact.paths) > 50:
        properties.append(("file", f"and {len(artefact.paths) - 50} more"))
    properties += [(f"duty:{duty.id}", f"{duty.wording} (owed to {duty.owed_to})") for duty in artefact.duties]
    properties += _verdict("commercial-use", artefact.commercial)
    properties += list(artefact.properties)
    if artefact.known_as:
        properties.append(("known-from", artefact.known_as))
    terms = tuple(dict.fromkeys(_term(t) for t in artefact.terms))
    licences = _licences(artefact, knowledge)
    if artefact.kind == "weights":
        properties += _verdict("redistribution-of-modified-weights", inventory.redistribution)
        openness = inventory.openness
        if openness is not None:
            properties.append(("osaid-1.0", {True: "meets", False: "fails", None: "not judged"}[openness.osaid]))
            properties += [("osaid-1.0:fails", f"{c.name}: {c.evidence}") for c in openness.osaid_failures]
            properties.append(("mof-class", (openness.mof_class or "none") + (" (conditional)" if openness.mof_conditional else "")))
        label = name if artefact.name in ("weights", ".", "") else f"{name}/{artefact.name}"
        return Component(refs[artefact.name], "model", label, licences, terms=terms, properties=tuple(properties))
    if artefact.kind == "runtime":
        facts = dict(artefact.properties)
        return Component(f"runtime:{facts.get('ecosystem', '')}:{artefact.name}:{artefact.relation}", "runtime",
                         artefact.name, licences, artefact.relation or "", terms, tuple(properties),
                         ecosystem=facts.get("ecosystem", ""))
    of = refs.get(artefact.of or "", "")
    if artefact.kind == "dataset":
        ref = f"dataset:{artefact.name}" + (f"@{of}" if of and len(refs) > 1 else "")
        return Component(ref, "dataset", artefact.name, licences, artefact.relation or "", terms, tuple(properties),
                         url=_hub_url(artefact.name, True), of=of)
    if artefact.kind == "base-model":
        ref = f"base:{artefact.name}" + (f"@{of}" if of and len(refs) > 1 else "")
        return Component(ref, "base-model", artefact.name, licences, artefact.relation or "", terms, tuple(properties),
                         url=_hub_url(artefact.name), of=of)
    if artefact.kind == "runtime-model":  # the code loads it: one component, whichever model folder
        return Component(f"loaded:{artefact.name}", "runtime-model", artefact.name, licences, artefact.relation or "",
                         terms, tuple(properties), url=_hub_url(artefact.name), of="code")
    return Component(artefact.kind, artefact.kind, f"{name} ({artefact.kind})", licences, terms=terms,
                     properties=tuple(properties))


def view_of(inventory: inv.Inventory, knowledge: Knowledge, name: str) -> BomView:
    weights = inventory.of_kind("weights")
    refs = {w.name: "model" if len(weights) == 1 else f"model:{w.name}" for w in weights}
    components: dict[str, Component] = {}
    for artefact in inventory.artefacts:
        component = _component(artefact, inventory, knowledge, refs, name)
        components.setdefault(component.ref, component)  # one component per ref
    return BomView(name, tuple(components.values()))


def bom_view(result: ScanResult, knowledge: Knowledge, name: str | None = None) -> BomView:
    """`name`: the repository's name (its folder's, by default)."""
    from modelicense.inventory.build import inventory_of

    inventory = inventory_of(result.repository, knowledge)
    return view_of(inventory, knowledge, name or Path(result.repository.root).resolve().name or "repository")
