"""Lineage as models are really published (issue 12, item 1): a PEFT adapter's
adapter_config.json, transformers' config.json, a mergekit configuration, the card's
base_model_relation and GGUF metadata, joined into one set of bases per model.

The files are written in the shapes their tools write: adapter_config.json with the keys
peft's LoraConfig.save_pretrained writes (https://huggingface.co/docs/peft/developer_guides/checkpoint),
config.json as transformers' PretrainedConfig.save_pretrained writes it, mergekit_config.yml as
mergekit's README examples (https://github.com/arcee-ai/mergekit#merge-configuration), GGUF with
the real `gguf` writer (llama.cpp's gguf-py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import card

from modelicense.config import Config, from_mapping
from modelicense.extract import mergekit, model_config, peft_adapter
from modelicense.extract.hub_ids import hub_model_id
from modelicense.lineage import bases, index
from modelicense.model import FileKind, Finding, Severity
from modelicense.scan import scan

LLAMA_2 = "meta-llama/Llama-2-7b-hf"


def adapter_config(base: str) -> str:
    """adapter_config.json as peft 0.x writes it for a LoRA (sorted keys, indent 2)."""
    return json.dumps({
        "alpha_pattern": {}, "auto_mapping": None, "base_model_name_or_path": base, "bias": "none",
        "fan_in_fan_out": False, "inference_mode": True, "init_lora_weights": True, "layers_pattern": None,
        "layers_to_transform": None, "lora_alpha": 16, "lora_dropout": 0.05, "modules_to_save": None,
        "peft_type": "LORA", "r": 8, "rank_pattern": {}, "revision": None,
        "target_modules": ["q_proj", "v_proj"], "task_type": "CAUSAL_LM",
    }, indent=2, sort_keys=True)


def transformers_config(name_or_path: str, quantised: bool = False) -> str:
    config = {"_name_or_path": name_or_path, "architectures": ["LlamaForCausalLM"], "hidden_size": 4096,
              "model_type": "llama", "num_hidden_layers": 32, "torch_dtype": "float16",
              "transformers_version": "4.36.2", "vocab_size": 32000}
    if quantised:
        config["quantization_config"] = {"bits": 4, "group_size": 128, "quant_method": "gptq", "desc_act": False}
    return json.dumps(config, indent=2, sort_keys=True)


# A SLERP merge of SOLAR's base (Apache-2.0) and its instruction tune (CC-BY-NC-4.0), as mergekit writes it.
MERGE_CONFIG = """\
slices:
  - sources:
      - model: upstage/SOLAR-10.7B-v1.0
        layer_range: [0, 48]
      - model: upstage/SOLAR-10.7B-Instruct-v1.0
        layer_range: [0, 48]
merge_method: slerp
base_model: upstage/SOLAR-10.7B-v1.0
parameters:
  t:
    - filter: self_attn
      value: [0, 0.5, 0.3, 0.7, 1]
    - value: 0.5
dtype: bfloat16
"""


def findings(root: Path, prefix: str, **table) -> list[Finding]:
    config = from_mapping(table, "test") if table else Config()
    return [f for f in scan(root, config).findings if f.rule.startswith(prefix)]


# --- PEFT adapters -------------------------------------------------------------------------------


def test_peft_adapter_without_base_model_in_its_card_gets_bas001_against_llama(make_repo):
    # A card as people write it for an adapter, without `base_model:`; the base is only in adapter_config.json.
    root = make_repo({
        "README.md": card("library_name: peft\nlicense: apache-2.0\ntags:\n- lora", "# my-llama-lora\n"),
        "adapter_config.json": adapter_config(LLAMA_2),
        "adapter_model.safetensors": b"\x08\x00\x00\x00\x00\x00\x00\x00{}      ",
    })
    [hit] = findings(root, "BAS001")
    assert hit.severity is Severity.ERROR and LLAMA_2 in hit.message and "use restrictions" in hit.message
    assert hit.location.path == "README.md" and hit.location.line == 3  # the card's `license:` line
    [related] = hit.related
    assert related.path == "adapter_config.json" and related.line == 4  # where base_model_name_or_path stands


def test_peft_adapter_under_its_base_licence_is_quiet(make_repo):
    root = make_repo({"README.md": card("library_name: peft\nlicense: llama2"), "adapter_config.json": adapter_config(LLAMA_2)})
    assert findings(root, "BAS001") == []


def test_adapter_extractor_reads_the_base_with_its_relation_and_skips_local_paths():
    [ref] = peft_adapter.extract("adapter_config.json", adapter_config(LLAMA_2).encode(), 0).references
    assert (ref.kind, ref.id, ref.relation) == ("base_model", LLAMA_2, "adapter")
    for local in ("/home/me/llama", "./base", "../checkpoints/base", "C:\\models\\llama", "~/llama", "outputs/run-1"):
        assert peft_adapter.extract("adapter_config.json", adapter_config(local).encode(), 0).references == (), local
    broken = peft_adapter.extract("adapter_config.json", b'{"base_model_name_or_path": ', 0)
    assert broken.problems and broken.problems[0].code == "malformed"


# --- config.json -----------------------------------------------------------------------------------


def test_config_name_or_path_names_the_base_only_when_it_is_a_hub_id():
    [ref] = model_config.extract("config.json", transformers_config(LLAMA_2).encode(), 0).references
    assert (ref.id, ref.relation, ref.location.line) == (LLAMA_2, None, 2)
    for local in ("/tmp/tmpabc123", "./output", "outputs/checkpoint-500", "checkpoint-500", "gpt2"):
        assert model_config.extract("config.json", transformers_config(local).encode(), 0).references == (), local
    # Not a model's configuration, or not JSON at all: passed over without a finding.
    for other in (b'{"port": 8080}', b"// comment\n{", b"[1, 2]", b"[" * 100_000):
        assert model_config.extract("config.json", other, 0) == model_config.extract("config.json", b"", 0)


def test_quantised_config_json_is_a_quantisation_that_keeps_its_base_licence(make_repo):
    # A GPTQ quantisation of Mistral (Apache-2.0) whose card says MIT: the weights are Mistral's.
    root = make_repo({
        "README.md": card("library_name: transformers\nlicense: mit"),
        "config.json": transformers_config("mistralai/Mistral-7B-v0.1", quantised=True),
    })
    [hit] = findings(root, "BAS001")
    assert "quantisation" in hit.message and hit.severity is Severity.ERROR


def test_config_json_beside_an_unknown_base_gives_no_bas003(make_repo):
    # `_name_or_path` may be the model's own id: an unknown one is not reported as a base.
    root = make_repo({"README.md": card("library_name: transformers\nlicense: mit"),
                      "config.json": transformers_config("acme/our-own-model")})
    assert findings(root, "BAS003") == []


# --- mergekit ------------------------------------------------------------------------------------


def test_merge_of_apache_and_non_commercial_models_inherits_the_non_commercial_terms(make_repo):
    root = make_repo({
        "README.md": card("library_name: transformers\nlicense: apache-2.0\ntags:\n- merge\n- mergekit"),
        "mergekit_config.yml": MERGE_CONFIG,
    })
    [hit] = findings(root, "BAS001")
    assert "upstage/SOLAR-10.7B-Instruct-v1.0" in hit.message and "non-commercial" in hit.message
    assert "merge" in hit.message and hit.severity is Severity.ERROR
    assert hit.related[0].path == "mergekit_config.yml" and hit.related[0].line == 5
    # Declared under the non-commercial terms both bases allow: quiet.
    (root / "README.md").write_text(card("library_name: transformers\nlicense: cc-by-nc-4.0"))
    assert findings(root, "BAS001") == []


def test_mergekit_extractor_reads_models_slices_base_model_and_lora_suffixes():
    text = """\
models:
  - model: mistralai/Mistral-7B-v0.1
  - model: teknium/OpenHermes-2.5-Mistral-7B+acme/some-lora
    parameters: {density: 0.5, weight: 0.5}
  - model: ./local/checkpoint
merge_method: ties
base_model: mistralai/Mistral-7B-v0.1
"""
    found = mergekit.extract("mergekit_config.yml", text.encode(), 0)
    assert [(r.id, r.relation, r.location.line) for r in found.references] == [
        ("mistralai/Mistral-7B-v0.1", "merge", 2),
        ("teknium/OpenHermes-2.5-Mistral-7B", "merge", 3),
        ("acme/some-lora", "merge", 3),
    ]
    assert found.meta("merge_method") == "ties"


@pytest.mark.parametrize("data", [
    b"merge_method: [",                       # broken YAML
    b"[" * 50_000,                            # nesting that would crash libyaml's composer
    b"a: &a [*a, *a]\nmerge_method: x\nmodels: *a\n",  # an alias pointing at itself
    b"!!python/object/apply:os.system ['echo hi']\n",  # never constructed
])
def test_mergekit_extractor_is_bounded_and_never_constructs(data):
    found = mergekit.extract("mergekit_config.yml", data, len(data))
    assert found.references == ()


def test_a_yaml_file_that_is_not_a_merge_says_nothing():
    assert mergekit.extract("merge_config.yaml", b"models:\n  - model: a/b\n", 0).references == ()


# --- card base_model_relation and the join -------------------------------------------------------


def test_card_relation_applies_to_the_bases_other_files_name(make_repo):
    root = make_repo({
        "README.md": card("library_name: transformers\nlicense: mit\nbase_model_relation: quantized\n"
                          "base_model: mistralai/Mistral-7B-v0.1"),
        "config.json": transformers_config("mistralai/Mistral-7B-v0.1"),
        "sub/config.json": transformers_config(LLAMA_2),  # another folder: another model
    })
    repository = scan(root, Config()).repository
    [readme] = [a for a in repository.artefacts if a.path == "README.md"]
    [base] = bases(readme, index(repository))
    assert (base.id, base.relation, base.source, base.location.path) == (
        "mistralai/Mistral-7B-v0.1", "quantized", FileKind.MODEL_CARD, "README.md")


def test_hub_ids_and_paths():
    assert hub_model_id("https://huggingface.co/meta-llama/Llama-2-7b-hf/tree/main") == LLAMA_2
    assert hub_model_id("gpt2") is None and hub_model_id("gpt2", allow_bare=True) == "gpt2"
    for path in ("/abs/path", "./rel", "a/b/c", "checkpoints/run", "s3://bucket/model", "", None, 7):
        assert hub_model_id(path, allow_bare=True) is None, path


# --- GGUF ----------------------------------------------------------------------------------------


def write_gguf(path: Path, strings: dict[str, str], file_type: int) -> None:
    gguf = pytest.importorskip("gguf")
    numpy = pytest.importorskip("numpy")
    writer = gguf.GGUFWriter(str(path), "llama")
    for key, value in strings.items():
        writer.add_string(key, value)
    writer.add_file_type(file_type)
    writer.add_tensor("t", numpy.zeros((4, 4), dtype=numpy.float32))
    writer.write_header_to_file()
    writer.write_kv_data_to_file()
    writer.write_tensors_to_file()
    writer.close()


def test_quantised_gguf_of_llama_declared_mit_gets_bas001(make_repo):
    gguf = pytest.importorskip("gguf")
    root = make_repo({})
    write_gguf(root / "llama-2-7b.Q4_K_M.gguf", {
        "general.name": "Llama 2 7b", "general.license": "mit",
        "general.source.repo_url": "https://huggingface.co/meta-llama/Llama-2-7b-hf",
    }, gguf.LlamaFileType.MOSTLY_Q4_K_M)
    [hit] = findings(root, "BAS001")
    assert hit.location.path == "llama-2-7b.Q4_K_M.gguf" and LLAMA_2 in hit.message
    assert hit.severity is Severity.ERROR and "use restrictions" in hit.message
    [weights] = [a for a in scan(root, Config()).repository.artefacts if a.path.endswith(".gguf")]
    assert [(r.id, r.relation) for r in weights.references] == [(LLAMA_2, "quantized")]


def test_gguf_quantisation_under_another_model_licence_is_bas001_even_without_dropped_terms(make_repo):
    gguf = pytest.importorskip("gguf")
    root = make_repo({})
    write_gguf(root / "model.Q8_0.gguf", {"general.license": "llama3",
                                         "general.source.repo_url": "https://huggingface.co/meta-llama/Llama-2-7b-hf"},
               gguf.LlamaFileType.MOSTLY_Q8_0)
    [hit] = findings(root, "BAS001")
    assert "quantisation" in hit.message


def test_gguf_under_its_base_licence_and_an_f16_conversion_are_quiet(make_repo):
    gguf = pytest.importorskip("gguf")
    root = make_repo({})
    write_gguf(root / "a.Q4_K_M.gguf", {"general.license": "llama2",
                                        "general.source.repo_url": "https://huggingface.co/meta-llama/Llama-2-7b-hf"},
               gguf.LlamaFileType.MOSTLY_Q4_K_M)
    write_gguf(root / "b.f16.gguf", {"general.source.repo_url": "https://huggingface.co/meta-llama/Llama-2-7b-hf"},
               gguf.LlamaFileType.MOSTLY_F16)
    assert findings(root, "BAS001") == []
    artefacts = {a.path: a for a in scan(root, Config()).repository.artefacts}
    assert [r.relation for r in artefacts["b.f16.gguf"].references] == [None]
