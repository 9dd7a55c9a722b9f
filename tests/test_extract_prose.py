"""Licence prose beyond the "License" heading (extract/licence_prose.py): sections about terms,
bold labels, sections whose first sentence states a licence, and licence sentences anywhere —
read into low-confidence declarations at their lines; general mentions are not declarations."""

from __future__ import annotations

import pytest
from conftest import CORPUS, card

from modelicense.extract import card as card_extractor
from modelicense.extract import licence_prose
from modelicense.knowledge import load
from modelicense.resolve import Resolver
from modelicense.terms import terms_of


def prose(text: str, path: str = "README.md"):
    data = text.encode()
    return [d for d in card_extractor.extract(path, data, len(data)).declarations if d.confidence == "low"]


def test_a_bold_label_paragraph_about_usage_and_licence_notices():
    text = ("# Alpaca\n\n**Usage and License Notices**: Alpaca is intended and licensed for research use only.\n"
            "The dataset is CC BY NC 4.0.\n\n## Overview\n")
    [section] = prose(text)
    assert section.field == "Usage and License Notices" and section.location.line == 3
    assert section.scope == "repo"  # a README without front matter covers the repository
    assert {t.kind for t in terms_of(section)} >= {"research-only", "non-commercial"}


@pytest.mark.parametrize("heading", ["## Usage and License Notices", "### Terms and conditions", "## Model License",
                                     "## Use restrictions", "## Copyright"])
def test_headings_about_terms(heading):
    text = card("license: mit\nlibrary_name: x", f"# M\n\n{heading}\n\nOnly for non-commercial research.\n\n## Next\n")
    [section] = prose(text)
    assert section.location.line == 8 and section.scope == "weights"
    assert "non-commercial" in section.raw and "Next" not in section.raw


def test_a_section_whose_first_sentence_states_a_licence():
    text = "# M\n\n## Weights\n\nThe checkpoints are released under CC BY-NC 4.0. Download them below.\n\n## Use\n"
    [section] = prose(text)
    assert section.field == "Weights" and section.location.line == 3


def test_a_licence_sentence_anywhere_names_what_it_covers():
    text = "# M\n\nSome intro. Our model weights are released under CC BY-NC 4.0. Enjoy.\n"
    [sentence] = prose(text)
    assert sentence.raw == "Our model weights are released under CC BY-NC 4.0."
    assert sentence.scope == "weights" and sentence.location.line == 3 and sentence.location.column == 13
    resolution = Resolver(load()).resolve(sentence)
    assert resolution.keys == ("CC-BY-NC-4.0",)


def test_data_and_code_sentences_cover_data_and_code():
    text = "# M\n\nThe dataset is distributed under ODC-By 1.0.\nThe code is licensed under the MIT License.\n"
    assert [(d.scope, d.location.line) for d in prose(text)] == [("data", 3), ("code", 4)]


@pytest.mark.parametrize("text", [
    "# Tool\n\n## Changelog\n\n- The code is now released under MIT.\n",
    "# Tool\n\nThis linter knows Apache-2.0, MIT and GPL-3.0 licences.\n",
    "# M\n\nThe original runs are available under the name `pythia-v0`.\n",
    "# M\n\n## Citation\n\nThe model is released under Apache 2.0 (see the paper).\n",
    "# M\n\n```\nThe weights are released under CC BY-NC 4.0.\n```\n",
    "# M\n\n## Acknowledgements\n\n**License notices** of the works we build on: the data is under CC BY 4.0.\n",
])
def test_general_mentions_are_not_declarations(text):
    assert prose(text) == []


def test_the_license_heading_stays_cardpy_s_and_is_not_read_twice():
    text = card("license: mit", "# M\n\n## License\n\nThe weights are released under MIT.\n")
    assert [(d.field, d.location.line) for d in prose(text)] == [("License", 7)]


def test_bounded_on_a_hostile_readme():
    text = ("**License**: only for research.\n\nThe weights are released under MIT. " * 5000
            + "\n" + "## Licence terms\n" * 20000 + "#" * 7 + " x\n")
    found = licence_prose.declarations("README.md", text, "repo", card_extractor.PROSE_HEADING)
    assert len(found) <= licence_prose.MAX_DECLARATIONS
    assert all(len(d.raw) <= licence_prose.MAX_SECTION_CHARS for d in found)


def test_real_readmes_without_front_matter():
    root = CORPUS / "model-repos"
    if not root.is_dir():
        pytest.skip(f"shared corpus not found at {root}")
    llava = (root / "haotian-liu__LLaVA" / "README.md").read_text("utf-8")
    [notice] = [d for d in prose(llava) if d.field == "Usage and License Notices"]
    assert "OpenAI Terms of Use" in notice.raw and notice.location.line == 61
    stablelm = (root / "Stability-AI__StableLM" / "README.md").read_text("utf-8")
    sentences = [d for d in prose(stablelm) if d.field == "licence sentence"]
    assert any("delta weights are released under" in d.raw and d.scope == "weights" for d in sentences)


def test_a_code_sentence_in_a_model_card_is_no_contradiction(make_repo):
    from conftest import safetensors_file

    from modelicense import config as config_module
    from modelicense.scan import scan

    readme = card("license: cc-by-nc-4.0\nlibrary_name: x", "# M\n\nThe code is released under the MIT License.\n")
    root = make_repo({"README.md": readme, "model.safetensors": safetensors_file()})
    assert "DEC004" not in {f.rule for f in scan(root, config_module.load(None, root)).findings}
    # the same sentence about the weights contradicts the card
    readme = card("license: cc-by-nc-4.0\nlibrary_name: x", "# M\n\nThe weights are released under the MIT License.\n")
    root = make_repo({"README.md": readme, "model.safetensors": safetensors_file()})
    assert "DEC004" in {f.rule for f in scan(root, config_module.load(None, root)).findings}


def _rules(make_repo, readme: str) -> dict:
    from conftest import safetensors_file

    from modelicense import config as config_module
    from modelicense.scan import scan

    root = make_repo({"README.md": readme, "model.safetensors": safetensors_file()})
    return {f.rule: f for f in scan(root, config_module.load(None, root)).findings}


def test_a_model_cards_usage_notice_that_restricts_its_permissive_licence(make_repo):
    readme = card("license: apache-2.0\nlibrary_name: x",
                  "# M\n\n**Usage and License Notices**: the model is intended and licensed for research use only.\n")
    found = _rules(make_repo, readme)
    weights = found["WGT002"]
    assert "read from the 'Usage and License Notices' section of README.md" in weights.message
    assert "research-only" in weights.message and weights.location.line == 8


@pytest.mark.parametrize("body", [
    "# M\n\n## Usage and License Notices\n\nUse it for anything, including commercial use.\n",
    "# M\n\n## License\n\nApache 2.0. You must retain the attribution notice.\n",
])
def test_prose_that_restricts_nothing_is_quiet(make_repo, body):
    found = _rules(make_repo, card("license: apache-2.0\nlibrary_name: x", body))
    assert not {"WGT002", "USE001", "USE003", "DEC004"} & set(found)


def test_prose_that_repeats_the_licence_restriction_is_not_reported_again(make_repo):
    readme = card("license: cc-by-nc-4.0\nlibrary_name: x",
                  "# M\n\n## Terms of use\n\nThe weights are for non-commercial use only.\n")
    found = _rules(make_repo, readme)
    assert "read from" not in found["WGT002"].message  # the licence's own finding, once
