"""The detection chain and its confidence policy (detect/chain.py, detect/answer.py): one ordered
chain of steps, answers that say how sure they are, leftover words kept for the terms reader, a
coverage floor, title patterns that are titles, and partial answers that never make an error.

Reference texts are scancode-toolkit's own licence data (ScanCode LicenseDB, CC-BY-4.0), read
from the installed package; tests that need it skip when scancode-toolkit is not installed."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import card

from modelicense import detect
from modelicense.detect import answer, scancode_engine
from modelicense.detect.chain import STEPS
from modelicense.config import Config
from modelicense.knowledge import load
from modelicense.model import Declaration, Location, Severity
from modelicense.resolve import Resolver
from modelicense.scan import scan

from test_cache import MIT_TEXT

WEIGHTS = b"\x08\x00\x00\x00\x00\x00\x00\x00{}      " + b"\0" * 2048


def scancode_text(key: str) -> str:
    """The canonical text of a licence in scancode-toolkit's installed data."""
    licensedcode = pytest.importorskip("licensedcode", reason="reference texts come with scancode-toolkit")
    path = Path(licensedcode.__file__).parent / "data" / "licenses" / f"{key}.LICENSE"
    return path.read_text("utf-8").split("---", 2)[2].strip() + "\n"


def resolve_text(text: str):
    return Resolver(load()).resolve(Declaration(text, "repo", Location("LICENSE"), "licence", is_text=True))


@pytest.fixture
def scancode(monkeypatch):
    if scancode_engine.installed_version() is None:
        pytest.skip("scancode-toolkit not installed")
    monkeypatch.delenv("MODELICENSE_NO_SCANCODE", raising=False)


# --- the chain -----------------------------------------------------------------------------------


def test_the_chain_is_a_table_in_the_documented_order():
    assert [name for name, _ in STEPS] == ["fastpath", "scancode", "title"]


def test_a_warm_run_asks_the_cache_alone(tmp_path, monkeypatch):
    monkeypatch.setenv("MODELICENSE_CACHE_DIR", str(tmp_path))
    first, asked = detect.detect(MIT_TEXT, load())
    assert asked == ("fastpath",) and first.confidence == answer.EXACT
    again, asked = detect.detect(MIT_TEXT, load())
    assert asked == ("cache",) and again == first


def test_a_cached_partial_answer_still_lets_the_title_step_speak(tmp_path, monkeypatch):
    monkeypatch.setenv("MODELICENSE_CACHE_DIR", str(tmp_path))
    text = "Example Model Licence\n\nYou may use the model for research only.\n"
    assert detect.detect(text, load()) == (None, ("fastpath", "scancode", "title"))
    assert detect.detect(text, load()) == (None, ("cache", "title"))


# --- confidence and leftover ---------------------------------------------------------------------

ADDED_TERM = "\nADDITIONAL TERM: You may not use the Work or any Derivative Works for any commercial purpose.\n"


def test_words_a_whole_text_match_does_not_account_for_are_kept():
    """Apache-2.0 plus one added sentence: still Apache-2.0, but not exact, its coverage below 100,
    and the added sentence is left over for the terms reader."""
    text = scancode_text("apache-2.0") + ADDED_TERM
    resolution = resolve_text(text)
    assert (resolution.keys, resolution.confidence, resolution.certain) == (("Apache-2.0",), "whole-text", True)
    assert resolution.coverage is not None and resolution.coverage < 100
    leftover = " ".join(text[a:b] for a, b in resolution.leftover)
    assert "for any commercial purpose" in leftover and "Apache" not in leftover


def test_an_exact_copy_has_nothing_left_over():
    resolution = resolve_text(MIT_TEXT)
    assert (resolution.confidence, resolution.coverage, resolution.leftover) == ("exact", 100.0, ())


@pytest.mark.parametrize("key", ["apache-2.0", "mit"])
def test_scancode_keeps_leftover_lines_too(scancode, key):
    text = scancode_text(key) + ADDED_TERM
    resolution = resolve_text(text)
    leftover = " ".join(text[a:b] for a, b in resolution.leftover)
    assert "for any commercial purpose" in leftover


# --- title patterns are titles -------------------------------------------------------------------

# Texts whose opening body phrase is MIT's, BSD's or ISC's, but which are other licences.
LOOKALIKES = ["x11", "x11-xconsortium", "json", "bsd-original", "bsd-original-uc", "bsd-no-mod", "bsd-zero",
              "apache-1.0", "apache-1.1", "ssleay", "ofl-1.0", "mit-old-style"]
BODY_PHRASE_LICENCES = {"MIT", "BSD-2-Clause", "BSD-3-Clause", "ISC", "Zlib"}


@pytest.mark.parametrize("key", LOOKALIKES)
def test_a_body_phrase_does_not_name_a_licence(key):
    resolution = resolve_text(scancode_text(key))
    assert not set(resolution.keys) & BODY_PHRASE_LICENCES, resolution


def test_a_title_answer_is_a_guess():
    modified = MIT_TEXT.replace("free of charge", "for a fee of ten euros").replace("without restriction", "with limits")
    resolution = resolve_text(modified)
    assert (resolution.keys, resolution.confidence, resolution.certain) == (("MIT",), "title", False)


# --- coverage floor ------------------------------------------------------------------------------


def test_a_match_below_the_coverage_floor_is_unrecognised():
    """TrueCrypt's licence contains the zlib text as a small part of itself: it is not Zlib."""
    resolution = resolve_text(scancode_text("truecrypt-3.1"))
    assert "Zlib" not in resolution.keys
    assert answer.COVERAGE_FLOOR > 0


def test_a_title_beats_a_low_coverage_match():
    low = answer.Answer("scancode", answer.PARTIAL, (("other-licence", "LicenseRef-other"),), "LicenseRef-other", 30.0)
    title = answer.Answer("title", answer.TITLE, (("MIT", "MIT"),), "MIT")
    strong = answer.Answer("scancode", answer.PARTIAL, (("other-licence", "LicenseRef-other"),), "LicenseRef-other", 90.0)
    below = answer.Answer("fastpath", answer.PARTIAL, (("zlib", "Zlib"),), "Zlib", 2.7)
    assert answer.stronger(low, title) is title
    assert answer.stronger(strong, title) is title
    whole = answer.Answer("scancode", answer.WHOLE_TEXT, (("other-licence", "LicenseRef-other"),), "LicenseRef-other", 97.0)
    assert answer.stronger(whole, title) is whole
    assert answer.stronger(None, below) is None


# --- known-bad scancode answers ------------------------------------------------------------------


def test_odc_by_is_not_read_as_ppl(corpus: Path, scancode):
    text = (corpus / "model-repos" / "tloen__alpaca-lora" / "DATA_LICENSE").read_text("utf-8")
    resolution = resolve_text(text)
    assert "ODC-By-1.0" in resolution.keys and not any("ppl" in k.lower() for k in resolution.keys + resolution.unrecognised)


def test_each_correction_still_names_a_rule_scancode_files_wrongly():
    """When scancode fixes a rule, its correction is no longer needed: this says so."""
    licensedcode = pytest.importorskip("licensedcode", reason="scancode's rules come with scancode-toolkit")
    import json
    from importlib import resources

    import yaml

    doc = json.loads(resources.files("modelicense.detect").joinpath("data/scancode_corrections.json").read_text("utf-8"))
    for entry in doc["entries"]:
        path = Path(licensedcode.__file__).parent / "data" / "rules" / entry["rule"]
        front = yaml.safe_load(path.read_text("utf-8").split("---", 2)[1])
        assert front["license_expression"] == entry["scancode_key"], entry["rule"]


# --- rules treat guesses as guesses --------------------------------------------------------------


def test_a_partial_match_makes_a_warning_that_says_so(make_repo):
    extra = "\n\nAdditional terms. " + " ".join(["You may not use the Software or its outputs to train a competing model."] * 6)
    root = make_repo({"README.md": card("license: apache-2.0"), "LICENSE": MIT_TEXT + extra, "model.safetensors": WEIGHTS})
    [hit] = [f for f in scan(root, Config()).findings if f.rule == "DEC004"]
    assert hit.severity is Severity.WARNING
    assert "partial match" in hit.message and "% of the text" in hit.message


def test_an_exact_match_still_makes_an_error(make_repo):
    root = make_repo({"README.md": card("license: apache-2.0"), "LICENSE": MIT_TEXT, "model.safetensors": WEIGHTS})
    [hit] = [f for f in scan(root, Config()).findings if f.rule == "DEC004"]
    assert hit.severity is Severity.ERROR and "partial" not in hit.message


@pytest.mark.parametrize("with_scancode", [False, True])
def test_gpt_neox_licence_with_an_apache_card_is_no_error(corpus: Path, make_repo, monkeypatch, with_scancode):
    """gpt-neox's LICENSE is Apache-2.0 with a notice and an MIT appendix."""
    if with_scancode:
        if scancode_engine.installed_version() is None:
            pytest.skip("scancode-toolkit not installed")
        monkeypatch.delenv("MODELICENSE_NO_SCANCODE", raising=False)
    text = (corpus / "model-repos" / "EleutherAI__gpt-neox" / "LICENSE").read_text("utf-8")
    root = make_repo({"README.md": card("license: apache-2.0"), "LICENSE": text, "model.safetensors": WEIGHTS})
    assert not [f for f in scan(root, Config()).findings if f.rule == "DEC004" and f.severity is Severity.ERROR]
