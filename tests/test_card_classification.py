"""What is a card and what is a licence file: by name *and* content.

A Markdown file is a card when its front matter has a Hugging Face card key
(knowledge/data/card-keys.json, from the card specs), or when weights or data stand in its
folder or below; a file named like a licence is read as one only when it is not a table of
data, a program or a page listing licences, and the rejected ones are listed in the JSON
output's `skipped` with the reason.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import card, safetensors_file

from modelicense.cli import main
from modelicense.knowledge.files import read_entries

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
JEKYLL = "---\nlayout: page\ntitle: Documentation\npermalink: /docs/\n---\n\n# Documentation\n"
MIT = ("MIT License\n\nCopyright (c) 2024 Example\n\nPermission is hereby granted, free of charge, to any person "
       "obtaining a copy\nof this software and associated documentation files (the \"Software\"), to deal\nin the "
       "Software without restriction.\n\nTHE SOFTWARE IS PROVIDED \"AS IS\", WITHOUT WARRANTY OF ANY KIND.\n")


def scan_json(root: Path, capsys) -> dict:
    main(["scan", "--format", "json", "--fail-on", "never", str(root)])
    return json.loads(capsys.readouterr().out)


def rules_at(report: dict, path: str) -> list[str]:
    return [f["rule"] for f in report["findings"] if f["path"] == path]


def kind_of(report: dict, path: str) -> str | None:
    return next((a["kind"] for a in report["artefacts"] if a["path"] == path), None)


# --- the card keys ------------------------------------------------------------------------------


def test_every_card_key_cites_its_source_and_the_vocabulary():
    entries = list(read_entries("card-keys.json"))
    keys = [e["key"] for e in entries]
    assert len(keys) == len(set(keys))
    for entry in entries:
        assert entry["card"] in ("model", "dataset", "any"), entry
        assert entry["source"].startswith("https://"), entry
    assert {"license", "datasets", "base_model", "pipeline_tag", "task_categories"} <= set(keys)
    assert not {"tags", "title", "layout", "permalink"} & set(keys)  # site generators use these


def test_every_card_key_from_a_spec_is_written_in_that_spec():
    """The keys said to come from hub-docs' card specs are keys of those specs' front matter."""
    specs = {name: CORPUS / "hf-docs" / "huggingface__hub-docs" / name for name in ("modelcard.md", "datasetcard.md")}
    if not all(path.is_file() for path in specs.values()):
        pytest.skip(f"card specs not found under {CORPUS / 'hf-docs'}")
    written = {name: {line.split(":", 1)[0] for line in path.read_text("utf-8").split("\n---\n", 1)[0].splitlines()
                      if line[:1].isalpha() and ":" in line}
               for name, path in specs.items()}
    for entry in read_entries("card-keys.json"):
        cited = [name for name in specs if entry["source"].count(f"hub-docs/blob/main/{name}")]
        for name in cited:
            assert entry["key"] in written[name], (entry["key"], name)


# --- cards --------------------------------------------------------------------------------------


def test_a_jekyll_page_is_not_a_card(make_repo, capsys):
    root = make_repo({"docs/README.md": JEKYLL, "src/app.py": "print('hello')\n"})
    report = scan_json(root, capsys)
    assert "DEC001" not in rules_at(report, "docs/README.md")
    assert kind_of(report, "docs/README.md") in (None, "card")


def test_a_jekyll_page_is_not_a_card_beside_weights_elsewhere(make_repo, capsys):
    root = make_repo({"docs/README.md": JEKYLL, "model.safetensors": safetensors_file()})
    report = scan_json(root, capsys)
    assert kind_of(report, "docs/README.md") in (None, "card")
    assert "DEC001" not in rules_at(report, "docs/README.md") or all(
        "weights" in f["message"] for f in report["findings"] if f["path"] == "docs/README.md")


def test_front_matter_beside_weights_is_their_card(make_repo, capsys):
    root = make_repo({"README.md": JEKYLL, "model.safetensors": safetensors_file()})
    report = scan_json(root, capsys)
    assert kind_of(report, "README.md") == "model-card"
    assert "DEC001" in rules_at(report, "README.md")


def test_front_matter_beside_data_is_a_dataset_card(make_repo, capsys):
    root = make_repo({"README.md": JEKYLL, "data/train.csv": "a,b\n1,2\n"})
    report = scan_json(root, capsys)
    assert kind_of(report, "README.md") == "dataset-card"


def test_one_card_key_makes_a_card(make_repo, capsys):
    root = make_repo({"docs/README.md": "---\nlayout: page\npipeline_tag: text-generation\n---\n# Model\n"})
    report = scan_json(root, capsys)
    assert kind_of(report, "docs/README.md") == "model-card"
    assert "DEC001" in rules_at(report, "docs/README.md")


def test_a_corpus_card_with_a_horizontal_rule_on_line_1_has_no_front_matter_finding(make_repo, capsys):
    readme = "---\n\nThis repository holds the model's code.\n\n---\n\n## Usage\n"
    root = make_repo({"README.md": readme, "LICENSE": MIT})
    report = scan_json(root, capsys)
    # the Hub reads "This repository…" as YAML: a string, not a mapping, and rejects the card
    assert [f["line"] for f in report["findings"] if f["rule"] == "DEC005"] == [3]


# --- licence files by content -------------------------------------------------------------------

LICENCE_TABLE_PAGE = "# Licences we accept\n\n| Licence | Id |\n|---|---|\n" + "".join(
    f"| Licence {n} | `{ident}` |\n" for n, ident in enumerate(
        ["apache-2.0", "mit", "gpl-3.0", "agpl-3.0", "cc-by-nc-4.0", "openrail", "llama2", "bsd-3-clause",
         "cc-by-sa-4.0", "lgpl-3.0", "mpl-2.0", "cc0-1.0"]))
LICENCE_CSV = "model_id,license,downloads,likes\n" + "".join(f"org/m{n},gpl-3.0,{n * 10},{n}\n" for n in range(40))
EULA_DIALOG = """import React, { useState } from "react";
import { Dialog, Button } from "@/components/ui";

export function EulaDialog({ open, onAccept }: { open: boolean; onAccept: () => void }) {
  const [agreed, setAgreed] = useState(false);
  return (
    <Dialog open={open}>
      <p>You must accept the licence terms (CC-BY-NC-4.0) to use this model.</p>
      <Button disabled={!agreed} onClick={() => onAccept()}>I agree</Button>
    </Dialog>
  );
}
"""


@pytest.mark.parametrize(
    ("path", "content", "reason"),
    [
        ("data/licenses.csv", LICENCE_CSV, "table of data"),
        ("docs/licenses.md", LICENCE_TABLE_PAGE, "page listing licences"),
        ("web/eula_dialog.tsx", EULA_DIALOG, "program"),
    ],
)
def test_a_file_named_like_a_licence_that_is_not_one_is_skipped_with_its_reason(make_repo, capsys, path, content,
                                                                                 reason):
    root = make_repo({"LICENSE": MIT, path: content})
    report = scan_json(root, capsys)
    (entry,) = [s for s in report["skipped"] if s["path"] == path]
    assert reason in entry["reason"]
    assert rules_at(report, path) == []
    assert kind_of(report, path) is None
    assert kind_of(report, "LICENSE") == "licence-file"


@pytest.mark.parametrize(
    "text",
    [
        MIT,
        # a licence with list items and a code sample stays a licence
        "Acme Model Licence\n\n1. You may use the model.\n2. You may not sell it.\n3. Attribution:\n\n"
        "```\nmodel = load('acme/model')  # Built with Acme\n```\n\nTHE MODEL IS PROVIDED AS IS.\n",
    ],
    ids=["mit", "list-and-code-sample"],
)
def test_a_licence_text_is_still_read(make_repo, capsys, text):
    root = make_repo({"LICENSE": text})
    report = scan_json(root, capsys)
    assert report["skipped"] == []
    assert kind_of(report, "LICENSE") == "licence-file"


def test_the_corpus_licence_named_files_that_are_not_licences(capsys, tmp_path):
    """Of the corpus files named like licences, the Hub's licence table and the two CSVs of
    Hub models are what is skipped; every licence text is read."""
    if not CORPUS.is_dir():
        pytest.skip(f"corpus not found at {CORPUS}")
    report = scan_json(CORPUS, capsys)
    skipped = sorted(s["path"] for s in report["skipped"])
    assert skipped == [
        "hf-docs/huggingface__hub-docs/docs/hub/repositories-licenses.md",
        "hf-docs/huggingface__hub-docs/hacktoberfest_challenges/model_license_other.csv",
        "hf-docs/huggingface__hub-docs/hacktoberfest_challenges/model_no_license.csv",
    ]


# --- JSON: what `other` stands for --------------------------------------------------------------


def test_json_carries_license_name_link_and_details_on_the_card_declaration(make_repo, capsys):
    readme = card("license: other\nlicense_name: acme-model-1.0\nlicense_link: https://acme.example/licence\n"
                  "license_details: Research use only")
    root = make_repo({"README.md": readme, "LICENSE": MIT})
    report = scan_json(root, capsys)
    (declaration,) = [d for a in report["artefacts"] if a["path"] == "README.md" for d in a["declarations"]
                      if d["field"] == "license"]
    assert (declaration["license_name"], declaration["license_link"], declaration["license_details"]) == (
        "acme-model-1.0", "https://acme.example/licence", "Research use only")
    (licence_file,) = [d for a in report["artefacts"] if a["path"] == "LICENSE" for d in a["declarations"]]
    assert "license_name" not in licence_file
