"""DEC — declarations: each rule firing and quiet, on small repositories and on real corpus files."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import MIT_TEXT, card, scancode_licence_text

from modelicense.config import Config, from_mapping
from modelicense.model import Finding, Severity
from modelicense.scan import scan

WEIGHTS = b"\x08\x00\x00\x00\x00\x00\x00\x00{}      " + b"\0" * 2048  # not an LFS pointer; never parsed


def findings(root: Path, prefix: str, **table) -> list[Finding]:
    config = from_mapping(table, "test") if table else Config()
    return [f for f in scan(root, config).findings if f.rule.startswith(prefix)]


def APACHE() -> str:  # noqa: N802  (a constant that is read only when a test needs it)
    return scancode_licence_text("apache-2.0")


# --- DEC001 --------------------------------------------------------------------------------------


def test_dec001_model_card_without_licence(make_repo):
    root = make_repo({"README.md": card("library_name: transformers\npipeline_tag: text-generation")})
    [hit] = findings(root, "DEC001")
    assert (hit.location.path, hit.location.line, hit.severity) == ("README.md", 1, Severity.WARNING)
    assert "model card declares no licence" in hit.message


def test_dec001_quiet_when_card_declares_or_a_licence_file_covers_it(make_repo):
    assert not findings(make_repo({"README.md": card("license: mit\nlibrary_name: x")}), "DEC001")
    covered = make_repo({"README.md": card("library_name: x"),
                         "LICENSE": MIT_TEXT})
    assert not findings(covered, "DEC001")


def test_dec001_nested_licence_does_not_cover_the_root_card(make_repo):
    root = make_repo({"README.md": card("library_name: x"),
                      "vendor/lib/LICENSE": MIT_TEXT})
    assert [f.location.path for f in findings(root, "DEC001")] == ["README.md"]


def test_dec001_weights_nothing_covers(make_repo):
    root = make_repo({"README.md": "# My model\n\nWeights for a classifier.\n", "model.safetensors": WEIGHTS})
    [hit] = findings(root, "DEC001")
    assert hit.location.path == "README.md" and "model.safetensors" in hit.message
    assert [r.path for r in hit.related] == ["model.safetensors"]


def test_dec001_readme_without_front_matter_is_not_a_card_without_weights(make_repo):
    root = make_repo({"README.md": "# A library\n\nNo licence words here.\n", "src/lib.py": "x = 1\n"})
    assert not findings(root, "DEC001")


def test_dec001_weights_covered_by_root_licence(make_repo):
    root = make_repo({"model.safetensors": WEIGHTS, "LICENSE": APACHE()})
    assert not findings(root, "DEC001")


def test_dec001_template_placeholder_is_not_reported_as_missing(make_repo):
    root = make_repo({"README.md": card("license: {license}\nlibrary_name: x")})
    assert not findings(root, "DEC001")


def test_dec001_on_real_dataset_cards(corpus):
    assert [f.message for f in findings(corpus / "hf-dataset-cards" / "hellaswag", "DEC001")] == [
        "dataset card declares no licence: its front matter has no `license:` and no licence file covers its folder"
    ]
    assert not findings(corpus / "hf-dataset-cards" / "asset", "DEC001")


# --- DEC002 --------------------------------------------------------------------------------------


def test_dec002_other_without_name(make_repo):
    root = make_repo({"README.md": card("license: other\nlibrary_name: x")})
    [hit] = findings(root, "DEC002")
    assert hit.location.line == 2 and "`license_name`" in hit.message and "license_link" in hit.message


def test_dec002_other_with_name_but_no_terms(make_repo):
    [hit] = findings(make_repo({"README.md": card("license: other\nlicense_name: acme-1.0\nlibrary_name: x")}), "DEC002")
    assert "`license_name`" not in hit.message and "license_link" in hit.message


@pytest.mark.parametrize("files", [
    {"README.md": card("license: other\nlicense_name: acme-1.0\nlicense_link: LICENSE\nlibrary_name: x")},
    {"README.md": card("license: other\nlicense_name: acme-1.0\nlibrary_name: x"), "LICENSE": "ACME licence\n\nYou may...\n"},
    {"README.md": card("license: other-acme\npretty_name: x", "## Licensing Information\n\nSee https://acme.example/terms\n")},
])
def test_dec002_quiet_when_name_and_terms_are_given(make_repo, files):
    assert not findings(make_repo(files), "DEC002")


def test_dec002_on_real_cards(corpus):
    [hit] = findings(corpus / "hf-dataset-cards" / "imdb", "DEC002")
    assert hit.location.line == 10  # `- other` under `license:`
    # Its Licensing Information is the template's "[More Information Needed](…CONTRIBUTING.md…)".
    assert "`license_name` and `license_link`" in hit.message
    [hit] = findings(corpus / "hf-dataset-cards" / "conll2003", "DEC002")
    assert "`license_link`" not in hit.message  # its licence section states the terms
    assert not findings(corpus / "hf-dataset-cards" / "asset", "DEC002")


# --- DEC004 --------------------------------------------------------------------------------------


def test_dec004_card_and_licence_text_in_a_weights_repo_is_an_error(make_repo):
    root = make_repo({"README.md": card("license: mit\nlibrary_name: x"), "model.safetensors": WEIGHTS,
                      "LICENSE": APACHE()})
    [hit] = findings(root, "DEC004")
    assert hit.severity is Severity.ERROR and hit.location.path == "README.md" and hit.location.line == 2
    assert [r.path for r in hit.related] == ["LICENSE"]
    assert "'mit'" in hit.message and "Apache-2.0 text" in hit.message


def test_dec004_code_licence_and_weights_card_differ_in_scope(make_repo):
    # LICENSE covers the code, the card the weights: not a contradiction (llama2 weights, MIT code).
    root = make_repo({"README.md": card("license: llama2\nlibrary_name: x"), "model.safetensors": WEIGHTS,
                      "train.py": "print(1)\n", "LICENSE": MIT_TEXT})
    assert not findings(root, "DEC004")


def test_dec004_other_with_a_known_licence_name(make_repo):
    fm = "license: other\nlicense_name: llama3.1\nlicense_link: LICENSE\nlibrary_name: x"
    llama3 = scancode_licence_text("llama-3.1-license-2024")
    assert not findings(make_repo({"README.md": card(fm), "model.safetensors": WEIGHTS, "LICENSE": llama3}), "DEC004")
    mit = MIT_TEXT
    [hit] = findings(make_repo({"README.md": card(fm), "model.safetensors": WEIGHTS, "LICENSE": mit}), "DEC004")
    assert "'other' (llama3.1)" in hit.message and "MIT text" in hit.message


def test_dec004_without_code_or_weights_no_judgement(make_repo):
    # A card describing a model published elsewhere: the LICENSE may well cover the card's text.
    root = make_repo({"README.md": card("license: bigscience-bloom-rail-1.0\nlibrary_name: x"),
                      "LICENSE": APACHE()})
    assert not findings(root, "DEC004")


def test_dec004_weight_licence_file_against_card(make_repo):
    root = make_repo({"README.md": card("license: apache-2.0\nlibrary_name: x"),
                      "LICENSE-MODEL": MIT_TEXT})
    [hit] = findings(root, "DEC004")
    assert hit.severity is Severity.ERROR and [r.path for r in hit.related] == ["LICENSE-MODEL"]


def test_dec004_packaging_against_licence_file(make_repo):
    root = make_repo({"pyproject.toml": '[project]\nname = "x"\nlicense = "MIT"\n',
                      "LICENSE": APACHE()})
    [hit] = findings(root, "DEC004")
    assert hit.location.path == "pyproject.toml" and hit.severity is Severity.ERROR


USE_POLICY = ("# Acceptable Use Policy\n\nYou agree not to use the model or its outputs to violate the law, to harm "
              "minors, or to generate disinformation. This policy may be updated from time to time.\n")


@pytest.mark.parametrize("extra", [
    {"annotator/midas/LICENSE": MIT_TEXT},  # vendored: its folder only
    {"NOTICE": MIT_TEXT},  # a NOTICE is not a licence, whatever it quotes
    {"USE_POLICY.md": USE_POLICY},  # nor is a use policy
])
def test_dec004_quiet_for_what_is_not_a_licence_of_the_same_artefact(make_repo, extra):
    files = {"README.md": card("license: apache-2.0\nlibrary_name: x"), "model.safetensors": WEIGHTS,
             "LICENSE": APACHE()}
    files.update(extra)
    assert not findings(make_repo(files), "DEC004")


def test_dec004_same_licence_text_and_id_agree(make_repo):
    root = make_repo({"README.md": card("license: llama2\nlibrary_name: x"), "model.safetensors": WEIGHTS,
                      "LICENSE": scancode_licence_text("llama-2-license-2023")})
    assert not findings(root, "DEC004")


def test_dec004_prose_section_against_metadata_on_real_card(corpus):
    [hit] = findings(corpus / "hf-dataset-cards" / "hatexplain", "DEC004")
    assert hit.severity is Severity.WARNING
    assert "names MIT" in hit.message and "'cc-by-4.0'" in hit.message
    assert hit.location.line == 187 and hit.related[0].line == 9


@pytest.mark.parametrize("name", [
    "glucose",  # prose adds non-commercial terms: DAT008's finding, not a second one here
    "blbooks",  # Public Domain Mark in prose, cc0-1.0 in metadata: the same to a user
])
def test_dec004_prose_quiet_on_real_cards(corpus, name):
    assert not findings(corpus / "hf-dataset-cards" / name, "DEC004")


def test_dec004_prose_on_a_model_card_reports_added_terms_too(make_repo):
    body = "## License\n\nThe weights are released under [CC BY-NC 4.0](https://creativecommons.org/licenses/by-nc/4.0/).\n"
    [hit] = findings(make_repo({"README.md": card("license: apache-2.0\nlibrary_name: x", body)}), "DEC004")
    assert hit.severity is Severity.WARNING and "CC-BY-NC-4.0" in hit.message


def test_dec004_prose_that_agrees_is_quiet(make_repo):
    body = "## License\n\nReleased under the [CC BY 4.0](https://creativecommons.org/licenses/by/4.0/) licence.\n"
    assert not findings(make_repo({"README.md": card("license: cc-by-4.0\npretty_name: x", body)}), "DEC004")


def test_dec004_no_false_alarm_on_real_model_repos(corpus):
    """Real releases put code and weights under different licences in different files."""
    for folder in sorted((corpus / "model-repos").iterdir()):
        assert not findings(folder, "DEC004"), folder.name


# --- DEC007 --------------------------------------------------------------------------------------


def test_dec007_licence_not_allowed(make_repo):
    root = make_repo({"README.md": card("license: cc-by-nc-4.0\nlibrary_name: x"), "model.safetensors": WEIGHTS})
    [hit] = findings(root, "DEC007", allow={"weights": ["apache-2.0", "MIT"]})
    assert hit.severity is Severity.ERROR and "CC-BY-NC-4.0" in hit.message and "allow.weights" in hit.message


def test_dec007_quiet_when_allowed_or_a_choice_is(make_repo):
    root = make_repo({"README.md": card("license: apache-2.0\nlibrary_name: x"), "model.safetensors": WEIGHTS,
                      "pyproject.toml": '[project]\nname = "x"\nlicense = "MIT OR GPL-3.0-only"\n'})
    assert not findings(root, "DEC007", allow={"weights": ["Apache-2.0"], "code": ["MIT"]})
    assert not findings(root, "DEC007")  # no allow-list, no check


def test_dec007_nested_model_licence_is_not_code(corpus):
    # models/llama2/LICENSE ... models/llama4/LICENSE are the weights' licences; the root LICENSE is
    # only a link (DEC003 territory), so an allow-list for code has nothing to say here.
    assert not findings(corpus / "model-repos" / "meta-llama__llama-models", "DEC007", allow={"code": ["MIT"]})
    assert findings(corpus / "model-repos" / "meta-llama__llama", "DEC007", allow={"code": ["MIT"]})  # root llama2


def test_dec007_code_allow_list_on_real_licence(corpus):
    [hit] = findings(corpus / "model-repos" / "meta-llama__llama@57b0eb62", "DEC007", allow={"code": ["MIT", "Apache-2.0"]})
    assert hit.location.path == "LICENSE" and "GPL-3.0-only" in hit.message


# --- DEC008 --------------------------------------------------------------------------------------


def test_dec008_suppression_without_reason_is_reported_and_not_applied(make_repo):
    root = make_repo({"README.md": card("# modelicense: ignore[DEC002]\nlicense: other\nlibrary_name: x")})
    rules = sorted(f.rule for f in findings(root, "DEC"))
    assert rules == ["DEC002", "DEC008"]


def test_dec008_unknown_rule(make_repo):
    root = make_repo({"README.md": card("license: mit  # modelicense: ignore[XYZ999] because\nlibrary_name: x")})
    [hit] = findings(root, "DEC008")
    assert "XYZ999" in hit.message and hit.location.line == 2


def test_dec008_quiet_with_a_reason(make_repo):
    root = make_repo({"README.md": card("# modelicense: ignore[DEC002] terms are in the contract we sign with users\n"
                                        "license: other\nlibrary_name: x")})
    assert not findings(root, "DEC")


# --- the whole corpus, read by hand ------------------------------------------------------------

# Dataset cards whose "Licensing Information" names another licence than their YAML, each read
# by hand (e.g. hatexplain: prose "MIT License", YAML cc-by-4.0; dyk: prose "CC BY-SA 3.0", YAML
# bsd-3-clause; multi_eurlex: "the same licensing as the original EU data (CC-BY-4.0)", YAML
# cc-by-sa-4.0). Cards whose prose only ADDS non-commercial terms are DAT008's, not listed here.
PROSE_CONTRADICTIONS = {
    "adversarial_qa", "dyk", "ethos", "eu_regulatory_ir", "eurlex", "hatexplain", "kelm", "kor_3i4k", "mkqa",
    "multi_eurlex", "multidoc2dial", "laroseda", "ro_sts_parallel", "s2orc", "squad_kor_v1", "squad_kor_v2",
    # legacy cards (`licenses:`): upl-1.0 against "Creative Commons Zero v1.0 Universal"; cc-by-sa-3.0
    # and gfdl against "CC BY-SA 4.0"; ethos again (agpl-3.0-or-later against GNU GPLv3)
    "consumer-finance-complaints", "wikitext",
}


def test_corpus_findings_of_these_families_are_the_reviewed_ones(corpus):
    from conftest import scan_json

    collections = ("model-repos", "hf-dataset-cards", "hf-dataset-cards-legacy")
    folders = [str(p) for sub in collections for p in sorted((corpus / sub).iterdir())]
    report = scan_json("--fail-on", "never", "--select", "DEC001,DEC002,DEC004,DEC007,DEC008,BAS,CMP", *folders)
    by_rule: dict[str, set[str]] = {}
    for finding in report["findings"]:
        by_rule.setdefault(finding["rule"], set()).add(finding["path"].split("/")[-2])
        assert finding["rule"] != "DEC004" or finding["severity"] == "warning", finding  # no certain contradiction in the corpus
    assert by_rule.get("DEC004") == PROSE_CONTRADICTIONS
    assert not {rule for rule in by_rule if rule.startswith(("BAS", "CMP"))}  # no base models, no vendored copyleft
    assert "hellaswag" in by_rule["DEC001"] and "imdb" in by_rule["DEC002"]
    assert not any(finding["path"].startswith(str(corpus / "model-repos")) for finding in report["findings"])


# --- pure-function checks: weight-file metadata, documentation -----------------------------------


def _repository(*artefacts):
    from modelicense.knowledge import load
    from modelicense.model import Artefact, Repository, ResolvedDeclaration
    from modelicense.resolve import Resolver

    resolver = Resolver(load())
    built = tuple(
        Artefact(path, kind, tuple(ResolvedDeclaration(d, resolver.resolve(d)) for d in declarations), metadata=metadata)
        for path, kind, declarations, metadata in artefacts
    )
    return Repository(".", built)


def test_dec004_weight_metadata_against_the_card_above_it():
    """Weight headers (GGUF general.license, safetensors __metadata__) are extracted elsewhere;
    the rule only needs their declarations, so it is checked here on a repository built by hand."""
    from modelicense.knowledge import load
    from modelicense.model import Declaration, FileKind, Location
    from modelicense.rules import get

    card_decl = Declaration("apache-2.0", "weights", Location("README.md", 2, 10), "license")
    gguf_decl = Declaration("MIT", "weights", Location("q4/model.Q4_K_M.gguf"), "general.license")
    repo = _repository(("README.md", FileKind.MODEL_CARD, [card_decl], (("front_matter", "yes"),)),
                       ("q4/model.Q4_K_M.gguf", FileKind.WEIGHTS, [gguf_decl], ()))
    [hit] = list(get("DEC004").run(repo, load()))
    assert hit.severity is Severity.ERROR and hit.location.path == "README.md"
    assert hit.related[0].path == "q4/model.Q4_K_M.gguf" and "general.license" in hit.message
    same = Declaration("Apache-2.0", "weights", Location("q4/model.Q4_K_M.gguf"), "general.license")
    repo = _repository(("README.md", FileKind.MODEL_CARD, [card_decl], (("front_matter", "yes"),)),
                       ("q4/model.Q4_K_M.gguf", FileKind.WEIGHTS, [same], ()))
    assert not list(get("DEC004").run(repo, load()))


def test_dec008_on_a_real_card_with_a_suppression_added(make_repo, corpus):
    lines = (corpus / "hf-dataset-cards" / "imdb" / "README.md").read_text("utf-8").splitlines(keepends=True)
    assert lines[9].strip() == "- other"  # line 10: the `other` DEC002 reports
    unreasoned = make_repo({"README.md": "".join(lines[:9] + ["# modelicense: ignore[DEC002]\n"] + lines[9:])})
    assert sorted(f.rule for f in findings(unreasoned, "DEC")) == ["DEC002", "DEC008"]
    reasoned = make_repo({"README.md": "".join(lines[:9] + ["# modelicense: ignore[DEC002] terms: ai.stanford.edu/~amaas\n"]
                                               + lines[9:])})
    assert not findings(reasoned, "DEC")


# --- conditions each caught by a hand-made mutation of the rule ------------------------------------


def test_dec004_packaging_metadata_contradicting_itself(make_repo):
    """pyproject.toml's own `license` against its own classifiers: one file, two claims."""
    pyproject = ('[project]\nname = "x"\nlicense = "MIT"\n'
                 'classifiers = ["License :: OSI Approved :: Apache Software License"]\n')
    [hit] = findings(make_repo({"pyproject.toml": pyproject}), "DEC004")
    assert hit.severity is Severity.ERROR and hit.location.path == "pyproject.toml"
    assert [r.path for r in hit.related] == ["pyproject.toml"]
    agreeing = pyproject.replace("Apache Software License", "MIT License")
    assert not findings(make_repo({"pyproject.toml": agreeing}), "DEC004")


@pytest.mark.parametrize(("weights", "contradicts"), [
    ("a/model.Q4_K_M.gguf", True),  # under the card's folder
    ("a/q4/model.Q4_K_M.gguf", True),  # below it
    ("ab/model.Q4_K_M.gguf", False),  # a sibling folder whose name starts like the card's
])
def test_dec004_weight_metadata_only_against_a_card_in_a_folder_above_it(weights, contradicts):
    from modelicense.knowledge import load
    from modelicense.model import Declaration, FileKind, Location
    from modelicense.rules import get

    card_decl = Declaration("apache-2.0", "weights", Location("a/README.md", 2, 10), "license")
    gguf_decl = Declaration("MIT", "weights", Location(weights), "general.license")
    repo = _repository(("a/README.md", FileKind.MODEL_CARD, [card_decl], (("front_matter", "yes"),)),
                       (weights, FileKind.WEIGHTS, [gguf_decl], ()))
    assert [hit.related[0].path for hit in get("DEC004").run(repo, load())] == ([weights] if contradicts else [])
