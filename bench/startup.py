"""Start-up cost of a warm hook run: modelicense against `python -c "import click, yaml"`.

    python bench/startup.py [--runs 21] [--python /path/to/venv/bin/python] [--model-repo meta-llama__llama3]

The issue's first target in isolation (bench/run.py measures it among everything else): both
commands run in the same interpreter, alternately (so that load on a shared machine hits both
alike), on a copy of one corpus model repository made into a git work tree, with a detection
cache warmed by one run first. modelicense runs as `python -m modelicense` from the interpreter's
installation when it has one (`--python` of a venv where it is pip-installed), else from this
checkout's src/, byte-compiled into a folder of the bench's own. Reports medians of CPU time
(user + system, the steadier figure on a shared machine), wall time and peak memory.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from run import PROJECT, model_repo, timed


def main() -> None:
    parser = argparse.ArgumentParser(description="warm start-up of modelicense against import click, yaml")
    parser.add_argument("--runs", type=int, default=21)
    parser.add_argument("--python", default=sys.executable, help="interpreter (e.g. of a venv with modelicense installed)")
    shared = Path(os.environ.get("MODELICENSE_SHARED", PROJECT.parent / "shared"))
    parser.add_argument("--corpus", type=Path, default=shared / "corpus")
    parser.add_argument("--model-repo", default="meta-llama__llama3")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="modelicense-startup-"))
    env = {**os.environ, "MODELICENSE_CACHE_DIR": str(work / "cache"), "PYTHONPYCACHEPREFIX": str(work / "pycache")}
    for name in ("MODELICENSE_NO_SCANCODE", "PYTHONDONTWRITEBYTECODE", "PYTHONPATH"):
        env.pop(name, None)
    installed = subprocess.run([args.python, "-c", "import modelicense"], env=env, capture_output=True,
                               check=False).returncode == 0
    if not installed:
        env["PYTHONPATH"] = str(PROJECT / "src")
    try:
        repo = model_repo(args.corpus, args.model_repo, work)
        commands = {
            "python -c 'import click, yaml'": [args.python, "-c", "import click, yaml"],
            "modelicense scan (warm cache)": [args.python, "-m", "modelicense", "scan", "."],
        }
        for cmd in commands.values():  # warm-up: byte-code, page cache, detection cache
            subprocess.run(cmd, cwd=repo, env=env, capture_output=True, check=False)
        samples: dict[str, list[tuple[float, float, float]]] = {name: [] for name in commands}
        for _ in range(args.runs):
            for name, cmd in commands.items():
                wall, peak, cpu, proc = timed(cmd, repo, env)
                if proc.returncode not in (0, 1):
                    raise SystemExit(f"{name}: exit {proc.returncode}\n{proc.stderr[-2000:]}")
                samples[name].append((cpu, wall, peak))
        medians = {name: [statistics.median(column) for column in zip(*rows)] for name, rows in samples.items()}
        print(f"{args.model_repo}, {args.runs} alternating runs, modelicense "
              f"{'installed' if installed else 'from src/'} ({args.python})")
        print("| run | CPU (s) | wall (s) | peak RSS (MB) |\n|---|---:|---:|---:|")
        for name, (cpu, wall, peak) in medians.items():
            print(f"| {name} | {cpu:.3f} | {wall:.3f} | {peak:.0f} |")
        (base_cpu, base_wall, _), (cpu, wall, peak) = medians.values()
        print(f"\nratio: {cpu / base_cpu:.2f}× CPU, {wall / base_wall:.2f}× wall; peak {peak:.0f} MB "
              f"(targets: ≤ 1.5×, < 60 MB)")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
