"""The knowledge base's indexes, precomputed into one file (`data/index.marshal`) read with one read.

Building the indexes from the JSON tables costs every run the same work: 130 licences validated,
~2,500 ids, aliases, names and URLs normalised into lookup keys, the title literals and the prose
name index derived; and a run whose lookup misses the hand-written table (a scancode key such as
`LicenseRef-scancode-unknown-license-reference`) parses the 745 KB spdx.json and normalises its
~4,700 keys. `scripts/generate_knowledge_index.py` does that work once and stores the result with
`marshal` (the standard library's own serialisation of plain values: C-speed, data only, no code
run on load). The generated stage is a `marshal` blob of its own inside the file, decoded only on
a miss, so a hook run that never misses reads it but never decodes it.

The file is a cache of the JSON tables, never a source: it is used only when its format, the
entry classes' fields and the sizes of the JSON files it was built from still match, and
otherwise the tables are read as before. `tests/test_knowledge_index.py` fails, naming the
command that regenerates it, when it is not what the generator would write now.
"""

from __future__ import annotations

import marshal
import os
from dataclasses import fields
from typing import Any

from modelicense.knowledge.files import _DATA_DIR, DATA_FILES, GENERATED_FILES

INDEX_FILE = "index.marshal"
MAGIC = b"modelicense-knowledge-index\n"
FORMAT = 1
COMMAND = "python scripts/generate_knowledge_index.py"


def source_files() -> tuple[str, ...]:
    return (*(name for names in DATA_FILES.values() for name in names), *GENERATED_FILES)


def source_sizes() -> tuple[tuple[str, int], ...]:
    """The JSON tables the index is built from, with their sizes: a cheap check that it is theirs."""
    sizes = []
    for name in source_files():
        try:
            sizes.append((name, os.stat(os.path.join(_DATA_DIR, name)).st_size))
        except OSError:
            sizes.append((name, -1))
    return tuple(sizes)


def entry_fields() -> tuple[tuple[str, ...], ...]:
    from modelicense.knowledge.schema import Dataset, Licence, Model

    return tuple(tuple(f.name for f in fields(cls)) for cls in (Licence, Dataset, Model))


def read() -> tuple[dict[str, Any], bytes] | None:
    """The eager part of the index and the generated stage's undecoded blob; None when the file is
    missing, unreadable or not built from the JSON tables and entry classes beside it."""
    try:
        with open(os.path.join(_DATA_DIR, INDEX_FILE), "rb") as handle:
            data = handle.read()
    except OSError:
        return None
    if not data.startswith(MAGIC):
        return None
    try:
        meta, eager, generated = marshal.loads(memoryview(data)[len(MAGIC):])
    except (EOFError, ValueError, TypeError):
        return None
    if (not isinstance(meta, dict) or meta.get("format") != FORMAT or meta.get("sizes") != source_sizes()
            or meta.get("fields") != entry_fields()):
        return None
    return eager, generated


def decode_generated(blob: bytes) -> tuple[dict[str, str], dict[str, bytes]]:
    """The generated stage: the lookup keys it adds (key -> id; stored as two line-joined strings,
    which split faster than a marshalled dict decodes) and its entries (id -> the values of its
    Licence, still marshalled: `decode_entry` when one is built)."""
    keys, idents, raw = marshal.loads(blob)
    return (dict(zip(keys.split("\n"), idents.split("\n"))) if keys else {}), raw


def decode_entry(values: bytes):
    """A generated Licence from its stored values (validated when the index was generated)."""
    from modelicense.knowledge.schema import Licence

    return Licence(*marshal.loads(values))


def build(knowledge) -> bytes:
    """The index file's bytes for `knowledge`, a freshly loaded shipped knowledge base (before
    its generated stage is merged). Used by the generator."""
    from modelicense.knowledge.names import name_index
    from modelicense.knowledge.schema import Licence
    from modelicense.knowledge.validate import build as validate_build

    before = dict(knowledge._licence_index)
    eager = {
        "licences": [_values(licence) for licence in knowledge.licences.values()],
        "licence_index": before,
        "datasets": dict(knowledge._datasets),
        "dataset_index": dict(knowledge._dataset_index),
        "models": dict(knowledge._models),
        "model_index": dict(knowledge._model_index),
        "titles": list(knowledge.title_literals()),
        "names": name_index(knowledge),
    }
    generated = knowledge.copy()
    generated.load_generated()
    added = {key: ident for key, ident in generated._licence_index.items() if key not in before}
    if any("\n" in text for pair in added.items() for text in pair):
        raise ValueError("a lookup key or licence id with a line break cannot be stored")
    # Each entry as the values of its Licence in field order, validated here (`build`), and
    # marshalled on its own: a run decodes only the entries it looks up.
    raw = {ident: marshal.dumps(_values(validate_build(Licence, entry, origin)))
           for ident, (entry, origin) in generated._generated_raw.items()}
    blob = marshal.dumps(("\n".join(added), "\n".join(added.values()), raw))
    meta = {"format": FORMAT, "sizes": source_sizes(), "fields": entry_fields(), "regenerate": COMMAND}
    return MAGIC + marshal.dumps((meta, eager, blob))


def _values(licence) -> tuple:
    return tuple(getattr(licence, name) for name in entry_fields()[0])


def knowledge_from(eager: dict[str, Any], generated: bytes):
    """The shipped Knowledge from the index: what `load()` builds from the JSON tables."""
    from modelicense.knowledge.schema import Licence
    from modelicense.knowledge.store import Knowledge

    licences = {values[0]: Licence(*values) for values in eager["licences"]}
    return Knowledge(licences=licences, _datasets=eager["datasets"], _models=eager["models"],
                     _licence_index=eager["licence_index"], _dataset_index=eager["dataset_index"],
                     _model_index=eager["model_index"], _generated_loaded=False, _titles=eager["titles"],
                     _names=eager["names"], _generated_blob=generated)
