"""The terms reader: what a licence text, a card's licence section or a licence field says, read
from its words, each term with its evidence (file, line, the words quoted).

    terms_of(declaration) -> tuple[Term, ...]      every term the declaration's words state
    read(text, origin) -> tuple[Term, ...]         the same for any text standing at `origin`
    read_spans(text, spans, origin)                only the words in `spans` (a whole-text match's
                                                   leftover: what the known licence does not say)
    restrictive(terms)                             the terms that take something away

The terms and their wordings are data (knowledge/data/terms.json, one entry per kind of
knowledge/kinds.py, each with its source); patterns.py loads and checks them, matcher.py finds
them, evidence.py says where they stand. Pure; no I/O after the table is read once.
"""

from __future__ import annotations

from functools import lru_cache

from modelicense.model import Declaration, Location, Term
from modelicense.terms.evidence import locate, quoted
from modelicense.terms.matcher import scan
from modelicense.terms.patterns import TermRule, by_id, table

__all__ = ["Term", "TermRule", "label", "read", "read_spans", "restrictive", "rules_of", "table", "terms_of"]


def read(text: str, origin: Location, kinds: tuple[str, ...] | None = None) -> tuple[Term, ...]:
    """The terms `text` states (only those of `kinds`, when given; without `kinds`, every term
    but the prose-only ones), located as if the text started at `origin`."""
    return _read(text, origin, kinds)


@lru_cache(maxsize=256)  # rules, the inventory and the report ask about the same declarations
def _read(text: str, origin: Location, kinds: tuple[str, ...] | None) -> tuple[Term, ...]:
    terms = tuple(term for term in table() if (term.id in kinds if kinds is not None else not term.prose_only))
    return tuple(
        Term(hit.term.id, hit.pattern, quoted(text, hit.start, hit.end), locate(text, hit.start, origin), hit.values)
        for hit in scan(text, terms).hits
    )


def terms_of(declaration: Declaration) -> tuple[Term, ...]:
    """Every term a declaration's words state: a licence file's whole text, a prose section, or
    a `license:` value written as a sentence ("cc-by 4.0 (no commercial use)")."""
    return read(declaration.raw, declaration.raw_at or declaration.location)


def read_spans(text: str, spans: tuple[tuple[int, int], ...], origin: Location) -> tuple[Term, ...]:
    """The terms stated in the [start, end) spans of `text` only, located in the whole text."""
    found: list[Term] = []
    for start, end in spans:
        start, end = max(0, start), min(len(text), end)
        if start >= end:
            continue
        found.extend(read(text[start:end], locate(text, start, origin)))
    return tuple(found)


def restrictive(terms: tuple[Term, ...]) -> tuple[Term, ...]:
    """The terms that take something away (terms.json `restrictive`): what a permissive licence
    never states."""
    rules = by_id()
    return tuple(term for term in terms if rules[term.kind].restrictive)


def label(kind: str) -> str:
    return by_id()[kind].label


def rules_of(kind: str) -> tuple[str, ...]:
    return by_id()[kind].rules
