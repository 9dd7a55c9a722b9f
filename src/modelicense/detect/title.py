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


# A title stands where titles stand: at the start of a line ("# The MIT License"), or where a
# sentence introduces a licence ("licensed under the Apache License, Version 2.0", "the terms of
# the GNU General Public License"); not in passing ("the option to use CC0 1.0 Universal").
_INTRODUCED = re.compile(r"(?:\b(?:under|the|of)|[^\w\s,;]) ?$")
_LINE_PREFIX = re.compile(r"[^\w\n]*$")


def _head(text: str) -> tuple[str, set[int]]:
    """The opening, lower-cased, each run of white space one space (titles wrap across lines),
    with the offsets at which a line starts."""
    parts = re.split(r"(\s+)", text[:TEXT_HEAD_CHARS].lower())
    head, starts, offset = [], {0}, 0
    for index, part in enumerate(parts):
        if index % 2:  # white space
            head.append(" ")
            offset += 1
            if "\n" in part:
                starts.add(offset)
        else:
            head.append(part)
            offset += len(part)
    return "".join(head), starts


def _stands_as_title(head: str, starts: set[int], at: int) -> bool:
    line = max((s for s in starts if s <= at), default=0)
    before = head[line:at]
    return _LINE_PREFIX.fullmatch(before) is not None or _INTRODUCED.search(head[max(0, at - 40):at]) is not None


def find_title(text: str, knowledge: Knowledge) -> str | None:
    """The knowledge-base id whose title pattern stands earliest as a title in the opening of the text."""
    head, starts = _head(text)
    best: tuple[int, str] | None = None
    for pattern, ident in knowledge.title_patterns(head):
        for match in pattern.finditer(head):
            if best is not None and match.start() >= best[0]:
                break
            if _stands_as_title(head, starts, match.start()):
                best = (match.start(), ident)
                break
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
