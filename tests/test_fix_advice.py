"""Advice that works: for every rule, a repository where it fires, and the same repository after
following the rule's "How to fix" (the `help:` line the text format prints), where it does not.
Where the fix is to accept the finding ("Nothing is wrong", a deliberate restriction), the
repository records that with an inline suppression and a reason, and that works too.

Through the real command (`main`, JSON output), so what is checked is what a user sees."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import PROJECT, card, safetensors_file

from modelicense.cli import main
from modelicense.rules import all_rules

WEIGHTS = safetensors_file()
MIT = (PROJECT / "fixtures" / "clean-model" / "LICENSE").read_text(encoding="utf-8")
UNKNOWN_LICENCE = "Example Model Licence\n\nThis licence does not apply in the European Union.\n"


def src(expression: str) -> str:
    return f"# SPDX-License-Identifier: {expression}\nprint('hello')\n"


def pyproject(expression: str) -> str:
    return f'[project]\nname = "x"\nversion = "1"\nlicense = "{expression}"\n'


def dataset_card(front: str, body: str = "# Data\n") -> str:
    return card(f"{front}\npretty_name: d\ntask_categories:\n- text-generation", body)


# rule -> (repository where it fires, the same repository after its "How to fix")
CASES: dict[str, tuple[dict, dict]] = {
    # "Declare the base's licence (`license: llama2`)"
    "BAS001": ({"README.md": card("base_model: meta-llama/Llama-2-7b-hf\nlicense: apache-2.0")},
               {"README.md": card("base_model: meta-llama/Llama-2-7b-hf\nlicense: llama2")}),
    # "Ship the base's licence and use policy beside the card, and state the required notice"
    "BAS002": ({"README.md": card("base_model: meta-llama/Llama-2-7b-hf\nlicense: llama2")},
               {"README.md": card("base_model: meta-llama/Llama-2-7b-hf\nlicense: llama2\nlicense_link: LICENSE",
                                  "# m\n\n## License\n\nLlama 2 is licensed under the LLAMA 2 Community License, "
                                  "Copyright (c) Meta Platforms, Inc. All Rights Reserved.\n"),
                "LICENSE": "LLAMA 2 COMMUNITY LICENSE AGREEMENT\n", "USE_POLICY.md": "# Llama 2 Acceptable Use Policy\n"}),
    # "describe it in the configuration: [tool.modelicense.models."…"] licence = … reason = …"
    "BAS003": ({"README.md": card("base_model: someone/private-base\nlicense: apache-2.0")},
               {"README.md": card("base_model: someone/private-base\nlicense: apache-2.0"),
                ".modelicense.toml": '[models."someone/private-base"]\nlicence = "apache-2.0"\n'
                                     'reason = "licence read from its model page"\n'}),
    # "Pass the terms through: say in the README … and record it on the call's line"
    "BAS004": ({"LICENSE": MIT, "app.py": 'from transformers import pipeline\n'
                'generate = pipeline("text-generation", model="facebook/musicgen-small")\n'},
               {"LICENSE": MIT, "README.md": "# App\n\nThe app downloads facebook/musicgen-small, licensed "
                "CC-BY-NC-4.0: using it means accepting that licence, which forbids commercial use.\n",
                "app.py": 'from transformers import pipeline\n'
                'generate = pipeline("text-generation", model="facebook/musicgen-small")  '
                '# modelicense: ignore[BAS004] the README states the model\'s CC-BY-NC-4.0 terms\n'}),
    # "Replace or remove the component, obtain it under a compatible licence (GPL-2.0-or-later …)"
    "CMP001": ({"pyproject.toml": pyproject("Apache-2.0"), "src/vendored.py": src("GPL-2.0-only")},
               {"pyproject.toml": pyproject("Apache-2.0"), "src/vendored.py": src("GPL-2.0-or-later")}),
    # "Declare the project's real terms (the copyleft licence for the combined work)"
    "CMP002": ({"pyproject.toml": pyproject("MIT"), "src/part.py": src("GPL-3.0-only")},
               {"pyproject.toml": pyproject("GPL-3.0-only"), "src/part.py": src("GPL-3.0-only")}),
    # "Replace the component or move it out of the distributed project"
    "CMP003": ({"pyproject.toml": pyproject("MIT"), "src/part.py": src("CC-BY-NC-4.0")},
               {"pyproject.toml": pyproject("MIT"), "src/part.py": src("MIT")}),
    # "Train on data whose terms allow the uses you intend"
    "DAT001": ({"README.md": card("license: apache-2.0\ndatasets:\n- tatsu-lab/alpaca")},
               {"README.md": card("license: apache-2.0\ndatasets:\n- databricks/databricks-dolly-15k")}),
    # "Use data whose terms allow adaptations"
    "DAT002": ({"README.md": dataset_card("license: cc-by-nd-4.0")},
               {"README.md": dataset_card("license: cc-by-4.0")}),
    # "Train without the dataset"
    "DAT003": ({"README.md": card("license: mit\ndatasets:\n- bookcorpus")},
               {"README.md": card("license: mit\ndatasets:\n- wikipedia")}),
    # "Name the provider's terms in the model card's License section"
    "DAT004": ({"README.md": card("license: apache-2.0\ndatasets:\n- yahma/alpaca-cleaned")},
               {"README.md": card("license: apache-2.0\ndatasets:\n- yahma/alpaca-cleaned",
                                  "# m\n\n## License\n\nApache-2.0. The training data was generated with OpenAI's "
                                  "models and carries the OpenAI Terms of Use.\n")}),
    # "Nothing is required": accepting it is a suppression with a reason
    "DAT005": ({"README.md": card("license: apache-2.0\ndatasets:\n- allenai/c4")},
               {"README.md": card("license: apache-2.0\ndatasets:\n"
                                  "- allenai/c4  # modelicense: ignore[DAT005] crawl opt-outs honoured, see below")}),
    # "Record the dataset's terms in your configuration: [tool.modelicense.datasets."…"]"
    "DAT006": ({"README.md": card("license: apache-2.0\ndatasets:\n- my-org/internal-crawl-2024")},
               {"README.md": card("license: apache-2.0\ndatasets:\n- my-org/internal-crawl-2024"),
                ".modelicense.toml": '[datasets."my-org/internal-crawl-2024"]\nlicence = "cc-by-4.0"\n'
                                     'reason = "our own data, licensed by us"\n'}),
    # "Find the data's terms … and declare them"
    "DAT007": ({"README.md": dataset_card("license: unknown")},
               {"README.md": dataset_card("license: cc-by-4.0")}),
    # "Make the metadata say what the terms are (`license: cc-by-nc-4.0` …)"
    "DAT008": ({"README.md": dataset_card("license: cc-by-4.0", "# Data\n\n## Licensing Information\n\n"
                                          "This dataset is for non-commercial research use only.\n")},
               {"README.md": dataset_card("license: cc-by-nc-4.0", "# Data\n\n## Licensing Information\n\n"
                                          "This dataset is for non-commercial research use only.\n")}),
    # "Add `license:` with an id …"
    "DEC001": ({"README.md": card("library_name: transformers")},
               {"README.md": card("library_name: transformers\nlicense: apache-2.0")}),
    # "license: other / license_name: … / license_link: LICENSE"
    "DEC002": ({"README.md": card("license: other\nlibrary_name: x")},
               {"README.md": card("license: other\nlicense_name: my-model-licence-1.0\nlicense_link: LICENSE\n"
                                  "library_name: x"), "LICENSE": "My Model Licence 1.0\n\nYou may use the model.\n"}),
    # "Use an id from https://huggingface.co/docs/hub/repositories-licenses"
    "DEC003": ({"README.md": card("license: apache-3.0")}, {"README.md": card("license: apache-2.0")}),
    # "Decide which licence applies and make every declaration say it"
    "DEC004": ({"README.md": card("license: apache-2.0\nlibrary_name: x"), "model.safetensors": WEIGHTS, "LICENSE": MIT},
               {"README.md": card("license: mit\nlibrary_name: x"), "model.safetensors": WEIGHTS, "LICENSE": MIT}),
    # "Fix the syntax at the reported line"
    "DEC005": ({"README.md": "---\nlicense: [mit\n---\n# m\n"}, {"README.md": card("license: mit")}),
    # "Commit the file itself instead of a link"
    "DEC006": ({"README.md": card("license: mit"), "LICENSE": ("link", "../outside-licence")},
               {"README.md": card("license: mit"), "LICENSE": MIT}),
    # "Use an allowed licence"
    "DEC007": ({"README.md": card("license: cc-by-nc-4.0\nlibrary_name: x"), "model.safetensors": WEIGHTS,
                ".modelicense.toml": '[allow]\nweights = ["Apache-2.0", "MIT"]\n'},
               {"README.md": card("license: apache-2.0\nlibrary_name: x"), "model.safetensors": WEIGHTS,
                ".modelicense.toml": '[allow]\nweights = ["Apache-2.0", "MIT"]\n'}),
    # "Keep licence texts and cards out of LFS": the text committed instead of its pointer
    "DEC010": ({"README.md": card("license: mit"),
                "LICENSE": "version https://git-lfs.github.com/spec/v1\noid sha256:"
                           "4d7a214614ab2935c943f9e0ff69d22eadbb8f32b1258daaa5e2ca24d17e2393\nsize 1077\n"},
               {"README.md": card("license: mit"), "LICENSE": MIT}),
    # "if you have reviewed it and accept its terms, record that in the configuration: per-file-ignores"
    "DEC009": ({"LICENSE": UNKNOWN_LICENCE, "model.safetensors": WEIGHTS},
               {"LICENSE": UNKNOWN_LICENCE, "model.safetensors": WEIGHTS,
                ".modelicense.toml": '[per-file-ignores]\n"LICENSE" = ["DEC009"]\n'}),
    # the suppression as documented, with its reason
    "DEC008": ({"README.md": card("license: gpl-3.0  # modelicense: ignore[WGT001]")},
               {"README.md": card("license: gpl-3.0  # modelicense: ignore[WGT001] weights released as a GPL'd part "
                                  "of the program")}),
    # "Nothing is wrong": accepted with a reason
    "USE001": ({"README.md": card("license: openrail")},
               {"README.md": card("license: openrail  # modelicense: ignore[USE001] the use restrictions are intended")}),
    "USE002": ({"README.md": card("license: llama2")},
               {"README.md": card("license: llama2  # modelicense: ignore[USE002, USE001] terms stated in the card")}),
    # "Nothing is wrong": accepted in the configuration (a licence text cannot hold a comment)
    "USE003": ({"LICENSE": UNKNOWN_LICENCE, "model.safetensors": WEIGHTS},
               {"LICENSE": UNKNOWN_LICENCE, "model.safetensors": WEIGHTS,
                ".modelicense.toml": '[per-file-ignores]\n"LICENSE" = ["USE003"]\n'}),
    # "Licence the weights under terms written for models or data"
    "WGT001": ({"README.md": card("license: gpl-3.0"), "model.safetensors": WEIGHTS},
               {"README.md": card("license: apache-2.0"), "model.safetensors": WEIGHTS}),
    # "If you mean the restriction, keep it … and silence this rule (`ignore = ["WGT002"]`)"
    # "declare a CPU or ROCm alternative … Then accept the finding with a reason on the line it points at"
    "RUN001": ({"requirements.txt": "--extra-index-url https://download.pytorch.org/whl/cu121\ntorch==2.1.2+cu121\n"},
               {"requirements.txt": "# modelicense: ignore[RUN001] CUDA is needed for training; inference runs on CPU\n"
                                    "--extra-index-url https://download.pytorch.org/whl/cu121\ntorch==2.1.2+cu121\n",
                "requirements-cpu.txt": "--index-url https://download.pytorch.org/whl/cpu\ntorch==2.1.2+cpu\n"}),
    # "Say what the model is instead: "open weights" or "openly available under the <licence>""
    "OPN001": ({"README.md": card("license: llama3", "# An open-source model\n")},
               {"README.md": card("license: llama3", "# An open-weights model, under the Llama 3 licence\n")}),
    "WGT002": ({"README.md": card("license: cc-by-nc-4.0"), "model.safetensors": WEIGHTS},
               {"README.md": card("license: cc-by-nc-4.0"), "model.safetensors": WEIGHTS,
                ".modelicense.toml": 'ignore = ["WGT002"]\n'}),
}


def _write(root: Path, files: dict) -> Path:
    for rel, content in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, tuple):  # ("link", target)
            path.symlink_to(content[1])
        elif isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return root


def rules_fired(root: Path, capsys) -> set[str]:
    capsys.readouterr()
    assert main(["scan", str(root), "--format", "json", "--fail-on", "never"]) == 0
    return {f["rule"] for f in json.loads(capsys.readouterr().out)["findings"]}


def test_every_rule_has_a_case():
    assert set(CASES) == {rule.id for rule in all_rules()}


@pytest.mark.parametrize("rule_id", sorted(CASES))
def test_following_the_fix_clears_the_finding(rule_id, tmp_path, capsys):
    broken, fixed = CASES[rule_id]
    (tmp_path / "outside-licence").write_text(MIT, encoding="utf-8")
    before = _write(tmp_path / "before", broken)
    after = _write(tmp_path / "after", fixed)
    assert rule_id in rules_fired(before, capsys)
    assert rule_id not in rules_fired(after, capsys)


@pytest.mark.parametrize(("rule_id", "files"), [
    ("DAT005", {"README.md": card("license: apache-2.0\ndatasets:\n- allenai/c4")}),
    ("USE001", {"README.md": card("license: openrail")}),
    ("USE002", {"README.md": card("license: llama2")}),
    ("RUN001", {"Dockerfile": "FROM nvidia/cuda:12.1.1-devel-ubuntu22.04\nRUN pip install vllm\n"}),
    ("RUN001", {"environment.yml": "name: x\ndependencies:\n  - python=3.10\n  - pytorch-cuda=12.1\n"}),
    ("USE001", {"USE_POLICY.md": "# Acceptable Use Policy\n\nYou agree not to use the model to harm.\n",
                "MODEL_CARD.md": "# My model\n"}),
])
def test_the_suppression_a_message_offers_works_as_written(rule_id, files, tmp_path, capsys):
    """Messages of findings that need no fix say how to accept them: doing exactly that clears them."""
    root = _write(tmp_path / "repo", files)
    capsys.readouterr()
    main(["scan", str(root), "--format", "json", "--fail-on", "never"])
    [finding] = [f for f in json.loads(capsys.readouterr().out)["findings"] if f["rule"] == rule_id]
    comment = finding["message"].split("accept this with `", 1)[1].split("`", 1)[0]
    comment = comment.replace("<reason>", "reviewed: intended")
    path = root / finding["path"]
    lines = path.read_text(encoding="utf-8").splitlines()
    if comment.startswith("<!--"):
        lines.append(comment)  # an HTML comment applies to the whole Markdown file
    else:
        lines[finding["line"] - 1] += "  " + comment
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert rule_id not in rules_fired(root, capsys)
