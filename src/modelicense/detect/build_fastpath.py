"""Build `data/fastpath.json` from scancode-toolkit's own licence data (build time only).

    python -m modelicense.detect.build_fastpath [--scancode-data DIR]

For each licence key in KEYS it keeps the canonical text (`<key>.LICENSE`) and the rules that are
whole licence texts of that key alone (`is_license_text: yes`, not deprecated, not false
positives), normalised as `fastpath.normalise` does. The resulting file is ScanCode LicenseDB data
(CC-BY-4.0, nexB Inc. and others); it is attributed in the file itself.

KEYS are the licences ML repositories ship as full texts (software, content, data and model
licences seen in the shared corpus and on the Hugging Face Hub licence list); anything else goes
to scancode itself.
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

import yaml

from modelicense.detect.fastpath import normalise

KEYS = (
    # software
    "apache-2.0", "mit", "mit-0", "bsd-new", "bsd-simplified", "isc", "zlib", "boost-1.0", "unlicense", "python",
    "gpl-2.0", "gpl-3.0", "lgpl-2.1", "lgpl-3.0", "agpl-3.0", "mpl-2.0", "epl-2.0", "artistic-2.0",
    # content
    "cc-by-3.0", "cc-by-4.0", "cc-by-sa-3.0", "cc-by-sa-4.0", "cc-by-nc-3.0", "cc-by-nc-4.0", "cc-by-nc-sa-3.0",
    "cc-by-nc-sa-4.0", "cc-by-nc-nd-3.0", "cc-by-nc-nd-4.0", "cc-by-nd-4.0", "cc0-1.0",
    # data
    "odc-by-1.0", "odbl-1.0", "pddl-1.0", "cdla-permissive-1.0", "cdla-permissive-2.0", "cdla-sharing-1.0", "c-uda-1.0",
    # models
    "bigscience-open-rail-m", "bigscience-open-rail-m2", "bigscience-rail-1.0", "stable-diffusion-2022-08-22", "bigcode-open-rail-m-v1", "creativeml-openrail-m",
    "llama-license-2023", "llama-2-license-2023", "llama-3.1-license-2024", "llama-3.2-license-2024",
    "llama-3.3-license-2024", "llama-4-license-2025", "gemma-tou-2024-04-01", "gemma-tou-2025-03-24",
    "deepseek-la-1.0", "qwen-2024", "tongyi-qianwen-2023", "falcon-2-11b-1.0", "flux-1-nc",
    "stability-ai-community-2024", "stability-ai-nc-2023-12-06", "nvidia-open-model-2025-04-28", "openmdw-1.0",
    "openatom-model-1.0", "apple-ml-ferret-2023", "exaone-ai-model-1.1-nc", "llama-4-cla-2025", "bigscience-open-rail-m2",
    "moonshot-ai-modified-mit-2025", "tencent-hunyuan-3d-2.0-cla", "fair-ai-public-1.0", "gemma-pup-2024-02-21",
)
MIN_WORDS = 40  # shorter "texts" are notices; containment would be too eager on them
# Per licence: the canonical text, then whole-text rules in scancode's own order (older rules are
# the common variants) up to these bounds, so the data file stays small (bsd-new alone has 500
# variants that differ in one name).
MAX_PER_KEY = 10
MAX_CHARS_PER_KEY = 150_000


def _split(path: Path) -> tuple[dict, str]:
    raw = path.read_text("utf-8")
    _, front, body = raw.split("---", 2) if raw.startswith("---") else ("", "", raw)
    return (yaml.safe_load(front) or {}), body


def _rule_order(path: Path) -> tuple[str, int]:
    stem, _, number = path.stem.rpartition("_")
    return (stem, int(number)) if number.isdigit() else (path.stem, 0)


def _default_data_dir() -> Path:
    import licensedcode

    return Path(licensedcode.__file__).parent / "data"


def build(data_dir: Path, scancode_version: str | None = None) -> dict:
    entries: list[dict] = []
    spdx: dict[str, str] = {}
    for key in KEYS:
        path = data_dir / "licenses" / f"{key}.LICENSE"
        if not path.exists():
            continue
        meta, body = _split(path)
        spdx[key] = meta.get("spdx_license_key") or f"LicenseRef-scancode-{key}"
        entries.append({"key": key, "rule": path.name, "text": normalise(body)})
    wanted = set(spdx)
    for path in sorted((data_dir / "rules").glob("*.RULE"), key=_rule_order):
        stem = re.sub(r"_\d+$", "", path.stem)
        if stem not in wanted:  # rule files are named after their expression; skip the rest unread
            continue
        meta, body = _split(path)
        if (meta.get("license_expression") in wanted and meta.get("is_license_text")
                and not meta.get("is_deprecated") and not meta.get("is_false_positive")
                and meta.get("relevance", 100) == 100):
            entries.append({"key": meta["license_expression"], "rule": path.name, "text": normalise(body)})
    seen: set[str] = set()
    count: dict[str, int] = {}
    chars: dict[str, int] = {}
    kept = []
    for entry in entries:  # canonical texts first, then rules by number
        key, text = entry["key"], entry["text"]
        if len(text.split()) < MIN_WORDS or text in seen:
            continue
        if count.get(key, 0) >= MAX_PER_KEY or (key in chars and chars[key] + len(text) > MAX_CHARS_PER_KEY):
            continue
        seen.add(text)
        count[key] = count.get(key, 0) + 1
        chars[key] = chars.get(key, 0) + len(text)
        kept.append(entry)
    unique = sorted(kept, key=lambda e: (-len(e["text"]), e["rule"]))
    return {
        "$comment": ("Normalised licence texts for modelicense's fast path, generated by "
                     "`python -m modelicense.detect.build_fastpath` from the ScanCode LicenseDB "
                     "(https://scancode-licensedb.aboutcode.org/), Copyright nexB Inc. and others, "
                     "licensed CC-BY-4.0. Do not edit by hand."),
        "source": "scancode-toolkit licensedcode/data",
        "scancode_version": scancode_version,
        "spdx": spdx,
        "entries": unique,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scancode-data", type=Path, default=None)
    parser.add_argument("--output", type=Path, default=Path(__file__).parent / "data" / "fastpath.json")
    args = parser.parse_args()
    from modelicense.detect.scancode_engine import installed_version

    doc = build(args.scancode_data or _default_data_dir(), None if args.scancode_data else installed_version())
    args.output.write_text(json.dumps(doc, ensure_ascii=False, indent=0) + "\n", "utf-8")
    print(f"{args.output}: {len(doc['entries'])} texts of {len(doc['spdx'])} licences")


if __name__ == "__main__":
    main()
