"""USE: behavioural-use and user-threshold terms on models are info, found through the
declarations that cover the model, licence texts written for models, and use policies."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import MIT_TEXT, card, safetensors_file

from modelicense import config as config_module
from modelicense.scan import scan

SAFETENSORS = safetensors_file()


def findings(root: Path, prefix: str = "USE") -> list:
    result = scan(root, config_module.load(None, root))
    return [f for f in result.findings if f.rule.startswith(prefix)]


def test_llama_card_has_use_restrictions_and_a_threshold(make_repo):
    root = make_repo({"README.md": card("license: llama2\nlibrary_name: transformers"), "model.safetensors": SAFETENSORS})
    result = {f.rule: f for f in findings(root)}
    assert set(result) == {"USE001", "USE002"}
    assert all(f.severity.value == "info" and str(f.location) == "README.md:2:10" for f in result.values())
    assert "not open source in the OSI sense" in result["USE001"].message
    assert "model.safetensors" in result["USE001"].message
    assert "threshold" in result["USE002"].message


@pytest.mark.parametrize("licence", ["openrail", "creativeml-openrail-m", "bigscience-bloom-rail-1.0", "gemma", "deepseek"])
def test_use_restricted_model_licences(make_repo, licence):
    root = make_repo({"README.md": card(f"license: {licence}\nlibrary_name: transformers")})
    assert [f.rule for f in findings(root)] == ["USE001"], licence


@pytest.mark.parametrize("licence", ["apache-2.0", "mit", "cc-by-4.0", "gpl-3.0", "openmdw-1.0", "cc-by-nc-4.0"])
def test_licences_without_use_clauses_are_quiet(make_repo, licence):
    root = make_repo({"README.md": card(f"license: {licence}\nlibrary_name: transformers")})
    assert findings(root) == [], licence


def test_use_policy_file_alone_is_reported_once(make_repo):
    root = make_repo({"USE_POLICY.md": "# Acceptable Use Policy\n\nYou agree not to use the model to ...\n",
                      "model.safetensors": SAFETENSORS})
    [finding] = findings(root)
    assert (finding.rule, finding.location.path) == ("USE001", "USE_POLICY.md")
    assert "acceptable use policy" in finding.message


def test_use_policy_beside_the_licence_joins_its_finding(make_repo):
    root = make_repo({"README.md": card("license: llama2\nlibrary_name: transformers"), "USE_POLICY.md": "# Policy\n\nDo not.\n"})
    [use001] = [f for f in findings(root) if f.rule == "USE001"]
    assert [r.path for r in use001.related] == ["USE_POLICY.md"]
    assert "USE_POLICY.md" in use001.message


def test_a_choice_with_an_unrestricted_licence_is_quiet(make_repo):
    root = make_repo({"README.md": card("license: Apache-2.0 OR openrail\nlibrary_name: transformers")})
    assert findings(root) == []


def test_software_licence_at_root_without_weights_is_not_about_a_model(make_repo):
    root = make_repo({"LICENSE": "MIT License\n\nPermission is hereby granted, free of charge, to any person\n",
                      "README.md": "# tool\n"})
    assert findings(root, "") == []


# --- real files -----------------------------------------------------------------------------


def test_corpus_llama2_repository(corpus):
    result = findings(corpus / "model-repos" / "meta-llama__llama")
    by_rule = {f.rule: f for f in result}
    assert sorted(by_rule) == ["USE001", "USE002"]
    assert str(by_rule["USE001"].location) == "LICENSE:1:1"
    assert [r.path for r in by_rule["USE001"].related] == ["USE_POLICY.md"]
    assert "Llama 2 Community License" in by_rule["USE001"].message


def test_corpus_llama_models_one_finding_per_generation(corpus):
    result = findings(corpus / "model-repos" / "meta-llama__llama-models", "USE001")
    folders = sorted(f.location.path.rpartition("/")[0] for f in result)
    assert folders == ["models/llama2", "models/llama3", "models/llama3_1", "models/llama3_2", "models/llama3_3",
                       "models/llama4"]
    # Each generation's policy goes with its own licence.
    for finding in result:
        assert [r.path.rpartition("/")[0] for r in finding.related] == [finding.location.path.rpartition("/")[0]]


def test_corpus_openrail_and_model_licences(corpus):
    repos = corpus / "model-repos"
    assert [f.rule for f in findings(repos / "CompVis__stable-diffusion")] == ["USE001"]
    assert [f.rule for f in findings(repos / "bigscience-workshop__model_card")] == ["USE001"]
    assert [(f.rule, f.location.path) for f in findings(repos / "deepseek-ai__DeepSeek-V3")] == [("USE001", "LICENSE-MODEL")]


@pytest.mark.parametrize("repo", ["EleutherAI__pythia", "openai__whisper", "facebookresearch__segment-anything",
                                  "EleutherAI__gpt-neox", "mistralai__mistral-inference", "allenai__OLMo"])
def test_corpus_open_models_are_quiet(corpus, repo):
    assert findings(corpus / "model-repos" / repo) == []


def test_other_with_a_known_licence_name(make_repo):
    root = make_repo({"README.md": card("license: other\nlicense_name: llama3\nlibrary_name: transformers")})
    assert sorted(f.rule for f in findings(root)) == ["USE001", "USE002"]


def test_a_services_use_policy_in_a_software_repository_is_not_a_models(make_repo):
    policy = "# Acceptable Use Policy\n\nDo not use the service to send spam.\n"
    software = make_repo({"ACCEPTABLE_USE_POLICY.md": policy, "LICENSE": "MIT License\n", "app/main.py": "x = 1\n"})
    assert findings(software) == []
    model = make_repo({"ACCEPTABLE_USE_POLICY.md": policy, "MODEL_CARD.md": "# My model\n"})
    assert [f.rule for f in findings(model)] == ["USE001"]


def test_a_web_app_with_a_models_module_and_a_use_policy_holds_no_model(make_repo):
    """`app/models.py` is a web framework's data models, not a trained model (the name used to be
    enough to make the service's policy a model's)."""
    policy = "# Acceptable Use Policy\n\nYou may not use the service to harass others or to send spam.\n"
    app = make_repo({"LICENSE": MIT_TEXT, "ACCEPTABLE_USE_POLICY.md": policy,
                     "app/models.py": "class User:\n    name = 'x'\n", "app/views.py": "def index():\n    return 'hi'\n"})
    assert findings(app) == []
    weights = make_repo({"LICENSE": MIT_TEXT, "ACCEPTABLE_USE_POLICY.md": policy, "model.safetensors": safetensors_file()})
    assert [f.rule for f in findings(weights)] == ["USE001"]
