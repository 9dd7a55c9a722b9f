"""YAML front matter of Markdown cards: one pass, values typed as the Hub's client types them,
and the line and column of every value.

One loader reads each card once: libyaml's parser (iterative, in C) feeds a composer that builds
PyYAML's own nodes with its anchors and errors, and refuses to descend past MAX_NESTING collections
(libyaml's composer recurses in C: about 50,000 levels of `[` crash the interpreter, a segfault;
the previous code paid a whole second event pass to check first), and PyYAML's safe
constructor then builds what `yaml.safe_load` builds — the call huggingface_hub makes
(`RepoCard.content`, `metadata_load`). So a tag the client rejects (`!spdx MIT`,
`!!python/name:…`), an unhashable key or a template's `{{ card_data }}` fails here exactly as
there, with the line of the problem, while the composed nodes still give the card's licence.
Nothing is ever constructed beyond the safe types; an alias is one shared object, not a copy (a
"billion laughs" document costs its size), and the walks below visit a bounded number of values.

This module imports PyYAML at its top: import it only once a file is known to have front matter
(`extract.hub_block.find`), so that a hook run on READMEs without any never loads YAML.
"""

from __future__ import annotations

from dataclasses import field
from typing import Any

import yaml
from yaml.composer import Composer, ComposerError
from yaml.constructor import SafeConstructor
from yaml.resolver import Resolver

from modelicense.fastclass import dataclass

try:  # libyaml's parser is much faster where it is available
    from yaml.cyaml import CParser as _Parser

    _READERS: tuple[type, ...] = ()
except ImportError:  # pragma: no cover - depends on the PyYAML build
    from yaml.parser import Parser as _Parser  # type: ignore[assignment]
    from yaml.reader import Reader
    from yaml.scanner import Scanner

    _READERS = (Reader, Scanner)

MAX_SCALARS_PER_VALUE = 1000
# Real cards nest a few levels (model-index: ~6; dataset_info features: ~10).
MAX_NESTING = 100

STR_TAG = "tag:yaml.org,2002:str"
NULL_TAG = "tag:yaml.org,2002:null"
MERGE_TAG = "tag:yaml.org,2002:merge"


class FrontMatterError(Exception):
    """YAML that cannot be read at all (syntax, nesting, not a mapping): nothing is taken from it."""

    def __init__(self, message: str, line: int | None = None, column: int | None = None):
        super().__init__(message)
        self.message = message
        self.line = line
        self.column = column


class _TooDeep(Exception):
    def __init__(self, mark: yaml.Mark):
        super().__init__(mark)
        self.mark = mark


class _GuardedComposer(Composer):
    """PyYAML's composer (the same nodes, anchors and errors), written as one lean recursion that
    refuses to descend past MAX_NESTING collections. Path resolvers are not used by the safe
    loader, so descend/ascend_resolver are left out."""

    def compose_node(self, parent, index, depth: int = 0):  # type: ignore[no-untyped-def, override]
        event = self.get_event()
        kind = type(event)
        if kind is yaml.AliasEvent:
            if event.anchor not in self.anchors:
                raise ComposerError(None, None, f"found undefined alias {event.anchor!r}", event.start_mark)
            return self.anchors[event.anchor]
        anchor = event.anchor
        if anchor is not None and anchor in self.anchors:
            raise ComposerError(f"found duplicate anchor {anchor!r}; first occurrence", self.anchors[anchor].start_mark,
                                "second occurrence", event.start_mark)
        tag = event.tag
        if kind is yaml.ScalarEvent:
            if tag is None or tag == "!":
                tag = self.resolve(yaml.ScalarNode, event.value, event.implicit)
            node: yaml.Node = yaml.ScalarNode(tag, event.value, event.start_mark, event.end_mark, style=event.style)
            if anchor is not None:
                self.anchors[anchor] = node
            return node
        if depth >= MAX_NESTING:
            raise _TooDeep(event.start_mark)
        if kind is yaml.SequenceStartEvent:
            if tag is None or tag == "!":
                tag = self.resolve(yaml.SequenceNode, None, event.implicit)
            node = yaml.SequenceNode(tag, [], event.start_mark, None, flow_style=event.flow_style)
            if anchor is not None:
                self.anchors[anchor] = node
            items = node.value
            while not self.check_event(yaml.SequenceEndEvent):
                items.append(self.compose_node(node, None, depth + 1))
        else:  # MappingStartEvent: the parser allows nothing else here
            if tag is None or tag == "!":
                tag = self.resolve(yaml.MappingNode, None, event.implicit)
            node = yaml.MappingNode(tag, [], event.start_mark, None, flow_style=event.flow_style)
            if anchor is not None:
                self.anchors[anchor] = node
            pairs = node.value
            while not self.check_event(yaml.MappingEndEvent):
                key = self.compose_node(node, None, depth + 1)
                pairs.append((key, self.compose_node(node, key, depth + 1)))
        node.end_mark = self.get_event().end_mark
        return node


class _Loader(_GuardedComposer, _Parser, *_READERS, SafeConstructor, Resolver):  # type: ignore[misc]
    """safe_load's loader with the guarded composer: the same resolver (so the same types) and the
    same constructor (so the same refusals)."""

    def __init__(self, stream: str) -> None:
        if _READERS:  # pragma: no cover - pure-Python PyYAML
            Reader.__init__(self, stream)
            Scanner.__init__(self)
            _Parser.__init__(self)
        else:
            _Parser.__init__(self, stream)
        Composer.__init__(self)
        SafeConstructor.__init__(self)
        Resolver.__init__(self)


@dataclass(frozen=True)
class Value:
    text: str
    line: int  # 1-based, in the whole file
    column: int  # 1-based
    typed: Any = None  # the value as yaml.safe_load types it (a str, bool, int, float, date…)


@dataclass(frozen=True)
class Issue:
    """Something the Hub's client rejects or ignores in front matter it could compose: the card
    is still read, and the issue is reported (DEC005) where it stands."""

    message: str
    line: int
    column: int = 1


@dataclass(frozen=True)
class FrontMatter:
    # Every string key of the mapping and its value node; merge keys resolved, and for a key given
    # twice the last one, as yaml.safe_load (and so the Hub) keeps it.
    mapping: dict[str, yaml.Node]
    key_lines: dict[str, int]
    offset: int  # line breaks before the YAML text
    data: dict | None = None  # what yaml.safe_load returns; None when the client rejects the card
    issues: tuple[Issue, ...] = ()
    # Keys written more than once at the top level: key -> the line of each occurrence.
    repeated: dict[str, tuple[int, ...]] = field(default_factory=dict)

    def values(self, key: str) -> list[Value]:
        """The scalar values of a key: one for a scalar, each item for a list (non-scalar items
        are left out: `structure` reports them)."""
        node = self.mapping.get(key)
        if node is None:
            return []
        typed = self.data.get(key) if self.data is not None else None
        return list(_scalars(node, self.offset, typed))

    def structure(self, key: str) -> list[tuple[str, int, int]]:
        """(what, line, column) for each part of a key's value that is neither a scalar nor a list
        of scalars: a mapping, or a list inside the list."""
        node = self.mapping.get(key)
        if isinstance(node, yaml.MappingNode):
            return [("a mapping", self._line(node), node.start_mark.column + 1)]
        if isinstance(node, yaml.SequenceNode):
            return [("a mapping in its list" if isinstance(item, yaml.MappingNode) else "a list in its list", self._line(item),
                     item.start_mark.column + 1)
                    for item in node.value[:MAX_SCALARS_PER_VALUE] if not isinstance(item, yaml.ScalarNode)]
        return []

    def _line(self, node: yaml.Node) -> int:
        return node.start_mark.line + 1 + self.offset


def parse(yaml_text: str, offset: int) -> FrontMatter:
    """Read the YAML of a front-matter block (`hub_block.Block`). FrontMatterError when it cannot
    be composed or is not a mapping; what the client rejects beyond that is in `issues`."""
    try:
        loader = _Loader(yaml_text)
    except yaml.reader.ReaderError as exc:  # the pure-Python reader checks characters when it starts
        raise _unreadable(exc, yaml_text, offset) from None
    try:
        try:
            root = loader.get_single_node()
        except yaml.reader.ReaderError as exc:
            raise _unreadable(exc, yaml_text, offset) from None
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            problem = exc.problem or exc.context or "invalid YAML"
            raise FrontMatterError(f"front matter is not valid YAML: {problem}", _at(mark, offset),
                                   mark.column + 1 if mark else None) from None
        except yaml.YAMLError as exc:
            raise FrontMatterError(f"front matter is not valid YAML: {exc}", 1 + offset, 1) from None
        except _TooDeep as exc:
            raise FrontMatterError(f"front matter nests more than {MAX_NESTING} levels deep; not parsed",
                                   _at(exc.mark, offset), exc.mark.column + 1) from None
        if root is None:
            return FrontMatter({}, {}, offset, {})
        if not isinstance(root, yaml.MappingNode):
            raise FrontMatterError("front matter is not a mapping of keys to values (the Hub's client rejects it)",
                                   _at(root.start_mark, offset), root.start_mark.column + 1)
        written = list(root.value)  # before the constructor merges `<<:` pairs into it
        issues: list[Issue] = []
        data: dict | None
        try:
            data = loader.construct_document(root)
        except yaml.MarkedYAMLError as exc:
            data = None
            mark = exc.problem_mark or exc.context_mark
            issues.append(Issue(f"front matter is YAML that yaml.safe_load, and so the Hub's client, rejects: "
                                f"{exc.problem or exc.context}", _at(mark, offset) or 1 + offset,
                                mark.column + 1 if mark else 1))
        except (yaml.YAMLError, ValueError, TypeError, OverflowError) as exc:  # a timestamp out of range, …
            data = None
            line = _failing_line(root, offset)
            issues.append(Issue(f"front matter is YAML that yaml.safe_load, and so the Hub's client, rejects: {exc}",
                                line))
    finally:
        loader.dispose()
    mapping: dict[str, yaml.Node] = {}
    key_lines: dict[str, int] = {}
    for key_node, value_node in root.value:  # merged pairs first, then those written: the last wins
        if isinstance(key_node, yaml.ScalarNode) and key_node.tag == STR_TAG:
            mapping[key_node.value] = value_node
            key_lines[key_node.value] = _at(key_node.start_mark, offset)
    lines: dict[str, list[int]] = {}
    rejected = data is None
    for key_node, _value in written:
        if not isinstance(key_node, yaml.ScalarNode):
            continue
        where = _at(key_node.start_mark, offset)
        if key_node.tag == STR_TAG:
            lines.setdefault(key_node.value, []).append(where)
            if key_node.value == "ignore_metadata_errors" and not rejected:
                issues.append(Issue("the key `ignore_metadata_errors` is an argument of the Hub's client's card "
                                    "class, which then rejects the card", where, key_node.start_mark.column + 1))
                data = None
        elif key_node.tag != MERGE_TAG and not rejected:  # CardData(**metadata): every key must be a string
            kind = _TYPE_NAMES.get(key_node.tag.rpartition(":")[2], "something else")
            issues.append(Issue(f"the key {key_node.value!r} is read by YAML as {kind}, not a string; the Hub's "
                                "client takes keys as names and rejects the card (quote the key)",
                                where, key_node.start_mark.column + 1))
            data = None
    repeated = {key: tuple(where) for key, where in lines.items() if len(where) > 1}
    return FrontMatter(mapping, key_lines, offset, data, tuple(issues), repeated)


def _failing_line(root: yaml.MappingNode, offset: int) -> int:
    """The line of the first top-level value that cannot be constructed, for an error the
    constructor raises without a mark (`2023-02-30`: a date out of range)."""
    for key_node, value_node in root.value:
        for node in (key_node, value_node):
            probe = _Loader("")
            try:
                probe.construct_document(node)
            except Exception:  # noqa: BLE001 - whatever the constructor raised for the whole document
                return _at(node.start_mark, offset) or 1 + offset
            finally:
                probe.dispose()
    return 1 + offset


def _unreadable(exc: yaml.reader.ReaderError, text: str, offset: int) -> FrontMatterError:
    """A character YAML refuses (a control character), at its line."""
    from modelicense.extract.hub_block import lines_in

    before = text[: max(0, exc.position)]
    column = len(before) - max(before.rfind("\n"), before.rfind("\r"))
    return FrontMatterError(f"front matter is not valid YAML: character #x{exc.character:04x} is not allowed ({exc.reason})",
                            lines_in(before) + 1 + offset, column)


_TYPE_NAMES = {"int": "an integer", "float": "a number", "bool": "a boolean", "null": "null", "timestamp": "a date",
               "binary": "bytes"}


def _at(mark: yaml.Mark | None, offset: int) -> int | None:
    return mark.line + 1 + offset if mark is not None else None


def _scalars(node: yaml.Node, offset: int, typed: Any):
    """Scalars directly in a value: the value itself, or the items of a list (one level)."""
    if isinstance(node, yaml.ScalarNode):
        items: list[tuple[yaml.Node, Any]] = [(node, typed)]
    elif isinstance(node, yaml.SequenceNode):
        typed_items = typed if isinstance(typed, list) and len(typed) == len(node.value) else [None] * len(node.value)
        items = list(zip(node.value[:MAX_SCALARS_PER_VALUE], typed_items))
    else:
        return
    for item, item_typed in items:
        if isinstance(item, yaml.ScalarNode) and item.value.strip() and item.tag != NULL_TAG:
            yield Value(item.value.strip(), item.start_mark.line + 1 + offset, item.start_mark.column + 1, item_typed)


def compose(text: str) -> yaml.Node | None:
    """A whole YAML document (a mergekit configuration) composed as front matter is, nothing
    constructed. Raises FrontMatterError with the line and column of what is wrong."""
    try:
        loader = _Loader(text)
    except yaml.YAMLError as exc:
        raise FrontMatterError(f"not valid YAML: {exc}", 1, 1) from None
    try:
        return loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        raise FrontMatterError(f"not valid YAML: {exc.problem or exc.context or 'invalid YAML'}",
                               mark.line + 1 if mark else None, mark.column + 1 if mark else None) from None
    except yaml.YAMLError as exc:
        raise FrontMatterError(f"not valid YAML: {exc}", 1, 1) from None
    except _TooDeep as exc:
        raise FrontMatterError(f"YAML nests more than {MAX_NESTING} levels deep; not parsed",
                               exc.mark.line + 1, exc.mark.column + 1) from None
    finally:
        loader.dispose()
