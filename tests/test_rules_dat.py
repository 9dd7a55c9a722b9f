"""DAT: training data and dataset cards — licence properties, the knowledge base and configuration,
local dataset cards, prose stricter than the YAML, and quiet on permissive data."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import FIXTURES, card, safetensors_file

from modelicense import config as config_module
from modelicense.scan import scan

SAFETENSORS = safetensors_file()


def findings(root: Path, prefix: str = "DAT") -> list:
    result = scan(root, config_module.load(None, root))
    return [f for f in result.findings if f.rule.startswith(prefix)]


def rules(root: Path, prefix: str = "DAT") -> list[tuple[str, str]]:
    return [(f.rule, str(f.location)) for f in findings(root, prefix)]


def dataset_card(licence: str | None, prose: str | None = None) -> str:
    front = (f"license: {licence}\n" if licence else "") + "task_categories:\n- translation\npretty_name: X"
    body = "# Dataset\n"
    if prose is not None:
        body += f"\n### Licensing Information\n\n{prose}\n\n### Citation Information\n\nnone\n"
    return card(front, body)


def override(*entries: tuple[str, str]) -> str:
    """A .modelicense.toml teaching datasets: (id, 'key = value' lines)."""
    return "".join(f'[datasets."{ident}"]\n{body}\nreason = "test"\n' for ident, body in entries)


# --- prose stands for the terms when the metadata says `other` ---------------------------------


@pytest.mark.parametrize("text,expected", [
    ("The dataset may be used for non-commercial research purposes only.", ["DAT001"]),
    ("Research only.", ["DAT001"]),
    ("The University of Washington academic license", ["DAT001"]),
    ("Released under the Creative Commons Attribution-NonCommercial-NoDerivatives 4.0 International licence.",
     ["DAT001", "DAT002"]),
    ("You may not modify the corpus or distribute adaptations of it.", ["DAT002"]),
    ("Free to the public for commercial and non-commercial use.", []),
    ("you can re-use the documents for commercial or non-commercial purposes", []),
    ("Permission is hereby granted, free of charge, to any person obtaining a copy", []),
])
def test_prose_terms_under_other(make_repo, text, expected):
    root = make_repo({"README.md": dataset_card("other", text)})
    assert sorted(f.rule for f in findings(root)) == expected, text


# --- data in the repository -----------------------------------------------------------------


def test_non_commercial_dataset_card(make_repo):
    root = make_repo({"README.md": dataset_card("cc-by-nc-4.0")})
    [finding] = findings(root)
    assert (finding.rule, finding.severity.value, str(finding.location)) == ("DAT001", "warning", "README.md:2:10")
    assert "this dataset is non-commercial (its licence is CC-BY-NC-4.0)" in finding.message


def test_no_derivatives_dataset_card(make_repo):
    root = make_repo({"README.md": dataset_card("cc-by-nc-nd-4.0")})
    assert sorted(rules(root)) == [("DAT001", "README.md:2:10"), ("DAT002", "README.md:2:10")]


@pytest.mark.parametrize("licence", ["cc-by-4.0", "cc0-1.0", "mit", "apache-2.0", "odc-by", "cdla-permissive-2.0",
                                     "cc-by-sa-4.0", "odbl"])
def test_permissive_or_share_alike_data_is_quiet(make_repo, licence):
    root = make_repo({"README.md": dataset_card(licence, "Released under the licence in the metadata.")})
    assert findings(root) == [], licence


def test_prose_is_the_terms_when_the_yaml_says_other(make_repo):
    root = make_repo({"README.md": dataset_card("other", "The corpus may be used for non-commercial research purposes only.")})
    [finding] = findings(root)
    assert (finding.rule, str(finding.location)) == ("DAT001", "README.md:10:1")
    assert [str(r) for r in finding.related] == ["README.md:2:10"]
    assert "non-commercial research purposes only" in finding.message


def test_legacy_other_id_states_the_terms(make_repo):
    root = make_repo({"README.md": card("licenses:\n- other-non-commercial-research\ntask_categories:\n- qa")})
    [finding] = findings(root)
    assert finding.rule == "DAT001" and "'other-non-commercial-research'" in finding.message


def test_data_licence_file_in_a_model_repository(make_repo):
    root = make_repo({
        "README.md": card("license: apache-2.0\nlibrary_name: transformers"),
        "DATA_LICENSE": "Attribution-NonCommercial 4.0 International\n\nCreative Commons Corporation ...\n",
    })
    [finding] = findings(root)
    assert (finding.rule, finding.location.path) == ("DAT001", "DATA_LICENSE")
    assert "the model's own licence, Apache-2.0, allows commercial use, but this data does not" in finding.message


def test_croissant_metadata_licence_url(make_repo):
    root = make_repo({"croissant.json": '{"@type": "sc:Dataset", "name": "x",\n'
                                        ' "license": "https://creativecommons.org/licenses/by-nc/4.0/"}\n'})
    [finding] = findings(root)
    assert (finding.rule, finding.location.path, finding.location.line) == ("DAT001", "croissant.json", 2)


def test_unknown_licence_on_a_dataset_card(make_repo):
    root = make_repo({"README.md": dataset_card("unknown", "[More Information Needed]")})
    [finding] = findings(root)
    assert (finding.rule, finding.severity.value, str(finding.location)) == ("DAT007", "warning", "README.md:2:10")


def test_unknown_yaml_with_prose_terms_is_judged_by_the_prose(make_repo):
    stated = make_repo({"README.md": dataset_card("unknown", "Creative Commons Attribution 4.0 (CC BY 4.0)")})
    assert findings(stated) == []
    restricted = make_repo({"README.md": dataset_card("unknown", "Research only.")})
    assert [f.rule for f in findings(restricted)] == ["DAT001"]


def test_prose_stricter_than_yaml(make_repo):
    root = make_repo({"README.md": dataset_card("cc-by-4.0", "The dataset is open but for non-commercial use only.")})
    [finding] = findings(root)
    assert (finding.rule, str(finding.location)) == ("DAT008", "README.md:10:1")
    assert "metadata declares CC-BY-4.0" in finding.message and "non-commercial" in finding.message
    assert [str(r) for r in finding.related] == ["README.md:2:10"]


def test_prose_naming_a_stricter_licence_is_dat008(make_repo):
    """DEC004 leaves prose that adds non-commercial / research-only / no-derivatives terms to DAT008
    (its documentation says so), so a licence named in the prose counts as stricter terms."""
    root = make_repo({"README.md": dataset_card("cc-by-4.0", "[CC BY-NC 4.0](https://creativecommons.org/licenses/by-nc/4.0/)")})
    [finding] = findings(root)
    assert finding.rule == "DAT008" and "non-commercial" in finding.message and "CC-BY-NC-4.0" in finding.message


def test_prose_naming_another_licence_that_is_not_stricter_is_left_to_dec004(make_repo):
    """One disagreement, one finding: a different licence with no extra use terms is DEC004's."""
    root = make_repo({"README.md": dataset_card("cc-by-4.0", "Released under the MIT License.")})
    assert findings(root) == []
    assert [f.rule for f in findings(root, "DEC004")] == ["DEC004"]


def test_corpus_prose_naming_a_stricter_licence(corpus):
    # glucose: YAML cc-by-4.0, prose "Creative Commons Attribution-NonCommercial 4.0 International Public License".
    assert [f.rule for f in findings(corpus / "hf-dataset-cards" / "glucose")] == ["DAT008"]


def test_prose_that_repeats_the_yaml_or_grants_more_is_quiet(make_repo):
    same = make_repo({"README.md": dataset_card("cc-by-nc-4.0", "Attribution-NonCommercial 4.0 International")})
    assert [f.rule for f in findings(same)] == ["DAT001"]
    grants = make_repo({"README.md": dataset_card("cc-by-4.0", "Free for commercial and non-commercial use.")})
    assert findings(grants) == []


# --- datasets a model card lists ------------------------------------------------------------


def model_card(*datasets: str, licence: str = "apache-2.0") -> str:
    listed = "".join(f"- {d}\n" for d in datasets)
    return card(f"license: {licence}\nlibrary_name: transformers\ndatasets:\n{listed}")


def test_listed_dataset_resolved_through_configuration(make_repo):
    root = make_repo({
        "README.md": model_card("org/nc-data", "org/free"),
        "model.safetensors": SAFETENSORS,
        ".modelicense.toml": override(("org/nc-data", 'licence = "cc-by-nc-4.0"'), ("org/free", 'licence = "cc-by-4.0"')),
    })
    [finding] = findings(root)
    assert (finding.rule, str(finding.location)) == ("DAT001", "README.md:5:3")
    assert "training dataset 'org/nc-data' is non-commercial (under CC-BY-NC-4.0)" in finding.message
    assert "the model's own licence, Apache-2.0, allows commercial use" in finding.message


def test_no_commercial_note_when_the_model_is_itself_non_commercial(make_repo):
    root = make_repo({
        "README.md": model_card("org/nc-data", licence="cc-by-nc-4.0"),
        ".modelicense.toml": override(("org/nc-data", 'licence = "cc-by-nc-4.0"')),
    })
    [finding] = findings(root)
    assert finding.rule == "DAT001" and "allows commercial use" not in finding.message


def test_knowledge_flags_third_party_provider_and_crawl(make_repo):
    root = make_repo({
        "README.md": model_card("org/books", "org/synthetic", "org/crawl"),
        ".modelicense.toml": override(
            ("org/books", 'licence = "mit"\nthird_party_content = true'),
            ("org/synthetic", 'licence = "cc-by-nc-4.0"\nprovider_terms = "openai-terms"'),
            ("org/crawl", 'licence = "odc-by"\nweb_crawl = true'),
        ),
    })
    assert sorted((f.rule, f.severity.value, f.location.line) for f in findings(root)) == [
        ("DAT001", "warning", 6), ("DAT003", "warning", 5), ("DAT004", "warning", 6), ("DAT005", "info", 7),
    ]


def test_unknown_dataset_id_is_info(make_repo):
    root = make_repo({"README.md": model_card("my-org/internal-crawl-2024")})
    [finding] = findings(root)
    assert (finding.rule, finding.severity.value, str(finding.location)) == ("DAT006", "info", "README.md:5:3")
    assert "my-org/internal-crawl-2024" in finding.message


def test_listed_dataset_with_a_card_in_the_repository(make_repo):
    root = make_repo({
        "README.md": model_card("org/mydata"),
        "data/mydata/README.md": dataset_card("cc-by-nc-4.0"),
    })
    [finding] = findings(root)  # no DAT006: the local card resolves it; one finding, at the data
    assert (finding.rule, str(finding.location)) == ("DAT001", "data/mydata/README.md:2:10")
    assert [str(r) for r in finding.related] == ["README.md:5:3"]
    assert "the model card lists it as training data" in finding.message


def test_permissive_model_on_permissive_data_is_quiet(make_repo):
    root = make_repo({
        "README.md": model_card("org/open-data", "org/mydata", licence="mit"),
        "LICENSE": "MIT License\n\nPermission is hereby granted, free of charge, to any person\n",
        "model.safetensors": SAFETENSORS,
        "data/mydata/README.md": dataset_card("cc-by-4.0", "CC BY 4.0"),
        ".modelicense.toml": override(("org/open-data", 'licence = "cc0-1.0"')),
    })
    assert findings(root, "") == []


def test_plain_software_repository_is_quiet(make_repo):
    root = make_repo({"LICENSE": "MIT License\n\nPermission is hereby granted, free of charge, to any person\n",
                      "README.md": "# tool\n\n## License\n\nMIT, for commercial and non-commercial use.\n",
                      "src/tool.py": "x = 1\n", "tests/data.csv": "a,b\n"}, git=True)
    assert findings(root, "") == []


# --- real cards -----------------------------------------------------------------------------


def test_corpus_dataset_cards_that_fire(corpus):
    cards = corpus / "hf-dataset-cards"
    expected = {
        "menyo20k_mt": ("DAT008", 146),  # YAML cc-by-4.0, "open but for non-commercial use"
        "senti_ws": ("DAT008", 158),  # YAML cc-by-sa-3.0, "Attribution-Noncommercial-Share Alike"
        "red_caps": ("DAT008", 451),  # YAML cc-by-4.0, "should only be used for non-commercial research"
        "amazon_reviews_multi": ("DAT001", 205),  # YAML other, prose "non-commercial research usage only"
        "imagenet-1k": [("DAT003", 9), ("DAT001", 1209)],  # YAML other, ImageNet terms of access; the card is
        # ImageNet (its pretty_name), which the knowledge base records as third-party images (issue 10, item 6)
        "anli": ("DAT001", 10),  # YAML cc-by-nc-4.0
        "ajgt_twitter_ar": ("DAT007", 9),  # YAML unknown, nothing in the prose
    }
    for name, wanted in expected.items():
        wanted = wanted if isinstance(wanted, list) else [wanted]
        assert [(f.rule, f.location.line) for f in findings(cards / name)] == wanted, name
    assert sorted(f.rule for f in findings(cards / "wider_face")) == ["DAT001", "DAT002"]


@pytest.mark.parametrize("name", ["cuad", "eurlex", "multi_eurlex", "germaner", "few_rel", "hebrew_sentiment",
                                  "europa_eac_tm", "common_voice", "gsm8k", "banking77"])
def test_corpus_dataset_cards_that_stay_quiet(corpus, name):
    # cuad / eurlex: "commercial and non-commercial use"; germaner: "academic and commercial purposes";
    # few_rel / hebrew_sentiment: an MIT text whose "permission notice" is not a restriction.
    assert findings(corpus / "hf-dataset-cards" / name) == []


def test_corpus_legacy_other_ids(corpus):
    legacy = corpus / "hf-dataset-cards-legacy"
    [finding] = findings(legacy / "gem")
    assert finding.rule == "DAT001" and "'other-research-only'" in finding.message


def test_corpus_alpaca_data_licence(corpus):
    result = findings(corpus / "model-repos" / "tatsu-lab__stanford_alpaca")
    assert [(f.rule, f.location.path) for f in result] == [("DAT001", "DATA_LICENSE")]


def test_dataset_card_other_with_a_known_licence_name(make_repo):
    root = make_repo({"README.md": card("license: other\nlicense_name: cc-by-nc-4.0\ntask_categories:\n- qa")})
    assert [f.rule for f in findings(root)] == ["DAT001"]
    stricter = make_repo({"README.md": card("license: other\nlicense_name: cc-by-4.0\ntask_categories:\n- qa",
                                            "# D\n\n## Licensing Information\n\nResearch only.\n")})
    [finding] = findings(stricter)
    assert finding.rule == "DAT008" and "other (cc-by-4.0)" in finding.message


# --- datasets the shipped knowledge base knows -------------------------------------------------


@pytest.mark.parametrize("dataset,expected", [
    ("tatsu-lab/alpaca", [("DAT001", "warning"), ("DAT004", "warning")]),  # CC BY-NC, OpenAI outputs
    ("bookcorpus", [("DAT003", "warning")]),  # books taken without permission
    ("the_pile_books3", [("DAT003", "warning")]),
    ("allenai/c4", [("DAT005", "info")]),  # a web crawl: info, never a warning
    ("commoncrawl", [("DAT005", "info")]),  # no single licence is not "unknown"
    ("HuggingFaceFW/fineweb", [("DAT005", "info")]),
    ("samsum", [("DAT001", "warning"), ("DAT002", "warning")]),
    ("openai/gsm8k", []),
    ("wikipedia", []),  # CC BY-SA text: share-alike data is not a restriction on running a model
    ("mozilla-foundation/common_voice", []),
])
def test_known_datasets(make_repo, dataset, expected):
    root = make_repo({"README.md": model_card(dataset)})
    assert sorted((f.rule, f.severity.value) for f in findings(root)) == expected, dataset


def test_fixture_gpl_weights_training_data():
    result = findings(FIXTURES / "gpl-weights")
    assert sorted(f.rule for f in result) == ["DAT001", "DAT004"]  # tatsu-lab/alpaca; wikipedia is fine
    dat001 = next(f for f in result if f.rule == "DAT001")
    assert "the model's own licence, GPL-3.0-only, allows commercial use, but this data does not" in dat001.message


def test_research_only_prose_is_not_stricter_than_a_non_commercial_licence(make_repo):
    root = make_repo({"README.md": dataset_card("cc-by-nc-4.0", "For non-commercial research purposes only.")})
    assert [f.rule for f in findings(root)] == ["DAT001"]
    nd = make_repo({"README.md": dataset_card("cc-by-nc-4.0", "You may not modify the corpus.")})
    assert sorted(f.rule for f in findings(nd)) == ["DAT001", "DAT008"]


@pytest.mark.parametrize("repo", ["model-repos/EleutherAI__pythia", "model-repos/allenai__OLMo",
                                  "model-repos/togethercomputer__RedPajama-Data", "model-repos/openai__whisper",
                                  "model-repos/bigcode-project__the-stack-v2", "hf-docs/huggingface__huggingface_hub"])
def test_corpus_open_models_and_software_are_quiet_for_every_judgement(corpus, repo):
    assert [f for f in findings(corpus / repo, "") if f.rule[:3] in ("WGT", "DAT", "USE")] == []


def test_commercial_note_reads_license_name(make_repo):
    root = make_repo({
        "README.md": card("license: other\nlicense_name: qwen\nlibrary_name: transformers\ndatasets:\n- samsum"),
    })
    dat001 = next(f for f in findings(root) if f.rule == "DAT001")
    assert "the model's own licence, qwen, allows commercial use" in dat001.message


def test_corpus_hub_card_lists_a_known_and_an_unknown_dataset(corpus, make_repo):
    """huggingface_hub's sample card: `license: mit`, `datasets: [beans]`. beans is in the
    knowledge base (MIT, like the model): quiet; the same card listing an id nobody knows: DAT006."""
    sample = corpus / "hf-docs" / "huggingface__huggingface_hub" / "tests" / "fixtures" / "cards" / "sample_simple.md"
    text = sample.read_text("utf-8")
    assert findings(make_repo({"README.md": text})) == []
    unknown = make_repo({"README.md": text.replace("- beans", "- someone/unlisted-data")})
    [finding] = findings(unknown)
    assert (finding.rule, finding.severity.value, str(finding.location)) == ("DAT006", "info", "README.md:10:3")
    taught = make_repo({"README.md": text.replace("- beans", "- someone/unlisted-data"),
                        ".modelicense.toml": override(("someone/unlisted-data", 'licence = "mit"'))})
    assert findings(taught) == []


