"""Lineage: the base models each model in a repository is made from, joined from every file
that says so — the card's `base_model` (with `base_model_relation`), a PEFT adapter's
`adapter_config.json`, transformers' `config.json` (`_name_or_path`), a mergekit configuration,
and GGUF `general.source.*` / `general.base_model.*` — and the models its code loads at run time.

A model is the folder its card or weight files stand in; lineage files in the same folder speak
for it. What binds (DESIGN.md, issue 12): an adapter, a fine-tune and a quantisation are bound by
their base's terms, a quantisation keeps its base's licence exactly, and a merge is bound by the
union of all its bases' terms. Pure functions over the Repository; no I/O.
"""

from __future__ import annotations

from modelicense.fastclass import dataclass
from modelicense.model import RUNTIME, Artefact, FileKind, Location, Reference, Repository

LINEAGE_KINDS = (FileKind.ADAPTER_CONFIG, FileKind.MODEL_CONFIG, FileKind.MERGE_CONFIG)
# Files whose base-model references speak for the model in their folder, in the order a
# relation is taken from when several say it: the card says it outright, files imply it.
_SPEAKERS = (FileKind.MODEL_CARD, FileKind.ADAPTER_CONFIG, FileKind.MERGE_CONFIG, FileKind.WEIGHTS,
             FileKind.MODEL_CONFIG)
MERGE, QUANTISED, ADAPTER = "merge", "quantized", "adapter"


@dataclass(frozen=True)
class Base:
    """A base model of one model, as every file of its folder states it.

    id:       the Hub id (or name) as first written.
    relation: finetune, adapter, quantized, merge — the first file that says so — or None.
    location: where it is first stated (the card's line when the card names it).
    source:   the kind of file that states it first.
    """

    id: str
    relation: str | None
    location: Location
    source: FileKind

    @property
    def inferred(self) -> bool:
        """Only transformers' `_name_or_path` names it: where the weights were loaded from before
        saving, which may be the model's own id, so an unknown one is not worth a finding."""
        return self.source is FileKind.MODEL_CONFIG

    def reference(self) -> Reference:
        return Reference("base_model", self.id, self.location, self.relation)


FolderIndex = dict[str, list[Artefact]]


def index(repository: Repository) -> FolderIndex:
    """The artefacts that state base models, by folder (built once per rule, not per model)."""
    folders: FolderIndex = {}
    for artefact in repository.artefacts:
        if artefact.kind in _SPEAKERS and any(r.kind == "base_model" for r in artefact.references):
            folders.setdefault(artefact.directory, []).append(artefact)
    return folders


def models(repository: Repository) -> list[Artefact]:
    """What stands for a model and may declare its licence: model cards, and weight files that
    declare a licence themselves (a GGUF's `general.license`)."""
    return [a for a in repository.artefacts
            if a.kind is FileKind.MODEL_CARD or (a.kind is FileKind.WEIGHTS and a.declarations)]


def bases(model: Artefact, folders: FolderIndex) -> list[Base]:
    """The model's bases: its own references first, then those of the lineage files, cards and
    weight files in its folder, one per id (case-insensitive); the relation is the first one
    stated for that id."""
    speakers = [model] + sorted((a for a in folders.get(model.directory, ()) if a is not model),
                                key=lambda a: (_SPEAKERS.index(a.kind), a.path))
    found: dict[str, Base] = {}
    for artefact in speakers:
        for reference in artefact.references:
            if reference.kind != "base_model" or not reference.id.strip():
                continue
            key = reference.id.strip().lower()
            known = found.get(key)
            if known is None:
                found[key] = Base(reference.id.strip(), reference.relation, reference.location, artefact.kind)
            elif known.relation is None and reference.relation:
                found[key] = Base(known.id, reference.relation, known.location, known.source)
    return list(found.values())


def is_merge(found: list[Base]) -> bool:
    return any(base.relation == MERGE for base in found)


# How the inventory names the relation of a model the code loads at run time (issue 12): it is not
# what the repository was made from, but its terms reach whoever runs the code all the same.
RUNTIME_RELATION = "used at run time"


def runtime_models(repository: Repository) -> list[Base]:
    """The models the repository's code loads at run time, one per id (case-insensitive), each
    where it is first loaded (files in path order), with relation RUNTIME_RELATION: what an
    inventory lists beside the bases (extract/model_ids.py finds them; BAS004 judges them)."""
    found: dict[str, Base] = {}
    for artefact, reference in runtime_loads(repository):
        found.setdefault(reference.id.lower(), Base(reference.id, RUNTIME_RELATION, reference.location, artefact.kind))
    return list(found.values())


def runtime_loads(repository: Repository) -> list[tuple[Artefact, Reference]]:
    """Models the repository's code loads at run time (`from_pretrained("org/name")`), each at
    its call."""
    return [(a, r) for a in repository.artefacts for r in a.references if r.kind == "model" and r.relation == RUNTIME]
