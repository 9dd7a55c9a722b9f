"""`modelicense show ID`, and user knowledge entries ([tool.modelicense.licences/datasets/models])
end to end through the command line."""

from __future__ import annotations

import json

from conftest import run_cli

from modelicense.knowledge import load
from modelicense.show import lookup, render_text

PYPROJECT = """\
[tool.modelicense.licences."acme-model-licence"]
reason = "our vendor's licence, read by legal on 2026-01-12"
name = "ACME Model Licence"
kind = "model"
non-commercial = true
use-restrictions = true

[tool.modelicense.licences."mit"]
reason = "testing that an override changes one field and keeps the rest"
notes = "overridden"

[tool.modelicense.datasets."acme/corpus"]
reason = "internal dataset"
licence = "acme-model-licence"
non-commercial = true

[tool.modelicense.models."meta-llama/Llama-2-7b-hf"]
reason = "we hold a separate licence from Meta"
licence = "acme-model-licence"
"""


def test_show_a_licence_with_its_source():
    proc = run_cli("show", "llama3.1")
    assert proc.returncode == 0, proc.stderr
    assert "licence llama3.1 — Llama 3.1 Community License Agreement" in proc.stdout
    assert "use restrictions:" in proc.stdout and "source:" in proc.stdout
    assert "https://huggingface.co/meta-llama/Meta-Llama-3.1-70B-Instruct/blob/main/LICENSE" in proc.stdout


def test_show_free_text_names_datasets_and_model_families():
    knowledge = load()
    assert [(what, entry.id) for what, entry, _ in lookup("Creative Commons Attribution-NonCommercial 4.0 International", knowledge)] \
        == [("licence", "CC-BY-NC-4.0")]
    found = lookup("meta-llama/Llama-2-13b-chat-hf", knowledge)
    assert [(what, entry.licence, how) for what, entry, how in found] == [("model", "llama2", "family pattern")]
    text = render_text("tatsu-lab/alpaca", lookup("tatsu-lab/alpaca", knowledge), knowledge)
    assert "OpenAI Terms of Use" in text and "non commercial:" in text
    assert "generated from the scancode licensedb" in render_text("0BSD", lookup("0BSD", knowledge), knowledge).lower()


def test_show_unknown_id_exits_1():
    proc = run_cli("show", "apache-3.0")
    assert proc.returncode == 1
    assert "knows nothing about 'apache-3.0'" in proc.stdout


def test_show_json_is_versioned():
    proc = run_cli("show", "gemma", "--format", "json")
    doc = json.loads(proc.stdout)
    assert doc["version"] == 1 and doc["query"] == "gemma"
    assert {m["type"] for m in doc["matches"]} == {"licence", "model"}
    assert all(m["source"].startswith("https://") for m in doc["matches"])


def test_user_entries_apply_end_to_end(make_repo):
    root = make_repo({"pyproject.toml": PYPROJECT})
    added = run_cli("show", "acme-model-licence", "--format", "json", cwd=root)
    assert added.returncode == 0, added.stderr
    licence = json.loads(added.stdout)["matches"][0]
    assert licence["non_commercial"] is True and licence["kind"] == "model"
    assert licence["source"].endswith("pyproject.toml") and "read by legal" in licence["notes"]

    mit = json.loads(run_cli("show", "mit", "--format", "json", cwd=root).stdout)["matches"][0]
    assert mit["osi"] is True and mit["notes"].startswith("Set in") and mit["source"].endswith("pyproject.toml")

    dataset = json.loads(run_cli("show", "acme/corpus", "--format", "json", cwd=root).stdout)["matches"][0]
    assert dataset["licence"] == "acme-model-licence" and dataset["non_commercial"] is True

    # One member of a family is overridden; its siblings keep the family's licence.
    member = json.loads(run_cli("show", "meta-llama/Llama-2-7b-hf", "--format", "json", cwd=root).stdout)["matches"]
    assert [m["licence"] for m in member if m["type"] == "model"] == ["acme-model-licence"]
    sibling = json.loads(run_cli("show", "meta-llama/Llama-2-13b-hf", "--format", "json", cwd=root).stdout)["matches"]
    assert [m["licence"] for m in sibling if m["type"] == "model"] == ["llama2"]


def test_bad_user_entries_are_usage_errors(make_repo):
    root = make_repo({".modelicense.toml": '[licences."mit"]\nreason = "x"\ncopyleft = "very"\n',
                      "LICENSE": "MIT License\n"})
    for args in (("show", "mit"), ("scan", ".")):
        proc = run_cli(*args, cwd=root)
        assert proc.returncode == 2, (args, proc.stdout, proc.stderr)
        assert "MIT: copyleft 'very' is not one of" in proc.stderr and "Traceback" not in proc.stderr
    root = make_repo({".modelicense.toml": '[datasets."x/y"]\nreason = "x"\nnon-commercial = "yes"\n'})
    proc = run_cli("scan", ".", cwd=root)
    assert proc.returncode == 2 and "non_commercial must be true or false" in proc.stderr


def test_a_user_licence_is_recognised_by_scan(make_repo):
    """DEC003 fires on a licence id nothing knows; the same id declared in the configuration is known."""
    card = "---\nlicense: acme-model-licence\n---\n\n# A model\n"
    unknown = make_repo({"README.md": card})
    proc = run_cli("scan", ".", "--format", "json", "--select", "DEC003", cwd=unknown)
    assert [f["rule"] for f in json.loads(proc.stdout)["findings"]] == ["DEC003"]
    known = make_repo({"README.md": card, "pyproject.toml": PYPROJECT})
    proc = run_cli("scan", ".", "--format", "json", "--select", "DEC003", cwd=known)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert json.loads(proc.stdout)["findings"] == []
