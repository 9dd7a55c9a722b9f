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


def _inventory(function: str) -> InventoryFormatter:
    """The inventory itself (report/inventory.py), as the scan built it."""
    def render(scanned: Scanned) -> str:
        from modelicense.report import inventory

        return getattr(inventory, function)([result.inventory for result, _knowledge, _name in scanned])

    return render


INVENTORY_FORMATS: dict[str, InventoryFormatter] = {
    "text": _inventory("render_text"),  # every artefact with its terms, duties and answers
    "json": _inventory("render_json"),  # the same, versioned (the scan's JSON `inventory` object)
    "markdown": _inventory("render_markdown"),
    "cyclonedx": _bom("cyclonedx"),  # CycloneDX 1.6 ML-BOM, JSON (needs cyclonedx-python-lib: the `bom` extra)
    "spdx3": _bom("spdx3"),  # SPDX 3.0.1 JSON-LD, AI and Dataset profiles
}
INVENTORY_FORMAT_NAMES = tuple(INVENTORY_FORMATS)
