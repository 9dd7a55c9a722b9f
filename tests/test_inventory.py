"""The inventory (issue 11, item 1): artefacts with their declarations, effective terms (own,
inherited from a base, imposed by data), duties, and the commercial-use and redistribution
verdicts, built from real repositories and from small trees written the way the Hub writes them.

Expectations come from the licences themselves, not from the code: the Llama 3 licence's
section 2 sets the 700 million monthly-active-user threshold and 1.b.i / 1.b.iii the "Built with
Meta Llama 3" naming and the Notice file; tatsu-lab/alpaca is CC BY-NC 4.0 (its dataset card)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import MIT_TEXT, card, safetensors_file

from modelicense.config import Config
from modelicense.config import load as load_config
from modelicense.inventory.build import inventory_of
from modelicense.knowledge import load
from modelicense.knowledge.conditions import conditions
from modelicense.knowledge.files import read_document
from modelicense.knowledge.kinds import BY_ID
from modelicense.scan import build_repository, knowledge_for

LLAMA3 = "meta-llama__llama3"


def inventory(root: Path):
    config = Config()
    knowledge = knowledge_for(config)
    repository = build_repository(root, config, knowledge)
    return inventory_of(repository, knowledge), repository, knowledge


def only(items):
    assert len(items) == 1, items
    return items[0]


def test_llama3_repository_is_conditional_with_threshold_naming_and_notice(corpus):
    inv, _repo, _k = inventory(corpus / "model-repos" / LLAMA3)
    weights = only(inv.weights)
    assert weights.licence == "llama3"
    assert [d.location.path for d in weights.declared] == ["LICENSE"]
    assert inv.commercial.answer == "conditional"
    conditions_text = " ".join(inv.commercial.conditions)
    assert "700 million monthly active users" in conditions_text
    threshold = only([t for t in weights.terms if t.kind == "user-threshold"])
    assert threshold.origin == "own" and threshold.values == ("700 million monthly active users",)
    duties = {d.id: d.wording for d in weights.duties}
    assert "Built with Meta Llama 3" in duties["naming"]
    assert "Notice" in duties["notice"]
    assert "use-policy" in duties
    # Modified weights may be shared, with the restrictions passed on and the notices kept.
    assert inv.redistribution.answer == "conditional"
    # The terms reader's words join in where the knowledge base's entry is silent: LICENSE 1.b.v
    # forbids using outputs to improve other large language models (quoted, at its line).
    [read] = [t for t in weights.terms if t.kind == "output-restriction"]
    assert read.evidence.startswith("reads ") and read.location.path == "LICENSE"


FINETUNE = {
    "README.md": card("license: apache-2.0\nbase_model: meta-llama/Meta-Llama-3-8B\ndatasets:\n- tatsu-lab/alpaca"),
    # peft's LoraConfig.save_pretrained writes base_model_name_or_path (test_lineage.py has the full shape)
    "adapter_config.json": json.dumps({"base_model_name_or_path": "meta-llama/Meta-Llama-3-8B", "peft_type": "LORA"}),
}


def test_llama_finetune_declared_apache_with_non_commercial_data_is_no_with_reasons(make_repo):
    inv, _repo, _k = inventory(make_repo(FINETUNE))
    weights = only(inv.weights)
    assert weights.licence == "Apache-2.0"
    assert inv.commercial.answer == "no"
    reasons = [r.text for r in inv.commercial.reasons]
    assert "tatsu-lab/alpaca" in reasons[0] and "non-commercial" in reasons[0]
    assert any("700 million" in r for r in reasons), reasons  # the base's threshold is in the chain too
    origins = {(t.kind, t.origin, t.source) for t in weights.terms}
    assert ("non-commercial", "imposed", "tatsu-lab/alpaca") in origins
    assert ("user-threshold", "inherited", "meta-llama/Meta-Llama-3-8B") in origins
    assert ("notice", "own", "Apache-2.0") in origins
    base = only(inv.of_kind("base-model"))
    assert (base.name, base.relation, base.licence, base.of) == ("meta-llama/Meta-Llama-3-8B", "adapter", "llama3", "weights")
    assert base.commercial.answer == "conditional"
    data = only(inv.of_kind("dataset"))
    assert (data.name, data.relation, data.licence) == ("tatsu-lab/alpaca", "trained-on", "CC-BY-NC-4.0")
    assert data.commercial.answer == "no"
    assert "naming" in {d.id for d in weights.duties}  # the base's duty is the derivative's
    assert "only for non-commercial use (imposed by dataset tatsu-lab/alpaca)" in inv.redistribution.conditions


def test_the_same_finetune_on_permissive_data_is_conditional_not_no(make_repo):
    files = dict(FINETUNE, **{"README.md": card("license: apache-2.0\nbase_model: meta-llama/Meta-Llama-3-8B")})
    inv, _repo, _k = inventory(make_repo(files))
    assert inv.commercial.answer == "conditional"
    assert not inv.of_kind("dataset")


def test_software_repository_has_code_only_and_mit_allows_commercial_use(make_repo):
    inv, _repo, _k = inventory(make_repo({"LICENSE": MIT_TEXT, "pkg/__init__.py": "x = 1\n"}))
    assert not inv.is_model and not inv.weights
    code = only(inv.of_kind("code"))
    assert code.licence == "MIT"
    assert inv.commercial.answer == "yes"
    assert {d.id for d in code.duties} == {"notice"}


def test_weights_without_any_licence_are_unknown(make_repo):
    inv, _repo, _k = inventory(make_repo({"model.safetensors": safetensors_file()}))
    weights = only(inv.weights)
    assert weights.paths == ("model.safetensors",)
    assert inv.commercial.answer == "unknown"
    assert "no licence is declared" in inv.commercial.reasons[0].text


def test_no_derivatives_weights_cannot_be_redistributed_modified(make_repo):
    inv, _repo, _k = inventory(make_repo({"README.md": card("license: cc-by-nd-4.0"),
                                          "model.safetensors": safetensors_file()}))
    assert inv.commercial.answer == "yes"
    assert inv.redistribution.answer == "no"
    assert "no-derivatives" in inv.redistribution.reasons[0].text


def test_non_commercial_weights_say_no(make_repo):
    inv, _repo, _k = inventory(make_repo({"README.md": card("license: cc-by-nc-4.0"),
                                          "model.safetensors": safetensors_file()}))
    assert inv.commercial.answer == "no"
    assert "CC-BY-NC-4.0" in inv.commercial.reasons[0].text


def test_inventory_is_built_once_per_repository(make_repo):
    inv, repository, knowledge = inventory(make_repo({"README.md": card("license: mit")}))
    assert inventory_of(repository, knowledge) is inv


def test_declared_licence_keeps_what_was_written_where_and_how_sure(make_repo):
    inv, _repo, _k = inventory(make_repo({"README.md": card("license: apache-2.0"), "model.safetensors": safetensors_file()}))
    declared = only(only(inv.weights).declared)
    assert (declared.expression, declared.raw, str(declared.location), declared.found_by, declared.confidence) == (
        "Apache-2.0", "apache-2.0", "README.md:2:10", "id", "exact")


# --- conditions.json (knowledge) ---------------------------------------------------------------


def test_every_condition_names_a_known_licence_a_term_kind_and_cites_a_source():
    knowledge = load()
    for licence, items in conditions().items():
        assert knowledge.licence(licence) is not None, licence
        for item in items:
            assert item.kind in BY_ID
            assert item.source.startswith("https://"), item
    assert read_document("conditions.json")["entries"]


@pytest.mark.parametrize("licence", ["llama2", "llama3", "llama3.1", "llama3.2", "llama3.3", "llama4"])
def test_every_llama_licence_with_a_threshold_property_words_it(licence):
    assert load().licence(licence).user_threshold
    threshold = [c for c in conditions()[licence] if c.kind == "user-threshold"]
    assert threshold and threshold[0].values == ("700 million monthly active users",)


def test_weights_below_a_model_folder_belong_to_it_and_a_folder_with_its_own_card_stands_alone(make_repo):
    inv, _repo, _k = inventory(make_repo({
        "README.md": card("license: apache-2.0"), "models/a/model.safetensors": safetensors_file(),
        "models/b/README.md": card("license: cc-by-nc-4.0"), "models/b/model.safetensors": safetensors_file()}))
    by_name = {w.name: w for w in inv.weights}
    assert set(by_name) == {"weights", "weights (models/b/)"}
    assert by_name["weights"].paths == ("models/a/model.safetensors",)
    assert by_name["weights (models/b/)"].paths == ("models/b/model.safetensors",)
    assert (by_name["weights"].commercial.answer, by_name["weights (models/b/)"].commercial.answer) == ("yes", "no")
    assert inv.commercial.answer == "no"


# --- models the code loads at run time --------------------------------------------------------------
# Meta's Llama 2 licence, section 2: more than 700 million monthly active users need a licence from
# Meta; facebook/musicgen-small's card: CC-BY-NC-4.0 (models.json cites both).

LOADS = ('from transformers import AutoModelForCausalLM\n\n'
         'model = AutoModelForCausalLM.from_pretrained("{model}")\n'
         'helper = AutoModelForCausalLM.from_pretrained("someone/a-model-nobody-knows")\n')


def test_a_model_the_code_loads_is_an_artefact_that_conditions_the_system(make_repo):
    root = make_repo({"LICENSE": MIT_TEXT, "app.py": LOADS.format(model="meta-llama/Llama-2-7b-hf"),
                      "tools/again.py": LOADS.format(model="meta-llama/Llama-2-7b-hf")})
    inv, _repo, _k = inventory(root)
    assert not inv.is_model
    code = only(inv.of_kind("code"))
    assert code.licence == "MIT" and code.commercial.answer == "yes"
    llama, unknown = inv.of_kind("runtime-model")
    assert (llama.name, llama.licence, llama.of, llama.relation) == ("meta-llama/Llama-2-7b-hf", "llama2", "code",
                                                                     "used at run time")
    assert llama.paths == ("app.py", "tools/again.py")  # every file that loads it, first where first loaded
    assert (llama.location.path, llama.location.line) == ("app.py", 3)
    assert only([t for t in llama.terms if t.kind == "user-threshold"]).values == ("700 million monthly active users",)
    assert llama.duties == ()  # the code downloads it; a derivative's duties bind only redistribution
    # MIT code that downloads Llama 2: whoever runs it is under Llama 2's terms.
    assert inv.commercial.answer == "conditional"
    assert any("700 million monthly active users" in c for c in inv.commercial.conditions)
    # A model nobody knows is listed as unknown but does not make the whole answer unknown.
    assert (unknown.name, unknown.licence, unknown.commercial.answer) == ("someone/a-model-nobody-knows", None, "unknown")


def test_a_non_commercial_model_loaded_by_the_code_makes_the_system_non_commercial(make_repo):
    root = make_repo({"LICENSE": MIT_TEXT, "app.py": LOADS.format(model="facebook/musicgen-small")})
    inv, _repo, _k = inventory(root)
    assert inv.commercial.answer == "no"
    assert inv.commercial.reasons[0].text.startswith("facebook/musicgen-small: non-commercial")
    assert (inv.commercial.reasons[0].location.path, inv.commercial.reasons[0].location.line) == ("app.py", 3)


def test_no_code_that_loads_a_model_no_runtime_model(make_repo):
    root = make_repo({"LICENSE": MIT_TEXT, "app.py": "model_id = 'meta-llama/Llama-2-7b-hf'\nprint(model_id)\n",
                      "README.md": card("license: mit\nbase_model: meta-llama/Llama-2-7b-hf")})
    inv, _repo, _k = inventory(root)
    assert inv.of_kind("runtime-model") == ()
    assert only(inv.of_kind("base-model")).name == "meta-llama/Llama-2-7b-hf"  # a base is not a loaded model


def test_bas004_and_the_inventory_read_the_same_terms(make_repo):
    """A configuration entry that says what a model is licensed under changes both the inventory's
    answer and BAS004 (which takes the model's terms from the inventory's runtime-model artefact)."""
    files = {"LICENSE": MIT_TEXT, "app.py": LOADS.format(model="someone/private-model")}
    from modelicense.scan import scan

    assert [f.rule for f in scan(make_repo(files), Config()).findings if f.rule == "BAS004"] == []
    files["pyproject.toml"] = ('[tool.modelicense.models."someone/private-model"]\nlicense = "cc-by-nc-4.0"\n'
                               'reason = "its model card says CC BY-NC 4.0"\n')
    root = make_repo(files)
    config = load_config(None, root)
    knowledge = knowledge_for(config)
    repository = build_repository(root, config, knowledge)
    loaded = only([a for a in inventory_of(repository, knowledge).of_kind("runtime-model") if a.name == "someone/private-model"])
    assert loaded.licence == "CC-BY-NC-4.0" and loaded.commercial.answer == "no"
    [finding] = [f for f in scan(root, config).findings if f.rule == "BAS004"]
    assert "someone/private-model" in finding.message and "non-commercial" in finding.message


@pytest.mark.parametrize(("declared", "answer"), [
    # OpenRAIL licences allow commercial use under use-based restrictions (huggingface.co/blog/open_rail).
    ("openrail", "conditional"),
    # Every GPL version allows commercial use; which one is not said, but none forbids it.
    ("gpl", "yes"),
    # "cc" alone is anything from CC0 to BY-NC-ND: nothing can be said.
    ("cc", "unknown"),
    ("other", "unknown"),
    ("unknown", "unknown"),
])
def test_a_licence_family_is_judged_by_what_all_its_members_share(make_repo, declared, answer):
    root = make_repo({"README.md": card(f"license: {declared}"), "model.safetensors": safetensors_file()})
    inv, _repo, _k = inventory(root)
    assert only(inv.weights).commercial.answer == answer
