"""Full-text licence detection: which licence a LICENSE file (or a pasted text) is, and how sure.

    cache (content hash) ─► fast path ─► scancode (when installed) ─► title

`chain.py` runs the steps in order (each one small object, chosen by the table `chain.STEPS`);
`answer.py` says what an answer's confidence means and which answer wins. This module is the
public face: `detect_text(text, knowledge)` gives a `model.Resolution` (or None when nothing
recognised the text), with its confidence, coverage and the spans of the text the match did not
account for (`Resolution.leftover`, read by the terms reader).

Answers are stored raw (scancode keys and SPDX ids) and mapped into the knowledge base on every
run, so user overrides apply to cached answers too.
"""

from __future__ import annotations

import re
from typing import Any

from modelicense.detect import scancode_engine
from modelicense.detect.answer import PARTIAL, TITLE, Answer
from modelicense.knowledge import IGNORANCE_IDS, Knowledge
from modelicense.model import Resolution

# Bump when the fast-path data or the way answers are computed changes: old entries stop matching.
DETECTOR_VERSION = "2"
NO_SCANCODE = "scancode not installed"
# scancode ran out of its time budget on this text (scancode_engine.TIME_BUDGET_SECONDS); the scan
# reports it as a finding on the file (scan.budget_problems).
STOPPED = "scancode-stopped"
STOPPED_LABEL = f"scancode (stopped at its {scancode_engine.TIME_BUDGET_SECONDS:g} s time budget; may be incomplete)"

_settings: dict[str, Any] = {"use_cache": True}


def configure(use_cache: bool = True) -> None:
    """--no-cache: detect every text afresh and store nothing."""
    _settings["use_cache"] = use_cache


def open_cache():
    from modelicense.detect.cache import Cache  # tempfile and friends only when a text is detected

    return Cache(enabled=_settings["use_cache"])


def cache_key(text: str) -> str:
    from modelicense.digest import sha256_hex  # not at start-up: a repository without licence texts never needs it

    engine = scancode_engine.version() or "none"
    basis = f"modelicense-detect {DETECTOR_VERSION}\0scancode {engine}\0".encode() + text.encode("utf-8", "surrogatepass")
    return sha256_hex(basis)


class CacheStep:
    """The chain's first step: what the cacheable steps answered for this text last time."""

    name = "cache"

    def __init__(self):
        self.store = open_cache()

    def recall(self, text: str) -> Answer | None:
        found = self.store.get(cache_key(text))
        try:
            return Answer.from_record(found) if found is not None else None
        except (KeyError, TypeError, ValueError):  # an entry of another layout is a miss
            return None

    def remember(self, text: str, answer: Answer) -> None:
        if not scancode_engine.failure():  # a broken scancode install must not poison the cache
            self.store.put(cache_key(text), answer.record())


def detect(text: str, knowledge: Knowledge) -> tuple[Answer | None, tuple[str, ...]]:
    """The chain's answer for a text, and which steps it asked."""
    from modelicense.detect.chain import Chain

    return Chain(knowledge, CacheStep()).detect(text)


def detection(text: str, knowledge: Knowledge | None = None) -> dict[str, Any]:
    """The chain's answer as a plain record (step, confidence, keys, expression, coverage,
    leftover); an empty record when nothing recognised the text."""
    if knowledge is None:
        from modelicense.knowledge import load

        knowledge = load()
    answer, _asked = detect(text, knowledge)
    return answer.record() if answer is not None else {}


def detect_text(text: str, knowledge: Knowledge) -> Resolution | None:
    """A full licence text as a Resolution, or None when nothing recognised it."""
    answer, asked = detect(text, knowledge)
    if answer is None:
        return None
    return to_resolution(answer, knowledge, _label(answer, "scancode" in asked and scancode_engine.available()))


def _label(answer: Answer, scancode_asked: bool) -> str:
    if answer.stopped:
        return STOPPED_LABEL
    if answer.confidence in (PARTIAL, TITLE) and not scancode_asked and answer.step != "scancode":
        # say why scancode did not settle it: not installed, disabled or broken
        return f"{answer.step} ({'partial; ' if answer.confidence == PARTIAL else ''}{_why_no_scancode()})"
    if answer.confidence == PARTIAL and answer.step == "fastpath":
        return "fastpath (partial)"
    return answer.step


def _why_no_scancode() -> str:
    failure = scancode_engine.failure()
    if failure:
        return f"scancode failed: {failure}"
    if scancode_engine.disabled():
        return "scancode disabled"
    return NO_SCANCODE if scancode_engine.installed_version() is None else "scancode found no licence"


def to_resolution(answer: Answer, knowledge: Knowledge, method: str) -> Resolution:
    """SPDX ids and scancode keys to knowledge-base ids; what it lacks stays unrecognised."""
    expression = str(answer.expression)
    keys: list[str] = []
    unknown: list[str] = []
    renames: dict[str, str] = {}
    for scancode_key, spdx in answer.keys:
        ident = knowledge.licence_id(spdx) or knowledge.licence_id(scancode_key)
        # scancode's `unknown` (text that looks like licence terms) is not Hugging Face's `unknown`
        # (a declaration that the licence is not known).
        if ident is None or ident in IGNORANCE_IDS:
            unknown.append(spdx)
        else:
            keys.append(ident)
            renames[spdx] = ident
    for spdx, ident in sorted(renames.items(), key=lambda kv: -len(kv[0])):
        expression = re.sub(rf"(?<![\w.+-]){re.escape(spdx)}(?![\w.+-])", ident, expression)
    upper = expression.upper()
    return Resolution(
        expression,
        keys=tuple(dict.fromkeys(keys)),
        unrecognised=tuple(dict.fromkeys(unknown)),
        alternatives=" OR " in upper and " AND " not in upper,
        method=method,
        coverage=answer.coverage,
        confidence=answer.confidence,
        leftover=answer.leftover,
    )
