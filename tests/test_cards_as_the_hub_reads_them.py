"""Every card read twice, by huggingface_hub (the Hub's own client) and by modelicense: the same
licence values, datasets and base models, and DEC005 exactly where the client rejects a card.

The client's reading is `ModelCard(text)` on the text as `metadata_load` decodes it (UTF-8, BOM
allowed): its `REGEX_YAML_BLOCK`, `yaml.safe_load`, a mapping, and `ModelCardData(**metadata)`,
which also reads `model-index:` into evaluation results (the datasets they name are compared
with modelicense's `evaluated-on` references). Any exception there is a rejection. Nothing of
modelicense is used to compute the expectation.

The corpus part reads ../shared/corpus (skipped without it); the edge cards are written here.
"""

from __future__ import annotations

import datetime
import re
from pathlib import Path

import pytest
import yaml

from modelicense.extract import READ_LIMITS, card, hub_block
from modelicense.model import FileKind

repocard = pytest.importorskip("huggingface_hub.repocard", reason="huggingface_hub is in the test extra")

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
LICENCE_KEYS = ("license", "licenses")


def hub_reading(data: bytes) -> dict | None:
    """What the client reads from a card: {'licences', 'datasets', 'base_models', 'evaluated'},
    or None when it rejects the card."""
    try:
        text = data.decode("utf-8-sig")  # metadata_load: Path.read_text(encoding="utf-8-sig")
        metadata = repocard.ModelCard(text).data.__dict__
    except Exception:  # noqa: BLE001 - any exception is the client refusing the card
        return None
    evaluated: dict[str, str] = {}  # one per dataset id, case aside, the first spelling
    for result in metadata.get("eval_results") or ():
        # an id YAML reads as a boolean or a number (`type: false`) is an id as written
        typed = result.dataset_type
        written = typed if isinstance(typed, str) or not isinstance(typed, (bool, int, float)) \
            else yaml.safe_dump(typed).split("\n", 1)[0]
        for ident in _items(written):
            evaluated.setdefault(ident.lower(), ident)
    return {
        "licences": [v for key in LICENCE_KEYS for v in _items(metadata.get(key))],
        "datasets": _items(metadata.get("datasets")),
        "base_models": _items(metadata.get("base_model")),
        "evaluated": list(evaluated.values()),
    }


def _items(value) -> list[str]:
    """A value as a list of scalar strings: one for a scalar, each scalar item of a list;
    None, blanks and nested structures are no value (modelicense reports structures apart)."""
    values = value if isinstance(value, list) else [value]
    scalars = (str, int, float, bool, datetime.date)
    return [str(v).strip() for v in values if isinstance(v, scalars) and str(v).strip()]


def modelicense_reading(name: str, data: bytes) -> tuple[dict, list]:
    extraction = card.extract(name, data[: READ_LIMITS[FileKind.CARD]], len(data))
    high = [d for d in extraction.declarations if d.confidence == "high"]
    reading = {
        "licences": [d.raw for d in high if d.field in LICENCE_KEYS],
        "datasets": [r.id for r in extraction.references if r.kind == "dataset" and r.relation is None],
        "base_models": [r.id for r in extraction.references if r.kind == "base_model"],
        "evaluated": [r.id for r in extraction.references if r.kind == "dataset" and r.relation == "evaluated-on"],
    }
    return reading, [p for p in extraction.problems if p.code == "malformed"]


# --- edge cards ---------------------------------------------------------------------------------

# name -> card text. Each is a way real cards differ from the plain `---` / `---` block.
EDGE_CARDS: dict[str, str | bytes] = {
    "plain": "---\nlicense: mit\ndatasets:\n- allenai/c4\nbase_model: mistralai/Mistral-7B-v0.1\n---\n# Model\n",
    "blank-line-before": "\n---\nlicense: cc-by-nc-4.0\n---\n# Model\n",
    "spaces-before": "   ---\nlicense: cc-by-nc-4.0\n---\n",
    "cr-only": "---\rlicense: mit\r---\r# Model\r",
    "crlf": "---\r\nlicense: apache-2.0\r\ndatasets:\r\n- squad\r\n---\r\n# Model\r\n",
    "closing-with-trailing-blanks": "---\nlicense: mit\n---  \t\n# Model\n",
    "bom": "\ufeff---\nlicense: mit\n---\n",
    "empty-block": "---\n\n---\n# Model\n",
    "opening-with-trailing-space": "--- \nlicense: mit\n---\n# Model\n",
    "closed-by-dots": "---\nlicense: mit\n...\n# Model\n",
    "never-closed": "---\nlicense: mit\nlibrary_name: transformers\n",
    "horizontal-rule-then-prose": "---\n\nThis model is released under the MIT licence.\n",
    "rule-prose-rule": "---\nSome prose between two rules.\n---\n# Model\n",
    "custom-tag": "---\nlicense: !spdx MIT\n---\n",
    "python-name-tag": "---\nlicense: apache-2.0\nloader: !!python/name:os.system\n---\n",
    "python-object-tag": "---\nlicense: !!python/object/apply:os.system ['true']\n---\n",
    "binary-tag": "---\nlicense: mit\nicon: !!binary aGVsbG8=\n---\n",
    "template-card": "---\n{{ card_data }}\n---\n# {{ model_name }}\n",
    "unhashable-key": "---\nlicense: mit\n? [a, b]\n: c\n---\n",
    "integer-key": "---\nlicense: mit\n2023: release\n---\n",
    "null-key": "---\nlicense: mit\n~: nothing\n---\n",
    "list-not-mapping": "---\n- license: mit\n---\n",
    "string-not-mapping": "---\njust a sentence\n---\n",
    "merge-key": "---\ndefaults: &defaults\n  license: apache-2.0\n  datasets: [squad]\n<<: *defaults\n---\n",
    "merge-key-overridden": "---\nbase: &b\n  license: mit\n<<: *b\nlicense: gpl-3.0\n---\n",
    "duplicate-license": "---\nlicense: mit\nlibrary_name: timm\nlicense: cc-by-nc-4.0\n---\n",
    "license-mapping": "---\nlicense:\n  id: mit\n  url: https://opensource.org/licenses/MIT\n---\n",
    "license-nested-list": "---\nlicense:\n- [mit, apache-2.0]\n- bsd-3-clause\n---\n",
    "license-list": "---\nlicense:\n- mit\n- apache-2.0\n---\n",
    "license-null": "---\nlicense: ~\ndatasets: []\n---\n",
    "legacy-licenses": "---\nlicenses:\n- cc-by-4.0\n---\n",
    "ignore-metadata-errors-key": "---\nlicense: mit\nignore_metadata_errors: true\n---\n",
    "undefined-alias": "---\nlicense: *nothing\n---\n",
    "bad-date": "---\nlicense: mit\nreleased: 2023-02-30\n---\n",
    "utf16": "---\nlicense: mit\n---\n# Model\n".encode("utf-16"),
    "latin1": "---\nlicense: mit\nauthor: Jos\xe9\n---\n".encode("latin-1"),
}

# Where modelicense reports DEC005 and the client does not reject, and why that is right.
JUSTIFIED_DEC005: dict[str, str] = {
    "opening-with-trailing-space": "the client silently reads no metadata; the author's licence is invisible on the Hub",
    "closed-by-dots": "the client silently reads no metadata; the author's licence is invisible on the Hub",
    "never-closed": "the client silently reads no metadata; the author's licence is invisible on the Hub",
    "cr-only": "the client's pattern needs LF, CRLF or the end after the closing '---': it silently reads no metadata",
    "duplicate-license": "the client keeps the last `license:` silently; the first is lost without a word",
    "license-mapping": "the client keeps the mapping as the licence; the Hub's spec asks for an id (or a list of ids)",
    "license-nested-list": "the client keeps the nested list; the Hub's spec asks for a list of ids",
}

# Where the two read different values, and why.
JUSTIFIED_VALUES: dict[str, str] = {}


def _edge_bytes(name: str) -> bytes:
    card_text = EDGE_CARDS[name]
    return card_text if isinstance(card_text, bytes) else card_text.encode("utf-8")


@pytest.mark.parametrize("name", sorted(EDGE_CARDS))
def test_an_edge_card_reads_as_the_client_reads_it(name):
    data = _edge_bytes(name)
    hub = hub_reading(data)
    ours, problems = modelicense_reading("README.md", data)
    if hub is None:
        assert problems, f"the client rejects {name}, modelicense says nothing"
        assert all(p.location.line is not None for p in problems)
        return
    if name not in JUSTIFIED_VALUES:
        assert ours == hub
    assert bool(problems) is (name in JUSTIFIED_DEC005), [p.message for p in problems]


# The line each rejection or note stands on (the line of the problem, not line 1).
EXPECTED_LINES = {
    "custom-tag": 2, "python-name-tag": 3, "python-object-tag": 2, "template-card": 2, "unhashable-key": 3,
    "integer-key": 3, "null-key": 3, "list-not-mapping": 2, "string-not-mapping": 2,
    "ignore-metadata-errors-key": 3, "undefined-alias": 2, "bad-date": 3, "duplicate-license": 2,
    "license-mapping": 3, "license-nested-list": 3, "closed-by-dots": 3, "never-closed": 1,
    "opening-with-trailing-space": 1, "utf16": 1, "latin1": 1, "cr-only": 3,
}


@pytest.mark.parametrize("name", sorted(EXPECTED_LINES))
def test_dec005_stands_on_the_line_of_the_problem(name):
    _ours, problems = modelicense_reading("README.md", _edge_bytes(name))
    assert [p.location.line for p in problems][:1] == [EXPECTED_LINES[name]], [p.message for p in problems]


def test_the_licence_of_a_rejected_card_is_still_read_where_it_can_be():
    for name, licences in {"custom-tag": ["MIT"], "python-name-tag": ["apache-2.0"], "integer-key": ["mit"],
                           "utf16": ["mit"], "latin1": ["mit"]}.items():
        assert modelicense_reading("README.md", _edge_bytes(name))[0]["licences"] == licences, name


def test_the_block_pattern_is_the_clients_own():
    assert hub_block.HUB_BLOCK.pattern == repocard.REGEX_YAML_BLOCK.pattern


def test_every_edge_card_the_client_rejects_is_one_we_meant_to_be_rejected():
    """The edge set covers both sides: cards the client reads and cards it refuses."""
    rejected = {name for name in EDGE_CARDS if hub_reading(_edge_bytes(name)) is None}
    assert rejected == {
        "custom-tag", "python-name-tag", "python-object-tag", "template-card", "unhashable-key", "integer-key",
        "null-key", "list-not-mapping", "string-not-mapping", "ignore-metadata-errors-key", "undefined-alias",
        "bad-date", "utf16", "latin1", "rule-prose-rule",
    }


# --- the corpus ---------------------------------------------------------------------------------


def _corpus_cards() -> list[Path]:
    if not CORPUS.is_dir():
        return []
    cards = sorted(CORPUS.glob("hf-dataset-cards*/*/README.md"))
    cards += sorted(p for p in (CORPUS / "hf-docs").rglob("*.md"))
    cards += sorted(p for p in (CORPUS / "model-repos").rglob("*") if p.is_file()
                    and p.suffix.lower() in (".md", ".markdown"))
    return cards


# Corpus files where the two part, and why (none today).
JUSTIFIED_CORPUS: dict[str, str] = {}


def test_every_corpus_card_reads_as_the_client_reads_it():
    cards = _corpus_cards()
    if not cards:
        pytest.skip(f"corpus not found at {CORPUS}")
    disagreements = []
    rejected = 0
    with_licence = 0
    for path in cards:
        relative = str(path.relative_to(CORPUS))
        data = path.read_bytes()
        hub = hub_reading(data)
        ours, problems = modelicense_reading(path.name, data)
        if hub is None:
            rejected += 1
            if not problems:
                disagreements.append((relative, "client rejects, no DEC005"))
            continue
        with_licence += bool(hub["licences"])
        if ours != hub and relative not in JUSTIFIED_CORPUS:
            disagreements.append((relative, hub, ours))
        # a card the client reads may still carry a note modelicense makes (a duplicate key…)
        unexpected = [p.message for p in problems if not _justified_note(p.message)]
        if unexpected and relative not in JUSTIFIED_CORPUS:
            disagreements.append((relative, "DEC005 where the client reads the card", unexpected))
    assert disagreements == []
    assert with_licence > 450  # the comparison compared something: 497 dataset cards, most licensed
    assert rejected >= 2  # the hf-docs templates (`{{card_data}}`) and the invalid fixture


def _justified_note(message: str) -> bool:
    """Notes of the JUSTIFIED_DEC005 kinds, and the read limit (a card larger than what is read)."""
    return any(part in message for part in ("is written", "holds a", "never closed", "closed by '...'",
                                            "trailing blanks", "carriage return", "read limit"))


def test_a_licence_given_through_a_merge_key_is_no_missing_licence(make_repo, capsys):
    """`<<: *defaults` puts `license:` in the card as the Hub reads it: no DEC001."""
    import json

    from modelicense.cli import main

    root = make_repo({"README.md": EDGE_CARDS["merge-key"] + "# Model\n"})
    main(["scan", "--format", "json", "--fail-on", "never", str(root)])
    report = json.loads(capsys.readouterr().out)
    assert [f["rule"] for f in report["findings"] if f["rule"] in ("DEC001", "DEC005")] == []
    (declaration,) = [d for a in report["artefacts"] for d in a["declarations"] if d["field"] == "license"]
    assert (declaration["license"], declaration["line"]) == ("Apache-2.0", 3)


# --- model-index: the evaluation results the client reads, and the ones it refuses ------------------

def _result(dataset: str = "      type: glue\n      name: GLUE\n", metrics: str = "    - type: accuracy\n      value: 0.9\n",
            extra: str = "") -> str:
    return f"  - task:\n      type: text-classification\n    dataset:\n{dataset}    metrics:\n{metrics}{extra}"


def _index(results: str, name: str = "my-model") -> str:
    return f"---\nlicense: mit\nmodel-index:\n- name: {name}\n  results:\n{results}---\n# Model\n"


# name -> card. Each is a model-index real cards write, or one a key lookup of
# `huggingface_hub.repocard_data.model_index_to_eval_results` fails on.
MODEL_INDEX_CARDS: dict[str, str] = {
    "mi-one-result": _index(_result("      type: glue\n      name: GLUE\n      config: mnli\n      split: validation\n")),
    "mi-two-models-three-results": _index(_result("      type: squad\n      name: SQuAD\n")
                                          + _result("      type: SQuAD\n      name: SQuAD again\n")
                                          + _result()) .replace("---\n# Model", "- name: second\n  results:\n"
                                                                + _result("      type: ai2_arc\n      name: ARC\n")
                                                                + "---\n# Model"),
    "mi-with-datasets-key": "---\nlicense: mit\ndatasets:\n- glue\nmodel-index:\n- name: m\n  results:\n" + _result()
                            + "---\n",
    "mi-source-with-url": _index(_result(extra="    source:\n      name: Open LLM Leaderboard\n"
                                         "      url: https://huggingface.co/spaces/open-llm-leaderboard\n")),
    "mi-empty-metrics": _index(_result(metrics="    - []\n").replace("    - []\n", "    []\n")
                               .replace("metrics:\n    []", "metrics: []")),
    "mi-empty-list": "---\nlicense: mit\nmodel-index: []\n---\n",
    "mi-null": "---\nlicense: mit\nmodel-index: ~\n---\n",
    "mi-results-empty-string": "---\nlicense: mit\nmodel-index:\n- name: m\n  results: ''\n---\n",
    "mi-null-name-no-results": "---\nlicense: mit\nmodel-index:\n- name: ~\n  results: []\n---\n",
    "mi-dataset-type-null": _index(_result("      type: ~\n      name: Unnamed\n")),
    "mi-aliased-results": "---\nlicense: mit\nmodel-index:\n- name: m\n  results:\n  - &r\n    task: {type: qa}\n"
                          "    dataset: {type: squad, name: SQuAD}\n    metrics: &m [{type: f1, value: 1}]\n"
                          "  - *r\n  - {task: {type: qa}, dataset: {type: squad_v2, name: v2}, metrics: *m}\n---\n",
    "mi-merged-dataset": "---\nlicense: mit\nbase: &ds {type: glue, name: GLUE}\nmodel-index:\n- name: m\n  results:\n"
                         "  - task: {type: t}\n    dataset:\n      <<: *ds\n      config: sst2\n"
                         "    metrics: [{type: acc, value: 1}]\n---\n",
    "mi-dataset-type-twice": _index(_result("      type: first_id\n      name: X\n      type: second_id\n")),
    # refused by the client (the card does not load)
    "mi-no-dataset": _index("  - task:\n      type: t\n    metrics:\n    - type: acc\n      value: 1\n"),
    "mi-dataset-without-type": _index(_result("      name: GLUE\n")),
    "mi-dataset-without-name": _index(_result("      type: glue\n")),
    "mi-dataset-a-string": _index(_result("      glue\n").replace("dataset:\n      glue", "dataset: glue")),
    "mi-no-task": _index(_result().replace("  - task:\n      type: text-classification\n    dataset:", "  - dataset:")),
    "mi-task-without-type": _index(_result().replace("      type: text-classification\n", "      name: Classification\n")),
    "mi-no-metrics": _index(_result().split("    metrics:")[0]),
    "mi-metric-without-value": _index(_result(metrics="    - type: accuracy\n")),
    "mi-no-name": "---\nlicense: mit\nmodel-index:\n- results:\n" + _result() + "---\n",
    "mi-null-name": _index(_result(), name="~"),
    "mi-results-null": "---\nlicense: mit\nmodel-index:\n- name: m\n  results: ~\n---\n",
    "mi-a-mapping": "---\nlicense: mit\nmodel-index:\n  name: m\n  results: []\n---\n",
    "mi-a-string": "---\nlicense: mit\nmodel-index: see the paper\n---\n",
    "mi-source-without-url": _index(_result(extra="    source:\n      name: Open LLM Leaderboard\n")),
    "mi-source-a-string": _index(_result(extra="    source: Open LLM Leaderboard\n")),
}

# What the client refuses, from its code (huggingface_hub 0.23+, repocard_data.py): a missing key
# is a KeyError and a value it cannot index a TypeError (both "Invalid `model_index`"), a null
# model name with results a ValueError, a string `source` an AttributeError, a source `name`
# without `url` EvalResult's ValueError.
MODEL_INDEX_REFUSED = {
    "mi-no-dataset", "mi-dataset-without-type", "mi-dataset-without-name", "mi-dataset-a-string", "mi-no-task",
    "mi-task-without-type", "mi-no-metrics", "mi-metric-without-value", "mi-no-name", "mi-null-name",
    "mi-results-null", "mi-a-mapping", "mi-a-string", "mi-source-without-url", "mi-source-a-string",
}

# The datasets each accepted card's results name, read off the cards above.
MODEL_INDEX_DATASETS = {
    "mi-one-result": ["glue"], "mi-two-models-three-results": ["squad", "glue", "ai2_arc"],
    "mi-with-datasets-key": ["glue"], "mi-source-with-url": ["glue"], "mi-empty-metrics": [], "mi-empty-list": [],
    "mi-null": [], "mi-results-empty-string": [], "mi-null-name-no-results": [], "mi-dataset-type-null": [],
    "mi-aliased-results": ["squad", "squad_v2"], "mi-merged-dataset": ["glue"], "mi-dataset-type-twice": ["second_id"],
}


def test_the_model_index_cases_cover_both_sides():
    assert set(MODEL_INDEX_CARDS) == MODEL_INDEX_REFUSED | set(MODEL_INDEX_DATASETS)
    refused = {name for name, text in MODEL_INDEX_CARDS.items() if hub_reading(text.encode()) is None}
    assert refused == MODEL_INDEX_REFUSED


@pytest.mark.parametrize("name", sorted(MODEL_INDEX_CARDS))
def test_a_model_index_reads_as_the_client_reads_it(name):
    data = MODEL_INDEX_CARDS[name].encode()
    hub = hub_reading(data)
    ours, problems = modelicense_reading("README.md", data)
    if name in MODEL_INDEX_REFUSED:
        assert hub is None
        [problem] = problems
        assert "`model-index:`" in problem.message and "rejects the card" in problem.message
        assert ours["evaluated"] == []  # as the client with ignore_metadata_errors: no results at all
        assert ours["licences"] == ["mit"]  # the rest of the card is still read
        return
    assert problems == []
    assert ours == hub
    assert ours["evaluated"] == MODEL_INDEX_DATASETS[name]


def test_a_refused_model_index_is_reported_where_the_client_fails():
    text = MODEL_INDEX_CARDS["mi-dataset-without-type"]
    _ours, [problem] = modelicense_reading("README.md", text.encode())
    lines = text.splitlines()
    # the `dataset:` mapping without `type` starts on the line after `dataset:`
    assert lines[problem.location.line - 1].strip() == "name: GLUE"
    assert "`dataset` has no `type`" in problem.message
    text = MODEL_INDEX_CARDS["mi-no-dataset"]
    _ours, [problem] = modelicense_reading("README.md", text.encode())
    assert text.splitlines()[problem.location.line - 1] == "  - task:" and problem.location.column == 5


def test_evaluation_datasets_stand_at_their_type_value():
    text = MODEL_INDEX_CARDS["mi-two-models-three-results"]
    extraction = card.extract("README.md", text.encode(), len(text))
    lines = text.splitlines()
    for reference in extraction.references:
        line = lines[reference.location.line - 1]
        assert line[reference.location.column - 1:] == reference.id, (reference, line)


def test_a_dataset_card_with_a_model_index_names_no_evaluation_datasets():
    """Only ModelCardData reads model-index; a dataset card's is not evaluation of a model."""
    text = ("---\nlicense: cc-by-4.0\ntask_categories: [question-answering]\nsize_categories: [1K<n<10K]\n"
            "model-index:\n- name: m\n  results:\n" + _result() + "---\n")
    extraction = card.extract("README.md", text.encode(), len(text))
    assert extraction.kind is FileKind.DATASET_CARD
    assert [r for r in extraction.references if r.kind == "dataset"] == []


def _documented_model_indexes() -> dict[str, str]:
    """The model-index examples of the Hub's docs (../shared/corpus/hf-docs): each fenced block
    that holds `model-index:` and no template placeholder, as the front matter of a card."""
    found: dict[str, str] = {}
    for path in sorted((CORPUS / "hf-docs").rglob("*.md")) if CORPUS.is_dir() else ():
        text = path.read_text(encoding="utf-8")
        for number, block in enumerate(re.findall(r"^```[a-z]*\n(.*?)^```", text, re.S | re.M)):
            if "model-index:" in block and "{" not in block:
                yaml_text = "\n".join(line for line in block.splitlines() if line.strip() != "---")
                found[f"{path.relative_to(CORPUS)}#{number}"] = f"---\n{yaml_text}\n---\n# Model\n"
    return found


def test_the_model_index_examples_of_the_hub_docs_read_as_the_client_reads_them():
    examples = _documented_model_indexes()
    if not examples:
        pytest.skip(f"corpus not found at {CORPUS}")
    evaluated = {}
    for name, text in examples.items():
        hub = hub_reading(text.encode())
        ours, problems = modelicense_reading("README.md", text.encode())
        assert hub is not None and problems == [], name
        assert ours == hub, name
        evaluated[name.split("#")[0]] = evaluated.get(name.split("#")[0], set()) | set(ours["evaluated"])
    # Yi-34B's ARC score from the Open LLM Leaderboard (hub-docs), the guide's Beans results
    assert evaluated == {"hf-docs/huggingface__hub-docs/docs/hub/model-cards.md": {"ai2_arc"},
                         "hf-docs/huggingface__huggingface_hub/docs/source/en/guides/model-cards.md": {"beans"}}


def test_any_model_index_reads_as_the_client_reads_it():
    """Random model-indexes built from the spec's keys and values of every YAML type: the client
    and modelicense agree on whether the card is refused and on the datasets it names."""
    hypothesis = pytest.importorskip("hypothesis", reason="hypothesis is in the test extra")
    from hypothesis import strategies as st

    keys = st.sampled_from(["name", "results", "task", "dataset", "type", "metrics", "value", "source", "url",
                            "config", "split"])
    leaves = st.one_of(st.none(), st.booleans(), st.integers(-1, 2), st.sampled_from(["", "glue", "Squad", "m"]))
    values = st.recursive(leaves, lambda inner: st.one_of(st.lists(inner, max_size=3),
                                                           st.dictionaries(keys, inner, max_size=5)), max_leaves=25)
    dataset = st.fixed_dictionaries({"type": st.sampled_from(["glue", "GLUE", "squad"]), "name": st.just("D")})
    metric = st.fixed_dictionaries({"type": st.just("acc"), "value": st.just(1)})
    result = st.fixed_dictionaries({"task": st.fixed_dictionaries({"type": st.just("t")}), "dataset": dataset,
                                    "metrics": st.lists(metric, max_size=2)})
    # near-valid results with one part replaced by anything
    source = st.fixed_dictionaries({"name": leaves}, optional={"url": leaves})
    mutated = st.tuples(result, st.sampled_from(["task", "dataset", "metrics", "source"]), st.one_of(values, source)).map(
        lambda t: {**t[0], t[1]: t[2]})
    model = st.fixed_dictionaries({"name": st.one_of(st.just("m"), values),
                                   "results": st.one_of(st.lists(st.one_of(result, mutated), max_size=3), values)})
    index = st.one_of(st.lists(model, max_size=2), values)

    @hypothesis.settings(max_examples=300, deadline=None, database=None)
    @hypothesis.given(index)
    def check(model_index):
        text = "---\n" + yaml.safe_dump({"license": "mit", "model-index": model_index}, sort_keys=False) + "---\n"
        hub = hub_reading(text.encode())
        ours, problems = modelicense_reading("README.md", text.encode())
        assert (hub is None) == bool(problems), (text, [p.message for p in problems])
        if hub is not None:
            assert ours == hub, text

    check()
