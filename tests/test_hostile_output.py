"""Issue 13, "workflow commands forged outside --format github" and "links a reviewer may click":
whatever the repository wrote, what modelicense prints cannot drive a GitHub runner, and what it
renders cannot be clicked. Real command, real files, the runner's environment variable."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import card, run_cli, safetensors_file

STOP = re.compile(r"^::stop-commands::(modelicense-[0-9a-f]{32})$")


def _run(*args: str, cwd: Path, actions: bool) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("GITHUB_")}
    if actions:
        env["GITHUB_ACTIONS"] = "true"
    return subprocess.run([sys.executable, "-m", "modelicense", *args], cwd=cwd, capture_output=True, text=True,
                          env=env, timeout=300, check=False)


def _commands_the_runner_would_run(output: str) -> list[str]:
    """The lines a runner would take as workflow commands, honouring ::stop-commands::."""
    commands, stopped = [], None
    for line in output.splitlines():
        if stopped:
            if line.strip() == f"::{stopped}::":
                stopped = None
            continue
        match = STOP.match(line.strip())
        if match:
            stopped = match.group(1)
            continue
        if line.lstrip().startswith("::") or "##[" in line:
            commands.append(line)
    return commands


def test_configuration_key_forging_commands_is_one_escaped_error_annotation(make_repo):
    root = make_repo({"README.md": card("license: mit"),
                      ".modelicense.toml": '"x\\n::error file=README.md::forged\\n::add-mask::secret" = 1\n'})
    proc = _run("scan", ".", cwd=root, actions=True)
    assert proc.returncode == 2
    commands = _commands_the_runner_would_run(proc.stdout + proc.stderr)
    assert len(commands) == 1 and commands[0].startswith("::error title=modelicense::"), proc.stderr
    assert "unknown key" in commands[0]
    plain = _run("scan", ".", cwd=root, actions=False)  # outside Actions the key is still quoted
    assert plain.returncode == 2 and not any(line.startswith("::") for line in plain.stderr.splitlines())


@pytest.mark.parametrize("output_format", ["text", "json", "markdown", "sarif"])
def test_reports_cannot_start_a_workflow_command(make_repo, output_format):
    root = make_repo({"::error file=x::forged/LICENSE": "MIT License\n",
                      "README.md": card('license: "##[error]forged"'),
                      "model.safetensors": safetensors_file()}, git=True)
    proc = _run("scan", "--format", output_format, ".", cwd=root, actions=True)
    assert proc.returncode in (0, 1), proc.stderr
    assert _commands_the_runner_would_run(proc.stdout + proc.stderr) == []
    assert "forged" in proc.stdout  # reported, not dropped


def test_github_format_annotations_are_the_only_commands(make_repo):
    root = make_repo({"::error file=x::forged/LICENSE": "MIT License\n", "README.md": card('license: "##[error]x"'),
                      "model.safetensors": safetensors_file()}, git=True)
    proc = _run("scan", "--format", "github", ".", cwd=root, actions=True)
    commands = _commands_the_runner_would_run(proc.stdout)
    assert commands and all(re.match(r"^::(error|warning|notice) ", line) for line in commands), commands
    assert not any(line.startswith("::error file=x::") for line in proc.stdout.splitlines())


def test_clean_reports_are_not_wrapped(make_repo):
    root = make_repo({"README.md": card("license: mit")}, git=True)
    proc = _run("scan", ".", cwd=root, actions=True)
    assert "stop-commands" not in proc.stdout


def test_markdown_never_links_repository_strings(make_repo):
    root = make_repo({"README.md": card("license: see https://evil.example/x, www.evil.example or boss@evil.example"),
                      "model.safetensors": safetensors_file()}, git=True)
    proc = run_cli("scan", "--format", "markdown", str(root))
    assert proc.returncode == 1
    text = proc.stdout
    # Each is inside a code span, where GitHub neither autolinks nor renders markup.
    for value in ("https://evil.example/x,", "www.evil.example", "boss@evil.example"):
        assert f"`{value}`" in text or f"`{value.rstrip(',')}`" in text, (value, text)
    spans_removed = re.sub(r"`[^`]*`", "", text)
    assert "evil.example" not in spans_removed


def test_sarif_messages_keep_links_as_text(make_repo):
    root = make_repo({"README.md": card("license: '[click me](https://evil.example)'"),
                      "model.safetensors": safetensors_file()}, git=True)
    sarif = json.loads(run_cli("scan", "--format", "sarif", str(root)).stdout)
    messages = [r["message"]["text"] for r in sarif["runs"][0]["results"]]
    assert any("\\[click me\\](https://evil.example)" in m for m in messages), messages
    assert not any(re.search(r"(?<!\\)\[click me(?<!\\)\]", m) for m in messages)


def test_double_dash_ends_the_options(make_repo):
    root = make_repo({"README.md": card("license: gpl-3.0"), "model.safetensors": safetensors_file()}, git=True)
    proc = run_cli("scan", "--format", "json", "--", "--ignore=WGT", cwd=root)
    assert proc.returncode == 2 and "--ignore=WGT" in proc.stderr
    proc = run_cli("scan", "--format", "json", "--", ".", cwd=root)
    assert proc.returncode == 1 and "WGT001" in proc.stdout
