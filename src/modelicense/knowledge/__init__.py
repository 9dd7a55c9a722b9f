"""What modelicense knows: licence properties, datasets and base models, as data.

The data lives in JSON files beside this package (JSON because the standard library parses it in
C: this is loaded on every hook run). Each entry cites its source. Users add or override entries
in their configuration; the loader validates both the same way, so a typo in a property is an
error with the entry's name, not a silent miss.

Where things are:
- `schema.py`    the vocabulary and the Licence, Dataset and Model entries;
- `store.py`     `Knowledge`, the indexed store with its lookups and user overrides;
- `validate.py`  raw JSON (or configuration) to checked entries;
- `files.py`     which data files exist and reading them;
- `keys.py`      how ids, names and URLs are normalised for lookup;
- `patterns.py`  title regexes, compiled only when a text needs them;
- `kinds.py`     the kinds of term a licence can state, and the property that says so;
- `names.py`  licence names found in free text (restriction wordings are the terms reader's, `modelicense.terms`);
- `load()` (here) the shipped knowledge base.
"""

from __future__ import annotations

from functools import lru_cache

from modelicense.knowledge.files import DATA_FILES, GENERATED_FILES, read_entries
from modelicense.knowledge.keys import hub_id, lookup_key
from modelicense.knowledge.patterns import required_literal
from modelicense.knowledge.schema import (
    BASIS,
    COPYLEFT,
    DUTIES,
    IGNORANCE_IDS,
    KINDS,
    Dataset,
    KnowledgeError,
    Licence,
    Model,
)
from modelicense.knowledge.store import Knowledge
from modelicense.knowledge.validate import build

# Older spellings, kept for scripts that import them.
_key = lookup_key
_hub_id = hub_id

__all__ = [
    "BASIS", "COPYLEFT", "DATA_FILES", "DUTIES", "GENERATED_FILES", "IGNORANCE_IDS", "KINDS", "Dataset",
    "Knowledge", "KnowledgeError", "Licence", "Model", "load", "lookup_key", "required_literal",
]


@lru_cache(maxsize=1)
def load() -> Knowledge:
    """The shipped knowledge base. Hand-written entries win over generated ones (spdx.json),
    which are merged lazily on the first lookup the hand-written table cannot answer. Read from
    the precomputed index (`index.py`) when it is current, else built from the JSON tables."""
    from modelicense.knowledge import index

    precomputed = index.read()
    if precomputed is not None:
        return index.knowledge_from(*precomputed)
    return load_tables()


def load_tables() -> Knowledge:
    """The shipped knowledge base built from the JSON tables (what the precomputed index holds)."""
    knowledge = Knowledge(_generated_loaded=False)
    for name in DATA_FILES["licences"]:
        for raw in read_entries(name):
            knowledge.add_licence(build(Licence, raw, name))
    for name in DATA_FILES["datasets"]:
        for raw in read_entries(name):
            if knowledge._dataset_key(raw.get("id", "")) is None:
                knowledge._add_raw(Dataset, raw, name)
    for name in DATA_FILES["models"]:
        for raw in read_entries(name):
            knowledge._add_raw(Model, raw, name)
    return knowledge
