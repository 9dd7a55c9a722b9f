"""Machine output, versioned, built from explicit fields (never a dump of internal objects)."""

from __future__ import annotations

import json
from typing import Any, Sequence

from modelicense import __version__
from modelicense.model import Artefact, Finding, Location, ResolvedDeclaration, ScanResult, Term
from modelicense.report import ReportOptions, counts, display_path, printable_tree, silenced

SCHEMA_VERSION = 1


def location_fields(location: Location) -> dict[str, Any]:
    return {"path": location.path, "line": location.line, "column": location.column}


def finding_dict(finding: Finding, several: bool) -> dict[str, Any]:
    return {
        "rule": finding.rule,
        "severity": finding.severity.value,
        "message": finding.message,
        "path": display_path(finding.root, finding.location.path, several),
        "line": finding.location.line,
        "column": finding.location.column,
        "related": [
            {**location_fields(r), "path": display_path(finding.root, r.path, several)} for r in finding.related
        ],
        "fingerprint": finding.fingerprint,
    }


# A card's `license:` is completed by these keys (`other` stands for the licence they name).
CARD_LICENCE_DETAILS = ("license_name", "license_link", "license_details")


def _card_details(artefact: Artefact, item: ResolvedDeclaration) -> dict[str, Any]:
    """license_name, license_link and license_details on the card declarations they belong to
    (its `license` / `licenses` values); nothing on other declarations."""
    if (artefact.kind.value not in ("model-card", "dataset-card") or item.declaration.confidence != "high"
            or item.declaration.field not in ("license", "licenses")):
        return {}
    return {key: artefact.meta(key) for key in CARD_LICENCE_DETAILS}


def artefact_dict(artefact: Artefact, root: str, several: bool) -> dict[str, Any]:
    from modelicense.terms import terms_of  # the terms reader, only for this format

    return {
        "path": display_path(root, artefact.path, several),
        "kind": artefact.kind.value,
        "scopes": sorted({d.declaration.scope for d in artefact.declarations}),
        "lfs_pointer": artefact.lfs_pointer,
        "declarations": [
            {
                "raw": d.declaration.raw if not d.declaration.is_text else _first_line(d.declaration.raw),
                "is_text": d.declaration.is_text,
                "field": d.declaration.field,
                "scope": d.declaration.scope,
                "confidence": d.declaration.confidence,
                "license": d.resolution.expression,
                "license_ids": list(d.resolution.keys),
                # The spelling of 0.1, kept while the version is 1 (removed in version 2).
                "licence": d.resolution.expression,
                "licence_ids": list(d.resolution.keys),
                "recognised": d.resolution.recognised,
                "unrecognised": list(d.resolution.unrecognised),
                "method": d.resolution.method,
                "coverage": d.resolution.coverage,
                "match_confidence": d.resolution.confidence,  # exact, whole-text, partial, title, none
                "certain": d.resolution.certain,
                "line": d.declaration.location.line,
                "column": d.declaration.location.column,
                **_card_details(artefact, d),
                "terms": [term_dict(t, root, several) for t in d.terms or terms_of(d.declaration)],
            }
            for d in artefact.declarations
        ],
        "references": [
            {"kind": r.kind, "id": r.id, "relation": r.relation, "line": r.location.line, "column": r.location.column}
            for r in artefact.references
        ],
    }


def term_dict(term: Term, root: str, several: bool) -> dict[str, Any]:
    """A term read from a declaration's words (modelicense.terms), with its evidence."""
    from modelicense.terms import label, restrictive

    return {"id": term.kind, "label": label(term.kind), "restrictive": bool(restrictive((term,))),
            "quote": term.quote, "values": list(term.values), "pattern": term.pattern,
            **location_fields(term.location), "path": display_path(root, term.location.path, several)}


def _first_line(text: str) -> str:
    return next((line.strip() for line in text.splitlines() if line.strip()), "")[:200]


def build(results: Sequence[ScanResult]) -> dict[str, Any]:
    several = len(results) > 1
    findings = [finding_dict(f, several) for r in results for f in r.findings]
    artefacts = [
        artefact_dict(a, r.root, several)
        for r in results
        for a in r.repository.artefacts
        if a.declarations or a.references or a.kind.value in ("weights", "model-card", "dataset-card")
    ]
    tally = counts(results)
    hidden = silenced.total_counts(results)
    return {
        "version": SCHEMA_VERSION,
        "tool": {"name": "modelicense", "version": __version__},
        "roots": [r.root for r in results],
        "findings": findings,
        "artefacts": artefacts,
        # Per root: artefacts, licences, effective terms, duties, commercial use, openness (versioned).
        "inventory": _inventory(results),
        # What configuration, baseline and inline comments turned off, per root (report.silenced).
        "silenced": [{"root": r.root, **silenced.as_json(r.silenced)} for r in results],
        # Files whose name said licence (or card) and whose content did not, with the reason.
        "skipped": [{"path": display_path(r.root, path, several), "reason": reason}
                    for r in results for path, reason in r.repository.skipped],
        "summary": {"findings": len(findings), **tally, "artefacts": len(artefacts),
                    "hidden": silenced.hidden_count(results), "silenced": hidden},
    }


def _inventory(results: Sequence[ScanResult]) -> dict[str, Any]:
    from modelicense.inventory.model import INVENTORY_VERSION
    from modelicense.report.inventory import inventory_json

    return {"version": INVENTORY_VERSION,
            "roots": [inventory_json(r.inventory) for r in results if r.inventory is not None]}


def render(results: Sequence[ScanResult], options: ReportOptions) -> str:
    return json.dumps(printable_tree(build(results)), indent=2, ensure_ascii=False, sort_keys=False) + "\n"
