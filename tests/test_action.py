"""action.yml, run the way the runner runs a composite action: each step's `run` in bash, with its
`env:` expressions evaluated from the inputs, and GITHUB_ACTION_PATH, GITHUB_WORKSPACE,
GITHUB_STEP_SUMMARY, GITHUB_OUTPUT and RUNNER_TEMP set.

The install step is run for real once per module (a venv and `pip install` of a copy of this
checkout, so the dependencies come from the package index, as on a runner); each test then runs
the scan step against its own workspace."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml
from conftest import PROJECT, SHARED, card

ACTION = yaml.safe_load((PROJECT / "action.yml").read_text(encoding="utf-8"))
STEPS = ACTION["runs"]["steps"]
EXPRESSION = re.compile(r"\$\{\{\s*([\w.-]+)\s*\}\}")


# --- what the file must be -------------------------------------------------------------------


def test_composite_action_with_shells_and_no_interpolated_scripts():
    assert ACTION["runs"]["using"] == "composite"
    for step in STEPS:
        assert "run" in step, "only run steps: the action must be testable and need no other action"
        assert step["shell"] == "bash", step.get("name")
        # Inputs reach scripts through env only; an input holding `"; rm -rf ~` stays a string.
        assert "${{" not in step["run"], step.get("name")


def test_every_input_is_used_and_every_expression_names_a_declared_input():
    declared = set(ACTION["inputs"])
    used = set()
    for step in STEPS:
        for value in (step.get("env") or {}).values():
            for name in EXPRESSION.findall(str(value)):
                scope, _, key = name.partition(".")
                assert scope == "inputs", name
                assert key in declared, name
                used.add(key)
    assert used == declared
    for name, spec in ACTION["inputs"].items():
        assert spec.get("description"), name


# --- running it ------------------------------------------------------------------------------


def evaluate(value: str, context: dict[str, dict[str, str]]) -> str:
    def lookup(match: re.Match) -> str:
        scope, _, key = match.group(1).partition(".")
        return context[scope][key]

    return EXPRESSION.sub(lookup, str(value))


class Runner:
    """The parts of a GitHub runner a composite action's run steps see."""

    def __init__(self, action_path: Path, temp: Path):
        self.action_path = action_path
        self.temp = temp

    def run_step(self, step: dict, workspace: Path, inputs: dict[str, str], home: Path,
                 extra_env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
        values = {name: str(spec.get("default", "")) for name, spec in ACTION["inputs"].items()}
        values.update(inputs)
        env = {k: v for k, v in os.environ.items() if not k.startswith(("GITHUB_", "INPUT_"))}
        env.pop("PYTHONPATH", None)  # the action must run what it installed, not this checkout's src/
        env.update(
            GITHUB_ACTIONS="true",
            GITHUB_ACTION_PATH=str(self.action_path),
            GITHUB_WORKSPACE=str(workspace),
            GITHUB_STEP_SUMMARY=str(home / "summary.md"),
            GITHUB_OUTPUT=str(home / "output.txt"),
            RUNNER_TEMP=str(self.temp),
        )
        env.update(extra_env or {})
        env.update({k: evaluate(v, {"inputs": values}) for k, v in (step.get("env") or {}).items()})
        # The runner starts composite steps in the workspace with `bash --noprofile --norc -eo pipefail {0}`.
        script = home / "step.sh"
        script.write_text(step["run"], encoding="utf-8")
        return subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", str(script)], cwd=workspace,
                              env=env, capture_output=True, text=True, timeout=600, check=False)


def _copy_checkout(destination: Path) -> None:
    ignore = shutil.ignore_patterns(".git", ".venv", "build", "dist", "*.egg-info", "__pycache__", ".pytest_cache")
    shutil.copytree(PROJECT, destination, ignore=ignore)


@pytest.fixture(scope="module")
def runner(tmp_path_factory) -> Runner:
    base = tmp_path_factory.mktemp("action")
    action_path = base / "action"
    _copy_checkout(action_path)  # pip builds in the source tree; keep that out of this checkout
    temp = base / "runner-temp"
    temp.mkdir()
    runner = Runner(action_path, temp)
    home = base / "install"
    home.mkdir()
    # The install step runs in a workspace a pull request controls (issue 13): it must use none of it.
    hostile = _hostile_workspace(base / "hostile-install", MARKERS)
    proc = runner.run_step(STEPS[0], hostile, {}, home)
    assert proc.returncode == 0, f"install step failed (it needs the package index):\n{proc.stdout}\n{proc.stderr}"
    assert "modelicense" in proc.stdout
    assert not list(MARKERS.glob("*")), f"code from the workspace ran: {sorted(p.name for p in MARKERS.glob('*'))}"
    return runner


MARKERS = Path(os.environ.get("TMPDIR", "/tmp")) / f"modelicense-action-markers-{os.getpid()}"


def _hostile_workspace(folder: Path, markers: Path) -> Path:
    """What a pull request can add to the workspace so that Python, started there, runs it: a
    `pip` or `venv` module shadowing the real one, a fake `modelicense` package that reports
    nothing and exits 0, a sitecustomize. Each leaves a marker file if it runs."""
    markers.mkdir(parents=True, exist_ok=True)

    def leave(name: str) -> str:
        return f"import pathlib; pathlib.Path({str(markers / name)!r}).write_text('ran')\n"

    files = {
        "pip/__init__.py": leave("pip-init"),
        "pip/__main__.py": leave("pip-main"),
        "venv.py": leave("venv"),
        "ensurepip/__init__.py": leave("ensurepip"),
        "sitecustomize.py": leave("sitecustomize"),
        "modelicense/__init__.py": leave("modelicense-init"),
        "modelicense/__main__.py": leave("modelicense-main") + "print('modelicense: 0 findings'); raise SystemExit(0)\n",
    }
    for rel, text in files.items():
        path = folder / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return folder


def run_scan(runner: Runner, workspace: Path, tmp_path: Path, **inputs: str):
    home = tmp_path / "home"
    home.mkdir(exist_ok=True)
    (home / "summary.md").write_text("", encoding="utf-8")
    proc = runner.run_step(STEPS[1], workspace, inputs, home)
    summary = (home / "summary.md").read_text(encoding="utf-8")
    output = (home / "output.txt").read_text(encoding="utf-8") if (home / "output.txt").exists() else ""
    return proc, summary, output


FAILING = {"README.md": card("license: gpl-3.0\nlibrary_name: transformers"),
           "model.safetensors": b"\x02\x00\x00\x00\x00\x00\x00\x00{}"}
ANNOTATION = "::warning file=README.md,line=2,col=10,title=WGT001 copyleft-weights::"


def test_default_run_annotates_summarises_and_fails(runner, make_repo, tmp_path):
    workspace = make_repo(FAILING, git=True)
    proc, summary, output = run_scan(runner, workspace, tmp_path)
    assert proc.returncode == 1, proc.stderr
    assert any(line.startswith(ANNOTATION) for line in proc.stdout.splitlines()), proc.stdout
    assert summary.startswith("## modelicense\n")
    assert "| README.md | model-card |" in summary and "### 🟠 Warnings (1)" in summary
    assert "exit-code=1" in output.splitlines()


def test_fail_on_error_passes_but_still_annotates(runner, make_repo, tmp_path):
    workspace = make_repo(FAILING, git=True)
    proc, _, output = run_scan(runner, workspace, tmp_path, **{"fail-on": "error"})
    assert proc.returncode == 0, proc.stderr
    assert ANNOTATION in proc.stdout
    assert "exit-code=0" in output.splitlines()


def test_sarif_file_is_written_even_when_the_step_fails(runner, make_repo, tmp_path):
    workspace = make_repo(FAILING, git=True)
    # out/ does not exist: it is created (safe_io.write_replacing).
    proc, summary, _ = run_scan(runner, workspace, tmp_path, **{"sarif-file": "out/modelicense.sarif"})
    assert proc.returncode == 1, proc.stderr
    report = json.loads((workspace / "out" / "modelicense.sarif").read_text(encoding="utf-8"))
    assert [r["ruleId"] for r in report["runs"][0]["results"]] == ["WGT001"]
    assert summary.count("## modelicense") == 1  # one summary, from the annotation run
    schema = SHARED / "schemas" / "sarif-schema-2.1.0.json"
    if schema.is_file():
        import jsonschema

        jsonschema.Draft4Validator(json.loads(schema.read_text(encoding="utf-8"))).validate(report)


def test_clean_workspace_passes_and_summary_can_be_turned_off(runner, make_repo, tmp_path):
    workspace = make_repo({"README.md": card("license: mit")}, git=True)
    proc, summary, _ = run_scan(runner, workspace, tmp_path, summary="false")
    assert proc.returncode == 0, proc.stderr
    assert summary == ""
    assert proc.stdout.strip() == "modelicense: 0 findings"


def test_hostile_inputs_stay_strings(runner, make_repo, tmp_path):
    workspace = make_repo({"README.md": card("license: mit")}, git=True)
    proc, _, output = run_scan(runner, workspace, tmp_path, paths='. ";touch pwned1"', config="$(touch pwned2)",
                               **{"fail-on": "warning`touch pwned3`"})
    assert proc.returncode == 2, proc.stdout + proc.stderr
    assert not list(workspace.glob("pwned*")) and not list(Path.cwd().glob("pwned*"))
    assert "exit-code=2" in output.splitlines()


def test_scans_a_subfolder_with_paths_relative_to_the_workspace(runner, make_repo, tmp_path):
    workspace = make_repo({"models/a/README.md": card("license: apache-3.0"),
                           "models/b/README.md": card("license: gpl-3.0"), "README.md": "# monorepo\n"}, git=True)
    proc, _, _ = run_scan(runner, workspace, tmp_path, paths="models/a\nmodels/b\n", **{"fail-on": "never"})
    assert proc.returncode == 0, proc.stderr
    assert "::warning file=models/a/README.md,line=2,col=10,title=DEC003" in proc.stdout
    assert "::warning file=models/b/README.md,line=2,col=10,title=WGT001" in proc.stdout


def test_only_changed_annotates_what_the_pull_request_changes(runner, make_repo, tmp_path):
    """A recorded pull_request event and a real history checked out as the merge commit; SARIF
    (the other scan) still lists every finding."""
    from test_only_changed import pull_request_checkout

    workspace, event = pull_request_checkout(make_repo, tmp_path, {"models/b/README.md": card("license: mit-2")})
    home = tmp_path / "home"
    home.mkdir()
    (home / "summary.md").write_text("", encoding="utf-8")
    # The runner sets GITHUB_EVENT_PATH for every step of a pull_request run.
    proc = runner.run_step(STEPS[1], workspace, {"only-changed": "true", "sarif-file": "out.sarif"}, home,
                           extra_env={"GITHUB_EVENT_PATH": str(event)})
    assert proc.returncode == 1, proc.stdout + proc.stderr
    files = {line.split("file=", 1)[1].split(",", 1)[0] for line in proc.stdout.splitlines() if line.startswith("::warning")}
    assert files == {"models/b/README.md"}
    sarif = json.loads((workspace / "out.sarif").read_text(encoding="utf-8"))
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in sarif["runs"][0]["results"]}
    assert uris == {"models/a/README.md", "models/b/README.md"}


# --- a hostile workspace (issue 13) -----------------------------------------------------------


def test_scan_step_ignores_modules_planted_in_the_workspace(runner, make_repo, tmp_path):
    workspace = _hostile_workspace(make_repo(FAILING, git=True), MARKERS)
    proc, summary, output = run_scan(runner, workspace, tmp_path, **{"sarif-file": "report.sarif"})
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert any(line.startswith(ANNOTATION) for line in proc.stdout.splitlines()), proc.stdout
    assert "exit-code=1" in output.splitlines()
    assert not list(MARKERS.glob("*")), sorted(p.name for p in MARKERS.glob("*"))


def test_a_path_that_looks_like_an_option_is_a_path(runner, make_repo, tmp_path):
    workspace = make_repo(FAILING, git=True)
    proc, _, output = run_scan(runner, workspace, tmp_path, paths="--ignore=DEC,WGT,DAT,BAS,USE,CMP --output=x.json")
    assert proc.returncode == 2, proc.stdout + proc.stderr
    assert not (workspace / "x.json").exists()
    (error,) = [line for line in proc.stderr.splitlines() if line.startswith("::error")]
    assert error.startswith("::error title=modelicense::") and "--ignore=DEC,WGT,DAT,BAS,USE,CMP" in error
    assert "exit-code=2" in output.splitlines()


def test_exit_2_is_an_error_annotation_that_says_why(runner, make_repo, tmp_path):
    workspace = make_repo(dict(FAILING, **{".modelicense.toml": '"x\\n::add-mask::secret" = 1\n'}), git=True)
    proc, _, output = run_scan(runner, workspace, tmp_path)
    assert proc.returncode == 2
    errors = [line for line in proc.stderr.splitlines() if line.startswith("::")]
    assert len(errors) == 1 and errors[0].startswith("::error title=modelicense::"), proc.stderr
    assert "unknown key" in errors[0]
    assert not any(line.startswith("::add-mask::") for line in (proc.stdout + proc.stderr).splitlines())


def test_sarif_file_that_is_a_committed_link_is_not_written_through(runner, make_repo, tmp_path):
    outside = tmp_path / "victim.txt"
    outside.write_text("keep me\n", encoding="utf-8")
    workspace = make_repo(FAILING, git=True)
    (workspace / "report.sarif").symlink_to(outside)
    proc, _, _ = run_scan(runner, workspace, tmp_path, **{"sarif-file": "report.sarif"})
    assert proc.returncode == 2
    assert outside.read_text(encoding="utf-8") == "keep me\n"
    assert any(line.startswith("::error title=modelicense::") and "symlink" in line for line in proc.stderr.splitlines())


def test_isolated_input_brings_back_what_the_pull_request_turned_off(runner, make_repo, tmp_path):
    files = dict(FAILING, **{"README.md": card("license: gpl-3.0\nlibrary_name: transformers",
                                               "# A model\n<!-- modelicense: ignore[DEC,WGT,DAT,BAS,USE,CMP] x -->\n"),
                             ".modelicense.toml": 'fail-on = "never"\nignore = ["WGT"]\n'})
    workspace = make_repo(files, git=True)
    proc, summary, _ = run_scan(runner, workspace, tmp_path)
    assert proc.returncode == 0
    assert proc.stdout.startswith("::notice title=modelicense::turned off by configuration:"), proc.stdout
    assert "Turned off" in summary
    proc, summary, output = run_scan(runner, workspace, tmp_path, isolated="true")
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert any(line.startswith(ANNOTATION) for line in proc.stdout.splitlines()), proc.stdout
    assert "--isolated" in summary
    proc, _, _ = run_scan(runner, workspace, tmp_path, isolated="yes")
    assert proc.returncode == 2 and "::error title=modelicense::the isolated input" in proc.stdout
