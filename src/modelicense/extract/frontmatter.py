"""YAML front matter of Markdown cards, with the line and column of every value.

PyYAML's composer gives a node graph with marks, without constructing Python objects — so a
value keeps its position, tags like !!python/object are never constructed, and aliases are
shared nodes rather than copies (a "billion laughs" document costs nothing until walked; we only
walk the top-level keys we need, and cap how many scalars one walk may visit).
"""

from __future__ import annotations

import yaml

from modelicense.fastclass import dataclass

try:  # libyaml is much faster where it is available
    _Loader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on the PyYAML build
    _Loader = yaml.SafeLoader  # type: ignore[misc]

MAX_FRONT_MATTER_BYTES = 512 * 1024
MAX_SCALARS_PER_VALUE = 1000
# libyaml's composer recurses once per nesting level in C: about 50,000 levels of `[` crash the
# interpreter (a segfault, not an exception). Real cards nest a few levels (model-index: ~6).
MAX_NESTING = 100


@dataclass(frozen=True)
class Value:
    text: str
    line: int  # 1-based, in the whole file
    column: int  # 1-based


@dataclass(frozen=True)
class FrontMatter:
    mapping: dict[str, yaml.Node]
    key_lines: dict[str, int]
    offset: int  # lines before the YAML text (the opening '---')

    def values(self, key: str) -> list[Value]:
        """The scalar values of a key: one for a scalar, each item for a list."""
        node = self.mapping.get(key)
        if node is None:
            return []
        return list(_scalars(node, self.offset))


class FrontMatterError(Exception):
    def __init__(self, message: str, line: int | None = None, column: int | None = None):
        super().__init__(message)
        self.message = message
        self.line = line
        self.column = column


def split(text: str) -> tuple[str, int, int] | None:
    """(yaml_text, first_yaml_line_offset, end_line) if the text opens with front matter, else None.

    Front matter is a first line of '---' and a later line of '---' (or '...').
    """
    if text.startswith("\ufeff"):
        text = text[1:]
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].rstrip("\r\n").rstrip() != "---":
        return None
    for index in range(1, len(lines)):
        if lines[index].rstrip("\r\n").rstrip() in ("---", "..."):
            return "".join(lines[1:index]), 1, index + 1
    raise FrontMatterError("front matter opened with '---' on line 1 is never closed", 1, 1)


def parse(text: str) -> FrontMatter | None:
    """Parse the front matter of a card. None when there is none; FrontMatterError when broken."""
    parts = split(text)
    if parts is None:
        return None
    body, offset, _end = parts
    if len(body.encode("utf-8", "surrogatepass")) > MAX_FRONT_MATTER_BYTES:
        raise FrontMatterError(f"front matter is larger than {MAX_FRONT_MATTER_BYTES // 1024} KiB; not parsed", 1, 1)
    try:
        _check_nesting(body)
        node = yaml.compose(body, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 + offset if mark else None
        column = mark.column + 1 if mark else None
        problem = exc.problem or exc.context or "invalid YAML"
        raise FrontMatterError(f"front matter is not valid YAML: {problem}", line, column) from None
    except yaml.YAMLError as exc:
        raise FrontMatterError(f"front matter is not valid YAML: {exc}", 1 + offset, 1) from None
    except _TooDeep as exc:
        raise FrontMatterError(
            f"front matter nests more than {MAX_NESTING} levels deep; not parsed", exc.line + 1 + offset, exc.column + 1
        ) from None
    if node is None:
        return FrontMatter({}, {}, offset)
    if not isinstance(node, yaml.MappingNode):
        raise FrontMatterError("front matter is not a mapping of keys to values", node.start_mark.line + 1 + offset, 1)
    mapping: dict[str, yaml.Node] = {}
    key_lines: dict[str, int] = {}
    for key_node, value_node in node.value:
        if isinstance(key_node, yaml.ScalarNode):
            mapping[key_node.value] = value_node
            key_lines[key_node.value] = key_node.start_mark.line + 1 + offset
    return FrontMatter(mapping, key_lines, offset)


class _TooDeep(Exception):
    def __init__(self, line: int, column: int):
        super().__init__(line, column)
        self.line, self.column = line, column


def _check_nesting(body: str) -> None:
    """Walk the event stream (libyaml's parser is iterative) and stop at the first collection
    nested deeper than MAX_NESTING, before the recursive composer ever sees the document."""
    depth = 0
    for event in yaml.parse(body, Loader=_Loader):
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_NESTING:
                raise _TooDeep(event.start_mark.line, event.start_mark.column)
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1


def _scalars(node: yaml.Node, offset: int):
    """Scalars directly in a value: the value itself, or the items of a list (one level, plus
    `name`/`id` of mapping items as HF's structured lists use)."""
    count = 0
    stack = [node]
    depth_guard = 0
    while stack and count < MAX_SCALARS_PER_VALUE and depth_guard < 10 * MAX_SCALARS_PER_VALUE:
        depth_guard += 1
        current = stack.pop(0)
        if isinstance(current, yaml.ScalarNode):
            if current.value.strip() and current.tag != "tag:yaml.org,2002:null":
                count += 1
                yield Value(current.value.strip(), current.start_mark.line + 1 + offset, current.start_mark.column + 1)
        elif isinstance(current, yaml.SequenceNode) and current is node:
            stack.extend(current.value)


def compose(text: str) -> yaml.Node | None:
    """A whole YAML document (a mergekit configuration) composed as front matter is: the safe
    loader's composer (nothing constructed), nesting checked first. Raises FrontMatterError
    with the line and column of what is wrong."""
    if len(text.encode("utf-8", "surrogatepass")) > MAX_FRONT_MATTER_BYTES:
        raise FrontMatterError(f"YAML is larger than {MAX_FRONT_MATTER_BYTES // 1024} KiB; not parsed", 1, 1)
    try:
        _check_nesting(text)
        return yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        raise FrontMatterError(f"not valid YAML: {exc.problem or exc.context or 'invalid YAML'}",
                               mark.line + 1 if mark else None, mark.column + 1 if mark else None) from None
    except yaml.YAMLError as exc:
        raise FrontMatterError(f"not valid YAML: {exc}", 1, 1) from None
    except _TooDeep as exc:
        raise FrontMatterError(f"YAML nests more than {MAX_NESTING} levels deep; not parsed",
                               exc.line + 1, exc.column + 1) from None
