"""Full-text licence detection: which licence a LICENSE file (or a pasted text) is.

    cache (content hash) ─hit─► result
        │ miss
        ▼
    fast path: exact / near-exact copies of common texts ─sure─► result
        │ unsure
        ▼
    scancode-toolkit in process (when installed) ─► result with match coverage
        │ not installed
        ▼
    the fast path's partial answer, or the knowledge base's title patterns, marked as such

Results are stored raw (scancode keys and SPDX ids) and mapped into the knowledge base on every
run, so user overrides apply to cached results too. `detect_text` is registered in
`modelicense.resolve.TEXT_DETECTORS`.
"""

from __future__ import annotations

import re
from typing import Any

from modelicense.detect import scancode_engine
from modelicense.knowledge import IGNORANCE_IDS, Knowledge
from modelicense.model import Resolution

# Bump when the fast-path data or the way results are computed changes: old entries stop matching.
DETECTOR_VERSION = "1"
NO_SCANCODE = "scancode not installed"

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


def detection(text: str) -> dict[str, Any]:
    """What the detectors say about a text, as a plain (cacheable) record:
    method, expression (SPDX ids), keys ([scancode key, SPDX id] pairs), coverage."""
    store = open_cache()
    key = cache_key(text)
    found = store.get(key)
    if found is not None:
        return found
    found = _detect(text)
    if not scancode_engine.failure():  # a broken scancode install must not poison the cache
        store.put(key, found)
    return found


def _detect(text: str) -> dict[str, Any]:
    from modelicense.detect import fastpath  # its data and regexes only on a cache miss

    fast = fastpath.match(text)
    if fast is not None and fast.sure:
        return _record("fastpath", " AND ".join(fast.spdx), zip(fast.keys, fast.spdx), fast.coverage)
    if scancode_engine.available():
        from modelicense import progress

        progress.note_scancode()  # a long call: the progress line says what it waits for
        found = scancode_engine.detect(text)
        if found is not None:
            method = STOPPED if found.stopped else "scancode"
            return _record(method, found.spdx_expression, found.keys, found.coverage)
        if not scancode_engine.failure():
            return _record("scancode", None, (), None)
    if fast is not None:
        return _record("fastpath-partial", " AND ".join(fast.spdx), zip(fast.keys, fast.spdx), fast.coverage)
    return _record("none", None, (), None)


# scancode ran out of its time budget on this text (scancode_engine.TIME_BUDGET_SECONDS); the scan
# reports it as a finding on the file (scan.budget_problems).
STOPPED = "scancode-stopped"
STOPPED_LABEL = f"scancode (stopped at its {scancode_engine.TIME_BUDGET_SECONDS:g} s time budget; may be incomplete)"


def _record(method: str, expression: str | None, keys, coverage: float | None) -> dict[str, Any]:
    return {"method": method, "expression": expression, "keys": [list(pair) for pair in keys], "coverage": coverage}


def detect_text(text: str, knowledge: Knowledge) -> Resolution | None:
    """The registered text detector: a Resolution, or None to let the next detector try."""
    found = detection(text)
    method = found.get("method")
    if found.get("expression") and method in ("fastpath", "scancode", "fastpath-partial", STOPPED):
        label = {"fastpath-partial": f"fastpath (partial; {_why_no_scancode()})", STOPPED: STOPPED_LABEL}.get(
            method, method)
        return to_resolution(found, knowledge, label)
    if method == "scancode":
        return None  # scancode found no licence: the title patterns may still name one
    from modelicense.resolve import detect_by_title  # resolve is loaded: it is our caller

    titled = detect_by_title(text, knowledge)
    if titled is None:
        return None
    return Resolution(titled.expression, keys=titled.keys, method=f"title ({_why_no_scancode()})")


def _why_no_scancode() -> str:
    failure = scancode_engine.failure()
    if failure:
        return f"scancode failed: {failure}"
    return "scancode disabled" if scancode_engine.disabled() else NO_SCANCODE


def to_resolution(found: dict[str, Any], knowledge: Knowledge, method: str) -> Resolution:
    """SPDX ids and scancode keys to knowledge-base ids; what it lacks stays unrecognised."""
    expression = str(found["expression"])
    keys: list[str] = []
    unknown: list[str] = []
    renames: dict[str, str] = {}
    for scancode_key, spdx in found.get("keys", ()):
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
        coverage=found.get("coverage"),
    )
