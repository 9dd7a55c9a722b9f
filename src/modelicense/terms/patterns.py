"""The terms table (knowledge/data/terms.json): loaded once, checked, compiled.

Each pattern is checked before it is compiled: every repetition must be bounded (no `*`, `+` or
`{n,}`), so a search costs at most `cost(pattern)` steps per position of the text and the reader
stays linear in the text it is given, whatever the text. A table that breaks the rule, names a
kind that knowledge/kinds.py does not know or a label that differs from the kind's, is refused
with the term's id (a ValueError at load; the knowledge tests load it).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property, lru_cache

try:  # Python 3.11+
    import re._parser as _sre_parse  # type: ignore[import-not-found]
except ImportError:  # pragma: no cover - Python 3.10
    import sre_parse as _sre_parse  # type: ignore[no-redef]

from modelicense.knowledge.files import read_document
from modelicense.knowledge.kinds import BY_ID

TERMS_FILE = "terms.json"
MAX_REPEAT = 500  # the largest bound a repetition may have
MAX_COST = 10**10  # a sanity cap on that bound (loose: alternatives that cannot both match are summed)


@dataclass(frozen=True)
class Pattern:
    id: str  # `<term>#<n>`: the term and the pattern's place in its list
    regex: re.Pattern[str]
    names_regions: bool = False  # its value is a region: the sentence's other regions are values too


@dataclass(frozen=True)
class TermRule:
    """One term of the table: what it is, which rules report it, how it is worded. Its patterns
    are compiled when first searched: a text that holds none of its keywords never compiles them
    (a hook run on a repository of known licences compiles none)."""

    id: str
    label: str
    rules: tuple[str, ...]
    restrictive: bool
    keywords: tuple[str, ...]
    sources: tuple[str, ...]  # the patterns as written, placeholders expanded
    negation_sources: tuple[str, ...]
    source: str
    # Read only when asked for by kind: its words are a signal in card prose and licence fields
    # but not in licence texts ("without permission" in the GPL is about something else).
    prose_only: bool = False

    @cached_property
    def patterns(self) -> tuple[Pattern, ...]:
        return tuple(Pattern(f"{self.id}#{index}", re.compile(raw, re.IGNORECASE), _REGION_MARK in raw)
                     for index, raw in enumerate(self.sources))

    @cached_property
    def negations(self) -> tuple[re.Pattern[str], ...]:
        return tuple(re.compile(raw, re.IGNORECASE) for raw in self.negation_sources)


def cost(pattern: str) -> int:
    """Upper bound of the steps a search may take from one position of the text: the work of a
    backtracking matcher that tries every way the pattern's pieces could split the text, i.e.
    repetition bounds multiplied along a sequence and summed over alternatives. Raises ValueError
    on an unbounded repetition."""
    return _cost(_sre_parse.parse(pattern), pattern)


def _cost(items, source: str) -> int:
    total = 1
    for op, arg in items:
        name = str(op)
        if name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
            low, high, sub = arg
            if high == _sre_parse.MAXREPEAT or high > MAX_REPEAT:
                raise ValueError(f"unbounded repetition in {source!r}: write {{0,N}} with N <= {MAX_REPEAT}")
            # how many times it repeats, times the choices inside each repetition
            total *= (high - low + 1) * _cost(sub, source) ** high
        elif name == "SUBPATTERN":
            total *= _cost(arg[-1], source)
        elif name == "BRANCH":
            total *= sum(_cost(branch, source) for branch in arg[1])
        elif name in ("ASSERT", "ASSERT_NOT"):
            total *= _cost(arg[1], source)
    return total


def _expand(pattern: str, placeholders: dict[str, str]) -> str:
    for name, value in placeholders.items():
        pattern = pattern.replace("{" + name + "}", value)
    return pattern


def _compile(pattern: str, where: str) -> tuple[re.Pattern[str], int]:
    try:
        steps = cost(pattern)
        compiled = re.compile(pattern, re.IGNORECASE)
    except (re.error, ValueError) as exc:
        raise ValueError(f"{TERMS_FILE}: {where}: {exc}") from None
    if steps > MAX_COST:
        raise ValueError(f"{TERMS_FILE}: {where}: costs {steps} steps per position (at most {MAX_COST})")
    return compiled, steps


_REGION_MARK = "(?P<value>(?:the )?(?:territory of"  # how the expanded {region} placeholder begins


def parse(document: dict, check: bool = False) -> tuple[TermRule, ...]:
    """The table from its JSON document. Kinds, labels, keywords and sources are always checked;
    with `check`, every pattern is also parsed for its cost (an unbounded repetition or a cost
    above MAX_COST is refused) and compiled. The knowledge tests check the shipped table so; a
    run only compiles, and only what it searches."""
    placeholders = document.get("placeholders", {})
    if "region" in placeholders and not placeholders["region"].startswith(_REGION_MARK):
        raise ValueError(f"{TERMS_FILE}: the region placeholder must begin {_REGION_MARK!r}")
    rules: list[TermRule] = []
    seen: set[str] = set()
    for entry in document.get("terms", []):
        ident = entry.get("id")
        kind = BY_ID.get(ident)
        if kind is None:
            raise ValueError(f"{TERMS_FILE}: term {ident!r} is not a kind of knowledge/kinds.py")
        if ident in seen:
            raise ValueError(f"{TERMS_FILE}: term {ident!r} twice")
        seen.add(ident)
        if entry.get("label") != kind.label:
            raise ValueError(f"{TERMS_FILE}: term {ident!r}: label {entry.get('label')!r} is not the kind's {kind.label!r}")
        if not entry.get("source") or not entry.get("patterns"):
            raise ValueError(f"{TERMS_FILE}: term {ident!r} needs patterns and a source")
        keywords = tuple(entry.get("keywords", ()))
        if not keywords or any(k != k.lower() or not k.strip() for k in keywords):
            raise ValueError(f"{TERMS_FILE}: term {ident!r} needs lower-case keywords")
        sources = tuple(_expand(raw, placeholders) for raw in entry["patterns"])
        negations = tuple(_expand(raw, placeholders) for raw in entry.get("negations", []))
        if check:
            for index, raw in enumerate(sources):
                _compile(raw, f"{ident} pattern {index}")
            for index, raw in enumerate(negations):
                _compile(raw, f"{ident} negation {index}")
        rules.append(TermRule(ident, entry["label"], tuple(entry.get("rules", ())), bool(entry.get("restrictive")),
                              keywords, sources, negations, entry["source"], bool(entry.get("prose_only"))))
    return tuple(rules)


def costs(term: TermRule) -> tuple[int, ...]:
    """Each pattern's cost bound (see `cost`)."""
    return tuple(cost(raw) for raw in term.sources)


@lru_cache(maxsize=1)
def region() -> re.Pattern[str]:
    """The regions a territory term names (the table's `{region}` placeholder): every one named
    after the first in the same sentence is a value too ("the European Union, United Kingdom and
    South Korea")."""
    return re.compile(read_document(TERMS_FILE)["placeholders"]["region"], re.IGNORECASE)


@lru_cache(maxsize=1)
def table() -> tuple[TermRule, ...]:
    """The shipped table, read and compiled once per process (only when a text is read)."""
    return parse(read_document(TERMS_FILE))


def by_id() -> dict[str, TermRule]:
    return {term.id: term for term in table()}
