"""The vocabulary of terms: the kinds of term a licence can state, each with the licence property
(in licences.json) that says a known licence has it, a label for messages, and the rules that
report it.

This is the one table every stage shares: the terms reader tags what it reads with these kinds,
the knowledge base's properties map onto them (licences by `licence_property`, known datasets by
`dataset_flag`, base models' duties by `duty`), the inventory lists them as effective terms, and
each rule picks the kinds it judges with `reported_by`. A kind added here is a kind everyone can
see; a rule that should judge it says so in `rules`.
"""

from __future__ import annotations

from typing import Any

from modelicense.fastclass import dataclass


@dataclass(frozen=True)
class TermKind:
    id: str
    label: str  # how a message names it: "non-commercial"
    licence_property: str | None  # the Licence attribute that says a known licence has it
    restricts_use: bool  # takes away the freedom to run the model for any purpose (freedom 0)
    rules: tuple[str, ...] = ()  # the rules that report it (a family prefix judges it in that family)
    dataset_flag: str | None = None  # the Dataset attribute that records it for a known dataset
    duty: str | None = None  # the base-model duty (models.json `duties`) that puts it on derivatives


# Which rule reports what: WGT002 restricted weights; DAT001 restricted data (use), DAT002 (no
# derivatives), DAT008 prose stricter than metadata; BAS001 terms a derivative must carry on;
# BAS004 terms of a model the code loads at run time that the code's licence does not carry;
# USE001/USE002 use restrictions and thresholds; WGT001 copyleft and share-alike on weights.
TERM_KINDS: tuple[TermKind, ...] = (
    TermKind("non-commercial", "non-commercial", "non_commercial", True,
             ("WGT002", "DAT001", "DAT008", "BAS001", "BAS004"), "non_commercial", "non-commercial"),
    TermKind("research-only", "research-only", "research_only", True,
             ("WGT002", "DAT001", "DAT008", "BAS001", "BAS004"), "research_only"),
    # Stated in prose only: a licence's research_only property reads as research-only.
    TermKind("academic-only", "academic-only", "research_only", True, ("DAT001", "DAT008")),
    TermKind("no-derivatives", "no-derivatives", "no_derivatives", False,
             ("WGT002", "DAT002", "DAT008", "BAS001"), "no_derivatives"),
    TermKind("permission-required", "permission required", None, True, ("DAT008",)),
    TermKind("use-restriction", "use restrictions", "use_restrictions", False,
             ("USE001", "BAS001", "BAS004")),
    TermKind("territory", "territory exclusion", None, False),
    TermKind("user-threshold", "monthly-user threshold", "user_threshold", False, ("USE002",)),
    TermKind("revenue-threshold", "revenue threshold", None, False),
    TermKind("registration", "registration or approval before commercial use", None, False),
    TermKind("output-restriction", "restrictions on using outputs to train other models", None, False),
    TermKind("naming", "naming duty", "naming", False),
    TermKind("notice", "notice or attribution duty", "attribution", False),
    TermKind("copyleft", "copyleft", None, False, ("WGT001",)),
    TermKind("share-alike", "share-alike", "share_alike", False, ("WGT001", "BAS001"), duty="same-licence"),
    TermKind("patent-termination", "termination on patent or other litigation", None, False),
)

BY_ID: dict[str, TermKind] = {kind.id: kind for kind in TERM_KINDS}


def reported_by(rule_id: str) -> tuple[TermKind, ...]:
    """The kinds a rule judges, in vocabulary order."""
    return tuple(kind for kind in TERM_KINDS if rule_id in kind.rules)


def by_property(among: tuple[TermKind, ...] = TERM_KINDS) -> tuple[TermKind, ...]:
    """The kinds (of `among`) a licence property stands for, one per property, the first in
    vocabulary order: research_only reads as research-only, never also as academic-only."""
    first: dict[str, TermKind] = {}
    for kind in among:
        if kind.licence_property:
            first.setdefault(kind.licence_property, kind)
    return tuple(first.values())


def licence_kinds(licence: Any, among: tuple[TermKind, ...] = TERM_KINDS) -> list[TermKind]:
    """The kinds (of `among`) a known licence has by its properties (see by_property)."""
    return [kind for kind in by_property(among) if getattr(licence, kind.licence_property or "", None)]


def dataset_kinds(dataset: Any, among: tuple[TermKind, ...] = TERM_KINDS) -> list[TermKind]:
    """The kinds (of `among`) a known dataset's own flags record."""
    return [kind for kind in among if kind.dataset_flag and getattr(dataset, kind.dataset_flag, False)]


def duty_kinds(duties: tuple[str, ...], among: tuple[TermKind, ...] = TERM_KINDS) -> list[TermKind]:
    """The kinds (of `among`) a base model's duties put on its derivatives."""
    return [kind for kind in among if kind.duty and kind.duty in duties]


def labels(kinds: list[TermKind]) -> str:
    """`non-commercial and research-only`: how a message lists kinds."""
    names = [kind.label for kind in kinds]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1] if names else ""
