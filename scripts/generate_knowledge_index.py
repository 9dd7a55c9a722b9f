#!/usr/bin/env python
"""Generate src/modelicense/knowledge/data/index.marshal: the knowledge base's indexes, precomputed.

Loads the shipped JSON tables the slow way (`modelicense.knowledge.load_tables`: every entry
validated, every id, alias, name and URL normalised), derives the title literals, the prose name
index and the generated stage (spdx.json's entries and lookup keys), and writes them as one
`marshal` file (see `modelicense/knowledge/index.py`). Run it after changing any file in
knowledge/data/ or the Licence, Dataset or Model fields; tests/test_knowledge_index.py fails until then.

Run: python scripts/generate_knowledge_index.py   (then commit the file)
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "src" / "modelicense" / "knowledge" / "data" / "index.marshal"


def generate() -> bytes:
    sys.path.insert(0, str(ROOT / "src"))
    from modelicense.knowledge import index, load_tables

    return index.build(load_tables())


def main() -> None:
    TARGET.write_bytes(generate())
    print(f"wrote {TARGET.relative_to(ROOT)} ({TARGET.stat().st_size:,} bytes)")


if __name__ == "__main__":
    main()
