"""Is a string a Hugging Face Hub model id, or a local path? Lineage files and code name the
model they start from either way (`base_model_name_or_path`, `_name_or_path`, `from_pretrained`),
and only a Hub id can be looked up; a path on someone's disk is skipped, not guessed."""

from __future__ import annotations

import re

from modelicense.lazyre import lazy_compile

# Hub ids: "name" (legacy canonical models such as gpt2) or "org/name"; names are letters, digits,
# "-", "_", "." (https://huggingface.co/docs/hub/repositories-getting-started; the Hub rejects the rest).
_ORG_NAME = lazy_compile(r"^[A-Za-z0-9][\w.-]{0,95}/[\w.-]{1,96}$")
_BARE = lazy_compile(r"^[A-Za-z0-9][\w.-]{0,95}$")
_HUB_URL = lazy_compile(r"^(?:https?://(?:www\.)?(?:huggingface\.co|hf\.co)/|hf://)(?:models/)?", re.IGNORECASE)
# Names that are folders in practice, never models on the Hub.
_LOCAL_WORDS = frozenset({"output", "outputs", "checkpoint", "checkpoints", "model", "models", "tmp", "save", "saved",
                          "results", "runs", "ckpt", "ckpts", "final", "base", "merged", "adapter", "lora"})


def hub_model_id(text: object, allow_bare: bool = False) -> str | None:
    """The Hub id `text` names ("org/name", or a Hub URL to it), or None for a local path,
    a relative folder or anything else. Bare names ("gpt2") only with `allow_bare`."""
    if not isinstance(text, str):
        return None
    value = text.strip()
    match = _HUB_URL.match(value)
    if match:
        value = re.split(r"/(?:tree|blob|resolve)/", value[match.end():], maxsplit=1)[0].strip("/")
    if value.startswith((".", "/", "~")) or "\\" in value or ":" in value or value.endswith((".", "-")):
        return None
    if _ORG_NAME.match(value):
        org = value.split("/", 1)[0].lower()
        if org in _LOCAL_WORDS or org.startswith(("checkpoint-", "run-", "output")):
            return None
        return value
    if allow_bare and _BARE.match(value) and value.lower() not in _LOCAL_WORDS and not value.startswith("checkpoint-"):
        return value
    return None
