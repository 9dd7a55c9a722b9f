"""What known licences ask of their users in their own words (data/conditions.json): the
threshold with its number, the territory, the naming and notice wording. Read once, when the
inventory asks; a scan that never builds the inventory never reads the file."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from modelicense.knowledge.files import read_document
from modelicense.knowledge.kinds import BY_ID
from modelicense.knowledge.schema import KnowledgeError


@dataclass(frozen=True)
class Condition:
    licence: str
    kind: str  # a term kind (knowledge/kinds.py)
    wording: str
    values: tuple[str, ...]
    source: str


@lru_cache(maxsize=1)
def conditions() -> dict[str, tuple[Condition, ...]]:
    """Licence id -> its conditions, in file order."""
    found: dict[str, list[Condition]] = {}
    for raw in read_document("conditions.json").get("entries", []):
        licence, kind = raw.get("licence"), raw.get("kind")
        if not licence or kind not in BY_ID or not raw.get("wording") or not raw.get("source"):
            raise KnowledgeError(f"conditions.json: {licence or '?'}: needs `licence`, a `kind` from knowledge/kinds.py, "
                                 f"`wording` and a `source` (got kind {kind!r})")
        values = raw.get("values", [])
        if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
            raise KnowledgeError(f"conditions.json: {licence}: `values` must be a list of strings")
        found.setdefault(licence, []).append(Condition(licence, kind, raw["wording"], tuple(values), raw["source"]))
    return {licence: tuple(items) for licence, items in found.items()}


def conditions_of(licence_id: str) -> tuple[Condition, ...]:
    return conditions().get(licence_id, ())
