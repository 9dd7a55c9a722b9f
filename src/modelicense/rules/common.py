"""Questions several rule families ask of a repository: which declarations cover the weights,
what licences an expression names, whether a property holds for every choice it offers.
Pure functions over the Repository and the knowledge base; no I/O."""

from __future__ import annotations

from typing import Callable, Iterable

from modelicense.knowledge import Knowledge, Licence
from modelicense.model import Artefact, FileKind, Repository, Resolution, ResolvedDeclaration

Pair = tuple[Artefact, ResolvedDeclaration]


def ships_weights(repository: Repository) -> bool:
    """Weight files (or LFS pointers standing in for them) are part of the repository."""
    return bool(repository.weight_files)


def model_cards(repository: Repository) -> tuple[Artefact, ...]:
    return repository.of_kind(FileKind.MODEL_CARD)


def dataset_cards(repository: Repository) -> tuple[Artefact, ...]:
    return repository.of_kind(FileKind.DATASET_CARD)


def structured(pairs: Iterable[Pair]) -> list[Pair]:
    """Only declarations made as metadata or licence texts, not prose that mentions licences."""
    return [(a, d) for a, d in pairs if d.declaration.confidence == "high"]


def weights_declarations(repository: Repository) -> list[Pair]:
    """What covers the weights, most specific first: weight-file metadata, then model cards and
    weight licence files (LICENSE-MODEL, model_licenses/), then — only when the repository ships
    weights and nothing more specific covers them — the root licence file."""
    specific = structured(repository.declarations("weights"))
    specific = [(a, d) for a, d in specific if d.declaration.field != "use-policy"]
    weight_meta = [(a, d) for a, d in specific if a.kind is FileKind.WEIGHTS]
    if weight_meta or specific:
        return weight_meta + [(a, d) for a, d in specific if a.kind is not FileKind.WEIGHTS]
    if ships_weights(repository):
        return root_licences(repository)
    return []


def root_licences(repository: Repository) -> list[Pair]:
    """Licence files at the root that cover the whole repository."""
    return [
        (a, d)
        for a, d in repository.declarations("repo")
        if a.kind is FileKind.LICENCE_FILE and "/" not in a.path and d.declaration.field == "licence"
    ]


def licences(resolution: Resolution, knowledge: Knowledge) -> list[Licence]:
    found = (knowledge.licence(key) for key in resolution.keys)
    return [licence for licence in found if licence is not None]


def holds(resolution: Resolution, knowledge: Knowledge, predicate: Callable[[Licence], bool]) -> list[Licence]:
    """The licences for which predicate holds, counting only what binds the user: with a choice
    (A OR B) the user can pick an alternative, so it holds only if it holds for every
    alternative; otherwise (A AND B, or a single licence) any licence that has it binds."""
    known = licences(resolution, knowledge)
    matching = [licence for licence in known if predicate(licence)]
    if resolution.alternatives and len(matching) < len(known):
        return []
    return matching
