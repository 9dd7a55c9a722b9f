"""Questions several rule families ask of a repository: which declarations cover the weights,
what licences an expression names, whether a property holds for every choice it offers.
Pure functions over the Repository and the knowledge base; no I/O."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Iterable

from modelicense.knowledge import Knowledge, Licence
from modelicense.model import Artefact, FileKind, Location, Repository, Resolution, ResolvedDeclaration

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
    """The licence's id, with what the user wrote when that differs (`GPL-3.0-only ('gpl-3.0')`),
    or its name and id for a licence text."""
    raw = item.declaration.raw.strip()
    if item.declaration.is_text:  # a licence text: its name says more than an id
        return licence.id if licence.name in ("", licence.id) else f"{licence.name} ({licence.id})"
    if raw.lower() == "other":
        return f"{licence.id} (its license_name)"
    if raw == licence.id or len(raw) > 60 or "\n" in raw:
        return licence.id
    return f"{licence.id} ('{raw}')"


def group_key(artefact: Artefact, licence: Licence) -> tuple[str, str]:
    """Declarations of one licence for one model are one finding (a card and a LICENSE-MODEL
    beside it saying the same). A model is a folder; sibling files in a folder of licence texts
    (model_licenses/LICENSE-SDXL, LICENSE-SVD) each speak for a different model."""
    in_folder = artefact.directory.rpartition("/")[2].lower() in _LICENCE_FOLDERS
    return licence.id, artefact.path if in_folder else artefact.directory


def holds_declared(artefact: Artefact, item: ResolvedDeclaration, knowledge: Knowledge,
                   predicate: Callable[[Licence], bool]) -> list[Licence]:
    """`holds`, where `license: other` counts as the licence its card's `license_name` names
    when the knowledge base knows it (Hub cards write `other` + `license_name: tongyi-qianwen`)."""
    if item.resolution.ignorance == "other" and item.declaration.field in ("license", "licenses"):
        name = artefact.meta("license_name")
        named = knowledge.licence(knowledge.licence_id(name)) if name else None
        return [named] if named is not None and predicate(named) else []
    return holds(item.resolution, knowledge, predicate)


# Folders whose weight files are test inputs or examples, not the model a repository ships.
_NOT_SHIPPED = frozenset({"test", "tests", "testing", "testdata", "test_data", "fixtures", "fixture", "__fixtures__",
                          "example", "examples", "sample", "samples", "docs", "doc"})


def is_test_weight(path: str) -> bool:
    """A weight file in a tests/, fixtures/ or examples/ folder: a software repository's test input."""
    return any(part.lower() in _NOT_SHIPPED for part in path.split("/")[:-1])



@dataclass
class LicenceGroup:
    """Every declaration that puts one licence on one model: one finding, many locations."""

    licence: Licence
    label: str  # how the message names it
    locations: list[Location] = field(default_factory=list)
    folders: list[str] = field(default_factory=list)  # where the declaring files stand
    files: list[str] = field(default_factory=list)  # the weight files covered (none: the model)

    def hit(self, message: str, related: Iterable[Location] | None = None):
        """The group's finding: at its first declaration, the others related, about its licence."""
        from modelicense.rules import Hit  # the registry module; imported here to keep common.py a leaf

        extra = tuple(self.locations[1:]) if related is None else tuple(related)
        return Hit(message, self.locations[0], extra, subject=self.licence.id)


def model_licence_groups(repository: Repository, knowledge: Knowledge,
                         predicate: Callable[[Licence], bool]) -> list[LicenceGroup]:
    """The licences covering the model for which predicate holds, grouped per licence and model."""
    groups: dict[tuple[str, str], LicenceGroup] = {}
    for artefact, item in model_declarations(repository, knowledge):
        files = covered_weight_files(repository, artefact)
        if item.declaration.scope == "repo" and artefact.kind is FileKind.LICENCE_FILE:
            # A plain LICENSE speaks for the weights only through the weights it stands beside; a
            # software repository's test checkpoints (tests/data/tiny.pt) do not make it a model.
            files = [f for f in files if not is_test_weight(f)]
            if not files and not any(lic.kind == "model" for lic in licences(item.resolution, knowledge)):
                continue
        for licence in holds_declared(artefact, item, knowledge, predicate):
            group = groups.setdefault(group_key(artefact, licence), LicenceGroup(licence, licence_label(item, licence)))
            group.locations.append(item.declaration.location)
            group.folders.append(artefact.directory)
            group.files.extend(f for f in files if f not in group.files)
    return list(groups.values())


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
