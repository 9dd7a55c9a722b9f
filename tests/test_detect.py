"""Full-text detection: the fast path for exact and near-exact texts, scancode for the rest, the
match coverage kept so a modified or partial text is reported as such, and the mapping of
scancode keys into the knowledge base."""

from __future__ import annotations

from pathlib import Path

import pytest

from modelicense.detect import fastpath, scancode_engine
from modelicense.knowledge import Knowledge, Licence, load
from modelicense.model import Declaration, Location
from modelicense.resolve import Resolver

from test_cache import MIT_TEXT

MODIFIED_MIT = MIT_TEXT.replace("free of charge", "for a fee of ten euros").replace(
    "without restriction", "with the restrictions below")
EXTRA_TERMS = "\n\nAdditional terms. " + " ".join(
    ["You may not use the Software or its outputs to train a competing model."] * 6)


def resolve_text(text: str, knowledge=None):
    return Resolver(knowledge or load()).resolve(Declaration(text, "repo", Location("LICENSE"), "licence", is_text=True))


@pytest.fixture
def without_scancode(monkeypatch):
    monkeypatch.setenv("MODELICENSE_NO_SCANCODE", "1")


@pytest.fixture
def scancode(monkeypatch):
    """The real scancode, in process (conftest disables it for tests that do not ask for it)."""
    if scancode_engine.installed_version() is None:
        pytest.skip("scancode-toolkit not installed")
    monkeypatch.delenv("MODELICENSE_NO_SCANCODE", raising=False)


# --- fast path -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("openai__whisper/LICENSE", "MIT"),
        ("tatsu-lab__stanford_alpaca/DATA_LICENSE", "CC-BY-NC-4.0"),
        ("facebookresearch__segment-anything/LICENSE", "Apache-2.0"),
        ("2noise__ChatTTS/LICENSE", "AGPL-3.0-only"),
    ],
)
def test_real_licence_files_take_the_fast_path(corpus: Path, path, expected, without_scancode):
    resolution = resolve_text((corpus / "model-repos" / path).read_text("utf-8"))
    assert (resolution.expression, resolution.keys, resolution.method, resolution.coverage) == (
        expected, (expected,), "fastpath", 100.0)


def test_two_licence_texts_in_one_file_are_both_found(without_scancode):
    apache = fastpath._load()[0]
    apache_text = next(e.text for e in apache if e.key == "apache-2.0")
    found = fastpath.match(MIT_TEXT + "\n\n" + apache_text)
    assert found is not None and found.sure
    assert found.spdx == ("MIT", "Apache-2.0")


def test_a_modified_text_is_not_a_sure_fast_path_match():
    assert fastpath.match(MODIFIED_MIT) is None
    partial = fastpath.match(MIT_TEXT + EXTRA_TERMS)
    assert partial is not None and not partial.sure and partial.coverage < 80


def test_without_scancode_the_answer_says_so(without_scancode):
    titled = resolve_text(MODIFIED_MIT)
    assert (titled.keys, titled.method, titled.coverage) == (("MIT",), "title (scancode disabled)", None)
    extra = resolve_text(MIT_TEXT + EXTRA_TERMS)
    assert extra.keys == ("MIT",) and extra.method == "fastpath (partial; scancode disabled)"
    assert extra.coverage is not None and extra.coverage < 80


def test_unknown_texts_resolve_to_nothing(without_scancode):
    resolution = resolve_text("These are the terms of the Example Model.\nBe nice.\n")
    assert resolution.keys == () and resolution.method == "none"


# --- scancode ------------------------------------------------------------------------------------


def test_scancode_reports_a_modified_text_with_its_coverage(scancode):
    resolution = resolve_text(MODIFIED_MIT)
    assert resolution.method == "scancode"
    assert "MIT" in resolution.keys
    assert resolution.coverage is not None and resolution.coverage < 100


def test_scancode_reports_extra_terms_and_truncation_as_partial(corpus: Path, scancode):
    extra = resolve_text(MIT_TEXT + EXTRA_TERMS)
    assert extra.method == "scancode" and "MIT" in extra.keys and extra.coverage < 90
    apache = (corpus / "model-repos" / "facebookresearch__segment-anything/LICENSE").read_text("utf-8")
    truncated = resolve_text(apache[: len(apache) // 3])
    assert truncated.method == "scancode" and "Apache-2.0" in truncated.keys and truncated.coverage < 60
    # The cut-off tail reads as an unknown licence reference, whether or not the knowledge base has an entry for it.
    others = set(truncated.keys + truncated.unrecognised) - {"Apache-2.0"}
    assert all(u.startswith("LicenseRef-scancode-unknown") for u in others)


def test_scancode_keys_without_spdx_ids_map_through_knowledge_aliases(corpus: Path, scancode):
    text = (corpus / "model-repos" / "CompVis__stable-diffusion/LICENSE").read_text("utf-8")
    unknown_to_it = Knowledge()  # a knowledge base that has never heard of the licence
    plain = resolve_text(text, unknown_to_it)
    assert (plain.keys, plain.unrecognised, plain.coverage) == (
        (), ("LicenseRef-scancode-stable-diffusion-2022-08-22",), 100.0)
    aliased = Knowledge()
    aliased.add_licence(Licence(id="sd-licence", name="CreativeML OpenRAIL-M", kind="model", source="test",
                                aliases=("stable-diffusion-2022-08-22",)))
    mapped = resolve_text(text, aliased)
    assert (mapped.expression, mapped.keys, mapped.unrecognised) == ("sd-licence", ("sd-licence",), ())


def test_cached_detection_is_reused(tmp_path, monkeypatch, scancode):
    import modelicense.detect as detect

    monkeypatch.setenv("MODELICENSE_CACHE_DIR", str(tmp_path))
    first = detect.detection(MODIFIED_MIT)
    assert len(list(tmp_path.rglob("*.json"))) == 1
    monkeypatch.setattr(scancode_engine, "detect", lambda text: pytest.fail("scancode ran on a cached text"))
    assert detect.detection(MODIFIED_MIT) == first


def test_shipped_fast_path_data_is_what_the_build_makes(scancode):
    import json
    from importlib import resources

    from modelicense.detect import build_fastpath

    shipped = json.loads(resources.files("modelicense.detect").joinpath("data/fastpath.json").read_text("utf-8"))
    # A new scancode is exactly when the data goes stale: fail, never skip (the fixture skips only
    # when scancode is not installed, with that reason).
    installed = scancode_engine.installed_version()
    assert shipped["scancode_version"] == installed, (
        f"fastpath.json was built from scancode {shipped['scancode_version']} but {installed} is installed: "
        "rebuild it with `python -m modelicense.detect.build_fastpath`")
    assert build_fastpath.build(build_fastpath._default_data_dir(), shipped["scancode_version"]) == shipped
