"""The inventory in people's formats and as JSON: the short table the scan reports open with
(artefact | licence | effective terms | commercial use), and the full inventory that
`modelicense inventory` prints. Formatters only format: every answer comes from the Inventory.

`report.inventory_formats.INVENTORY_FORMATS` is the registry of `modelicense inventory --format`
(text, json, markdown here; cyclonedx and spdx3 beside it).
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Sequence
from typing import Any

from modelicense.inventory.model import Artefact, EffectiveTerm, Inventory, Openness, Verdict
from modelicense.model import Location
from modelicense.report import printable_tree


# The text table's line: the terminal's width, or this many characters when output is not a
# terminal (a CI log, a file); the artefact and licence columns are cut first, the terms column
# gets what is left, never less than _MIN_TERMS_WIDTH.
_LINE_WIDTH = 120
_NAME_WIDTH, _LICENCE_WIDTH, _MIN_TERMS_WIDTH = 48, 36, 24


# --- the short table ----------------------------------------------------------------------------


def _term_text(term: EffectiveTerm) -> str:
    if term.values and term.kind.endswith("threshold"):
        return f"above {term.values[0]}: own licence needed"
    return term.label


def terms_cell(artefact: Artefact) -> str:
    """Its effective terms in a few words, grouped by where they come from: its own, then
    `from base X: …`, `from data Y: …`; each kind once, thresholds with their number."""
    groups: dict[str, list[str]] = {}
    for term in artefact.terms:
        key = {"inherited": f"from base {term.source}: ", "imposed": f"from data {term.source}: "}.get(term.origin, "")
        said = _term_text(term)
        if said not in groups.setdefault(key, []):
            groups[key].append(said)
    return "; ".join(key + ", ".join(items) for key, items in groups.items()) or "—"


def _licence_cell(artefact: Artefact) -> str:
    if artefact.licence:
        return artefact.licence
    # Only licence prose names licences (a README without card metadata): what its section
    # names, marked as prose, the weakest evidence (it may name the code's licence too).
    prose = list(dict.fromkeys(d.expression for d in artefact.declared if d.expression and d.confidence == "prose"))
    if prose:
        return "prose: " + " AND ".join(prose)
    if artefact.declared:
        # Something is declared but nothing resolved it: say so, never "not declared".
        first = artefact.declared[0]
        return f"unrecognised: {first.location.path}"
    return "not declared" if artefact.kind in ("code", "weights", "docs") else "unknown"


def _name_cell(artefact: Artefact) -> str:
    if artefact.kind == "base-model":
        return f"base model {artefact.name}" + (f" ({artefact.relation})" if artefact.relation else "")
    if artefact.kind == "dataset":
        return f"dataset {artefact.name}" + (f" ({artefact.relation})" if artefact.relation else "")
    if artefact.kind == "runtime-model":
        return f"loaded model {artefact.name}"
    return artefact.name


def rows(inventory: Inventory) -> list[tuple[str, str, str, str]]:
    return [(_name_cell(a), _licence_cell(a), terms_cell(a), a.commercial.answer) for a in inventory.artefacts]


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[:width - 1] + "…"


def verdict_lines(title: str, verdict: Verdict, limit: int = 4) -> list[str]:
    """"Commercial use: conditional", then its conditions (or, for no / unknown, its reasons)."""
    lines = [f"{title}: {verdict.answer}"]
    items = verdict.conditions if verdict.answer == "conditional" else tuple(
        r.text + (f" ({_where(r.location)})" if r.location else "") for r in verdict.reasons)
    lines += [f"  - {item}" for item in items[:limit]]
    if len(items) > limit:
        lines.append(f"  - … and {len(items) - limit} more (`modelicense inventory` lists all)")
    return lines


def _where(location: Location) -> str:
    return str(location)


def _line_width() -> int:
    """The terminal's width (COLUMNS when set), at least 80; _LINE_WIDTH when it is not a terminal.
    What shutil.get_terminal_size does, without importing shutil (and the compression modules it
    tries) into every hook run that prints a table."""
    try:
        columns = int(os.environ.get("COLUMNS", ""))
    except ValueError:
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns
        except (AttributeError, ValueError, OSError):
            columns = _LINE_WIDTH
    return max(80, columns)


def text_table(inventory: Inventory, limit: int = 6) -> str:
    """The block the text report opens with: one line per artefact, cut to the line width (the
    name and licence columns first, the terms in what is left; `modelicense inventory` prints
    every term in full below the table)."""
    header = ("artefact", "licence", "effective terms", "commercial use")
    line = _line_width()
    # Never so narrow that a dataset id or "unrecognised: LICENSE" cannot be read: below 120
    # columns the terms column gives way first, and a narrow terminal's line runs over.
    name_width = min(_NAME_WIDTH, max(40, line * 2 // 5))
    licence_width = min(_LICENCE_WIDTH, max(24, line // 4))
    cells = [(_cut(n, name_width), _cut(lic, licence_width), t, c) for n, lic, t, c in rows(inventory)]
    fixed = [max(len(row[i]) for row in [header, *cells]) for i in (0, 1)]
    answer = max(len(row[3]) for row in [header, *cells])
    room = max(_MIN_TERMS_WIDTH, line - 2 - fixed[0] - 2 - fixed[1] - 2 - 2 - answer)
    table = [header] + [(n, lic, _cut(t, room), c) for n, lic, t, c in cells]
    widths = [max(len(row[i]) for row in table) for i in range(3)]
    lines = [f"Inventory of {inventory.root}:" if inventory.root not in (".", "") else "Inventory:"]
    for row in table:
        lines.append("  " + "  ".join(cell.ljust(widths[i]) for i, cell in enumerate(row[:3])) + "  " + row[3])
    lines += verdict_lines("Commercial use", inventory.commercial, limit)
    if inventory.is_model:
        lines += verdict_lines("Modified weights may be shared", inventory.redistribution, limit)
    if inventory.openness is not None and inventory.openness.osaid is not None:
        lines.append(_openness_line(inventory.openness))
    return "\n".join(lines)


def _openness_line(openness: Openness) -> str:
    osaid = "meets OSAID 1.0" if openness.osaid else (
        "fails OSAID 1.0 (" + ", ".join(c.name for c in openness.osaid_failures) + ")")
    mof = f"MOF class {openness.mof_class}" if openness.mof_class else "no MOF class"
    if openness.mof_conditional:
        mof += " (conditional: the final parameters are open, but class III components are missing)"
    return f"Openness: {osaid}; {mof}"


def summary_line(inventory: Inventory) -> str:
    """One line for a report with no findings: the answer, and where the table is."""
    return (f"Commercial use: {inventory.commercial.answer} ({len(inventory.artefacts)} artefact"
            f"{'s' if len(inventory.artefacts) != 1 else ''}; `modelicense inventory` shows them).")


# --- the full inventory -------------------------------------------------------------------------


def _full_text(inventory: Inventory) -> str:
    lines = [text_table(inventory, limit=50)]
    for artefact in inventory.artefacts:
        block = [f"{_name_cell(artefact)} [{artefact.kind}]"]
        loaded = artefact.kind == "runtime-model"
        if artefact.of and not loaded:
            block.append(f"  behind:      {artefact.of}")
        if artefact.paths:
            label = "loaded in:  " if loaded else "files:      "
            block.append(f"  {label} {', '.join(artefact.paths[:5])}" + (" …" if len(artefact.paths) > 5 else ""))
        if artefact.location:
            block.append(f"  named at:    {artefact.location}")
        for d in artefact.declared:
            block.append(f"  declared:    {d.expression or 'not recognised'} at {d.location} "
                         f"(written {d.raw!r}; found by {d.found_by}, {d.confidence})")
        if artefact.known_as:
            block.append(f"  known from:  {artefact.known_as}")
        for t in artefact.terms:
            block.append(f"  term:        {t.label} — {t.origin_text}: {t.evidence}")
        for duty in artefact.duties:
            block.append(f"  duty:        {duty.id} (to {duty.owed_to}): {duty.wording}")
        block += ["  " + line for line in verdict_lines("commercial use", artefact.commercial, limit=10)]
        lines.append("\n".join(block))
    if inventory.openness is not None:
        lines.append(_openness_text(inventory.openness))
    return "\n\n".join(lines)


def _openness_text(openness: Openness) -> str:
    lines = [_openness_line(openness)]
    for component in openness.osaid_components:
        mark = "yes" if component.passes else "no"
        lines.append(f"  OSAID {component.name}: {mark} — {component.evidence}")
    for cls, missing in openness.missing:
        if missing:
            lines.append(f"  MOF class {cls} misses: {', '.join(missing)}")
    return "\n".join(lines)


def render_text(inventories: Sequence[Inventory], options: Any = None) -> str:
    return "\n\n\n".join(_full_text(inv) for inv in inventories) + "\n"


def render_markdown(inventories: Sequence[Inventory], options: Any = None) -> str:
    lines = ["## modelicense inventory"]
    for inventory in inventories:
        lines += ["", *markdown_table(inventory, heading=f"### {_md(inventory.root)}" if len(inventories) > 1 else "")]
        for artefact in inventory.artefacts:
            if not (artefact.terms or artefact.duties):
                continue
            lines += ["", f"#### {_md(_name_cell(artefact))}", ""]
            lines += [f"- {_md(t.label)} — {_md(t.origin_text)}: {_md(t.evidence)}" for t in artefact.terms]
            lines += [f"- duty ({_md(d.id)}, to {_md(d.owed_to)}): {_md(d.wording)}" for d in artefact.duties]
    return "\n".join(lines) + "\n"


def _md(value: str) -> str:
    from modelicense.report.markdown import text

    return text(value)


def markdown_table(inventory: Inventory, heading: str = "") -> list[str]:
    """The table the Markdown report (and so the GitHub job summary) leads with."""
    lines = [heading, ""] if heading else []
    lines += ["| Artefact | Licence | Effective terms | Commercial use |", "|---|---|---|---|"]
    lines += [f"| {_md(n)} | {_md(lic)} | {_md(t)} | {c} |" for n, lic, t, c in rows(inventory)]
    lines.append("")
    lines += [_md(line) if not line.startswith("  - ") else "- " + _md(line[4:])
              for line in verdict_lines("**Commercial use**", inventory.commercial)]
    if inventory.openness is not None and inventory.openness.osaid is not None:
        lines += ["", _md(_openness_line(inventory.openness))]
    return [line.replace("\\*\\*Commercial use\\*\\*", "**Commercial use**") for line in lines]


# --- JSON ---------------------------------------------------------------------------------------


def _location(location: Location | None) -> dict[str, Any] | None:
    if location is None:
        return None
    return {"path": location.path, "line": location.line, "column": location.column}


def _verdict(verdict: Verdict) -> dict[str, Any]:
    return {"answer": verdict.answer, "conditions": list(verdict.conditions),
            "reasons": [{"text": r.text, "location": _location(r.location)} for r in verdict.reasons]}


def artefact_json(artefact: Artefact) -> dict[str, Any]:
    return {
        "kind": artefact.kind,
        "name": artefact.name,
        "paths": list(artefact.paths),
        "relation": artefact.relation,
        "of": artefact.of,
        "location": _location(artefact.location),
        "license": artefact.licence,
        "declared": [{"license": d.expression, "raw": d.raw, "location": _location(d.location), "field": d.field,
                      "found_by": d.found_by, "confidence": d.confidence} for d in artefact.declared],
        "terms": [{"kind": t.kind, "label": t.label, "origin": t.origin, "source": t.source, "evidence": t.evidence,
                   "values": list(t.values), "location": _location(t.location)} for t in artefact.terms],
        "duties": [{"id": d.id, "wording": d.wording, "owed_to": d.owed_to, "source": d.source}
                   for d in artefact.duties],
        "commercial_use": _verdict(artefact.commercial),
        # weights only: what their own licence answers, before what bases and data add
        "own_license_commercial_use": _verdict(artefact.own_commercial) if artefact.own_commercial else None,
        "known_from": artefact.known_as,
        "properties": {name: value for name, value in artefact.properties},
    }


def _openness_json(openness: Openness | None) -> dict[str, Any] | None:
    if openness is None:
        return None

    def component(c) -> dict[str, Any]:
        return {"id": c.id, "name": c.name, "present": c.present, "license": c.licence, "open": c.open,
                "passes": c.passes, "evidence": c.evidence}

    return {"osaid": {"meets": openness.osaid, "components": [component(c) for c in openness.osaid_components]},
            "mof": {"class": openness.mof_class, "conditional": openness.mof_conditional, "components": [component(c) for c in openness.mof_components],
                    "missing": {cls: list(names) for cls, names in openness.missing}}}


def inventory_json(inventory: Inventory) -> dict[str, Any]:
    return {
        "version": inventory.version,
        "root": inventory.root,
        "is_model": inventory.is_model,
        "artefacts": [artefact_json(a) for a in inventory.artefacts],
        "commercial_use": _verdict(inventory.commercial),
        "redistribution_of_modified_weights": _verdict(inventory.redistribution),
        "openness": _openness_json(inventory.openness),
    }


def render_json(inventories: Sequence[Inventory], options: Any = None) -> str:
    from modelicense.inventory.model import INVENTORY_VERSION

    data = {"version": INVENTORY_VERSION, "inventories": [inventory_json(i) for i in inventories]}
    return json.dumps(printable_tree(data), indent=2, ensure_ascii=False) + "\n"
