"""Formats of `modelicense inventory`: each turns the scanned repositories (with the knowledge
each was judged by) into one string. Imported on first use, so the light install never loads
cyclonedx-python-lib unless the CycloneDX format is asked for."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from importlib import import_module

from modelicense.knowledge import Knowledge
from modelicense.model import ScanResult

Scanned = Sequence[tuple[ScanResult, Knowledge, str]]  # (result, knowledge, repository name)
InventoryFormatter = Callable[[Scanned], str]


def _bom(module: str) -> InventoryFormatter:
    def render(scanned: Scanned) -> str:
        from modelicense.report.bom_view import bom_view

        views = [bom_view(result, knowledge, name) for result, knowledge, name in scanned]
        return import_module(f"modelicense.report.{module}").render(views)

    return render


INVENTORY_FORMATS: dict[str, InventoryFormatter] = {
    "cyclonedx": _bom("cyclonedx"),  # CycloneDX 1.6 ML-BOM, JSON (needs cyclonedx-python-lib: the `bom` extra)
    "spdx3": _bom("spdx3"),  # SPDX 3.0.1 JSON-LD, AI and Dataset profiles
}
INVENTORY_FORMAT_NAMES = tuple(INVENTORY_FORMATS)
