"""transformers' `config.json` (https://huggingface.co/docs/transformers/main_classes/configuration):
`_name_or_path` is where the model was loaded from before it was saved — for a fine-tune or a
quantisation, its base. Only a Hub id ("org/name") counts; a local path says nothing that can be
looked up. A `quantization_config` (GPTQ, AWQ, bitsandbytes) makes the relation `quantized`.

`config.json` is a common name outside ML, so a file that is not JSON, or not a model's
configuration, is passed over without a finding."""

from __future__ import annotations

import json

from modelicense.extract import jsondoc
from modelicense.extract.hub_ids import hub_model_id
from modelicense.extract.text import decode
from modelicense.model import Extraction, Reference

KEY = "_name_or_path"


def extract(relpath: str, data: bytes, size: int) -> Extraction:
    if KEY.encode() not in data:  # most config.json files are not a model's: skip parsing them
        return Extraction()
    try:
        doc = json.loads(decode(data)[0])
    except (ValueError, RecursionError):
        return Extraction()
    if not isinstance(doc, dict):
        return Extraction()
    ident = hub_model_id(doc.get(KEY))
    if ident is None:
        return Extraction()
    relation = "quantized" if isinstance(doc.get("quantization_config"), dict) else None
    reference = Reference("base_model", ident, jsondoc.locate(relpath, data, KEY), relation)
    return Extraction(references=(reference,), metadata=(("lineage", "transformers-config"),))
