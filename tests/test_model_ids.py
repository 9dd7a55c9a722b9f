"""Model ids in source code (issue 12, item 2): string literals passed to the calls that load a
model from the Hub, in .py files and notebooks' code cells, read by tokens and never run; and
BAS004, the terms of such a model that the code's own licence does not carry.

The calls are written as the libraries' documentation writes them (loaders.json cites each
signature); notebooks are written by nbformat itself where it is installed, and otherwise in the
layout nbformat 4 writes (sorted keys, indent 1, source as a list of lines)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import MIT_TEXT, card, run_cli

from modelicense import scan as scan_module
from modelicense.config import Config
from modelicense.extract import model_ids
from modelicense.model import RUNTIME, Severity
from modelicense.scan import scan

LLAMA_2 = "meta-llama/Llama-2-7b-hf"
NON_COMMERCIAL = "facebook/musicgen-small"  # CC-BY-NC-4.0 (models.json: facebook/musicgen)


def ids(source: str, path: str = "app.py") -> list[tuple[str, int | None, int | None]]:
    found = model_ids.extract(path, source.encode())
    assert all(r.kind == "model" and r.relation == RUNTIME for r in found.references)
    return [(r.id, r.location.line, r.location.column) for r in found.references]


def only_ids(source: str) -> list[str]:
    return [ident for ident, _line, _column in ids(source)]


# --- the reader -----------------------------------------------------------------------------------


@pytest.mark.parametrize("call, expected", [
    ('AutoModelForCausalLM.from_pretrained("meta-llama/Llama-2-7b-hf")', LLAMA_2),
    ('transformers.AutoTokenizer.from_pretrained("meta-llama/Llama-2-7b-hf", use_fast=True)', LLAMA_2),
    ('AutoModel.from_pretrained(pretrained_model_name_or_path="org/name", revision="main")', "org/name"),
    ('DiffusionPipeline.from_pretrained("stabilityai/stable-diffusion-xl-base-1.0", torch_dtype=dtype)',
     "stabilityai/stable-diffusion-xl-base-1.0"),
    ('PeftModel.from_pretrained(base, "tloen/alpaca-lora-7b")', "tloen/alpaca-lora-7b"),
    ('PeftModelForCausalLM.from_pretrained(base, model_id="tloen/alpaca-lora-7b")', "tloen/alpaca-lora-7b"),
    ('model.load_adapter("org/adapter")', "org/adapter"),
    ('hf_hub_download(repo_id="TheBloke/Llama-2-7B-GGUF", filename="llama-2-7b.Q4_K_M.gguf")',
     "TheBloke/Llama-2-7B-GGUF"),
    ('huggingface_hub.hf_hub_download("org/name", "config.json", repo_type="model")', "org/name"),
    ('snapshot_download("org/name", allow_patterns=["*.json"])', "org/name"),
    ('pipeline("text-generation", model="mistralai/Mistral-7B-v0.1", device=0)', "mistralai/Mistral-7B-v0.1"),
    ('pipeline("text-classification", "distilbert-base-uncased")', "distilbert-base-uncased"),
    ('SentenceTransformer("sentence-transformers/all-MiniLM-L6-v2")', "sentence-transformers/all-MiniLM-L6-v2"),
    ('CrossEncoder(model_name="cross-encoder/ms-marco-MiniLM-L-6-v2")', "cross-encoder/ms-marco-MiniLM-L-6-v2"),
    ('StableDiffusionXLPipeline.from_single_file("https://huggingface.co/stabilityai/stable-diffusion-xl-base-1.0'
     '/blob/main/sd_xl_base_1.0.safetensors")', "stabilityai/stable-diffusion-xl-base-1.0"),
    ('Llama.from_pretrained(repo_id="TheBloke/Llama-2-7B-GGUF", filename="*Q4_K_M.gguf")', "TheBloke/Llama-2-7B-GGUF"),
    ('LlamaForCausalLM.from_pretrained(pretrained_model_name_or_path="meta-llama/Llama-2-7b-hf")', LLAMA_2),
    ('LLM(model="mistralai/Mistral-7B-v0.1", tensor_parallel_size=2)', "mistralai/Mistral-7B-v0.1"),
    ('timm.create_model("hf-hub:timm/eca_nfnet_l0", pretrained=True)', "timm/eca_nfnet_l0"),
    ('timm.create_model("hf_hub:nateraw/resnet18-random", pretrained=True)', "nateraw/resnet18-random"),
    ("open_clip.create_model_and_transforms('hf-hub:laion/CLIP-ViT-g-14-laion2B-s12B-b42K')",
     "laion/CLIP-ViT-g-14-laion2B-s12B-b42K"),
    ('AutoModel.from_pretrained("org/" "name")', "org/name"),  # implicit concatenation is one literal
    ('AutoModel.from_pretrained(r"org/name", *args)', "org/name"),  # positions before *args are known
    ('AutoModel.from_pretrained(\n    "org/name",  # the base\n    trust_remote_code=False,\n)', "org/name"),
])
def test_the_documented_loaders_with_a_literal_id(call, expected):
    assert only_ids(f"model = {call}\n") == [expected]


@pytest.mark.parametrize("call", [
    "AutoModel.from_pretrained(model_id)",
    'AutoModel.from_pretrained(f"meta-llama/{name}")',
    'AutoModel.from_pretrained("meta-llama/" + size)',
    'AutoModel.from_pretrained(ids["llama"])',
    'AutoModel.from_pretrained(os.environ.get("MODEL", "meta-llama/Llama-2-7b-hf"))',
    'AutoModel.from_pretrained(b"meta-llama/Llama-2-7b-hf")',
    'AutoModel.from_pretrained(args.model or "meta-llama/Llama-2-7b-hf")',
    'AutoModel.from_pretrained("./checkpoints/llama")',  # a local folder
    'AutoModel.from_pretrained("/data/models/llama")',
    'PeftModel.from_pretrained("meta-llama/Llama-2-7b-hf")',  # the base model object's place, not the adapter's
    'hf_hub_download("google/fleurs", "fleurs.py", repo_type="dataset")',
    'snapshot_download(repo_id="org/space", repo_type="space")',
    'snapshot_download("org/name", repo_type=kind)',  # a dataset, perhaps: not guessed
    'AutoModel.from_pretrained(*args, "meta-llama/Llama-2-7b-hf")',
    'timm.create_model("resnet50", pretrained=True)',  # timm's own architecture, not a Hub id
    'timm.create_model("org/name")',  # without hf-hub: not a Hub reference
    'pipe.from_single_file("sd_xl_base_1.0.safetensors")',  # a local file
    'Llama.from_pretrained(model_path)',
    'load("meta-llama/Llama-2-7b-hf")',  # not a loader
    'from_pretrained_helper("meta-llama/Llama-2-7b-hf")',
])
def test_what_is_not_a_literal_id_is_skipped_not_guessed(call):
    assert only_ids(f"model = {call}\n") == []


def test_mentions_in_strings_comments_and_definitions_are_not_calls():
    source = (
        'def pipeline(task, model="meta-llama/Llama-2-7b-hf"):\n'
        '    """Use it as AutoModel.from_pretrained("meta-llama/Llama-2-7b-hf")."""\n'
        '# AutoModel.from_pretrained("meta-llama/Llama-2-7b-hf")\n'
        'EXAMPLE = \'pipeline(model="meta-llama/Llama-2-7b-hf")\'\n'
    )
    assert only_ids(source) == []


def test_the_reference_stands_at_the_literal_line_and_column():
    source = 'import torch\n\nmodel = AutoModelForCausalLM.from_pretrained(\n    "meta-llama/Llama-2-7b-hf",\n)\n'
    assert ids(source) == [(LLAMA_2, 4, 5)]


def test_nested_calls_are_each_read():
    source = ('pipe = pipeline("text-generation", model=AutoModel.from_pretrained("org/inner"), '
              'tokenizer=AutoTokenizer.from_pretrained("org/tok"))\n')
    assert only_ids(source) == ["org/inner", "org/tok"]


def test_code_that_does_not_parse_keeps_the_calls_before_the_break():
    # Python 2, an unclosed bracket at the end (a file cut at the read limit), a bad dedent
    source = ('print "loading"\nmodel = AutoModel.from_pretrained("org/first")\n'
              'if x:\n        a = 1\n    b = 2\n'
              'other = AutoModel.from_pretrained("org/second"\n')
    assert only_ids(source)[:1] == ["org/first"]


def test_the_byte_filter_keeps_files_without_loaders_from_being_tokenized():
    assert model_ids.may_load(b'm = AutoModel.from_pretrained ("x/y")')
    assert model_ids.may_load(b'"m = pipeline(\\"text\\", model=\\"x/y\\")\\n",')  # a notebook's JSON
    assert not model_ids.may_load(b"import torch\nfrom_pretrained = None\nmy_pipeline(x)\n")


def test_loaders_json_cites_a_source_for_every_call():
    entries = json.loads(Path(model_ids._LOADERS_FILE).read_text("utf-8"))["entries"]
    assert {"from_pretrained", "hf_hub_download", "snapshot_download", "pipeline"} <= {e["call"] for e in entries}
    for entry in entries:
        assert entry["source"].startswith("https://"), entry
        assert set(entry) <= {"call", "qualifiers", "position", "keywords", "type_keyword", "prefixes", "bare", "library",
                              "source", "notes"}
        assert isinstance(entry["position"], int) and entry["keywords"], entry


# --- notebooks --------------------------------------------------------------------------------------


CELLS = [
    ("markdown", "# Demo\n\nWe load `AutoModel.from_pretrained(\"org/in-markdown\")` below."),
    ("code", "!pip install transformers\n%matplotlib inline\n!echo '\'\'\n\nfrom transformers import AutoModelForCausalLM\n"
             "model = AutoModelForCausalLM.from_pretrained(\"meta-llama/Llama-2-7b-hf\")  # Llama 2 — 7B"),
    ("code", "%%bash\necho AutoModel.from_pretrained(\"org/in-bash\")"),
    ("code", "name = \"métis\"; tok = AutoTokenizer.from_pretrained(\"org/after-non-ascii\")"),
]


def notebook_as_nbformat_writes_it(cells=CELLS) -> str:
    """nbformat 4's layout: nbformat.v4.nbjson writes json.dumps(nb, sort_keys=True, indent=1,
    ensure_ascii=False) with each cell's source split into lines."""
    def cell(kind: str, text: str) -> dict:
        body = {"cell_type": kind, "metadata": {}, "source": text.splitlines(keepends=True)}
        if kind == "code":
            body.update(execution_count=None, outputs=[])
        return body

    nb = {"cells": [cell(k, t) for k, t in cells], "metadata": {"kernelspec": {"name": "python3"}},
          "nbformat": 4, "nbformat_minor": 5}
    return json.dumps(nb, sort_keys=True, indent=1, ensure_ascii=False) + "\n"


def _line_and_column_of(text: str, needle: str) -> tuple[int, int]:
    at = text.index(needle)
    return text.count("\n", 0, at) + 1, at - (text.rfind("\n", 0, at) + 1) + 1


def test_notebook_code_cells_are_read_at_the_notebook_files_lines():
    text = notebook_as_nbformat_writes_it()
    found = ids(text, "demo.ipynb")
    llama = (LLAMA_2, *_line_and_column_of(text, '\\"meta-llama/Llama-2-7b-hf\\"'))
    after = ("org/after-non-ascii", *_line_and_column_of(text, '\\"org/after-non-ascii\\"'))
    assert found == [llama, after]  # not the markdown cell, not the %%bash cell; magics and ! lines skipped


def test_notebook_written_by_nbformat_itself():
    nbformat = pytest.importorskip("nbformat", reason="nbformat (test-full) writes the notebook")
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_markdown_cell("# Demo"),
                nbformat.v4.new_code_cell('model = AutoModel.from_pretrained("meta-llama/Llama-2-7b-hf")')]
    text = nbformat.writes(nb)
    assert ids(text, "demo.ipynb") == [(LLAMA_2, *_line_and_column_of(text, '\\"meta-llama/Llama-2-7b-hf\\"'))]


def test_a_notebook_with_source_as_one_string_and_escaped_non_ascii():
    nb = {"cells": [{"cell_type": "code", "metadata": {}, "outputs": [], "execution_count": 1,
                     "source": "x = 'é'\nm = AutoModel.from_pretrained('org/name')\n"}], "nbformat": 4,
          "nbformat_minor": 5, "metadata": {}}
    text = json.dumps(nb, indent=1)  # ensure_ascii: é written \u00e9
    assert ids(text, "n.ipynb") == [("org/name", *_line_and_column_of(text, "'org/name'"))]


@pytest.mark.parametrize("data", [b"", b"{", b"[]", b'{"cells": 3}', b'{"cells": [1, {"source": 7}]}',
                                  b'{"cells": [{"cell_type": "code", "source": ["AutoModel.from_pretrained(\\"a/b\\""]}]}',
                                  b"\xff\xfe{not json"])
def test_broken_notebooks_say_nothing_and_never_raise(data):
    found = model_ids.extract("n.ipynb", data)
    assert [r.id for r in found.references] in ([], ["a/b"])


# --- BAS004 -----------------------------------------------------------------------------------------


def bas004(root: Path):
    return [f for f in scan(root, Config()).findings if f.rule == "BAS004"]


APP = 'from transformers import AutoModelForCausalLM\n\nmodel = AutoModelForCausalLM.from_pretrained("{model}")\n'


def test_mit_application_loading_llama_2_gets_the_finding_at_that_line(make_repo):
    root = make_repo({"LICENSE": MIT_TEXT, "app.py": APP.format(model=LLAMA_2)})
    (finding,) = bas004(root)
    assert (finding.location.path, finding.location.line, finding.location.column) == ("app.py", 3, 46)
    assert finding.severity is Severity.INFO  # use restrictions
    assert LLAMA_2 in finding.message and "llama2" in finding.message and "use restrictions" in finding.message
    assert "MIT" in finding.message
    assert [str(r) for r in finding.related] == ["LICENSE:1:1"]


def test_a_variable_id_gets_no_finding(make_repo):
    root = make_repo({"LICENSE": MIT_TEXT, "app.py": APP.replace('"{model}"', "model_id")})
    assert bas004(root) == []


def test_a_non_commercial_model_is_a_warning(make_repo):
    root = make_repo({"LICENSE": MIT_TEXT, "app.py": APP.format(model=NON_COMMERCIAL)})
    (finding,) = bas004(root)
    assert finding.severity is Severity.WARNING and "non-commercial" in finding.message


@pytest.mark.parametrize("files", [
    # the code's own licence carries the terms: an SPDX header, a nested LICENSE of the model's licence
    {"LICENSE": MIT_TEXT, "app.py": "# SPDX-License-Identifier: CC-BY-NC-4.0\n" + APP.format(model=NON_COMMERCIAL)},
    {"LICENSE": MIT_TEXT, "demo/LICENSE.txt": "LLAMA 2 COMMUNITY LICENSE AGREEMENT\nLlama 2 Version Release Date: "
     "July 18, 2023\n", "demo/app.py": APP.format(model=LLAMA_2)},
    # a model under a permissive licence, an unknown model, code with no licence at all
    {"LICENSE": MIT_TEXT, "app.py": APP.format(model="mistralai/Mistral-7B-v0.1")},
    {"LICENSE": MIT_TEXT, "app.py": APP.format(model="someone/private-model")},
    {"app.py": APP.format(model=LLAMA_2)},
])
def test_bas004_quiet(make_repo, files):
    assert bas004(make_repo(files)) == []


def test_the_spdx_header_of_the_file_wins_over_the_root_licence(make_repo):
    root = make_repo({"LICENSE": "LLAMA 2 COMMUNITY LICENSE AGREEMENT\nLlama 2 Version Release Date: July 18, 2023\n",
                      "app.py": "# SPDX-License-Identifier: Apache-2.0\n" + APP.format(model=LLAMA_2)})
    (finding,) = bas004(root)
    assert "Apache-2.0" in finding.message and [str(r) for r in finding.related] == ["app.py:1:28"]  # at the expression


def test_packaging_metadata_is_the_code_licence_when_there_is_no_licence_file(make_repo):
    root = make_repo({"pyproject.toml": '[project]\nname = "app"\nversion = "1"\nlicense = "Apache-2.0"\n',
                      "src/app/main.py": APP.format(model=NON_COMMERCIAL)})
    (finding,) = bas004(root)
    assert finding.location.path == "src/app/main.py" and "Apache-2.0" in finding.message


def test_one_finding_per_model_and_file(make_repo):
    source = APP.format(model=LLAMA_2) + f'tok = AutoTokenizer.from_pretrained("{LLAMA_2}")\n'
    root = make_repo({"LICENSE": MIT_TEXT, "app.py": source, "serve.py": source})
    assert sorted((f.location.path, f.location.line) for f in bas004(root)) == [("app.py", 3), ("serve.py", 3)]


def test_a_suppression_on_the_call_line_or_above_it_hides_the_finding(make_repo):
    call = f'model = AutoModelForCausalLM.from_pretrained("{LLAMA_2}")'
    trailing = f"{call}  # modelicense: ignore[BAS004] the README states the Llama 2 licence\n"
    above = f"# modelicense: ignore[BAS004] the README states the Llama 2 licence\n{call}\n"
    for body in (trailing, above):
        root = make_repo({"LICENSE": MIT_TEXT, "app.py": "import os\n" * 60 + body})  # far below the header lines
        result = scan(root, Config())
        assert [f for f in result.findings if f.rule == "BAS004"] == []
        assert [h.finding.rule for h in result.silenced.hidden] == ["BAS004"]


def test_a_notebook_gets_the_finding_at_its_own_line(make_repo):
    text = notebook_as_nbformat_writes_it()
    root = make_repo({"LICENSE": MIT_TEXT, "notebooks/demo.ipynb": text})
    (finding,) = bas004(root)
    line, column = _line_and_column_of(text, '\\"meta-llama/Llama-2-7b-hf\\"')
    assert (finding.location.path, finding.location.line, finding.location.column) == ("notebooks/demo.ipynb", line, column)


def test_the_json_report_lists_the_models_loaded_at_run_time(make_repo):
    root = make_repo({"LICENSE": MIT_TEXT, "app.py": APP.format(model=LLAMA_2)}, git=True)
    proc = run_cli("scan", "--format", "json", str(root))
    assert proc.returncode == 0, proc.stderr  # an info finding does not fail the default gate
    (app,) = [a for a in json.loads(proc.stdout)["artefacts"] if a["path"] == "app.py"]
    assert app["references"] == [{"kind": "model", "id": LLAMA_2, "relation": "runtime", "line": 3, "column": 46}]


def test_the_code_is_never_run(make_repo, tmp_path):
    marker = tmp_path / "ran"
    source = f"open({str(marker)!r}, 'w').close()\n" + APP.format(model=LLAMA_2)
    root = make_repo({"LICENSE": MIT_TEXT, "app.py": source, "nb.ipynb": notebook_as_nbformat_writes_it(
        [("code", f"open({str(marker)!r}, 'w').close()\nm = AutoModel.from_pretrained(\"{LLAMA_2}\")")])})
    assert len(bas004(root)) == 2
    assert not marker.exists()


# --- bounds -------------------------------------------------------------------------------------


def test_a_call_past_the_per_file_read_limit_is_not_read(make_repo):
    padding = "# padding\n" * (model_ids.MAX_PY_BYTES // 10 + 1)
    root = make_repo({"LICENSE": MIT_TEXT, "early.py": APP.format(model=LLAMA_2) + padding,
                      "late.py": padding + APP.format(model=LLAMA_2)})
    assert [f.location.path for f in bas004(root)] == ["early.py"]


def test_past_the_per_repository_budget_files_are_read_for_their_header_and_the_first_is_reported(make_repo,
                                                                                                    monkeypatch):
    files = {f"pkg/m{n:02}.py": APP.format(model=LLAMA_2) for n in range(10)}
    root = make_repo({"LICENSE": MIT_TEXT, **files})
    size = len(APP.format(model=LLAMA_2).encode())
    monkeypatch.setattr(scan_module.CodeBudget, "READ", 4 * size)
    result = scan(root, Config())
    assert sorted(f.location.path for f in result.findings if f.rule == "BAS004") == [f"pkg/m0{n}.py" for n in range(4)]
    (note,) = [f for f in result.findings if f.rule == "DEC006"]
    assert note.location.path == "pkg/m04.py" and "6 file(s)" in note.message and "MiB" in note.message


def test_the_tokenize_budget_is_its_own(make_repo, monkeypatch):
    root = make_repo({"LICENSE": MIT_TEXT, **{f"m{n}.py": APP.format(model=LLAMA_2) for n in range(3)}})
    monkeypatch.setattr(scan_module.CodeBudget, "TOKENIZED", len(APP.format(model=LLAMA_2).encode()))
    result = scan(root, Config())
    assert [f.location.path for f in result.findings if f.rule == "BAS004"] == ["m0.py"]
    assert [f.location.path for f in result.findings if f.rule == "DEC006"] == ["m1.py"]


def test_a_model_card_repository_is_judged_as_before(make_repo):
    # a model repository with a handler: its card's BAS findings are unchanged by the code reader
    root = make_repo({"README.md": card(f"base_model: {LLAMA_2}\nlicense: llama2"), "handler.py": APP.format(model=LLAMA_2)})
    assert bas004(root) == []  # no code licence: not judged


@pytest.mark.parametrize("source, expected", [
    ("m = " + "from_pretrained(" * 50_000, []),  # unclosed loader calls: 200 followed, the rest counted
    ("m = " + "(" * 100_000 + ")" * 100_000 + '\nAutoModel.from_pretrained("org/after")\n', ["org/after"]),
    ('AutoModel.from_pretrained("' + "a" * 400_000 + '")\n', []),  # a literal far longer than any id
    ("AutoModel.from_pretrained(" + '"x" ' * 100_000 + ")\n", []),  # implicit concatenation without end
    ('"""' + 'AutoModel.from_pretrained("org/in-docstring")\n' * 10_000, []),  # an unclosed docstring
])
def test_worst_case_code_is_read_in_one_pass_without_raising(source, expected):
    assert only_ids(source) == expected


def test_lineage_lists_each_model_the_code_loads_once_as_used_at_run_time(make_repo):
    from modelicense.lineage import RUNTIME_RELATION, runtime_models

    root = make_repo({"LICENSE": MIT_TEXT, "a/app.py": APP.format(model=LLAMA_2),
                      "b/serve.py": APP.format(model=LLAMA_2.upper()) + APP.format(model=NON_COMMERCIAL)})
    found = runtime_models(scan(root, Config()).repository)
    assert [(b.id, b.relation, str(b.location)) for b in found] == [
        (LLAMA_2, RUNTIME_RELATION, "a/app.py:3:46"), (NON_COMMERCIAL, "used at run time", "b/serve.py:6:46")]
