"""Datasets a model was evaluated on are not datasets it was trained on (issue 11).

A model card's `datasets:` lists the training data ("Dataset or list of datasets that were used to
train this model": huggingface_hub's ModelCardData); its `model-index:` results name the datasets
the model was evaluated on (hub-docs modelcard.md). Evaluating on non-commercial data does not
bind the model's users, so an evaluation dataset is an inventory artefact `evaluated-on` whose
terms stay its own: no term imposed on the weights, no DAT finding. A dataset in both keys is
training data. Expectations come from the cards and from the knowledge base's cited entries:
tatsu-lab/alpaca is CC BY-NC 4.0 (its DATA_LICENSE), nyu-mll/glue unknown to it.

How the card is read, compared with the Hub's own client, is test_cards_as_the_hub_reads_them.py.
"""

from __future__ import annotations

import cProfile
import pstats
from pathlib import Path

import pytest
from conftest import card, safetensors_file

from modelicense.config import Config, from_mapping
from modelicense.extract import card as card_reader
from modelicense.inventory.build import inventory_of
from modelicense.scan import build_repository, knowledge_for, scan

FIXTURE_CARDS = Path("hf-docs/huggingface__huggingface_hub/tests/fixtures/cards")


def evaluation(dataset: str, extra: str = "") -> str:
    """A model card evaluated on `dataset` (and trained on what `extra` says)."""
    return card(f"license: apache-2.0\n{extra}model-index:\n- name: my-model\n  results:\n  - task:\n"
                f"      type: text-generation\n    dataset:\n      type: {dataset}\n      name: Eval set\n"
                "      split: test\n    metrics:\n    - type: accuracy\n      value: 0.5\n")


def inventory(root: Path, config: Config | None = None):
    config = config or Config()
    knowledge = knowledge_for(config)
    return inventory_of(build_repository(root, config, knowledge), knowledge)


def rules(root: Path, prefix: str, config: Config | None = None) -> list[tuple[str, str]]:
    return [(f.rule, str(f.location)) for f in scan(root, config or Config()).findings if f.rule.startswith(prefix)]


def only(items):
    assert len(items) == 1, items
    return items[0]


# --- the inventory ------------------------------------------------------------------------------


def test_an_evaluation_dataset_is_an_artefact_whose_terms_stay_its_own(make_repo):
    root = make_repo({"README.md": evaluation("tatsu-lab/alpaca"), "model.safetensors": safetensors_file()})
    inv = inventory(root)
    data = only(inv.of_kind("dataset"))
    assert (data.name, data.relation, data.licence, data.of) == ("tatsu-lab/alpaca", "evaluated-on", "CC-BY-NC-4.0",
                                                                 "weights")
    assert str(data.location) == "README.md:9:13"  # the `type:` value of its result
    assert data.commercial.answer == "no"  # the dataset itself is still non-commercial
    weights = only(inv.weights)
    assert [t for t in weights.terms if t.origin == "imposed"] == []
    assert inv.commercial.answer == "yes"  # Apache-2.0 weights, evaluated on NC data


def test_the_same_dataset_as_training_data_binds_the_model(make_repo):
    root = make_repo({"README.md": card("license: apache-2.0\ndatasets:\n- tatsu-lab/alpaca"),
                      "model.safetensors": safetensors_file()})
    inv = inventory(root)
    assert only(inv.of_kind("dataset")).relation == "trained-on"
    assert ("non-commercial", "imposed", "tatsu-lab/alpaca") in {(t.kind, t.origin, t.source) for t in only(inv.weights).terms}
    assert inv.commercial.answer == "no"


def test_a_dataset_in_both_keys_is_training_data_once(make_repo):
    # `alpaca` is an alias of tatsu-lab/alpaca: the same dataset, however each key spells it
    root = make_repo({"README.md": evaluation("tatsu-lab/alpaca", "datasets:\n- alpaca\n"),
                      "model.safetensors": safetensors_file()})
    inv = inventory(root)
    data = only(inv.of_kind("dataset"))
    assert (data.relation, str(data.location)) == ("trained-on", "README.md:4:3")
    assert inv.commercial.answer == "no"


def test_an_unknown_evaluation_dataset_is_listed_as_unknown(make_repo):
    root = make_repo({"README.md": evaluation("nyu-mll/glue"), "model.safetensors": safetensors_file()})
    data = only(inventory(root).of_kind("dataset"))
    assert (data.name, data.relation, data.licence, data.commercial.answer) == ("nyu-mll/glue", "evaluated-on", None,
                                                                                "unknown")


def test_a_dataset_card_in_the_repository_named_by_the_model_index_is_evaluation_data(make_repo):
    root = make_repo({"README.md": evaluation("org/eval-set"), "model.safetensors": safetensors_file(),
                      "data/eval-set/README.md": card("license: cc-by-nc-4.0\ntask_categories:\n- text-generation\n"
                                                      "pretty_name: Eval set")})
    inv = inventory(root)
    data = only(inv.of_kind("dataset"))
    assert (data.name, data.relation, data.paths) == ("data/eval-set", "evaluated-on", ("data/eval-set/README.md",))
    assert inv.commercial.answer == "yes"


def test_evaluation_data_is_mofs_evaluation_data_not_osaids_data_information(make_repo):
    root = make_repo({"README.md": evaluation("nyu-mll/glue"), "model.safetensors": safetensors_file()})
    openness = inventory(root).openness
    components = {c.id: c for c in openness.mof_components}
    assert components["evaluation-data"].present and "nyu-mll/glue" in components["evaluation-data"].evidence
    assert not components["datasets"].present
    data_information = only([c for c in openness.osaid_components if c.id == "data-information"])
    assert not data_information.present  # evaluation data says nothing about the training data


# --- the rules ----------------------------------------------------------------------------------


def test_dat001_is_quiet_on_non_commercial_evaluation_data(make_repo):
    root = make_repo({"README.md": evaluation("tatsu-lab/alpaca"), "model.safetensors": safetensors_file()})
    assert rules(root, "DAT") == []


def test_dat001_fires_on_the_same_dataset_as_training_data(make_repo):
    root = make_repo({"README.md": card("license: apache-2.0\ndatasets:\n- tatsu-lab/alpaca"),
                      "model.safetensors": safetensors_file()})
    assert ("DAT001", "README.md:4:3") in rules(root, "DAT")


def test_dat006_does_not_ask_for_the_terms_of_unknown_evaluation_data(make_repo):
    evaluated = make_repo({"README.md": evaluation("nobody/unknown-benchmark"), "model.safetensors": safetensors_file()})
    trained = make_repo({"README.md": card("license: apache-2.0\ndatasets:\n- nobody/unknown-benchmark"),
                         "model.safetensors": safetensors_file()})
    assert rules(evaluated, "DAT") == []
    assert [r for r, _where in rules(trained, "DAT")] == ["DAT006"]


def test_allow_data_judges_training_data_only(make_repo):
    allow = from_mapping({"allow": {"data": ["CC-BY-4.0"]}}, "test")
    evaluated = make_repo({"README.md": evaluation("tatsu-lab/alpaca"), "model.safetensors": safetensors_file()})
    trained = make_repo({"README.md": card("license: apache-2.0\ndatasets:\n- tatsu-lab/alpaca"),
                         "model.safetensors": safetensors_file()})
    assert rules(evaluated, "DEC007", allow) == []
    assert rules(trained, "DEC007", allow) == [("DEC007", "README.md:4:3")]


# --- the Hub client's own fixture cards (../shared/corpus) --------------------------------------


def test_the_clients_model_index_fixture_lists_beans_for_training_and_evaluation(corpus, make_repo):
    text = (corpus / FIXTURE_CARDS / "sample_simple_model_index.md").read_text(encoding="utf-8")
    extraction = card_reader.extract("README.md", text.encode(), len(text))
    lines = text.splitlines()
    found = [(r.id, r.relation, lines[r.location.line - 1].strip()) for r in extraction.references]
    # `datasets:\n- beans` (line 9), and `type: beans` in both results: one evaluation dataset
    assert found == [("beans", None, "- beans"), ("beans", "evaluated-on", "type: beans")]
    root = make_repo({"README.md": text, "model.safetensors": safetensors_file()})
    data = only(inventory(root).of_kind("dataset"))
    assert (data.name, data.relation, str(data.location)) == ("beans", "trained-on", "README.md:9:3")


def test_the_clients_invalid_model_index_fixture_is_dec005_and_its_datasets_still_read(corpus, make_repo):
    text = (corpus / FIXTURE_CARDS / "sample_invalid_model_index.md").read_text(encoding="utf-8")
    root = make_repo({"README.md": text, "model.safetensors": safetensors_file()})
    dec005 = [f for f in scan(root, Config()).findings if f.rule == "DEC005"]
    # its one result has `task` and `metrics` but no `dataset` (the card's body says so)
    assert [(str(f.location), text.splitlines()[f.location.line - 1]) for f in dec005] == [("README.md:15:5", "  - task:")]
    assert "without `dataset`" in dec005[0].message
    data = only(inventory(root).of_kind("dataset"))
    assert (data.name, data.relation) == ("beans", "trained-on")


# --- bounded ------------------------------------------------------------------------------------


def _calls(text: str) -> tuple[int, int]:
    data = text.encode()
    profile = cProfile.Profile()
    profile.enable()
    extraction = card_reader.extract("README.md", data, len(data))
    profile.disable()
    return pstats.Stats(profile).total_calls, len(extraction.references)


def _many_results(count: int) -> str:
    result = ("  - task: {{type: t}}\n    dataset: {{type: org/set-{n}, name: Set}}\n"
              "    metrics: [{{type: acc, value: 1}}, {{type: f1, value: 1}}]\n")
    return card("license: mit\nmodel-index:\n- name: m\n  results:\n" + "".join(result.format(n=n % 500) for n in range(count)))


def test_reading_a_model_index_is_linear_in_its_results():
    _calls(_many_results(10))  # one-time work (imports, patterns) out of the comparison
    small_calls, small_refs = _calls(_many_results(1000))
    large_calls, large_refs = _calls(_many_results(4000))
    assert small_refs == large_refs == 500  # one reference per distinct dataset
    assert large_calls / small_calls < 5.0


def _aliased(results: int, metrics: int) -> str:
    """One result with `metrics` metrics, listed `results` times through an alias: a document of
    results + metrics lines that a walk without memory visits results × metrics times."""
    body = "  - &r\n    task: {type: t}\n    dataset: {type: squad, name: SQuAD}\n    metrics:\n"
    body += "".join(f"    - {{type: m{n}, value: 1}}\n" for n in range(metrics))
    body += "  - *r\n" * (results - 1)
    return card("license: mit\nmodel-index:\n- name: m\n  results:\n" + body)


def _shared_metrics(results: int, metrics: int) -> str:
    """`results` different results that all point at one list of `metrics` metrics."""
    body = "  - task: {type: t}\n    dataset: {type: squad, name: SQuAD}\n    metrics: &m\n"
    body += "".join(f"    - {{type: m{n}, value: 1}}\n" for n in range(metrics))
    body += "".join(f"  - {{task: {{type: t}}, dataset: {{type: set-{n % 3}, name: S}}, metrics: *m}}\n"
                    for n in range(results - 1))
    return card("license: mit\nmodel-index:\n- name: m\n  results:\n" + body)


@pytest.mark.parametrize("document", [_aliased, _shared_metrics])
def test_results_and_metrics_repeated_through_aliases_are_read_once(document):
    _calls(document(10, 10))
    small_calls, _refs = _calls(document(500, 500))
    large_calls, _refs = _calls(document(1000, 1000))
    # twice the document is about twice the work; the product of the two would be four times
    assert large_calls / small_calls < 3.0


def test_an_aliased_result_names_its_dataset_once():
    assert _calls(_aliased(20, 3))[1] == 1
    assert _calls(_shared_metrics(20, 3))[1] == 4  # squad and set-0, set-1, set-2


@pytest.mark.parametrize("depth", [5, 60])
def test_a_deeply_nested_model_index_is_refused_not_a_crash(depth):
    text = card("license: mit\nmodel-index: " + "[" * depth + "]" * depth)
    extraction = card_reader.extract("README.md", text.encode(), len(text))
    assert [r for r in extraction.references if r.kind == "dataset"] == []
    assert any("`model-index:`" in p.message for p in extraction.problems)


def test_a_model_index_is_mofs_evaluation_results_even_on_training_data(make_repo):
    # beans is trained-on (in both keys), yet the card's model-index still holds evaluation results
    root = make_repo({"README.md": evaluation("beans", "datasets:\n- beans\n"), "model.safetensors": safetensors_file()})
    components = {c.id: c for c in inventory(root).openness.mof_components}
    assert components["evaluation-results"].present
    assert "README.md's model-index" in components["evaluation-results"].evidence
    assert not components["evaluation-data"].present  # beans is training data here
    plain = make_repo({"README.md": card("license: apache-2.0\ndatasets:\n- beans"), "model.safetensors": safetensors_file()})
    assert not {c.id: c for c in inventory(plain).openness.mof_components}["evaluation-results"].present
