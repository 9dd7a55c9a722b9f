"""How well the detection chain names licence texts that other tools' test suites chose, judged
by the expectations those tools wrote (never by modelicense's own output).

    python bench/peers.py fetch [--git licensee=DIR ...]    # texts + expectations into the cache folder
    python bench/peers.py measure [--install light|scancode|both] [--show wrong]

Sources (each a public repository; the texts are not copied into this project):
- licensee (github:licensee/licensee): spec/fixtures/*/ with spec/fixtures/fixtures.yml, the
  licence licensee expects per fixture (fixtures it expects no licence for, `other`, are left out);
- choosealicense.com (github:github/choosealicense.com): _licenses/*.txt, each with its spdx-id;
- scancode-toolkit (github:aboutcode-org/scancode-toolkit): every SAMPLE_EVERY-th test of
  tests/licensedcode/data/datadriven/lic1..lic4, with the license_expressions of its .yml file.

The cache folder is $MODELICENSE_PEERS_DIR or ~/.cache/modelicense-peers. `fetch` clones each
repository (shallow) unless `--git NAME=DIR` points at a local clone or bare repository.

Each text is judged correct (the licences named are the expected ones), incomplete (only some of
them, none wrong), wrong (a licence named that is not expected) or unknown (none named). Names
are compared case-insensitively, without -only / -or-later / -plus / + (a text cannot tell them
apart), through scancode keys, SPDX ids and the knowledge base's LicenseRef-scancode-* aliases.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
SOURCES = {
    "licensee": "https://github.com/licensee/licensee",
    "choosealicense": "https://github.com/github/choosealicense.com",
    "scancode": "https://github.com/aboutcode-org/scancode-toolkit",
}
SAMPLE_EVERY = 5
DATADRIVEN = "tests/licensedcode/data/datadriven"
LICENCE_FILE = re.compile(r"^(un)?licen[cs]e|^copying|^copyright", re.I)
MAX_BYTES = 512 * 1024


def peers_dir() -> Path:
    return Path(os.environ.get("MODELICENSE_PEERS_DIR") or Path.home() / ".cache" / "modelicense-peers")


# --- fetch ---------------------------------------------------------------------------------------


def _git(git_dir: Path, *args: str) -> str:
    return subprocess.run(["git", "--git-dir", str(git_dir), *args], check=True, capture_output=True,
                          text=True, errors="replace").stdout


def _git_dir(path: Path) -> Path:
    return path / ".git" if (path / ".git").exists() else path


def _files(git_dir: Path, under: str) -> list[str]:
    return _git(git_dir, "ls-tree", "-r", "--name-only", "HEAD", under).splitlines()


def _show(git_dir: Path, path: str) -> bytes:
    return subprocess.run(["git", "--git-dir", str(git_dir), "show", f"HEAD:{path}"], check=True,
                          capture_output=True).stdout[:MAX_BYTES]


def _licensee(git_dir: Path) -> list[tuple[str, bytes, list[str]]]:
    import yaml

    expected = yaml.safe_load(_show(git_dir, "spec/fixtures/fixtures.yml"))
    files = _files(git_dir, "spec/fixtures")
    cases = []
    for fixture, entry in sorted(expected.items()):
        key = (entry or {}).get("key")
        if not key or key in ("other", "no-license"):
            continue
        # licensee's own preference: a COPYING.lesser beside a GPL text makes the project LGPL
        candidates = sorted((f for f in files if f.split("/")[2] == fixture and len(f.split("/")) == 4
                             and LICENCE_FILE.match(f.split("/")[3]) and not f.endswith(".json")),
                            key=lambda f: ("lesser" not in f.lower(), len(f), f))
        if candidates:
            cases.append((f"licensee/{fixture}/{candidates[0].split('/')[3]}", _show(git_dir, candidates[0]), [key]))
    return cases


def _choosealicense(git_dir: Path) -> list[tuple[str, bytes, list[str]]]:
    import yaml

    cases = []
    for path in _files(git_dir, "_licenses"):
        raw = _show(git_dir, path).decode("utf-8")
        _, front, body = raw.split("---", 2)
        cases.append((f"choosealicense/{path.rsplit('/', 1)[1]}", body.lstrip("\n").encode(),
                      [yaml.safe_load(front)["spdx-id"]]))
    return cases


def _scancode(git_dir: Path) -> list[tuple[str, bytes, list[str]]]:
    import yaml

    files = [f for f in _files(git_dir, DATADRIVEN) if f.split("/")[4].startswith("lic")]
    present = set(files)
    tests = sorted(f for f in files if f.endswith(".yml") and f[:-4] in present)
    cases = []
    for path in tests[::SAMPLE_EVERY]:
        expected = yaml.safe_load(_show(git_dir, path)) or {}
        expressions = expected.get("license_expressions") or []
        cases.append((f"scancode/{path[len(DATADRIVEN) + 1:-4]}", _show(git_dir, path[:-4]), list(expressions)))
    return cases


READERS = {"licensee": _licensee, "choosealicense": _choosealicense, "scancode": _scancode}


def fetch(local: dict[str, Path]) -> Path:
    root = peers_dir()
    manifest = []
    for name, url in SOURCES.items():
        git_dir = local.get(name)
        if git_dir is None:
            clone = root / "clones" / name
            if not clone.exists():
                subprocess.run(["git", "clone", "--quiet", "--depth", "1", url, str(clone)], check=True)
            git_dir = clone
        git_dir = _git_dir(git_dir)
        commit = _git(git_dir, "rev-parse", "HEAD").strip()
        for case, data, expected in READERS[name](git_dir):
            target = root / "texts" / case
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
            manifest.append({"case": case, "expected": expected, "source": f"{url}/blob/{commit}"})
    (root / "expectations.json").write_text(json.dumps(manifest, indent=1) + "\n", "utf-8")
    print(f"{root}: {len(manifest)} texts")
    return root


# --- measure -------------------------------------------------------------------------------------


def _identity(name: str) -> str:
    name = name.lower().removeprefix("licenseref-scancode-")
    for suffix in ("-or-later", "-only", "-plus", "+"):
        name = name.removesuffix(suffix)
    return name


def _keys(expression: str) -> set[str]:
    return {k for k in re.findall(r"[\w.+-]+", expression) if k.lower() not in ("and", "or", "with")}


def _scancode_spdx() -> dict[str, set[str]]:
    """scancode key -> its SPDX ids, from scancode's installed licence data (when installed)."""
    try:
        import licensedcode
    except ImportError:
        return {}
    import yaml

    table: dict[str, set[str]] = {}
    for path in (Path(licensedcode.__file__).parent / "data" / "licenses").glob("*.LICENSE"):
        front = yaml.safe_load(path.read_text("utf-8").split("---", 2)[1]) or {}
        ids = {front.get("spdx_license_key") or ""} | set(front.get("other_spdx_license_keys") or ())
        table[path.stem] = {i for i in ids if i}
    return table


# scancode's keys for "some licence text, which one unknown", "a warranty disclaimer": no identity
# to check on either side.
VAGUE = ("unknown", "free-unknown", "proprietary-license", "warranty-disclaimer", "other-permissive", "other-copyleft")


def _no_licence(key: str) -> bool:
    return _identity(key).startswith(VAGUE)


def expected_names(expected: list[str], spdx: dict[str, set[str]]) -> list[set[str]]:
    """One set of acceptable names per expected licence (unknown-* and the like: no expectation)."""
    wanted = []
    for key in sorted({k for e in expected for k in _keys(e)}):
        if _no_licence(key):
            continue
        wanted.append({_identity(key)} | {_identity(s) for s in spdx.get(key.lower(), ())})
    return wanted


def our_names(text: str, knowledge) -> list[set[str]]:
    from modelicense.detect import detect

    found, _ = detect(text, knowledge)
    if found is None:
        return []
    named = []
    for key, spdx in found.keys:
        if _no_licence(key) or _no_licence(spdx):
            continue
        names = {_identity(key), _identity(spdx)}
        licence = knowledge.licence(knowledge.licence_id(spdx) or knowledge.licence_id(key) or key)
        if licence is not None:
            names |= {_identity(licence.id)} | {_identity(a) for a in licence.aliases if a.lower().startswith("licenseref-")}
            if licence.kind == "family":  # "GFDL, version not given": names every member, none wrongly
                names.add(FAMILY + _identity(licence.id))
        named.append(names)
    return named


FAMILY = "family:"


def _same(named: set[str], wanted: set[str]) -> bool:
    families = [n[len(FAMILY):] for n in named if n.startswith(FAMILY)]
    return bool(named & wanted) or any(w.startswith(f + "-") for f in families for w in wanted)


def judge(named: list[set[str]], wanted: list[set[str]]) -> str:
    if not named:
        return "unknown"
    if any(not any(_same(n, w) for w in wanted) for n in named):
        return "wrong"
    if any(any(x.startswith(FAMILY) for x in n) for n in named):
        return "incomplete"  # the family, not which member
    return "correct" if all(any(_same(n, w) for n in named) for w in wanted) else "incomplete"


def measure(install: str, show: str | None) -> dict[str, int]:
    sys.path.insert(0, str(PROJECT / "src"))
    os.environ["MODELICENSE_NO_CACHE"] = "1"
    if install == "light":
        os.environ["MODELICENSE_NO_SCANCODE"] = "1"
    else:
        os.environ.pop("MODELICENSE_NO_SCANCODE", None)
    from modelicense.detect import scancode_engine
    from modelicense.extract.text import decode
    from modelicense.knowledge import load

    if install == "scancode" and scancode_engine.version() is None:
        raise SystemExit("scancode-toolkit is not installed")
    root = peers_dir()
    manifest = json.loads((root / "expectations.json").read_text("utf-8"))
    knowledge, spdx = load(), _scancode_spdx()
    counts = {"correct": 0, "incomplete": 0, "wrong": 0, "unknown": 0, "no expectation": 0}
    for case in manifest:
        wanted = expected_names(case["expected"], spdx)
        if not wanted:
            counts["no expectation"] += 1
            continue
        text, _ = decode((root / "texts" / case["case"]).read_bytes())
        verdict = judge(our_names(text, knowledge), wanted)
        counts[verdict] += 1
        if show == verdict:
            found, _ = __import__("modelicense.detect", fromlist=["detect"]).detect(text, knowledge)
            print(f"{verdict}: {case['case']}: expected {case['expected']}, got "
                  f"{found.expression if found else None} ({found.confidence if found else '-'}, {found.step if found else '-'})")
    return counts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    fetching = sub.add_parser("fetch")
    fetching.add_argument("--git", action="append", default=[], metavar="NAME=DIR",
                          help=f"a local clone for one of {', '.join(SOURCES)}")
    measuring = sub.add_parser("measure")
    measuring.add_argument("--install", choices=("light", "scancode", "both"), default="both")
    measuring.add_argument("--show", choices=("correct", "incomplete", "wrong", "unknown"))
    args = parser.parse_args(argv)
    if args.command == "fetch":
        fetch({name: Path(path) for name, _, path in (g.partition("=") for g in args.git)})
        return 0
    installs = ("light", "scancode") if args.install == "both" else (args.install,)
    for install in installs:
        if len(installs) > 1:  # one process per install: scancode must not be loaded for the light one
            subprocess.run([sys.executable, __file__, "measure", "--install", install,
                            *(["--show", args.show] if args.show else [])], check=True)
            continue
        counts = measure(install, args.show)
        print(f"{install}: " + ", ".join(f"{k} {v}" for k, v in counts.items()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
