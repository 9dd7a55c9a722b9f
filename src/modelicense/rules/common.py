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


# --- what covers the model, and which weight files a declaration covers (WGT, DAT, USE) ---------

# Folders of licence texts: a licence there speaks for the folder above (model_licenses/ in FLUX).
_LICENCE_FOLDERS = frozenset({"model_licenses", "licenses", "licences", "license", "licence"})


def model_declarations(repository: Repository, knowledge: Knowledge) -> list[Pair]:
    """What covers the model: weights_declarations, plus licence files anywhere whose licence is
    written for models (a Llama or DeepSeek licence text says what it covers by what it is, even in
    a repository that ships no weights). Use policies are left out: they are not licences."""
    found = weights_declarations(repository)
    seen = {(a.path, d.declaration.location) for a, d in found}
    for artefact, item in structured(repository.declarations()):
        if artefact.kind is not FileKind.LICENCE_FILE or item.declaration.field != "licence":
            continue
        if (artefact.path, item.declaration.location) in seen:
            continue
        if any(licence.kind == "model" for licence in licences(item.resolution, knowledge)):
            found.append((artefact, item))
    return found


def covered_weight_files(repository: Repository, artefact: Artefact) -> list[str]:
    """The weight files a declaration in `artefact` speaks for: itself for weight-file metadata,
    otherwise every weight file in the folder it stands for (and below)."""
    if artefact.kind is FileKind.WEIGHTS:
        return [artefact.path]
    folder = artefact.directory
    if folder.rpartition("/")[2].lower() in _LICENCE_FOLDERS:
        folder = folder.rpartition("/")[0]
    prefix = f"{folder}/" if folder else ""
    return [w.path for w in repository.weight_files if w.path.startswith(prefix)]


def describe_files(paths: list[str], none: str = "the model", limit: int = 3) -> str:
    """`a.safetensors, b.gguf and 4 more`, or `none` when there are no files."""
    if not paths:
        return none
    shown = ", ".join(paths[:limit])
    return f"{shown} and {len(paths) - limit} more" if len(paths) > limit else shown


def weights_subject(paths: list[str]) -> str:
    """How a message names the weights a declaration covers."""
    if not paths:
        return "the model's weights"
    return f"the weights in {describe_files(paths)}"


def licence_label(item: ResolvedDeclaration, licence: Licence) -> str:
    """The licence's id, with what the user wrote when that differs (`GPL-3.0-only ('gpl-3.0')`)."""
    raw = item.declaration.raw.strip()
    if item.declaration.is_text or raw == licence.id or len(raw) > 60 or "\n" in raw:
        return licence.id
    return f"{licence.id} ('{raw}')"
