"""SPDX 3.0.1 JSON-LD of the scanned repositories, with the AI and Dataset profiles.

- the model is an `ai_AIPackage` (primary purpose `model`), each dataset a
  `dataset_DatasetPackage`, the code and runtime packages `software_Package`s;
- licences are `simplelicensing_LicenseExpression` elements: SPDX ids as they are, every other id
  (Hugging Face's `llama3`, `openrail++`) as `LicenseRef-<id>` with its URL in
  `simplelicensing_customIdToUri`; the repository's own declarations are `hasDeclaredLicense`
  relationships, what modelicense knows of a base model's or a dataset's licence
  `hasConcludedLicense`;
- `trainedOn` links the model to its training datasets, `testedOn` to the datasets its card's
  `model-index:` evaluates it on, `descendantOf` to its base models (the
  relation — fine-tune, adapter, merge, quantisation — in the relationship's comment), and
  `dependsOn` to its runtime packages;
- what the terms state (use restrictions, thresholds, territory, duties) is the element's
  `comment`: SPDX 3.0.1 has no property for licence terms.

Written as plain JSON (one graph, elements in a fixed order, ids derived from the content) rather
than through a binding library, so this format needs nothing installed; the tests read every
output back with spdx-python-model (the bindings SPDX generates from the 3.0.1 SHACL model), which
checks classes, property names, types, enumerations, required properties and that every
reference resolves. `created` is `SOURCE_DATE_EPOCH` when it is set, else the time of the run.
"""

from __future__ import annotations

import json
import re
import uuid
from dataclasses import asdict, replace
from collections.abc import Sequence
from typing import Any

from modelicense import __version__
from modelicense.report.bom_time import created
from modelicense.report.bom_view import BomView, Component, DeclaredLicence

CONTEXT = "https://spdx.org/rdf/3.0.1/spdx-context.jsonld"
PROFILES = ["core", "software", "simpleLicensing", "ai", "dataset"]
_CREATION = "_:creationinfo"
_OPERATORS = {"AND", "OR", "WITH"}
_TOKEN = re.compile(r"\(|\)|[^\s()]+")
_PURPOSE = {"pypi": "library", "conda": "library", "image": "container", "index": "platform"}


def _idstring(ident: str) -> str:
    """`LicenseRef-` ids allow letters, digits, `.` and `-` (SPDX 3.0.1 Annex D)."""
    return re.sub(r"[^A-Za-z0-9.-]+", "-", ident).strip("-") or "unknown"


class _Graph:
    def __init__(self, namespace: str):
        self.namespace = namespace
        self.elements: list[dict[str, Any]] = []
        self.ids: set[str] = set()
        self.relationships = 0

    def element(self, local: str, kind: str, **values: Any) -> str:
        spdx_id = f"{self.namespace}#{_idstring(local)}"
        base, n = spdx_id, 1
        while spdx_id in self.ids:
            n += 1
            spdx_id = f"{base}-{n}"
        self.ids.add(spdx_id)
        self.elements.append({"type": kind, "spdxId": spdx_id, "creationInfo": _CREATION,
                              **{k: v for k, v in values.items() if v not in (None, "", [])}})
        return spdx_id

    def relate(self, source: str, kind: str, targets: Sequence[str], comment: str = "") -> None:
        if not targets:
            return
        self.relationships += 1
        self.element(f"relationship-{self.relationships}", "Relationship", **{
            "from": source, "relationshipType": kind, "to": list(targets), "comment": comment})


def _expression(declared: DeclaredLicence) -> tuple[str, dict[str, str]]:
    """The SPDX expression of one declaration and the custom ids it uses, mapped to their URLs."""
    custom: dict[str, str] = {}
    urls = dict(zip(declared.ids, declared.urls))
    spdx_ids = {ident for ident, is_spdx in zip(declared.ids, declared.spdx) if is_spdx}
    if declared.expression is None:
        ref = f"LicenseRef-{_idstring(declared.raw[:60])}"
        custom[ref] = ""
        return ref, custom
    words = []
    for token in _TOKEN.findall(declared.expression):
        if token in ("(", ")") or token.upper() in _OPERATORS:
            words.append(token.upper() if token not in ("(", ")") else token)
        elif token in spdx_ids or token.startswith("LicenseRef-"):
            words.append(token)
        else:
            ref = f"LicenseRef-{_idstring(token)}"
            custom[ref] = urls.get(token, "")
            words.append(ref)
    return " ".join(words).replace("( ", "(").replace(" )", ")"), custom


def _licence(graph: _Graph, owner: str, declared: DeclaredLicence, relation: str) -> None:
    text, custom = _expression(declared)
    mapping = [{"type": "DictionaryEntry", "key": key, "value": value} for key, value in sorted(custom.items()) if value]
    licence = graph.element(f"{owner.rpartition('#')[2]}-licence-{text}", "simplelicensing_LicenseExpression", **{
        "simplelicensing_licenseExpression": text,
        "simplelicensing_customIdToUri": mapping,
        "comment": f"written {declared.raw!r} at {declared.where} ({declared.how})",
    })
    graph.relate(owner, relation, [licence])


def _comment(component: Component) -> str:
    parts = []
    if component.terms:
        parts.append("terms: " + "; ".join(f"{kind}: {value}" for kind, value in component.terms))
    parts += [f"{name}: {value}" for name, value in component.properties]
    return " | ".join(parts)[:4000]


def _package(graph: _Graph, component: Component) -> str:
    common: dict[str, Any] = {"name": component.name, "comment": _comment(component)}
    if component.url:
        common["software_homePage"] = component.url
    if component.role in ("model", "base-model", "runtime-model"):
        return graph.element(component.ref, "ai_AIPackage", **common, software_primaryPurpose="model")
    if component.role == "dataset":
        return graph.element(component.ref, "dataset_DatasetPackage", **common, software_primaryPurpose="data",
                             dataset_datasetType=["noAssertion"])  # the type of data is not read
    if component.role == "docs":
        return graph.element(component.ref, "software_Package", **common, software_primaryPurpose="documentation")
    if component.role == "runtime":
        purl = {"pypi": f"pkg:pypi/{component.name}", "conda": f"pkg:conda/{component.name}",
                "image": f"pkg:docker/{component.name}"}.get(component.ecosystem)
        return graph.element(component.ref, "software_Package", **common, software_packageUrl=purl,
                             software_primaryPurpose=_PURPOSE.get(component.ecosystem, "library"))
    return graph.element(component.ref, "software_Package", **common, software_primaryPurpose="source")


def _view(graph: _Graph, view: BomView, several: bool) -> list[str]:
    """Adds one repository's elements; returns its root elements (its models, else its code)."""
    made: dict[str, str] = {}
    for component in view.components:
        local = f"{view.name}/{component.ref}" if several else component.ref
        made[component.ref] = _package(graph, replace(component, ref=local))
        for item in component.licences:  # declared in the repository, or known to modelicense
            _licence(graph, made[component.ref], item,
                     "hasConcludedLicense" if item.where == "knowledge base" else "hasDeclaredLicense")
    models = view.role("model")
    runtime = [made[r.ref] for r in view.role("runtime")]
    for model in models:
        subject = made[model.ref]
        datasets = view.behind(model, "dataset")
        graph.relate(subject, "trainedOn", [made[d.ref] for d in datasets if d.relation == "trained-on"])
        graph.relate(subject, "testedOn", [made[d.ref] for d in datasets if d.relation == "evaluated-on"])
        for base in view.behind(model, "base-model"):
            graph.relate(subject, "descendantOf", [made[base.ref]], f"relation: {base.relation}" if base.relation else "")
        graph.relate(subject, "dependsOn", runtime)
    loaded = [made[m.ref] for m in view.role("runtime-model")]
    for holder in view.loaders() if loaded else ():
        graph.relate(made[holder.ref], "dependsOn", loaded, "loads it at run time")
    if models:
        return [made[m.ref] for m in models]
    return [made[c.ref] for c in view.role("code")]


def spdx_document(views: Sequence[BomView]) -> dict[str, Any]:
    names = "+".join(view.name for view in views) or "repository"
    basis = json.dumps([[asdict(c) for c in view.components] for view in views], sort_keys=True, default=str)
    digest = uuid.uuid5(uuid.NAMESPACE_URL, "https://github.com/modelicense/modelicense/spdx/" + basis)
    graph = _Graph(f"https://spdx.org/spdxdocs/modelicense/{_idstring(names)}-{digest}")
    agent = graph.element("modelicense", "SoftwareAgent", name="modelicense",
                          comment=f"modelicense {__version__}, a licence linter for ML repositories")
    roots: list[str] = []
    for view in views:
        roots += _view(graph, view, len(views) > 1)
    document = {"type": "SpdxDocument", "spdxId": f"{graph.namespace}#document", "creationInfo": _CREATION,
                "name": f"AI bill of materials of {names}", "profileConformance": PROFILES,
                "rootElement": roots or [agent], "element": [e["spdxId"] for e in graph.elements]}
    creation = {"type": "CreationInfo", "@id": _CREATION, "specVersion": "3.0.1", "created": created(),
                "createdBy": [agent], "comment": "made by reading the repository's files; nothing was run"}
    return {"@context": CONTEXT, "@graph": [creation, document, *graph.elements]}


def render(views: Sequence[BomView]) -> str:
    from modelicense.report import printable_tree

    return json.dumps(printable_tree(spdx_document(views)), indent=2, ensure_ascii=False) + "\n"
