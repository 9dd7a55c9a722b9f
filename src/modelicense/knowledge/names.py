"""Licence names as people write them, turned into keys the knowledge base can look up.

Cards, READMEs and GGUF metadata say "Creative Commons Attribution-NonCommercial 4.0
International", "CC BY-NC 4.0", "apache 2.0", "GNU GPLv3", or paste a URL. The knowledge base
already matches ids, aliases and URLs case- and punctuation-insensitively; this module adds the
rewrites that aliases cannot enumerate: Creative Commons names composed from their elements,
licence URLs with their many suffixes, and the filler words ("the", "license", "version").
Pure functions; regular expressions because the inputs are short strings with a closed set of
shapes (a parser library would not know licence names either).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from modelicense.lazyre import lazy_compile

if TYPE_CHECKING:
    from modelicense.knowledge import Knowledge

GENERATED_SOURCE = "https://scancode-licensedb.aboutcode.org/"  # the source of every spdx.json entry

# Creative Commons elements in any spelling: "Attribution-NonCommercial-ShareAlike", "BY NC SA",
# "by-nc-nd", "NoDerivs". "BY" is what every CC licence but CC0 shares.
_CC_ELEMENT = r"(?:attribution|by|non[\s\-_]?commercial|nc|share[\s\-_]?alike|sa|no[\s\-_]?deriv(?:ative)?s?|nd)"
_CC = lazy_compile(
    r"(?<![\w.])(?:creative[\s\-_]*commons?|cc)(?![\w])"
    rf"(?P<body>(?:[\s\-_/,()]*{_CC_ELEMENT}(?![a-z]))*)"
    r"(?:[\s\-_,()]*(?:licen[cs]e|public|international|unported|generic))*"
    r"[\s\-_,()]*(?:v(?:ersion)?\.?\s*)?(?P<version>[1-4]\.[05])?(?![\s\-_]*v?[\d.]*\d)",
    re.IGNORECASE,
)
# The CC licence texts open with the bare element names: "Attribution-NonCommercial 4.0 International".
_CC_BARE = lazy_compile(
    rf"(?<![\w-])(?P<body>attribution(?:[\s\-_]*{_CC_ELEMENT})*)[\s\-_]+(?P<version>[1-4]\.[05])"
    r"[\s\-_]+(?:international|unported|generic)",
    re.IGNORECASE,
)
_CC_ORDER = ("by", "nc", "nd", "sa")
# What may not follow a match: an element or a version the pattern had to give up on.
_TRAILING_VERSION = lazy_compile(rf"[\s\-_/]*(?:v?\d|{_CC_ELEMENT}(?![a-z]))", re.IGNORECASE)

# Licence URLs: the part that names the licence, without scheme, suffixes or anchors.
_URL_REWRITES = (
    (lazy_compile(r"^(?:https?://)?(?:www\.)?creativecommons\.org/(licenses|publicdomain)/([a-z\-]+)/(\d\.\d)(?:/[a-z]{2}(?:_[a-z]{2})?)?"
                r"(?:/(?:legalcode|deed)(?:\.[a-z\-]+)?(?:\.txt)?)?/?(?:[?#].*)?$", re.IGNORECASE), r"creativecommons.org/\1/\2/\3"),
    (lazy_compile(r"^(?:https?://)?(?:www\.)?opensource\.org/licen[cs]es?/([\w.+\-]+?)(?:\.php|\.html)?/?$", re.IGNORECASE), r"\1"),
    (lazy_compile(r"^(?:https?://)?spdx\.org/licenses/([\w.+\-]+?)(?:\.html|\.json|\.txt)?/?$", re.IGNORECASE), r"\1"),
    (lazy_compile(r"^(?:https?://)?choosealicense\.com/licenses/([\w.+\-]+?)/?$", re.IGNORECASE), r"\1"),
    (lazy_compile(r"^(?:https?://)?huggingface\.co/datasets/choosealicense/licenses/(?:blob|resolve|raw)/main/markdown/([\w.+\-]+?)\.md$", re.IGNORECASE), r"\1"),
    (lazy_compile(r"^(?:https?://)?(?:www\.)?apache\.org/licenses/LICENSE-2\.0(?:\.txt|\.html)?/?$", re.IGNORECASE), "Apache-2.0"),
    (lazy_compile(r"^(?:https?://)?(?:www\.)?gnu\.org/licenses/(?:old-licenses/)?([a-z]+-\d\.\d)(?:\.en)?(?:\.html|\.txt)?/?$", re.IGNORECASE), r"\1"),
    (lazy_compile(r"^(?:https?://)?(?:www\.)?opendatacommons\.org/licenses/([a-z\-]+)(?:/\d[-.]\d)?(?:/.*)?$", re.IGNORECASE), r"odc-\1"),
)
_FILLER = (
    (lazy_compile(r"\blicence\b", re.IGNORECASE), "license"),
    (lazy_compile(r"^(?:the|a)\s+", re.IGNORECASE), ""),
    (lazy_compile(r"^gnu\s+", re.IGNORECASE), ""),
    (lazy_compile(r"\b(l?gpl|agpl|fdl)v(?=\d)", re.IGNORECASE), r"\1 "),
    (lazy_compile(r"^#+\s*"), ""),
    (lazy_compile(r"\s*[.,;:]+$"), ""),
    (lazy_compile(r"\s+(?:license|agreement|terms)$", re.IGNORECASE), ""),
    (lazy_compile(r"\s+license\s+agreement$", re.IGNORECASE), ""),
    (lazy_compile(r"\bversion\s+(?=\d)", re.IGNORECASE), ""),
    (lazy_compile(r"\bv\.?\s*(?=\d)", re.IGNORECASE), ""),
    (lazy_compile(r",\s*", re.IGNORECASE), " "),
)
_PARENTHESISED = lazy_compile(r"\(([^()]{2,60})\)")


def cc_id(text: str) -> str | None:
    """The knowledge-base id of the Creative Commons licence a name spells out, or None.

    "Creative Commons Attribution-NonCommercial 4.0 International" -> "CC-BY-NC-4.0";
    "CC BY-SA" (no version) -> "cc-by-sa" (the version-less family); "Creative Commons" -> "cc".
    """
    match = _CC_BARE.search(text) or _CC.search(text)
    if match is None or _TRAILING_VERSION.match(text, match.end()):
        return None  # "cc-by-5.0": a version that does not exist is not a version-less name
    elements = _elements(match.group("body") or "")
    version = match.group("version")
    if not elements:
        return "cc" if not version else None  # "CC 3.0" says nothing about the terms
    if "by" not in elements or ("nd" in elements and "sa" in elements):
        return None
    name = "-".join(e for e in _CC_ORDER if e in elements)
    return f"CC-{name.upper()}-{version}" if version else f"cc-{name}"


def _elements(body: str) -> set[str]:
    found: set[str] = set()
    for token in re.findall(_CC_ELEMENT, body, re.IGNORECASE):
        token = re.sub(r"[\s\-_]", "", token.lower())
        if token in ("attribution", "by"):
            found.add("by")
        elif token.startswith("non") or token == "nc":
            found.add("nc")
        elif token.startswith("share") or token == "sa":
            found.add("sa")
        else:
            found.add("nd")
    return found


def url_key(url: str) -> str | None:
    """What a licence URL names ("https://opensource.org/licenses/MIT" -> "MIT"), or None."""
    url = url.strip().rstrip(".,;")
    for pattern, replacement in _URL_REWRITES:
        if pattern.match(url):
            return pattern.sub(replacement, url)
    return None


def candidates(text: str) -> Iterator[str]:
    """Spellings to look up, most literal first: the URL's name, the text without filler words,
    each parenthesised part ("Apache License (Apache-2.0)"), the Creative Commons id."""
    text = text.strip().strip("\"'`*")
    if not text:
        return
    if text.lower().startswith(("http://", "https://", "www.")):
        named = url_key(text)
        if named:
            yield named
        return
    cleaned = text
    for pattern, replacement in _FILLER:
        cleaned = pattern.sub(replacement, cleaned).strip()
    if cleaned and cleaned != text:
        yield cleaned
    for inner in _PARENTHESISED.findall(text):
        yield inner.strip()
    without = _PARENTHESISED.sub(" ", text).strip()
    if without and without != text:
        yield without
    if _OR_LATER.search(text):  # "GPLv3+", "GNU GPL v2 or later": the name without it (lookup adds -or-later)
        bare = _OR_LATER.sub("", text).strip()
        if bare and bare != text:
            yield bare
            yield from candidates(bare)
    if _is_whole_cc_name(text):
        cc = cc_id(text)
        if cc:
            yield cc


_CC_FILLER = lazy_compile(r"[\s\W_]*(?:(?:the|a|an|international|unported|generic|public|license|licence|legal|code|deed)[\s\W_]*)*", re.IGNORECASE)


def _is_whole_cc_name(text: str) -> bool:
    """The text is a Creative Commons name and nothing else ("apache-2.0 AND cc-by-4.0" is not);
    a ported licence may name its jurisdiction after it ("... 2.5 South Africa License")."""
    match = _CC.search(text) or _CC_BARE.search(text)
    if match is None or not _CC_FILLER.fullmatch(text[:match.start()]):
        return False
    rest = text[match.end():]
    return not re.search(r"\d|\b(?:and|or|with|plus)\b", rest, re.IGNORECASE) and len(rest.split()) <= 5


def lookup(text: str, knowledge: Knowledge) -> str | None:
    """The licence a short free-text name means, or None."""
    for candidate in candidates(text):
        found = knowledge.licence_id(candidate)
        if found:
            return or_later(found, knowledge) if _OR_LATER.search(text) else found
    return None


# "GPL v3 or later", "GPLv3+", "any later version": the -or-later SPDX id, not -only.
_OR_LATER = lazy_compile(r"(?:,?\s*\bor\s+(?:any\s+)?later(?:\s+version)?\b|(?<=\w)\+(?!\w))", re.IGNORECASE)


def or_later(ident: str, knowledge: Knowledge) -> str:
    """GPL-3.0-only -> GPL-3.0-or-later when the text says "or later" (and such an id exists)."""
    if ident.endswith("-only"):
        later = knowledge.licence_id(ident[: -len("-only")] + "-or-later")
        if later:
            return later
    return ident


# Names worth finding inside sentences: the multi-word names and aliases of hand-written entries
# and every alias with a version number. Bare words ("MIT", "BSD") are too ambiguous in prose.
# Names and text are compared as word sequences: words are runs of letters and digits, with inner
# dots ("flux.1", "2.0") and a trailing "++" ("rail++"); a lone "+" is "or later", not a word.
# (A regex alternation of the ~800 names costs ~50 ms to compile on every run; this index ~2 ms.)
_WORD = lazy_compile(r"[a-z0-9]+(?:\.[a-z0-9]+)*(?:\+\+)?", re.IGNORECASE)
NameIndex = dict[str, list[tuple[tuple[str, ...], str]]]


def _words(text: str) -> list[re.Match[str]]:
    return list(_WORD.finditer(text))


def name_index(knowledge: Knowledge) -> NameIndex:
    """First word -> [(words of a name, licence id)], longest names first."""
    names: dict[tuple[str, ...], str] = {}
    for licence in knowledge.licences.values():
        # Generated entries (built lazily, so present or not depending on earlier lookups) stay
        # out: the index must not change with the order of lookups, and their names are many.
        if licence.kind == "ignorance" or licence.source.startswith(GENERATED_SOURCE):
            continue
        for name in (licence.name, *licence.aliases):
            lowered = name.lower().strip()
            if lowered.startswith(("licenseref-", "license ::")) or len(lowered) < 6:
                continue
            if " " in lowered or any(ch.isdigit() for ch in lowered):
                words = tuple(_WORD.findall(lowered))  # the pattern has no groups: whole matches
                if words:
                    names.setdefault(words, licence.id)
    index: NameIndex = {}
    for words, ident in sorted(names.items(), key=lambda item: -len(item[0])):
        index.setdefault(words[0], []).append((words, ident))
    return index


def _names_in(text: str, index: NameIndex) -> list[tuple[int, int, str]]:
    """(start, end, licence id) of every indexed name in the text, longest match first, no overlaps."""
    words = _words(text)
    lowered = [m.group().lower() for m in words]
    found: list[tuple[int, int, str]] = []
    i = 0
    while i < len(words):
        for sequence, ident in index.get(lowered[i], ()):
            if tuple(lowered[i:i + len(sequence)]) == sequence:
                found.append((words[i].start(), words[i + len(sequence) - 1].end(), ident))
                i += len(sequence)
                break
        else:
            i += 1
    return found


def find_names(text: str, knowledge: Knowledge) -> list[str]:
    """Licence ids named anywhere in a text (sentences, prose sections), in order of appearance:
    URLs, Creative Commons names, and the knowledge base's multi-word or versioned names."""
    hits: list[tuple[int, str]] = []
    for url in re.finditer(r"https?://[^\s)\]>\"'`]+", text):
        ident = knowledge.licence_id(url.group().rstrip(".,;")) or _url_lookup(url.group(), knowledge)
        if ident:
            hits.append((url.start(), ident))
    for match in _CC_BARE.finditer(text):
        ident = knowledge.licence_id(cc_id(match.group()) or "")
        if ident:
            hits.append((match.start(), ident))
    for match in _CC.finditer(text):
        found = cc_id(match.group())
        if found and found != "cc":  # a bare "cc" in prose is as often an e-mail header
            ident = knowledge.licence_id(found)
            if ident:
                hits.append((match.start(), ident))
    for start, end, ident in _names_in(text, knowledge.name_index(name_index)):
        if _OR_LATER.match(text, end):
            ident = or_later(ident, knowledge)
        hits.append((start, ident))
    hits.sort()
    return list(dict.fromkeys(ident for _, ident in hits))


def _url_lookup(url: str, knowledge: Knowledge) -> str | None:
    named = url_key(url)
    return knowledge.licence_id(named) if named else None
