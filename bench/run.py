"""Benchmarks: modelicense (warm and cold cache) against the tools users would run instead.

    python bench/run.py [--runs 5] [--corpus ../shared/corpus] [--model-repo meta-llama__llama-models]

Public tools only: every command runs under GNU time (`/usr/bin/time -f %M`) for its peak
resident memory, with wall time (time.perf_counter) and CPU time (getrusage of the children)
taken around it; the table reports the median of --runs runs. Inputs are built in a
temporary folder at bench time (corpus files are copied there, never into this repository):

- model repo: a copy of one corpus model repository, as a git work tree (the hook's view);
- generated repo: 20,000 source files with SPDX headers, a model card, LICENSE and LICENSES/;
- dataset cards: the corpus's 497 Hugging Face dataset cards, scanned in one process;
- sparse weights: a safetensors file of 8 KiB and one of 8 GiB (sparse, made by truncate).

modelicense runs as `python -m modelicense` from this checkout's src/ (no installation needed).
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
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
PROJECT = HERE.parent
TIME = "/usr/bin/time"


@dataclass
class Measure:
    name: str
    wall: float  # median seconds
    peak_mb: float  # median peak RSS in MB
    cpu: float  # median user + system seconds (steadier than wall time on a shared machine)
    runs: int
    note: str = ""


def timed(cmd: list[str], cwd: Path, env: dict[str, str], before=None) -> tuple[float, float, float, subprocess.CompletedProcess]:
    """Run once; (wall seconds, peak RSS MB, CPU seconds, process). Wall and CPU time are taken
    here (GNU time prints only hundredths of a second), peak memory from GNU time's %M."""
    if before:
        before()
    with tempfile.NamedTemporaryFile("r", suffix=".time") as out:
        usage = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        proc = subprocess.run([TIME, "-o", out.name, "-f", "%M", *cmd], cwd=cwd, env=env,
                              capture_output=True, text=True)
        wall = time.perf_counter() - started
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        kb = out.read().strip().splitlines()[-1]
    cpu = (after.ru_utime - usage.ru_utime) + (after.ru_stime - usage.ru_stime)
    return wall, int(kb) / 1024, cpu, proc


def measure(name: str, cmd: list[str], cwd: Path, env: dict[str, str], runs: int, before=None, note: str = "") -> Measure:
    walls, peaks, cpus = [], [], []
    if before:
        before()
    subprocess.run(cmd, cwd=cwd, env=env, capture_output=True)  # warm-up: byte-code, page cache
    for _ in range(runs):
        wall, peak, cpu, proc = timed(cmd, cwd, env, before)
        if proc.returncode not in (0, 1):
            raise SystemExit(f"{name}: exit {proc.returncode}\n{proc.stderr[-2000:]}")
        walls.append(wall)
        peaks.append(peak)
        cpus.append(cpu)
    result = Measure(name, statistics.median(walls), statistics.median(peaks), statistics.median(cpus), runs, note)
    print(f"  {name}: {result.wall:.3f} s, {result.cpu:.3f} s CPU, {result.peak_mb:.0f} MB (median of {runs})",
          file=sys.stderr, flush=True)
    return result


def git_init(root: Path) -> None:
    env = {**os.environ, "GIT_AUTHOR_NAME": "b", "GIT_AUTHOR_EMAIL": "b@example.com",
           "GIT_COMMITTER_NAME": "b", "GIT_COMMITTER_EMAIL": "b@example.com"}
    for args in (["init", "-q"], ["add", "-A"], ["commit", "-qm", "bench"]):
        subprocess.run(["git", *args], cwd=root, check=True, env=env, capture_output=True)


# --- inputs ------------------------------------------------------------------------------------


def model_repo(corpus: Path, name: str, work: Path) -> Path:
    root = work / "model-repo"
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


def generated_repo(corpus: Path, work: Path, files: int) -> Path:
    root = work / "generated-repo"
    apache = (corpus / "model-repos" / "facebookresearch__segment-anything" / "LICENSE").read_text("utf-8")
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


def dataset_cards(corpus: Path, work: Path) -> Path:
    root = work / "dataset-cards"
    count = 0
    for group in ("hf-dataset-cards", "hf-dataset-cards-legacy"):
        for card in sorted((corpus / group).glob("*/README.md")):
            target = root / group / card.parent.name / "README.md"
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(card, target)
            count += 1
    print(f"  {count} dataset cards", file=sys.stderr)
    return root


def sparse_weights(work: Path) -> dict[str, Path]:
    header = json.dumps({"__metadata__": {"license": "apache-2.0"},
                         "w": {"dtype": "F32", "shape": [1], "data_offsets": [0, 4]}}).encode()
    roots = {}
    for label, size in (("8 KiB", 8 * 1024), ("8 GiB", 8 * 1024**3)):
        root = work / f"weights-{label.replace(' ', '')}"
        root.mkdir()
        (root / "README.md").write_text(CARD)
        path = root / "model.safetensors"
        path.write_bytes(struct.pack("<Q", len(header)) + header)
        with open(path, "r+b") as handle:
            handle.truncate(size)
        roots[label] = root
    return roots


# --- runs --------------------------------------------------------------------------------------


def licence_keys_modelicense(report: dict, root: Path, cache: Path) -> dict[str, set[str]]:
    """The SPDX keys modelicense's detector gave each licence text (read back from its cache,
    before the knowledge base renames them), by path."""
    os.environ["MODELICENSE_CACHE_DIR"] = str(cache)
    sys.path.insert(0, str(PROJECT / "src"))
    from modelicense.detect import detection
    from modelicense.extract.text import decode

    found: dict[str, set[str]] = {}
    for artefact in report["artefacts"]:
        if any(d["is_text"] for d in artefact["declarations"]):
            text, _ = decode((root / artefact["path"]).read_bytes()[: 512 * 1024])
            expression = detection(text).get("expression") or ""
            found[artefact["path"]] = _keys(expression)
    return found


def _keys(expression: str) -> set[str]:
    return {k for k in re.findall(r"[\w.+-]+", expression) if k.upper() not in ("AND", "OR", "WITH")}


def licence_keys_scancode(report: dict, wanted: list[str]) -> dict[str, set[str]]:
    """scancode's SPDX keys per licence file."""
    found: dict[str, set[str]] = {}
    for entry in report.get("files", []):
        if entry.get("type") != "file":
            continue
        match = entry["path"].split("/", 1)[-1]  # scancode names files under the scanned folder's name
        if match not in wanted:
            continue
        keys: set[str] = set()
        for detection in entry.get("license_detections", []):
            keys |= _keys(detection.get("license_expression_spdx") or "")
        found[match] = keys
    missing = set(wanted) - set(found)
    if missing:
        raise SystemExit(f"scancode's report does not name {sorted(missing)}")
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description="modelicense benchmarks")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--scancode-runs", type=int, default=3)
    shared = Path(os.environ.get("MODELICENSE_SHARED", PROJECT.parent / "shared"))
    parser.add_argument("--corpus", type=Path, default=shared / "corpus")
    parser.add_argument("--model-repo", default="meta-llama__llama-models")
    parser.add_argument("--files", type=int, default=20_000)
    parser.add_argument("--skip-scancode", action="store_true")
    args = parser.parse_args()
    if not args.corpus.is_dir():
        raise SystemExit(f"corpus not found at {args.corpus} (--corpus)")

    work = Path(tempfile.mkdtemp(prefix="modelicense-bench-"))
    cache = work / "cache"
    # Byte-code is written (to a folder of the bench's own), as it is for an installed package.
    env = {**os.environ, "PYTHONPATH": str(PROJECT / "src"), "MODELICENSE_CACHE_DIR": str(cache),
           "PYTHONPYCACHEPREFIX": str(work / "pycache")}
    for name in ("MODELICENSE_NO_SCANCODE", "PYTHONDONTWRITEBYTECODE"):
        env.pop(name, None)
    fast_only = {**env, "MODELICENSE_NO_SCANCODE": "1"}
    python = sys.executable
    ml = [python, "-m", "modelicense", "scan", "--format", "json", "--fail-on", "never"]

    def clear() -> None:
        shutil.rmtree(cache, ignore_errors=True)

    print(f"inputs in {work}", file=sys.stderr)
    repo = model_repo(args.corpus, args.model_repo, work)
    generated = generated_repo(args.corpus, work, args.files)
    cards = dataset_cards(args.corpus, work)
    weights = sparse_weights(work)
    rows: list[Measure] = []

    baseline = measure("python -c 'import click, yaml'", [python, "-c", "import click, yaml"], repo, env, args.runs)
    rows.append(baseline)
    # Model repository: warm (the hook on an unchanged repo), cold with scancode, cold fast path only.
    subprocess.run([*ml, "."], cwd=repo, env=env, capture_output=True)
    warm = measure("modelicense warm (model repo)", [*ml, "."], repo, env, args.runs)
    rows.append(warm)
    cold_fast = measure("modelicense cold, fast path only (model repo)", [*ml, "."], repo, fast_only, args.runs, clear)
    rows.append(cold_fast)
    cold = measure("modelicense cold, fast path + scancode (model repo)", [*ml, "."], repo, env,
                   args.scancode_runs, clear)
    rows.append(cold)
    ours = json.loads(subprocess.run([*ml, "."], cwd=repo, env=env, capture_output=True, text=True).stdout)
    ours_keys = licence_keys_modelicense(ours, repo, cache)

    same_keys_note = ""
    if not args.skip_scancode and shutil.which("scancode"):
        out = work / "scancode.json"
        licence_files = sorted(ours_keys)
        # The whole repository (scancode given several files keeps only some of them); the keys are
        # compared on the licence files.
        sc = measure("scancode -l (same repository)",
                     ["scancode", "-l", "-q", "-n", "1", "--json", str(out), "."],
                     repo, env, args.scancode_runs)
        rows.append(sc)
        theirs = licence_keys_scancode(json.loads(out.read_text()), licence_files)
        if (HERE / "results").is_dir():  # kept for inspection (bench/results/ is git-ignored)
            shutil.copyfile(out, HERE / "results" / "scancode.json")
        agree = sum(1 for path in licence_files if _same(ours_keys.get(path, set()), theirs.get(path, set())))
        same_keys_note = f"same licence keys on {agree}/{len(licence_files)} licence files"
        print(f"  {same_keys_note}", file=sys.stderr)
        for path in licence_files:
            if not _same(ours_keys.get(path, set()), theirs.get(path, set())):
                print(f"    {path}: modelicense {sorted(ours_keys.get(path, ()))} scancode {sorted(theirs.get(path, ()))}",
                      file=sys.stderr)

    # Generated repository of source files with SPDX headers.
    subprocess.run([*ml, "."], cwd=generated, env=env, capture_output=True)
    rows.append(measure(f"modelicense warm (generated repo, {args.files} files)", [*ml, "."], generated, env, args.runs))
    if shutil.which("reuse"):
        rows.append(measure(f"reuse lint (generated repo, {args.files} files)", ["reuse", "lint", "-q"], generated, env,
                            max(1, args.scancode_runs)))
    # The 497 dataset cards in one process.
    card_count = sum(1 for _ in cards.rglob("README.md"))
    cards_run = measure(f"modelicense, {card_count} dataset cards in one process", [*ml, "."], cards, env, args.runs)
    cards_run.note = f"{card_count / cards_run.wall:.0f} cards/s"
    rows.append(cards_run)
    # Sparse weights.
    for label, root in weights.items():
        rows.append(measure(f"modelicense, one {label} safetensors file", [*ml, "."], root, env, args.runs))

    print(render(rows, baseline, warm, cold, same_keys_note))
    shutil.rmtree(work, ignore_errors=True)


def _same(ours: set[str], theirs: set[str]) -> bool:
    """The same SPDX ids (and LicenseRef-scancode-* for the rest), in any order."""
    return ours == theirs


def render(rows: list[Measure], baseline: Measure, warm: Measure, cold: Measure, note: str) -> str:
    lines = ["| run | wall (s) | CPU (s) | peak RSS (MB) | runs | note |", "|---|---:|---:|---:|---:|---|"]
    for row in rows:
        lines.append(f"| {row.name} | {row.wall:.3f} | {row.cpu:.3f} | {row.peak_mb:.0f} | {row.runs} | {row.note} |")
    lines.append("")
    lines.append(f"- warm hook / `import click, yaml`: {warm.wall / baseline.wall:.2f}× wall, "
                 f"{warm.cpu / baseline.cpu:.2f}× CPU; peak {warm.peak_mb:.0f} MB")
    scancode = next((r for r in rows if r.name.startswith("scancode")), None)
    if scancode:
        fast = next(r for r in rows if "fast path only" in r.name)
        lines.append(f"- `scancode -l` / modelicense warm: {scancode.wall / warm.wall:.0f}× wall; "
                     f"/ cold, fast path only: {scancode.wall / fast.wall:.0f}×; "
                     f"/ cold, fast path + scancode: {scancode.wall / cold.wall:.1f}×; {note}")
    weights = [r for r in rows if "safetensors" in r.name]
    if len(weights) == 2:
        lines.append(f"- 8 GiB / 8 KiB safetensors: {weights[1].wall / weights[0].wall:.2f}× wall, "
                     f"{weights[1].cpu / weights[0].cpu:.2f}× CPU")
    return "\n".join(lines)


if __name__ == "__main__":
    main()
