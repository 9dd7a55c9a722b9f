"""Lookup keys: how an id, alias, name or URL is normalised so that "CC BY-NC 4.0",
"cc-by-nc-4.0" and "https://creativecommons.org/licenses/by-nc/4.0/" can find the same entry."""

from __future__ import annotations

import re

from modelicense.lazyre import lazy_compile

# Hub ids are at most 96 characters per part (owner/name); with a URL, a config and a split a
# real id stays well under this. A longer "id" is no id anything knows, and looking it up costs
# work in its length (lookup keys, family patterns such as `meta-llama/llama-2-*`): it is
# unknown before any lookup (a 160 KB `base_model` cost 31 s of lookups before this bound).
MAX_ID_LENGTH = 300
# A dataset id may carry a config and a split after owner/name ("allenai/c4/en"); no more
# prefixes than that are tried, so `a/a/a/…` costs one lookup per allowed segment, not per segment.
MAX_ID_SEGMENTS = 4

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
