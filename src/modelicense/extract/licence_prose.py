"""Licence prose wherever a README or card states terms, beyond the "License" / "Terms of use"
headings `card.py` reads: sections whose heading is about licences, terms, usage notices or
restrictions ("Usage and License Notices", "Model License", "Restrictions"), written as a heading
or as a bold label opening a paragraph (`**Usage and License Notices**: …`); sections whose first
sentence says what something is licensed under; and single sentences that name the licence of
the weights, the model, the data or the code ("the weights are released under CC BY-NC 4.0").

A general mention is not a declaration: sections about the project's history or others' work
(changelog, release notes, news, citation, acknowledgements, related work) are skipped, and a
sentence counts only when it says that this repository's weights, model, data or code *are*
released, licensed or distributed under something. Each becomes a low-confidence declaration at
the line where it stands, so rules and the terms reader see it with its evidence.

One pass over the lines; every regular expression is bounded; a section keeps at most
MAX_SECTION_CHARS characters and a file gives at most MAX_DECLARATIONS declarations.
"""

from __future__ import annotations

import re

from modelicense.lazyre import lazy_compile
from modelicense.model import Declaration, Location

MAX_SECTION_CHARS = 4000
MAX_SENTENCE_CHARS = 400
MAX_DECLARATIONS = 32

_HEADING = lazy_compile(r"^(#{1,6})[ \t]{1,8}(\S[^\n]{0,200})$")
_BOLD_LABEL = lazy_compile(r"^[ \t]{0,3}(?:\*\*|__)([^*_\n]{1,80})(?:\*\*|__)[ \t]{0,3}[:.]?")
# A heading about terms; card.py's own "License"/"Licensing"/"Terms of use" headings are its.
_ABOUT_TERMS = lazy_compile(
    r"\b(licen[cs](?:e|es|ing)|terms (?:of|and conditions)|usage (?:and licen[cs]e )?notices?|notices?|"
    r"use restrictions?|restrictions?|acceptable use|permitted uses?|copyright)\b", re.I)
# Sections about history or other people's work: mentions, not declarations.
_GENERAL = lazy_compile(
    r"\b(change ?log|changes|release notes|history|news|updates?|citation|cite|acknowledg(?:e)?ments?|"
    r"related work|references|contributing|contributors|faq)\b", re.I)
_STATES_LICENCE = lazy_compile(
    r"\b(?:is|are|will be)[ ](?:being[ ])?(?:released|licen[cs]ed|distributed|made available|available|provided|"
    r"published|shared)[ ](?:publicly[ ])?under\b|\blicen[cs]ed under\b|\bsubject to (?:the|its|their)[^.\n]{0,40}"
    r"licen[cs]es?\b", re.I)
_SENTENCE = lazy_compile(
    r"\b(?:the |our |this |these |its |all )?(?:model |pretrained |pre-trained |trained )?"
    r"(weights?|checkpoints?|models?|parameters|datasets?|data|code(?:base)?|source code)\b[^.\n]{0,80}?"
    r"\b(?:is|are|will be)[ ](?:being[ ])?(?:released|licen[cs]ed|distributed|made available|available|provided|"
    r"published|shared)[ ](?:publicly[ ])?under\b", re.I)
# "The weights are released for non-commercial research use only": the terms without a licence's
# name. Only with the words of a restriction after "for" (a use the sentence limits it to).
_TERMS_SENTENCE = lazy_compile(
    r"\b(?:the |our |this |these |its |all )?(?:model |pretrained |pre-trained |trained )?"
    r"(weights?|checkpoints?|models?|parameters|datasets?|data|code(?:base)?|source code)\b[^.\n]{0,80}?"
    r"\b(?:is|are|will be|may be|can be|may only be|can only be|must only be)[ ](?:being[ ])?(?:released|licen[cs]ed|"
    r"distributed|made available|available|provided|published|shared|used)[ ](?:publicly[ ])?"
    r"(?:only |solely |exclusively |strictly )?for\b", re.I)
_RESTRICTION_CUE = lazy_compile(
    r"\bnon[- ]?commercial|\b(?:research|academic|evaluation|personal)\b[^.\n]{0,40}\bonly\b", re.I)
_SENTENCE_END = lazy_compile(r"[.!?](?:\s|$)")
# What follows "released under" when it is a licence, not "available under the name pythia-v0".
_LICENCE_CUE = lazy_compile(
    r"licen[cs]|apache|\bmit\b|\bbsd|\bgpl|agpl|\bcc[- ]?(?:by|0)|creative commons|rail\b|llama|gemma|terms|"
    r"agreement|public domain|\bodc|\bodbl|\bcdla|\bopenmdw", re.I)
_FENCE = ("```", "~~~")

_SCOPE_OF_NOUN = {"weight": "weights", "weights": "weights", "checkpoint": "weights", "checkpoints": "weights",
                  "model": "weights", "models": "weights", "parameters": "weights", "dataset": "data",
                  "datasets": "data", "data": "data", "code": "code", "codebase": "code", "source code": "code"}


def declarations(relpath: str, text: str, scope: str, own_heading: re.Pattern[str]) -> tuple[Declaration, ...]:
    """The licence prose of a Markdown file beyond the sections `own_heading` (card.py's) matches.
    `scope` is what the file's prose covers (a model card's weights, a dataset card's data)."""
    lines = text.splitlines()
    found: list[Declaration] = []
    in_fence = False
    skipping_level = 0  # inside a general or card.py's own section, up to the next heading this high
    index = 0
    while index < len(lines) and len(found) < MAX_DECLARATIONS:
        line = lines[index]
        if line.lstrip().startswith(_FENCE):
            in_fence = not in_fence
            index += 1
            continue
        heading = None if in_fence else _HEADING.match(line.strip())
        if heading:
            level, title = len(heading.group(1)), heading.group(2).strip("#*_ \t")
            if skipping_level and level > skipping_level:
                index += 1
                continue
            skipping_level = 0
            if own_heading.match(line.strip()) or _GENERAL.search(title):
                skipping_level = level
            elif _ABOUT_TERMS.search(title) or (level > 1 and _states_licence(_first_sentence(lines, index + 1))):
                body, end = _body(lines, index + 1, level)  # each line is in at most six bodies (levels)
                content = body.strip()
                if content:
                    found.append(Declaration(content[:MAX_SECTION_CHARS], scope, Location(relpath, index + 1, 1),  # type: ignore[arg-type]
                                             title[:80], confidence="low", raw_at=body_start(relpath, lines, index + 1, end, content)))
                index = end
                continue
            index += 1
            continue
        if in_fence or skipping_level:
            index += 1
            continue
        label = _BOLD_LABEL.match(line)
        if label and _ABOUT_TERMS.search(label.group(1)) and not _GENERAL.search(label.group(1)):
            paragraph, end = _paragraph(lines, index)
            found.append(Declaration(paragraph[:MAX_SECTION_CHARS], scope, Location(relpath, index + 1, 1),  # type: ignore[arg-type]
                                     label.group(1).strip()[:80], confidence="low"))
            index = end
            continue
        found.extend(_sentences(relpath, lines, index, scope)[:MAX_DECLARATIONS - len(found)])
        index += 1
    return tuple(found)


def body_start(relpath: str, lines: list[str], start: int, end: int, content: str) -> Location | None:
    """Where a section's kept text begins: the first of lines[start:end] that holds its first
    line (blank lines and indentation were stripped), so terms read from it point at their line."""
    first = content.split("\n", 1)[0].strip()
    for cursor in range(start, min(end, start + 64)):  # bounded: the text starts near the heading
        column = lines[cursor].find(first) if first else -1
        if column >= 0:
            return Location(relpath, cursor + 1, column + 1)
    return None


def _body(lines: list[str], start: int, level: int) -> tuple[str, int]:
    """A section's text up to the next heading of the same or a higher level (bounded)."""
    kept: list[str] = []
    size = 0
    cursor = start
    while cursor < len(lines):
        heading = _HEADING.match(lines[cursor].strip())
        if heading and len(heading.group(1)) <= level:
            break
        if size < MAX_SECTION_CHARS:
            kept.append(lines[cursor])
            size += len(lines[cursor]) + 1
        cursor += 1
    return "\n".join(kept), cursor


def _paragraph(lines: list[str], start: int) -> tuple[str, int]:
    kept: list[str] = []
    cursor = start
    while cursor < len(lines) and lines[cursor].strip() and not _HEADING.match(lines[cursor].strip()):
        kept.append(lines[cursor].strip())
        cursor += 1
    return " ".join(kept), cursor


def _states_licence(sentence: str) -> bool:
    """A sentence that says what something is released under, naming a licence or terms (the
    document's title, level 1, never counts: its section is the whole file)."""
    match = _STATES_LICENCE.search(sentence)
    return bool(match) and bool(_LICENCE_CUE.search(sentence, match.start(), match.end() + 80))


def _first_sentence(lines: list[str], start: int) -> str:
    """The first sentence of a section: its first paragraph's first MAX_SENTENCE_CHARS characters,
    up to a sentence end."""
    kept: list[str] = []
    size = 0
    cursor = start
    while cursor < len(lines) and size < MAX_SENTENCE_CHARS and not _HEADING.match(lines[cursor].strip()):
        if lines[cursor].lstrip().startswith(_FENCE):
            break
        if lines[cursor].strip():
            kept.append(lines[cursor].strip())
            size += len(lines[cursor])
        elif kept:
            break
        cursor += 1
    text = " ".join(kept)[:MAX_SENTENCE_CHARS]
    end = _SENTENCE_END.search(text)
    return text[:end.end()] if end else text


def _sentences(relpath: str, lines: list[str], index: int, scope: str) -> list[Declaration]:
    """Sentences on this line that say under what the weights, model, data or code are released, or
    the restricted use they are released for ("for non-commercial research use only")."""
    line = lines[index]
    found: list[Declaration] = []
    starts: set[int] = set()  # a sentence the licence patterns took is not taken again for its terms
    for pattern, cue in ((_SENTENCE, _LICENCE_CUE), (_TERMS_SENTENCE, _RESTRICTION_CUE)):
        for match in pattern.finditer(line):
            start = max((m.end() for m in _SENTENCE_END.finditer(line, 0, match.start())), default=0)
            end_match = _SENTENCE_END.search(line, match.end(), match.end() + MAX_SENTENCE_CHARS)
            end = end_match.end() if end_match else min(len(line), match.end() + MAX_SENTENCE_CHARS)
            if not cue.search(line, match.end(), match.end() + 80) or (pattern is _TERMS_SENTENCE and start in starts):
                continue
            starts.add(start)
            sentence = line[start:end].strip()[:MAX_SENTENCE_CHARS]
            noun = match.group(1).lower()
            found.append(Declaration(sentence, _SCOPE_OF_NOUN.get(noun, scope), Location(relpath, index + 1, start + 1),  # type: ignore[arg-type]
                                     "licence sentence", confidence="low"))
    found.sort(key=lambda d: d.location.column or 0)
    return found
