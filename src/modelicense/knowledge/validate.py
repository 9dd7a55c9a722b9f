"""Building entries from raw JSON (shipped files and user configuration alike), so that a typo
in a property is an error naming the file and the entry, never a silent miss."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import fields
from functools import cache
from typing import Any

from modelicense.knowledge.schema import BASIS, COPYLEFT, DUTIES, KINDS, Dataset, KnowledgeError, Licence, Model


def override(cls, existing, ident: str, values: Mapping[str, Any], origin: str):
    """A user entry: `values` over `existing` (or a new entry), sourced to the configuration file."""
    values = {k.replace("-", "_"): v for k, v in values.items()}
    reason = str(values.pop("reason", "")).strip()
    unknown = sorted(set(values) - _field_names(cls))
    if unknown:
        raise KnowledgeError(f"{origin}: {ident}: unknown field(s) {', '.join(unknown)}")
    if existing is not None:
        base: dict[str, Any] = {f.name: getattr(existing, f.name) for f in fields(cls)}
    else:
        base = {"id": ident}
        if cls is Licence:
            base.update(name=ident, kind="proprietary")  # a licence the user adds: not OSI, until they say
        elif cls is Dataset:
            base["licence"] = None  # flags alone ("non-commercial = true") are worth knowing
    base.update(values)
    base["source"] = origin
    base["notes"] = f"Set in {origin}: {reason}" if reason else base.get("notes", "")
    return build(cls, base, origin)


_BOOLEAN_FIELDS = {
    Licence: ("spdx", "attribution", "share_alike", "non_commercial", "no_derivatives", "research_only",
              "use_restrictions", "user_threshold", "naming", "osi", "fsf_libre", "osaid"),
    Dataset: ("non_commercial", "research_only", "no_derivatives", "third_party_content", "web_crawl"),
}


@cache
def _field_names(cls) -> frozenset[str]:
    return frozenset(f.name for f in fields(cls))


def build(cls, raw: Mapping[str, Any], origin: str):
    """A Licence, Dataset or Model from its raw entry, checked against the vocabulary."""
    valid = _field_names(cls)
    unknown = sorted(set(raw) - valid - {"$comment"})
    ident = raw.get("id", "?")
    if unknown:
        raise KnowledgeError(f"{origin}: {ident}: unknown field(s) {', '.join(unknown)}")
    values = {k: (tuple(v) if isinstance(v, list) else v) for k, v in raw.items() if k in valid}
    try:
        entry = cls(**values)
    except TypeError as exc:
        raise KnowledgeError(f"{origin}: {ident}: {exc}") from None
    for name in _BOOLEAN_FIELDS.get(cls, ()):
        value = getattr(entry, name)
        if value is not None and not isinstance(value, bool):
            raise KnowledgeError(f"{origin}: {ident}: {name} must be true or false, not {value!r}")
    if isinstance(entry, Licence):
        if entry.kind not in KINDS:
            raise KnowledgeError(f"{origin}: {ident}: kind {entry.kind!r} is not one of {KINDS}")
        if entry.copyleft not in COPYLEFT:
            raise KnowledgeError(f"{origin}: {ident}: copyleft {entry.copyleft!r} is not one of {COPYLEFT}")
        if entry.basis not in BASIS:
            raise KnowledgeError(f"{origin}: {ident}: basis {entry.basis!r} is not one of {BASIS}")
    if isinstance(entry, Model):
        unknown_duties = sorted(set(entry.duties) - set(DUTIES))
        if unknown_duties:
            raise KnowledgeError(f"{origin}: {ident}: duties {unknown_duties} are not in {DUTIES}")
    if not entry.source:
        raise KnowledgeError(f"{origin}: {ident}: no source")
    return entry
