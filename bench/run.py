"""Benchmarks: modelicense against the tools and baselines a user would otherwise run.

    python bench/run.py [--runs 11] [--python VENV/bin/python] [--only startup,cards] [--write-readme]

Every row is measured against a reference **in the same run**, the commands of a group
alternating round by round (so load on a shared machine hits both alike), and reports its ratio
to that reference. Each command runs under GNU time (`/usr/bin/time -f %M`) for its peak memory;
CPU time is user + system time of the child processes (getrusage), wall time is taken around it.
A command that exits with anything but the code it must give (0: modelicense runs with
`--fail-on never`) aborts the benchmark: a crash is never timed as a result.

Inputs are built in a temporary folder at bench time (corpus files are copied there, never into
this repository) and removed afterwards:

- startup: `python -c "import click, yaml"` (the floor of any click + PyYAML tool) against a warm
  hook run on the llama3 repository, on a Hub-style model repository (a card with front matter and
  a safetensors file), and on the llama-models repository with scancode enabled (its cache holds
  scancode's answers);
- cold: a cold cache with the fast path alone and with scancode, against `scancode -l`;
- cards: the corpus's dataset cards in one process, and ten copies of them (is it linear?);
- files: a generated repository of source files with SPDX headers, against `reuse lint`;
- roots: 50 repositories in one call, `--jobs 1` against the default (all cores);
- weights: one safetensors file of 8 KiB against one of 8 GiB (sparse).

`--python` is the interpreter of a virtual environment where modelicense is pip-installed
(non-editable, so its byte-code is compiled, as pre-commit installs it); without it, this
checkout's src/ runs, byte-compiled into the bench's own folder. An installed modelicense runs as its
console script, as pre-commit runs the hook.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import shutil
import statistics
import struct
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

HERE = Path(__file__).resolve().parent
PROJECT = HERE.parent
TIME = "/usr/bin/time"
README_START, README_END = "<!-- bench:start -->", "<!-- bench:end -->"


@dataclass
class Command:
    name: str
    argv: list[str]
    cwd: Path
    env: dict[str, str]
    before: Callable[[], None] | None = None  # run before every sample (e.g. empty the cache)
    expect: int = 0  # the exit code it must give
    walls: list[float] = field(default_factory=list)
    cpus: list[float] = field(default_factory=list)
    peaks: list[float] = field(default_factory=list)

    @property
    def cpu(self) -> float:
        return statistics.median(self.cpus)

    @property
    def wall(self) -> float:
        return statistics.median(self.walls)

    @property
    def peak(self) -> float:
        return statistics.median(self.peaks)


class BenchmarkFailed(SystemExit):
    pass


def sample(command: Command) -> None:
    """Run once and record wall, CPU and peak memory; abort on an unexpected exit code."""
    if command.before:
        command.before()
    with tempfile.NamedTemporaryFile("r", suffix=".time") as out:
        usage = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        proc = subprocess.run([TIME, "-o", out.name, "-f", "%M", *command.argv], cwd=command.cwd,
                              env=command.env, capture_output=True, text=True, check=False)
        wall = time.perf_counter() - started
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        kb = (out.read().strip().splitlines() or ["0"])[-1]
    if proc.returncode != command.expect:
        raise BenchmarkFailed(f"{command.name}: exit {proc.returncode}, expected {command.expect}\n"
                              f"{proc.stderr[-3000:]}")
    command.walls.append(wall)
    command.cpus.append((after.ru_utime - usage.ru_utime) + (after.ru_stime - usage.ru_stime))
    command.peaks.append(int(kb) / 1024 if kb.isdigit() else 0.0)


def alternate(commands: list[Command], runs: int) -> None:
    """One warm-up each (byte-code, page cache, detection cache), then `runs` rounds in which
    every command runs once, in turn."""
    for command in commands:
        if command.before:
            command.before()
        warm = subprocess.run(command.argv, cwd=command.cwd, env=command.env, capture_output=True, text=True,
                              check=False)
        if warm.returncode != command.expect:
            raise BenchmarkFailed(f"{command.name}: exit {warm.returncode}, expected {command.expect}\n"
                                  f"{warm.stderr[-3000:]}")
    for _ in range(runs):
        for command in commands:
            sample(command)
    for command in commands:
        print(f"  {command.name}: {command.cpu:.3f} s CPU, {command.wall:.3f} s wall, {command.peak:.0f} MB "
              f"(median of {runs})", file=sys.stderr, flush=True)


@dataclass
class Row:
    name: str
    command: Command
    reference: Command | None
    measure: str = "cpu"  # which figure the ratio compares: cpu or wall
    note: str = ""
    target: str = ""  # issue 17's target for the row, as the README states it
    met: Callable[[], bool] | None = None  # whether this run meets it

    def verdict(self) -> str:
        if not self.target:
            return ""
        if self.met is None:
            return self.target
        return f"{self.target}: {'met' if self.met() else '**not met**'}"

    def ratio(self) -> str:
        if self.reference is None:
            return ""
        ours = getattr(self.command, self.measure)
        theirs = getattr(self.reference, self.measure)
        return f"{ours / theirs:.2f}× {self.measure}" if theirs else "—"


# --- inputs ------------------------------------------------------------------------------------


def git_init(root: Path) -> None:
    env = {**os.environ, "GIT_AUTHOR_NAME": "b", "GIT_AUTHOR_EMAIL": "b@example.com",
           "GIT_COMMITTER_NAME": "b", "GIT_COMMITTER_EMAIL": "b@example.com"}
    for args in (["init", "-q"], ["add", "-A"], ["commit", "-qm", "bench"]):
        subprocess.run(["git", *args], cwd=root, check=True, env=env, capture_output=True)


def model_repo(corpus: Path, name: str, work: Path) -> Path:
    root = work / f"model-repo-{name}"
    shutil.copytree(corpus / "model-repos" / name, root)
    git_init(root)
    return root


CARD = """---
license: apache-2.0
library_name: transformers
base_model: mistralai/Mistral-7B-v0.1
datasets:
- allenai/c4
---

# Generated model
"""


def safetensors_bytes() -> bytes:
    header = json.dumps({"__metadata__": {"license": "apache-2.0"},
                         "w": {"dtype": "F32", "shape": [1], "data_offsets": [0, 4]}}).encode()
    return struct.pack("<Q", len(header)) + header + b"\0\0\0\0"


def hub_repo(work: Path) -> Path:
    """A model repository as the Hub holds them: a card with front matter and a weight file."""
    root = work / "hub-repo"
    root.mkdir()
    (root / "README.md").write_text(CARD)
    (root / "config.json").write_text('{"architectures": ["MistralForCausalLM"]}\n')
    (root / "model.safetensors").write_bytes(safetensors_bytes())
    git_init(root)
    return root


def generated_repo(work: Path, files: int, apache: str) -> Path:
    root = work / "generated-repo"
    (root / "LICENSES").mkdir(parents=True)
    (root / "LICENSES" / "Apache-2.0.txt").write_text(apache)
    (root / "LICENSE").write_text(apache)
    (root / "README.md").write_text(CARD)
    (root / "REUSE.toml").write_text(
        'version = 1\n\n[[annotations]]\npath = ["README.md", "LICENSE"]\n'
        'SPDX-FileCopyrightText = "2025 Bench"\nSPDX-License-Identifier = "Apache-2.0"\n')
    for n in range(files):
        folder = root / "src" / f"pkg{n // 500:03d}"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"module_{n:05d}.py").write_text(
            "# SPDX-FileCopyrightText: 2025 Bench\n# SPDX-License-Identifier: Apache-2.0\n\n"
            f"def f{n}():\n    return {n}\n")
    git_init(root)
    return root


def apache_text(corpus: Path) -> str:
    """The Apache-2.0 text of a corpus repository (copied into the bench's folder, never here)."""
    return (corpus / "model-repos" / "facebookresearch__segment-anything" / "LICENSE").read_text("utf-8")


def dataset_cards(corpus: Path, work: Path, copies: int) -> tuple[Path, int]:
    root = work / f"dataset-cards-x{copies}"
    count = 0
    for copy in range(copies):
        for group in ("hf-dataset-cards", "hf-dataset-cards-legacy"):
            for card in sorted((corpus / group).glob("*/README.md")):
                target = root / f"copy{copy}" / group / card.parent.name / "README.md"
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(card, target)
                count += 1
    return root, count


def many_roots(corpus: Path, work: Path, count: int) -> list[Path]:
    """`count` real repositories: the corpus's model repositories in turn, each with a share of
    the corpus's dataset cards beside it (so each root is a few dozen milliseconds of work)."""
    sources = sorted(p for p in (corpus / "model-repos").iterdir() if p.is_dir())
    cards = sorted((corpus / "hf-dataset-cards").glob("*/README.md"))
    share = max(1, len(cards) // count)
    roots = []
    for n in range(count):
        root = work / "roots" / f"repo{n:02d}"
        shutil.copytree(sources[n % len(sources)], root)
        for card in cards[n * share:(n + 1) * share]:
            target = root / "data" / card.parent.name / "README.md"
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(card, target)
        roots.append(root)
    return roots


def sparse_weights(work: Path) -> dict[str, Path]:
    roots = {}
    for label, size in (("8 KiB", 8 * 1024), ("8 GiB", 8 * 1024**3)):
        root = work / f"weights-{label.replace(' ', '')}"
        root.mkdir()
        (root / "README.md").write_text(CARD)
        path = root / "model.safetensors"
        path.write_bytes(safetensors_bytes())
        with open(path, "r+b") as handle:
            handle.truncate(size)
        roots[label] = root
    return roots


# --- groups ------------------------------------------------------------------------------------


GROUPS = ("startup", "cold", "cards", "files", "roots", "weights")


def main() -> None:
    parser = argparse.ArgumentParser(description="modelicense benchmarks")
    parser.add_argument("--runs", type=int, default=11)
    parser.add_argument("--scancode-runs", type=int, default=3)
    parser.add_argument("--python", default=None, help="interpreter of a venv where modelicense is pip-installed")
    shared = Path(os.environ.get("MODELICENSE_SHARED", PROJECT.parent / "shared"))
    parser.add_argument("--corpus", type=Path, default=shared / "corpus")
    parser.add_argument("--files", type=int, default=20_000)
    parser.add_argument("--only", default=",".join(GROUPS), help=f"comma-separated groups: {', '.join(GROUPS)}")
    parser.add_argument("--write-readme", action="store_true", help="replace the table between the bench markers in README.md")
    args = parser.parse_args()
    groups = {g.strip() for g in args.only.split(",") if g.strip()}
    if groups - set(GROUPS):
        parser.error(f"unknown groups: {', '.join(sorted(groups - set(GROUPS)))}")
    if not args.corpus.is_dir():
        raise SystemExit(f"corpus not found at {args.corpus} (--corpus or MODELICENSE_SHARED)")
    if not shutil.which(TIME):
        raise SystemExit(f"{TIME} (GNU time) is needed for peak memory")

    work = Path(tempfile.mkdtemp(prefix="modelicense-bench-"))
    cache = work / "cache"
    python = args.python or sys.executable
    env = {**os.environ, "MODELICENSE_CACHE_DIR": str(cache), "PYTHONPYCACHEPREFIX": str(work / "pycache")}
    for name in ("MODELICENSE_NO_SCANCODE", "PYTHONDONTWRITEBYTECODE", "PYTHONPATH"):
        env.pop(name, None)
    installed = args.python is not None and subprocess.run(
        [python, "-c", "import modelicense"], env=env, capture_output=True, check=False).returncode == 0
    if not installed:
        env["PYTHONPATH"] = str(PROJECT / "src")
    light = {**env, "MODELICENSE_NO_SCANCODE": "1"}
    # The console script, as pre-commit runs the hook (`python -m` would add runpy's imports).
    script = Path(python).parent / "modelicense"
    entry = [str(script)] if installed and script.is_file() else [python, "-m", "modelicense"]
    ml = [*entry, "scan", "--fail-on", "never"]
    baseline_argv = [python, "-c", "import click, yaml"]

    def clear() -> None:
        shutil.rmtree(cache, ignore_errors=True)

    rows: list[Row] = []
    print(f"inputs in {work}; modelicense {'installed in ' + python if installed else 'from src/'}", file=sys.stderr)
    try:
        if "startup" in groups:
            llama3 = model_repo(args.corpus, "meta-llama__llama3", work)
            models = model_repo(args.corpus, "meta-llama__llama-models", work)
            hub = hub_repo(work)
            base = Command("python -c 'import click, yaml'", baseline_argv, llama3, light)
            warm_llama = Command("warm hook, meta-llama__llama3", [*ml, "."], llama3, light)
            warm_hub = Command("warm hook, Hub-style repo (card + safetensors)", [*ml, "."], hub, light)
            warm_sc = Command("warm hook, meta-llama__llama-models, scancode enabled", [*ml, "."], models, env)
            alternate([base, warm_llama, warm_hub, warm_sc], args.runs)
            rows += [Row(base.name, base, None),
                     Row(warm_llama.name, warm_llama, base, target="≤ 1.25×", met=lambda: warm_llama.cpu <= 1.25 * base.cpu),
                     Row(warm_hub.name, warm_hub, base, target="≤ 1.5×", met=lambda: warm_hub.cpu <= 1.5 * base.cpu),
                     Row(warm_sc.name, warm_sc, base, target="≤ 1.5×", met=lambda: warm_sc.cpu <= 1.5 * base.cpu)]
        if "cold" in groups:
            models = work / "model-repo-meta-llama__llama-models"
            if not models.is_dir():
                models = model_repo(args.corpus, "meta-llama__llama-models", work)
            cold_fast = Command("cold cache, fast path only (llama-models)", [*ml, "."], models, light, clear)
            commands = [cold_fast]
            scancode_tool = tool("scancode", python)
            if scancode_tool and subprocess.run([python, "-c", "import licensedcode"], env=env,
                                                           capture_output=True, check=False).returncode == 0:
                cold_sc = Command("cold cache, fast path + scancode (llama-models)", [*ml, "."], models, env, clear)
                scancode = Command("scancode -l (same repository)",
                                   [scancode_tool, "-l", "-q", "-n", "1", "--json", str(work / "sc.json"), "."], models, env)
                alternate([scancode, cold_sc, cold_fast], args.scancode_runs)
                rows += [Row(scancode.name, scancode, None, "wall"), Row(cold_sc.name, cold_sc, scancode, "wall"),
                         Row(cold_fast.name, cold_fast, scancode, "wall")]
            else:
                alternate(commands, args.runs)
                rows.append(Row(cold_fast.name, cold_fast, None, note="scancode not installed: no reference"))
        if "cards" in groups:
            one, n_one = dataset_cards(args.corpus, work, 1)
            ten, n_ten = dataset_cards(args.corpus, work, 10)
            small = Command(f"{n_one} dataset cards, one process", [*ml, "--format", "json", "."], one, light)
            large = Command(f"{n_ten} dataset cards, one process", [*ml, "--format", "json", "."], ten, light)
            alternate([small, large], max(3, args.runs // 2))
            small_note = f"{n_one / small.cpu:,.0f} cards/s CPU"
            # Linear means the per-card cost stays: the ratio below is per card, 1.00× is linear.
            per_card = (large.cpu / n_ten) / (small.cpu / n_one)
            rows += [Row(small.name, small, None, note=small_note, target="≥ 2,000 cards/s",
                         met=lambda: n_one / small.cpu >= 2000),
                     Row(large.name, large, None, note=f"{n_ten / large.cpu:,.0f} cards/s CPU; "
                                                        f"{per_card:.2f}× the per-card CPU of {n_one}",
                         target="≥ 2,000 cards/s, linear", met=lambda: n_ten / large.cpu >= 2000 and per_card <= 1.1)]
        if "files" in groups:
            generated = generated_repo(work, args.files, apache_text(args.corpus))
            ours = Command(f"modelicense warm, {args.files:,} files", [*ml, "."], generated, light)
            commands = [ours]
            reuse = None
            reuse_tool = tool("reuse", python)
            if reuse_tool:
                reuse = Command(f"reuse lint, {args.files:,} files", [reuse_tool, "lint", "-q"], generated, env)
                commands.insert(0, reuse)
            alternate(commands, max(1, args.scancode_runs))
            per_k = ours.cpu / args.files * 1000 * 1000
            if reuse is not None:
                rows.append(Row(reuse.name, reuse, None, note=f"{reuse.cpu / args.files * 1e6:.0f} ms CPU per 1,000 files"))
            rows.append(Row(ours.name, ours, reuse, note=f"{per_k:.0f} ms CPU per 1,000 files",
                            target="≤ 25 ms per 1,000 files", met=lambda: per_k <= 25))
        if "roots" in groups:
            roots = many_roots(args.corpus, work, 50)
            names = [str(r) for r in roots]
            serial = Command("50 repositories, --jobs 1", [*ml, "--jobs", "1", *names], work, light)
            parallel = Command(f"50 repositories, default jobs ({os.cpu_count()} cores)", [*ml, *names], work, light)
            alternate([serial, parallel], max(3, args.runs // 2))
            cores = os.cpu_count() or 1
            rows += [Row(serial.name, serial, None, "wall"),
                     Row(parallel.name, parallel, serial, "wall", target="all cores",
                         # all cores at work: the CPU time spread over the wall time of the run
                         note=f"{parallel.cpu / parallel.wall:.1f} cores busy on average",
                         met=lambda: parallel.wall < serial.wall and parallel.cpu / parallel.wall > 0.75 * min(cores, 50))]
        if "weights" in groups:
            weights = sparse_weights(work)
            small = Command("one 8 KiB safetensors file", [*ml, "."], weights["8 KiB"], light)
            large = Command("one 8 GiB safetensors file (sparse)", [*ml, "."], weights["8 GiB"], light)
            alternate([small, large], args.runs)
            rows += [Row(small.name, small, None),
                     Row(large.name, large, small, target="≈ 1.00×", met=lambda: large.cpu <= 1.1 * small.cpu)]
    finally:
        shutil.rmtree(work, ignore_errors=True)

    table = render(rows)
    print(table)
    if args.write_readme:
        write_readme(table)


def tool(name: str, python: str) -> str | None:
    """A command installed beside the benchmarked interpreter (its venv's bin), else on PATH."""
    beside = Path(python).parent / name
    return str(beside) if beside.is_file() else shutil.which(name)


def render(rows: list[Row]) -> str:
    lines = ["| run | CPU (s) | wall (s) | peak RSS (MB) | ratio, same run | note | target |",
             "|---|---:|---:|---:|---:|---|---|"]
    for row in rows:
        c = row.command
        against = f"{row.ratio()} of *{row.reference.name}*" if row.reference else ""
        lines.append(f"| {row.name} | {c.cpu:.3f} | {c.wall:.3f} | {c.peak:.0f} | {against} | {row.note} | {row.verdict()} |")
    return "\n".join(lines)


def write_readme(table: str) -> None:
    readme = PROJECT / "README.md"
    text = readme.read_text("utf-8")
    pattern = re.compile(re.escape(README_START) + r".*?" + re.escape(README_END), re.S)
    if not pattern.search(text):
        raise SystemExit(f"README.md has no {README_START} … {README_END} block")
    readme.write_text(pattern.sub(lambda _: f"{README_START}\n{table}\n{README_END}", text), "utf-8")


if __name__ == "__main__":
    main()
