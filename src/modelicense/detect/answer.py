"""What a detection step says about a licence text, and how sure it is (the confidence policy).

| confidence   | when                                                                  | rules treat it as |
|--------------|-----------------------------------------------------------------------|-------------------|
| `exact`      | a known licence text word for word (copyright lines and a heading aside) | the licence    |
| `whole-text` | a known licence text whole, plus a few words it does not account for  | the licence; the extra words are kept in `leftover` for the terms reader |
| `partial`    | part of a known text (`coverage` says how much), at least COVERAGE_FLOOR % | a guess: at most a warning |
| `title`      | only the licence's title or name was found                            | a guess: at most a warning |
| —            | a partial match below COVERAGE_FLOOR %                                | unrecognised    |

When steps disagree the stronger answer wins (`strength`): exact > whole-text > title > partial
(the more complete of two partial matches first). A title for a known licence therefore beats a
partial match that names another licence (scancode reads 90 % of the Tongyi Qianwen *Research*
licence as the commercial one; its title says which it is), and nothing partial ever overrides a
whole text. A title that agrees with a partial match leaves the match its coverage and leftover.
"""

from __future__ import annotations

from typing import Any

from modelicense.fastclass import dataclass

EXACT = "exact"
WHOLE_TEXT = "whole-text"
PARTIAL = "partial"
TITLE = "title"
CONFIDENCES = (EXACT, WHOLE_TEXT, PARTIAL, TITLE)
CERTAIN = (EXACT, WHOLE_TEXT)

# Below this share of the text a "match" is a coincidence of common licence words (TrueCrypt 3.0
# contains 2.7 % of the zlib text; the MIT appendix of gpt-neox's Apache-2.0 LICENSE is 4.5 %).
COVERAGE_FLOOR = 25.0

Span = tuple[int, int]  # [start, end) character offsets in the detected text


@dataclass(frozen=True)
class Answer:
    """One step's answer.

    step:       the step that answered (`fastpath`, `scancode`, `title`).
    confidence: one of CONFIDENCES.
    keys:       (licence key, SPDX id) pairs in order of appearance: scancode keys or knowledge-base
                ids, with SPDX ids (LicenseRef-scancode-* where SPDX has none) — mapped into the
                knowledge base on every run, so user overrides apply to cached answers too.
    expression: the licence expression in SPDX ids.
    coverage:   percent of the text the match accounts for (None for a title).
    leftover:   spans of the text the match does not account for (extra terms, notes).
    stopped:    scancode ran out of its time budget: the answer may be incomplete.
    """

    step: str
    confidence: str
    keys: tuple[tuple[str, str], ...]
    expression: str | None
    coverage: float | None = None
    leftover: tuple[Span, ...] = ()
    stopped: bool = False

    @property
    def certain(self) -> bool:
        return self.confidence in CERTAIN

    @property
    def strength(self) -> float:
        if self.confidence == EXACT:
            return 4.0
        if self.confidence == WHOLE_TEXT:
            return 3.0
        if self.confidence == TITLE:
            return 2.0
        return (self.coverage or 0.0) / 100.0  # below a title; the more complete of two partial matches first

    @property
    def admissible(self) -> bool:
        """A partial answer below the floor is no answer: the text is unrecognised. One that scancode
        cut short at its time budget is kept: the scan must say the detection stopped."""
        if not self.keys:
            return False
        return self.confidence != PARTIAL or self.stopped or (self.coverage or 0.0) >= COVERAGE_FLOOR

    def record(self) -> dict[str, Any]:
        """A plain (cacheable) record."""
        return {"step": self.step, "confidence": self.confidence, "keys": [list(pair) for pair in self.keys],
                "expression": self.expression, "coverage": self.coverage,
                "leftover": [list(span) for span in self.leftover], "stopped": self.stopped}

    @classmethod
    def from_record(cls, record: dict[str, Any]) -> Answer:
        return cls(str(record["step"]), str(record["confidence"]),
                   tuple((str(k), str(s)) for k, s in record.get("keys", ())), record.get("expression"),
                   record.get("coverage"), tuple((int(a), int(b)) for a, b in record.get("leftover", ())),
                   bool(record.get("stopped")))


def stronger(best: Answer | None, candidate: Answer | None) -> Answer | None:
    """The better of two answers; on a tie the earlier one (the chain's order is its preference)."""
    if candidate is None or not candidate.admissible:
        return best
    if best is None:
        return candidate
    if candidate.confidence == TITLE and _names(candidate) <= _names(best):
        return best  # a title that agrees adds nothing; the match keeps its coverage and leftover
    if best.confidence == TITLE and _names(best) <= _names(candidate):
        return candidate
    return candidate if candidate.strength > best.strength else best


def _names(answer: Answer) -> frozenset[str]:
    return frozenset(spdx.lower() for _key, spdx in answer.keys)


def confidence_of(leftover_words: int, total_words: int, tolerated_words: int, tolerated_share: float) -> str:
    """Exact when nothing is left over; whole text when what is left is a few words (a name, a
    date, a note) — kept as leftover; partial otherwise."""
    if leftover_words == 0:
        return EXACT
    if leftover_words <= max(tolerated_words, tolerated_share * total_words):
        return WHOLE_TEXT
    return PARTIAL
