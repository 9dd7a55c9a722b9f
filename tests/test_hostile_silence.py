"""Issue 13, "silence without trace": a repository that turns its own gate down is seen.

Each attack is rebuilt in a temporary repository and scanned with the real command. Each one
still gives exit 0 (the repository is allowed to configure itself), but the JSON summary counts
what was turned off, the GitHub annotations carry a notice that says it, the Markdown job summary
lists it, and `--isolated` (the fork-PR gate) brings the findings back.
"""

from __future__ import annotations

import json
import subprocess

import pytest
from conftest import card, run_cli, safetensors_file

GPL_WEIGHTS = {"README.md": card("license: gpl-3.0\ndatasets:\n- some/unknown-set"),
               "model.safetensors": safetensors_file()}
EVERY_FAMILY = '["DEC", "WGT", "DAT", "BAS", "USE", "CMP", "RUN", "OPN"]'


def _families_known() -> str:
    """Only the families that exist (a selector naming no rule is a configuration error)."""
    from modelicense.rules import all_rules

    families = sorted({rule.id[:3] for rule in all_rules()})
    return json.dumps(families)


ATTACKS = {
    "ignore-every-family": ({".modelicense.toml": "ignore = {families}\n"}, "rules"),
    "exclude-everything": ({".modelicense.toml": 'exclude = ["*"]\n'}, "paths"),
    "per-file-ignore-star": ({".modelicense.toml": '[per-file-ignores]\n"*" = {families}\n'}, "per-file-ignore"),
    "card-kind-fixed": ({".modelicense.toml": '[card-kinds]\n"README.md" = "dataset"\n'}, "card-kinds"),
    "fail-on-never": ({".modelicense.toml": 'fail-on = "never"\n'}, "fail-on"),
    "severity-lowered": ({".modelicense.toml": '[severity]\nWGT = "info"\nDAT = "info"\n'}, "severity"),
    "html-comment": ({"README.md": card("license: gpl-3.0\ndatasets:\n- some/unknown-set",
                                        "# A model\n<!-- modelicense: ignore[DEC,WGT,DAT,BAS,USE,CMP] x -->\n")},
                     "inline"),
}


def _repo(make_repo, extra: dict[str, str]) -> object:
    families = _families_known()
    files = {**GPL_WEIGHTS, **{k: v.replace("{families}", families) for k, v in extra.items()}}
    return make_repo(files, git=True)


@pytest.mark.parametrize("name", sorted(ATTACKS))
def test_each_way_to_silence_the_gate_is_counted_and_said(name, make_repo):
    extra, kind = ATTACKS[name]
    root = _repo(make_repo, extra)

    as_json = run_cli("scan", "--format", "json", str(root))
    report = json.loads(as_json.stdout)
    assert report["summary"]["silenced"][kind] >= 1, report["summary"]
    assert report["silenced"][0]["counts"][kind] >= 1

    github = run_cli("scan", "--format", "github", str(root), cwd=root)
    notices = [line for line in github.stdout.splitlines() if line.startswith("::notice title=modelicense::")]
    assert len(notices) == 1 and "turned off by configuration" in notices[0], github.stdout

    markdown = run_cli("scan", "--format", "markdown", str(root))
    assert "> **Turned off**:" in markdown.stdout

    sarif = json.loads(run_cli("scan", "--format", "sarif", str(root)).stdout)
    run = sarif["runs"][0]
    assert run["properties"]["silenced"][kind] >= 1
    assert run["invocations"][0]["toolConfigurationNotifications"]

    # The fork-PR gate: the repository's configuration and comments are not read.
    isolated = run_cli("scan", "--isolated", "--format", "json", str(root))
    assert isolated.returncode == 1, isolated.stderr
    found = json.loads(isolated.stdout)
    assert "WGT001" in {f["rule"] for f in found["findings"]}
    assert found["summary"]["hidden"] == 0 and found["silenced"][0]["isolated"] is True


def test_knowledge_override_is_listed_with_its_reason(make_repo):
    root = make_repo({"README.md": card("license: other\nbase_model: meta-llama/Llama-2-7b-hf"),
                      ".modelicense.toml": '[models."meta-llama/Llama-2-7b-hf"]\nlicence = "mit"\n'
                                           'reason = "we say so"\n'}, git=True)
    report = json.loads(run_cli("scan", "--format", "json", str(root)).stdout)
    assert report["silenced"][0]["overrides"] == [{"table": "models", "id": "meta-llama/Llama-2-7b-hf",
                                                   "reason": "we say so"}]
    assert report["summary"]["silenced"]["overrides"] == 1


def test_committed_baseline_hides_findings_visibly(make_repo):
    root = make_repo(GPL_WEIGHTS, git=True)
    assert run_cli("scan", str(root), "--write-baseline", str(root / "ci" / "base.json")).returncode == 0
    (root / ".modelicense.toml").write_text('baseline = "ci/base.json"\n', encoding="utf-8")
    plain = run_cli("scan", "--format", "json", str(root))
    assert plain.returncode == 0
    report = json.loads(plain.stdout)
    assert report["summary"]["findings"] == 0 and report["summary"]["silenced"]["baseline"] == 2
    assert {h["rule"] for h in report["silenced"][0]["hidden"]} == {"WGT001", "DAT006"}
    sarif = json.loads(run_cli("scan", "--format", "sarif", str(root)).stdout)
    suppressed = [r for r in sarif["runs"][0]["results"] if r.get("suppressions")]
    assert {r["ruleId"] for r in suppressed} == {"WGT001", "DAT006"}
    assert all(r["suppressions"][0]["kind"] == "external" for r in suppressed)
    # --isolated ignores the baseline the configuration names; one named on the command line applies.
    assert run_cli("scan", "--isolated", str(root)).returncode == 1
    named = run_cli("scan", "--isolated", "--baseline", str(root / "ci" / "base.json"), str(root))
    assert named.returncode == 0, named.stdout + named.stderr


def test_nothing_turned_off_says_nothing(make_repo):
    root = make_repo({"README.md": card("license: mit")}, git=True)
    report = json.loads(run_cli("scan", "--format", "json", str(root)).stdout)
    assert set(report["summary"]["silenced"].values()) == {0} and report["summary"]["hidden"] == 0
    github = run_cli("scan", "--format", "github", str(root))
    assert "::notice" not in github.stdout
    assert "Turned off" not in run_cli("scan", "--format", "markdown", str(root)).stdout


def test_inline_comment_in_sarif_is_an_in_source_suppression(make_repo):
    root = make_repo(dict(GPL_WEIGHTS, **{"README.md": card(
        "license: gpl-3.0  # modelicense: ignore[WGT001] shipped inside a GPL program")}), git=True)
    sarif = json.loads(run_cli("scan", "--format", "sarif", str(root)).stdout)
    (result,) = [r for r in sarif["runs"][0]["results"] if r["ruleId"] == "WGT001"]
    assert result["suppressions"] == [{"kind": "inSource", "status": "accepted",
                                       "justification": "inline README.md:2:19: shipped inside a GPL program"}]


def test_git_is_what_make_repo_uses():
    # These tests build git repositories: the scan lists files through git, as in CI.
    assert subprocess.run(["git", "--version"], capture_output=True, check=False).returncode == 0
