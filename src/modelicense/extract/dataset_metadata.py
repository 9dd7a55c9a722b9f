"""Dataset metadata files: Croissant JSON-LD (https://mlcommons.org/croissant/), Frictionless
datapackage.json, and Hugging Face dataset_infos.json. Their licence values cover data."""

from __future__ import annotations

import json


from modelicense.extract.text import decode
from modelicense.model import Declaration, Extraction, Location, Problem


def extract(relpath: str, data: bytes, size: int) -> Extraction:
    text, _note = decode(data)
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        return Extraction(problems=(Problem("malformed", f"dataset metadata is not valid JSON: {exc.msg}", Location(relpath, exc.lineno, exc.colno)),))
    except RecursionError:  # json raises it for arrays or objects nested too deeply
        return Extraction(problems=(Problem("malformed", "dataset metadata nests too deeply to be read", Location(relpath)),))
    values: list[tuple[str, str]] = []
    if isinstance(doc, dict):
        # Croissant / schema.org: "license": "https://..." or ["..."]; datapackage: "licenses": [{"name"|"path"}]
        for key in ("license", "sc:license", "licenses"):
            values.extend((key, v) for v in _strings(doc.get(key)))
        # dataset_infos.json: {"config": {"license": "..."}}
        for config in doc.values():
            if isinstance(config, dict) and "features" in config:
                values.extend(("license", v) for v in _strings(config.get("license")))
    declarations = []
    seen: set[str] = set()
    for key, value in values:
        if value in seen:
            continue
        seen.add(value)
        line, column = _locate(text, value)
        declarations.append(Declaration(value, "data", Location(relpath, line, column), key))
    return Extraction(declarations=tuple(declarations))


def _strings(value: object, depth: int = 0) -> list[str]:
    if isinstance(value, str):
        return [value.strip()] if value.strip() else []
    if isinstance(value, list) and depth < 3:  # deeper lists are not licence lists; never recurse far
        return [s for item in value[:100] for s in _strings(item, depth + 1)]
    if isinstance(value, dict):
        for key in ("name", "@id", "url", "path", "title"):
            if isinstance(value.get(key), str) and value[key].strip():
                return [value[key].strip()]
    return []


def _locate(text: str, value: str) -> tuple[int | None, int | None]:
    index = text.find(json.dumps(value)[1:-1])
    if index < 0:
        return None, None
    return text.count("\n", 0, index) + 1, index - (text.rfind("\n", 0, index) + 1) + 1


