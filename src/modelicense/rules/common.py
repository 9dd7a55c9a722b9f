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


# --- declarations, folders and licence identity (DEC, BAS, CMP) --------------------------------

LICENCE_FIELDS = ("licence",)  # licence files proper: not NOTICE, not a use policy, not the REUSE library


def is_licence_file(artefact: Artefact, item: ResolvedDeclaration) -> bool:
    """A licence text (LICENSE, LICENSE-MODEL, ...), not a NOTICE or a use policy: those are
    not licences and never count as one."""
    return artefact.kind is FileKind.LICENCE_FILE and item.declaration.field in LICENCE_FIELDS


def in_folder(path: str, folder: str) -> bool:
    """`path` lies in `folder` or below it ("" is the root)."""
    return not folder or path == folder or path.startswith(folder + "/")


def licence_files_covering(repository: Repository, path: str) -> list[Pair]:
    """Licence files in the folder of `path` or any folder above it: a nested LICENSE covers only
    its own folder (vendored code under annotator/midas/ says nothing about the root)."""
    folder = path.rpartition("/")[0]
    return [
        (a, d) for a, d in repository.declarations()
        if is_licence_file(a, d) and in_folder(folder, a.directory)
    ]


def has_code(repository: Repository) -> bool:
    """Source files or packaging metadata: something a code licence would cover."""
    return bool(repository.of_kind(FileKind.SOURCE, FileKind.PACKAGING))


def usable(resolution: Resolution, knowledge: Knowledge) -> bool:
    """Names only licences the knowledge base knows, none of them a vague family (`openrail`,
    `cc`) or a statement of ignorance (`other`, `unknown`): safe to compare with another."""
    if not resolution.recognised or resolution.ignorance:
        return False
    known = licences(resolution, knowledge)
    return len(known) == len(resolution.keys) and all(lic.kind not in ("family", "ignorance") for lic in known)


def identity(key: str) -> str:
    """A licence id without its version-choice suffix: a licence TEXT cannot tell GPL-3.0-only
    from GPL-3.0-or-later, so comparisons must not either."""
    lowered = key.lower()
    for suffix in ("-or-later", "-only", "+"):
        if lowered.endswith(suffix):
            return lowered[: -len(suffix)]
    return lowered


def same_terms(first: Resolution, second: Resolution) -> bool:
    """The two name at least one licence in common (modulo -only / -or-later)."""
    return bool({identity(k) for k in first.keys} & {identity(k) for k in second.keys})


def names(resolution: Resolution) -> str:
    return resolution.expression or ", ".join(resolution.keys) or "?"
