"""`modelicense inventory --format cyclonedx|spdx3`: every document written here is validated
offline — CycloneDX against the 1.6 JSON schema with cyclonedx-python-lib's own validator, SPDX by
reading it back with spdx-python-model (SPDX's bindings generated from the 3.0.1 SHACL model: class
and property names, value types, enumerations, required properties, references that resolve) —
and its content is checked against what the repository's files say."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import FIXTURES, MIT_TEXT, card, safetensors_file

from modelicense.cli import main

cyclonedx_validation = pytest.importorskip("cyclonedx.validation.json", reason="cyclonedx-python-lib is not "
                                           "installed (pip install -e '.[test]')")
from cyclonedx.schema import SchemaVersion  # noqa: E402

EPOCH = "1767225600"  # 2026-01-01T00:00:00Z

FINE_TUNE = {
    "README.md": card("license: apache-2.0\nbase_model: meta-llama/Meta-Llama-3-8B\nbase_model_relation: finetune\n"
                      "datasets:\n- tatsu-lab/alpaca\n- allenai/c4"),
    "model.safetensors": safetensors_file(),
    "train.py": "# SPDX-License-Identifier: MIT\nprint('train')\n",
    "requirements.txt": "--extra-index-url https://download.pytorch.org/whl/cu121\ntorch==2.1.2+cu121\n"
                        "nvidia-cudnn-cu12==8.9.2.26\n",
    "Dockerfile": "FROM nvidia/cuda:12.1.1-runtime-ubuntu22.04\n",
}


def cyclonedx_errors(text: str) -> list[str]:
    validator = cyclonedx_validation.JsonStrictValidator(SchemaVersion.V1_6)
    errors = validator.validate_str(text, all_errors=True)
    return [str(e) for e in errors or ()]


def spdx_objects(text: str):
    """Read an SPDX 3.0.1 JSON-LD document back with SPDX's generated bindings; every check they
    make raises. Returns the object set, linked."""
    pytest.importorskip("spdx_python_model", reason="spdx-python-model is not installed (pip install -e '.[test]')")
    from spdx_python_model import v3_0_1 as spdx
    objects = spdx.SHACLObjectSet()
    spdx.JSONLDDeserializer().read(io.BytesIO(text.encode("utf-8")), objects)
    assert objects.link() == set(), "references to elements the document does not hold"
    spdx.JSONLDSerializer().write(objects, io.BytesIO())  # raises on a missing required property
    return objects


def inventory(root: Path, fmt: str, capsys, *extra: str) -> str:
    capsys.readouterr()
    assert main(["inventory", str(root), "--format", fmt, *extra]) == 0
    return capsys.readouterr().out


@pytest.fixture(autouse=True)
def reproducible(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)


def by_ref(document: dict) -> dict[str, dict]:
    return {c["bom-ref"]: c for c in document["components"]}


def props(component: dict) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for p in component.get("properties", []):
        found.setdefault(p["name"], []).append(p["value"])
    return found


def graph(text: str) -> list[dict]:
    return json.loads(text)["@graph"]


def relationships(elements: list[dict], kind: str) -> list[tuple[str, list[str]]]:
    names = {e["spdxId"]: e.get("name") or e.get("simplelicensing_licenseExpression") for e in elements if "spdxId" in e}
    return [(names[e["from"]], [names[t] for t in e["to"]]) for e in elements
            if e["type"] == "Relationship" and e["relationshipType"] == kind]


# --- the meta-llama/llama3 repository ----------------------------------------------------------


@pytest.fixture
def llama3(corpus) -> Path:
    return corpus / "model-repos" / "meta-llama__llama3"


def test_llama3_cyclonedx(llama3, capsys):
    text = inventory(llama3, "cyclonedx", capsys)
    assert cyclonedx_errors(text) == []
    document = json.loads(text)
    assert (document["bomFormat"], document["specVersion"]) == ("CycloneDX", "1.6")
    model = by_ref(document)["model"]
    assert model["type"] == "machine-learning-model" and model["name"] == "meta-llama__llama3"
    # llama3 is a Hugging Face id, not an SPDX one: license.name, as declared by LICENSE
    assert model["licenses"] == [{"license": {"acknowledgement": "declared", "name": "llama3",
                                              "url": "https://llama.meta.com/llama3/license/"}}]
    terms = props(model)
    # the threshold with its number, the naming duty in the licence's words (LICENSE 1.b.i, 2)
    assert terms["modelicense:term:user-threshold"] == ["700 million monthly active users"]
    assert terms["modelicense:term:naming"] == ["Built with Meta Llama 3, Llama 3"]
    assert any("Acceptable Use Policy" in t for t in terms["modelicense:term:use-restriction"])
    assert terms["modelicense:commercial-use"] == ["conditional"]
    assert any("700 million" in c for c in terms["modelicense:commercial-use:condition"])
    assert any("Built with Meta Llama 3" in d for d in terms["modelicense:duty:naming"])
    assert props(model)["modelicense:role"] == ["model"]


def test_llama3_spdx3(llama3, capsys):
    text = inventory(llama3, "spdx3", capsys)
    spdx_objects(text)
    elements = graph(text)
    [model] = [e for e in elements if e["type"] == "ai_AIPackage"]
    assert model["name"] == "meta-llama__llama3" and model["software_primaryPurpose"] == "model"
    assert "user-threshold" in model["comment"]
    assert relationships(elements, "hasDeclaredLicense") == [("meta-llama__llama3", ["LicenseRef-llama3"])]
    [expression] = [e for e in elements if e["type"] == "simplelicensing_LicenseExpression"]
    assert expression["simplelicensing_customIdToUri"] == [
        {"type": "DictionaryEntry", "key": "LicenseRef-llama3", "value": "https://llama.meta.com/llama3/license/"}]
    [document] = [e for e in elements if e["type"] == "SpdxDocument"]
    assert document["rootElement"] == [model["spdxId"]]
    assert {"ai", "dataset", "simpleLicensing"} <= set(document["profileConformance"])


def test_every_corpus_model_repository_exports_valid_documents(corpus):
    """Both formats for every model repository of the corpus, validated (API calls, not a process each)."""
    from modelicense import config as config_module
    from modelicense.report import cyclonedx, spdx3
    from modelicense.report.bom_view import bom_view
    from modelicense.scan import knowledge_for, scan

    repos = sorted(p for p in (corpus / "model-repos").iterdir() if p.is_dir())
    assert len(repos) > 50
    models = 0
    for root in repos:
        config = config_module.load(None, root)
        view = bom_view(scan(root, config), knowledge_for(config), root.name)
        models += view.model is not None
        assert cyclonedx_errors(cyclonedx.render([view])) == [], root.name
        spdx_objects(spdx3.render([view]))
    assert models > 20  # those with a model licence, a model card or weights


# --- a fine-tune written by the test ---------------------------------------------------------


def test_fine_tune_cyclonedx_has_ancestors_datasets_and_runtime(make_repo, capsys):
    text = inventory(make_repo(FINE_TUNE), "cyclonedx", capsys)
    assert cyclonedx_errors(text) == []
    components = by_ref(json.loads(text))
    model = components["model"]
    assert model["licenses"] == [{"license": {"acknowledgement": "declared", "id": "Apache-2.0"}}]
    [base] = model["pedigree"]["ancestors"]
    assert (base["name"], base["type"]) == ("meta-llama/Meta-Llama-3-8B", "machine-learning-model")
    assert base["licenses"][0]["license"]["name"] == "llama3"
    assert base["licenses"][0]["license"]["acknowledgement"] == "concluded"  # known, not declared here
    assert props(base)["modelicense:relation"] == ["finetune"]
    assert model["modelCard"] == {"modelParameters": {"datasets": [{"ref": "dataset:tatsu-lab/alpaca"},
                                                                    {"ref": "dataset:allenai/c4"}]}}
    alpaca = components["dataset:tatsu-lab/alpaca"]
    assert alpaca["type"] == "data"
    assert alpaca["licenses"] == [{"license": {"acknowledgement": "concluded", "id": "CC-BY-NC-4.0"}}]
    assert props(alpaca)["modelicense:term:non-commercial"] == ["licence property of CC-BY-NC-4.0"]
    assert props(alpaca)["modelicense:commercial-use"] == ["no"]
    assert components["code"]["licenses"] == [{"license": {"acknowledgement": "declared", "id": "MIT"}}]
    cudnn = components["runtime:pypi:nvidia-cudnn-cu12:cuda"]
    assert (cudnn["type"], cudnn["purl"]) == ("library", "pkg:pypi/nvidia-cudnn-cu12")
    assert props(cudnn)["modelicense:closed-source"] == ["yes"]
    image = components["runtime:image:nvidia/cuda:cuda"]
    assert (image["type"], image["purl"]) == ("container", "pkg:docker/nvidia/cuda")
    [model_deps] = [d for d in json.loads(text)["dependencies"] if d["ref"] == "model"]
    assert {"runtime:pypi:torch:cuda", "dataset:tatsu-lab/alpaca"} <= set(model_deps["dependsOn"])


def test_fine_tune_spdx3_relationships(make_repo, capsys):
    text = inventory(make_repo(FINE_TUNE), "spdx3", capsys)
    spdx_objects(text)
    elements = graph(text)
    name = [e["name"] for e in elements if e["type"] == "ai_AIPackage" and "base" not in e["spdxId"]][0]
    assert relationships(elements, "trainedOn") == [(name, ["tatsu-lab/alpaca", "allenai/c4"])]  # the card's order
    assert relationships(elements, "descendantOf") == [(name, ["meta-llama/Meta-Llama-3-8B"])]
    [depends] = relationships(elements, "dependsOn")
    assert set(depends[1]) >= {"torch", "nvidia-cudnn-cu12", "nvidia/cuda"}
    declared = dict(relationships(elements, "hasDeclaredLicense"))
    assert declared[name] == ["Apache-2.0"]
    concluded = relationships(elements, "hasConcludedLicense")
    assert ("tatsu-lab/alpaca", ["CC-BY-NC-4.0"]) in concluded
    assert ("meta-llama/Meta-Llama-3-8B", ["LicenseRef-llama3"]) in concluded
    datasets = [e for e in elements if e["type"] == "dataset_DatasetPackage"]
    assert {d["name"] for d in datasets} == {"allenai/c4", "tatsu-lab/alpaca"}
    [runtime] = [e for e in elements if e.get("name") == "nvidia/cuda"]
    assert (runtime["software_primaryPurpose"], runtime["software_packageUrl"]) == ("container", "pkg:docker/nvidia/cuda")


def test_expressions(make_repo, capsys):
    """A compound SPDX expression is one `expression`; with a Hub id in it, one entry per licence."""
    spdx_only = make_repo({"README.md": card("license: apache-2.0 OR mit"), "model.safetensors": safetensors_file()})
    text = inventory(spdx_only, "cyclonedx", capsys)
    assert cyclonedx_errors(text) == []
    assert by_ref(json.loads(text))["model"]["licenses"] == [{"acknowledgement": "declared",
                                                              "expression": "Apache-2.0 OR MIT"}]
    spdx_text = inventory(spdx_only, "spdx3", capsys)
    spdx_objects(spdx_text)
    assert [e["simplelicensing_licenseExpression"] for e in graph(spdx_text)
            if e["type"] == "simplelicensing_LicenseExpression"] == ["Apache-2.0 OR MIT"]
    mixed = make_repo({"README.md": card("license: apache-2.0\n"), "LICENSE-MODEL": "", "model.safetensors":
                       safetensors_file({"license": "openrail++"})})
    text = inventory(mixed, "cyclonedx", capsys)
    assert cyclonedx_errors(text) == []
    licences = by_ref(json.loads(text))["model"]["licenses"]
    assert {"acknowledgement": "declared", "name": "openrail++"} in [
        {k: v for k, v in entry["license"].items() if k != "url"} for entry in licences]
    spdx_text = inventory(mixed, "spdx3", capsys)
    spdx_objects(spdx_text)
    assert "LicenseRef-openrail" in {e["simplelicensing_licenseExpression"] for e in graph(spdx_text)
                                     if e["type"] == "simplelicensing_LicenseExpression"}


def test_a_software_repository_is_its_code(make_repo, capsys):
    root = make_repo({"pyproject.toml": '[project]\nname = "tool"\nlicense = "BSD-3-Clause"\n', "tool.py": "print(1)\n"})
    text = inventory(root, "cyclonedx", capsys)
    assert cyclonedx_errors(text) == []
    assert [c["bom-ref"] for c in json.loads(text)["components"]] == ["code"]
    spdx_text = inventory(root, "spdx3", capsys)
    spdx_objects(spdx_text)
    [package] = [e for e in graph(spdx_text) if e["type"] == "software_Package"]
    assert package["software_primaryPurpose"] == "source"


def test_models_the_code_loads_are_components_the_code_depends_on(make_repo, capsys):
    root = make_repo({"LICENSE": MIT_TEXT, "app.py": 'from transformers import AutoModel\n'
                      'model = AutoModel.from_pretrained("meta-llama/Llama-2-7b-hf")\n'})
    text = inventory(root, "cyclonedx", capsys)
    assert cyclonedx_errors(text) == []
    document = json.loads(text)
    loaded = by_ref(document)["loaded:meta-llama/Llama-2-7b-hf"]
    assert loaded["type"] == "machine-learning-model"
    assert loaded["licenses"] == [{"license": {"acknowledgement": "concluded", "name": "llama2",
                                               "url": "https://ai.meta.com/llama/license/"}}]
    assert props(loaded)["modelicense:relation"] == ["used at run time"]
    assert props(loaded)["modelicense:named-in"] == ["app.py:2:35"]
    assert {"ref": "code", "dependsOn": ["loaded:meta-llama/Llama-2-7b-hf"]} in document["dependencies"]
    spdx_text = inventory(root, "spdx3", capsys)
    spdx_objects(spdx_text)
    elements = graph(spdx_text)
    [package] = [e for e in elements if e.get("name") == "meta-llama/Llama-2-7b-hf"]
    assert package["type"] == "ai_AIPackage"
    assert (f"{root.name} (code)", ["meta-llama/Llama-2-7b-hf"]) in relationships(elements, "dependsOn")


def test_several_repositories_in_one_document(make_repo, capsys):
    first = make_repo({"README.md": card("license: mit"), "model.safetensors": safetensors_file()})
    second = make_repo({"README.md": card("license: cc-by-nc-4.0"), "model.safetensors": safetensors_file()})
    capsys.readouterr()
    assert main(["inventory", str(first), str(second), "--format", "cyclonedx"]) == 0
    text = capsys.readouterr().out
    assert cyclonedx_errors(text) == []
    assert sorted(by_ref(json.loads(text))) == [f"{first.name}/model", f"{second.name}/model"]
    capsys.readouterr()
    assert main(["inventory", str(first), str(second), "--format", "spdx3"]) == 0
    spdx_objects(capsys.readouterr().out)


def test_the_same_repository_gives_the_same_documents(make_repo, capsys):
    root = make_repo(FINE_TUNE)
    for fmt in ("cyclonedx", "spdx3"):
        assert inventory(root, fmt, capsys) == inventory(root, fmt, capsys)
    first = json.loads(inventory(root, "cyclonedx", capsys))
    assert first["metadata"]["timestamp"] == "2026-01-01T00:00:00Z"
    (root / "README.md").write_text(card("license: mit"), encoding="utf-8")
    assert json.loads(inventory(root, "cyclonedx", capsys))["serialNumber"] != first["serialNumber"]


def test_the_validators_bite(make_repo, capsys):
    """What the checks above rely on: a document broken by hand is refused by both."""
    root = make_repo(FINE_TUNE)
    document = json.loads(inventory(root, "cyclonedx", capsys))
    by_ref(document)["model"]["modelCard"]["modelParameters"]["datasets"] = [{"reference": "x"}]
    assert cyclonedx_errors(json.dumps(document))
    by_ref(document)["model"]["licenses"] = [{"license": {"id": "llama3"}}]  # not an SPDX id
    assert cyclonedx_errors(json.dumps(document))
    spdx_text = inventory(root, "spdx3", capsys)
    for broken in (spdx_text.replace('"trainedOn"', '"trainedWith"'),
                   spdx_text.replace('"dataset_datasetType": [\n        "noAssertion"\n      ]', '"dataset_datasetType": []'),
                   spdx_text.replace('"software_primaryPurpose": "model"', '"software_primaryPurpose": "weights"')):
        assert broken != spdx_text
        with pytest.raises(Exception):
            spdx_objects(broken)


def test_output_file_and_usage_errors(make_repo, tmp_path, capsys):
    root = make_repo(FINE_TUNE)
    target = tmp_path / "out" / "bom.cdx.json"
    assert main(["inventory", str(root), "--format", "cyclonedx", "--output", str(target)]) == 0
    assert cyclonedx_errors(target.read_text(encoding="utf-8")) == []
    assert main(["inventory", str(root), "--format", "cdx"]) == 2
    assert main(["inventory", str(tmp_path / "missing")]) == 2
    bad = make_repo({".modelicense.toml": "fail-on = 3\n", "README.md": card("license: mit")})
    assert main(["inventory", str(bad)]) == 2


def test_without_cyclonedx_python_lib_the_command_says_how_to_install_it(tmp_path):
    """`sys.modules[name] = None` is how Python marks a module absent: the import raises
    ImportError as it does where the library is not installed."""
    code = ("import sys; sys.modules['cyclonedx'] = None\n"
            "from modelicense.cli import main\n"
            f"sys.exit(main(['inventory', {str(FIXTURES / 'gpl-weights')!r}, '--format', 'cyclonedx']))\n")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 2
    assert "cyclonedx-python-lib" in proc.stderr and "pip install 'modelicense[bom]'" in proc.stderr
    assert proc.stdout == ""
    spdx = subprocess.run([sys.executable, "-c", code.replace("'cyclonedx'", "'spdx3'")],
                          capture_output=True, text=True, timeout=120)
    assert spdx.returncode == 0 and '"ai_AIPackage"' in spdx.stdout  # SPDX needs nothing installed


# --- the README's examples, as written ---------------------------------------------------------


def _shown_in(shown, actual) -> bool:
    """`shown` is a trimmed copy of `actual`: every key it has, with a value shown in actual's;
    list items in order; `…` in a string stands for any text."""
    if isinstance(shown, dict):
        return isinstance(actual, dict) and all(k in actual and _shown_in(v, actual[k]) for k, v in shown.items())
    if isinstance(shown, list):
        items = iter(actual) if isinstance(actual, list) else iter(())
        return all(any(_shown_in(item, candidate) for candidate in items) for item in shown)
    if isinstance(shown, str) and "…" in shown:
        import re

        return isinstance(actual, str) and re.fullmatch(".*".join(map(re.escape, shown.split("…"))), actual) is not None
    return shown == actual


def test_the_readme_examples_are_real_output(capsys):
    from conftest import PROJECT

    readme = (PROJECT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## AI bill of materials", 1)[1].split("\n## ", 1)[0]
    import re

    commands = re.findall(r"```sh\n(modelicense inventory [^\n]*)\n```", section)
    examples = [json.loads(block) for block in re.findall(r"```json\n(.*?)```", section, re.S)]
    assert len(commands) == len(examples) == 2
    for command, example in zip(commands, examples):
        args = command.split()[1:]
        if "--output" in args:  # the example shows the file's content
            at = args.index("--output")
            del args[at:at + 2]
        capsys.readouterr()
        assert main([a if a != "fixtures/gpl-weights" else str(FIXTURES / "gpl-weights") for a in args]) == 0
        document = json.loads(capsys.readouterr().out)
        parts = document["components"] if "components" in document else document["@graph"]
        assert any(_shown_in(example, part) for part in parts), command


# --- datasets the model was evaluated on (model-index) ----------------------------------------

EVALUATED = {
    # trained on tatsu-lab/alpaca (also evaluated on it: training data, once); evaluated on
    # vicgalle/alpaca-gpt4 (CC BY-NC 4.0 in the knowledge base) and nyu-mll/glue (unknown to it)
    "README.md": card("license: apache-2.0\ndatasets:\n- tatsu-lab/alpaca\nmodel-index:\n- name: m\n  results:\n"
                      + "".join(f"  - task: {{type: text-generation}}\n    dataset: {{type: {ident}, name: {ident}}}\n"
                                "    metrics: [{type: accuracy, value: 0.5}]\n"
                                for ident in ("vicgalle/alpaca-gpt4", "tatsu-lab/alpaca", "nyu-mll/glue"))),
    "model.safetensors": safetensors_file(),
}


def test_cyclonedx_keeps_evaluation_datasets_out_of_the_training_datasets(make_repo, capsys):
    text = inventory(make_repo(EVALUATED), "cyclonedx", capsys)
    assert cyclonedx_errors(text) == []
    document = json.loads(text)
    components = by_ref(document)
    assert components["model"]["modelCard"] == {"modelParameters": {"datasets": [{"ref": "dataset:tatsu-lab/alpaca"}]}}
    for ident, licence in (("vicgalle/alpaca-gpt4", [{"license": {"acknowledgement": "concluded", "id": "CC-BY-NC-4.0"}}]),
                           ("nyu-mll/glue", None)):
        evaluated = components[f"dataset:{ident}"]
        assert evaluated["type"] == "data" and evaluated.get("licenses") == licence
        assert props(evaluated)["modelicense:relation"] == ["evaluated-on"]
        assert props(evaluated)["modelicense:evaluates"] == ["model"]
    assert props(components["dataset:tatsu-lab/alpaca"])["modelicense:relation"] == ["trained-on"]
    assert "modelicense:evaluates" not in props(components["dataset:tatsu-lab/alpaca"])
    [model_deps] = [d for d in document["dependencies"] if d["ref"] == "model"]
    assert model_deps["dependsOn"] == ["dataset:tatsu-lab/alpaca"]


def test_spdx3_says_tested_on_for_evaluation_datasets(make_repo, capsys):
    text = inventory(make_repo(EVALUATED), "spdx3", capsys)
    spdx_objects(text)  # testedOn is a RelationshipType of SPDX 3.0.1: the bindings accept it
    elements = graph(text)
    [name] = [e["name"] for e in elements if e["type"] == "ai_AIPackage"]
    assert relationships(elements, "trainedOn") == [(name, ["tatsu-lab/alpaca"])]
    assert relationships(elements, "testedOn") == [(name, ["vicgalle/alpaca-gpt4", "nyu-mll/glue"])]  # the card's order
    datasets = {e["name"] for e in elements if e["type"] == "dataset_DatasetPackage"}
    assert datasets == {"tatsu-lab/alpaca", "vicgalle/alpaca-gpt4", "nyu-mll/glue"}


def test_the_inventory_formats_show_each_datasets_relation(make_repo, capsys):
    root = make_repo(EVALUATED)
    text = inventory(root, "text", capsys)
    for shown in ("dataset tatsu-lab/alpaca (trained-on)", "dataset vicgalle/alpaca-gpt4 (evaluated-on)",
                  "dataset nyu-mll/glue (evaluated-on)"):
        assert shown in text
    assert "Commercial use: no" in text  # from the training data only
    assert "alpaca-gpt4" not in text.split("Commercial use: no", 1)[1].split("Modified weights", 1)[0]
    document = json.loads(inventory(root, "json", capsys))
    [root_inventory] = document["inventories"]
    relations = {a["name"]: a["relation"] for a in root_inventory["artefacts"] if a["kind"] == "dataset"}
    assert relations == {"tatsu-lab/alpaca": "trained-on", "vicgalle/alpaca-gpt4": "evaluated-on",
                         "nyu-mll/glue": "evaluated-on"}
    markdown = inventory(root, "markdown", capsys)
    assert "| dataset vicgalle/alpaca-gpt4 \\(evaluated-on\\) | CC-BY-NC-4.0 |" in markdown  # Markdown escapes ( )
