"""Progress on stderr (files read, texts sent to scancode): on a terminal, or when asked; never
for machine formats or when stdout is all there is. The command runs with stdout and stderr on
pseudo-terminals of their own, as in an interactive shell. MODELICENSE_PROGRESS_AFTER moves the
two-second threshold, so nothing here depends on how fast the machine is."""

from __future__ import annotations

import os
import pty
import select
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import card


def run_on_terminals(args: list[str], env: dict[str, str], stdout_tty: bool = True,
                     stderr_tty: bool = True) -> tuple[bytes, bytes, int]:
    """(stdout, stderr, exit code) with each stream on its own pty, or a pipe."""
    ends, streams = {}, {}
    for name, tty in (("stdout", stdout_tty), ("stderr", stderr_tty)):
        if tty:
            controller, terminal = pty.openpty()
        else:
            controller, terminal = os.pipe()
        ends[name], streams[name] = controller, terminal
    proc = subprocess.Popen([sys.executable, "-m", "modelicense", *args], stdout=streams["stdout"],
                            stderr=streams["stderr"], stdin=subprocess.DEVNULL, env=env)
    for fd in streams.values():
        os.close(fd)
    out = {name: b"" for name in ends}
    open_ends = dict(ends)
    while open_ends:
        ready, _, _ = select.select(list(open_ends.values()), [], [], 300)
        if not ready:
            break
        for name, fd in list(open_ends.items()):
            if fd in ready:
                try:
                    chunk = os.read(fd, 65536)
                except OSError:  # EIO: the child closed its terminal
                    chunk = b""
                if chunk:
                    out[name] += chunk
                else:
                    os.close(fd)
                    del open_ends[name]
    code = proc.wait(timeout=300)
    return out["stdout"], out["stderr"], code


def environment(**overrides: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    env.update({"TERM": "xterm", "MODELICENSE_PROGRESS_AFTER": "0", **overrides})
    return env


@pytest.fixture
def repo(make_repo) -> Path:
    return make_repo({"README.md": card("license: apache-3.0"), "LICENSE": "MIT License\n", "src/a.py": "x = 1\n"})


def test_on_a_terminal_progress_is_one_line_redrawn_then_erased(repo):
    stdout, stderr, code = run_on_terminals(["scan", str(repo)], environment())
    assert code == 1
    assert b"\r\x1b[Kmodelicense: " in stderr and b"files read" in stderr
    assert stderr.endswith(b"\r\x1b[K")  # erased: the report starts on a clean line
    assert b"files read" not in stdout and b"DEC003 [warning]" in stdout


def test_a_scan_that_ends_before_the_threshold_prints_nothing(repo):
    _, stderr, code = run_on_terminals(["scan", str(repo)], environment(MODELICENSE_PROGRESS_AFTER="3600"))
    assert (code, stderr) == (1, b"")


@pytest.mark.parametrize("args", [["--format", "json"], ["--format", "sarif"], ["--format", "github"],
                                  ["--quiet"], ["--no-progress"], ["--format", "json", "--progress"]])
def test_never_for_machine_formats_quiet_or_when_turned_off(repo, args):
    _, stderr, _ = run_on_terminals(["scan", str(repo), *args], environment())
    assert b"files read" not in stderr


def test_not_in_a_pipe_unless_asked(repo):
    _, stderr, _ = run_on_terminals(["scan", str(repo)], environment(), stdout_tty=False, stderr_tty=False)
    assert stderr == b""
    _, stderr, _ = run_on_terminals(["scan", str(repo), "--progress"], environment(), stdout_tty=False,
                                    stderr_tty=False)
    lines = stderr.decode().splitlines()
    assert lines and lines[-1].startswith("modelicense: 3/3 files read") and lines[-1].endswith(", done")
    assert "\x1b" not in stderr.decode()  # a log gets lines, not terminal redraws


def test_texts_sent_to_scancode_are_counted(make_repo):
    pytest.importorskip("licensedcode", reason="scancode-toolkit is not installed (pip install -e '.[test-full]')")
    root = make_repo({"LICENSE": "The Frobnicator Licence\n\nYou may use this software for peaceful purposes only. "
                                 "Redistribution requires written permission from the authors.\n",
                      "README.md": card("license: other")})
    env = environment()
    env.pop("MODELICENSE_NO_SCANCODE", None)
    _, stderr, _ = run_on_terminals(["scan", str(root), "--no-cache", "--progress"], env, stdout_tty=False,
                                    stderr_tty=False)
    assert "1 licence text sent to scancode" in stderr.decode().splitlines()[-1]
