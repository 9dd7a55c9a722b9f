"""Model ids in source code: string literals passed to the calls that load a model from the
Hugging Face Hub at run time (`from_pretrained("org/name")`, `hf_hub_download(repo_id=…)`,
`snapshot_download`, `pipeline(model=…)`…), in `.py` files and in Jupyter notebooks' code cells.

Read statically, never imported or run. Which calls, and which argument holds the id, is data
(knowledge/data/loaders.json, each entry citing the documented signature). Only a literal is
taken: a variable, an f-string, a concatenation with a name or a call is skipped, not guessed.

Why `tokenize` and not `ast`: tokenize is linear in the file and streams, and it tolerates what
`ast.parse` refuses whole — a syntax error, Python 2, a template, a file cut at the read limit,
IPython magics in a notebook cell — keeping every call before the point it stops at. `ast` also
builds the whole tree in memory and recurses on nesting (a deeply nested expression is a
RecursionError or worse). A call is recognised from its tokens: a loader's name, `(`, and the
arguments up to the matching `)`, with brackets tracked so that nested calls and lists are
arguments of their own.

Bounds: the caller reads at most MAX_PY_BYTES of a .py file and MAX_NOTEBOOK_BYTES of a
notebook (a notebook cut there is not JSON and is not read); `may_load` is a byte search that
keeps files without any loader's name from being tokenized at all; bracket depth, argument
length and notebook cells are capped. Each call found becomes Reference("model", id, at the
literal, RUNTIME); `# modelicense: ignore[...]` comments on its line or the line above it are
kept as suppressions.
"""

from __future__ import annotations

import ast
import bisect
import io
import json
import os
import re
import tokenize
from dataclasses import field
from functools import lru_cache

from modelicense import suppress
from modelicense.extract.hub_ids import hub_model_id
from modelicense.fastclass import dataclass  # methods precompiled: the module loads whenever a repository has Python
from modelicense.model import RUNTIME, Extraction, Location, Reference, Suppression

PY_SUFFIXES = (".py", ".pyw")
NOTEBOOK_SUFFIX = ".ipynb"
MAX_PY_BYTES = 512 * 1024
MAX_NOTEBOOK_BYTES = 4 * 1024 * 1024
MAX_DEPTH = 200  # brackets followed; deeper code is read on, its calls below that depth are not
MAX_ARG_TOKENS = 8  # an argument of more string tokens than this is not an id
MAX_LITERAL = 1024  # characters of a string token worth evaluating (ids are under 200)
MAX_CELLS = 10_000
# Cell magics whose body is still Python (IPython's built-in %%time, %%timeit, %%capture);
# any other %% cell (%%bash, %%writefile…) is not Python and is skipped.
_PYTHON_CELL_MAGICS = ("%%time", "%%timeit", "%%capture")
_SKIPPED = frozenset({tokenize.NL, tokenize.COMMENT, tokenize.ENCODING})
_LOADERS_FILE = os.path.join(os.path.dirname(os.path.dirname(__file__)), "knowledge", "data", "loaders.json")


@dataclass(frozen=True)
class Loader:
    """One documented loading call (an entry of loaders.json)."""

    call: str
    position: int
    keywords: tuple[str, ...]
    source: str
    qualifiers: tuple[str, ...] = ()  # only calls on these names (PeftModel.from_pretrained)
    type_keyword: str | None = None
    prefixes: tuple[str, ...] = ()  # only a literal with one of these names a Hub model (`hf-hub:`)
    bare: bool = True  # a name without `org/` may be a (legacy) Hub id


@lru_cache(maxsize=1)
def loaders() -> dict[str, tuple[Loader, ...]]:
    """Loaders by call name, qualified entries first (they win when their qualifier matches)."""
    with open(_LOADERS_FILE, encoding="utf-8") as handle:
        entries = json.load(handle)["entries"]
    table: dict[str, list[Loader]] = {}
    for entry in entries:
        loader = Loader(entry["call"], int(entry["position"]), tuple(entry["keywords"]), entry["source"],
                        tuple(entry.get("qualifiers", ())), entry.get("type_keyword"), tuple(entry.get("prefixes", ())),
                        bool(entry.get("bare", True)))
        table.setdefault(loader.call, []).append(loader)
    return {name: tuple(sorted(found, key=lambda lo: not lo.qualifiers)) for name, found in table.items()}


@lru_cache(maxsize=1)
def _any_loader() -> re.Pattern[bytes]:
    names = "|".join(re.escape(name) for name in sorted(loaders()))
    return re.compile(rb"(?<!\w)(?:" + names.encode() + rb")\s*\(")


def reads(relpath: str) -> bool:
    """A file this reader looks into: Python source or a notebook."""
    return relpath.lower().endswith(PY_SUFFIXES + (NOTEBOOK_SUFFIX,))


def read_limit(relpath: str) -> int:
    return MAX_NOTEBOOK_BYTES if relpath.lower().endswith(NOTEBOOK_SUFFIX) else MAX_PY_BYTES


@lru_cache(maxsize=1)
def _names() -> tuple[bytes, ...]:
    return tuple(name.encode() for name in sorted(loaders()))


def may_load(data: bytes) -> bool:
    """Some loader's name is followed by `(` somewhere: the only files worth tokenizing. Most
    source files of a repository load nothing, so a plain substring search (memchr-fast) comes
    before the pattern, which alone runs at a tenth of its speed."""
    for name in _names():
        if name in data:
            return _any_loader().search(data) is not None
    return False


def extract(relpath: str, data: bytes) -> Extraction:
    """The models the file loads at run time, and the suppression comments beside those calls."""
    if relpath.lower().endswith(NOTEBOOK_SUFFIX):
        return _notebook(relpath, data)
    text = data.decode("utf-8", "replace").removeprefix("\ufeff")
    calls, comments = _scan(text)
    return _extraction(relpath, calls, comments, lambda line, column: (line, column))


# --- the token walk -------------------------------------------------------------------------------


@dataclass
class _Argument:
    keyword: str | None = None
    strings: list[tokenize.TokenInfo] = field(default_factory=list)
    other: bool = False  # holds something besides plain string literals: not an id
    pending: tokenize.TokenInfo | None = None  # a NAME that may be a keyword (`repo_id` before `=`)
    empty: bool = True


@dataclass
class _Frame:
    loader: Loader | None  # None: a bracket that is not a loading call
    arguments: list[_Argument] = field(default_factory=list)
    starred_at: int | None = None  # positional arguments before a `*args`: positions after it are unknown


@dataclass(frozen=True)
class _Call:
    ident: str
    line: int
    column: int  # 0-based, in characters


def _scan(text: str) -> tuple[list[_Call], list[tuple[int, int, str, bool]]]:
    """Calls with a literal model id, and `modelicense:` comments (line, column, text, alone on
    its line), up to the end of the text or the first point tokenize cannot pass."""
    calls: list[_Call] = []
    comments: list[tuple[int, int, str, bool]] = []
    stack: list[_Frame] = []
    deeper = 0  # brackets open beyond MAX_DEPTH
    recent: list[tokenize.TokenInfo] = []  # the last three significant tokens
    table = loaders()
    try:
        for token in tokenize.generate_tokens(io.StringIO(text).readline):
            kind, string = token.type, token.string
            if kind == tokenize.COMMENT:
                if "modelicense:" in string:
                    comments.append((token.start[0], token.start[1], string, not token.line[: token.start[1]].strip()))
                continue
            if kind in _SKIPPED:
                continue
            if kind == tokenize.OP and string in "([{":
                if stack and stack[-1].loader is not None:
                    _argument(stack[-1]).other = True
                if len(stack) < MAX_DEPTH:
                    loader = _loader_called(recent, table) if string == "(" else None
                    stack.append(_Frame(loader, [_Argument()]))
                else:
                    deeper += 1  # counted, not kept: memory stays bounded by MAX_DEPTH
            elif kind == tokenize.OP and string in ")]}":
                if deeper:
                    deeper -= 1
                elif stack:
                    frame = stack.pop()
                    if frame.loader is not None:
                        found = _called_with(frame)
                        if found is not None:
                            calls.append(found)
            elif stack and stack[-1].loader is not None:
                _add(stack[-1], token)
            recent = [*recent[-2:], token]
    except (tokenize.TokenError, SyntaxError, ValueError):
        pass  # a file cut at the read limit, or not Python: what came before stands
    return calls, comments


def _loader_called(recent: list[tokenize.TokenInfo], table: dict[str, tuple[Loader, ...]]) -> Loader | None:
    """The loader whose name precedes this `(`: `name(`, `obj.name(`; not `def name(`."""
    if not recent or recent[-1].type != tokenize.NAME or recent[-1].string not in table:
        return None
    before = recent[-2] if len(recent) > 1 else None
    if before is not None and before.type == tokenize.NAME and before.string in ("def", "class"):
        return None
    qualifier = recent[-3].string if (len(recent) > 2 and before is not None and before.string == "."
                                      and recent[-3].type == tokenize.NAME) else ""
    for loader in table[recent[-1].string]:
        if not loader.qualifiers or qualifier in loader.qualifiers:
            return loader
    return None


def _argument(frame: _Frame) -> _Argument:
    return frame.arguments[-1]


def _add(frame: _Frame, token: tokenize.TokenInfo) -> None:
    """One token of a loading call's arguments (brackets are handled by the caller)."""
    argument = _argument(frame)
    if token.type == tokenize.OP and token.string == ",":
        if argument.pending is not None:
            argument.other = True
        frame.arguments.append(_Argument())
        return
    if argument.pending is not None:
        pending, argument.pending = argument.pending, None
        if token.type == tokenize.OP and token.string == "=":
            argument.keyword = pending.string
            return
        argument.other = True
    if token.type == tokenize.NAME and argument.empty and argument.keyword is None:
        argument.pending, argument.empty = token, False
    elif token.type == tokenize.OP and token.string in ("*", "**") and argument.empty:
        if token.string == "*" and frame.starred_at is None:  # positions from here on are unknown
            frame.starred_at = sum(1 for a in frame.arguments[:-1] if a.keyword is None)
        argument.other, argument.empty = True, False
    elif token.type == tokenize.STRING and len(argument.strings) < MAX_ARG_TOKENS:  # f- and b-strings: see _literal
        argument.strings.append(token)
        argument.empty = False
    else:
        argument.other, argument.empty = True, False


def _literal(argument: _Argument | None) -> str | None:
    """The argument's value when it is string literals alone (implicit concatenation included);
    an f-string is not a literal to literal_eval, and bytes are not an id."""
    if argument is None or argument.other or argument.pending is not None or not argument.strings:
        return None
    parts: list[str] = []
    for token in argument.strings:
        if len(token.string) > MAX_LITERAL:
            return None
        try:
            value = ast.literal_eval(token.string)  # one string token: evaluates nothing but the literal
        except (ValueError, SyntaxError, MemoryError, RecursionError):
            return None
        if not isinstance(value, str):
            return None
        parts.append(value)
    return "".join(parts)


def _called_with(frame: _Frame) -> _Call | None:
    loader = frame.loader
    assert loader is not None
    arguments = [a for a in frame.arguments if not (a.empty and a.keyword is None and not a.other)]
    by_keyword = {a.keyword: a for a in arguments if a.keyword}
    if loader.type_keyword and loader.type_keyword in by_keyword and _literal(by_keyword[loader.type_keyword]) != "model":
        return None  # a dataset or a Space, or a type held in a variable: not guessed
    chosen = next((by_keyword[k] for k in loader.keywords if k in by_keyword), None)
    known = len(arguments) if frame.starred_at is None else frame.starred_at
    if chosen is None and loader.position < known:
        positional = [a for a in arguments if a.keyword is None]
        chosen = positional[loader.position] if len(positional) > loader.position else None
    value = _literal(chosen)
    if value is not None and loader.prefixes:
        prefix = next((p for p in loader.prefixes if value.startswith(p)), None)
        value = value[len(prefix):] if prefix else None
    ident = hub_model_id(value, allow_bare=loader.bare)
    if ident is None or chosen is None:
        return None
    first = chosen.strings[0]
    return _Call(ident, first.start[0], first.start[1])


# --- results --------------------------------------------------------------------------------------

def _extraction(relpath: str, calls: list[_Call], comments: list[tuple[int, int, str, bool]], where) -> Extraction:
    """References at the file's own lines and columns (`where` maps a position of the scanned
    text to the file's), and the suppression comments on a call's line or the line above it."""
    references: list[Reference] = []
    seen: set[tuple[str, int | None]] = set()
    for call in calls:
        line, column = where(call.line, call.column)
        if (call.ident, line) in seen:
            continue
        seen.add((call.ident, line))
        references.append(Reference("model", call.ident, Location(relpath, line, None if column is None else column + 1),
                                    RUNTIME))
    call_lines = {c.line for c in calls}
    found: list[Suppression] = []
    for line, column, text, alone in comments:
        if not (line in call_lines or (alone and line + 1 in call_lines) or "ignore-file[" in text):
            continue
        file_line, file_column = where(line, column)
        made = suppress.from_comment(text, Location(relpath, file_line, None if file_column is None else file_column + 1),
                                     next_line=alone)
        if made is not None:
            found.append(made)
    return Extraction(references=tuple(references), suppressions=tuple(found))


# --- notebooks ------------------------------------------------------------------------------------


def _notebook(relpath: str, data: bytes) -> Extraction:
    """Code cells of an nbformat 4 notebook, each tokenized on its own (a cell that does not
    tokenize loses only itself). Positions are mapped back to the notebook file: each source line
    is a JSON string on one line of the file, found by its JSON spelling."""
    text = data.decode("utf-8", "replace").removeprefix("\ufeff")
    try:
        doc = json.loads(text)
    except (ValueError, RecursionError):
        return Extraction()  # not a notebook, or cut at the read limit
    cells = doc.get("cells") if isinstance(doc, dict) else None
    if not isinstance(cells, list):
        return Extraction()
    placer = _Placer(text)
    references: list[Reference] = []
    suppressions: list[Suppression] = []
    for cell in cells[:MAX_CELLS]:
        if not isinstance(cell, dict):
            continue
        source = cell.get("source")
        segments = [source] if isinstance(source, str) else [s for s in source if isinstance(s, str)] \
            if isinstance(source, list) else []
        if not segments:
            continue
        spots = [placer.place(segment) for segment in segments]
        if cell.get("cell_type") != "code":
            continue
        code = _python_of("".join(segments))
        if code is None or not may_load(code.encode("utf-8", "surrogatepass")):
            continue
        calls, comments = _scan(code)
        found = _extraction(relpath, calls, comments, _mapper(code, segments, spots))
        references.extend(found.references)
        suppressions.extend(found.suppressions)
    return Extraction(references=tuple(references), suppressions=tuple(suppressions))


def _python_of(code: str) -> str | None:
    """The cell's text with IPython magics and shell escapes blanked (same length, so positions
    hold); None for a cell magic whose body is not Python."""
    lines = code.splitlines(keepends=True)
    if lines and lines[0].lstrip().startswith("%%") and not lines[0].lstrip().startswith(_PYTHON_CELL_MAGICS):
        return None
    out = []
    for line in lines:
        stripped = line.lstrip()
        if stripped.startswith(("%", "!")):
            body = line.rstrip("\r\n")
            out.append(" " * len(body) + line[len(body):])
        else:
            out.append(line)
    return "".join(out)


def _json_spellings(segment: str) -> tuple[str, ...]:
    # nbformat writes with ensure_ascii=False; other writers escape non-ASCII.
    return tuple(dict.fromkeys((json.dumps(segment, ensure_ascii=False), json.dumps(segment))))


@dataclass(frozen=True)
class _Spot:
    """Where a source segment's JSON string stands in the notebook file."""

    line: int  # 1-based line of the file
    column: int  # 0-based column of its opening quote
    ascii_only: bool  # written with non-ASCII escaped


class _Placer:
    """Finds each segment's JSON string in the file, searching forward only, and counts lines
    as it goes (linear in the file however many calls there are)."""

    def __init__(self, text: str) -> None:
        self.text, self.cursor, self.counted, self.line = text, 0, 0, 1

    def place(self, segment: str) -> _Spot | None:
        for spelling in _json_spellings(segment):
            at = self.text.find(spelling, self.cursor)
            if at >= 0:
                self.line += self.text.count("\n", self.counted, at)
                self.counted = at
                self.cursor = at + len(spelling)
                column = at - (self.text.rfind("\n", 0, at) + 1)
                return _Spot(self.line, column, spelling == json.dumps(segment) and not segment.isascii())
        return None


def _mapper(code: str, segments: list[str], spots: list[_Spot | None]):
    """(line, column) in the cell's code -> (line, column) in the notebook file, both columns
    0-based; (None, None) where the segment was not found as written."""
    line_starts = [0] + [index + 1 for index, char in enumerate(code) if char == "\n"]
    segment_starts, total = [], 0
    for segment in segments:
        segment_starts.append(total)
        total += len(segment)

    def where(line: int, column: int) -> tuple[int | None, int | None]:
        offset = (line_starts[line - 1] if line - 1 < len(line_starts) else total) + column
        index = max(bisect.bisect_right(segment_starts, offset) - 1, 0)
        spot = spots[index]
        if spot is None:
            return None, None
        inner = segments[index][: offset - segment_starts[index]]
        escaped = len(json.dumps(inner, ensure_ascii=spot.ascii_only)) - 2
        return spot.line, spot.column + 1 + escaped

    return where
