"""How messages name things: files, weights, licences, data and who uses it.

Only wording lives here; what is true of the repository is decided in `inventory` and the rules."""

from __future__ import annotations

from modelicense.inventory.data import LocalData
from modelicense.inventory.model import CONDITIONAL, YES
from modelicense.inventory.verdicts import FORBID
from modelicense.knowledge import Knowledge, Licence
from modelicense.model import FileKind, Reference, Repository, Resolution, ResolvedDeclaration


def and_more(items: list[str], limit: int = 3, separator: str = ", ") -> str:
    """`a, b, c and 4 more`: the first `limit` items, and how many are left out."""
    shown = separator.join(items[:limit])
    return f"{shown} and {len(items) - limit} more" if len(items) > limit else shown


def describe_files(paths: list[str], none: str = "the model", limit: int = 3) -> str:
    """`a.safetensors, b.gguf and 4 more`, or `none` when there are no files."""
    return and_more(paths, limit) if paths else none


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


def names(resolution: Resolution) -> str:
    """A resolution as a message names it: its expression, its keys, or `?`."""
    return resolution.expression or ", ".join(resolution.keys) or "?"


# --- data (DAT) -------------------------------------------------------------------------------


def kinds_text(kinds: list[str]) -> str:
    """`non-commercial and no-derivatives`; research-only says what academic-only would."""
    if "research-only" in kinds and "academic-only" in kinds:
        kinds = [k for k in kinds if k != "academic-only"]
    return " and ".join(kinds)


def this_data(item: LocalData, from_prose: bool = True) -> str:
    """How a message names local data: the file the finding stands in says which; a card that
    lists several licences (one per part or source) has the restriction in part of its data."""
    if item.artefact.kind is FileKind.LICENCE_FILE:
        return f"the data under {item.artefact.path.rpartition('/')[2]}"
    return "part of this dataset" if not from_prose and len(item.metadata) > 1 else "this dataset"


def said(item: LocalData, evidence: str, from_prose: bool) -> str:
    """Where local data's restriction is stated: its prose, or (one of) its licences."""
    if from_prose:
        return f"its Licensing Information {evidence}"
    if evidence.startswith(("read from", "its license_name says")):  # terms read from its words (inventory.read_terms)
        return evidence
    return f"one of its licences is {evidence}" if len(item.metadata) > 1 else f"its licence is {evidence}"


def said_known(source: str) -> str:
    """Where a known dataset's restriction comes from: a licence id, or the entry's own flags."""
    return f"under {source}" if source != "its terms" else "by its terms"


def users_text(users: list[Reference]) -> str:
    """`, and the model card lists it as training data (README.md:4)` when a card does."""
    if not users:
        return ""
    where = ", ".join(f"{u.location.path}:{u.location.line}" for u in users[:3])
    return f", and the model card lists it as training data ({where})"


def commercial_note(repository: Repository, knowledge: Knowledge, kinds: list[str]) -> str:
    """What restricted data takes away from a model whose own licence allows commercial use (the
    inventory's answer for the weights' own licence: yes, or under conditions such as a threshold)."""
    if not any(kind in FORBID for kind in kinds):
        return ""
    # Once per scan, not per finding: every restricted dataset asks it.
    allowed = repository.memo(("own-licence-allows-commercial", id(knowledge)), lambda: _own_licence_allows(repository, knowledge))
    return f" (the model's own licence, {allowed}, allows commercial use, but this data does not)" if allowed else ""


def _own_licence_allows(repository: Repository, knowledge: Knowledge) -> str | None:
    """The weights' own licences, when each allows commercial use (or allows it under conditions)."""
    from modelicense.inventory.build import inventory_of  # noqa: PLC0415  (only for a restricted-data finding)

    weights = inventory_of(repository, knowledge).weights
    if not weights or any(w.own_commercial is None or w.own_commercial.answer not in (YES, CONDITIONAL) or not w.licence
                          for w in weights):
        return None
    return ", ".join(dict.fromkeys(w.licence for w in weights if w.licence))
