"""Every folder of the shared corpus of real cards and licence files: no crash, and every licence
value in the front matter found at its line (checked against an independent line scan)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from conftest import run_cli

KEY = re.compile(r"^(licen[cs]es?):\s*(.*?)\s*$")
ITEM = re.compile(r"^\s*-\s+(.*?)\s*$")


def expected_licence_values(card: Path) -> list[tuple[str, int]]:
    """A deliberately simple reading of block-style front matter: `license: x` or a `- x` list."""
    lines = card.read_text("utf-8", errors="replace").splitlines()
    if not lines or lines[0].strip() != "---":
        return []
    values: list[tuple[str, int]] = []
    in_list = False
    for number, line in enumerate(lines[1:], start=2):
        if line.strip() in ("---", "..."):
            break
        match = KEY.match(line)
        if match:
            inline = match.group(2)
            in_list = not inline
            if inline and not inline.startswith("["):
                values.append((inline.strip("'\""), number))
            continue
        item = ITEM.match(line) if in_list else None
        if item:
            values.append((item.group(1).strip("'\""), number))
        elif line and not line.startswith((" ", "-")):
            in_list = False
    return [(v, n) for v, n in values if v and v.lower() not in ("null", "~")]


def scan_many(folders: list[Path]) -> dict:
    proc = run_cli("scan", "--format", "json", "--fail-on", "never", *map(str, folders))
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "Traceback" not in proc.stderr
    return json.loads(proc.stdout)


@pytest.mark.parametrize("collection", ["hf-dataset-cards", "hf-dataset-cards-legacy"])
def test_every_dataset_card_licence_is_found_at_its_line(corpus: Path, collection: str):
    folders = sorted(p for p in (corpus / collection).iterdir() if p.is_dir())
    report = scan_many(folders)
    found: dict[str, set[tuple[str, int]]] = {}
    for artefact in report["artefacts"]:
        for decl in artefact["declarations"]:
            if decl["field"] in ("license", "licenses"):
                found.setdefault(artefact["path"], set()).add((decl["raw"], decl["line"]))
    checked = 0
    for folder in folders:
        expected = set(expected_licence_values(folder / "README.md"))
        if not expected:
            continue
        checked += 1
        assert found.get(f"{folder}/README.md", set()) >= expected, folder.name
    # The sample holds cards with no licence at all (see the corpus README); most have one.
    assert checked > 0.8 * len(folders)


def test_every_model_repo_scans_and_declares(corpus: Path):
    folders = sorted(p for p in (corpus / "model-repos").iterdir() if p.is_dir())
    report = scan_many(folders)
    declared = {a["path"] for a in report["artefacts"] if a["declarations"]}
    licence_files = {str(p) for folder in folders for p in folder.rglob("*") if re.match(r"(?i)licen[cs]e", p.name)}
    assert licence_files, "the corpus has licence files"
    # Every file named LICENSE* anywhere in a model release is read and kept as a declaration.
    assert licence_files <= declared, sorted(licence_files - declared)[:5]


def test_hf_docs_fixtures_scan(corpus: Path):
    cards = corpus / "hf-docs" / "huggingface__huggingface_hub" / "tests" / "fixtures" / "cards"
    report = scan_many(sorted(cards.glob("*.md")))
    # Named on the command line, any Markdown file is read as a card.
    assert report["summary"]["artefacts"] >= 5
