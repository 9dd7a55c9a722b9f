#!/usr/bin/env python
"""Generate src/modelicense/knowledge/data/spdx.json: every SPDX id and ScanCode licence key.

Input: the ScanCode LicenseDB index bundled with `license-expression` (key, category, SPDX key,
other SPDX keys, exception flag). When scancode-toolkit is installed, each licence's own record
adds its full name, OSI approval and text URLs; without it, the name is the id and OSI is unknown.

Only what a category determines is set (copyleft strength, kind, public domain); everything else
stays null ("not known"). Entries the hand-written licences.json already covers (by id or alias)
are left out: hand-written knowledge wins, and generated aliases must not shadow it.

Bare ScanCode keys are NOT aliases: ScanCode's `bsl-1.0` is the Business Source License 1.0,
while Hugging Face's `bsl-1.0` is Boost (SPDX BSL-1.0). Only `LicenseRef-scancode-<key>` maps in.

Run: python scripts/generate_spdx.py   (then commit the JSON)
"""

from __future__ import annotations

import json
import re
import sys
from importlib import resources
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "src" / "modelicense" / "knowledge" / "data"
LICENSEDB = "https://scancode-licensedb.aboutcode.org/{key}.html"

# ScanCode category -> (kind, copyleft). See https://scancode-licensedb.aboutcode.org/ (categories).
CATEGORIES = {
    "Permissive": ("software", "none"),
    "Public Domain": ("public-domain", "none"),
    "Copyleft": ("software", "strong"),
    "Copyleft Limited": ("software", "weak"),
    "Free Restricted": ("software", "none"),
    "Proprietary Free": ("proprietary", "none"),
    "Source-available": ("proprietary", "none"),
    "Commercial": ("proprietary", "none"),
    "Patent License": ("proprietary", "none"),
    "CLA": ("proprietary", "none"),
    "Unstated License": ("proprietary", "unknown"),
}
# Copyleft that reaches network use (users of a service get the source).
NETWORK = re.compile(r"^(AGPL|SSPL|RPL|OSL|CPAL|LicenseRef-scancode-agpl)", re.IGNORECASE)
DATA_LICENCE = re.compile(r"^(CDLA|ODC|ODbL|PDDL|C-UDA|CC-PDDC|DL-DE|OGL|OGC|NLOD|GeoGratis|Community-Spec)", re.IGNORECASE)


def index() -> list[dict]:
    path = resources.files("license_expression").joinpath("data", "scancode-licensedb-index.json")
    return json.loads(path.read_text("utf-8"))


def scancode_record(key: str) -> dict:
    """The licence's own YAML front matter from scancode-toolkit, if installed."""
    try:
        import licensedcode  # noqa: F401  (only to find its data folder)
        import yaml
    except ImportError:
        return {}
    path = Path(sys.modules["licensedcode"].__file__).parent / "data" / "licenses" / f"{key}.LICENSE"
    try:
        head = path.read_text("utf-8").split("---", 2)[1]
    except (OSError, IndexError):
        return {}
    return yaml.load(head, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)) or {}


sys.path.insert(0, str(ROOT / "src"))
from modelicense.knowledge import _key as key


def hand_written_keys() -> dict[str, str]:
    """Lookup key -> hand-written licence id, for every id, name, alias and URL in licences.json."""
    doc = json.loads((DATA / "licences.json").read_text("utf-8"))
    keys: dict[str, str] = {}
    for entry in doc["entries"]:
        for name in (entry["id"], entry.get("name", ""), *entry.get("aliases", ()), *entry.get("urls", ())):
            keys.setdefault(key(name), entry["id"])
    return keys


def entry_for(item: dict, record: dict) -> dict:
    ident = item["spdx_license_key"] or f"LicenseRef-scancode-{item['license_key']}"
    kind, copyleft = CATEGORIES.get(item["category"], ("proprietary", "unknown"))
    if item.get("is_exception"):
        kind = "exception"
    elif ident.startswith("CC-") and kind != "public-domain":
        kind = "content"
    elif DATA_LICENCE.match(ident):
        kind = "data"
    if copyleft == "strong" and NETWORK.match(ident):
        copyleft = "network"
    entry: dict = {"id": ident, "name": record.get("name") or ident, "kind": kind}
    if not ident.startswith("LicenseRef-"):
        entry["spdx"] = True
    aliases = [a for a in item.get("other_spdx_license_keys") or [] if a != ident]
    scancode_ref = f"LicenseRef-scancode-{item['license_key']}"
    if scancode_ref != ident and scancode_ref not in aliases:
        aliases.append(scancode_ref)
    if aliases:
        entry["aliases"] = aliases
    urls = [u for u in [*(record.get("text_urls") or []), record.get("osi_url")] if u]
    if urls:
        entry["urls"] = urls
    entry["copyleft"] = copyleft
    if copyleft in ("weak", "strong", "network"):
        entry["share_alike"] = True
    if kind == "public-domain":
        entry["attribution"] = False
    if ident.startswith("CC-"):
        parts = ident.upper().split("-")
        entry["non_commercial"] = "NC" in parts
        entry["no_derivatives"] = "ND" in parts
        entry["share_alike"] = "SA" in parts
        if "SA" in parts:
            entry["copyleft"] = "strong"
    if kind == "proprietary":
        entry["osi"] = False
    elif record.get("osi_license_key"):
        entry["osi"] = True  # absence is not proof of non-approval (e.g. the -or-later ids)
    entry["source"] = LICENSEDB.format(key=item["license_key"])
    entry["notes"] = f"Generated from the ScanCode LicenseDB ({item['category']})."
    return entry


def generate() -> dict:
    covered = hand_written_keys()
    entries: list[dict] = []
    seen: set[str] = set()
    # ScanCode's names for licences the hand-written table has: so a scancode result such as
    # LicenseRef-scancode-apache-2.0 or LicenseRef-scancode-boost-1.0 maps to the hand entry.
    scancode_aliases: dict[str, str] = {}
    for item in sorted(index(), key=lambda i: i["license_key"]):
        if item.get("is_deprecated"):
            continue
        record = scancode_record(item["license_key"])
        entry = entry_for(item, record)
        if key(entry["id"]) in covered:
            for alias in entry.get("aliases", ()):
                if key(alias) not in covered:
                    scancode_aliases.setdefault(alias, covered[key(entry["id"])])
            continue
        if key(entry["id"]) in seen:
            continue  # an earlier key already has it
        entry["aliases"] = [a for a in entry.get("aliases", ()) if key(a) not in seen and key(a) not in covered]
        if not entry["aliases"]:
            del entry["aliases"]
        seen.update(key(n) for n in (entry["id"], *entry.get("aliases", ())))
        entries.append(entry)
    return {
        "$comment": "GENERATED by scripts/generate_spdx.py from the ScanCode LicenseDB index bundled with "
        "license-expression; do not edit by hand. Hand-written entries in licences.json win; "
        "`aliases` maps ScanCode's names for those to their hand-written ids.",
        "aliases": dict(sorted(scancode_aliases.items())),
        "entries": entries,
    }


def main() -> int:
    doc = generate()
    lines = ",\n".join("    " + json.dumps(e, ensure_ascii=False, separators=(",", ":")) for e in doc["entries"])
    aliases = json.dumps(doc["aliases"], ensure_ascii=False, separators=(",", ":"))
    text = ("{\n  \"$comment\": " + json.dumps(doc["$comment"]) + ",\n  \"aliases\": " + aliases
            + ",\n  \"entries\": [\n" + lines + "\n  ]\n}\n")
    (DATA / "spdx.json").write_text(text, "utf-8")
    print(f"wrote {len(doc['entries'])} entries to {DATA / 'spdx.json'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
