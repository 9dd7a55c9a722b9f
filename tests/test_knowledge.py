"""The knowledge base itself: unique keys, a closed vocabulary, a source for every entry, and
every Hugging Face licence id resolving (and made-up ones not)."""

from __future__ import annotations

import json
import re
import sys
from collections import defaultdict
from pathlib import Path

import pytest

from modelicense.knowledge import BASIS, COPYLEFT, DUTIES, KINDS, Knowledge, _key, load
from modelicense.knowledge import load as cached_load

DATA = Path(__file__).resolve().parent.parent / "src" / "modelicense" / "knowledge" / "data"
PROPERTIES = ("copyleft", "attribution", "share_alike", "non_commercial", "no_derivatives", "research_only",
              "use_restrictions", "user_threshold", "naming", "basis", "osi", "fsf_libre", "osaid")
HF_LICENCES = "hf-docs/huggingface__hub-docs/docs/hub/repositories-licenses.md"


def entries(name: str) -> list[dict]:
    return json.loads((DATA / name).read_text("utf-8"))["entries"]


def fresh() -> Knowledge:
    return cached_load.__wrapped__()


def test_licence_keys_and_aliases_are_unique_across_files():
    owners: dict[str, set[str]] = defaultdict(set)
    for name in ("licences.json", "spdx.json"):
        for entry in entries(name):
            for text in (entry["id"], *entry.get("aliases", ())):
                owners[_key(text)].add(entry["id"])
    clashes = {key: ids for key, ids in owners.items() if len(ids) > 1}
    assert not clashes


def test_licence_ids_are_unique_across_files():
    ids = [e["id"] for name in ("licences.json", "spdx.json") for e in entries(name)]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("names", [("datasets.json", "datasets-cards.json"), ("models.json",)])
def test_dataset_and_model_keys_are_unique(names):
    owners: dict[str, set[str]] = defaultdict(set)
    for entry in (e for name in names for e in entries(name)):
        for text in (entry["id"], *entry.get("aliases", ())):
            owners[_key(text)].add(entry["id"])
    assert not {key: ids for key, ids in owners.items() if len(ids) > 1}


def test_every_licence_uses_the_vocabulary_and_cites_a_source():
    knowledge = fresh()
    licences = knowledge.all_licences()
    assert len(licences) > 2000  # hand-written + every SPDX id and ScanCode key
    for licence in licences.values():
        assert licence.kind in KINDS, licence.id
        assert licence.copyleft in COPYLEFT, licence.id
        assert licence.basis in BASIS, licence.id
        assert licence.source.startswith("https://"), licence.id


def test_hand_written_licences_state_every_property():
    """A hand-written entry says yes or no to every property: a forgotten key would read as
    "not known" and silently weaken the rules. Families and ignorance ids may leave some open."""
    for entry in entries("licences.json"):
        if entry["kind"] in ("family", "ignorance"):
            continue
        missing = [p for p in PROPERTIES if p not in entry]
        assert not missing, f"{entry['id']} lacks {missing}"


def test_hand_written_titles_compile():
    for entry in entries("licences.json"):
        for pattern in entry.get("titles", ()):
            re.compile(pattern)
            literal = re.sub(r"\\.", "", pattern)  # escapes such as \\W are not letters to match
            assert literal == literal.lower(), entry["id"]  # titles are matched against lowered text


def test_every_hugging_face_id_resolves(corpus):
    table = (corpus / HF_LICENCES).read_text("utf-8")
    ids = re.findall(r"\|\s*`([^`]+)`\s*\|", table)
    assert len(ids) > 60
    knowledge = load()
    missing = [i for i in ids if knowledge.licence_id(i) is None]
    assert not missing


@pytest.mark.parametrize("made_up", ["apache-3.0", "mit-2.0", "cc-by-5.0", "llama5", "gpl-4.0", "openrail-x"])
def test_made_up_ids_do_not_resolve(made_up):
    assert load().licence_id(made_up) is None


def test_hugging_face_bsl_is_boost_not_business_source():
    knowledge = load()
    assert knowledge.licence_id("bsl-1.0") == "BSL-1.0"
    assert knowledge.licence("bsl-1.0").name == "Boost Software License 1.0"
    business = knowledge.licence("LicenseRef-scancode-bsl-1.0")
    assert business is not None and business.name == "Business Source License 1.0"


@pytest.mark.parametrize("raw,expected", [
    ("llama3.1", "llama3.1"), ("gpl-3.0", "GPL-3.0-only"), ("GPL-2.0+", "GPL-2.0-or-later"),
    ("odc-by", "ODC-By-1.0"), ("odbl", "ODbL-1.0"), ("c-uda", "C-UDA-1.0"), ("lgpl-lr", "LGPLLR"),
    ("LicenseRef-scancode-llama-2-license-2023", "llama2"), ("LicenseRef-scancode-flux-1-nc", "flux-1-dev-non-commercial"),
    ("0BSD", "0BSD"), ("https://www.apache.org/licenses/LICENSE-2.0", "Apache-2.0"),
    # ScanCode's names for hand-written licences, as a scancode detector reports them
    ("LicenseRef-scancode-apache-2.0", "Apache-2.0"), ("LicenseRef-scancode-boost-1.0", "BSL-1.0"),
    ("LicenseRef-scancode-cc-by-nc-4.0", "CC-BY-NC-4.0"), ("LicenseRef-scancode-gpl-3.0", "GPL-3.0-only"),
])
def test_ids_aliases_scancode_keys_and_urls_resolve(raw, expected):
    assert load().licence_id(raw) == expected


def test_key_properties_of_ml_licences():
    knowledge = load()
    llama = knowledge.licence("llama3.1")
    assert llama.use_restrictions and llama.user_threshold and llama.naming and not llama.non_commercial
    assert knowledge.licence("cc-by-nc-4.0").non_commercial
    assert knowledge.licence("cc-by-nd-4.0").no_derivatives
    assert knowledge.licence("cc-by-sa-4.0").share_alike and knowledge.licence("cc-by-sa-4.0").is_copyleft
    assert knowledge.licence("agpl-3.0").copyleft == "network"
    assert knowledge.licence("fair-noncommercial-research-license").research_only
    assert knowledge.licence("creativeml-openrail-m").use_restrictions
    assert knowledge.licence("mit").osi and not knowledge.licence("mit").is_copyleft
    assert knowledge.licence("unknown").kind == "ignorance"


def test_generated_licences_are_merged_only_on_a_miss():
    knowledge = fresh()
    assert "0BSD" not in knowledge.licences and knowledge.licence_id("mit") == "MIT"
    assert "0BSD" not in knowledge.licences  # a hit does not pay for spdx.json
    assert knowledge.licence("0BSD").name == "BSD Zero Clause License"


def test_every_dataset_and_model_points_at_a_known_licence():
    knowledge = load()
    for dataset in knowledge.datasets.values():
        assert dataset.source.startswith("https://"), dataset.id
        assert dataset.licence is None or knowledge.licence(dataset.licence) is not None, dataset.id
        assert dataset.provider_terms is None or knowledge.licence(dataset.provider_terms) is not None, dataset.id
    for model in knowledge.models.values():
        assert model.source.startswith("https://"), model.id
        assert knowledge.licence(model.licence) is not None, model.id
        assert set(model.duties) <= set(DUTIES), model.id


@pytest.mark.parametrize("hub_id,licence", [
    ("meta-llama/Llama-2-7b-chat-hf", "llama2"), ("meta-llama/Meta-Llama-3-8B-Instruct", "llama3"),
    ("meta-llama/Llama-3.2-1B", "llama3.2"), ("google/gemma-2-9b-it", "gemma"),
    ("mistralai/Mistral-7B-Instruct-v0.2", "Apache-2.0"), ("Qwen/Qwen2.5-72B-Instruct", "qwen"),
    ("Qwen/Qwen2.5-32B-Instruct", "Apache-2.0"), ("Qwen/Qwen2.5-3B-Instruct", "qwen-research"),
    ("black-forest-labs/FLUX.1-dev", "flux-1-dev-non-commercial"), ("gpt2", "MIT"),
    ("bigcode/starcoder2-15b", "bigcode-openrail-m"), ("stabilityai/stable-diffusion-xl-base-1.0", "openrail++"),
])
def test_base_models_by_id_alias_and_family_pattern(hub_id, licence):
    found = load().model(hub_id)
    assert found is not None and found.licence == licence


def test_coverage():
    knowledge = load()
    assert len(knowledge.datasets) >= 200
    assert len(knowledge.models) >= 150


def test_datasets_carry_their_flags():
    knowledge = load()
    assert knowledge.dataset("c4").web_crawl and not knowledge.dataset("c4").third_party_content
    assert knowledge.dataset("books3").third_party_content
    assert knowledge.dataset("tatsu-lab/alpaca").provider_terms == "openai-terms"
    assert knowledge.dataset("tatsu-lab/alpaca").non_commercial
    assert knowledge.dataset("no-such/dataset") is None


def test_generated_spdx_table_is_up_to_date():
    pytest.importorskip("licensedcode", reason="names and OSI flags come from scancode-toolkit's records")
    sys.path.insert(0, str(DATA.parent.parent.parent.parent / "scripts"))
    try:
        import generate_spdx
    finally:
        sys.path.pop(0)
    generated = generate_spdx.generate()
    on_disk = json.loads((DATA / "spdx.json").read_text("utf-8"))
    assert generated["entries"] == on_disk["entries"], "run scripts/generate_spdx.py"
    assert generated["aliases"] == on_disk["aliases"], "run scripts/generate_spdx.py"


def test_generated_dataset_table_is_up_to_date(corpus):
    sys.path.insert(0, str(DATA.parent.parent.parent.parent / "scripts"))
    try:
        import datasets_from_cards
    finally:
        sys.path.pop(0)
    generated = datasets_from_cards.generate(corpus / "hf-dataset-cards", corpus / "MANIFEST.tsv")
    assert generated == entries("datasets-cards.json"), "run scripts/datasets_from_cards.py"
    flagged = {e["id"]: e for e in generated if e.get("non_commercial")}
    # RedCaps: `license: cc-by-4.0`, but the card quotes the paper: "only be used for non-commercial research"
    assert flagged["red_caps"]["licence"] == "CC-BY-4.0" and flagged["red_caps"]["research_only"]


def test_model_table_agrees_with_licences_suggested_for_hub_models(corpus):
    """Where the Hub's licence-fixing campaign suggested a licence for a model we know, ours matches."""
    import csv

    knowledge = load()
    folder = corpus / "hf-docs/huggingface__hub-docs/hacktoberfest_challenges"
    checked = 0
    for path in folder.glob("*.csv"):
        for row in csv.DictReader(path.open(encoding="utf-8")):
            hub_id = re.match(r"\[([^\]]+)\]", row["model_id"]).group(1)
            suggested = knowledge.licence_id(row["suggested_license_name"]) if row["suggested_license_name"] else None
            model = knowledge.model(hub_id)
            if suggested and model:
                checked += 1
                assert model.licence == suggested, hub_id
    assert checked >= 15


@pytest.mark.parametrize("reference,expected", [
    ("allenai/c4/en", "allenai/c4"), ("https://huggingface.co/datasets/allenai/c4", "allenai/c4"),
    ("hf://datasets/HuggingFaceFW/fineweb-edu/sample/10BT", "HuggingFaceFW/fineweb-edu"),
    ("wikimedia/wikipedia/20231101.en", "wikimedia/wikipedia"), ("SQuAD", "rajpurkar/squad"),
    ("someone/squad", None), ("nope/nope/x", None),
])
def test_dataset_references_as_cards_write_them(reference, expected):
    found = load().dataset(reference)
    assert (found.id if found else None) == expected


def test_model_references_as_urls():
    knowledge = load()
    assert knowledge.model("https://huggingface.co/meta-llama/Llama-2-7b-hf/tree/main").licence == "llama2"
    assert knowledge.model("someone/Llama-2-7b-hf") is None


def test_titles_find_each_licence_in_scancodes_copy_of_its_text():
    """Each hand-written licence with titles is found, by title alone, in ScanCode's copy of its
    text (and not mistaken for another licence)."""
    licensedcode = pytest.importorskip("licensedcode", reason="the reference texts come with scancode-toolkit")
    from modelicense.resolve import detect_by_title

    texts = Path(licensedcode.__file__).parent / "data" / "licenses"
    knowledge = load()
    checked = []
    for entry in entries("licences.json"):
        if not entry.get("titles"):
            continue
        keys = [a[len("LicenseRef-scancode-"):] for a in entry.get("aliases", ()) if a.startswith("LicenseRef-scancode-")]
        keys.append("boost-1.0" if entry["id"] == "BSL-1.0" else entry["id"].lower())  # scancode's bsl-1.0 is BUSL
        path = next((texts / f"{k}.LICENSE" for k in keys if (texts / f"{k}.LICENSE").is_file()), None)
        if path is None:
            continue
        text = path.read_text("utf-8").split("---", 2)[2]
        found = detect_by_title(text, knowledge)
        if found is None and all(title.startswith("^") for title in entry["titles"]):
            continue  # a heading-only title ("MIT License") cannot be found in a copy without that heading
        assert found is not None and found.keys == (entry["id"],), (entry["id"], path.name, found)
        checked.append(entry["id"])
    assert len(checked) >= 60


@pytest.mark.parametrize(("pattern", "literal"), [
    (r"apache license,?\s+version 2\.0", "apache license"),
    (r"^\W*(the )?mit license", "mit license"),
    (r"postgresql (database management system|license)", "postgresql"),
    (r"gpl|lgpl", None),
    (r"ab?c", None),
])
def test_required_literal_of_a_title(pattern, literal):
    from modelicense.knowledge import required_literal

    assert required_literal(pattern) == literal


def test_titles_are_prefiltered_by_their_required_words():
    """Only patterns whose words occur in the text are compiled and searched; every hand-written
    title has such words (a title without them would be compiled on every run)."""
    knowledge = load()
    everything = knowledge.title_patterns()
    assert len(knowledge.title_patterns("nothing to see here")) == 0
    assert {ident for _, ident in knowledge.title_patterns("the mit license")} == {"MIT"}
    assert len(everything) > 100


def test_every_duty_is_read_by_a_rule():
    """A duty models.json may name is either shown by evidence BAS002 looks for (duties.json) or a
    term BAS001 carries on (a kind's `duty` in knowledge/kinds.py): none is written for nobody."""
    from modelicense.knowledge.duties import duty_evidence
    from modelicense.knowledge.kinds import TERM_KINDS

    terms = {kind.duty for kind in TERM_KINDS if kind.duty}
    assert set(DUTIES) == set(duty_evidence()) | terms
    assert not set(duty_evidence()) & terms
    assert {"non-commercial", "same-licence"} <= terms


def test_a_base_models_duty_terms_agree_with_its_licence():
    """`non-commercial` / `same-licence` in a model's duties repeat what its licence says (the
    licence's non_commercial / share_alike): a disagreement is a data error in one of them."""
    from modelicense.knowledge.kinds import BY_ID

    knowledge = load()
    for model in knowledge.models.values():
        licence = knowledge.licence(model.licence)
        for duty, kind in (("non-commercial", BY_ID["non-commercial"]), ("same-licence", BY_ID["share-alike"])):
            if duty in model.duties and licence is not None and licence.kind not in ("family", "ignorance"):
                assert getattr(licence, kind.licence_property) is not False, (model.id, duty, licence.id)
