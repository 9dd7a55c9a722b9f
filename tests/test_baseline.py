"""Baselines: an old repository adopts the hook and starts green; only new findings fail."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import card, run_cli

from modelicense.baseline import BaselineError, dumps, loads
from modelicense.model import Finding, Location, Severity


def old_repo(make_repo) -> Path:
    return make_repo({"README.md": card("license: other\nlibrary_name: x"),
                      "data/README.md": card("pretty_name: d\ntask_categories:\n- x")})


def test_write_then_use_starts_green(make_repo, tmp_path):
    root = old_repo(make_repo)
    baseline = tmp_path / "baseline.json"
    assert run_cli("scan", str(root)).returncode == 1
    written = run_cli("scan", str(root), "--write-baseline", str(baseline))
    assert written.returncode == 0, written.stderr
    assert "wrote 2 finding(s)" in written.stderr
    doc = json.loads(baseline.read_text())
    assert doc["version"] == 1 and {e["rule"] for e in doc["findings"]} == {"DEC001", "DEC002"}
    assert all(set(e) == {"rule", "path", "fingerprint", "message"} for e in doc["findings"])
    assert run_cli("scan", str(root), "--baseline", str(baseline)).returncode == 0


def test_lines_moving_do_not_bring_a_finding_back_but_a_new_one_fails(make_repo, tmp_path):
    root = old_repo(make_repo)
    baseline = tmp_path / "baseline.json"
    run_cli("scan", str(root), "--write-baseline", str(baseline))
    (root / "README.md").write_text(card("library_name: x\npipeline_tag: text-generation\ntags:\n- a\nlicense: other"))
    assert run_cli("scan", str(root), "--baseline", str(baseline)).returncode == 0
    (root / "other_card.md").write_text("")  # not a card name: ignored
    (root / "model_card.md").write_text(card("license: apache-3.0\nlibrary_name: y"))
    proc = run_cli("scan", str(root), "--baseline", str(baseline), "--format", "json")
    assert proc.returncode == 1
    assert [(f["rule"], f["path"]) for f in json.loads(proc.stdout)["findings"]] == [("DEC003", "model_card.md")]


def test_baseline_from_configuration_is_relative_to_it(make_repo):
    root = old_repo(make_repo)
    # No ci/ yet: the folder is created (safe_io.write_replacing).
    assert run_cli("scan", str(root), "--write-baseline", str(root / "ci" / "baseline.json")).returncode == 0
    (root / ".modelicense.toml").write_text('baseline = "ci/baseline.json"\n')
    assert run_cli("scan", str(root)).returncode == 0


def test_missing_or_broken_baseline_is_a_usage_error(make_repo, tmp_path):
    root = old_repo(make_repo)
    missing = run_cli("scan", str(root), "--baseline", str(tmp_path / "nope.json"))
    assert missing.returncode == 2 and "nope.json" in missing.stderr and "does not exist" in missing.stderr
    broken = tmp_path / "broken.json"
    broken.write_text('{\n  "version": 1,\n  "findings": [\n')
    proc = run_cli("scan", str(root), "--baseline", str(broken))
    assert proc.returncode == 2 and "broken.json:4" in proc.stderr and "Traceback" not in proc.stderr


def test_loads_checks_version_and_fields():
    finding = Finding("DEC001", Severity.WARNING, "m", Location("README.md", 3), fingerprint="abc")
    baseline = loads(dumps([finding]), "b.json")
    assert finding in baseline
    moved = Finding("DEC001", Severity.WARNING, "m", Location("README.md", 30), fingerprint="abc")
    assert moved in baseline
    for bad, expected in (('{"version": 2, "findings": []}', "version 2"), ('{"version": 1, "findings": [{}]}', "findings[0]"),
                          ("[]", "not a modelicense baseline")):
        try:
            loads(bad, "b.json")
        except BaselineError as exc:
            assert expected in str(exc)
        else:
            raise AssertionError(bad)


def test_real_cards_adopt_a_baseline(corpus, tmp_path):
    cards = [str(corpus / "hf-dataset-cards" / name) for name in ("imdb", "hellaswag", "hatexplain")]
    baseline = tmp_path / "baseline.json"
    assert run_cli("scan", *cards, "--write-baseline", str(baseline)).returncode == 0
    assert {e["rule"] for e in json.loads(baseline.read_text())["findings"]} >= {"DEC001", "DEC002", "DEC004"}
    assert run_cli("scan", *cards, "--baseline", str(baseline)).returncode == 0
