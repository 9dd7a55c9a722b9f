"""Where a repository's data terms come from, and which restrictions each source carries.

Two sources of data terms:
- data in the repository: dataset cards, data licence files (DATA_LICENSE, LICENSE_DATA) and
  dataset metadata (Croissant, datapackage.json) — their structured licence, and for dataset
  cards the prose "Licensing Information", which real cards often make stricter than the YAML;
- datasets a model card lists (`datasets:`), resolved through a dataset card in the repository
  when one matches, else through the knowledge base (which includes configuration overrides).

Datasets a model card's `model-index:` evaluates on (Reference.relation `evaluated-on`) are kept
apart, in `DataSources.evaluated`: evaluating on data does not bind the model's users to its terms,
so no DAT rule reads them and the inventory imposes nothing from them.

Restrictions are named by kind ("non-commercial", "research-only", "academic-only",
"no-derivatives", "permission-required"), each with its evidence: the licence that has it, or the
words that state it (read by the terms reader, `modelicense.terms`, over knowledge/data/terms.json).
"""

from __future__ import annotations

import os
from dataclasses import field

from modelicense.fastclass import dataclass
from modelicense.inventory.coverage import model_cards
from modelicense.inventory.read_terms import NAME, read_terms
from modelicense.knowledge import Dataset, Knowledge, Licence
from modelicense.knowledge.expressions import holds_declared, licences
from modelicense.knowledge.kinds import by_property, dataset_kinds, licence_kinds, reported_by
from modelicense.model import EVALUATED_ON, Artefact, FileKind, Location, Reference, Repository, ResolvedDeclaration

# The kinds of restriction data can carry, from the one table (knowledge/kinds.py): what DAT001
# (use) and DAT002 (derivatives) report, and DAT008's order of mention, permission-required last.
_DATA_KINDS = tuple(dict.fromkeys(reported_by("DAT001") + reported_by("DAT002")))
PROPERTY = {kind.id: kind.licence_property for kind in _DATA_KINDS}  # restriction kind -> Licence property
USE_KINDS = tuple(kind.id for kind in reported_by("DAT001"))
ORDER = tuple(kind.id for kind in reported_by("DAT008"))


# --- data sources ----------------------------------------------------------------------------


@dataclass
class LocalData:
    """Data in the repository: one artefact with data-scope declarations."""

    artefact: Artefact
    metadata: list[ResolvedDeclaration]  # structured licence declarations
    prose: list[ResolvedDeclaration]  # "Licensing Information" sections
    users: list[Reference] = field(default_factory=list)  # model-card `datasets:` entries naming it
    evaluators: list[Reference] = field(default_factory=list)  # model-index results naming it
    # What each prose section states (section text -> section_terms), found once per scan.
    section_terms: dict[str, dict[str, str]] = field(default_factory=dict, compare=False, repr=False)

    @property
    def name(self) -> str:
        return self.artefact.path


@dataclass
class DataSources:
    local: list[LocalData]
    known: list[tuple[Reference, Dataset]]  # listed by a model card, known to the knowledge base
    unknown: list[Reference]  # listed by a model card, known to nobody
    # Named by a model card's model-index results (evaluation data), with the knowledge base's
    # entry when it has one; a dataset card of the repository they name is in its `evaluators`.
    evaluated: list[tuple[Reference, Dataset | None]] = field(default_factory=list)


def local_data(repository: Repository) -> list[LocalData]:
    found: list[LocalData] = []
    for artefact in repository.artefacts:
        data = [d for d in artefact.declarations if d.declaration.scope == "data"]
        metadata = [d for d in data if d.declaration.confidence == "high" and d.declaration.field != "use-policy"]
        prose_sections = [d for d in data if d.declaration.confidence == "low"] if artefact.kind is FileKind.DATASET_CARD else []
        if metadata or prose_sections or artefact.kind is FileKind.DATASET_CARD:
            found.append(LocalData(artefact, metadata, prose_sections))
    return found


def _last_segment(ident: str) -> str:
    return ident.strip().rstrip("/").rpartition("/")[2].lower()


def local_cards_by_name(local: list[LocalData]) -> dict[str, LocalData]:
    """Dataset cards in the repository by the name of their folder (the first one of each name)."""
    index: dict[str, LocalData] = {}
    for item in local:
        if item.artefact.kind is FileKind.DATASET_CARD and item.artefact.directory:
            index.setdefault(_last_segment(item.artefact.directory), item)
    return index


def match_local(reference: Reference, cards: dict[str, LocalData]) -> LocalData | None:
    """A dataset card in the repository whose folder has the dataset's name (`data/alpaca/README.md`
    for `tatsu-lab/alpaca`); `cards` is `local_cards_by_name`."""
    return cards.get(_last_segment(reference.id))


def data_sources(repository: Repository, knowledge: Knowledge) -> DataSources:
    """Computed once per scan (eight DAT rules ask); callers read it and never change it."""
    return repository.memo(("data_sources", id(knowledge)), lambda: _data_sources(repository, knowledge))


def _data_sources(repository: Repository, knowledge: Knowledge) -> DataSources:
    local = local_data(repository)
    cards = local_cards_by_name(local)
    known: list[tuple[Reference, Dataset]] = []
    unknown: list[Reference] = []
    evaluated: list[tuple[Reference, Dataset | None]] = []
    for card in model_cards(repository):
        for reference in card.references:
            if reference.kind != "dataset":
                continue
            match = match_local(reference, cards)
            if reference.relation == EVALUATED_ON:
                if match is not None:
                    match.evaluators.append(reference)
                else:
                    evaluated.append((reference, knowledge.dataset(reference.id)))
                continue
            if match is not None:
                match.users.append(reference)
                continue
            dataset = knowledge.dataset(reference.id)
            if dataset is None:
                unknown.append(reference)
            else:
                known.append((reference, dataset))
    return DataSources(local, known, unknown, evaluated)


def described_datasets(repository: Repository, knowledge: Knowledge) -> list[tuple[LocalData, Dataset, str]]:
    """Dataset cards of the repository that describe a dataset the knowledge base knows: a card
    is the dataset it describes, whatever licence it declares. By its `pretty_name`, the folder
    it stands in, or (at the root) the repository's folder — a Hub cache folder
    `datasets--org--name` is `org/name` — each with how it was named."""
    found: list[tuple[LocalData, Dataset, str]] = []
    for item in data_sources(repository, knowledge).local:
        if item.artefact.kind is not FileKind.DATASET_CARD:
            continue
        for ident, how in _card_names(repository, item.artefact):
            dataset = knowledge.dataset(ident)
            if dataset is not None:
                found.append((item, dataset, f"{how} '{ident}'"))
                break
    return found


def _card_names(repository: Repository, artefact: Artefact) -> list[tuple[str, str]]:
    names: list[tuple[str, str]] = []
    pretty = artefact.meta("pretty_name")
    if pretty and pretty.strip():
        names.append((pretty.strip(), "its pretty_name"))
    folder = artefact.directory.rpartition("/")[2] or _root_name(repository.root)
    if folder:
        how = "its folder" if artefact.directory else "the repository's name"
        names.append((folder, how))
        if "/" in folder:  # org/name: the name alone is what aliases list
            names.append((folder.rpartition("/")[2], how))
    return names


def _root_name(root: str) -> str:
    name = os.path.basename(os.path.abspath(root))  # no I/O: "." is the current folder's name
    if name.startswith("datasets--"):  # the Hugging Face cache's folder for org/name
        return name[len("datasets--"):].replace("--", "/", 1)
    return "" if name in ("", ".", "..") else name


# --- what a known dataset's terms say ----------------------------------------------------------


def dataset_licences(dataset: Dataset, knowledge: Knowledge) -> list[Licence]:
    if not dataset.licence:
        return []
    direct = knowledge.licence(dataset.licence)
    if direct is not None:
        return [direct]
    # Pure, and needed only for the few dataset entries whose licence is an expression.
    from modelicense.resolve import Resolver

    return licences(Resolver(knowledge).resolve_id(dataset.licence), knowledge)


def dataset_terms(dataset: Dataset, knowledge: Knowledge) -> dict[str, str]:
    """Restriction kind -> where it comes from (a licence id, or "its terms" for the entry's own
    flags), for a dataset the knowledge base knows."""
    terms: dict[str, str] = {}
    for licence in dataset_licences(dataset, knowledge):
        for kind in licence_kinds(licence, _DATA_KINDS):
            terms.setdefault(kind.id, licence.id)
    for kind in dataset_kinds(dataset, _DATA_KINDS):
        terms.setdefault(kind.id, "its terms")
    return terms


# --- what local data's metadata and prose say -------------------------------------------------


def stated(text: str, origin: Location) -> dict[str, str]:
    """Restriction -> `says '…'` for the restrictions a text states in words (the terms reader,
    asked for the data kinds only), the first place of each kind."""
    from modelicense.terms import read  # only when a card has prose or a legacy id to read

    found: dict[str, str] = {}
    for term in read(text, origin, ORDER):
        found.setdefault(term.kind, f"says {term.quote!r}")
    return found


def section_terms(section: ResolvedDeclaration, knowledge: Knowledge) -> dict[str, str]:
    """Restriction -> how a prose section states it: by naming a licence that has it, or in words.
    Words that a licence the section names accounts for ("CC BY-NC-SA 4.0" states non-commercial)
    are that licence's evidence, as everywhere the terms reader reads beside a known licence."""
    named: dict[str, str] = {}
    for licence in licences(section.resolution, knowledge):
        for kind in licence_kinds(licence, _DATA_KINDS):
            named.setdefault(kind.id, f"names {licence.id}")
    terms = {kind: said for kind, said in stated(section.declaration.raw, section.declaration.location).items()
             if kind not in named}
    return {**terms, **named}


def metadata_terms(item: LocalData, knowledge: Knowledge) -> dict[str, tuple[str, Location]]:
    """Restriction kind -> (licence label, location) from the structured declarations."""
    terms: dict[str, tuple[str, Location]] = {}
    for decl in item.metadata:
        for kind in by_property(_DATA_KINDS):  # binding only if every alternative of a choice has it
            prop = kind.licence_property or ""
            for licence in holds_declared(item.artefact, decl, knowledge, lambda lic, p=prop: bool(getattr(lic, p))):
                terms.setdefault(kind.id, (licence.id, decl.declaration.location))
        read = read_terms(item.artefact, decl, knowledge)  # words no known licence accounts for
        for term in read.terms if read is not None else ():
            if term.kind in PROPERTY:
                said = (f"its license_name says '{term.quote}', not a licence modelicense knows" if read.basis == NAME
                        else f"{read.basis_text()}: '{term.quote}'")
                terms.setdefault(term.kind, (said, term.location))
        if decl.resolution.method == "legacy-other" and decl.resolution.unrecognised:
            # `other-non-commercial-research`: the legacy id's name states the terms.
            for kind in stated(decl.resolution.unrecognised[0], decl.declaration.location):
                if kind in PROPERTY:
                    terms.setdefault(kind, (f"'{decl.declaration.raw}'", decl.declaration.location))
    return terms


def metadata_names_terms(item: LocalData, knowledge: Knowledge) -> bool:
    """The structured licence names at least one real licence (not unknown, unrecognised, or
    `other` without a `license_name` the knowledge base knows)."""
    return any(
        (d.resolution.keys and not d.resolution.ignorance) or holds_declared(item.artefact, d, knowledge, lambda _l: True)
        for d in item.metadata
    )


def prose_terms(item: LocalData, knowledge: Knowledge,
                sections: list[ResolvedDeclaration] | None = None) -> dict[str, tuple[str, Location]]:
    """Restriction kind -> (`says '…'` or `names X`, location) from the card's licence prose."""
    terms: dict[str, tuple[str, Location]] = {}
    for section in item.prose if sections is None else sections:
        # Three rules ask this of each card (DAT001/DAT002 through effective_terms, DAT007, DAT008):
        # the phrases are found once per section and scan. (A cache shared by all cards, of 256
        # entries, was evicted on a large repository, and each rule searched the prose again.)
        found = item.section_terms.get(section.declaration.raw)
        if found is None:
            found = item.section_terms[section.declaration.raw] = section_terms(section, knowledge)
        for kind, clause in found.items():
            terms.setdefault(kind, (clause, section.declaration.location))
    return terms


def effective_terms(item: LocalData, knowledge: Knowledge) -> dict[str, tuple[str, Location, bool]]:
    """Restriction kind -> (evidence, location, from_prose). Prose counts when the metadata names no
    real licence (it is then the only statement of terms); a real licence with stricter prose is
    DAT008's business."""
    terms = {k: (label, loc, False) for k, (label, loc) in metadata_terms(item, knowledge).items()}
    if not metadata_names_terms(item, knowledge):
        for kind, (evidence, loc) in prose_terms(item, knowledge).items():
            if kind in PROPERTY:
                terms.setdefault(kind, (evidence, loc, True))
    return terms
