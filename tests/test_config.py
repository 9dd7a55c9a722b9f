"""Configuration: what each key does, and that a bad file is exit 2 with file, line and what is wrong."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import card, run_cli

from modelicense.cli import main
from modelicense.config import ConfigError, load

UNRECOGNISED = card("license: apache-3.0\nlibrary_name: x")  # one DEC003 warning at README.md:2


def rules(root: Path, *args: str) -> list[tuple[str, str]]:
    proc = run_cli("scan", str(root), "--format", "json", "--fail-on", "never", *args)
    assert proc.returncode == 0, proc.stderr
    return [(f["rule"], f["severity"]) for f in json.loads(proc.stdout)["findings"]]


def test_pyproject_table_is_read(make_repo):
    root = make_repo({"README.md": UNRECOGNISED, "pyproject.toml": "[tool.modelicense]\nignore = ['DEC003']\n"})
    assert rules(root) == []


def test_dotfile_is_read_and_keys_stand_at_top_level(make_repo):
    root = make_repo({"README.md": UNRECOGNISED, ".modelicense.toml": "select = ['BAS']\n"})
    assert rules(root) == []


def test_per_rule_severity_and_prefix(make_repo):
    root = make_repo({"README.md": UNRECOGNISED, ".modelicense.toml": "[severity]\nDEC = 'error'\nDEC003 = 'info'\n"})
    assert rules(root) == [("DEC003", "info")]  # the rule's own id wins over its family prefix
    (root / ".modelicense.toml").write_text("[severity]\nDEC = 'error'\n")
    assert rules(root) == [("DEC003", "error")]


def test_fail_on_from_configuration_and_cli_wins(make_repo):
    root = make_repo({"README.md": UNRECOGNISED, ".modelicense.toml": "fail-on = 'error'\n"})
    assert main(["scan", str(root)]) == 0
    assert main(["scan", str(root), "--fail-on", "warning"]) == 1


def test_exclude_and_per_file_ignores(make_repo):
    files = {"README.md": UNRECOGNISED, "cards/a/README.md": UNRECOGNISED, "cards/b/README.md": UNRECOGNISED}
    root = make_repo({**files, ".modelicense.toml": "exclude = ['cards/a']\n[per-file-ignores]\n'cards/b/*' = ['DEC003']\n"})
    assert rules(root) == [("DEC003", "warning")]
    (root / ".modelicense.toml").write_text("[per-file-ignores]\n'cards' = ['DEC']\n")  # a folder covers what is under it
    assert rules(root) == [("DEC003", "warning")]


def test_allow_lists_resolve_aliases(make_repo):
    root = make_repo({"README.md": card("license: cc-by-nc-4.0\nlibrary_name: x"),
                      ".modelicense.toml": "[allow]\nweights = ['apache-2.0', 'cc by-nc 4.0']\n"})
    assert rules(root, "--select", "DEC") == []  # (WGT reports non-commercial weights; not this test's business)


def test_knowledge_override_teaches_a_licence(make_repo):
    toml = "[licences.acme-1]\nname = 'ACME Model Licence'\nkind = 'model'\nreason = 'our own licence, text in LICENSE'\n"
    root = make_repo({"README.md": card("license: acme-1\nlibrary_name: x"), ".modelicense.toml": toml})
    assert rules(root, "--select", "DEC") == []


@pytest.mark.parametrize(("toml", "where", "what"), [
    ("select = ['DEC']\ncolour = 'red'\n", ":2:", "colour: unknown key"),
    ("fail-on = 'sometimes'\n", ":1:", "fail-on: 'sometimes' must be one of"),
    ("\n[severity]\nDEC003 = 'fatal'\n", ":3:", "DEC003: 'fatal' must be error, warning or info"),
    ("[severity]\nnot-a-rule = 'info'\n", ":2:", "'not-a-rule' is not a rule id"),
    ("[per-file-ignores]\n'data/*' = ['DATA1']\n", ":2:", "'DATA1' is not a rule id or prefix"),
    ("select = ['DEC', 'XYZ']\n", ":1:", "'XYZ' is not a rule id or prefix"),
    ("ignore = ['DEC999']\n", ":1:", "'DEC999' is not a rule id or prefix"),
    ("[allow]\nmodels = ['MIT']\n", ":2:", "'models' is not an artefact scope"),
    ("[allow]\ncode = ['Not-A-Licence-9']\n", "", "allow.code: 'Not-A-Licence-9' is not a licence id"),
    ("select = ['DEC'\n", ":1", "invalid TOML: Unclosed array"),
    ("fail-on = 'error'\nselect = ['DEC',,]\n", ":2:", "invalid TOML"),
    ("[licences.acme]\nkind = 'model'\n", ":1:", "acme: every override needs a `reason`"),
    ("[licences.MIT]\ncopyleftness = 'none'\nreason = 'x'\n", ":2:", "MIT: unknown field(s) copyleftness"),
    ("[models.'acme/base']\nreason = 'x'\nlicence = 'mit'\nduty = ['notice']\n", ":4:", "unknown field(s) duty"),
    ("[datasets.foo]\nreason = 'x'\nlicence = 3\n", ":3:", "foo: licence must be a string"),
    ("[licences.acme]\nreason = 'x'\nkind = 'model'\nnon-commercial = 'yes'\n", ":4:",
     "acme: non_commercial must be true or false"),
    ("baseline = 3\n", ":1:", "baseline: must be the path"),
    ("severity = 'error'\n", ":1:", "severity: must be a table"),
])
def test_bad_configuration_is_exit_two_with_file_line_and_reason(make_repo, toml, where, what):
    root = make_repo({"README.md": card("license: mit"), ".modelicense.toml": toml})
    proc = run_cli("scan", str(root))
    assert proc.returncode == 2, proc.stdout
    assert f".modelicense.toml{where}" in proc.stderr and what in proc.stderr, proc.stderr
    assert "Traceback" not in proc.stderr


def test_load_prefers_pyproject_table_over_dotfile(make_repo):
    root = make_repo({"pyproject.toml": "[tool.modelicense]\nselect = ['BAS']\n", ".modelicense.toml": "select = ['CMP']\n"})
    assert load(None, root).select == ("BAS",)
    with pytest.raises(ConfigError):
        load(root / "nope.toml", root)


def test_unknown_rule_on_the_command_line_is_a_usage_error(make_repo):
    proc = run_cli("scan", str(make_repo({"README.md": UNRECOGNISED})), "--select", "DEC,QQQ")
    assert proc.returncode == 2 and "--select: QQQ names no rule" in proc.stderr


def test_overrides_take_the_public_spelling_license_and_the_old_one():
    from modelicense.config import from_mapping

    new = from_mapping({"licenses": {"acme-1.0": {"name": "ACME 1.0", "reason": "r"}},
                        "models": {"acme/base": {"license": "acme-1.0", "reason": "r"}}}, "test")
    old = from_mapping({"licences": {"acme-1.0": {"name": "ACME 1.0", "reason": "r"}},
                        "models": {"acme/base": {"licence": "acme-1.0", "reason": "r"}}}, "test")
    assert new.licences == old.licences and new.models == old.models
    assert new.models["acme/base"]["licence"] == "acme-1.0"
