from __future__ import annotations

import io

import pytest

from conftest import card
from modelicense.extract import card as card_extractor
from modelicense.extract import dataset_metadata, licence_file, packaging, source, weights
from modelicense.model import FileKind


def extract_card(text: str | bytes, name: str = "README.md"):
    data = text.encode() if isinstance(text, str) else text
    return card_extractor.extract(name, data, len(data))


def test_model_card_licence_with_line_and_column():
    found = extract_card(card("language: en\nlicense: apache-2.0\nlibrary_name: transformers"))
    assert found.kind is FileKind.MODEL_CARD
    [decl] = found.declarations
    assert (decl.raw, decl.scope, decl.field, decl.location.line, decl.location.column) == ("apache-2.0", "weights", "license", 3, 10)


def test_licence_list_and_legacy_key():
    found = extract_card(card("licenses:\n- cc-by-4.0\n- other-my licence\ntask_categories:\n- translation"))
    assert found.kind is FileKind.DATASET_CARD
    assert [(d.raw, d.scope, d.field, d.location.line) for d in found.declarations] == [
        ("cc-by-4.0", "data", "licenses", 3),
        ("other-my licence", "data", "licenses", 4),
    ]


def test_base_model_datasets_and_relation():
    found = extract_card(card("license: llama2\nbase_model:\n- meta-llama/Llama-2-7b-hf\nbase_model_relation: quantized\n"
                              "datasets: tatsu-lab/alpaca"))
    assert [(r.kind, r.id, r.relation, r.location.line) for r in found.references] == [
        ("base_model", "meta-llama/Llama-2-7b-hf", "quantized", 4),
        ("dataset", "tatsu-lab/alpaca", None, 6),
    ]


def test_license_name_and_link_are_kept():
    found = extract_card(card("license: other\nlicense_name: my-licence\nlicense_link: LICENSE.md"))
    assert found.meta("license_name") == "my-licence"
    assert found.meta("license_link") == "LICENSE.md"


def test_prose_licence_section_is_a_low_confidence_declaration():
    body = "# Card\n\n## Licensing Information\n\nResearch purposes only.\n\n## Citation\n\n@misc{x}\n"
    found = extract_card(card("license: mit\ntask_categories:\n- other", body))
    prose = [d for d in found.declarations if d.confidence == "low"]
    assert [(d.raw, d.field, d.location.line) for d in prose] == [("Research purposes only.", "Licensing Information", 9)]


def test_prose_template_placeholder_is_not_a_declaration():
    body = "## Licensing Information\n\n[More Information Needed]\n"
    assert extract_card(card("license: mit", body)).declarations[1:] == ()


def test_readme_without_front_matter_is_a_plain_card():
    found = extract_card("# Just a README\n\nNothing here.\n")
    assert found.kind is FileKind.CARD and not found.declarations


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("---\nlicense: [mit\n---\n", 3),
        ("---\nlicense: mit\n", 1),
        ("---\n- a\n- b\n---\n", 2),
        ("---\nlicense: mit\n\tbad: tab\n---\n", 3),
    ],
)
def test_malformed_front_matter_is_a_problem_with_a_line(text, line):
    found = extract_card(text)
    [problem] = found.problems
    assert problem.code == "malformed" and problem.location.line == line


def test_encodings():
    utf8_bom = b"\xef\xbb\xbf" + card("license: mit").encode()
    assert extract_card(utf8_bom).declarations[0].raw == "mit"
    utf16 = card("license: mit").encode("utf-16")
    assert extract_card(utf16).declarations[0].raw == "mit"
    latin1 = card("license: mit\npretty_name: Caf\xe9").encode("latin-1")
    found = extract_card(latin1)
    assert found.declarations[0].raw == "mit"
    assert "Latin-1" in found.problems[0].message


def test_empty_and_binary_cards_are_problems():
    assert extract_card(b"").problems[0].message == "card is empty"
    assert "NUL" in extract_card(b"---\nlicense: mit\x00\n---\n").problems[0].message


def test_windows_line_endings():
    found = extract_card(card("license: mit\r\nlibrary_name: x").replace("\n", "\r\n"))
    assert (found.declarations[0].raw, found.declarations[0].location.line) == ("mit", 2)


@pytest.mark.parametrize(
    ("path", "scope", "field"),
    [
        ("LICENSE", "repo", "licence"),
        ("LICENSE-MODEL", "weights", "licence"),
        ("MODEL_LICENSE", "weights", "licence"),
        ("WEIGHT_DIFF_LICENSE", "weights", "licence"),
        ("model_licenses/LICENSE-FLUX1-dev", "weights", "licence"),
        ("DATA_LICENSE", "data", "licence"),
        ("LICENSE_DATA", "data", "licence"),
        ("LICENSE-CODE", "code", "licence"),
        ("USE_POLICY.md", "weights", "use-policy"),
        ("LICENSES/MIT.txt", "repo", "reuse"),
        ("data/LICENSE", "repo", "licence"),
    ],
)
def test_licence_file_scope_from_name(path, scope, field):
    [decl] = licence_file.extract(path, b"Some licence text\n", 18).declarations
    assert (decl.scope, decl.field, decl.is_text) == (scope, field, True)


def test_pyproject_pep639_table_and_classifiers():
    text = '[build-system]\nrequires=[]\n\n[project]\nname = "x"\nlicense = "MIT OR Apache-2.0"\nclassifiers = [\n  "License :: OSI Approved :: MIT License",\n]\n'
    found = packaging.extract("pyproject.toml", text.encode(), len(text))
    assert [(d.raw, d.field, d.location.line) for d in found.declarations] == [
        ("MIT OR Apache-2.0", "project.license", 6),
        ("License :: OSI Approved :: MIT License", "classifier", 8),
    ]
    table = '[project]\nname = "x"\nlicense = {text = "BSD-3-Clause"}\n'
    assert packaging.extract("pyproject.toml", table.encode(), 1).declarations[0].raw == "BSD-3-Clause"


def test_broken_pyproject_is_a_problem_with_a_line():
    found = packaging.extract("pyproject.toml", b'[project]\nname = "x\n', 1)
    assert found.problems[0].location.line == 2


def test_setup_cfg_and_package_json():
    cfg = "[metadata]\nname = x\nlicense = Apache-2.0\n"
    assert packaging.extract("setup.cfg", cfg.encode(), 1).declarations[0].raw == "Apache-2.0"
    pkg = '{\n  "name": "x",\n  "license": "ISC"\n}\n'
    [decl] = packaging.extract("package.json", pkg.encode(), 1).declarations
    assert (decl.raw, decl.location.line) == ("ISC", 3)


def test_spdx_header():
    code = b"#!/usr/bin/env python\n# SPDX-FileCopyrightText: 2026 A\n# SPDX-License-Identifier: GPL-2.0-only\nprint()\n"
    [decl] = source.extract("a.py", code, len(code)).declarations
    assert (decl.raw, decl.scope, decl.location.line, decl.location.column) == ("GPL-2.0-only", "code", 3, 28)
    c_code = b"/* SPDX-License-Identifier: MIT */\nint x;\n"
    assert source.extract("a.c", c_code, 1).declarations[0].raw == "MIT"
    assert source.extract("b.py", b"print('no header')\n", 1).declarations == ()


def test_croissant_and_datapackage():
    croissant = b'{"@context": {}, "@type": "sc:Dataset", "name": "x",\n "license": "https://creativecommons.org/licenses/by/4.0/"}'
    [decl] = dataset_metadata.extract("croissant.json", croissant, 1).declarations
    assert (decl.scope, decl.location.line) == ("data", 2)
    datapackage = b'{"name": "x", "licenses": [{"name": "ODC-BY-1.0", "path": "https://opendatacommons.org/licenses/by/"}]}'
    assert dataset_metadata.extract("datapackage.json", datapackage, 1).declarations[0].raw == "ODC-BY-1.0"


def test_lfs_pointer_is_recognised():
    pointer = b"version https://git-lfs.github.com/spec/v1\noid sha256:abc\nsize 123456789\n"
    found = weights.extract("model.safetensors", io.BytesIO(pointer), len(pointer))
    assert found.meta("lfs_pointer") == "yes"
