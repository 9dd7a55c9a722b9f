"""The inventory where users look (issue 11, items 2 and 3): the text and Markdown reports open
with the inventory table, JSON carries a versioned `inventory` object, and `modelicense
inventory` prints it alone in text, JSON or Markdown, through the scan's writer."""

from __future__ import annotations

import json

from conftest import card, run_cli, safetensors_file, scan_json

FINETUNE = {
    "README.md": card("license: apache-2.0\nbase_model: meta-llama/Meta-Llama-3-8B\ndatasets:\n- tatsu-lab/alpaca"),
    "adapter_config.json": json.dumps({"base_model_name_or_path": "meta-llama/Meta-Llama-3-8B", "peft_type": "LORA"}),
}


def test_text_report_opens_with_the_inventory_table_and_the_commercial_answer(make_repo):
    root = make_repo(FINETUNE)
    proc = run_cli("scan", str(root))
    assert proc.returncode == 1, proc.stderr
    head, _, rest = proc.stdout.partition("\n\n")
    assert head.startswith("Inventory of ")
    assert "artefact" in head and "commercial use" in head
    assert "dataset tatsu-lab/alpaca (trained-on)" in head
    assert "Commercial use: no" in head
    assert "BAS001" in rest  # the findings follow


def test_llama3_text_output_states_conditional_use_with_threshold_and_duties(corpus):
    proc = run_cli("scan", str(corpus / "model-repos" / "meta-llama__llama3"))
    assert proc.returncode == 0, proc.stderr
    table = proc.stdout.split("\n\n")[0]
    assert "Commercial use: conditional" in table
    assert "700 million monthly active users" in table
    assert "Built with Meta Llama 3" in table  # the naming duty, in the licence's words
    assert "Notice" in table  # the notice duty


def test_concise_and_quiet_output_stay_one_line_per_finding(make_repo):
    root = make_repo(FINETUNE)
    for args in (("--format", "concise"), ("--quiet",)):
        proc = run_cli("scan", *args, str(root))
        assert "Inventory" not in proc.stdout and "Commercial use" not in proc.stdout


def test_a_clean_scan_says_the_answer_in_one_line_not_a_table(make_repo):
    root = make_repo({"README.md": card("license: apache-2.0")})
    proc = run_cli("scan", str(root))
    assert proc.returncode == 0
    assert "Inventory" not in proc.stdout
    assert "Commercial use: yes" in proc.stdout


def test_markdown_report_leads_with_the_inventory(make_repo):
    proc = run_cli("scan", "--format", "markdown", str(make_repo(FINETUNE)))
    text = proc.stdout
    assert text.index("### Inventory") < text.index("### Artefacts") < text.index("### 🔴 Errors")
    assert "| Artefact | Licence | Effective terms | Commercial use |" in text
    assert "**Commercial use**: no" in text


def test_json_report_carries_a_versioned_inventory_with_every_field(make_repo):
    data = scan_json(str(make_repo(FINETUNE)))
    assert data["version"] == 1 and data["findings"]  # additive: the old fields stay
    inventory = data["inventory"]
    assert inventory["version"] == 1
    root = inventory["roots"][0]
    assert root["commercial_use"]["answer"] == "no"
    weights = next(a for a in root["artefacts"] if a["kind"] == "weights")
    assert set(weights) >= {"kind", "name", "paths", "license", "declared", "terms", "duties", "commercial_use"}
    assert weights["declared"][0] == {"license": "Apache-2.0", "raw": "apache-2.0",
                                      "location": {"path": "README.md", "line": 2, "column": 10},
                                      "field": "license", "found_by": "id", "confidence": "exact"}
    # Apache-2.0 alone allows commercial use; the alpaca data (CC BY-NC 4.0) takes it away.
    assert weights["own_license_commercial_use"]["answer"] == "yes"
    assert weights["commercial_use"]["answer"] == "no"
    imposed = next(t for t in weights["terms"] if t["origin"] == "imposed")
    assert (imposed["kind"], imposed["source"]) == ("non-commercial", "tatsu-lab/alpaca")
    base = next(a for a in root["artefacts"] if a["kind"] == "base-model")
    assert (base["relation"], base["of"], base["license"]) == ("adapter", "weights", "llama3")
    assert "redistribution_of_modified_weights" in root and "openness" in root


def test_inventory_command_formats_and_output_file(make_repo, tmp_path):
    root = make_repo(FINETUNE)
    text = run_cli("inventory", "--format", "text", str(root))
    assert text.returncode == 0, text.stderr
    assert "term:        non-commercial — imposed by dataset tatsu-lab/alpaca" in text.stdout
    default = run_cli("inventory", str(root))  # text is the default, as for `scan`
    assert default.returncode == 0 and default.stdout == text.stdout
    as_json = run_cli("inventory", "--format", "json", str(root))
    assert json.loads(as_json.stdout)["inventories"][0]["commercial_use"]["answer"] == "no"
    markdown = run_cli("inventory", "--format", "markdown", str(root))
    assert markdown.stdout.startswith("## modelicense inventory")
    out = tmp_path / "inventory.json"
    written = run_cli("inventory", "--format", "json", "--output", str(out), str(root))
    assert written.returncode == 0 and written.stdout == ""
    assert json.loads(out.read_text("utf-8"))["version"] == 1


def test_inventory_command_usage_errors_exit_2(make_repo, tmp_path):
    assert run_cli("inventory", "--format", "nope", str(make_repo(FINETUNE))).returncode == 2
    assert run_cli("inventory", "--format", "text", str(tmp_path / "missing")).returncode == 2
    bad = make_repo({"README.md": card("license: mit"), ".modelicense.toml": "select = [\n"})
    assert run_cli("inventory", "--format", "text", str(bad)).returncode == 2


def test_a_licence_nobody_recognises_is_unrecognised_in_the_table_not_undeclared(make_repo):
    root = make_repo({
        "LICENSE": "Example Model Licence\n\nYou may use the Model only for non-commercial research purposes.\n",
        "README.md": card("library_name: transformers"),
        "model.safetensors": safetensors_file(),
    })
    proc = run_cli("inventory", "--format", "text", str(root))
    assert proc.returncode == 0, proc.stderr
    table = proc.stdout.split("\n\n")[0]
    assert "unrecognised: LICENSE" in table, table
    assert "not declared" not in table, table


def _table(stdout: str) -> list[str]:
    lines = stdout.splitlines()
    end = next(i for i, line in enumerate(lines) if line.startswith("Commercial use:"))
    return lines[1:end]


def test_the_table_fits_the_line_and_the_full_terms_follow(make_repo, monkeypatch):
    """A long dataset id and a licence expression of three ids are cut to the line (the
    terminal's width: COLUMNS), not spread over 200 columns; the full inventory below the table
    still says every term."""
    long_id = "an-organisation-with-a-long-name/a-dataset-whose-name-goes-on-and-on-v2"
    root = make_repo({"README.md": card("license: apache-2.0\nbase_model: meta-llama/Meta-Llama-3-8B\ndatasets:\n"
                                        f"- tatsu-lab/alpaca\n- {long_id}"),
                      "model.safetensors": safetensors_file()})
    for columns in (100, 140):
        monkeypatch.setenv("COLUMNS", str(columns))
        proc = run_cli("inventory", str(root))
        assert proc.returncode == 0, proc.stderr
        table = _table(proc.stdout)
        assert len(table) == 5  # header, weights, two datasets, the base model
        assert all(len(line) <= columns for line in table), [len(line) for line in table]
        assert any("…" in line for line in table)  # something had to be cut
        assert f"dataset {long_id} (trained-on) [dataset]" in proc.stdout  # in full below
        assert "700 million monthly active users must request a licence from Meta" in proc.stdout
