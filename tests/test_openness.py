"""Openness (issue 11, items 1 and 4): OSAID 1.0 and the MOF class computed from a repository's
files, and OPN001 on cards that call a model "open source" when it fails OSAID.

The corpus expectations below come from reading each repository's files in
../shared/corpus/model-repos (only their LICENSE and README / MODEL_CARD are there), not from
what is known of the models elsewhere: the line that justifies each component is named beside it.
The MOF rules are the Model Openness Tool's (knowledge/data/openness.json): class III needs all of
its required components under licences of their type, or (the Tool's conditional pass) the final
parameters under an open licence; a research paper's licence is never stated in a repository, so
class I is out of reach of any repository here, and no README states the evaluation data's
licence, so class II is too."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import card, safetensors_file

from modelicense.config import Config
from modelicense.inventory.build import inventory_of
from modelicense.rules import get
from modelicense.scan import build_repository, knowledge_for


def openness(root: Path):
    config = Config()
    knowledge = knowledge_for(config)
    repository = build_repository(root, config, knowledge)
    return inventory_of(repository, knowledge).openness, repository, knowledge


def osaid(result) -> dict[str, bool]:
    return {c.id: c.passes for c in result.osaid_components}


def mof(result) -> dict[str, bool]:
    return {c.id: c.passes for c in result.mof_components}


def repo(corpus, name):
    return corpus / "model-repos" / name


def test_pythia_meets_osaid_and_mof_class_iii(corpus):
    result, _r, _k = openness(repo(corpus, "EleutherAI__pythia"))
    # code: README.md:35 "Reproducing Training" (training code) under LICENSE (Apache-2.0, OSI-approved);
    # parameters: README.md:418 "The following license applies to all code in this GitHub repo, as well as
    #   the Pythia models" -> LICENSE's Apache-2.0; README.md:26 links the Hub checkpoints;
    # data information: README.md:49 "We train and release a suite of 8 model sizes on the Pile".
    assert osaid(result) == {"code": True, "parameters": True, "data-information": True}
    assert result.osaid is True
    # README.md:7 "154 checkpoints": the intermediate parameters are published, under Apache-2.0, which
    # the Model Openness Tool does not accept for their content type (data).
    component = next(c for c in result.mof_components if c.id == "model-parameters-intermediate")
    assert (component.present, component.open) == (True, False)
    # No model card in the repository (README.md is the project's page): class III by the Tool's
    # conditional pass, the final parameters being under an open licence.
    assert "Model card" in dict(result.missing)["III"]
    assert result.mof_class == "III" and result.mof_conditional


def test_olmo_fails_osaid_on_parameters_without_a_declared_licence(corpus):
    result, _r, _k = openness(repo(corpus, "allenai__OLMo"))
    # code: README.md:44 "## Pretraining" with scripts/train.py, under LICENSE (Apache-2.0);
    # data information: README.md:47 trains on huggingface.co/datasets/allenai/olmo-mix-1124;
    # parameters: README.md:55 links the checkpoints, but nothing in the repository states their licence
    #   (LICENSE covers the code; the README's licence badge is the GitHub repository's).
    assert osaid(result) == {"code": True, "parameters": False, "data-information": True}
    assert result.mof_class is None


def test_llama3_fails_osaid_on_code_and_parameters(corpus):
    result, _r, _k = openness(repo(corpus, "meta-llama__llama3"))
    # LICENSE is the Meta Llama 3 Community License: use restrictions (Acceptable Use Policy) and not
    # OSI-approved, for the code and the weights alike; MODEL_CARD.md:137 "## Training Data".
    assert osaid(result) == {"code": False, "parameters": False, "data-information": True}
    assert result.mof_class is None
    assert "Model parameters (Final)" in dict(result.missing)["III"]


def test_mistral_inference_fails_osaid_on_parameters_and_data_information(corpus):
    result, _r, _k = openness(repo(corpus, "mistralai__mistral-inference"))
    # README.md:81 the inference code, under LICENSE (Apache-2.0); README.md:62-65 the models, under
    # licences that vary per model (Apache-2.0, MNPL, MRL) and none declared for the repository's weights;
    # no line about the training data.
    assert osaid(result) == {"code": True, "parameters": False, "data-information": False}
    assert result.mof_class is None


def test_bloom_fails_osaid_on_parameters_under_a_rail_licence(corpus):
    result, _r, _k = openness(repo(corpus, "bigscience-workshop__model_card"))
    # README.md:2 `license: bigscience-bloom-rail-1.0` (use restrictions); README.md:318 "## Training Data";
    # no code in the repository and no line saying where it is.
    assert osaid(result) == {"code": False, "parameters": False, "data-information": True}
    assert result.mof_class is None


def test_a_plain_software_repository_has_no_openness_to_judge(make_repo):
    result, _r, _k = openness(make_repo({"pkg/__init__.py": "# SPDX-License-Identifier: MIT\n"}))
    assert result is None


def test_apache_weights_with_code_and_a_listed_dataset_meet_osaid(make_repo):
    root = make_repo({"README.md": card("license: apache-2.0\ndatasets:\n- allenai/c4"),
                      "model.safetensors": safetensors_file(), "train.py": "# SPDX-License-Identifier: Apache-2.0\n"})
    result, _r, _k = openness(root)
    assert result.osaid is True
    assert mof(result)["training-code"] is True


def test_class_iii_by_the_conditional_pass_is_said_to_be_conditional(make_repo):
    """Apache-2.0 weights and nothing else: the Model Openness Tool's conditional pass gives class III
    (its final parameters are under an open licence) though class III's model architecture, data
    card, technical report and evaluation results are missing; the reports must not show a plain III."""
    from modelicense.report.inventory import inventory_json, render_text

    root = make_repo({"README.md": card("license: apache-2.0"), "model.safetensors": safetensors_file()})
    result, repository, knowledge = openness(root)
    assert result.mof_class == "III" and result.mof_conditional
    assert {"Model architecture", "Data card"} <= set(dict(result.missing)["III"])
    inventory = inventory_of(repository, knowledge)
    assert "MOF class III (conditional: the final parameters are open" in render_text([inventory])
    assert inventory_json(inventory)["openness"]["mof"]["conditional"] is True


def test_no_class_is_not_conditional(corpus):
    result, _r, _k = openness(repo(corpus, "meta-llama__llama3"))
    assert result.mof_class is None and not result.mof_conditional


# --- OPN001 ---------------------------------------------------------------------------------------


def findings(root: Path) -> list:
    config = Config()
    knowledge = knowledge_for(config)
    repository = build_repository(root, config, knowledge)
    return list(get("OPN001").run(repository, knowledge))


def test_opn001_fires_on_blooms_open_source_title(corpus):
    [finding] = findings(repo(corpus, "bigscience-workshop__model_card"))
    # README.md:97: "BigScience Language Open-source Open-access Multilingual (BLOOM) Language Model"
    assert (finding.location.path, finding.location.line) == ("README.md", 97)
    assert "parameters: use restrictions" in finding.message and "code:" in finding.message


@pytest.mark.parametrize("name", ["meta-llama__llama3", "mistralai__mistral-inference", "EleutherAI__pythia"])
def test_opn001_quiet_on_real_cards_that_make_no_claim(corpus, name):
    # llama3 MODEL_CARD.md:3 "outperform many of the available open source chat models" (other models);
    # mistral README.md:68 "open_weight_models" (open weights is not an OSAID claim); Pythia meets OSAID.
    assert findings(repo(corpus, name)) == []


def test_opn001_fires_on_an_open_source_claim_under_llama3_and_names_the_failures(make_repo):
    [finding] = findings(make_repo({"README.md": card("license: llama3", "# An open-source model\n")}))
    assert finding.location.line == 5
    assert "parameters: use restrictions" in finding.message


def test_opn001_quiet_for_open_weights_and_for_an_osaid_model(make_repo):
    assert findings(make_repo({"README.md": card("license: llama3", "# An open-weights model\n")})) == []
    open_model = {"README.md": card("license: apache-2.0\ndatasets:\n- allenai/c4", "# An open-source model\n"),
                  "model.safetensors": safetensors_file(), "train.py": "# SPDX-License-Identifier: Apache-2.0\n"}
    assert findings(make_repo(open_model)) == []


def test_the_openness_data_is_the_definitions_with_their_sources():
    from modelicense.inventory.openness import definition
    from modelicense.knowledge import load
    from modelicense.knowledge.files import read_document

    document = read_document("openness.json")
    for part in ("osaid", "mof", "licences", "signals", "claims"):
        assert document[part]["source"].startswith("http") or "mof.settings.yml" in document[part]["source"]
    components = definition().mof
    assert len(components) == 17  # MOF's 17 components
    assert {c["class"] for c in components} == {1, 2, 3}
    assert [c["id"] for c in definition().osaid] == ["code", "parameters", "data-information"]
    knowledge = load()
    for ids in definition().licences.values():
        for ident in ids:
            assert knowledge.licence(ident) is not None, ident
    assert set(document["signals"]["patterns"]) - {c["id"] for c in components} == {"weights-licence"}
