"""The terms reader (modelicense.terms): each term fires on a real licence text that states it,
with the words and values quoted; permissive licence texts state none of the restrictive terms;
the reader's work is linear in the text, whatever the text."""

from __future__ import annotations

import re

import pytest

from conftest import CORPUS, MIT_TEXT, PROJECT, scancode_licence_text
from modelicense.knowledge.kinds import BY_ID
from modelicense.model import Declaration, Location
from modelicense.terms import read, read_spans, restrictive, terms_of
from modelicense.terms import matcher, patterns

REPOS = CORPUS / "model-repos"


def _corpus_text(relpath: str) -> str:
    path = REPOS / relpath
    if not path.is_file():
        pytest.skip(f"shared corpus file not found: {path} (set MODELICENSE_SHARED to its parent folder)")
    return path.read_text("utf-8", errors="replace")


def _of(kind: str, text: str, name: str = "LICENSE"):
    return [t for t in read(text, Location(name, 1, 1)) if t.kind == kind]


# term, corpus file, words the quote must hold, a value the term must name (or None), its line
FIRING = [
    ("non-commercial", "black-forest-labs__flux/model_licenses/LICENSE-FLUX1-dev", "Non-Commercial License", None, 1),
    ("non-commercial", "facebookresearch__dinov2@fc49f49/LICENSE", "Attribution-NonCommercial 4.0", None, None),
    ("research-only", "QwenLM__Qwen/Tongyi Qianwen RESEARCH LICENSE AGREEMENT", "research or evaluation purposes only", None, None),
    ("research-only", "Stability-AI__generative-models/model_licenses/LICENSE-SDXL0.9", "RESEARCH LICENSE", None, 1),
    ("academic-only", "lllyasviel__ControlNet/annotator/openpose/LICENSE", "ACADEMIC OR NON-PROFIT", None, 3),
    ("no-derivatives", "apple__ml-mobileclip/LICENSE_DATA", "NonCommercial-NoDerivatives", None, 1),
    ("use-restriction", "meta-llama__llama/LICENSE", "Acceptable Use Policy", None, None),
    ("use-restriction", "deepseek-ai__DeepSeek-V3/LICENSE-MODEL", "use-based restrictions", None, None),
    ("territory", "meta-llama__llama-models/models/llama3_2/USE_POLICY.md", "domiciled in", "European Union", 43),
    ("user-threshold", "meta-llama__llama/LICENSE", "700 million monthly active users", "700 million", 67),
    ("user-threshold", "QwenLM__Qwen/Tongyi Qianwen LICENSE AGREEMENT", "100 million monthly active users", "100 million", None),
    ("registration", "01-ai__Yi@90fe567/MODEL_LICENSE_AGREEMENT.txt", "Registration Form", None, 90),
    ("registration", "black-forest-labs__flux/model_licenses/LICENSE-FLUX1-dev", "you must request a license", None, None),
    ("output-restriction", "meta-llama__llama/LICENSE", "to improve any other large language model", None, 61),
    ("output-restriction", "black-forest-labs__flux/model_licenses/LICENSE-FLUX1-dev", "Output to train", None, None),
    ("naming", "meta-llama__llama3/LICENSE", "Built with Meta Llama 3", "Meta Llama 3", 22),
    ("naming", "meta-llama__llama3/LICENSE", "at the beginning of any such AI model name", None, 22),
    ("notice", "meta-llama__llama/LICENSE", "attribution notice", None, 50),
    ("patent-termination", "meta-llama__llama/LICENSE", "institute litigation", None, 104),
]


@pytest.mark.parametrize("kind,relpath,words,value,line", FIRING, ids=[f"{k}:{p}" for k, p, *_ in FIRING])
def test_each_term_fires_on_a_real_licence_text(kind, relpath, words, value, line):
    text = _corpus_text(relpath)
    found = _of(kind, text)
    matching = [t for t in found if words.lower() in t.quote.lower()]
    assert matching, f"{kind} not quoted with {words!r} in {relpath}: {[t.quote for t in found]}"
    term = matching[0]
    if value is not None:
        assert value in term.values
    if line is not None:
        assert term.location.line == line


# Texts scancode-toolkit ships (their source cited in each file's header).
SCANCODE_FIRING = [
    ("territory", "tencent-hunyuan-3d-2.0-cla", "DOES NOT APPLY IN THE EUROPEAN UNION",
     ("EUROPEAN UNION", "UNITED KINGDOM", "SOUTH KOREA")),
    ("revenue-threshold", "stability-ai-community-2024", "annual revenue", ("US $1,000,000",)),
    ("registration", "stability-ai-community-2024", "You must register with Stability AI", ()),
    ("use-restriction", "gemma-tou-2024-04-01", "use restrictions", ()),
    ("use-restriction", "bigscience-rail-1.0", "use-based restrictions", ()),
    ("copyleft", "gpl-3.0", "copyleft license", ()),
    ("share-alike", "cc-by-sa-4.0", "Attribution-ShareAlike", ()),
    ("user-threshold", "tencent-hunyuan-3d-2.0-cla", "1 million monthly active users", ("1 million",)),
]


@pytest.mark.parametrize("kind,key,words,values", SCANCODE_FIRING, ids=[f"{k}:{key}" for k, key, *_ in SCANCODE_FIRING])
def test_each_term_fires_on_licence_texts_scancode_ships(kind, key, words, values):
    found = _of(kind, scancode_licence_text(key))
    matching = [t for t in found if words.lower() in t.quote.lower()]
    assert matching, f"{kind} not quoted with {words!r} in {key}: {[t.quote for t in found]}"
    for value in values:
        assert value in matching[0].values


# Prose-only terms (read from card prose by kind, never from a licence text): a real card's words.
PROSE_FIRING = [
    ("permission-required", "hf-dataset-cards/menyo20k_mt/README.md", "requires permission for commercial use"),
]


@pytest.mark.parametrize("kind,relpath,words", PROSE_FIRING, ids=[k for k, *_ in PROSE_FIRING])
def test_each_prose_only_term_fires_on_a_real_card_when_asked_for(kind, relpath, words):
    path = CORPUS / relpath
    if not path.is_file():
        pytest.skip(f"shared corpus file not found: {path} (set MODELICENSE_SHARED to its parent folder)")
    text = path.read_text("utf-8")
    found = [t for t in read(text, Location("README.md", 1, 1), (kind,)) if words in t.quote]
    assert found and found[0].location.line == 1 + text[:text.index(words)].count("\n")
    assert not [t for t in read(text, Location("README.md", 1, 1)) if t.kind == kind]  # not unless asked


def test_every_term_has_a_firing_test():
    tested = {kind for kind, *_ in FIRING} | {kind for kind, *_ in SCANCODE_FIRING} | {k for k, *_ in PROSE_FIRING}
    assert tested == {term.id for term in patterns.table()}


def test_academic_only_fires_on_card_wording():
    # The Data Provenance Initiative's paraphrase list, as real dataset cards word it.
    [term] = _of("academic-only", "The corpus is distributed for academic use only.")
    assert term.quote == "The corpus is distributed for academic use only."


@pytest.mark.parametrize("key", ["apache-2.0", "mit", "bsd-new", "gpl-2.0", "gpl-3.0", "lgpl-2.1", "cc-by-4.0",
                                 "cc-by-sa-4.0", "mpl-2.0", "cc0-1.0"])
def test_permissive_and_copyleft_texts_state_no_restrictive_term(key):
    text = scancode_licence_text(key)
    assert restrictive(read(text, Location("LICENSE", 1, 1))) == ()


def test_mit_states_a_notice_duty_and_nothing_restrictive():
    found = read(MIT_TEXT, Location("LICENSE", 1, 1))
    assert [t.kind for t in found] == ["notice"]
    assert found[0].location == Location("LICENSE", 12, 11)  # "copyright notice and this permission notice shall be included"


@pytest.mark.parametrize("text", [
    "You may use the Model for any purpose, including commercial use.",
    "Available for both commercial and non-commercial use.",
    "The weights may be used for commercial and non-commercial purposes alike.",
    "Research and commercial use are both permitted.",
    "This alternative is allowed only for noncommercial distribution",  # GPL-2.0 3(c): about the offer, not use
])
def test_negations_keep_permissions_quiet(text):
    assert restrictive(read(text, Location("LICENSE", 1, 1))) == ()


def test_the_issue_example_states_non_commercial_research_and_a_territory():
    text = ("Example Model Licence\n\nYou may use the Model only for non-commercial research purposes.\n"
            "This licence does not apply in the European Union.\n")
    found = {t.kind: t for t in read(text, Location("LICENSE", 1, 1))}
    assert set(found) == {"non-commercial", "research-only", "territory"}
    assert found["territory"].values == ("European Union",)
    assert found["territory"].location == Location("LICENSE", 4, 14)
    assert found["non-commercial"].quote == "You may use the Model only for non-commercial research purposes."


def test_a_licence_value_written_as_a_sentence_is_read_where_it_stands():
    declaration = Declaration("cc-by 4.0 (no commercial use)", "weights", Location("README.md", 3, 10), "license")
    [term] = terms_of(declaration)
    assert term.kind == "non-commercial"
    assert term.location == Location("README.md", 3, 21)


def test_leftover_spans_are_read_alone_and_located_in_the_whole_text():
    apache = scancode_licence_text("apache-2.0")
    added = "ADDITIONAL TERM: You may not use the Work or any Derivative Works for any commercial purpose."
    text = apache + "\n" + added + "\n"
    start = text.index(added)
    found = read_spans(text, ((start, start + len(added)),), Location("LICENSE", 1, 1))
    assert [t.kind for t in found] == ["non-commercial"]
    assert found[0].location.line == text[:start].count("\n") + 1
    assert "for any commercial purpose" in found[0].quote


# --- the table ----------------------------------------------------------------------------------


def test_the_shipped_table_is_bounded_and_compiles():
    from modelicense.knowledge.files import read_document

    checked = patterns.parse(read_document(patterns.TERMS_FILE), check=True)
    assert [t.id for t in checked] == [t.id for t in patterns.table()]
    assert all(0 < c <= patterns.MAX_COST for t in checked for c in patterns.costs(t))


def test_keywords_skip_only_terms_a_text_cannot_state():
    # every firing text, control and hostile text reads the same with and without the keyword gate
    texts = [MIT_TEXT] + HOSTILE[:3] + [_corpus_text(path) for _k, path, *_ in FIRING if (REPOS / path).is_file()]
    for text in texts:
        gated, full = matcher.scan(text), matcher.scan(text, gate=False)
        assert [(h.term.id, h.start, h.values) for h in gated.hits] == [(h.term.id, h.start, h.values) for h in full.hits]


def test_a_text_without_keywords_compiles_nothing():
    table = patterns.parse(__import__("modelicense.knowledge.files", fromlist=["x"]).read_document(patterns.TERMS_FILE))
    matcher.scan("Apache 2.0. See the LICENSE file.", table)
    compiled = [t.id for t in table if "patterns" in t.__dict__]
    assert compiled == []


def test_the_table_names_kinds_labels_rules_and_sources():
    for term in patterns.table():
        assert term.id in BY_ID and term.label == BY_ID[term.id].label
        assert term.source.startswith("https://")
        assert all(re.fullmatch(r"[A-Z]{3}\d{3}", rule) for rule in term.rules)


@pytest.mark.parametrize("bad,why", [
    ("(a+)+b", "unbounded"),
    ("non.*commercial", "unbounded"),
    ("x{0,}", "unbounded"),
    ("[^.]{0,600}", "unbounded"),
])
def test_unbounded_patterns_are_refused(bad, why):
    document = {"terms": [{"id": "non-commercial", "label": "non-commercial", "patterns": [bad], "source": "https://x"}]}
    document["terms"][0]["keywords"] = ["nc"]
    with pytest.raises(ValueError, match=why):
        patterns.parse(document, check=True)


def test_a_label_that_is_not_the_kinds_is_refused():
    document = {"terms": [{"id": "non-commercial", "label": "NC", "keywords": ["nc"], "patterns": ["nc"],
                           "source": "https://x"}]}
    with pytest.raises(ValueError, match="label"):
        patterns.parse(document)


def test_readme_lists_every_term_with_its_rules():
    readme = (PROJECT / "README.md").read_text("utf-8")
    rows = dict(re.findall(r"^\| `([a-z-]+)` \| [^|]+ \| ([^|]*) \|", readme, re.M))
    table = {term.id: ", ".join(term.rules) or "—" for term in patterns.table()}
    assert {k: v.strip() for k, v in rows.items() if k in BY_ID} == table


# --- bounded work -------------------------------------------------------------------------------


def _bound(length: int) -> int:
    """What the matcher may do on a text of `length` characters (see matcher.py's docstring)."""
    table = patterns.table()
    per_text = 3 + sum(len(t.keywords) + len(t.patterns) for t in table)
    sentence = 2 * matcher.MAX_SENTENCE + 2000
    per_pattern = matcher.MAX_EXAMINED * sentence * (1 + max(len(t.negations) for t in table))
    return per_text * length + per_pattern * sum(len(t.patterns) for t in table)


HOSTILE = [
    "non commercial and commercial use " * 20000,       # every match negated
    "only for " * 60000 + "research",                   # a long run of a pattern's prefix
    "not use " * 30000 + "output " * 30000 + "to train models",
    "a" * 500_000,
    "- " * 250_000,                                      # separator runs
    "the European Union, " * 25000,
    "1,000,000,000,000 " * 25000 + "monthly active users",
    ". " * 250_000,
]


@pytest.mark.parametrize("text", HOSTILE, ids=range(len(HOSTILE)))
def test_work_is_linear_on_hostile_texts(text):
    reading = matcher.scan(text)
    assert reading.work <= _bound(len(text[:matcher.MAX_CHARS]))
    assert len(reading.hits) <= matcher.MAX_PER_TERM * len(patterns.table())


def test_work_grows_with_the_text_not_faster():
    small = matcher.scan("commercial and non-commercial use. " * 5000).work
    large = matcher.scan("commercial and non-commercial use. " * 10000).work
    assert large <= 2.05 * small


def test_the_reader_reads_at_most_the_licence_read_limit():
    text = "x " * (matcher.MAX_CHARS) + "for non-commercial use only"
    assert matcher.scan(text).hits == ()
