"""The command-line contract of DESIGN.md: options, exit codes, JSON fields."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import FIXTURES, card, findings_text, run_cli
from modelicense import __version__
from modelicense.cli import cli, main


def test_version():
    result = CliRunner().invoke(cli, ["--version"])
    assert result.exit_code == 0
    assert __version__ in result.output


def test_clean_repository_exits_zero(make_repo):
    root = make_repo({"README.md": card("license: mit\nlibrary_name: transformers")})
    assert main(["scan", str(root)]) == 0


def test_unrecognised_licence_exits_one_and_is_reported(make_repo, capsys):
    root = make_repo({"README.md": card("license: apache-3.0\nlibrary_name: transformers")})
    assert main(["scan", str(root), "--format", "json"]) == 1
    report = json.loads(capsys.readouterr().out)
    assert [(f["rule"], f["path"], f["line"], f["column"]) for f in report["findings"]] == [("DEC003", "README.md", 2, 10)]
    assert report["findings"][0]["severity"] == "warning"


@pytest.mark.parametrize(("fail_on", "expected"), [("error", 0), ("warning", 1), ("info", 1), ("never", 0)])
def test_fail_on_threshold(make_repo, fail_on, expected):
    root = make_repo({"README.md": card("license: apache-3.0")})
    assert main(["scan", str(root), "--fail-on", fail_on]) == expected


def test_fail_on_from_configuration(make_repo):
    root = make_repo({"README.md": card("license: apache-3.0"), ".modelicense.toml": 'fail-on = "error"\n'})
    assert main(["scan", str(root)]) == 0


@pytest.mark.parametrize(
    "args",
    [
        ["scan", "--format", "xml", "."],
        ["scan", "--fail-on", "sometimes", "."],
        ["scan", "--no-such-option"],
        ["scan", "/definitely/not/here"],
        ["explain", "NOPE999"],
    ],
)
def test_usage_errors_exit_two(args):
    assert main(args) == 2


def test_bad_configuration_exits_two_with_file_and_key(make_repo, capsys):
    root = make_repo({"README.md": card("license: mit"), ".modelicense.toml": 'fail-on = "sometimes"\n'})
    assert main(["scan", str(root)]) == 2
    err = capsys.readouterr().err
    assert ".modelicense.toml:1: fail-on" in err


def test_unreadable_config_path_exits_two(make_repo):
    root = make_repo({"README.md": card("license: mit")})
    assert main(["scan", str(root), "--config", str(root / "missing.toml")]) == 2


def test_select_and_ignore(make_repo):
    root = make_repo({"README.md": card("license: apache-3.0")})
    assert main(["scan", str(root), "--ignore", "DEC003"]) == 0
    assert main(["scan", str(root), "--ignore", "dec"]) == 0
    assert main(["scan", str(root), "--select", "DEC005"]) == 0
    assert main(["scan", str(root), "--select", "DEC"]) == 1


def test_output_file(make_repo, tmp_path):
    root = make_repo({"README.md": card("license: apache-3.0")})
    out = tmp_path / "report.json"
    assert main(["scan", str(root), "--format", "json", "--output", str(out)]) == 1
    assert json.loads(out.read_text())["summary"]["warning"] == 1


def test_json_fields_match_the_contract(capsys):
    main(["scan", str(FIXTURES / "gpl-weights"), "--format", "json", "--fail-on", "never"])
    report = json.loads(capsys.readouterr().out)
    assert report["version"] == 1
    assert set(report) >= {"findings", "artefacts", "summary"}
    for finding in report["findings"]:
        assert set(finding) >= {"rule", "severity", "message", "path", "line", "column"}
        assert finding["severity"] in ("error", "warning", "info")
        assert "\\" not in finding["path"] and not finding["path"].startswith("/")
    card_artefact = next(a for a in report["artefacts"] if a["path"] == "README.md")
    assert card_artefact["kind"] == "model-card"
    first = card_artefact["declarations"][0]
    assert (first["raw"], first["license"], first["scope"], first["line"]) == ("gpl-3.0", "GPL-3.0-only", "weights", 3)


def test_text_output_has_the_location_the_line_a_caret_and_help(make_repo):
    root = make_repo({"README.md": card("license: apache-3.0")})
    proc = run_cli("scan", str(root), "--no-color")
    assert proc.returncode == 1
    lines = findings_text(proc.stdout).splitlines()
    assert lines[0].startswith("README.md:2:10: DEC003 [warning] license: licence 'apache-3.0' is not")
    assert lines[1:5] == ["  |", "2 | license: apache-3.0", "  |          ^^^^^^^^^^", "  |"]
    assert lines[5].startswith("  = help: Use an id from https://huggingface.co/docs/hub/repositories-licenses")
    assert "Found 1 finding: 1 warning." in lines
    assert lines[-1].startswith("Run `modelicense explain DEC003`")
    assert "\x1b[" not in proc.stdout  # no colour when not on a terminal


def test_quiet_prints_nothing_when_clean(make_repo):
    root = make_repo({"README.md": card("license: mit")})
    proc = run_cli("scan", str(root), "--quiet")
    assert (proc.returncode, proc.stdout) == (0, "")


def test_subprocess_exit_codes(make_repo):
    clean = make_repo({"README.md": card("license: mit")})
    broken = make_repo({"README.md": card("license: apache-3.0")})
    assert run_cli("scan", str(clean)).returncode == 0
    assert run_cli("scan", str(broken)).returncode == 1
    missing = run_cli("scan", str(clean / "nope"))
    assert missing.returncode == 2
    assert "does not exist" in missing.stderr
    assert "Traceback" not in missing.stderr


def test_default_path_is_current_directory(make_repo):
    root = make_repo({"README.md": card("license: apache-3.0")})
    assert run_cli("scan", cwd=root).returncode == 1


def test_rules_and_explain_list_every_rule():
    result = CliRunner().invoke(cli, ["rules"])
    assert result.exit_code == 0
    ids = [line.split()[0] for line in result.output.splitlines()]
    assert "DEC003" in ids
    for rule_id in ids:
        explained = CliRunner().invoke(cli, ["explain", rule_id.lower()])
        assert explained.exit_code == 0 and explained.output.startswith(rule_id)


def test_several_roots_prefix_paths(make_repo, capsys):
    first = make_repo({"README.md": card("license: apache-3.0")})
    second = make_repo({"README.md": card("license: mit-x")})
    main(["scan", str(first), str(second), "--format", "json"])
    paths = sorted(f["path"] for f in json.loads(capsys.readouterr().out)["findings"])
    assert paths == sorted([f"{first}/README.md", f"{second}/README.md"])


def test_example_from_readme_runs(tmp_path: Path):
    proc = run_cli("scan", str(FIXTURES / "gpl-weights"))
    assert proc.returncode in (0, 1)
    assert "Traceback" not in proc.stderr


def test_the_command_skips_teardown_but_loses_no_output(make_repo, tmp_path: Path):
    """`python -m modelicense` leaves by os._exit (modelicense.entry): the report on stdout, a
    report written with --output, and a large report through a pipe all arrive whole."""
    root = make_repo({f"m{n}/README.md": card("license: apache-3.0") for n in range(300)})
    piped = run_cli("scan", "--format", "json", str(root))
    assert piped.returncode == 1
    assert len(json.loads(piped.stdout)["findings"]) == 300
    out = tmp_path / "report.json"
    written = run_cli("scan", "--format", "json", "--output", str(out), str(root))
    assert written.returncode == 1 and written.stdout == ""
    assert json.loads(out.read_text())["findings"] == json.loads(piped.stdout)["findings"]


def test_json_declarations_say_license_and_keep_the_old_spelling_while_version_is_1(make_repo, capsys):
    root = make_repo({"README.md": card("license: gpl-3.0\nlibrary_name: transformers")})
    main(["scan", "--format", "json", "--fail-on", "never", str(root)])
    report = json.loads(capsys.readouterr().out)
    [declaration] = [d for a in report["artefacts"] for d in a["declarations"] if d["field"] == "license"]
    assert report["version"] == 1
    assert (declaration["license"], declaration["license_ids"]) == ("GPL-3.0-only", ["GPL-3.0-only"])
    assert (declaration["licence"], declaration["licence_ids"]) == (declaration["license"], declaration["license_ids"])


# --- suggestions, families, errors without the usage banner, rules as JSON ---------------------


@pytest.mark.parametrize(("args", "hint"), [
    (["scan", "--fail-on", "warn", "."], "Did you mean 'warning'?"),
    (["scan", "--format", "jsn", "."], "Did you mean 'json'?"),
    (["scan", "--color", "allways", "."], "Did you mean 'always'?"),
    (["scan", "--select", "DEC03", "."], "did you mean 'DEC003'?"),
    (["scan", "--ignore", "WGTT", "."], "did you mean 'WGT'?"),
    (["explain", "WGT01"], "did you mean 'WGT001'?"),
    (["rules", "--format", "jsno"], "Did you mean 'json'?"),
])
def test_a_mistyped_value_gets_the_closest_match_and_the_usage_line(args, hint):
    proc = run_cli(*args)
    assert proc.returncode == 2
    assert hint in proc.stderr
    assert proc.stderr.startswith("Usage: modelicense")  # the command line was wrong: show how it goes


def test_nothing_close_suggests_nothing():
    proc = run_cli("scan", "--fail-on", "sometimes", ".")
    assert proc.returncode == 2 and "did you mean" not in proc.stderr.lower()


@pytest.mark.parametrize("setup", ["bad-config", "missing-config", "unwritable-output", "bad-baseline"])
def test_configuration_and_io_errors_are_one_line_without_the_usage_banner(make_repo, tmp_path, setup):
    root = make_repo({"README.md": card("license: mit")})
    args = ["scan", str(root)]
    if setup == "bad-config":
        (root / ".modelicense.toml").write_text('fail-on = "sometimes"\n')
    elif setup == "missing-config":
        args += ["--config", str(tmp_path / "nope.toml")]
    elif setup == "unwritable-output":
        (tmp_path / "file").write_text("")
        args += ["--output", str(tmp_path / "file" / "report.txt")]
    else:
        (tmp_path / "baseline.json").write_text("{not json")
        args += ["--baseline", str(tmp_path / "baseline.json")]
    proc = run_cli(*args)
    assert proc.returncode == 2
    assert proc.stderr.startswith("Error: ") and len(proc.stderr.strip().splitlines()) == 1, proc.stderr
    assert "Usage:" not in proc.stderr and "--help" not in proc.stderr and "Traceback" not in proc.stderr


def test_explain_a_family_lists_its_rules():
    proc = run_cli("explain", "dec")
    assert proc.returncode == 0
    ids = [line.split()[0] for line in proc.stdout.splitlines() if line.startswith("DEC")]
    listed = [line.split()[0] for line in run_cli("rules").stdout.splitlines() if line.startswith("DEC")]
    assert ids == listed and len(ids) >= 8
    assert "modelicense explain DEC001" in proc.stdout


def test_rules_as_json_carry_what_explain_prints():
    proc = run_cli("rules", "--format", "json")
    assert proc.returncode == 0
    report = json.loads(proc.stdout)
    assert report["version"] == 1
    by_id = {rule["id"]: rule for rule in report["rules"]}
    assert list(by_id) == [line.split()[0] for line in run_cli("rules").stdout.splitlines()]
    wgt = by_id["WGT001"]
    assert (wgt["name"], wgt["family"], wgt["severity"]) == ("copyleft-weights", "WGT", "warning")
    explained = run_cli("explain", "WGT001").stdout
    assert wgt["summary"] in explained and wgt["documentation"] in explained
    assert wgt["fix"].startswith("Licence the weights under terms written for models or data")


@pytest.mark.parametrize(("toml", "hint"), [('fail-on = "warn"\n', "did you mean 'warning'?"),
                                           ('ignore = ["DAT0004"]\n', "did you mean 'DAT004'?"),
                                           ('[severity]\nWGT01 = "info"\n', "did you mean 'WGT001'?")])
def test_a_mistyped_configuration_value_gets_the_closest_match(make_repo, toml, hint):
    root = make_repo({"README.md": card("license: mit"), ".modelicense.toml": toml})
    proc = run_cli("scan", str(root))
    assert proc.returncode == 2 and hint in proc.stderr and "Usage:" not in proc.stderr
