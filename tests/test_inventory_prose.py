"""Licence prose in the inventory: the terms a model card's licence prose or a README without card
metadata states for the weights (the ones WGT002 and USE001 report) are the weights' own terms in
the inventory, so the answers users read — commercial use, redistribution, OSAID parameters — count
them, marked as read from prose.

Expectations come from the texts: "for non-commercial research use only" takes away commercial use
whatever `license: apache-2.0` grants; 2noise/ChatTTS's README says "The model is published under
`CC BY-NC 4.0` license." (its line 62) above an AGPL LICENSE, so its weights may not be used
commercially although the AGPL alone would allow it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import CORPUS, card, safetensors_file, scancode_licence_text

from modelicense.config import Config
from modelicense.config import load as load_config
from modelicense.inventory.build import inventory_of
from modelicense.report.inventory import rows
from modelicense.scan import build_repository, knowledge_for, scan

WEIGHTS = safetensors_file()


def inventory(root: Path):
    config = Config()
    knowledge = knowledge_for(config)
    return inventory_of(build_repository(root, config, knowledge), knowledge)


def weights_of(inv):
    [weights] = inv.of_kind("weights")
    return weights


def osaid(inv) -> dict[str, bool]:
    return {c.id: c.passes for c in inv.openness.osaid_components}


def _corpus_repo(tmp_path: Path, name: str) -> Path:
    source = CORPUS / "model-repos" / name
    if not source.is_dir():
        pytest.skip(f"shared corpus repository not found: {source} (set MODELICENSE_SHARED to its parent folder)")
    root = tmp_path / name
    shutil.copytree(source, root)
    (root / "model.safetensors").write_bytes(WEIGHTS)  # the Hub repository ships the weights
    return root


def test_a_cards_prose_restriction_under_apache_makes_commercial_use_no(make_repo):
    readme = card("license: apache-2.0", "# Tiny\n\n## License\n\nThe weights are released for non-commercial research use only.\n")
    inv = inventory(make_repo({"README.md": readme, "model.safetensors": WEIGHTS}))
    weights = weights_of(inv)
    prose = {t.kind: t for t in weights.terms if "licence prose" in t.evidence}
    assert set(prose) == {"non-commercial", "research-only"}
    assert all(t.origin == "own" and t.location.path == "README.md" and t.location.line == 9 for t in prose.values())
    assert weights.licence == "Apache-2.0"  # the metadata's licence stays the declared one
    assert weights.commercial.answer == "no" and inv.commercial.answer == "no"
    assert any("non-commercial research use only" in r.text for r in inv.commercial.reasons)
    assert "only for non-commercial use" in inv.redistribution.conditions
    assert osaid(inv)["parameters"] is False


def test_a_readme_without_card_metadata_naming_cc_by_nc_is_the_weights_only_licence_statement(make_repo):
    readme = "# Tiny model\n\nA small model.\n\n## License\n\nThe model is released under CC BY-NC 4.0.\n"
    inv = inventory(make_repo({"README.md": readme, "model.safetensors": WEIGHTS}))
    weights = weights_of(inv)
    assert [t.kind for t in weights.terms] == ["non-commercial"]
    assert weights.commercial.answer == "no"  # not "unknown": the publisher said it, in prose
    [(_name, licence, _terms, commercial)] = [r for r in rows(inv) if r[0] == "weights"]
    assert (licence, commercial) == ("prose: CC-BY-NC-4.0", "no")


def test_prose_that_grants_what_it_could_take_away_changes_nothing(make_repo):
    readme = "# Tiny\n\n## License\n\nThe weights are released under Apache 2.0, for commercial and non-commercial use.\n"
    inv = inventory(make_repo({"README.md": readme, "LICENSE": scancode_licence_text("apache-2.0"),
                               "model.safetensors": WEIGHTS}))
    weights = weights_of(inv)
    assert not [t for t in weights.terms if "licence prose" in t.evidence]
    assert weights.commercial.answer == "yes"


def test_a_software_readmes_prose_does_not_make_a_model(make_repo):
    readme = "# Tool\n\n## License\n\nThe bundled examples are for non-commercial use only.\n"
    inv = inventory(make_repo({"README.md": readme, "LICENSE": scancode_licence_text("mit"), "tool.py": "print(1)\n"}))
    assert inv.of_kind("weights") == ()
    assert inv.commercial.answer == "yes"


def test_chattts_weights_are_not_commercial_though_the_agpl_alone_would_allow_it(tmp_path):
    inv = inventory(_corpus_repo(tmp_path, "2noise__ChatTTS"))
    weights = weights_of(inv)
    assert weights.licence == "AGPL-3.0-only"
    [nc] = [t for t in weights.terms if t.kind == "non-commercial"]
    assert (nc.location.path, nc.location.line) == ("README.md", 62)
    assert "CC BY-NC 4.0" in nc.evidence
    assert weights.own_commercial.answer == "no" and inv.commercial.answer == "no"


def test_alpacas_readme_adds_research_only_to_the_weight_diff_licence(tmp_path):
    """tatsu-lab/stanford_alpaca: WEIGHT_DIFF_LICENSE is CC BY-NC 4.0; the README's Usage and
    License Notices (line 23) restrict use to research, which the licence does not."""
    inv = inventory(_corpus_repo(tmp_path, "tatsu-lab__stanford_alpaca"))
    terms = [t for a in inv.of_kind("weights") for t in a.terms]
    [research] = [t for t in terms if t.kind == "research-only"]
    assert (research.location.path, research.location.line) == ("README.md", 23)
    assert "non-commercial" in {t.kind for t in terms}


@pytest.mark.parametrize("files", [
    {"README.md": card("license: apache-2.0", "# M\n\nThe weights are released for non-commercial research use only.\n")},
    {"README.md": "# M\n\n## License\n\nThe weights are released under the MIT licence, but you may not use the model "
                  "for military purposes or surveillance.\n"},
    {"README.md": "# M\n\n## License\n\nThe model is released under CC BY-NC-ND 4.0.\n"},
])
def test_every_prose_term_a_rule_reports_is_a_term_of_the_weights(make_repo, files):
    """WGT002 and USE001 report what the inventory holds: the same term at the same words."""
    root = make_repo({**files, "model.safetensors": WEIGHTS})
    reported = {(f.location.path, f.location.line) for f in scan(root, load_config(None, root)).findings
                if f.rule in ("WGT002", "USE001") and f.location.path == "README.md"}
    assert reported
    held = {(t.location.path, t.location.line) for t in weights_of(inventory(root)).terms if t.location}
    assert reported <= held
