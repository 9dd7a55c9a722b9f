"""Raw declarations to licences.

- ids, names, aliases and URLs: one dictionary lookup in the knowledge base (fast path; most
  declarations are a single Hugging Face or SPDX id);
- expressions with AND / OR / WITH: parsed by `license-expression`, each symbol looked up;
- full licence texts: the detection chain (`modelicense.detect`: cache, fast path, scancode when
  installed, title), whose answer carries its confidence;
- prose sections of cards: URLs and ids mentioned in them.
Nothing is ever dropped: what no table knows is kept in `unrecognised` with the raw text.
"""

from __future__ import annotations

import re

from modelicense.detect import detect_text
from modelicense.detect.title import TEXT_HEAD_CHARS, detect_by_title
from modelicense.knowledge import IGNORANCE_IDS, Knowledge, names
from modelicense.lazyre import lazy_compile
from modelicense.model import Declaration, Resolution

# Legacy dataset cards wrote `other-<name>` for licences outside the list.
_LEGACY_OTHER = lazy_compile(r"^other[-_ ](.+)$", re.I)
_CLASSIFIER = lazy_compile(r"^License :: (?:OSI Approved :: )?(.+)$")
_OPERATOR = lazy_compile(r"\s(AND|OR|WITH)\s|[()]", re.I)
# A value that lists licences: "Apache 2.0, Acme community licence", "MIT; Acme model licence".
_LIST_SEPARATOR = lazy_compile(r"\s{0,4}(?:[,;+&]|\band\b|\bplus\b)\s{0,4}", re.I)
# A part of such a list that is a licence's name ("Acme community licence v2"), not "see LICENSE".
_NAMES_A_LICENCE = lazy_compile(
    r"^(?!(?:see|refer|read|check|its|our|this)\b)[\w.\-' ]{2,60}\b(?:licen[cs]e|agreement)"
    r"(?: v?\d{1,3}(?:\.\d{1,3}){0,2})?$", re.I)
# Tokens that look like licence ids in prose: cc-by-nc-4.0, apache-2.0, gpl-3.0, llama3.1 ...
_ID_TOKEN = lazy_compile(r"\b[a-z][a-z0-9+.]*(?:[-_ ][a-z0-9+.]+){0,5}\b", re.I)


def _looks_like_expression(text: str) -> bool:
    """AND / OR / WITH between ids ("MIT OR Apache-2.0", "MIT/Apache-2.0"), not a sentence that
    happens to contain "and" or a parenthesis ("for research and educational purposes only")."""
    if text.lower().startswith("http"):
        return False
    if not (_OPERATOR.search(text) or "/" in text):
        return False
    operands = [part.split() for part in re.split(r"\s(?:AND|OR|WITH)\s|[()/]", text, flags=re.I)]
    # ids are one token; a name in an expression carries a version ("Apache License 2.0")
    return all(len(words) <= 1 or len(words) <= 4 and any(c.isdigit() for w in words for c in w) for words in operands)


class Resolver:
    def __init__(self, knowledge: Knowledge):
        self.knowledge = knowledge

    def resolve(self, declaration: Declaration) -> Resolution:
        if declaration.is_text:
            return self.resolve_text(declaration.raw)
        if declaration.confidence == "low":
            return self.resolve_prose(declaration.raw)
        return self.resolve_id(declaration.raw)

    def resolve_id(self, raw: str) -> Resolution:
        text = raw.strip().strip("\"'")
        lowered = text.lower()
        # Legacy dataset cards also wrote `other-` / `unknown-` with nothing after the dash.
        lowered = lowered.rstrip("-_ ") if lowered.rstrip("-_ ") in IGNORANCE_IDS else lowered
        if lowered in IGNORANCE_IDS:
            return Resolution(lowered, ignorance=lowered, method="id")
        ident = self.knowledge.licence_id(text)
        if ident is not None:
            return Resolution(ident, keys=(ident,), method="id" if ident.lower() == lowered else "alias")
        classifier = _CLASSIFIER.match(text)
        if classifier:
            ident = self.knowledge.licence_id(classifier.group(1).split(" :: ")[-1])
            if ident is not None:
                return Resolution(ident, keys=(ident,), method="classifier")
        legacy = _LEGACY_OTHER.match(text)
        if legacy:
            ident = self.knowledge.licence_id(legacy.group(1)) or names.lookup(legacy.group(1), self.knowledge)
            if ident is not None:
                return Resolution(ident, keys=(ident,), method="alias")
            return Resolution("other", ignorance="other", unrecognised=(legacy.group(1),), method="legacy-other")
        ident = names.lookup(text, self.knowledge)
        if ident is not None:
            return self._named(text, ident, "url" if "://" in text else "name")
        if _looks_like_expression(text):
            return self._resolve_expression(text)
        if len(text.split()) > 3:  # a sentence in a licence field: "Licensed under the Apache License, Version 2.0"
            found = names.find_names(text, self.knowledge)
            if len(found) == 1:
                return self._named(text, found[0], "name")
            if not found:
                titled = detect_by_title(text, self.knowledge)  # a pasted licence opening
                if titled:
                    return titled
        return Resolution(None, unrecognised=(text,))

    def _named(self, text: str, ident: str, method: str) -> Resolution:
        """A value that names one known licence; another licence it lists that nobody knows ("Apache
        2.0, Acme community licence") is kept as unrecognised, never dropped."""
        others = []
        for part in _LIST_SEPARATOR.split(text)[:6]:
            part = part.strip(" .()")
            if _NAMES_A_LICENCE.match(part) and not names.find_names(part, self.knowledge) \
                    and names.lookup(part, self.knowledge) is None:
                others.append(part)
        return Resolution(ident, keys=(ident,), unrecognised=tuple(others), method=method)

    def _resolve_expression(self, text: str) -> Resolution:
        from license_expression import ExpressionError, Licensing  # imported only for expressions

        # npm and some cards write "MIT/Apache-2.0" for a choice.
        normalised_text = re.sub(r"\s*/\s*", " OR ", text) if "/" in text and not _OPERATOR.search(text) else text
        licensing = Licensing()
        try:
            parsed = licensing.parse(normalised_text, validate=False, simple=False)
        except ExpressionError as exc:
            return Resolution(None, unrecognised=(text,), method=f"unparseable: {exc}")
        except Exception:  # license-expression raises plain errors on some inputs (e.g. lone operators)
            return Resolution(None, unrecognised=(text,), method="unparseable")
        if parsed is None:
            return Resolution(None, unrecognised=(text,))
        keys: list[str] = []
        unknown: list[str] = []
        mapping: dict[str, str] = {}
        for symbol in licensing.license_symbols(parsed, unique=True, decompose=True):
            ident = self.knowledge.licence_id(symbol.key)
            if ident is None:
                unknown.append(symbol.key)
            else:
                keys.append(ident)
                mapping[symbol.key] = ident
        rendered = parsed.render()
        for raw_key, ident in sorted(mapping.items(), key=lambda kv: -len(kv[0])):
            rendered = re.sub(rf"(?<![\w.+-]){re.escape(raw_key)}(?![\w.+-])", ident, rendered)
        only_or = " AND " not in rendered.upper() and " OR " in rendered.upper()
        return Resolution(rendered, keys=tuple(dict.fromkeys(keys)), unrecognised=tuple(unknown),
                          alternatives=only_or, method="expression")

    def resolve_text(self, text: str) -> Resolution:
        found = detect_text(text, self.knowledge)
        if found is not None:
            return found
        first = next((line.strip() for line in text.splitlines() if line.strip()), "")
        return Resolution(None, unrecognised=(first[:120],), method="none", confidence="none")

    def resolve_prose(self, text: str) -> Resolution:
        """Licences a prose section names, by URL, by name or by id-like tokens. Low confidence."""
        stripped = text.strip().strip("#*_` \n")
        if stripped and len(stripped.split()) <= 6 and "\n" not in stripped:  # a section that is just "MIT"
            direct = self.resolve_id(stripped)
            if direct.keys and not direct.unrecognised:
                return Resolution(direct.expression, keys=direct.keys, alternatives=direct.alternatives, method="prose")
        keys: list[str] = list(names.find_names(text[:TEXT_HEAD_CHARS * 4], self.knowledge))
        titled = detect_by_title(text, self.knowledge)
        if titled:
            keys.extend(titled.keys)
        for token in _ID_TOKEN.findall(text[:TEXT_HEAD_CHARS]):
            # ids carry versions and punctuation ("cc-by-nc-4.0", "llama3.1"); bare words and
            # numbers ("2.0", "version 3") are too ambiguous
            if any(ch.isdigit() for ch in token) and any(ch.isalpha() for ch in token) and " " not in token:
                ident = self.knowledge.licence_id(token)
                if ident and ident not in IGNORANCE_IDS:
                    keys.append(ident)
        unique = tuple(k for k in dict.fromkeys(keys) if not _is_family_of(k, keys, self.knowledge))
        if not unique:
            return Resolution(None, method="prose")
        return Resolution(" AND ".join(unique) if len(unique) > 1 else unique[0], keys=unique, method="prose")


def _is_family_of(ident: str, others: list[str], knowledge: Knowledge) -> bool:
    """A family ("cc", "gpl", "cc-by-nc") named next to one of its members ("CC-BY-NC-4.0",
    "GPL-3.0-only") adds nothing: "Creative Commons [Attribution-NonCommercial 4.0](...)"."""
    licence = knowledge.licence(ident)
    if licence is None or licence.kind != "family":
        return False
    prefix = ident.lower() + "-"
    return any(other.lower().startswith(prefix) for other in others)
