"""The detection chain: which licence a full text is, and how sure we are.

    cache ─► fast path ─► scancode ─► title

Each step is a small object with `detect(text) -> Answer | None` (see answer.py for what an
answer and its confidence mean). The chain asks the steps in the order of STEPS, stops at the
first certain answer (exact or whole text), and otherwise keeps the strongest (answer.stronger):
a weaker answer never overrides a stronger one, and a partial one below the coverage floor is
no answer. The answers of the steps marked `cacheable` (fast path, scancode: they do not depend
on the knowledge base) are stored per text hash, so a warm hook run asks only the cache and the
title step.
"""

from __future__ import annotations

from typing import Protocol

from modelicense.detect.answer import PARTIAL, Answer, stronger


class Step(Protocol):
    name: str
    cacheable: bool

    def detect(self, text: str) -> Answer | None: ...


NOTHING = Answer("none", PARTIAL, (), None)  # the cacheable steps read the text and found no licence


def _fast_path():
    from modelicense.detect.fastpath import FastPath  # its data and regexes only on a cache miss

    return FastPath()


def _scancode():
    from modelicense.detect.scancode_engine import Scancode

    return Scancode()


def _title(knowledge):
    from modelicense.detect.title import Title

    return Title(knowledge)


# The steps after the cache, in order, as licensee's table of matchers: (name, how to make it).
STEPS = (
    ("fastpath", lambda knowledge: _fast_path()),
    ("scancode", lambda knowledge: _scancode()),
    ("title", _title),
)


class Chain:
    def __init__(self, knowledge, cache, steps=STEPS):
        self.cache = cache  # detect.CacheStep: recall(text) / remember(text, answer)
        self.steps = [make(knowledge) for _name, make in steps]

    def detect(self, text: str) -> tuple[Answer | None, tuple[str, ...]]:
        """The strongest admissible answer, and the names of the steps that were asked."""
        remembered = self.cache.recall(text)
        best = stronger(None, remembered)
        asked = ["cache"] if remembered is not None else []
        found_by_cacheable: Answer | None = None
        for step in self.steps:
            if best is not None and best.certain:
                break
            if step.cacheable and remembered is not None:
                continue
            answer = step.detect(text)
            asked.append(step.name)
            if step.cacheable and answer is not None and answer.keys:
                found_by_cacheable = _raw_stronger(found_by_cacheable, answer)
            best = stronger(best, answer)
        if remembered is None:
            self.cache.remember(text, found_by_cacheable or NOTHING)
        return best, tuple(asked)


def _raw_stronger(best: Answer | None, candidate: Answer) -> Answer:
    """What the cache keeps: the strongest answer with or without the floor (the policy is applied
    on every run, so changing it needs no new cache)."""
    return candidate if best is None or candidate.strength > best.strength else best
