"""The vocabulary of terms: the kinds of term a licence can state, each with the licence property
(in licences.json) that says a known licence has it, and a label for messages.

This is the one table every stage shares: the terms reader tags what it reads with these kinds,
the knowledge base's properties map onto them, the inventory lists them as effective terms, and
each rule family picks the kinds it judges. A kind added here is a kind everyone can see.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class TermKind:
    id: str
    label: str  # how a message names it: "non-commercial"
    licence_property: str | None  # the Licence attribute that says a known licence has it
    restricts_use: bool  # takes away the freedom to run the model for any purpose (freedom 0)


TERM_KINDS: tuple[TermKind, ...] = (
    TermKind("non-commercial", "non-commercial", "non_commercial", True),
    TermKind("research-only", "research-only", "research_only", True),
    TermKind("academic-only", "academic-only", "research_only", True),
    TermKind("no-derivatives", "no-derivatives", "no_derivatives", False),
    TermKind("permission-required", "permission required", None, True),
    TermKind("use-restriction", "use restrictions (acceptable-use or field-of-use)", "use_restrictions", False),
    TermKind("territory", "territory exclusion", None, False),
    TermKind("user-threshold", "monthly-user threshold", "user_threshold", False),
    TermKind("revenue-threshold", "revenue threshold", None, False),
    TermKind("registration", "registration or approval before commercial use", None, False),
    TermKind("output-restriction", "restrictions on using outputs to train other models", None, False),
    TermKind("naming", "naming duty", "naming", False),
    TermKind("notice", "notice or attribution duty", "attribution", False),
    TermKind("copyleft", "copyleft", None, False),
    TermKind("share-alike", "share-alike", "share_alike", False),
    TermKind("patent-termination", "termination on patent or other litigation", None, False),
)

BY_ID: dict[str, TermKind] = {kind.id: kind for kind in TERM_KINDS}
