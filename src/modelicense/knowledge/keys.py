"""Lookup keys: how an id, alias, name or URL is normalised so that "CC BY-NC 4.0",
"cc-by-nc-4.0" and "https://creativecommons.org/licenses/by-nc/4.0/" can find the same entry."""

from __future__ import annotations

import re

from modelicense.lazyre import lazy_compile

_SCHEME = lazy_compile(r"^https?://(www\.)?")
_SEPARATORS = lazy_compile(r"[\s_\-–—]+")


def lookup_key(text: str) -> str:
    """Case- and punctuation-insensitive lookup key ("CC BY-NC 4.0" == "cc-by-nc-4.0")."""
    text = text.strip().lower()
    if text.startswith("http"):
        text = _SCHEME.sub("", text).rstrip("/")
    # Every run of separators becomes one "-". Thousands of keys are made on a run that loads
    # spdx.json, so the common case uses str methods (twice as fast; split() splits on the
    # whitespace \s matches); the regex is kept for dashes other than "-" and for a separator at
    # either end, which split() would drop.
    spaced = text.replace("_", " ").replace("-", " ")
    if not spaced or spaced[0].isspace() or spaced[-1].isspace() or "–" in spaced or "—" in spaced:
        return _SEPARATORS.sub("-", text)
    return "-".join(spaced.split())


_HUB_URL = lazy_compile(r"^(?:https?://(?:www\.)?(?:huggingface\.co|hf\.co)/|hf://)(?:(datasets|models|spaces)/)?", re.IGNORECASE)


def hub_id(ident: str, kind: str) -> str:
    """"https://huggingface.co/datasets/allenai/c4/tree/main" -> "allenai/c4"; plain ids unchanged."""
    text = ident.strip()
    match = _HUB_URL.match(text)
    if match:
        text = text[match.end():]
    elif text.startswith(kind + "/"):
        text = text[len(kind) + 1:]
    text = re.split(r"/(?:tree|blob|resolve|raw)/", text, maxsplit=1)[0]
    return text.strip("/")
