"""`modelicense show ID`: what the tool knows about a licence, dataset or model id, and from where.

An id may name several things (`gemma` is a licence and a model family): every match is shown.
Licences are found by id, alias, URL or free-text name ("CC BY-NC 4.0"); models also by the
family pattern they fall under. Pure: knowledge in, text or a JSON-ready dict out.
"""

from __future__ import annotations

import json
from dataclasses import fields
from typing import Any

from modelicense.knowledge import Dataset, Knowledge, Licence, Model

# Licence properties in the order a reader wants them, with how to say them.
_LICENCE_PROPERTIES = (
    ("kind", "kind"), ("copyleft", "copyleft"), ("attribution", "attribution"), ("share_alike", "share-alike"),
    ("non_commercial", "non-commercial"), ("no_derivatives", "no derivatives"), ("research_only", "research only"),
    ("use_restrictions", "use restrictions"), ("user_threshold", "user/revenue threshold"),
    ("naming", "naming or notice duty"), ("basis", "terms rest on"), ("osi", "OSI approved"),
    ("fsf_libre", "FSF libre"), ("osaid", "fits the Open Source AI Definition"),
)
_BASIS = {"copyright": "copyright", "contract": "contract (by using you agree)", "both": "copyright and contract",
          "none": "nothing (public domain)", "unknown": "unknown"}


def lookup(ident: str, knowledge: Knowledge) -> list[tuple[str, Licence | Dataset | Model, str]]:
    """(what, entry, how it matched) for every licence, dataset and model the id names."""
    found: list[tuple[str, Licence | Dataset | Model, str]] = []
    licence = knowledge.licence(ident)
    how = "id or alias"
    if licence is None:
        # free-text names ("CC BY-NC 4.0"): imported only when the id is not one
        from modelicense.resolve import Resolver

        resolution = Resolver(knowledge).resolve_id(ident)
        if len(resolution.keys) == 1:
            licence, how = knowledge.licence(resolution.keys[0]), f"name ({resolution.method})"
    if licence is not None:
        found.append(("licence", licence, how))
    dataset = knowledge.dataset(ident)
    if dataset is not None:
        found.append(("dataset", dataset, "id or alias"))
    model = knowledge.model(ident)
    if model is not None:
        exact = model.id.lower() == ident.strip().lower() or any(a.lower() == ident.strip().lower() for a in model.aliases)
        found.append(("model", model, "id or alias" if exact else "family pattern"))
    return found


def _yes_no(value: Any) -> str:
    if value is None:
        return "not known"
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def render_text(ident: str, found: list[tuple[str, Any, str]], knowledge: Knowledge) -> str:
    if not found:
        return f"modelicense knows nothing about {ident!r}.\n"
    blocks = []
    for what, entry, how in found:
        lines = [f"{what} {entry.id}" + (f" — {entry.name}" if isinstance(entry, Licence) else "")
                 + (f"  (matched by {how})" if how != "id or alias" else "")]
        if isinstance(entry, Licence):
            for name, label in _LICENCE_PROPERTIES:
                value = getattr(entry, name)
                shown = _BASIS.get(value, value) if name == "basis" else _yes_no(value)
                lines.append(f"  {label + ':':<38} {shown}")
            if entry.spdx:
                lines.append(f"  {'SPDX id:':<38} yes")
            if entry.aliases:
                lines.append(f"  {'also known as:':<38} {', '.join(entry.aliases[:8])}" + (" …" if len(entry.aliases) > 8 else ""))
        elif isinstance(entry, Dataset):
            lines.append(f"  {'licence:':<38} {_licence_summary(entry.licence, knowledge)}")
            for name in ("non_commercial", "research_only", "no_derivatives", "third_party_content", "web_crawl"):
                if getattr(entry, name):
                    lines.append(f"  {name.replace('_', ' ') + ':':<38} yes")
            if entry.provider_terms:
                lines.append(f"  {'made under provider terms:':<38} {_licence_summary(entry.provider_terms, knowledge)}")
            if entry.aliases:
                lines.append(f"  {'also known as:':<38} {', '.join(entry.aliases)}")
        else:
            lines.append(f"  {'licence:':<38} {_licence_summary(entry.licence, knowledge)}")
            if entry.duties:
                lines.append(f"  {'derivatives owe:':<38} {', '.join(entry.duties)}")
            if entry.patterns:
                lines.append(f"  {'family patterns:':<38} {', '.join(entry.patterns)}")
            if entry.aliases:
                lines.append(f"  {'also known as:':<38} {', '.join(entry.aliases)}")
        if entry.notes:
            lines.append(f"  {'notes:':<38} {entry.notes}")
        lines.append(f"  {'source:':<38} {entry.source}")
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks) + "\n"


def _licence_summary(ident: str | None, knowledge: Knowledge) -> str:
    if ident is None:
        return "none single (see notes)"
    licence = knowledge.licence(ident)
    return f"{licence.id} ({licence.name})" if licence else f"{ident} (not in the knowledge base)"


def render_json(ident: str, found: list[tuple[str, Any, str]]) -> str:
    """Explicit fields, versioned like the scan report."""
    items = []
    for what, entry, how in found:
        item: dict[str, Any] = {"type": what, "matched_by": how}
        for f in fields(entry):
            value = getattr(entry, f.name)
            item[f.name] = list(value) if isinstance(value, tuple) else value
        items.append(item)
    return json.dumps({"version": 1, "query": ident, "matches": items}, indent=2, ensure_ascii=False) + "\n"
