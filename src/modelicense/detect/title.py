"""The title step: a licence named by its title in the opening of a text (the knowledge base's
`titles` patterns). A title is a guess, not an identity: a text titled "MIT License" may have
been modified, so rules treat the answer as such (answer.TITLE).

Title patterns are titles and names ("the mit license", "apache license, version 2.0"), never
opening body phrases: "Permission is hereby granted, free of charge" also opens X11, JSON and
dozens of MIT variants; "Redistribution and use in source and binary forms" opens BSD-4-Clause,
SSLeay and no-modification BSDs. Those texts are the fast path's and scancode's to name.
"""

from __future__ import annotations

import re

from modelicense.detect.answer import TITLE, Answer
from modelicense.knowledge import Knowledge
from modelicense.model import Resolution

TEXT_HEAD_CHARS = 4000


def find_title(text: str, knowledge: Knowledge) -> str | None:
    """The knowledge-base id whose title pattern matches earliest in the opening of the text."""
    head = re.sub(r"\s+", " ", text[:TEXT_HEAD_CHARS].lower())
    best: tuple[int, str] | None = None
    for pattern, ident in knowledge.title_patterns(head):
        match = pattern.search(head)
        if match and (best is None or match.start() < best[0]):
            best = (match.start(), ident)
    return None if best is None else best[1]


def detect_by_title(text: str, knowledge: Knowledge) -> Resolution | None:
    """find_title as a Resolution (for sentences and prose, which are not run through the chain)."""
    ident = find_title(text, knowledge)
    if ident is None:
        return None
    return Resolution(ident, keys=(ident,), method="title", confidence=TITLE)


class Title:
    """Chain step: the title patterns. Last: cheap, and the weakest answer but a weak partial match."""

    name = "title"
    cacheable = False  # depends on the knowledge base (user titles), and costs less than a cache read

    def __init__(self, knowledge: Knowledge):
        self.knowledge = knowledge

    def detect(self, text: str) -> Answer | None:
        ident = find_title(text, self.knowledge)
        return None if ident is None else Answer(self.name, TITLE, ((ident, ident),), ident)
