"""`model-index:` of a Hugging Face model card: the datasets the model was evaluated on.

The Hub's card spec (hub-docs modelcard.md) writes evaluation results as
`model-index: - name: … results: - task: {type} dataset: {type: <hub id>, name, config, split}
metrics: - {type, value}`. huggingface_hub reads it with `repocard_data.model_index_to_eval_results`,
whose key lookups decide what a card may hold: every model needs `name` and `results`, every
result `task.type`, `dataset.type`, `dataset.name` and `metrics` (each with `type` and `value`), a
`source` must be a mapping with a `url` when it has a `name`, and the last model's `name` may not
be null once there are results. When one lookup fails the client refuses the whole card
(`ValueError: Invalid model_index …`; with `ignore_metadata_errors` it keeps the card and drops
every result). This reader does the same: a model-index the client cannot read is one issue,
where it fails, and gives no datasets; an empty or null one is nothing, as for the client, and a
result with an empty `metrics:` list names no dataset (the client makes one result per metric).

Walked on the composed nodes (the lines and columns are theirs), one visit per node: a result or a
metrics list reached again through an alias is not walked twice, so a card with thousands of
results, or aliases that repeat them, stays linear in its size.
"""

from __future__ import annotations

from typing import Any

import yaml

from modelicense.extract.frontmatter import MERGE_TAG, NULL_TAG, STR_TAG, Issue, Value

KEY = "model-index"
MAX_DATASETS = 1000  # distinct evaluation datasets kept per card, as for a list value (frontmatter)
_ABSENT = object()


class _Refused(Exception):
    def __init__(self, why: str, node: yaml.Node):
        super().__init__(why)
        self.why = why
        self.node = node


def evaluation_datasets(node: yaml.Node | None, offset: int) -> tuple[list[Value], Issue | None]:
    """The distinct `dataset.type` ids of a model-index's results, first place of each; or no
    ids and the issue that makes the Hub's client refuse the card."""
    if node is None or not _truthy(node):
        return [], None
    found: dict[str, Value] = {}
    try:
        _walk(node, found)
    except _Refused as refused:
        mark = refused.node.start_mark
        return [], Issue(f"`{KEY}:` {refused.why}: the Hub's client (huggingface_hub) cannot read the model-index and "
                         "rejects the card; no evaluation datasets are read from it",
                         mark.line + 1 + offset, mark.column + 1)
    return [Value(v.text, v.line + offset, v.column) for v in found.values()], None


def _walk(node: yaml.Node, found: dict[str, Value]) -> None:
    seen: dict[int, int] = {}  # id of a result or metrics node read -> its metric count
    results_count = 0
    last_name: Any = None
    for model in _items(node, "is not a list of models"):
        if not isinstance(model, yaml.MappingNode):
            raise _Refused("holds an entry that is not a mapping with `name` and `results`", model)
        name = _get(model, "name")
        if name is _ABSENT:
            raise _Refused("has a model without `name`", model)
        results = _get(model, "results")
        if results is _ABSENT:
            raise _Refused("has a model without `results`", model)
        last_name = name
        for result in _items(results, "has `results` that is not a list of results"):
            if id(result) not in seen:  # the same result again, through an alias: already read
                seen[id(result)] = _result(result, found, seen)
            results_count += seen[id(result)]
    if results_count and (last_name is None or _null(last_name)):
        raise _Refused("gives results for a model whose `name` is null", node)


def _result(result: yaml.Node, found: dict[str, Value], seen: dict[int, int]) -> int:
    """Checks one result as the client reads it; records its dataset; returns its metric count."""
    if not isinstance(result, yaml.MappingNode):
        raise _Refused("has a result that is not a mapping with `task`, `dataset` and `metrics`", result)
    task = _mapping(_required(result, "task", "a result without `task`"), "a result whose `task` is not a mapping")
    _required(task, "type", "a result whose `task` has no `type`")
    dataset = _mapping(_required(result, "dataset", "a result without `dataset`"),
                       "a result whose `dataset` is not a mapping with its `type` (Hub id) and `name`")
    ident = _required(dataset, "type", "a result whose `dataset` has no `type` (its Hub id)")
    _required(dataset, "name", "a result whose `dataset` has no `name`")
    source = _get(result, "source")
    source_named = False
    if source is not _ABSENT and _truthy(source):
        if not isinstance(source, yaml.MappingNode):
            raise _Refused("has a result whose `source` is not a mapping", source)
        named, url = _get(source, "name"), _get(source, "url")
        source_named = named is not _ABSENT and not _null(named) and (url is _ABSENT or _null(url))
    metrics = _required(result, "metrics", "a result without `metrics`")
    if id(metrics) not in seen:  # a metrics list shared through an alias is checked once
        for metric in _items(metrics, "has a result whose `metrics` is not a list"):
            if not isinstance(metric, yaml.MappingNode):
                raise _Refused("has a metric that is not a mapping with `type` and `value`", metric)
            _required(metric, "type", "a metric without `type`")
            _required(metric, "value", "a metric without `value`")
        seen[id(metrics)] = len(metrics.value) if isinstance(metrics, yaml.SequenceNode) else 0
    count = seen[id(metrics)]
    if count and source_named:
        raise _Refused("has a result whose `source` has a `name` and no `url`", source)
    # The client makes one result per metric: a result without metrics names no dataset to it.
    if count and isinstance(ident, yaml.ScalarNode) and ident.tag != NULL_TAG and ident.value.strip() \
            and len(found) < MAX_DATASETS:
        text = ident.value.strip()
        found.setdefault(text.lower(), Value(text, ident.start_mark.line + 1, ident.start_mark.column + 1))
    return count


def _mapping(node: yaml.Node, what: str) -> yaml.MappingNode:
    if not isinstance(node, yaml.MappingNode):
        raise _Refused(f"has {what}", node)
    return node


def _required(node: yaml.Node, key: str, what: str) -> yaml.Node:
    if not isinstance(node, yaml.MappingNode):
        raise _Refused(f"has {what}", node)
    value = _get(node, key)
    if value is _ABSENT:
        raise _Refused(f"has {what}", node)
    return value  # type: ignore[return-value]


def _items(node: yaml.Node, what: str) -> list[yaml.Node]:
    """What a Python `for` over the constructed value visits, as nodes: a list's items; nothing
    for an empty mapping or string; anything else the client cannot index and refuses."""
    if isinstance(node, yaml.SequenceNode):
        return node.value
    if isinstance(node, yaml.MappingNode) and not node.value:
        return []
    if isinstance(node, yaml.ScalarNode) and node.tag == STR_TAG and node.value == "":
        return []
    raise _Refused(what, node)


def _get(node: yaml.MappingNode, key: str) -> yaml.Node | object:
    """The value of a string key as `yaml.safe_load` keeps it: the last one written, else the
    first merged mapping (`<<:`) that has it."""
    merged: list[yaml.Node] = []
    for key_node, value in reversed(node.value):
        if isinstance(key_node, yaml.ScalarNode):
            if key_node.tag == STR_TAG and key_node.value == key:
                return value
            if key_node.tag == MERGE_TAG:
                # a later `<<:` wins over an earlier one; in `<<: [a, b]`, a wins over b
                merged.extend(value.value if isinstance(value, yaml.SequenceNode) else [value])
    for source in merged:
        if isinstance(source, yaml.MappingNode):
            found = _get(source, key)
            if found is not _ABSENT:
                return found
    return _ABSENT


def _null(node: Any) -> bool:
    return isinstance(node, yaml.ScalarNode) and node.tag == NULL_TAG


_FALSE = {"tag:yaml.org,2002:bool": ("false", "no", "off"), "tag:yaml.org,2002:int": ("0", "+0", "-0", "0x0", "0o0"),
          "tag:yaml.org,2002:float": ("0.0", "+0.0", "-0.0", "0.", ".0")}


def _truthy(node: yaml.Node) -> bool:
    """`if model_index:` on the constructed value: empty collections, null, "" and zero are false."""
    if isinstance(node, (yaml.SequenceNode, yaml.MappingNode)):
        return bool(node.value)
    if node.tag == NULL_TAG or (node.tag == STR_TAG and node.value == ""):
        return False
    return node.value.lower() not in _FALSE.get(node.tag, ())
