"""BAS — base models: derived models whose licence drops its base's terms, duties not shown,
unknown bases. Bases come from the shipped knowledge (Llama 2/3, Gemma, Mistral) or, where a
test needs a base the knowledge does not have, from a configuration override with a reason."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import MIT_TEXT, card, scancode_licence_text

from modelicense.config import Config, from_mapping
from modelicense.model import Finding, Severity
from modelicense.scan import scan

# A use policy as a derivative ships it: what BAS002 looks for is the file, not its words.
USE_POLICY = ("# Acceptable Use Policy\n\nYou agree you will not use, or allow others to use, the model to violate "
              "the law or others' rights, or to generate disinformation.\n")


def findings(root: Path, prefix: str, **table) -> list[Finding]:
    config = from_mapping(table, "test") if table else Config()
    return [f for f in scan(root, config).findings if f.rule.startswith(prefix)]


def derived(front_matter: str, body: str = "# A derived model\n") -> str:
    return card(f"library_name: transformers\n{front_matter}", body)


# --- BAS001 --------------------------------------------------------------------------------------


@pytest.mark.parametrize(("base", "declared", "dropped"), [
    ("meta-llama/Llama-2-7b-hf", "apache-2.0", "use restrictions"),
    ("google/gemma-2b", "mit", "use restrictions"),
])
def test_bas001_derivative_drops_base_terms(make_repo, base, declared, dropped):
    root = make_repo({"README.md": derived(f"base_model: {base}\nlicense: {declared}")})
    [hit] = findings(root, "BAS001")
    assert hit.severity is Severity.ERROR and hit.location.line == 4  # the card's `license:` line
    assert dropped in hit.message and base in hit.message
    assert hit.related[0].line == 3  # the `base_model:` line


def test_bas001_non_commercial_base_relicensed_permissively(make_repo):
    models = {"acme/research-base": {"licence": "cc-by-nc-4.0", "reason": "card of acme/research-base says CC BY-NC 4.0"}}
    root = make_repo({"README.md": derived("base_model:\n- acme/research-base\nlicense: cc-by-4.0")})
    [hit] = findings(root, "BAS001", models=models)
    assert "non-commercial" in hit.message and hit.severity is Severity.ERROR


@pytest.mark.parametrize(("duties", "dropped"), [
    (["licence-copy", "non-commercial"], "non-commercial"),
    (["notice", "same-licence"], "share-alike"),
])
def test_bas001_reads_the_duties_a_base_model_entry_records(make_repo, duties, dropped):
    """A base whose licence modelicense knows nothing about (a user-added licence: no properties)
    still binds its derivatives by the duties its model entry records."""
    licences = {"acme-model-licence": {"name": "ACME Model Licence", "reason": "the terms of acme/base"}}
    models = {"acme/base": {"licence": "acme-model-licence", "duties": duties, "reason": "acme/base's card"}}
    root = make_repo({"README.md": derived("base_model: acme/base\nlicense: mit")})
    [hit] = findings(root, "BAS001", licences=licences, models=models)
    assert f"({dropped})" in hit.message and hit.severity is Severity.ERROR
    models["acme/base"]["duties"] = ["licence-copy"]
    assert "drops them" not in " ".join(f.message for f in findings(root, "BAS001", licences=licences, models=models))


def test_bas001_quantisation_cannot_change_the_licence(make_repo):
    fm = "base_model: mistralai/Mistral-7B-v0.1\nbase_model_relation: quantized\nlicense: mit"
    root = make_repo({"README.md": derived(fm)})
    [hit] = findings(root, "BAS001")
    assert "quantisation" in hit.message and hit.severity is Severity.ERROR


def test_bas001_keeps_restrictions_under_another_licence_is_a_warning(make_repo):
    root = make_repo({"README.md": derived("base_model: meta-llama/Llama-2-7b-hf\nlicense: creativeml-openrail-m")})
    [hit] = findings(root, "BAS001")
    assert hit.severity is Severity.WARNING


@pytest.mark.parametrize("front_matter", [
    "base_model: meta-llama/Llama-2-7b-hf\nlicense: llama2",  # same licence
    "base_model: meta-llama/Meta-Llama-3-8B\nlicense: other\nlicense_name: llama3\nlicense_link: LICENSE",  # other + known name
    "base_model: mistralai/Mistral-7B-v0.1\nlicense: mit",  # a fine-tune may license its changes permissively
    "base_model: mistralai/Mistral-7B-v0.1\nlicense: cc-by-nc-4.0",  # and may add restrictions
    "base_model: meta-llama/Llama-2-7b-hf\nlicense: other",  # nothing to compare: DEC002's business
    "base_model: someone/unknown-base\nlicense: apache-2.0",  # unknown base: BAS003
])
def test_bas001_quiet(make_repo, front_matter):
    assert not findings(make_repo({"README.md": derived(front_matter)}), "BAS001")


# --- BAS002 --------------------------------------------------------------------------------------


def test_bas002_llama2_fine_tune_without_licence_policy_or_notice(make_repo):
    root = make_repo({"README.md": derived("base_model: meta-llama/Llama-2-7b-hf\nlicense: llama2")})
    [hit] = findings(root, "BAS002")
    assert hit.severity is Severity.WARNING and hit.location.line == 3
    assert "copy of the base's licence" in hit.message and "acceptable use policy" in hit.message and "notice" in hit.message


def test_bas002_quiet_with_metas_own_files(make_repo):
    notice = "Llama 2 is licensed under the LLAMA 2 Community License, Copyright (c) Meta Platforms, Inc. All Rights Reserved.\n"
    root = make_repo({
        "README.md": derived("base_model: meta-llama/Llama-2-7b-hf\nlicense: llama2"),
        "LICENSE": scancode_licence_text("llama-2-license-2023"),
        "USE_POLICY.md": USE_POLICY,
        "NOTICE": notice,
    })
    assert not findings(root, "BAS")


def test_bas002_llama3_naming_read_from_the_licence_section(make_repo):
    files = {"LICENSE": scancode_licence_text("llama-3.1-license-2024"),
             "USE_POLICY.md": USE_POLICY,
             "NOTICE": "Llama 3.1 is licensed under the Llama 3.1 Community License, Copyright © Meta Platforms, "
                       "Inc. All Rights Reserved.\n"}
    fm = "base_model: meta-llama/Llama-3.1-8B\nlicense: other\nlicense_name: llama3.1\nlicense_link: LICENSE"
    [hit] = findings(make_repo({"README.md": derived(fm), **files}), "BAS002")
    assert "naming" in hit.message and "copy of" not in hit.message
    shown = derived(fm, "# Model\n\n## License\n\nBuilt with Llama. See LICENSE.\n")
    assert not findings(make_repo({"README.md": shown, **files}), "BAS002")


def test_bas002_naming_is_the_wording_the_base_licence_prescribes(make_repo):
    """Llama 3's licence asks for "Built with Meta Llama 3" (https://www.llama.com/llama3/license/,
    1.b.i): "Built with PyTorch" in the licence section does not show it."""
    files = {"LICENSE": "placeholder", "USE_POLICY.md": USE_POLICY,
             "NOTICE": "Meta Llama 3 is licensed under the Meta Llama 3 Community License, Copyright © Meta Platforms, "
                       "Inc. All Rights Reserved.\n"}
    fm = "base_model: meta-llama/Meta-Llama-3-8B\nlicense: llama3\nlicense_link: LICENSE"
    other_words = derived(fm, "# Model\n\n## License\n\nBuilt with PyTorch. See LICENSE.\n")
    [hit] = findings(make_repo({"README.md": other_words, **files}), "BAS002")
    assert "naming" in hit.message
    prescribed = derived(fm, "# Model\n\n## License\n\nBuilt with Meta Llama 3. See LICENSE.\n")
    assert not findings(make_repo({"README.md": prescribed, **files}), "BAS002")


# Everything a Llama 2 derivative owes but the copy of the licence, so that only the copy is judged.
LLAMA2_NOTICE = "Llama 2 is licensed under the LLAMA 2 Community License, Copyright (c) Meta Platforms, Inc.\n"
OTHER_DUTIES = {"USE_POLICY.md": USE_POLICY, "NOTICE": LLAMA2_NOTICE}


def copy_finding(make_repo, link: str | None, files: dict[str, str]) -> str | None:
    """The BAS002 message when it asks for the copy of the Llama 2 licence, else None."""
    front = "base_model: meta-llama/Llama-2-7b-hf\nlicense: llama2" + (f"\nlicense_link: {link}" if link else "")
    hits = findings(make_repo({"README.md": derived(front), **OTHER_DUTIES, **files}), "BAS002")
    assert len(hits) <= 1
    return hits[0].message if hits and "copy of the base's licence" in hits[0].message else None


def test_bas002_names_the_missing_copy_and_the_licence_the_present_file_carries(make_repo):
    message = copy_finding(make_repo, None, {"LICENSE": MIT_TEXT})
    assert message is not None
    assert "the Llama 2 Community License Agreement" in message  # which copy
    assert "LICENSE is MIT" in message and "no `license_link`" in message  # what stands in its place
    assert "a LICENSE file" not in message


@pytest.mark.parametrize("link", [
    "https://ai.meta.com/llama/license/",  # the licence's own page
    "https://huggingface.co/meta-llama/Llama-2-7b-hf/blob/main/LICENSE.txt",  # the base's own copy
    "https://example.com/our-terms",  # a page modelicense does not know: not refused
    "LICENSE.llama",  # a file whose text is not recognised: not refused
])
def test_bas002_accepts_a_license_link_to_the_bases_licence(make_repo, link):
    files = {"LICENSE": MIT_TEXT, "LICENSE.llama": "See Meta's terms for Llama 2.\n"}
    assert copy_finding(make_repo, link, files) is None


@pytest.mark.parametrize("link, says", [
    ("LICENSE", "`license_link` LICENSE is MIT"),  # links to a file under another licence
    ("https://www.apache.org/licenses/LICENSE-2.0", "is Apache-2.0"),
    ("https://huggingface.co/mistralai/Mistral-7B-v0.1/blob/main/LICENSE", "leads to mistralai/Mistral-7B-v0.1"),
    ("LICENSE-LLAMA2", "not among the files scanned"),  # names a licence file that is not there
])
def test_bas002_refuses_a_license_link_to_another_licence(make_repo, link, says):
    message = copy_finding(make_repo, link, {"LICENSE": MIT_TEXT})
    assert message is not None and says in message, message
    assert message.count("LICENSE is MIT") <= 1  # the linked file is named once


def test_bas002_quiet_for_osi_licensed_bases(make_repo):
    assert not findings(make_repo({"README.md": derived("base_model: mistralai/Mistral-7B-v0.1\nlicense: apache-2.0")}), "BAS")


# --- BAS003 --------------------------------------------------------------------------------------


def test_bas003_unknown_base_is_info(make_repo):
    root = make_repo({"README.md": derived("base_model:\n- someone/private-base\n- ./local/checkpoint\nlicense: apache-2.0")})
    [hit] = findings(root, "BAS003")
    assert hit.severity is Severity.INFO and "someone/private-base" in hit.message and hit.location.line == 4


def test_bas003_quiet_when_taught_in_configuration(make_repo):
    models = {"someone/private-base": {"licence": "apache-2.0", "reason": "read on its model card, 2024-05-01"}}
    root = make_repo({"README.md": derived("base_model: someone/private-base\nlicense: apache-2.0")})
    assert not findings(root, "BAS", models=models)


def test_bas_quiet_on_real_model_repos(corpus):
    for folder in sorted((corpus / "model-repos").iterdir()):
        assert not findings(folder, "BAS"), folder.name
