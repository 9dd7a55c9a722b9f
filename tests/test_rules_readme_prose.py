"""Licence prose in a README without card metadata (extract/licence_prose.py) beside weights: the
restrictive terms it states beyond the licences covering the weights are reported by their family
(WGT002, USE001) at the words, as info — prose is the least certain statement of terms — and a
README that covers no weights, or only mentions a restriction, is quiet."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import CORPUS, card, safetensors_file, scancode_licence_text

from modelicense import config as config_module
from modelicense.scan import scan

WEIGHTS = safetensors_file()
REPOS = CORPUS / "model-repos"


def findings(root: Path) -> dict[str, list]:
    found: dict[str, list] = {}
    for finding in scan(root, config_module.load(None, root)).findings:
        found.setdefault(finding.rule, []).append(finding)
    return found


def _apache() -> str:
    return scancode_licence_text("apache-2.0")


def _corpus_repo(tmp_path: Path, name: str, weights: bool = True) -> Path:
    source = REPOS / name
    if not source.is_dir():
        pytest.skip(f"shared corpus repository not found: {source} (set MODELICENSE_SHARED to its parent folder)")
    root = tmp_path / name
    shutil.copytree(source, root)
    if weights:  # the model repository on the Hub ships the weights the GitHub copy leaves out
        (root / "model.safetensors").write_bytes(WEIGHTS)
    return root


def test_a_sentence_restricting_the_weights_above_an_apache_licence_is_reported_at_its_line(make_repo):
    readme = "# Acme model\n\nA small model for text. The weights are released for non-commercial research use only.\n"
    root = make_repo({"README.md": readme, "LICENSE": _apache(), "model.safetensors": WEIGHTS})
    [weights] = findings(root)["WGT002"]
    assert weights.severity.value == "info"
    assert "read from a sentence of README.md (prose in a README without card metadata), beyond Apache-2.0 (LICENSE)" \
        in weights.message
    assert "non-commercial and research-only ('The weights are released for non-commercial research use only.'" \
        in weights.message
    assert weights.location.path == "README.md" and weights.location.line == 3


def test_a_license_section_is_read_at_the_line_of_its_words_not_its_heading(make_repo):
    readme = ("# Acme model\n\n## License\n\nThe code is released under the Apache 2.0 licence.\n"
              "The weights are for non-commercial use only.\n")
    root = make_repo({"README.md": readme, "LICENSE": _apache(), "model.safetensors": WEIGHTS})
    [weights] = findings(root)["WGT002"]
    assert "read from the 'License' section of README.md" in weights.message
    assert (weights.location.line, weights.location.column) == (6, 17)  # "for non-commercial use only"
    assert weights.related[0].line == 3  # the section, at its heading


def test_chattts_readme_names_cc_by_nc_for_the_model_above_an_agpl_licence(tmp_path):
    """2noise/ChatTTS: the README's "The model" section says "published under `CC BY-NC 4.0`" and
    "for academic and research purposes only"; the LICENSE is the AGPL. With the weights the Hub
    repository ships, the disagreement is reported at the README's words."""
    root = _corpus_repo(tmp_path, "2noise__ChatTTS")
    [weights] = findings(root)["WGT002"]
    assert weights.severity.value == "info" and weights.location.line == 62
    assert "beyond AGPL-3.0-only (LICENSE)" in weights.message
    assert "non-commercial ('The model is published under `CC BY-NC 4.0` license.', line 62)" in weights.message


def test_alpacas_usage_notice_adds_research_only_to_the_weight_diff_licence(tmp_path):
    """tatsu-lab/stanford_alpaca: WEIGHT_DIFF_LICENSE is CC BY-NC 4.0 (WGT002, warning, by the
    licence); the README's Usage and License Notices add research-only, which the licence does not
    have (info, at line 23)."""
    root = _corpus_repo(tmp_path, "tatsu-lab__stanford_alpaca")
    by_licence, from_readme = sorted(findings(root)["WGT002"], key=lambda f: f.location.path != "WEIGHT_DIFF_LICENSE")
    assert by_licence.severity.value == "warning" and "read from" not in by_licence.message
    assert from_readme.severity.value == "info" and str(from_readme.location).startswith("README.md:23:")
    assert "research-only" in from_readme.message and "non-commercial (" not in from_readme.message


def test_prose_a_licence_file_already_states_is_not_reported_again(tmp_path):
    """suno-ai/bark: "licensed under a non-commercial CC-BY 4.0 NC" above a CC BY-NC LICENSE: the
    licence's own WGT002, once."""
    root = _corpus_repo(tmp_path, "suno-ai__bark@ea9a687")
    assert [f.location.path for f in findings(root)["WGT002"]] == ["LICENSE"]


@pytest.mark.parametrize("name", ["2noise__ChatTTS", "tatsu-lab__stanford_alpaca", "Stability-AI__StableLM"])
def test_a_readme_that_covers_no_weights_is_quiet(tmp_path, name):
    """The same READMEs in the code repositories, which ship no weights: their prose is about what
    the project distributes elsewhere, and nothing here is a model to restrict."""
    root = _corpus_repo(tmp_path, name, weights=False)
    assert not any("README without card metadata" in f.message for fs in findings(root).values() for f in fs)


@pytest.mark.parametrize("readme", [
    # an unrelated sentence that mentions a restriction: not licence prose
    "# Acme model\n\nWe compare it with several non-commercial models and research-only baselines.\n\n"
    "## License\n\nApache 2.0.\n",
    # a licence section that grants what the words could take away
    "# Acme model\n\n## License\n\nThe weights are released under Apache 2.0, for commercial and non-commercial use.\n",
    # the restriction is about the data, not what the README's weights are under
    "# Acme model\n\nThe evaluation data is released for non-commercial research use only.\n",
])
def test_mentions_grants_and_other_artefacts_are_quiet(make_repo, readme):
    root = make_repo({"README.md": readme, "LICENSE": _apache(), "model.safetensors": WEIGHTS})
    found = findings(root)
    assert not {"WGT002", "USE001", "DEC004"} & set(found), {r: [f.message for f in fs] for r, fs in found.items()}


def test_a_model_cards_sentence_of_restricted_use_is_its_prose(make_repo):
    """The same sentence in a model card (front matter) is the card's prose beyond its metadata:
    WGT002 at the rule's severity, as for a usage notice."""
    readme = card("license: apache-2.0\nlibrary_name: x", "# M\n\nThe weights are released for non-commercial research use only.\n")
    root = make_repo({"README.md": readme, "model.safetensors": WEIGHTS})
    [weights] = findings(root)["WGT002"]
    assert weights.severity.value == "warning"
    assert "read from a sentence of README.md, beyond the licence its metadata declares" in weights.message
