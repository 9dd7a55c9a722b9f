"""What modelicense knows: licence properties, datasets and base models, as data.

The data lives in JSON files beside this module (JSON because the standard library parses it in C:
this is loaded on every hook run). Each entry cites its source. Users add or override entries in
their configuration; the loader validates both the same way, so a typo in a property is an error
with the entry's name, not a silent miss.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field, fields, replace
from functools import lru_cache
from importlib import resources
from typing import Any, Iterable, Mapping

# --- vocabulary ------------------------------------------------------------------------------

KINDS = ("software", "content", "data", "model", "public-domain", "proprietary", "family", "ignorance")
COPYLEFT = ("none", "weak", "strong", "network", "unknown")
BASIS = ("copyright", "contract", "both", "none", "unknown")
# Ids that declare ignorance rather than a licence (Hugging Face `unknown` and `other`).
IGNORANCE_IDS = ("unknown", "other")


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


def _key(text: str) -> str:
    """Case- and punctuation-insensitive lookup key ("CC BY-NC 4.0" == "cc-by-nc-4.0")."""
    text = text.strip().lower()
    text = re.sub(r"^https?://(www\.)?", "", text).rstrip("/")
    return re.sub(r"[\s_\-–—]+", "-", text)


@dataclass
class Knowledge:
    licences: dict[str, Licence] = field(default_factory=dict)
    datasets: dict[str, Dataset] = field(default_factory=dict)
    models: dict[str, Model] = field(default_factory=dict)
    _licence_index: dict[str, str] = field(default_factory=dict)
    _dataset_index: dict[str, str] = field(default_factory=dict)
    _model_index: dict[str, str] = field(default_factory=dict)

    # -- licences --
    def licence(self, ident: str | None) -> Licence | None:
        if ident is None:
            return None
        found = self.licences.get(ident)
        if found is not None:
            return found
        key = self._licence_index.get(_key(ident))
        return self.licences.get(key) if key else None

    def licence_id(self, raw: str) -> str | None:
        """The id of a licence by its id, alias, name or URL, or None."""
        if raw in self.licences:
            return raw
        return self._licence_index.get(_key(raw))

    # -- datasets and models --
    def dataset(self, ident: str) -> Dataset | None:
        key = self._dataset_index.get(_key(ident))
        return self.datasets.get(key) if key else None

    def model(self, ident: str) -> Model | None:
        key = self._model_index.get(_key(ident))
        if key:
            return self.models[key]
        lowered = ident.lower()
        for model in self.models.values():
            for pattern in model.patterns:
                if re.fullmatch(re.escape(pattern.lower()).replace(r"\*", ".*"), lowered):
                    return model
        return None

    # -- building --
    def add_licence(self, entry: Licence) -> None:
        self.licences[entry.id] = entry
        for name in (entry.id, entry.name, *entry.aliases, *entry.urls):
            self._licence_index.setdefault(_key(name), entry.id)
        self._licence_index[_key(entry.id)] = entry.id

    def add_dataset(self, entry: Dataset) -> None:
        self.datasets[entry.id] = entry
        for name in (entry.id, *entry.aliases):
            self._dataset_index[_key(name)] = entry.id

    def add_model(self, entry: Model) -> None:
        self.models[entry.id] = entry
        for name in (entry.id, *entry.aliases):
            self._model_index[_key(name)] = entry.id

    def with_overrides(self, licences: Mapping[str, Mapping[str, Any]], datasets: Mapping[str, Mapping[str, Any]],
                       models: Mapping[str, Mapping[str, Any]], origin: str) -> "Knowledge":
        """A copy with user entries merged over the shipped ones (like cargo-deny's `clarify`)."""
        merged = Knowledge(dict(self.licences), dict(self.datasets), dict(self.models),
                           dict(self._licence_index), dict(self._dataset_index), dict(self._model_index))
        for ident, values in licences.items():
            merged.add_licence(_override(Licence, merged.licence(ident), ident, values, origin))
        for ident, values in datasets.items():
            merged.add_dataset(_override(Dataset, merged.dataset(ident), ident, values, origin))
        for ident, values in models.items():
            merged.add_model(_override(Model, merged.model(ident), ident, values, origin))
        return merged


def _override(cls, existing, ident: str, values: Mapping[str, Any], origin: str):
    values = {k.replace("-", "_"): v for k, v in values.items() if k != "reason"}
    if existing is not None:
        valid = {f.name for f in fields(cls)}
        unknown = sorted(set(values) - valid)
        if unknown:
            raise KnowledgeError(f"{origin}: {ident}: unknown field(s) {', '.join(unknown)}")
        values = {k: tuple(v) if isinstance(v, list) else v for k, v in values.items()}
        return replace(existing, **values)
    return _build(cls, {"id": ident, "source": origin, **values}, origin)


def _build(cls, raw: Mapping[str, Any], origin: str):
    valid = {f.name: f for f in fields(cls)}
    unknown = sorted(set(raw) - set(valid) - {"$comment"})
    ident = raw.get("id", "?")
    if unknown:
        raise KnowledgeError(f"{origin}: {ident}: unknown field(s) {', '.join(unknown)}")
    values = {k: (tuple(v) if isinstance(v, list) else v) for k, v in raw.items() if k in valid}
    try:
        entry = cls(**values)
    except TypeError as exc:
        raise KnowledgeError(f"{origin}: {ident}: {exc}") from None
    if isinstance(entry, Licence):
        if entry.kind not in KINDS:
            raise KnowledgeError(f"{origin}: {ident}: kind {entry.kind!r} is not one of {KINDS}")
        if entry.copyleft not in COPYLEFT:
            raise KnowledgeError(f"{origin}: {ident}: copyleft {entry.copyleft!r} is not one of {COPYLEFT}")
        if entry.basis not in BASIS:
            raise KnowledgeError(f"{origin}: {ident}: basis {entry.basis!r} is not one of {BASIS}")
    if not entry.source:
        raise KnowledgeError(f"{origin}: {ident}: no source")
    return entry


DATA_FILES = {"licences": ("licences.json", "spdx.json"), "datasets": ("datasets.json",), "models": ("models.json",)}


def _read(name: str) -> Iterable[dict]:
    try:
        text = resources.files("modelicense.knowledge").joinpath("data", name).read_text("utf-8")
    except FileNotFoundError:
        return []
    doc = json.loads(text)
    return doc.get("entries", [])


@lru_cache(maxsize=1)
def load() -> Knowledge:
    """The shipped knowledge base. Hand-written entries win over generated ones (spdx.json)."""
    knowledge = Knowledge()
    for name in DATA_FILES["licences"]:
        for raw in _read(name):
            if raw.get("id") not in knowledge.licences:
                knowledge.add_licence(_build(Licence, raw, name))
    for raw in _read("datasets.json"):
        knowledge.add_dataset(_build(Dataset, raw, "datasets.json"))
    for raw in _read("models.json"):
        knowledge.add_model(_build(Model, raw, "models.json"))
    return knowledge
