"""CMP — code compatibility, on small repositories built around real licence texts (scancode-toolkit's
licence data, MIT as SPDX publishes it: see conftest), and on the corpus's real repositories."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import pytest
from conftest import MIT_TEXT, scancode_licence_text

from modelicense.config import Config
from modelicense.model import Finding, Severity
from modelicense.rules.cmp import incompatible_pairs
from modelicense.scan import scan

# Licence texts by scancode key, read by the `text` fixture.
APACHE = "licence:apache-2.0"
GPL3 = "licence:gpl-3.0"
MIT = "licence:mit"
LLAMA2 = "licence:llama-2-license-2023"
GPL2_OPENING = "GNU GENERAL PUBLIC LICENSE\nVersion 2, June 1991\n\nCopyright (C) 1989, 1991 Free Software Foundation, Inc.\n"


def findings(root: Path, prefix: str) -> list[Finding]:
    return [f for f in scan(root, Config()).findings if f.rule.startswith(prefix)]


def header(expression: str) -> str:
    return f"# SPDX-License-Identifier: {expression}\n\nprint('hello')\n"


def _licence_text(name: str) -> str:
    key = name.removeprefix("licence:")
    return MIT_TEXT if key == "mit" else scancode_licence_text(key)


@pytest.fixture
def text():
    return _licence_text


def test_cmp001_gpl2_only_file_in_apache_project(make_repo, text):
    root = make_repo({"LICENSE": text(APACHE), "src/vendored.py": header("GPL-2.0-only")})
    [hit] = findings(root, "CMP")
    assert (hit.rule, hit.severity, hit.location.path, hit.location.line) == ("CMP001", Severity.ERROR, "src/vendored.py", 1)
    assert [r.path for r in hit.related] == ["LICENSE"]
    assert "gnu.org/licenses/license-list.html#apache2" in hit.message


def test_cmp001_gpl2_only_file_in_gpl3_project_is_certain_from_a_text(make_repo, text):
    # The GPL v3 text cannot say "only", but GPL-2.0-only conflicts with -or-later as well.
    root = make_repo({"LICENSE": text(GPL3), "lib/old.py": header("GPL-2.0-only")})
    [hit] = findings(root, "CMP")
    assert hit.rule == "CMP001" and hit.severity is Severity.ERROR


def test_cmp001_gpl2_text_is_uncertain_against_apache(make_repo):
    # A GPL v2 text may be GPL-2.0-or-later, which Apache-2.0 code can join: only a warning.
    root = make_repo({"COPYING": GPL2_OPENING, "src/x.py": header("Apache-2.0")})
    [hit] = findings(root, "CMP")
    assert hit.rule == "CMP001" and hit.severity is Severity.WARNING


def test_cmp001_explicit_packaging_id_is_certain(make_repo):
    root = make_repo({"pyproject.toml": '[project]\nname = "x"\nlicense = "GPL-2.0-only"\n', "src/x.py": header("Apache-2.0")})
    [hit] = findings(root, "CMP")
    assert hit.rule == "CMP001" and hit.severity is Severity.ERROR and hit.related[0].path == "pyproject.toml"


def test_cmp001_a_choice_that_works_is_quiet(make_repo, text):
    root = make_repo({"LICENSE": text(APACHE), "src/x.py": header("GPL-2.0-only OR MIT")})
    assert not findings(root, "CMP")


def test_cmp002_gpl_vendored_folder_in_permissive_project(make_repo, text):
    root = make_repo({"pyproject.toml": '[project]\nname = "x"\nlicense = "Apache-2.0"\n', "src/x.py": "x = 1\n",
                      "third_party/parser/LICENSE": text(GPL3)})
    [hit] = findings(root, "CMP")
    assert (hit.rule, hit.severity, hit.location.path) == ("CMP002", Severity.WARNING, "third_party/parser/LICENSE")
    assert "GPL-3.0-only" in hit.message and "Apache-2.0" in hit.message


@pytest.mark.parametrize("files", [
    {"src/x.py": header("LGPL-3.0-only")},  # weak copyleft works file by file
    {"src/x.py": header("MIT")},  # permissive into permissive
    {"models/llama2/LICENSE": LLAMA2},  # a model licence in a model folder is not code combined with code
    {"annotator/midas/LICENSE": MIT},  # vendored permissive code
])
def test_cmp_quiet(make_repo, text, files):
    tree = {"LICENSE": text(APACHE)}
    tree.update({path: text(value) if value.startswith("licence:") else value for path, value in files.items()})
    assert not findings(make_repo(tree), "CMP")


def test_cmp003_non_commercial_code_in_open_source_project(make_repo, text):
    root = make_repo({"LICENSE": text(APACHE), "src/x.py": header("CC-BY-NC-4.0")})
    [hit] = findings(root, "CMP")
    assert (hit.rule, hit.severity) == ("CMP003", Severity.WARNING) and "CC-BY-NC-4.0" in hit.message


def test_cmp_non_commercial_code_in_gpl_project_is_a_conflict_not_a_restriction(make_repo, text):
    root = make_repo({"LICENSE": text(GPL3), "src/x.py": header("CC-BY-NC-4.0")})
    assert [f.rule for f in findings(root, "CMP")] == ["CMP001"]


def test_cmp_quiet_on_real_model_repos(corpus):
    """ControlNet, OLMo, DINOv2 and Stability vendor MIT/BSD/Apache code under their own LICENSE."""
    for folder in sorted((corpus / "model-repos").iterdir()):
        assert not findings(folder, "CMP"), folder.name


def test_compatibility_table_is_well_formed_data():
    doc = json.loads(resources.files("modelicense.rules").joinpath("data", "compatibility.json").read_text("utf-8"))
    seen: set[frozenset[str]] = set()
    for entry in doc["incompatible"]:
        assert set(entry) == {"licences", "reason", "source"}
        assert len(entry["licences"]) == 2 and entry["licences"][0] != entry["licences"][1]
        assert entry["source"].startswith("https://") and entry["reason"].strip()
        pair = frozenset(entry["licences"])
        assert pair not in seen, pair
        seen.add(pair)
    assert len(incompatible_pairs()) == len(seen)


def test_gpl2_or_later_joins_apache_code_but_makes_the_whole_gpl(make_repo, text):
    # GPL-2.0-or-later can be taken under GPLv3, which accepts Apache-2.0 code: no conflict, but the
    # combined work is GPL while the project says Apache-2.0.
    root = make_repo({"LICENSE": text(APACHE), "src/x.py": header("GPL-2.0-or-later")})
    assert [f.rule for f in findings(root, "CMP")] == ["CMP002"]
