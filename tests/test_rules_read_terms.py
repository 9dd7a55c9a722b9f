"""Licences judged by their words (issue 10): a licence text nobody recognises is DEC009 and its
terms are reported by their families (WGT002, DAT001, USE001, USE003, WGT001); words a recognised
text or a `license:` sentence adds to a permissive licence are reported, never whitewashed; a
dataset card is the dataset it describes (DAT003)."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import CORPUS, MIT_TEXT, card, run_cli, scancode_licence_text, safetensors_file

from modelicense import config as config_module
from modelicense.scan import scan

WEIGHTS = safetensors_file()
EXAMPLE = ("Example Model Licence\n\nYou may use the Model only for non-commercial research purposes.\n"
           "This licence does not apply in the European Union.\n")
ADDED = "ADDITIONAL TERM: You may not use the Work or any Derivative Works for any commercial purpose.\n"


def findings(root: Path) -> dict[str, list]:
    found: dict[str, list] = {}
    for finding in scan(root, config_module.load(None, root)).findings:
        found.setdefault(finding.rule, []).append(finding)
    return found


# --- the issue's example ------------------------------------------------------------------------


def test_the_issue_example_gives_restricted_weights_and_a_territory_finding_and_exit_1(make_repo):
    root = make_repo({"LICENSE": EXAMPLE, "README.md": card("library_name: transformers"), "model.safetensors": WEIGHTS})
    found = findings(root)
    assert set(found) == {"DEC009", "WGT002", "USE003"}
    [unknown], [weights], [territory] = found["DEC009"], found["WGT002"], found["USE003"]
    assert "beginning 'Example Model Licence'" in unknown.message
    assert unknown.severity.value == "warning"
    assert "read from the text of LICENSE, not a licence modelicense knows" in weights.message
    assert "non-commercial" in weights.message and "research-only" in weights.message
    assert "'You may use the Model only for non-commercial research purposes.'" in weights.message
    assert str(weights.location).startswith("LICENSE:3:")
    assert "European Union" in territory.message and territory.severity.value == "info"
    assert str(territory.location) == "LICENSE:4:14"
    assert run_cli("scan", str(root)).returncode == 1


def test_the_same_text_as_a_data_licence_gives_restricted_data(make_repo):
    root = make_repo({"DATA_LICENSE": EXAMPLE})
    found = findings(root)
    assert set(found) == {"DEC009", "DAT001"}
    [data] = found["DAT001"]
    assert "read from the text of DATA_LICENSE, not a licence modelicense knows" in data.message
    assert str(data.location).startswith("DATA_LICENSE:3:")


def test_unknown_text_without_weights_is_only_unknown(make_repo):
    # a LICENSE that covers no model (no weights, no card): the terms are listed, not judged
    root = make_repo({"LICENSE": EXAMPLE, "main.py": "print(1)\n"})
    assert set(findings(root)) == {"DEC009"}


def test_a_text_with_thresholds_and_registration_quotes_the_numbers(make_repo):
    text = ("Acme Model Licence\n\nIf your products have more than 100 million monthly active users, you must "
            "request a licence from Acme.\nIf you use the Model for commercial purposes, you must register with Acme "
            "first.\nOrganisations with annual revenue of more than USD 1 million need a separate licence.\n")
    root = make_repo({"LICENSE-MODEL": text, "model.safetensors": WEIGHTS})
    [finding] = findings(root)["USE003"]
    assert "100 million" in finding.message and "USD 1 million" in finding.message
    assert "registration or approval before commercial use" in finding.message


def test_use_restrictions_read_from_an_unknown_text(make_repo):
    text = ("Acme Responsible Model Licence\n\nYou agree not to use the Model for military purposes or surveillance.\n"
            "You will not use the Model or its outputs to train other models.\n")
    root = make_repo({"LICENSE": text, "model.safetensors": WEIGHTS})
    [finding] = findings(root)["USE001"]
    assert "use restrictions" in finding.message and "outputs to train other models" in finding.message


def test_an_unknown_text_with_only_notice_duties_is_info(make_repo):
    # a BSD-style variant the light install does not know: reads as permissive
    text = ("Copyright (c) 2014, Someone\nAll rights reserved.\n\nRedistribution of this software is allowed "
            "provided that you retain the above copyright notice.\nNo warranty.\n")
    root = make_repo({"LICENSE": text, "model.safetensors": WEIGHTS})
    found = findings(root)
    assert set(found) == {"DEC009"}
    assert found["DEC009"][0].severity.value == "info"


@pytest.mark.parametrize("name", ["NOTICE", "USE_POLICY.md", "PATENTS"])
def test_files_that_are_not_licences_are_not_unknown_licences(make_repo, name):
    root = make_repo({name: "Some words nobody catalogued, only for non-commercial research.\n",
                      "README.md": card("license: mit\nlibrary_name: x"), "model.safetensors": WEIGHTS})
    assert not {"DEC009", "WGT002"} & set(findings(root))


def test_a_known_licence_text_is_not_unknown(make_repo):
    root = make_repo({"LICENSE": MIT_TEXT, "model.safetensors": WEIGHTS})
    assert findings(root) == {}


# --- known identity, checked against its words --------------------------------------------------


def test_apache_with_an_added_commercial_restriction_is_reported_never_whitewashed(make_repo):
    text = scancode_licence_text("apache-2.0") + "\n" + ADDED
    root = make_repo({"LICENSE": text, "model.safetensors": WEIGHTS})
    found = findings(root)
    [weights] = found["WGT002"]
    assert "words of LICENSE that Apache-2.0 does not contain" in weights.message
    assert "for any commercial purpose" in weights.message
    assert weights.location.line == text.splitlines().index(ADDED.strip()) + 1
    assert "DEC009" not in found


def test_apache_alone_is_quiet(make_repo):
    root = make_repo({"LICENSE": scancode_licence_text("apache-2.0"), "model.safetensors": WEIGHTS})
    assert findings(root) == {}


@pytest.mark.parametrize("value,term", [
    ("cc-by 4.0 (no commercial use)", "non-commercial"),
    ("CC BY 4.0 research-only", "research-only"),
])
def test_a_licence_sentence_keeps_its_restriction(make_repo, value, term):
    root = make_repo({"README.md": card(f"license: {value}\nlibrary_name: x"), "model.safetensors": WEIGHTS})
    [weights] = findings(root)["WGT002"]
    assert term in weights.message and f"'{value}'" in weights.message
    assert str(weights.location).startswith("README.md:2:")


def test_a_licence_that_has_the_term_is_reported_once(make_repo):
    root = make_repo({"README.md": card('license: "CC BY-NC 4.0"\nlibrary_name: x'), "model.safetensors": WEIGHTS})
    assert len(findings(root)["WGT002"]) == 1


def test_a_data_card_sentence_keeps_its_restriction(make_repo):
    root = make_repo({"data/README.md": card("license: cc-by 4.0 (no commercial use)\npretty_name: d\n"
                                             "task_categories:\n- text-generation")})
    [data] = findings(root)["DAT001"]
    assert "beside CC-BY-4.0" in data.message


# --- a dataset card is the dataset it describes -------------------------------------------------


def test_a_books3_card_declared_mit_is_still_books3(make_repo):
    root = make_repo({"books/README.md": card("license: mit\npretty_name: Books3\ntask_categories:\n- text-generation")})
    [finding] = findings(root)["DAT003"]
    assert "'the_pile_books3'" in finding.message and "its pretty_name 'Books3'" in finding.message
    assert "its licence (MIT) cannot grant rights" in finding.message
    assert str(finding.location) == "books/README.md:2:10"


def test_a_card_in_a_folder_named_after_the_dataset(make_repo):
    root = make_repo({"bookcorpus/README.md": card("license: mit\ntask_categories:\n- text-generation\n"
                                                   "size_categories:\n- 1K<n<10K")})
    [finding] = findings(root)["DAT003"]
    assert "its folder 'bookcorpus'" in finding.message


def test_a_card_of_another_dataset_is_quiet(make_repo):
    root = make_repo({"mydata/README.md": card("license: mit\npretty_name: My reviews\ntask_categories:\n- text-generation")})
    assert "DAT003" not in findings(root)


# --- the corpus: permissive repositories stay quiet; gpt-neox is not a contradiction -------------

# Model repositories of the corpus whose files (LICENSE, cards) are permissive: Apache-2.0, MIT, BSD.
PERMISSIVE_REPOS = [
    "EleutherAI__gpt-neox", "EleutherAI__pythia", "mosaicml__llm-foundry", "openai__whisper", "openai__CLIP",
    "young-geng__EasyLM", "allenai__OLMo", "mistralai__mistral-inference", "facebookresearch__segment-anything",
    "facebookresearch__dinov2", "openai__gpt-oss", "google-deepmind__gemma", "google__gemma_pytorch",
    "Vision-CAIR__MiniGPT-4", "openai__gpt-2", "databrickslabs__dolly", "coqui-ai__TTS",
]
ISSUE_RULES = ("DEC009", "USE003")


@pytest.mark.parametrize("name", PERMISSIVE_REPOS)
def test_permissive_corpus_repositories_get_no_new_warning(name):
    root = CORPUS / "model-repos" / name
    if not root.is_dir():
        pytest.skip(f"shared corpus repository not found: {root}")
    result = scan(root, config_module.load(None, root))
    new = [f for f in result.findings if f.rule in ISSUE_RULES or "read from" in f.message or
           (f.rule == "DAT003" and "dataset card describes" in f.message)]
    assert [f for f in new if f.severity.value != "info"] == [], [f.message for f in new]


def test_permissive_corpus_dataset_cards_get_no_new_warning():
    cards = CORPUS / "hf-dataset-cards"
    if not cards.is_dir():
        pytest.skip(f"shared corpus not found: {cards}")
    result = scan(cards, config_module.load(None, cards))
    new = [f for f in result.findings if "read from" in f.message or f.rule in ISSUE_RULES]
    assert [f for f in new if f.severity.value != "info"] == [], [(str(f.location), f.message) for f in new][:5]


def test_gpt_neox_licence_with_an_apache_card_is_no_contradiction_error(make_repo):
    licence = CORPUS / "model-repos" / "EleutherAI__gpt-neox" / "LICENSE"
    if not licence.is_file():
        pytest.skip(f"shared corpus file not found: {licence}")
    root = make_repo({"LICENSE": licence.read_bytes(), "README.md": card("license: apache-2.0\nlibrary_name: x"),
                      "model.safetensors": WEIGHTS})
    assert [f for f in findings(root).get("DEC004", []) if f.severity.value == "error"] == []


def test_json_carries_each_declarations_terms_with_evidence(make_repo):
    from conftest import scan_json

    root = make_repo({"LICENSE": EXAMPLE, "README.md": card("library_name: transformers"), "model.safetensors": WEIGHTS})
    report = scan_json(str(root))
    assert report["version"] == 1
    [licence] = [a for a in report["artefacts"] if a["path"] == "LICENSE"]
    terms = {t["id"]: t for t in licence["declarations"][0]["terms"]}
    assert set(terms) == {"non-commercial", "research-only", "territory"}
    assert terms["territory"] == {"id": "territory", "label": "territory exclusion", "restrictive": True,
                                  "quote": "This licence does not apply in the European Union.",
                                  "values": ["European Union"], "pattern": "territory#0",
                                  "path": "LICENSE", "line": 4, "column": 14}


@pytest.mark.parametrize("text", ["Please refer to license: https://github.com/facebookresearch/llama/blob/main/LICENSE\n",
                                  "This source code is licensed under the terms described in the LICENSE file in the "
                                  "root directory of this source tree.\n"])
def test_a_pointer_to_a_licence_elsewhere_is_info(make_repo, text):
    root = make_repo({"docs/LICENSE": text})
    [finding] = findings(root)["DEC009"]
    assert finding.severity.value == "info" and "points to a licence elsewhere" in finding.message


@pytest.mark.parametrize("value,unknown", [
    ("Apache 2.0, Acme community licence", "Acme community licence"),
    ("Apache 2.0 and the Acme Model License", "the Acme Model License"),
])
def test_a_second_licence_in_a_licence_value_is_kept_not_dropped(make_repo, value, unknown):
    root = make_repo({"README.md": card(f"license: {value}\nlibrary_name: x"), "model.safetensors": WEIGHTS})
    [finding] = findings(root)["DEC003"]
    assert f"'{unknown}'" in finding.message


@pytest.mark.parametrize("value", ["Apache 2.0, see LICENSE", "Licensed under the Apache License, Version 2.0"])
def test_a_licence_value_with_a_pointer_is_just_the_licence(make_repo, value):
    root = make_repo({"README.md": card(f"license: {value}\nlibrary_name: x"), "model.safetensors": WEIGHTS})
    assert "DEC003" not in findings(root)


def test_a_known_model_licence_text_is_read_for_registration():
    root = CORPUS / "model-repos" / "01-ai__Yi@90fe567"
    if not root.is_dir():
        pytest.skip(f"shared corpus repository not found: {root}")
    [finding] = findings(root)["USE003"]
    assert "read from the text of MODEL_LICENSE_AGREEMENT.txt (yi-license)" in finding.message
    assert "registration or approval before commercial use" in finding.message
    assert str(finding.location) == "MODEL_LICENSE_AGREEMENT.txt:90:61"


def test_a_known_licence_with_a_threshold_leaves_it_to_use002(make_repo):
    llama = CORPUS / "model-repos" / "meta-llama__llama" / "LICENSE"
    if not llama.is_file():
        pytest.skip(f"shared corpus file not found: {llama}")
    root = make_repo({"LICENSE": llama.read_bytes(), "model.safetensors": WEIGHTS})
    found = findings(root)
    assert "USE002" in found and "USE003" not in found


# --- a card's license_name ------------------------------------------------------------------------

HUB_DOCS = CORPUS / "hf-docs" / "huggingface__hub-docs"


def _other(name: str, extra: str = "license_link: LICENSE") -> str:
    return card(f"license: other\nlicense_name: {name}\n{extra}")


def test_a_license_name_that_says_non_commercial_restricts_the_weights_at_its_line(make_repo):
    root = make_repo({"README.md": _other("acme-non-commercial-license-v1"), "model.safetensors": WEIGHTS})
    [weights] = findings(root)["WGT002"]
    assert "that its license_name says, not a licence modelicense knows" in weights.message
    assert "non-commercial ('acme-non-commercial-license-v1', line 3)" in weights.message
    assert str(weights.location) == "README.md:3:20"  # the words in the name, where they stand
    inventory = scan(root, config_module.load(None, root)).inventory
    [artefact] = [a for a in inventory.artefacts if a.kind == "weights"]
    assert any(t.kind == "non-commercial" and "license_name says" in t.evidence for t in artefact.terms)


def test_a_dataset_cards_research_only_license_name_is_restricted_data(make_repo):
    root = make_repo({"data/acme/README.md": card("license: other\nlicense_name: my-research-only-license\npretty_name: acme")})
    [data] = findings(root)["DAT001"]
    assert "research-only (its license_name says 'my-research-only-license'" in data.message
    assert str(data.location) == "data/acme/README.md:3:18"  # "research-only" in the name


@pytest.mark.parametrize("name", ["acme-open-model-license", "acme-use-based-restrictions-license",
                                  "share-alike-model-license", "acme-community-license-2.0"])
def test_a_license_name_with_no_strong_word_states_no_term(make_repo, name):
    """A name is a few words: only non-commercial, research-only, academic or no-derivatives are
    read from it; 'use-based restrictions' or 'share-alike' in a name say too little of what the
    terms are (which uses, which licence) to report them as terms read (the full table would)."""
    root = make_repo({"README.md": _other(name), "LICENSE": "All rights reserved.\n", "model.safetensors": WEIGHTS})
    found = findings(root)
    assert not {"WGT001", "WGT002", "USE001", "USE003"} & set(found), {r: [f.message for f in fs] for r, fs in found.items()}


def test_a_known_license_name_is_the_stronger_match_its_words_are_not_read(make_repo):
    """`license_name: cc-by-nc-4.0` names a licence the knowledge base knows: its properties are the
    terms (by the licence, once), not a second finding from the name's words."""
    root = make_repo({"README.md": _other("cc-by-nc-4.0"), "model.safetensors": WEIGHTS})
    [weights] = findings(root)["WGT002"]
    assert "CC-BY-NC-4.0 (its license_name)" in weights.message
    assert "license_name says" not in weights.message


def test_the_hub_docs_license_name_example_reads_as_the_licence_it_names(corpus, make_repo):
    """The Hub's model-card docs' own `license: other` example (Coqui's XTTS-v1 card) and the
    license_name values the Hub's Hacktoberfest challenge suggested for real models: each names a
    licence the knowledge base knows, so no term is read from its words."""
    import csv
    import re

    docs = (HUB_DOCS / "docs" / "hub" / "model-cards.md").read_text("utf-8")
    front = re.search(r"```yaml\n# Example from https://huggingface.co/coqui/XTTS-v1\n---\n(.*?)---\n", docs, re.S).group(1)
    with (HUB_DOCS / "hacktoberfest_challenges" / "model_license_other.csv").open(encoding="utf-8") as handle:
        suggested = sorted({row["suggested_license_name"] for row in csv.DictReader(handle) if row["suggested_license_name"]})
    assert "license_name: coqui-public-model-license" in front and suggested == ["llama-2-community-license", "llama-license"]
    for name, header in [("coqui", front)] + [(n, f"license: other\nlicense_name: {n}\n") for n in suggested]:
        root = make_repo({f"{name}/README.md": card(header.strip()), f"{name}/model.safetensors": WEIGHTS})
        found = findings(root)
        assert not any("license_name says" in f.message for fs in found.values() for f in fs), name
