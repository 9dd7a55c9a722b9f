"""The text format (what a failing pre-commit hook shows): ruff's shape, through the real command
and through scan() + render on real repositories."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import card, findings_text, run_cli

from modelicense.config import Config
from modelicense.report import ReportOptions
from modelicense.report.text import render
from modelicense.scan import scan


def test_full_format_shows_the_declaring_line_with_a_caret_under_the_value(make_repo):
    root = make_repo({"README.md": card("license: gpl-3.0\nlibrary_name: transformers"),
                      "model.safetensors": b"\x02\x00\x00\x00\x00\x00\x00\x00{}"})
    proc = run_cli("scan", str(root))
    assert proc.returncode == 1
    block = findings_text(proc.stdout).split("\n\n")[0].splitlines()
    assert block[0].startswith("README.md:2:10: WGT001 [warning] the weights in model.safetensors are under GPL-3.0-only")
    assert block[1:5] == ["  |", "2 | license: gpl-3.0", "  |          ^^^^^^^", "  |"]
    assert block[5] == ("  = help: Licence the weights under terms written for models or data (Apache-2.0, OpenMDW, "
                        "CDLA-Permissive-2.0, or a model licence whose conditions you mean), and keep copyleft for the "
                        "code if you want it: declare code and weights separately (a LICENSE for the code and the "
                        "card's `license:` or a LICENSE-MODEL file for the weights).")


def test_summary_counts_by_severity_and_says_how_to_explain_and_suppress(make_repo):
    root = make_repo({"README.md": card("license: gpl-3.0\nbase_model: meta-llama/Llama-2-7b-hf"),
                      "model.safetensors": b"\x02\x00\x00\x00\x00\x00\x00\x00{}"})
    proc = run_cli("scan", str(root))
    tail = proc.stdout.rstrip("\n").split("\n\n")[-1].splitlines()
    assert tail[0].startswith("Found ") and "1 error" in tail[0] and "warning" in tail[0]
    assert tail[-1].startswith("Run `modelicense explain BAS001` for a rule's documentation.")
    assert "# modelicense: ignore[BAS001] <reason>" in tail[-1]


def test_the_suppression_the_summary_shows_works_as_written(make_repo):
    """Following the footer: the comment it prints, with a reason, on the finding's line."""
    front = "license: gpl-3.0\nlibrary_name: transformers"
    weights = b"\x02\x00\x00\x00\x00\x00\x00\x00{}"
    root = make_repo({"README.md": card(front), "model.safetensors": weights})
    footer = run_cli("scan", str(root)).stdout.rstrip().splitlines()[-1]
    comment = footer.split("add `", 1)[1].split("`", 1)[0].replace("<reason>", "weights ship inside a GPL program")
    fixed = make_repo({"README.md": card(front.replace("gpl-3.0", f"gpl-3.0  {comment}")), "model.safetensors": weights})
    assert run_cli("scan", str(fixed)).returncode == 0


def test_caret_stays_under_its_word_after_tabs_control_characters_and_wide_characters(make_repo):
    # A tab shown as one space, an escape shown as \x1b (4 cells), a CJK character 2 cells.
    root = make_repo({"train.py": "#\t\x1b汉 SPDX-License-Identifier: Apache-3.0\nprint(1)\n"})
    proc = run_cli("scan", str(root), "--select", "DEC003", "--color", "never")
    lines = findings_text(proc.stdout).splitlines()
    assert lines[0].startswith("train.py:1:31: DEC003 [warning] ")  # column in characters, not bytes
    assert lines[2] == "1 | # \\x1b汉 SPDX-License-Identifier: Apache-3.0"
    assert "\x1b" not in proc.stdout
    # "# " 2 cells, "\x1b" 4, "汉" 2, " SPDX-License-Identifier: " 26: the value starts 34 cells in.
    assert lines[3] == "  | " + " " * 34 + "^" * len("Apache-3.0")


def test_a_very_long_line_is_cut_around_the_column(make_repo):
    root = make_repo({"README.md": card("license: apache-3.0  # " + "x" * 5000)})
    proc = run_cli("scan", str(root), "--select", "DEC003")
    source = next(text for text in proc.stdout.splitlines() if text.startswith("2 | "))
    assert len(source) < 250 and source.endswith("…") and "license: apache-3.0" in source


def test_a_finding_without_a_line_has_no_snippet(make_repo):
    root = make_repo({"model.safetensors": b"\x02\x00\x00\x00\x00\x00\x00\x00{}"})  # weights, no licence at all
    proc = run_cli("scan", str(root))
    assert proc.returncode == 1
    first = findings_text(proc.stdout).split("\n\n")[0].splitlines()
    assert first[0].startswith("model.safetensors: DEC001 [warning] ")
    assert not any(text.endswith(" |") for text in first)
    assert first[1].startswith("  = help: ")


def test_the_source_line_comes_from_the_bytes_the_scan_read(make_repo):
    """Rendering reads no file: the line shown is the one scanned even if the file changes or
    disappears afterwards (and a weight file's bytes are never kept)."""
    root = make_repo({"README.md": card("license: apache-3.0")})
    [result] = [scan(root, Config(), ".")]
    (root / "README.md").write_text(card("license: mit"), encoding="utf-8")
    shown = render([result], ReportOptions())
    assert "2 | license: apache-3.0" in shown
    (root / "README.md").unlink()
    assert render([result], ReportOptions()) == shown
    assert set(result.lines) == {("README.md", 2)}


def test_concise_and_quiet_keep_one_line_per_finding(make_repo):
    root = make_repo({"README.md": card("license: gpl-3.0\nbase_model: meta-llama/Llama-2-7b-hf"),
                      "LICENSE": "MIT License\n\nPermission is hereby granted, free of charge"})
    concise = run_cli("scan", str(root), "--format", "concise")
    full = run_cli("scan", str(root))
    heads = [text for text in full.stdout.splitlines() if text.startswith("README.md:")]
    lines = concise.stdout.splitlines()
    assert concise.returncode == full.returncode == 1
    assert [text.split(" (see ")[0] for text in lines[:len(heads)]] == heads
    assert lines[len(heads):] == ["", full.stdout.split("\n\n")[-1].splitlines()[0]]
    quiet = run_cli("scan", str(root), "--quiet")
    assert quiet.stdout.splitlines() == lines[:len(heads)]
    assert all(" |" not in text and "help:" not in text for text in quiet.stdout.splitlines())


# --- colour: a real terminal (a pty), NO_COLOR, FORCE_COLOR, --color ---------------------------


def run_in_terminal(args: list[str], env: dict[str, str]) -> bytes:
    """The command with its stdout on a pseudo-terminal, as in an interactive shell."""
    controller, terminal = pty.openpty()
    with subprocess.Popen([sys.executable, "-m", "modelicense", *args], stdout=terminal, stderr=terminal,
                          stdin=subprocess.DEVNULL, env=env) as proc:
        os.close(terminal)
        chunks = []
        while True:
            try:
                chunk = os.read(controller, 65536)
            except OSError:  # EIO: the child closed the terminal
                break
            if not chunk:
                break
            chunks.append(chunk)
        proc.wait(timeout=300)
    os.close(controller)
    return b"".join(chunks)


@pytest.fixture
def failing(make_repo) -> Path:
    return make_repo({"README.md": card("license: apache-3.0")})


def _env(**overrides: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR", "TERM")}
    env["TERM"] = "xterm-256color"
    env.update(overrides)
    return env


ESC = b"\x1b["


@pytest.mark.parametrize(("args", "env", "coloured"), [
    ([], {}, True),                                   # a terminal: colour
    ([], {"NO_COLOR": "1"}, False),                   # https://no-color.org
    ([], {"TERM": "dumb"}, False),
    (["--color", "never"], {}, False),
    (["--color", "always"], {"NO_COLOR": "1"}, True),  # the option wins over the environment
    (["--format", "concise"], {}, True),
    (["--format", "json"], {}, False),                # machine formats never
], ids=["tty", "NO_COLOR", "dumb", "never", "always-beats-NO_COLOR", "concise", "json"])
def test_colour_on_a_terminal(failing, args, env, coloured):
    out = run_in_terminal(["scan", str(failing), *args], _env(**env))
    assert (ESC in out) is coloured, out[:300]
    assert b"DEC003" in out


@pytest.mark.parametrize(("args", "env", "coloured"), [
    ([], {}, False),                                  # a pipe: no colour
    ([], {"FORCE_COLOR": "1"}, True),                 # https://force-color.org
    ([], {"FORCE_COLOR": ""}, False),                 # empty means unset
    ([], {"FORCE_COLOR": "1", "NO_COLOR": "1"}, False),  # NO_COLOR first, as CPython decides
    (["--color", "always"], {}, True),
    (["--color", "always", "--format", "sarif"], {}, False),
], ids=["pipe", "FORCE_COLOR", "FORCE_COLOR-empty", "NO_COLOR-first", "always", "sarif"])
def test_colour_in_a_pipe(failing, args, env, coloured):
    proc = subprocess.run([sys.executable, "-m", "modelicense", "scan", str(failing), *args], capture_output=True,
                          env=_env(**env), timeout=300, check=False)
    assert (ESC in proc.stdout) is coloured
    assert proc.returncode == 1


def test_colour_never_goes_into_an_output_file(failing, tmp_path):
    target = tmp_path / "report.txt"
    run_in_terminal(["scan", str(failing), "--output", str(target)], _env(FORCE_COLOR="1"))
    assert b"DEC003" in target.read_bytes() and ESC not in target.read_bytes()


def test_with_several_roots_paths_in_messages_carry_their_root(make_repo):
    from conftest import FIXTURES

    workspace = make_repo({f"{root}/{p.name}": p.read_bytes() for root in ("a", "b")
                           for p in (FIXTURES / "gpl-weights").iterdir()})
    lines = run_cli("scan", "a", "b", "--format", "concise", cwd=workspace).stdout.splitlines()
    dec004 = [line for line in lines if " DEC004 " in line]
    assert [line.split(":", 1)[0] for line in dec004] == ["a/README.md", "b/README.md"]
    assert "in b/README.md, but b/LICENSE is the MIT text" in dec004[1] and dec004[1].endswith("(see b/LICENSE:1:1)")


def test_the_summary_says_what_configuration_and_comments_hid(make_repo):
    front = "license: apache-3.0\ndatasets:\n- tatsu-lab/alpaca  # modelicense: ignore[DAT001] we hold a licence from its owners"
    root = make_repo({"README.md": card(front), ".modelicense.toml": 'ignore = ["DAT004"]\n'})
    tail = run_cli("scan", str(root)).stdout.rstrip("\n").split("\n\n")[-1].splitlines()
    assert tail[0] == "Found 1 finding: 1 warning."
    assert tail[1] == ("Turned off by configuration: 1 rule not run, 1 finding hidden by inline comments "
                       "(--isolated reports without them).")
    assert run_cli("scan", str(root), "--format", "concise").stdout.splitlines()[-1] == tail[1]
    # --write-baseline: what it recorded is hidden by nothing yet, so nothing extra is said
    clean = make_repo({"README.md": card("license: mit")})
    assert "Turned off" not in run_cli("scan", str(clean)).stdout
