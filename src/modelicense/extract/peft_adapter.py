"""PEFT adapters' `adapter_config.json` (https://huggingface.co/docs/peft/developer_guides/checkpoint):
`base_model_name_or_path` names the model the adapter is applied to. The adapter is useless
without it, so its terms bind whoever uses the adapter: a base model reference, relation `adapter`."""

from __future__ import annotations

from modelicense.extract import jsondoc
from modelicense.extract.hub_ids import hub_model_id
from modelicense.model import Extraction, Reference

KEY = "base_model_name_or_path"
RELATION = "adapter"


def extract(relpath: str, data: bytes, size: int) -> Extraction:
    doc, problem = jsondoc.load(relpath, data, "adapter configuration")
    if problem is not None:
        return Extraction(problems=(problem,))
    if not isinstance(doc, dict):
        return Extraction()
    metadata = [("lineage", "peft-adapter")]
    if isinstance(doc.get("peft_type"), str):
        metadata.append(("peft_type", doc["peft_type"]))
    ident = hub_model_id(doc.get(KEY), allow_bare=True)
    if ident is None:  # a local path (or nothing): the base cannot be looked up
        return Extraction(metadata=tuple(metadata))
    reference = Reference("base_model", ident, jsondoc.locate(relpath, data, KEY), RELATION)
    return Extraction(references=(reference,), metadata=tuple(metadata))
