"""Every card read twice, by huggingface_hub (the Hub's own client) and by modelicense: the same
licence values, datasets and base models, and DEC005 exactly where the client rejects a card.

The client's reading is `RepoCard(text)` on the text as `metadata_load` decodes it (UTF-8, BOM
allowed): its `REGEX_YAML_BLOCK`, `yaml.safe_load`, a mapping, and `CardData(**metadata)`. Any
exception there is a rejection. Nothing of modelicense is used to compute the expectation.

The corpus part reads ../shared/corpus (skipped without it); the edge cards are written here.
"""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from modelicense.extract import READ_LIMITS, card, hub_block
from modelicense.model import FileKind

repocard = pytest.importorskip("huggingface_hub.repocard", reason="huggingface_hub is in the test extra")

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
LICENCE_KEYS = ("license", "licenses")


def hub_reading(data: bytes) -> dict | None:
    """What the client reads from a card: {'licences', 'datasets', 'base_models'}, or None when
    it rejects the card."""
    try:
        text = data.decode("utf-8-sig")  # metadata_load: Path.read_text(encoding="utf-8-sig")
        metadata = repocard.RepoCard(text).data.__dict__
    except Exception:  # noqa: BLE001 - any exception is the client refusing the card
        return None
    return {
        "licences": [v for key in LICENCE_KEYS for v in _items(metadata.get(key))],
        "datasets": _items(metadata.get("datasets")),
        "base_models": _items(metadata.get("base_model")),
    }


def _items(value) -> list[str]:
    """A value as a list of scalar strings: one for a scalar, each scalar item of a list;
    None, blanks and nested structures are no value (modelicense reports structures apart)."""
    values = value if isinstance(value, list) else [value]
    scalars = (str, int, float, bool, datetime.date)
    return [str(v).strip() for v in values if isinstance(v, scalars) and str(v).strip()]


def modelicense_reading(name: str, data: bytes) -> tuple[dict, list]:
    extraction = card.extract(name, data[: READ_LIMITS[FileKind.CARD]], len(data))
    high = [d for d in extraction.declarations if d.confidence == "high"]
    reading = {
        "licences": [d.raw for d in high if d.field in LICENCE_KEYS],
        "datasets": [r.id for r in extraction.references if r.kind == "dataset"],
        "base_models": [r.id for r in extraction.references if r.kind == "base_model"],
    }
    return reading, [p for p in extraction.problems if p.code == "malformed"]


# --- edge cards ---------------------------------------------------------------------------------

# name -> card text. Each is a way real cards differ from the plain `---` / `---` block.
EDGE_CARDS: dict[str, str | bytes] = {
    "plain": "---\nlicense: mit\ndatasets:\n- allenai/c4\nbase_model: mistralai/Mistral-7B-v0.1\n---\n# Model\n",
    "blank-line-before": "\n---\nlicense: cc-by-nc-4.0\n---\n# Model\n",
    "spaces-before": "   ---\nlicense: cc-by-nc-4.0\n---\n",
    "cr-only": "---\rlicense: mit\r---\r# Model\r",
    "crlf": "---\r\nlicense: apache-2.0\r\ndatasets:\r\n- squad\r\n---\r\n# Model\r\n",
    "closing-with-trailing-blanks": "---\nlicense: mit\n---  \t\n# Model\n",
    "bom": "\ufeff---\nlicense: mit\n---\n",
    "empty-block": "---\n\n---\n# Model\n",
    "opening-with-trailing-space": "--- \nlicense: mit\n---\n# Model\n",
    "closed-by-dots": "---\nlicense: mit\n...\n# Model\n",
    "never-closed": "---\nlicense: mit\nlibrary_name: transformers\n",
    "horizontal-rule-then-prose": "---\n\nThis model is released under the MIT licence.\n",
    "rule-prose-rule": "---\nSome prose between two rules.\n---\n# Model\n",
    "custom-tag": "---\nlicense: !spdx MIT\n---\n",
    "python-name-tag": "---\nlicense: apache-2.0\nloader: !!python/name:os.system\n---\n",
    "python-object-tag": "---\nlicense: !!python/object/apply:os.system ['true']\n---\n",
    "binary-tag": "---\nlicense: mit\nicon: !!binary aGVsbG8=\n---\n",
    "template-card": "---\n{{ card_data }}\n---\n# {{ model_name }}\n",
    "unhashable-key": "---\nlicense: mit\n? [a, b]\n: c\n---\n",
    "integer-key": "---\nlicense: mit\n2023: release\n---\n",
    "null-key": "---\nlicense: mit\n~: nothing\n---\n",
    "list-not-mapping": "---\n- license: mit\n---\n",
    "string-not-mapping": "---\njust a sentence\n---\n",
    "merge-key": "---\ndefaults: &defaults\n  license: apache-2.0\n  datasets: [squad]\n<<: *defaults\n---\n",
    "merge-key-overridden": "---\nbase: &b\n  license: mit\n<<: *b\nlicense: gpl-3.0\n---\n",
    "duplicate-license": "---\nlicense: mit\nlibrary_name: timm\nlicense: cc-by-nc-4.0\n---\n",
    "license-mapping": "---\nlicense:\n  id: mit\n  url: https://opensource.org/licenses/MIT\n---\n",
    "license-nested-list": "---\nlicense:\n- [mit, apache-2.0]\n- bsd-3-clause\n---\n",
    "license-list": "---\nlicense:\n- mit\n- apache-2.0\n---\n",
    "license-null": "---\nlicense: ~\ndatasets: []\n---\n",
    "legacy-licenses": "---\nlicenses:\n- cc-by-4.0\n---\n",
    "ignore-metadata-errors-key": "---\nlicense: mit\nignore_metadata_errors: true\n---\n",
    "undefined-alias": "---\nlicense: *nothing\n---\n",
    "bad-date": "---\nlicense: mit\nreleased: 2023-02-30\n---\n",
    "utf16": "---\nlicense: mit\n---\n# Model\n".encode("utf-16"),
    "latin1": "---\nlicense: mit\nauthor: Jos\xe9\n---\n".encode("latin-1"),
}

# Where modelicense reports DEC005 and the client does not reject, and why that is right.
JUSTIFIED_DEC005: dict[str, str] = {
    "opening-with-trailing-space": "the client silently reads no metadata; the author's licence is invisible on the Hub",
    "closed-by-dots": "the client silently reads no metadata; the author's licence is invisible on the Hub",
    "never-closed": "the client silently reads no metadata; the author's licence is invisible on the Hub",
    "cr-only": "the client's pattern needs LF, CRLF or the end after the closing '---': it silently reads no metadata",
    "duplicate-license": "the client keeps the last `license:` silently; the first is lost without a word",
    "license-mapping": "the client keeps the mapping as the licence; the Hub's spec asks for an id (or a list of ids)",
    "license-nested-list": "the client keeps the nested list; the Hub's spec asks for a list of ids",
}

# Where the two read different values, and why.
JUSTIFIED_VALUES: dict[str, str] = {}


def _edge_bytes(name: str) -> bytes:
    card_text = EDGE_CARDS[name]
    return card_text if isinstance(card_text, bytes) else card_text.encode("utf-8")


@pytest.mark.parametrize("name", sorted(EDGE_CARDS))
def test_an_edge_card_reads_as_the_client_reads_it(name):
    data = _edge_bytes(name)
    hub = hub_reading(data)
    ours, problems = modelicense_reading("README.md", data)
    if hub is None:
        assert problems, f"the client rejects {name}, modelicense says nothing"
        assert all(p.location.line is not None for p in problems)
        return
    if name not in JUSTIFIED_VALUES:
        assert ours == hub
    assert bool(problems) is (name in JUSTIFIED_DEC005), [p.message for p in problems]


# The line each rejection or note stands on (the line of the problem, not line 1).
EXPECTED_LINES = {
    "custom-tag": 2, "python-name-tag": 3, "python-object-tag": 2, "template-card": 2, "unhashable-key": 3,
    "integer-key": 3, "null-key": 3, "list-not-mapping": 2, "string-not-mapping": 2,
    "ignore-metadata-errors-key": 3, "undefined-alias": 2, "bad-date": 3, "duplicate-license": 2,
    "license-mapping": 3, "license-nested-list": 3, "closed-by-dots": 3, "never-closed": 1,
    "opening-with-trailing-space": 1, "utf16": 1, "latin1": 1, "cr-only": 3,
}


@pytest.mark.parametrize("name", sorted(EXPECTED_LINES))
def test_dec005_stands_on_the_line_of_the_problem(name):
    _ours, problems = modelicense_reading("README.md", _edge_bytes(name))
    assert [p.location.line for p in problems][:1] == [EXPECTED_LINES[name]], [p.message for p in problems]


def test_the_licence_of_a_rejected_card_is_still_read_where_it_can_be():
    for name, licences in {"custom-tag": ["MIT"], "python-name-tag": ["apache-2.0"], "integer-key": ["mit"],
                           "utf16": ["mit"], "latin1": ["mit"]}.items():
        assert modelicense_reading("README.md", _edge_bytes(name))[0]["licences"] == licences, name


def test_the_block_pattern_is_the_clients_own():
    assert hub_block.HUB_BLOCK.pattern == repocard.REGEX_YAML_BLOCK.pattern


def test_every_edge_card_the_client_rejects_is_one_we_meant_to_be_rejected():
    """The edge set covers both sides: cards the client reads and cards it refuses."""
    rejected = {name for name in EDGE_CARDS if hub_reading(_edge_bytes(name)) is None}
    assert rejected == {
        "custom-tag", "python-name-tag", "python-object-tag", "template-card", "unhashable-key", "integer-key",
        "null-key", "list-not-mapping", "string-not-mapping", "ignore-metadata-errors-key", "undefined-alias",
        "bad-date", "utf16", "latin1", "rule-prose-rule",
    }


# --- the corpus ---------------------------------------------------------------------------------


def _corpus_cards() -> list[Path]:
    if not CORPUS.is_dir():
        return []
    cards = sorted(CORPUS.glob("hf-dataset-cards*/*/README.md"))
    cards += sorted(p for p in (CORPUS / "hf-docs").rglob("*.md"))
    cards += sorted(p for p in (CORPUS / "model-repos").rglob("*") if p.is_file()
                    and p.suffix.lower() in (".md", ".markdown"))
    return cards


# Corpus files where the two part, and why (none today).
JUSTIFIED_CORPUS: dict[str, str] = {}


def test_every_corpus_card_reads_as_the_client_reads_it():
    cards = _corpus_cards()
    if not cards:
        pytest.skip(f"corpus not found at {CORPUS}")
    disagreements = []
    rejected = 0
    with_licence = 0
    for path in cards:
        relative = str(path.relative_to(CORPUS))
        data = path.read_bytes()
        hub = hub_reading(data)
        ours, problems = modelicense_reading(path.name, data)
        if hub is None:
            rejected += 1
            if not problems:
                disagreements.append((relative, "client rejects, no DEC005"))
            continue
        with_licence += bool(hub["licences"])
        if ours != hub and relative not in JUSTIFIED_CORPUS:
            disagreements.append((relative, hub, ours))
        # a card the client reads may still carry a note modelicense makes (a duplicate key…)
        unexpected = [p.message for p in problems if not _justified_note(p.message)]
        if unexpected and relative not in JUSTIFIED_CORPUS:
            disagreements.append((relative, "DEC005 where the client reads the card", unexpected))
    assert disagreements == []
    assert with_licence > 450  # the comparison compared something: 497 dataset cards, most licensed
    assert rejected >= 2  # the hf-docs templates (`{{card_data}}`) and the invalid fixture


def _justified_note(message: str) -> bool:
    """Notes of the JUSTIFIED_DEC005 kinds, and the read limit (a card larger than what is read)."""
    return any(part in message for part in ("is written", "holds a", "never closed", "closed by '...'",
                                            "trailing blanks", "carriage return", "read limit"))


def test_a_licence_given_through_a_merge_key_is_no_missing_licence(make_repo, capsys):
    """`<<: *defaults` puts `license:` in the card as the Hub reads it: no DEC001."""
    import json

    from modelicense.cli import main

    root = make_repo({"README.md": EDGE_CARDS["merge-key"] + "# Model\n"})
    main(["scan", "--format", "json", "--fail-on", "never", str(root)])
    report = json.loads(capsys.readouterr().out)
    assert [f["rule"] for f in report["findings"] if f["rule"] in ("DEC001", "DEC005")] == []
    (declaration,) = [d for a in report["artefacts"] for d in a["declarations"] if d["field"] == "license"]
    assert (declaration["license"], declaration["line"]) == ("Apache-2.0", 3)
