"""What modelicense knows: licence properties, datasets and base models, as data.

The data lives in JSON files beside this module (JSON because the standard library parses it in C:
this is loaded on every hook run). Each entry cites its source. Users add or override entries in
their configuration; the loader validates both the same way, so a typo in a property is an error
with the entry's name, not a silent miss.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, fields, replace
from functools import cache, lru_cache
from typing import Any

from modelicense.lazyre import lazy_compile

# --- vocabulary ------------------------------------------------------------------------------

KINDS = ("software", "content", "data", "model", "public-domain", "proprietary", "family", "ignorance", "exception")
COPYLEFT = ("none", "weak", "strong", "network", "unknown")
BASIS = ("copyright", "contract", "both", "none", "unknown")
# Ids that declare ignorance rather than a licence (Hugging Face `unknown` and `other`).
IGNORANCE_IDS = ("unknown", "other")
# What a derived model owes its base (Model.duties).
DUTIES = ("licence-copy", "notice", "naming", "use-policy", "same-licence", "non-commercial")


@dataclass(frozen=True)
class Licence:
    """Properties of one licence. None means "not known" (families such as `cc` or `bsd`)."""

    id: str
    name: str
    kind: str
    source: str
    spdx: bool = False
    aliases: tuple[str, ...] = ()
    urls: tuple[str, ...] = ()
    titles: tuple[str, ...] = ()  # regexes matched against the opening of a licence text
    copyleft: str = "none"
    attribution: bool | None = None
    share_alike: bool | None = None
    non_commercial: bool | None = None
    no_derivatives: bool | None = None
    research_only: bool | None = None
    use_restrictions: bool | None = None
    user_threshold: bool | None = None
    naming: bool | None = None
    basis: str = "copyright"
    osi: bool | None = None
    fsf_libre: bool | None = None
    osaid: bool | None = None
    notes: str = ""

    @property
    def restricts_use(self) -> bool:
        """Takes away freedom 0 by its own terms (if the terms bind)."""
        return bool(self.non_commercial or self.research_only)

    @property
    def is_copyleft(self) -> bool:
        return self.copyleft in ("weak", "strong", "network")


@dataclass(frozen=True)
class Dataset:
    id: str
    licence: str | None
    source: str
    aliases: tuple[str, ...] = ()
    non_commercial: bool = False
    research_only: bool = False
    no_derivatives: bool = False
    third_party_content: bool = False  # its point is works taken without the authors' permission
    web_crawl: bool = False  # Common Crawl and derivatives: unsettled for everyone
    provider_terms: str | None = None  # e.g. "openai-terms": synthetic data under a model provider's terms
    notes: str = ""


@dataclass(frozen=True)
class Model:
    id: str
    licence: str
    source: str
    aliases: tuple[str, ...] = ()
    patterns: tuple[str, ...] = ()  # glob-like Hub id patterns for families (meta-llama/Llama-2-*)
    duties: tuple[str, ...] = ()  # what derivatives owe: notice, naming, use-policy, licence-copy
    notes: str = ""


class KnowledgeError(ValueError):
    pass


_SCHEME = lazy_compile(r"^https?://(www\.)?")
_SEPARATORS = lazy_compile(r"[\s_\-–—]+")


def _key(text: str) -> str:
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


def _hub_id(ident: str, kind: str) -> str:
    """"https://huggingface.co/datasets/allenai/c4/tree/main" -> "allenai/c4"; plain ids unchanged."""
    text = ident.strip()
    match = _HUB_URL.match(text)
    if match:
        text = text[match.end():]
    elif text.startswith(kind + "/"):
        text = text[len(kind) + 1:]
    text = re.split(r"/(?:tree|blob|resolve|raw)/", text, maxsplit=1)[0]
    return text.strip("/")


@dataclass
class Knowledge:
    """Licences, datasets and models with case- and punctuation-insensitive indexes.

    Licences come in two stages: the hand-written table (licences.json, small, loaded eagerly)
    and the generated SPDX / ScanCode table (spdx.json, ~2,300 entries), merged in only when a
    lookup misses the first stage, so a hook run that sees only common ids never parses it.
    Shipped datasets and models (~500) are indexed from the raw JSON and built into Dataset and
    Model objects when looked up (a hook run looks up a handful): until then their entry in
    `_datasets` / `_models` is the pair (raw JSON entry, file it came from).
    """

    licences: dict[str, Licence] = field(default_factory=dict)
    _datasets: dict[str, Dataset | tuple[dict, str]] = field(default_factory=dict)
    _models: dict[str, Model | tuple[dict, str]] = field(default_factory=dict)
    _licence_index: dict[str, str] = field(default_factory=dict)
    _dataset_index: dict[str, str] = field(default_factory=dict)
    _model_index: dict[str, str] = field(default_factory=dict)
    _generated_loaded: bool = True  # False: spdx.json is still to be merged on the first miss
    _generated_raw: dict[str, tuple[dict, str]] = field(default_factory=dict)
    _patterns: list[tuple[re.Pattern[str], str]] | None = None
    _titles: list[tuple[str | None, str, str]] | None = None
    _names: Any = None

    # -- licences --
    def licence(self, ident: str | None) -> Licence | None:
        if ident is None:
            return None
        found = self.licences.get(ident)
        if found is not None:
            return found
        key = self.licence_id(ident)
        if key is None:
            return None
        return self.licences.get(key) or self._build_generated(key)

    def licence_id(self, raw: str) -> str | None:
        """The id of a licence by its id, alias, name or URL, or None."""
        if raw in self.licences:
            return raw
        found = self._licence_index.get(_key(raw))
        if found is None and not self._generated_loaded:
            self.load_generated()
            found = self._licence_index.get(_key(raw))
        return found

    def all_licences(self) -> dict[str, Licence]:
        """Every licence, generated ones included."""
        self.load_generated()
        for ident in list(self._generated_raw):
            self._build_generated(ident)
        return self.licences

    def load_generated(self) -> None:
        """Index the generated SPDX / ScanCode entries; earlier (hand-written, user) entries win.
        Entries are indexed from the raw JSON and built into Licence objects only when asked for."""
        if self._generated_loaded:
            return
        self._generated_loaded = True
        for name in GENERATED_FILES:
            doc = _read_document(name)
            for alias, ident in doc.get("aliases", {}).items():
                self._licence_index.setdefault(_key(alias), ident)
            for raw in doc.get("entries", []):
                ident = raw.get("id")
                if not ident or ident in self.licences or ident in self._generated_raw:
                    continue
                self._generated_raw[ident] = (raw, name)
                for text in (ident, *raw.get("aliases", ()), *raw.get("urls", ()), raw.get("name", "")):
                    if text:
                        self._licence_index.setdefault(_key(text), ident)

    def _build_generated(self, ident: str) -> Licence | None:
        pending = self._generated_raw.pop(ident, None)
        if pending is None:
            return self.licences.get(ident)
        entry = _build(Licence, *pending)
        self.licences[entry.id] = entry
        return entry

    def title_patterns(self, text: str | None = None) -> list[tuple[re.Pattern[str], str]]:
        """Compiled title regexes (only hand-written entries carry titles). Given the (lower-cased)
        text they will be searched in, only those whose required words occur in it are compiled:
        compiling all ~150 costs more than the rest of a warm hook run."""
        if self._titles is None:
            self._titles = [(required_literal(p), p, lic.id) for lic in self.licences.values() for p in lic.titles]
        return [
            (_compiled(pattern), ident)
            for literal, pattern, ident in self._titles
            if text is None or literal is None or literal in text
        ]

    def name_index(self, build: Callable[[Knowledge], Any]) -> Any:
        """The index that finds licence names in prose (see names.py), built once."""
        if self._names is None:
            self._names = build(self)
        return self._names

    # -- datasets and models --
    @property
    def datasets(self) -> dict[str, Dataset]:
        """Every dataset (builds those not built yet)."""
        return {ident: self._built(Dataset, ident) for ident in self._datasets}

    @property
    def models(self) -> dict[str, Model]:
        """Every model (builds those not built yet)."""
        return {ident: self._built(Model, ident) for ident in self._models}

    def _built(self, cls, ident: str):
        """The Dataset or Model with this id, built from its raw entry on first use."""
        entries = self._datasets if cls is Dataset else self._models
        entry = entries[ident]
        if isinstance(entry, tuple):
            entry = entries[ident] = _build(cls, *entry)
        return entry

    def dataset(self, ident: str) -> Dataset | None:
        """A dataset by Hub id or alias; also as a Hub URL, or with a config or split after the id
        ("allenai/c4/en", "wikimedia/wikipedia/20231101.en")."""
        key = self._dataset_key(ident)
        return self._built(Dataset, key) if key else None

    def _dataset_key(self, ident: str) -> str | None:
        key = self._dataset_index.get(_key(ident))
        if key is None:
            bare = _hub_id(ident, "datasets")
            key = self._dataset_index.get(_key(bare))
            parts = bare.split("/")
            while key is None and len(parts) > 1:
                parts.pop()
                key = self._dataset_index.get(_key("/".join(parts)))
        return key

    def model(self, ident: str) -> Model | None:
        """A model by exact id or alias, else the first family whose pattern matches."""
        key = self._model_index.get(_key(ident)) or self._model_index.get(_key(_hub_id(ident, "models")))
        if key:
            return self._built(Model, key)
        ident = _hub_id(ident, "models")
        if self._patterns is None:
            self._patterns = [
                (re.compile(re.escape(p.lower()).replace(r"\*", ".*")), model_id)
                for model_id, entry in self._models.items()
                for p in (entry[0].get("patterns", ()) if isinstance(entry, tuple) else entry.patterns)
            ]
        lowered = ident.strip().lower()
        for pattern, model_id in self._patterns:
            if pattern.fullmatch(lowered):
                return self._built(Model, model_id)
        return None

    # -- building --
    def add_licence(self, entry: Licence) -> None:
        self.licences[entry.id] = entry
        for name in (entry.id, entry.name, *entry.aliases, *entry.urls):
            self._licence_index.setdefault(_key(name), entry.id)
        self._licence_index[_key(entry.id)] = entry.id
        self._titles = None
        self._names = None

    def add_dataset(self, entry: Dataset) -> None:
        self._datasets[entry.id] = entry
        for name in (entry.id, *entry.aliases):
            self._dataset_index[_key(name)] = entry.id

    def add_model(self, entry: Model) -> None:
        self._models[entry.id] = entry
        for name in (entry.id, *entry.aliases):
            self._model_index[_key(name)] = entry.id
        self._patterns = None

    def _add_raw(self, cls, raw: dict, origin: str) -> None:
        """Index a shipped dataset or model by id and aliases; it is built when looked up."""
        ident, aliases = raw.get("id"), raw.get("aliases", [])
        if not (isinstance(ident, str) and ident and isinstance(aliases, list) and all(isinstance(a, str) for a in aliases)):
            _build(cls, raw, origin)  # the KnowledgeError that names what is wrong, when it can
            raise KnowledgeError(f"{origin}: {raw.get('id', '?')}: id and aliases must be strings")
        entries, index = (self._datasets, self._dataset_index) if cls is Dataset else (self._models, self._model_index)
        entries[ident] = (raw, origin)
        for name in (ident, *aliases):
            index[_key(name)] = ident
        self._patterns = None

    def with_overrides(self, licences: Mapping[str, Mapping[str, Any]], datasets: Mapping[str, Mapping[str, Any]],
                       models: Mapping[str, Mapping[str, Any]], origin: str) -> Knowledge:
        """A copy with user entries merged over the shipped ones (like cargo-deny's `clarify`).

        An entry that names a known id (or alias) changes only the fields it gives; any other id
        adds an entry. Either way the entry's source becomes the configuration file and its notes
        the user's `reason`, so `modelicense show` tells where the knowledge came from."""
        merged = Knowledge(dict(self.licences), dict(self._datasets), dict(self._models),
                           dict(self._licence_index), dict(self._dataset_index), dict(self._model_index),
                           self._generated_loaded, dict(self._generated_raw))
        for ident, values in licences.items():
            merged.add_licence(_override(Licence, merged.licence(ident), ident, values, origin))
        for ident, values in datasets.items():
            merged.add_dataset(_override(Dataset, merged.dataset(ident), ident, values, origin))
        for ident, values in models.items():
            exact = merged._model_index.get(_key(ident))
            existing = merged._built(Model, exact) if exact else None
            if existing is None:
                family = merged.model(ident)  # a member of a family: a new entry that starts from it
                existing = replace(family, id=ident, aliases=(), patterns=()) if family else None
            merged.add_model(_override(Model, existing, ident, values, origin))
        return merged


def _override(cls, existing, ident: str, values: Mapping[str, Any], origin: str):
    values = {k.replace("-", "_"): v for k, v in values.items()}
    reason = str(values.pop("reason", "")).strip()
    unknown = sorted(set(values) - _field_names(cls))
    if unknown:
        raise KnowledgeError(f"{origin}: {ident}: unknown field(s) {', '.join(unknown)}")
    if existing is not None:
        base: dict[str, Any] = {f.name: getattr(existing, f.name) for f in fields(cls)}
    else:
        base = {"id": ident}
        if cls is Licence:
            base.update(name=ident, kind="proprietary")  # a licence the user adds: not OSI, until they say
        elif cls is Dataset:
            base["licence"] = None  # flags alone ("non-commercial = true") are worth knowing
    base.update(values)
    base["source"] = origin
    base["notes"] = f"Set in {origin}: {reason}" if reason else base.get("notes", "")
    return _build(cls, base, origin)


_BOOLEAN_FIELDS = {
    Licence: ("spdx", "attribution", "share_alike", "non_commercial", "no_derivatives", "research_only",
              "use_restrictions", "user_threshold", "naming", "osi", "fsf_libre", "osaid"),
    Dataset: ("non_commercial", "research_only", "no_derivatives", "third_party_content", "web_crawl"),
}


@cache
def _field_names(cls) -> frozenset[str]:
    return frozenset(f.name for f in fields(cls))


def _build(cls, raw: Mapping[str, Any], origin: str):
    valid = _field_names(cls)
    unknown = sorted(set(raw) - valid - {"$comment"})
    ident = raw.get("id", "?")
    if unknown:
        raise KnowledgeError(f"{origin}: {ident}: unknown field(s) {', '.join(unknown)}")
    values = {k: (tuple(v) if isinstance(v, list) else v) for k, v in raw.items() if k in valid}
    try:
        entry = cls(**values)
    except TypeError as exc:
        raise KnowledgeError(f"{origin}: {ident}: {exc}") from None
    for name in _BOOLEAN_FIELDS.get(cls, ()):
        value = getattr(entry, name)
        if value is not None and not isinstance(value, bool):
            raise KnowledgeError(f"{origin}: {ident}: {name} must be true or false, not {value!r}")
    if isinstance(entry, Licence):
        if entry.kind not in KINDS:
            raise KnowledgeError(f"{origin}: {ident}: kind {entry.kind!r} is not one of {KINDS}")
        if entry.copyleft not in COPYLEFT:
            raise KnowledgeError(f"{origin}: {ident}: copyleft {entry.copyleft!r} is not one of {COPYLEFT}")
        if entry.basis not in BASIS:
            raise KnowledgeError(f"{origin}: {ident}: basis {entry.basis!r} is not one of {BASIS}")
    if isinstance(entry, Model):
        unknown_duties = sorted(set(entry.duties) - set(DUTIES))
        if unknown_duties:
            raise KnowledgeError(f"{origin}: {ident}: duties {unknown_duties} are not in {DUTIES}")
    if not entry.source:
        raise KnowledgeError(f"{origin}: {ident}: no source")
    return entry


# Per kind, files in order of precedence: hand-written first, generated after (first one wins).
DATA_FILES = {"licences": ("licences.json",), "datasets": ("datasets.json", "datasets-cards.json"),
              "models": ("models.json",)}
GENERATED_FILES = ("spdx.json",)


_DATA_DIR = os.path.join(os.path.dirname(__file__), "data")


def _read_document(name: str) -> dict:
    # A plain file read: importlib.resources would cost more to import than the read itself.
    try:
        with open(os.path.join(_DATA_DIR, name), encoding="utf-8") as handle:
            return json.load(handle)
    except FileNotFoundError:
        return {}


def _read(name: str) -> Iterable[dict]:
    return _read_document(name).get("entries", [])


_compiled = lru_cache(maxsize=None)(re.compile)

_METACHARACTERS = set("\\[](){}.*+?^$|")


def required_literal(pattern: str) -> str | None:
    """The longest run of plain characters that every match of `pattern` must contain, or None
    when that cannot be told simply (alternation at the top level). Runs inside groups, runs cut
    by escapes and the character a quantifier makes optional are not counted."""
    runs: list[str] = []
    current = ""
    depth = 0
    index = 0
    while index < len(pattern):
        char = pattern[index]
        if char == "\\":
            runs.append(current)
            current = ""
            index += 2
            continue
        if char in "([":
            runs.append(current)
            current = ""
            depth += 1
        elif char in ")]":
            depth = max(depth - 1, 0)
        elif char == "|" and depth == 0:
            return None
        elif char in "?*{":
            current = current[:-1]  # the quantifier applies to the character before it
            runs.append(current)
            current = ""
        elif char in _METACHARACTERS:
            runs.append(current)
            current = ""
        elif depth == 0:
            current += char
        index += 1
    runs.append(current)
    longest = max((run.strip() for run in runs), key=len, default="")
    return longest if len(longest) >= 4 else None


@lru_cache(maxsize=1)
def load() -> Knowledge:
    """The shipped knowledge base. Hand-written entries win over generated ones (spdx.json),
    which are merged lazily on the first lookup the hand-written table cannot answer."""
    knowledge = Knowledge(_generated_loaded=False)
    for name in DATA_FILES["licences"]:
        for raw in _read(name):
            knowledge.add_licence(_build(Licence, raw, name))
    for name in DATA_FILES["datasets"]:
        for raw in _read(name):
            if knowledge._dataset_key(raw.get("id", "")) is None:
                knowledge._add_raw(Dataset, raw, name)
    for name in DATA_FILES["models"]:
        for raw in _read(name):
            knowledge._add_raw(Model, raw, name)
    return knowledge
