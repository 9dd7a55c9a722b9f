"""The data files beside this package: which ones, in which order of precedence, and reading them."""

from __future__ import annotations

import json
import os
from collections.abc import Iterable

# Per kind, files in order of precedence: hand-written first, generated after (first one wins).
DATA_FILES = {"licences": ("licences.json",), "datasets": ("datasets.json", "datasets-cards.json"),
              "models": ("models.json",)}
GENERATED_FILES = ("spdx.json",)


_DATA_DIR = os.path.join(os.path.dirname(__file__), "data")


def read_document(name: str) -> dict:
    # A plain file read: importlib.resources would cost more to import than the read itself.
    try:
        with open(os.path.join(_DATA_DIR, name), encoding="utf-8") as handle:
            return json.load(handle)
    except FileNotFoundError:
        return {}


def read_entries(name: str) -> Iterable[dict]:
    return read_document(name).get("entries", [])
