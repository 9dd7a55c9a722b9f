"""mergekit configurations (`mergekit_config.yml`, which mergekit writes beside a merged model;
https://github.com/arcee-ai/mergekit#merge-configuration): every model named under `models:`,
under `slices: - sources:`, and the `base_model:` is a base of the merge, relation `merge`. A
merge's weights are made of all of them, so every base's terms bind it.

Read with PyYAML's safe composer, as card front matter is (extract/frontmatter.py): nothing is
constructed, nesting is checked first, and the walk visits a bounded number of nodes."""

from __future__ import annotations

import yaml

from modelicense.extract import frontmatter
from modelicense.extract.hub_ids import hub_model_id
from modelicense.extract.text import decode
from modelicense.model import Extraction, Location, Problem, Reference

RELATION = "merge"
MAX_NODES = 10_000  # a real configuration has tens; aliases can make a walk revisit nodes


def extract(relpath: str, data: bytes, size: int) -> Extraction:
    text, _note = decode(data)
    try:
        root = frontmatter.compose(text)
    except frontmatter.FrontMatterError as exc:
        return Extraction(problems=(Problem("malformed", f"merge configuration is {exc.message}",
                                            Location(relpath, exc.line, exc.column)),))
    top = _mapping(root)
    if "merge_method" not in top:  # not a mergekit configuration
        return Extraction()
    found: list[yaml.ScalarNode] = []
    budget = [MAX_NODES]
    for model in _items(top.get("models"), budget):
        found.extend(_model_names(model, budget))
    for piece in _items(top.get("slices"), budget):
        for source in _items(_mapping(piece).get("sources"), budget):
            found.extend(_model_names(source, budget))
    if isinstance(top.get("base_model"), yaml.ScalarNode):
        found.append(top["base_model"])
    references: list[Reference] = []
    seen: set[str] = set()
    for node in found:
        # "org/model+org/lora": a LoRA applied to a model before merging; both are bases.
        for part in str(node.value).split("+"):
            ident = hub_model_id(part, allow_bare=True)
            if ident is None or ident.lower() in seen:
                continue
            seen.add(ident.lower())
            where = Location(relpath, node.start_mark.line + 1, node.start_mark.column + 1)
            references.append(Reference("base_model", ident, where, RELATION))
    method = top["merge_method"].value if isinstance(top["merge_method"], yaml.ScalarNode) else ""
    return Extraction(references=tuple(references), metadata=(("lineage", "mergekit"), ("merge_method", str(method))))


def _mapping(node: yaml.Node | None) -> dict[str, yaml.Node]:
    if not isinstance(node, yaml.MappingNode):
        return {}
    return {key.value: value for key, value in node.value if isinstance(key, yaml.ScalarNode)}


def _items(node: yaml.Node | None, budget: list[int]) -> list[yaml.Node]:
    if not isinstance(node, yaml.SequenceNode):
        return []
    budget[0] -= len(node.value)
    return node.value if budget[0] > 0 else []


def _model_names(item: yaml.Node, budget: list[int]) -> list[yaml.ScalarNode]:
    """`- model: org/name` (or `model: {model: org/name}` / `{path: ...}` in newer mergekit)."""
    model = _mapping(item).get("model")
    budget[0] -= 1
    if isinstance(model, yaml.ScalarNode):
        return [model]
    nested = _mapping(model)
    return [node for key in ("model", "path") if isinstance(node := nested.get(key), yaml.ScalarNode)]
