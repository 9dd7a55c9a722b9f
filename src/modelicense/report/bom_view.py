"""What the two AI bill-of-materials exports (report/cyclonedx.py, report/spdx3.py) say about one
scanned repository: its components — the model, the code, each dataset, each base model, the
runtime packages — with their declared licences, relations and terms. Gathered here once so that
the two formats serialise the same answers and neither decides anything.

The answers come from the inventory's questions (inventory/coverage.py: what covers the model and
the code; inventory/data.py: which datasets; inventory/runtime.py: the runtime stack) and from the
knowledge base for what the repository only names (a base model's or a dataset's licence).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePosixPath

from modelicense.inventory.coverage import has_code, model_cards, model_declarations, scope_declarations, ships_weights
from modelicense.inventory.runtime import runtime_stack
from modelicense.knowledge import Knowledge
from modelicense.knowledge.expressions import effective_licences
from modelicense.knowledge.kinds import TERM_KINDS
from modelicense.model import Artefact, FileKind, Reference, Repository, ResolvedDeclaration, ScanResult

HUB = "https://huggingface.co/"


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
    """ref: stable within one export (`model`, `code`, `dataset:<id>`, `base:<id>`, `runtime:<eco>:<name>`).
    role: model, code, dataset, base-model or runtime.
    relation: for a base model how the model derives from it (finetune, adapter, merge, quantized,
    or "" when unsaid); for a dataset `trained-on` or `shipped`; for a runtime package its stack.
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


@dataclass(frozen=True)
class BomView:
    name: str
    components: tuple[Component, ...]

    def role(self, role: str) -> tuple[Component, ...]:
        return tuple(c for c in self.components if c.role == role)

    @property
    def model(self) -> Component | None:
        return next(iter(self.role("model")), None)


def _first_line(text: str) -> str:
    return next((line.strip() for line in text.splitlines() if line.strip()), "")[:200]


def _declared(artefact: Artefact, item: ResolvedDeclaration, knowledge: Knowledge) -> DeclaredLicence:
    known = effective_licences(artefact, item, knowledge)
    ids = tuple(licence.id for licence in known) or item.resolution.keys
    spdx = tuple(bool(knowledge.licence(i) and knowledge.licence(i).spdx) for i in ids)
    urls = tuple(url for licence in known for url in licence.urls[:1])
    declaration = item.declaration
    raw = _first_line(declaration.raw) if declaration.is_text else declaration.raw
    expression = item.resolution.expression if not item.resolution.unrecognised else None
    if len(known) == 1 and (expression is None or declaration.raw.strip().lower() == "other"):
        expression = known[0].id  # `license: other` with a `license_name` the knowledge base knows
    return DeclaredLicence(ids, spdx, expression, raw, str(declaration.location), item.resolution.method, urls)


def _known(ident: str | None, knowledge: Knowledge, source: str) -> tuple[DeclaredLicence, ...]:
    if not ident:
        return ()
    licence = knowledge.licence(ident)
    ids = (licence.id,) if licence else ()
    return (DeclaredLicence(ids, (bool(licence and licence.spdx),), licence.id if licence else None, ident,
                            "knowledge base", f"knowledge ({source})", licence.urls[:1] if licence else ()),)


def _terms(licences: tuple[DeclaredLicence, ...], items: list[ResolvedDeclaration], knowledge: Knowledge) -> tuple[tuple[str, str], ...]:
    """What the licences state, by kind: a known licence's properties, and the terms read from
    the words (with their numbers and regions, `700 million`, `European Union`)."""
    found: dict[tuple[str, str], None] = {}
    for declared in licences:
        for ident in declared.ids:
            licence = knowledge.licence(ident)
            for kind in TERM_KINDS:
                if licence is not None and kind.licence_property and getattr(licence, kind.licence_property, None):
                    found.setdefault((kind.id, f"{licence.id}: {kind.label}"), None)
    for item in items:
        for term in item.terms:
            found.setdefault((term.kind, ", ".join(term.values) or term.quote[:120]), None)
    return tuple(found)


def _notes(licences: tuple[DeclaredLicence, ...], knowledge: Knowledge) -> tuple[tuple[str, str], ...]:
    """What the knowledge base says of each licence in words (thresholds, naming, the policy)."""
    found: dict[str, str] = {}
    for declared in licences:
        for ident in declared.ids:
            licence = knowledge.licence(ident)
            if licence is not None and licence.notes and licence.kind != "software":
                found.setdefault(f"licence-notes:{licence.id}", licence.notes)
    return tuple(found.items())


def _hub_url(ident: str, dataset: bool = False) -> str:
    if "://" in ident:
        return ident if ident.startswith("https://") else ""
    if ident.count("/") == 1 and " " not in ident:
        return f"{HUB}datasets/{ident}" if dataset else f"{HUB}{ident}"
    return ""


def _references(repository: Repository, kind: str) -> list[Reference]:
    seen: dict[str, Reference] = {}
    for artefact in repository.artefacts:
        for reference in artefact.references:
            if reference.kind == kind:
                seen.setdefault(reference.id.lower(), reference)
    return list(seen.values())


def _model(repository: Repository, knowledge: Knowledge, name: str) -> Component | None:
    pairs = model_declarations(repository, knowledge)
    if not pairs and not ships_weights(repository) and not model_cards(repository):
        return None
    licences = tuple(dict.fromkeys(_declared(a, d, knowledge) for a, d in pairs))
    terms = _terms(licences, [d for _a, d in pairs], knowledge)
    weights = [a.path for a in repository.weight_files]
    properties = [("weights", path) for path in weights[:50]]
    if len(weights) > 50:
        properties.append(("weights", f"and {len(weights) - 50} more files"))
    return Component("model", "model", name, licences, terms=terms, properties=tuple(properties) + _notes(licences, knowledge))


def _code(repository: Repository, knowledge: Knowledge, name: str) -> Component | None:
    if not has_code(repository):
        return None
    pairs = [(a, d) for a, d in scope_declarations("code", repository, knowledge) if a.kind is not FileKind.SOURCE]
    # SPDX headers: one entry per licence, at its first file (a repository has hundreds of them).
    headers: dict[str | None, list[tuple[Artefact, ResolvedDeclaration]]] = {}
    for artefact, item in repository.declarations("code"):
        if artefact.kind is FileKind.SOURCE:
            headers.setdefault(item.resolution.expression, []).append((artefact, item))
    pairs += [found[0] for found in headers.values()]
    licences = tuple(dict.fromkeys(_declared(a, d, knowledge) for a, d in pairs))
    return Component("code", "code", f"{name} (code)", licences, terms=_terms(licences, [d for _a, d in pairs], knowledge))


def _datasets(repository: Repository, knowledge: Knowledge) -> list[Component]:
    found: list[Component] = []
    for reference in _references(repository, "dataset"):
        dataset = knowledge.dataset(reference.id)
        licences = _known(dataset.licence if dataset else None, knowledge, dataset.source if dataset else "")
        flags = tuple((flag.replace("_", "-"), f"{dataset.id}: {flag.replace('_', ' ')}") for flag in ("non_commercial", "research_only", "no_derivatives",
                                                                         "third_party_content", "web_crawl")
                      if dataset is not None and getattr(dataset, flag))
        found.append(Component(f"dataset:{reference.id}", "dataset", reference.id, licences, "trained-on",
                               terms=tuple(dict.fromkeys(flags + _terms(licences, [], knowledge))),
                               properties=(("named-in", str(reference.location)),), url=_hub_url(reference.id, True)))
    for artefact in repository.of_kind(FileKind.DATASET_CARD):
        items = [d for d in artefact.declarations if d.declaration.scope == "data" and d.declaration.confidence == "high"]
        licences = tuple(dict.fromkeys(_declared(artefact, d, knowledge) for d in items))
        name = str(PurePosixPath(artefact.path).parent) if artefact.directory else repository_name(repository)
        found.append(Component(f"dataset:{artefact.path}", "dataset", name, licences, "shipped",
                               terms=_terms(licences, items, knowledge), properties=(("card", artefact.path),)))
    return found


def _bases(repository: Repository, knowledge: Knowledge) -> list[Component]:
    found: list[Component] = []
    for reference in _references(repository, "base_model"):
        model = knowledge.model(reference.id)
        licences = _known(model.licence if model else None, knowledge, model.source if model else "")
        duties = tuple(("duty", duty) for duty in (model.duties if model else ()))
        found.append(Component(f"base:{reference.id}", "base-model", reference.id, licences, reference.relation or "",
                               terms=tuple(dict.fromkeys(_terms(licences, [], knowledge) + duties)),
                               properties=(("named-in", str(reference.location)),) + _notes(licences, knowledge),
                               url=_hub_url(reference.id)))
    return found


def _runtime(repository: Repository) -> list[Component]:
    stack = runtime_stack(repository)
    found: list[Component] = []
    for use in stack.first(stack.ties) + stack.first(stack.alternatives):
        dependency, entry = use.dependency, use.entry
        closed = {True: "yes", False: "no", None: "unknown"}[entry.closed]
        properties = (("stack", entry.stack), ("closed-source", closed), ("declared-in", str(dependency.location)),
                      ("kind", entry.label), ("licence-as-stated", entry.licence), ("source", entry.source))
        found.append(Component(f"runtime:{dependency.ecosystem}:{dependency.name}", "runtime", dependency.name,
                               relation=entry.stack, properties=properties, ecosystem=dependency.ecosystem))
    return found


def repository_name(repository: Repository) -> str:
    from pathlib import Path

    name = Path(repository.root).resolve().name
    return name or "repository"


def bom_view(result: ScanResult, knowledge: Knowledge, name: str | None = None) -> BomView:
    """`name`: the repository's name (its folder's, by default)."""
    repository = result.repository
    name = name or repository_name(repository)
    components: list[Component] = []
    for part in (_model(repository, knowledge, name), _code(repository, knowledge, name)):
        if part is not None:
            components.append(part)
    components += _datasets(repository, knowledge) + _bases(repository, knowledge) + _runtime(repository)
    return BomView(name, tuple(components))
