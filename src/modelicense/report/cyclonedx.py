"""CycloneDX 1.6 ML-BOM (JSON) of the scanned repositories, built with cyclonedx-python-lib.

- the model: a `machine-learning-model` component, its declared licences (`acknowledgement:
  declared`), its base models in `pedigree.ancestors` (their licences as modelicense knows them:
  `acknowledgement: concluded`), its training datasets in `modelCard.modelParameters.datasets`
  and among what it depends on;
- the datasets it was evaluated on (a card's `model-index:`): `data` components with the
  properties `modelicense:relation` `evaluated-on` and `modelicense:evaluates` (the model's
  bom-ref). CycloneDX 1.6 has no field that tells evaluation data from training data
  (`modelParameters.datasets` is "used to train and evaluate the model", its references carry
  only `ref`, and `quantitativeAnalysis` has no dataset reference), so they stay out of that
  list, where consumers read training data, and out of the dependencies: a model does not need
  the data it was tested on;
- each dataset: a `data` component; the code: a `library`; runtime packages: `library` (PyPI,
  conda, with a purl), `container` (base images) and `platform` (package indexes) components the
  model depends on;
- SPDX ids go in `license.id`, and every other id (Hugging Face's `llama3`, `openrail++`) in
  `license.name`; a compound expression of SPDX ids alone is an `expression`; what the terms
  state (use restrictions, thresholds with their numbers, territory, naming duties) and where each
  licence was declared go in `properties` under the `modelicense:` namespace.

cyclonedx-python-lib 11 has no model for `modelCard` or a component's `data`, so the library
writes the document and `modelCard` is added to its JSON; tests validate every output against the
1.6 schema with the library's own validator. The serial number is derived from the content (the
same repository gives the same BOM), and the timestamp is `SOURCE_DATE_EPOCH` when it is set
(reproducible builds' convention), else the time of the run.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Sequence
from typing import Any

from modelicense import __version__
from modelicense.report.bom_view import BomView, Component, DeclaredLicence
from modelicense.report.bom_time import created

INSTALL_HINT = "pip install 'modelicense[bom]'"
PREFIX = "modelicense:"
EVALUATED_ON = "evaluated-on"  # a dataset's relation when only a model-index names it (inventory)


class MissingLibrary(RuntimeError):
    """cyclonedx-python-lib is not installed (the CLI says so, with the install hint, exit 2)."""


def _library():
    try:
        from cyclonedx import model as cdx_model
        from cyclonedx.model import bom, component
        from cyclonedx.model import license as licence_model
        from cyclonedx.output.json import JsonV1Dot6
    except ImportError:
        raise MissingLibrary(f"the cyclonedx format needs cyclonedx-python-lib, which is not installed: {INSTALL_HINT}") from None
    return cdx_model, bom, component, licence_model, JsonV1Dot6


def _licences(declared: Sequence[DeclaredLicence], acknowledgement: str, lib) -> tuple[list, list[tuple[str, str]]]:
    """The license entries of a component, and the properties that keep what the entries cannot
    (each declaration's expression and place)."""
    from cyclonedx.spdx import is_supported_id

    _cdx, _bom, _component, licence_model, _json = lib
    ack = licence_model.LicenseAcknowledgement(acknowledgement)
    properties = [(f"{PREFIX}declared", f"{d.expression or d.raw} ({d.where}; {d.how})") for d in declared]
    if len(declared) == 1 and len(declared[0].ids) > 1 and all(is_supported_id(i) for i in declared[0].ids) \
            and declared[0].expression:
        return [licence_model.LicenseExpression(declared[0].expression, acknowledgement=ack)], properties
    entries: dict[str, Any] = {}
    for item in declared:
        if not item.ids:
            key = item.raw.strip()[:100] or "unknown"
            entries.setdefault(f"name:{key}", licence_model.DisjunctiveLicense(name=key, acknowledgement=ack))
        for ident, url in zip(item.ids, item.urls + ("",) * len(item.ids)):
            if is_supported_id(ident):
                entries.setdefault(f"id:{ident}", licence_model.DisjunctiveLicense(id=ident, acknowledgement=ack))
            else:  # a Hugging Face or knowledge-base id SPDX lacks
                entries.setdefault(f"name:{ident}", licence_model.DisjunctiveLicense(
                    name=ident, url=_xs_uri(url), acknowledgement=ack))
    return list(entries.values()), properties


def _xs_uri(url: str):
    if not url:
        return None
    from cyclonedx.model import XsUri

    return XsUri(url)


def _purl(component: Component):
    try:
        from packageurl import PackageURL
    except ImportError:  # pragma: no cover - a dependency of cyclonedx-python-lib
        return None
    if component.ecosystem == "pypi":
        return PackageURL(type="pypi", name=component.name)
    if component.ecosystem == "conda":
        return PackageURL(type="conda", name=component.name)
    if component.ecosystem == "image":
        namespace, _slash, name = component.name.rpartition("/")
        return PackageURL(type="docker", namespace=namespace or None, name=name)
    return None


_TYPES = {"model": "machine-learning-model", "base-model": "machine-learning-model",
          "runtime-model": "machine-learning-model", "dataset": "data", "code": "library", "docs": "file"}
_RUNTIME_TYPES = {"pypi": "library", "conda": "library", "image": "container", "index": "platform"}


KNOWN = "knowledge base"  # DeclaredLicence.where of a licence modelicense knows, not one the repository declares


def _component(item: Component, ref: str, lib, ancestors: Sequence = (), extra: Sequence[tuple[str, str]] = ()):
    cdx, _bom, component, _licence_model, _json = lib
    kind = _TYPES.get(item.role) or _RUNTIME_TYPES.get(item.ecosystem, "library" if item.role == "runtime" else "file")
    declared = [d for d in item.licences if d.where != KNOWN]
    licences, properties = _licences(declared, "declared", lib)
    if not declared:
        licences, properties = _licences([d for d in item.licences if d.where == KNOWN], "concluded", lib)
    properties += [(f"{PREFIX}role", item.role)]
    if item.relation:
        properties.append((f"{PREFIX}relation", item.relation))
    properties += [(f"{PREFIX}term:{kind_id}", value) for kind_id, value in item.terms]
    properties += [(f"{PREFIX}{name}", value) for name, value in item.properties]
    properties += [(f"{PREFIX}{name}", value) for name, value in extra]
    if item.role == "runtime" and not licences:
        stated = dict(item.properties).get("licence-as-stated")
        if stated:
            from cyclonedx.model.license import DisjunctiveLicense, LicenseAcknowledgement

            licences = [DisjunctiveLicense(name=stated[:200], acknowledgement=LicenseAcknowledgement.CONCLUDED)]
    external = []
    if item.url:
        external.append(cdx.ExternalReference(type=cdx.ExternalReferenceType.WEBSITE, url=cdx.XsUri(item.url)))
    return component.Component(
        name=item.name,
        type=component.ComponentType(kind),
        bom_ref=ref,
        licenses=licences,
        properties=[cdx.Property(name=name, value=value) for name, value in properties],
        external_references=external,
        purl=_purl(item) if item.role == "runtime" else None,
        pedigree=component.Pedigree(ancestors=ancestors) if ancestors else None,
    )


def _bom_dict(views: Sequence[BomView]) -> dict[str, Any]:
    lib = _library()
    _cdx, bom_module, component_module, _licence_model, JsonV1Dot6 = lib
    document = bom_module.Bom()
    several = len(views) > 1
    cards: dict[str, list[str]] = {}
    for view in views:
        def ref(item: Component) -> str:
            return f"{view.name}/{item.ref}" if several else item.ref

        models = view.role("model")
        model_refs = {m.ref for m in models}
        made = {}
        for item in view.components:
            if item.role == "base-model" and item.of in model_refs:
                continue  # in its model's pedigree
            ancestors = [_component(b, ref(b), lib) for b in view.behind(item, "base-model")] if item.role == "model" else []
            evaluates = [("evaluates", ref(model)) for model in models
                         if item.role == "dataset" and item.relation == EVALUATED_ON and item.of == model.ref]
            made[item.ref] = _component(item, ref(item), lib, ancestors, evaluates)
            document.components.add(made[item.ref])
        runtime = [made[r.ref] for r in view.role("runtime")]
        for model in models:
            datasets = [d for d in view.behind(model, "dataset") if d.relation != EVALUATED_ON]
            cards[ref(model)] = [ref(d) for d in datasets if d.relation == "trained-on"]
            if runtime or datasets:
                document.register_dependency(made[model.ref], [*(made[d.ref] for d in datasets), *runtime])
        loaded = [made[m.ref] for m in view.role("runtime-model")]
        for holder in view.loaders() if loaded else ():
            document.register_dependency(made[holder.ref], loaded)
    document.metadata.tools.components.add(component_module.Component(
        name="modelicense", version=__version__, type=component_module.ComponentType.APPLICATION))
    data = json.loads(JsonV1Dot6(document).output_as_string())
    for entry in data.get("components", []):
        trained = cards.get(entry.get("bom-ref"))
        if trained:  # the library has no model for modelCard (cyclonedx-python-lib 11)
            entry["modelCard"] = {"modelParameters": {"datasets": [{"ref": r} for r in trained]}}
    return data


def bom_document(views: Sequence[BomView]) -> dict[str, Any]:
    """The BOM as a JSON object: serial number from the content, timestamp as `created()` says."""
    data = _bom_dict(views)
    data.pop("serialNumber", None)
    metadata = data.setdefault("metadata", {})
    metadata.pop("timestamp", None)
    basis = json.dumps(data, sort_keys=True, ensure_ascii=False)
    serial = uuid.uuid5(uuid.NAMESPACE_URL, "https://github.com/modelicense/modelicense/bom/" + basis)
    metadata["timestamp"] = created()
    ordered = {"$schema": data.pop("$schema"), "bomFormat": data.pop("bomFormat"), "specVersion": data.pop("specVersion"),
               "serialNumber": serial.urn, "version": data.pop("version", 1), "metadata": data.pop("metadata")}
    ordered.update(data)
    return ordered


def render(views: Sequence[BomView]) -> str:
    from modelicense.report import printable_tree

    return json.dumps(printable_tree(bom_document(views)), indent=2, ensure_ascii=False) + "\n"
