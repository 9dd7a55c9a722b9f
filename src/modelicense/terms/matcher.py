"""The terms a text states: every pattern of the table searched once over the flattened text.

The text is flattened as the table's patterns expect (runs of whitespace, hyphens and underscores
become one space; `_Flat` maps offsets back, so evidence points at the real words). Each pattern
runs over the flat text once (`re.finditer`, in C); a match is dropped when its sentence also holds
one of the term's negations ("commercial and non-commercial use"), and each (term, sentence) pair
is checked once. The work — characters given to a search — is counted in `Reading.work`, which
is at most (3 + keywords + patterns) × the text's length, plus a constant per pattern (at most MAX_EXAMINED
matches, each with one sentence of at most 2 × MAX_SENTENCE characters checked for negations and
regions): linear, and each search position costs a bounded number of steps because every
repetition in the table is bounded (patterns.py refuses one that is not).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace

from modelicense.lazyre import lazy_compile
from modelicense.terms.patterns import TermRule, region, table

MAX_CHARS = 512 * 1024  # the licence-text read limit: nothing longer reaches the reader
MAX_PER_TERM = 3  # evidence kept per term: the first places it is stated
MAX_EXAMINED = 64  # matches looked at per pattern (negated ones too): the first places in the text win
MAX_REGIONS = 8  # regions named per territory term
MAX_SENTENCE = 1000  # a negation is looked for this far either side of a match, within its sentence

_SEPARATORS = lazy_compile(r"[\s\-_\u00ad\u2010-\u2015]{1,64}")  # bounded runs; a longer run is two
_SENTENCE_END = lazy_compile(r"[.!?;](?= )")


class _Flat:
    """The text with separator runs as single spaces, and the way back to the original offsets."""

    def __init__(self, text: str):
        pieces: list[str] = []
        self.flat_starts: list[int] = []  # flat offset where each copied piece starts
        self.orig_starts: list[int] = []  # and its original offset
        position = flat_length = 0
        for match in _SEPARATORS.finditer(text):
            if match.start() > position:
                self.flat_starts.append(flat_length)
                self.orig_starts.append(position)
                pieces.append(text[position:match.start()])
                flat_length += match.start() - position
            self.flat_starts.append(flat_length)
            self.orig_starts.append(match.start())
            pieces.append(" ")
            flat_length += 1
            position = match.end()
        if position < len(text):
            self.flat_starts.append(flat_length)
            self.orig_starts.append(position)
            pieces.append(text[position:])
        self.text = "".join(pieces)
        self._runs = {start: end for start, end in ((m.start(), m.end()) for m in _SEPARATORS.finditer(text))}
        self.original_length = len(text)

    def original(self, flat_offset: int) -> int:
        """The original offset of a flat offset (a separator maps to the start of its run)."""
        if flat_offset >= len(self.text):
            return self.original_length
        index = bisect.bisect_right(self.flat_starts, flat_offset) - 1
        return self.orig_starts[index] + (flat_offset - self.flat_starts[index])

    def original_end(self, flat_end: int) -> int:
        """The original offset just after the flat character before `flat_end`."""
        if flat_end <= 0:
            return 0
        last = self.original(flat_end - 1)
        return self._runs.get(last, last + 1) if self.text[flat_end - 1] == " " else last + 1


@dataclass(frozen=True)
class Hit:
    """One term stated in a text: which, where (original offsets), the values it names."""

    term: TermRule
    pattern: str
    start: int
    end: int
    values: tuple[str, ...]


@dataclass(frozen=True)
class Reading:
    hits: tuple[Hit, ...]
    work: int  # characters given to searches (patterns, sentences checked for negations)


def _sentence(flat: str, ends: list[int], start: int, end: int) -> tuple[int, int]:
    """The [start, end) of the sentence around a match, at most MAX_SENTENCE either side."""
    index = bisect.bisect_left(ends, start)
    left = ends[index - 1] + 1 if index > 0 else 0
    right_index = bisect.bisect_left(ends, end)
    right = ends[right_index] + 1 if right_index < len(ends) else len(flat)
    return max(left, start - MAX_SENTENCE), min(right, end + MAX_SENTENCE)


_LEADING = lazy_compile(r"^(?:the )?(?:territory of )?(?:the )?", re.I)


def _clean(value: str) -> str:
    """A value as a message quotes it: one line, no sentence punctuation, no leading article."""
    return _LEADING.sub("", re.sub(r"\s{1,64}", " ", value).strip(" .,;:"))


def scan(text: str, terms: tuple[TermRule, ...] | None = None, gate: bool = True) -> Reading:
    """Every term of `terms` (the shipped table by default) the text states, in text order, at
    most MAX_PER_TERM places each, and the work it took. A term none of whose keywords the text
    holds is skipped (`gate=False` searches every term: the tests check both agree)."""
    text = text[:MAX_CHARS]
    flat = _Flat(text)
    lowered = flat.text.lower()
    ends = [m.start() for m in _SENTENCE_END.finditer(flat.text)]
    work = 3 * len(text)  # flattening, lower-casing and sentence ends
    hits: list[Hit] = []
    for term in table() if terms is None else terms:
        work += len(lowered) * len(term.keywords)
        if gate and not any(keyword in lowered for keyword in term.keywords):
            continue
        candidates: list[tuple[int, int, str, tuple[str, ...]]] = []
        negated: dict[tuple[int, int], bool] = {}
        for pattern in term.patterns:
            work += len(flat.text)
            for examined, match in enumerate(pattern.regex.finditer(flat.text)):
                if examined >= MAX_EXAMINED:
                    break
                start, end = match.start(), match.end()
                sentence = _sentence(flat.text, ends, start, end)
                if term.negations:
                    if sentence not in negated:
                        work += (sentence[1] - sentence[0]) * len(term.negations)
                        negated[sentence] = any(n.search(flat.text, *sentence) for n in term.negations)
                    if negated[sentence]:
                        continue
                values: tuple[str, ...] = ()
                if "value" in pattern.regex.groupindex and match.start("value") >= 0:
                    value_start, value_end = match.span("value")
                    if pattern.names_regions:
                        work += sentence[1] - value_start
                        spans = [m.span("value") for m in region().finditer(flat.text, value_start, sentence[1])]
                        spans = spans[:MAX_REGIONS] or [(value_start, value_end)]
                    else:
                        spans = [(value_start, value_end)]
                    values = tuple(dict.fromkeys(_clean(text[flat.original(a):flat.original_end(b)]) for a, b in spans))
                candidates.append((flat.original(start), flat.original_end(end), pattern.id, values))
        kept: list[Hit] = []
        for o_start, o_end, pattern_id, values in sorted(candidates):
            if len(kept) >= MAX_PER_TERM:
                break
            overlapping = [i for i, h in enumerate(kept) if o_start < h.end and o_end > h.start]
            if overlapping:  # another pattern of the term already quotes these words: keep what this one names
                if values and not kept[overlapping[0]].values:
                    kept[overlapping[0]] = replace(kept[overlapping[0]], values=values)
                continue
            kept.append(Hit(term, pattern_id, o_start, o_end, values))
        hits.extend(kept)
    hits.sort(key=lambda h: (h.start, h.term.id))
    return Reading(tuple(hits), work)
