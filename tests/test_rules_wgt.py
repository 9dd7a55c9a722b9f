"""WGT: copyleft and restricted terms on weights — which declaration covers the weights, what the
message says, and that permissive, model-specific and software-only repositories stay quiet."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import FIXTURES, card, safetensors_file, scancode_licence_text

from modelicense import config as config_module
from modelicense.knowledge import load
from modelicense.model import (
    Artefact,
    Declaration,
    FileKind,
    Location,
    Repository,
    ResolvedDeclaration,
)
from modelicense.resolve import Resolver
from modelicense.rules.wgt import copyleft_weights
from modelicense.scan import scan

SAFETENSORS = safetensors_file()
GPL3 = "                    GNU GENERAL PUBLIC LICENSE\n                       Version 3, 29 June 2007\n\n Copyright (C) 2007 Free Software Foundation\n"
MIT = "MIT License\n\nCopyright (c) 2026 Someone\n\nPermission is hereby granted, free of charge, to any person obtaining a copy\n"


def findings(root: Path, prefix: str = "WGT") -> list:
    result = scan(root, config_module.load(None, root))
    return [f for f in result.findings if f.rule.startswith(prefix)]


# --- WGT001 copyleft ------------------------------------------------------------------------


def test_copyleft_card_licence_on_shipped_weights(make_repo):
    root = make_repo({"README.md": card("license: gpl-3.0\nlibrary_name: transformers"), "model.safetensors": SAFETENSORS})
    [finding] = findings(root)
    assert (finding.rule, finding.severity.value, str(finding.location)) == ("WGT001", "warning", "README.md:2:10")
    assert "GPL-3.0-only ('gpl-3.0')" in finding.message
    assert "model.safetensors" in finding.message
    assert "licence code and weights separately" in finding.message


@pytest.mark.parametrize("licence", ["cc-by-sa-4.0", "agpl-3.0", "mpl-2.0", "odbl", "cdla-sharing-1.0", "lgpl-3.0"])
def test_every_copyleft_strength_fires(make_repo, licence):
    root = make_repo({"README.md": card(f"license: {licence}\nlibrary_name: transformers")})
    assert [f.rule for f in findings(root)] == ["WGT001"], licence


def test_card_covering_weights_not_in_the_repo_names_the_model(make_repo):
    root = make_repo({"README.md": card("license: gpl-3.0\nlibrary_name: transformers")})
    [finding] = findings(root)
    assert "the model's weights are under" in finding.message


def test_root_licence_covers_weights_only_when_nothing_more_specific(make_repo):
    shipped = make_repo({"LICENSE": GPL3, "model.safetensors": SAFETENSORS, "train.py": "print()\n"})
    [finding] = findings(shipped)
    assert (finding.rule, finding.location.path) == ("WGT001", "LICENSE")
    assert "the weights in model.safetensors" in finding.message
    # The card says what covers the weights: the GPL LICENSE is the code's.
    carded = make_repo({"LICENSE": GPL3, "model.safetensors": SAFETENSORS,
                        "README.md": card("license: apache-2.0\nlibrary_name: transformers")})
    assert findings(carded) == []


def test_plain_software_repository_under_gpl_is_quiet(make_repo):
    root = make_repo({"LICENSE": GPL3, "README.md": "# A library\n\nSome code.\n", "src/lib.py": "x = 1\n"}, git=True)
    assert findings(root, "") == []


def test_one_finding_per_licence_with_every_declaration_related(make_repo):
    root = make_repo({
        "README.md": card("license: gpl-3.0\nlibrary_name: transformers"),
        "LICENSE-MODEL": GPL3,
        "LICENSE": MIT,
        "model.safetensors": SAFETENSORS,
    })
    [finding] = findings(root)
    assert {str(finding.location), *map(str, finding.related)} == {"README.md:2:10", "LICENSE-MODEL:1:1"}


def test_choice_of_a_permissive_licence_is_not_copyleft(make_repo):
    root = make_repo({"README.md": card("license: GPL-3.0-only OR MIT\nlibrary_name: transformers")})
    assert findings(root) == []


def test_weights_subfolder_card_covers_only_its_folder(make_repo):
    root = make_repo({
        "a/README.md": card("license: gpl-3.0\nlibrary_name: transformers"),
        "a/model.safetensors": SAFETENSORS,
        "b/model.safetensors": SAFETENSORS,
        "b/README.md": card("license: mit\nlibrary_name: transformers"),
    })
    [finding] = findings(root)
    assert "a/model.safetensors" in finding.message and "b/model.safetensors" not in finding.message


# --- WGT002 non-commercial / research-only / no-derivatives ---------------------------------


@pytest.mark.parametrize("licence,terms", [
    ("cc-by-nc-4.0", "non-commercial"),
    ("cc-by-nd-4.0", "no-derivatives"),
    ("cc-by-nc-nd-4.0", "non-commercial and no-derivatives"),
    ("apple-amlr", "non-commercial and research-only"),
])
def test_restricted_weights(make_repo, licence, terms):
    root = make_repo({"README.md": card(f"license: {licence}\nlibrary_name: transformers"), "model.safetensors": SAFETENSORS})
    [finding] = findings(root)
    assert (finding.rule, finding.severity.value) == ("WGT002", "warning")
    assert f"whose terms are {terms}" in finding.message


@pytest.mark.parametrize("licence", ["mit", "apache-2.0", "bsd-3-clause", "cc-by-4.0", "cc0-1.0", "cdla-permissive-2.0",
                                     "openrail", "llama2", "gemma", "bigscience-openrail-m"])
def test_permissive_and_model_licences_are_not_wgt(make_repo, licence):
    root = make_repo({"README.md": card(f"license: {licence}\nlibrary_name: transformers"), "model.safetensors": SAFETENSORS})
    assert findings(root) == [], licence


# --- real files -----------------------------------------------------------------------------


def test_fixture_gpl_weights(tmp_path):
    result = findings(FIXTURES / "gpl-weights")
    assert [(f.rule, str(f.location)) for f in result] == [("WGT001", "README.md:3:10")]


def test_fixture_clean_model_is_quiet():
    assert findings(FIXTURES / "clean-model", "") == []


def test_corpus_weights_licences(corpus):
    repos = corpus / "model-repos"
    audiocraft = findings(repos / "facebookresearch__audiocraft")
    assert [(f.rule, f.location.path) for f in audiocraft] == [("WGT002", "LICENSE_weights")]
    flux = findings(repos / "black-forest-labs__flux")
    # FLUX.1 [dev] is non-commercial; FLUX.1 [schnell] is Apache-2.0 and says nothing.
    assert [(f.rule, f.location.path) for f in flux] == [("WGT002", "model_licenses/LICENSE-FLUX1-dev")]
    opt = findings(repos / "facebookresearch__metaseq")
    assert [(f.rule, f.location.path) for f in opt] == [("WGT002", "projects/OPT/MODEL_LICENSE.md")]
    assert "research-only" in opt[0].message


def test_real_gpl_licence_with_shipped_weights(make_repo):
    """The whole GPL-3.0 text (as LLaMA 1 shipped its code), in a repository that ships weights beside it."""
    gpl = scancode_licence_text("gpl-3.0")
    root = make_repo({"LICENSE": gpl, "consolidated.00.pth": b"PK\x03\x04" + b"\0" * 64})
    [finding] = findings(root)
    assert finding.rule == "WGT001" and "consolidated.00.pth" in finding.message


@pytest.mark.parametrize("repo", [
    "EleutherAI__pythia", "openai__whisper", "facebookresearch__segment-anything", "meta-llama__llama",
    "meta-llama__llama3", "CompVis__stable-diffusion", "deepseek-ai__DeepSeek-V3", "google-deepmind__gemma",
    "bigscience-workshop__model_card", "2noise__ChatTTS", "facebookresearch__ImageBind",
])
def test_corpus_repos_without_weight_terms_are_quiet(corpus, repo):
    # ChatTTS (AGPL code) and ImageBind (CC BY-NC-SA root LICENSE) ship no weights: their root
    # licence is the code's, and only prose says what covers the weights.
    assert findings(corpus / "model-repos" / repo) == []


def test_other_with_a_known_licence_name_counts_as_that_licence(make_repo):
    root = make_repo({"README.md": card("license: other\nlicense_name: tongyi-qianwen-research\n"
                                        "license_link: https://example.com/LICENSE\nlibrary_name: transformers")})
    [finding] = findings(root)
    assert finding.rule == "WGT002" and "tongyi-qianwen-research (its license_name)" in finding.message
    unknown_name = make_repo({"README.md": card("license: other\nlicense_name: my-own\nlibrary_name: transformers")})
    assert findings(unknown_name) == []


def test_weight_file_metadata_names_its_own_file():
    """Weight-file metadata (GGUF general.license, safetensors __metadata__) covers that file only.
    Built directly: the header extractors that produce it live elsewhere."""
    knowledge = load()
    declaration = Declaration("gpl-3.0", "weights", Location("q/model-Q4.gguf"), "general.license")
    shard = Artefact("q/model-Q4.gguf", FileKind.WEIGHTS,
                     (ResolvedDeclaration(declaration, Resolver(knowledge).resolve(declaration)),))
    other = Artefact("q/model-Q8.gguf", FileKind.WEIGHTS)
    [hit] = copyleft_weights(Repository(".", (shard, other)), knowledge)
    assert hit.location.path == "q/model-Q4.gguf"
    assert "the weights in q/model-Q4.gguf are under" in hit.message and "Q8" not in hit.message


def test_test_checkpoints_do_not_make_a_gpl_library_a_model(make_repo):
    root = make_repo({"LICENSE": GPL3, "src/lib.py": "x = 1\n", "tests/data/tiny.pt": b"PK\x03\x04" + b"\0" * 32,
                      "examples/demo/model.safetensors": SAFETENSORS})
    assert findings(root) == []
    shipped = make_repo({"LICENSE": GPL3, "src/lib.py": "x = 1\n", "tests/data/tiny.pt": b"PK\x03\x04" + b"\0" * 32,
                         "checkpoints/model.safetensors": SAFETENSORS})
    [finding] = findings(shipped)
    assert "checkpoints/model.safetensors" in finding.message and "tiny.pt" not in finding.message


@pytest.mark.parametrize("family", ["WGT", "DAT", "USE"])
def test_every_rule_of_the_family_is_documented(family):
    from modelicense.rules import all_rules

    rules = [r for r in all_rules() if r.family == family]
    assert rules
    for rule in rules:
        for section in ("## What it finds", "## Why it matters", "## Example", "## How to fix"):
            assert section in rule.body, (rule.id, section)


# --- conditions each caught by a hand-made mutation of the rule ------------------------------------


def test_share_alike_without_copyleft_is_reported(make_repo):
    """C-UDA-1.0 lets models trained on the data be used freely but the data itself be shared only
    under the C-UDA (https://spdx.org/licenses/C-UDA-1.0.html): share-alike with no copyleft."""
    root = make_repo({"README.md": card("license: c-uda\nlibrary_name: transformers"), "model.safetensors": SAFETENSORS})
    [finding] = findings(root)
    assert finding.rule == "WGT001" and "C-UDA-1.0 ('c-uda'), a share-alike licence" in finding.message


@pytest.mark.parametrize(("expression", "fires"), [
    ("GPL-3.0-only AND MIT", True),  # both bind: the GPL's conditions apply to the weights
    ("GPL-3.0-only OR MIT", False),  # a choice: users may take MIT
])
def test_a_conjunction_binds_every_licence_and_a_choice_only_what_every_alternative_has(make_repo, expression, fires):
    root = make_repo({"README.md": card(f"license: {expression}\nlibrary_name: transformers"),
                      "model.safetensors": SAFETENSORS})
    assert [f.rule for f in findings(root)] == (["WGT001"] if fires else [])


def test_a_licence_in_model_licenses_speaks_for_the_weights_of_the_folder_above(make_repo):
    """FLUX keeps its model licence in model_licenses/: it covers the weights beside that folder."""
    root = make_repo({"model_licenses/LICENSE-MODEL": GPL3, "flux1-dev.safetensors": SAFETENSORS,
                      "vae/diffusion.safetensors": SAFETENSORS})
    [finding] = findings(root)
    assert finding.location.path == "model_licenses/LICENSE-MODEL"
    assert "the weights in flux1-dev.safetensors, vae/diffusion.safetensors are under" in finding.message
