"""The knowledge store: licences, datasets and models behind case- and punctuation-insensitive
indexes, loaded in stages so that a hook run pays only for what it looks up."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import field, replace
from typing import Any

from modelicense.fastclass import dataclass
from modelicense.knowledge.files import GENERATED_FILES, read_document
from modelicense.knowledge.keys import MAX_ID_LENGTH, MAX_ID_SEGMENTS, hub_id, lookup_key
from modelicense.knowledge.patterns import compiled, required_literal
from modelicense.knowledge.schema import Dataset, KnowledgeError, Licence, Model
from modelicense.knowledge.validate import build, override


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
    _generated_raw: dict[str, tuple[dict | bytes, str]] = field(default_factory=dict)
    _patterns: list[tuple[tuple[str, ...], str]] | None = None  # model family globs, split at "*"
    _titles: list[tuple[str | None, str, str]] | None = None
    _names: Any = None
    _generated_blob: bytes | None = None  # the generated stage, precomputed and still encoded

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
        found = self._licence_index.get(lookup_key(raw))
        if found is None and not self._generated_loaded:
            self.load_generated()
            found = self._licence_index.get(lookup_key(raw))
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
        if self._generated_blob is not None:  # precomputed (knowledge/index.py): no key normalised here
            from modelicense.knowledge.index import decode_generated

            added, raw = decode_generated(self._generated_blob)
            self._licence_index = {**added, **self._licence_index}  # keys already known win, as setdefault
            origin = GENERATED_FILES[0]
            for ident, entry in raw.items():
                if ident not in self.licences and ident not in self._generated_raw:
                    self._generated_raw[ident] = (entry, origin)
            return
        for name in GENERATED_FILES:
            doc = read_document(name)
            for alias, ident in doc.get("aliases", {}).items():
                self._licence_index.setdefault(lookup_key(alias), ident)
            for raw in doc.get("entries", []):
                ident = raw.get("id")
                if not ident or ident in self.licences or ident in self._generated_raw:
                    continue
                self._generated_raw[ident] = (raw, name)
                for text in (ident, *raw.get("aliases", ()), *raw.get("urls", ()), raw.get("name", "")):
                    if text:
                        self._licence_index.setdefault(lookup_key(text), ident)

    def _build_generated(self, ident: str) -> Licence | None:
        pending = self._generated_raw.pop(ident, None)
        if pending is None:
            return self.licences.get(ident)
        raw, origin = pending
        if isinstance(raw, bytes):  # from the precomputed index: validated when it was generated
            from modelicense.knowledge.index import decode_entry

            entry = decode_entry(raw)
        else:
            entry = build(Licence, raw, origin)
        self.licences[entry.id] = entry
        return entry

    def title_patterns(self, text: str | None = None) -> list[tuple[re.Pattern[str], str]]:
        """Compiled title regexes (only hand-written entries carry titles). Given the (lower-cased)
        text they will be searched in, only those whose required words occur in it are compiled:
        compiling all ~150 costs more than the rest of a warm hook run."""
        return [
            (compiled(pattern), ident)
            for literal, pattern, ident in self.title_literals()
            if text is None or literal is None or literal in text
        ]

    def title_literals(self) -> list[tuple[str | None, str, str]]:
        """(the words a title pattern requires, the pattern, the licence id) for every title."""
        if self._titles is None:
            self._titles = [(required_literal(p), p, lic.id) for lic in self.licences.values() for p in lic.titles]
        return self._titles

    def name_index(self, make: Callable[[Knowledge], Any]) -> Any:
        """The index that finds licence names in prose (see names.py), built once."""
        if self._names is None:
            self._names = make(self)
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
            entry = entries[ident] = build(cls, *entry)
        return entry

    def dataset(self, ident: str) -> Dataset | None:
        """A dataset by Hub id or alias; also as a Hub URL, or with a config or split after the id
        ("allenai/c4/en", "wikimedia/wikipedia/20231101.en")."""
        key = self._dataset_key(ident)
        return self._built(Dataset, key) if key else None

    def _dataset_key(self, ident: str) -> str | None:
        if len(ident) > MAX_ID_LENGTH:  # no known id is this long; bounded before any lookup
            return None
        key = self._dataset_index.get(lookup_key(ident))
        if key is None:
            bare = hub_id(ident, "datasets")
            key = self._dataset_index.get(lookup_key(bare))
            parts = bare.split("/", MAX_ID_SEGMENTS)[:MAX_ID_SEGMENTS]
            while key is None and len(parts) > 1:
                parts.pop()
                key = self._dataset_index.get(lookup_key("/".join(parts)))
        return key

    def model(self, ident: str) -> Model | None:
        """A model by exact id or alias, else the first family whose pattern matches."""
        if len(ident) > MAX_ID_LENGTH:  # no known id is this long; bounded before any lookup
            return None
        key = self._model_index.get(lookup_key(ident)) or self._model_index.get(lookup_key(hub_id(ident, "models")))
        if key:
            return self._built(Model, key)
        ident = hub_id(ident, "models")
        if self._patterns is None:
            self._patterns = [
                (tuple(p.lower().split("*")), model_id)
                for model_id, entry in self._models.items()
                for p in (entry[0].get("patterns", ()) if isinstance(entry, tuple) else entry.patterns)
            ]
        lowered = ident.strip().lower()
        for parts, model_id in self._patterns:
            if _glob_match(parts, lowered):
                return self._built(Model, model_id)
        return None

    # -- building --
    def add_licence(self, entry: Licence) -> None:
        self.licences[entry.id] = entry
        for name in (entry.id, entry.name, *entry.aliases, *entry.urls):
            self._licence_index.setdefault(lookup_key(name), entry.id)
        self._licence_index[lookup_key(entry.id)] = entry.id
        self._titles = None
        self._names = None

    def add_dataset(self, entry: Dataset) -> None:
        self._datasets[entry.id] = entry
        for name in (entry.id, *entry.aliases):
            self._dataset_index[lookup_key(name)] = entry.id

    def add_model(self, entry: Model) -> None:
        self._models[entry.id] = entry
        for name in (entry.id, *entry.aliases):
            self._model_index[lookup_key(name)] = entry.id
        self._patterns = None

    def _add_raw(self, cls, raw: dict, origin: str) -> None:
        """Index a shipped dataset or model by id and aliases; it is built when looked up."""
        ident, aliases = raw.get("id"), raw.get("aliases", [])
        if not (isinstance(ident, str) and ident and isinstance(aliases, list) and all(isinstance(a, str) for a in aliases)):
            build(cls, raw, origin)  # the KnowledgeError that names what is wrong, when it can
            raise KnowledgeError(f"{origin}: {raw.get('id', '?')}: id and aliases must be strings")
        entries, index = (self._datasets, self._dataset_index) if cls is Dataset else (self._models, self._model_index)
        entries[ident] = (raw, origin)
        for name in (ident, *aliases):
            index[lookup_key(name)] = ident
        self._patterns = None

    def copy(self) -> Knowledge:
        """An independent copy of the entries and indexes (compiled caches are rebuilt on use)."""
        return Knowledge(
            licences=dict(self.licences), _datasets=dict(self._datasets), _models=dict(self._models),
            _licence_index=dict(self._licence_index), _dataset_index=dict(self._dataset_index),
            _model_index=dict(self._model_index), _generated_loaded=self._generated_loaded,
            _generated_raw=dict(self._generated_raw), _generated_blob=self._generated_blob,
        )

    def with_overrides(self, licences: Mapping[str, Mapping[str, Any]], datasets: Mapping[str, Mapping[str, Any]],
                       models: Mapping[str, Mapping[str, Any]], origin: str) -> Knowledge:
        """A copy with user entries merged over the shipped ones (like cargo-deny's `clarify`).

        An entry that names a known id (or alias) changes only the fields it gives; any other id
        adds an entry. Either way the entry's source becomes the configuration file and its notes
        the user's `reason`, so `modelicense show` tells where the knowledge came from."""
        merged = self.copy()
        for ident, values in licences.items():
            merged.add_licence(override(Licence, merged.licence(ident), ident, values, origin))
        for ident, values in datasets.items():
            merged.add_dataset(override(Dataset, merged.dataset(ident), ident, values, origin))
        for ident, values in models.items():
            exact = merged._model_index.get(lookup_key(ident))
            existing = merged._built(Model, exact) if exact else None
            if existing is None:
                family = merged.model(ident)  # a member of a family: a new entry that starts from it
                existing = replace(family, id=ident, aliases=(), patterns=()) if family else None
            merged.add_model(override(Model, existing, ident, values, origin))
        return merged


def _glob_match(parts: tuple[str, ...], text: str) -> bool:
    """Whether `text` is the glob whose literal parts (split at `*`) are `parts`, whole: what the
    regex with `.*` for each `*` says, without compiling ~200 regexes on a run's first family
    lookup (a tenth of a warm hook on a Hub repository). `.*` does not match a line break."""
    if len(parts) == 1:
        return text == parts[0]
    first, *middle, last = parts
    if "\n" in text or len(text) < len(first) + len(last) or not text.startswith(first) or not text.endswith(last):
        return False
    position, end = len(first), len(text) - len(last)
    for part in middle:  # the leftmost place for each part leaves the most room for the rest
        found = text.find(part, position, end)
        if found < 0:
            return False
        position = found + len(part)
    return True
