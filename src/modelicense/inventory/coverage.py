"""What covers what: which declarations speak for the weights, the model, a folder or a file.

Pure functions over the Repository and the knowledge base; no I/O. Every rule family asks these
questions, so they are answered once, here."""

from __future__ import annotations

from typing import Iterable

from modelicense.knowledge import Knowledge, Licence
from modelicense.knowledge.expressions import licences
from modelicense.model import Artefact, FileKind, Repository, ResolvedDeclaration

Pair = tuple[Artefact, ResolvedDeclaration]

# Folders of licence texts: a licence there speaks for the folder above (model_licenses/ in FLUX).
LICENCE_FOLDERS = frozenset({"model_licenses", "licenses", "licences", "license", "licence"})

LICENCE_FIELDS = ("licence",)  # licence files proper: not NOTICE, not a use policy, not the REUSE library

# Folders whose weight files are test inputs or examples, not the model a repository ships.
_NOT_SHIPPED = frozenset({"test", "tests", "testing", "testdata", "test_data", "fixtures", "fixture", "__fixtures__",
                          "example", "examples", "sample", "samples", "docs", "doc"})


# --- folders and files ----------------------------------------------------------------------


def in_folder(path: str, folder: str) -> bool:
    """`path` lies in `folder` or below it ("" is the root)."""
    return not folder or path == folder or path.startswith(folder + "/")


def is_test_weight(path: str) -> bool:
    """A weight file in a tests/, fixtures/ or examples/ folder: a software repository's test input."""
    return any(part.lower() in _NOT_SHIPPED for part in path.split("/")[:-1])


def ships_weights(repository: Repository) -> bool:
    """Weight files (or LFS pointers standing in for them) are part of the repository."""
    return bool(repository.weight_files)


def has_code(repository: Repository) -> bool:
    """Source files or packaging metadata: something a code licence would cover."""
    return bool(repository.of_kind(FileKind.SOURCE, FileKind.PACKAGING))


def model_cards(repository: Repository) -> tuple[Artefact, ...]:
    return repository.of_kind(FileKind.MODEL_CARD)


# --- declarations -----------------------------------------------------------------------------


def structured(pairs: Iterable[Pair]) -> list[Pair]:
    """Only declarations made as metadata or licence texts, not prose that mentions licences."""
    return [(a, d) for a, d in pairs if d.declaration.confidence == "high"]


def is_licence_file(artefact: Artefact, item: ResolvedDeclaration) -> bool:
    """A licence text (LICENSE, LICENSE-MODEL, ...), not a NOTICE or a use policy: those are
    not licences and never count as one."""
    return artefact.kind is FileKind.LICENCE_FILE and item.declaration.field in LICENCE_FIELDS


def root_licences(repository: Repository) -> list[Pair]:
    """Licence files at the root that cover the whole repository."""
    return [
        (a, d)
        for a, d in repository.declarations("repo")
        if a.kind is FileKind.LICENCE_FILE and "/" not in a.path and d.declaration.field == "licence"
    ]


def licence_files(repository: Repository) -> tuple[Pair, ...]:
    """Every licence-file declaration of the repository (computed once per scan)."""
    return repository.memo("licence_files", lambda: tuple(
        (a, d) for a, d in repository.declarations() if is_licence_file(a, d)))


def licence_files_covering(repository: Repository, path: str) -> list[Pair]:
    """Licence files in the folder of `path` or any folder above it: a nested LICENSE covers only
    its own folder (vendored code under annotator/midas/ says nothing about the root)."""
    folder = path.rpartition("/")[0]
    return [(a, d) for a, d in licence_files(repository) if in_folder(folder, a.directory)]


def code_licence_covering(repository: Repository, source: Artefact) -> list[Pair]:
    """What the code in one source file is under, the most specific statement only: its own
    SPDX-License-Identifier; else the licence files (for the repository or its code) of the
    nearest folder at or above it that has any; else the root packaging metadata."""
    own = [(source, d) for d in source.declarations if d.declaration.scope == "code"]
    if own:
        return own
    files = [(a, d) for a, d in licence_files_covering(repository, source.path)
             if d.declaration.scope in ("repo", "code") and d.declaration.confidence == "high"]
    if files:
        nearest = max((a.directory for a, _ in files), key=len)  # all lie above the file: the longest is nearest
        return [(a, d) for a, d in files if a.directory == nearest]
    return [(a, d) for a, d in structured(repository.declarations("code"))
            if a.kind is FileKind.PACKAGING and "/" not in a.path]


# --- the weights and the model (WGT, DAT, USE) --------------------------------------------------


def weights_declarations(repository: Repository) -> list[Pair]:
    """What covers the weights, most specific first: weight-file metadata, then model cards and
    weight licence files (LICENSE-MODEL, model_licenses/), then — only when the repository ships
    weights and nothing more specific covers them — the root licence file."""
    return list(repository.memo("weights_declarations", lambda: tuple(_weights_declarations(repository))))


def _weights_declarations(repository: Repository) -> list[Pair]:
    specific = structured(repository.declarations("weights"))
    specific = [(a, d) for a, d in specific if d.declaration.field != "use-policy"]
    weight_meta = [(a, d) for a, d in specific if a.kind is FileKind.WEIGHTS]
    if weight_meta or specific:
        return weight_meta + [(a, d) for a, d in specific if a.kind is not FileKind.WEIGHTS]
    if ships_weights(repository):
        return root_licences(repository)
    return []


def model_declarations(repository: Repository, knowledge: Knowledge) -> list[Pair]:
    """What covers the model: weights_declarations, plus licence files anywhere whose licence is
    written for models (a Llama or DeepSeek licence text says what it covers by what it is, even in
    a repository that ships no weights). Use policies are left out: they are not licences."""
    # keyed by the knowledge base too: configuration overrides change which licences are models
    return list(repository.memo(("model_declarations", id(knowledge)),
                                lambda: tuple(_model_declarations(repository, knowledge))))


def _model_declarations(repository: Repository, knowledge: Knowledge) -> list[Pair]:
    found = weights_declarations(repository)
    seen = {(a.path, d.declaration.location) for a, d in found}
    for artefact, item in structured(licence_files(repository)):
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
    if folder.rpartition("/")[2].lower() in LICENCE_FOLDERS:
        folder = folder.rpartition("/")[0]
    prefix = f"{folder}/" if folder else ""
    return [w.path for w in repository.weight_files if w.path.startswith(prefix)]


def group_key(artefact: Artefact, licence: Licence) -> tuple[str, str]:
    """Declarations of one licence for one model are one finding (a card and a LICENSE-MODEL
    beside it saying the same). A model is a folder; sibling files in a folder of licence texts
    (model_licenses/LICENSE-SDXL, LICENSE-SVD) each speak for a different model."""
    in_licence_folder = artefact.directory.rpartition("/")[2].lower() in LICENCE_FOLDERS
    return licence.id, artefact.path if in_licence_folder else artefact.directory


# --- what a declaration is about (DEC) ---------------------------------------------------------


def explicit_subject(artefact: Artefact, item: ResolvedDeclaration) -> str | None:
    """Which artefact a structured declaration is explicitly about, or None when it is not
    explicit (a plain LICENSE covers the repository: its subject depends on what else is there)."""
    declaration = item.declaration
    if declaration.confidence != "high":
        return None
    if artefact.kind is FileKind.WEIGHTS or (artefact.kind is FileKind.MODEL_CARD and declaration.scope == "weights"):
        return "weights"
    if artefact.kind is FileKind.DATASET_CARD and declaration.scope == "data":
        return "data"
    if artefact.kind is FileKind.PACKAGING:
        return "code"
    if is_licence_file(artefact, item) and declaration.scope in ("weights", "data", "code"):
        return declaration.scope
    return None


def plain_licence_subject(repository: Repository) -> str | None:
    """What a plain LICENSE must be about: the code when there is code; the weights when the
    repository ships weights and no code (nothing else for it to cover). Otherwise (a card and
    a LICENSE only) it may be about the card's text itself: no judgement."""
    if has_code(repository):
        return "code"
    if ships_weights(repository):
        return "weights"
    return None


def scope_declarations(scope: str, repository: Repository, knowledge: Knowledge) -> list[Pair]:
    """The declarations covering one kind of artefact (`code`, `weights`, `data`), for allow-lists."""
    if scope == "weights":
        return weights_declarations(repository)
    found = [(a, d) for a, d in structured(repository.declarations(scope)) if d.declaration.field not in ("notice", "use-policy", "patents")]
    if scope == "code":
        # The root licence covers the code; a nested one only when it is a code licence (a model
        # licence in models/llama2/ is about those weights, not about code).
        found += [(a, d) for a, d in repository.declarations("repo") if is_licence_file(a, d) and (
            a.directory == "" or all(lic.kind in ("software", "public-domain") for lic in licences(d.resolution, knowledge)))]
    return found
