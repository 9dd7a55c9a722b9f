"""--format sarif: valid SARIF 2.1.0 (the official schema, draft-04), rule descriptors from the same
docstrings `explain` prints, and fingerprints that survive unrelated lines moving."""

from __future__ import annotations

import json
import os
from functools import lru_cache
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import SHARED, card, run_cli

from modelicense import __version__
from modelicense.cli import cli
from modelicense.model import Artefact, FileKind, Finding, Location, Repository, ScanResult, Severity
from modelicense.report import ReportOptions
from modelicense.report.sarif import FINGERPRINT_KEY, render
from modelicense.rules import all_rules

SCHEMA = SHARED / "schemas" / "sarif-schema-2.1.0.json"


@lru_cache(maxsize=1)
def _validator():
    import jsonschema

    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft4Validator.check_schema(schema)
    return jsonschema.Draft4Validator(schema)


def validate(report: dict) -> None:
    if not SCHEMA.is_file():
        pytest.skip(f"SARIF schema not found at {SCHEMA} (set MODELICENSE_SHARED to its parent folder)")
    errors = sorted(_validator().iter_errors(report), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors[:10])


def sarif_of(root: Path, *args: str) -> dict:
    proc = run_cli("scan", ".", "--format", "sarif", *args, cwd=root)
    assert proc.returncode in (0, 1), proc.stderr
    return json.loads(proc.stdout)


def test_scan_output_is_valid_sarif_with_located_results(make_repo):
    root = make_repo({"README.md": card("license: apache-3.0\nlibrary_name: transformers")})
    report = sarif_of(root)
    run = report["runs"][0]
    driver = run["tool"]["driver"]
    assert (driver["name"], driver["version"]) == ("modelicense", __version__)
    assert driver["informationUri"].startswith("https://")
    [result] = run["results"]
    assert result["ruleId"] == "DEC003" and result["level"] == "warning"
    assert driver["rules"][result["ruleIndex"]]["id"] == "DEC003"
    location = result["locations"][0]["physicalLocation"]
    assert location["artifactLocation"] == {"uri": "README.md", "uriBaseId": "%SRCROOT%"}
    assert location["region"] == {"startLine": 2, "startColumn": 10}
    assert len(result["partialFingerprints"][FINGERPRINT_KEY]) == 16
    validate(report)  # last: skips (schema absent) only after the other checks ran


def test_clean_scan_is_valid_sarif_with_every_rule_described(make_repo):
    report = sarif_of(make_repo({"README.md": card("license: mit")}))
    rules = report["runs"][0]["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == [r.id for r in all_rules()]
    assert report["runs"][0]["results"] == []
    validate(report)  # last: skips (schema absent) only after the other checks ran


@pytest.mark.parametrize("rule", all_rules(), ids=lambda r: r.id)
def test_rule_help_is_the_text_explain_prints(rule):
    [descriptor] = [d for d in json.loads(render([], ReportOptions()))["runs"][0]["tool"]["driver"]["rules"]
                    if d["id"] == rule.id]
    explained = CliRunner().invoke(cli, ["explain", rule.id]).output
    assert descriptor["help"]["text"] == explained.split("\n\n", 1)[1].rstrip("\n")
    assert descriptor["help"]["markdown"] == descriptor["help"]["text"]
    assert descriptor["shortDescription"]["text"] == rule.summary
    assert descriptor["fullDescription"]["text"]
    assert not descriptor["fullDescription"]["text"].startswith("#")
    assert descriptor["name"] == rule.name
    assert descriptor["defaultConfiguration"]["level"] == {"error": "error", "warning": "warning",
                                                           "info": "note"}[rule.severity.value]
    assert rule.family.lower() in descriptor["properties"]["tags"]


def test_fingerprint_stays_when_unrelated_lines_move(make_repo):
    before = sarif_of(make_repo({"README.md": card("license: apache-3.0")}))["runs"][0]["results"][0]
    moved = card("language: en\ntags:\n- text\n- chat\nlicense: apache-3.0")
    after = sarif_of(make_repo({"README.md": moved}))["runs"][0]["results"][0]
    region = lambda r: r["locations"][0]["physicalLocation"]["region"]["startLine"]
    assert (region(before), region(after)) == (2, 6)
    assert before["partialFingerprints"] == after["partialFingerprints"]


def test_whole_file_finding_stands_at_line_1_with_its_own_line_hash(make_repo, tmp_path):
    outside = tmp_path / "outside-licence"
    outside.write_text("MIT License\n")
    root = make_repo({"README.md": card("license: mit")})
    os.symlink(outside, root / "LICENSE")
    report = sarif_of(root)
    [result] = [r for r in report["runs"][0]["results"] if r["ruleId"] == "DEC006"]
    # GitHub places a result only by region.startLine (GH1003): the whole file is line 1, and the
    # result's own line hash means upload-sarif never opens the file to compute one.
    assert result["locations"][0]["physicalLocation"] == {"artifactLocation": {"uri": "LICENSE",
                                                                               "uriBaseId": "%SRCROOT%"},
                                                          "region": {"startLine": 1}}
    assert result["partialFingerprints"]["primaryLocationLineHash"] == result["partialFingerprints"][FINGERPRINT_KEY] + ":1"
    validate(report)  # last: skips (schema absent) only after the other checks ran


def _weights_result() -> list[ScanResult]:
    repository = Repository(".", (Artefact("weights/model 1%.safetensors", FileKind.WEIGHTS, size=10**10),))
    finding = Finding("DEC003", Severity.WARNING, "GPL [v3] in the header", Location("weights/model 1%.safetensors", 1),
                      related=(Location("README.md", 3, 10), Location("weights/model 1%.safetensors", 1)),
                      fingerprint="0123456789abcdef")
    return [ScanResult(".", repository, (finding,))]


def test_results_on_weight_files_carry_their_own_line_hash_and_stand_at_line_1():
    report = json.loads(render(_weights_result(), ReportOptions()))
    [result] = report["runs"][0]["results"]
    primary = result["locations"][0]["physicalLocation"]
    # Percent-encoded URI; line 1 and the result's own line hash, so upload-sarif never reads the binary.
    assert primary == {"artifactLocation": {"uri": "weights/model%201%25.safetensors", "uriBaseId": "%SRCROOT%"},
                       "region": {"startLine": 1}}
    assert result["partialFingerprints"] == {FINGERPRINT_KEY: "0123456789abcdef",
                                             "primaryLocationLineHash": "0123456789abcdef:1"}
    # Related locations are linked from the message (SARIF embedded links; literal brackets escaped).
    assert result["message"]["text"] == ("GPL \\[v3\\] in the header\nSee also: [README.md:3:10](1), "
                                         "[weights/model 1%.safetensors:1](2)")
    assert [r["id"] for r in result["relatedLocations"]] == [1, 2]
    assert result["relatedLocations"][0]["physicalLocation"]["region"] == {"startLine": 3, "startColumn": 10}
    assert result["relatedLocations"][1]["physicalLocation"]["region"] == {"startLine": 1}
    validate(report)  # last: skips (schema absent) only after the other checks ran


def test_absolute_root_gives_file_uris(make_repo):
    root = make_repo({"README.md": card("license: apache-3.0")})
    proc = run_cli("scan", str(root), "--format", "sarif")
    report = json.loads(proc.stdout)
    artifact = report["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert artifact == {"uri": (root / "README.md").as_uri()}
    validate(report)  # last: skips (schema absent) only after the other checks ran


def test_several_roots_share_one_run_with_paths_from_the_working_directory(make_repo, tmp_path):
    workspace = make_repo({"a/README.md": card("license: apache-3.0"), "b/README.md": card("license: apache-3.0")})
    proc = run_cli("scan", "a", "b", "--format", "sarif", cwd=workspace)
    report = json.loads(proc.stdout)
    [run] = report["runs"]
    uris = [r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in run["results"]]
    assert uris == ["a/README.md", "b/README.md"]
    validate(report)  # last: skips (schema absent) only after the other checks ran


def test_every_result_of_a_real_scan_has_a_start_line(make_repo):
    """GH1003: upload-sarif places results by region.startLine; file-level findings (on weight
    files, on a file that names no licence) stand at line 1 with their own line hash."""
    from conftest import safetensors_file

    root = make_repo({"model.safetensors": safetensors_file({"license": "gpl-3.0"}),
                      "other.safetensors": safetensors_file(), "README.md": card("license: apache-3.0")})
    proc = run_cli("scan", ".", "--format", "sarif", cwd=root)
    results = json.loads(proc.stdout)["runs"][0]["results"]
    assert {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in results} >= {
        "model.safetensors", "README.md"}
    for result in results:
        assert result["locations"][0]["physicalLocation"]["region"]["startLine"] >= 1, result
        if result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].endswith(".safetensors"):
            assert result["locations"][0]["physicalLocation"]["region"] == {"startLine": 1}
            assert "primaryLocationLineHash" in result["partialFingerprints"]


def test_paths_in_messages_are_written_as_in_the_locations(make_repo):
    from conftest import FIXTURES

    workspace = make_repo({f"models/a/{p.name}": p.read_bytes() for p in (FIXTURES / "gpl-weights").iterdir()})
    proc = run_cli("scan", "models/a", "--format", "sarif", cwd=workspace)
    [dec004] = [r for r in json.loads(proc.stdout)["runs"][0]["results"] if r["ruleId"] == "DEC004"]
    assert dec004["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "models/a/README.md"
    assert "in models/a/README.md, but models/a/LICENSE is the MIT text" in dec004["message"]["text"]
    assert dec004["message"]["text"].endswith("See also: [models/a/LICENSE:1:1](1)")
