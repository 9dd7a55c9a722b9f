"""knowledge/data/index.marshal: the precomputed indexes are current, used, and say what the tables say."""

from __future__ import annotations

import cProfile
import marshal
import pstats
import shutil

import pytest

from modelicense.knowledge import index, load, load_tables, names

REGENERATE = "python scripts/generate_knowledge_index.py"
STALE = (f"src/modelicense/knowledge/data/index.marshal is stale (knowledge/data/*.json or the entry "
         f"classes changed). Regenerate it with `{REGENERATE}` and commit it.")


def _decoded(data: bytes):
    assert data.startswith(index.MAGIC)
    meta, eager, generated = marshal.loads(data[len(index.MAGIC):])
    keys, idents, entries = marshal.loads(generated)
    return meta, eager, (keys, idents, {ident: marshal.loads(values) for ident, values in entries.items()})


def test_the_committed_index_is_what_the_generator_writes_now():
    with open(f"{index._DATA_DIR}/{index.INDEX_FILE}", "rb") as handle:
        committed = handle.read()
    # marshal's bytes depend on object sharing, so the decoded contents are compared.
    assert _decoded(committed) == _decoded(index.build(load_tables())), STALE


def test_a_run_loads_the_knowledge_from_the_index():
    assert index.read() is not None, STALE
    load.cache_clear()
    try:
        knowledge = load()
        assert knowledge._generated_blob is not None
    finally:
        load.cache_clear()


def test_the_index_answers_what_the_tables_answer():
    fast, slow = index.knowledge_from(*index.read()), load_tables()
    asked = ["MIT", "apache 2.0", "CC BY-NC 4.0", "https://creativecommons.org/licenses/by-nc/4.0/", "llama3.1",
             "Llama 3 Community License", "gemma"]
    assert [fast.licence_id(a) for a in asked] == [slow.licence_id(a) for a in asked]
    assert fast._generated_loaded is False and slow._generated_loaded is False  # no miss so far
    # A miss merges the generated stage: scancode's keys and SPDX ids only spdx.json knows.
    generated_only = ["LicenseRef-scancode-unknown-license-reference", "0BSD", "Glide", "xfig", "no such licence"]
    assert [fast.licence_id(a) for a in generated_only] == [slow.licence_id(a) for a in generated_only]
    assert fast.licence_id("LicenseRef-scancode-unknown-license-reference") is not None
    assert fast.licence("Glide") == slow.licence("Glide")
    assert fast.all_licences() == slow.all_licences()
    assert fast._licence_index == slow._licence_index
    assert fast.datasets == slow.datasets and fast.models == slow.models
    assert fast.model("meta-llama/Llama-2-7b-hf") == slow.model("meta-llama/Llama-2-7b-hf")
    assert fast.dataset("allenai/c4/en") == slow.dataset("allenai/c4/en")
    fresh = load_tables()
    assert fast.name_index(names.name_index) == fresh.name_index(names.name_index)
    assert fast.title_literals() == fresh.title_literals()


def test_user_entries_apply_over_the_index_as_over_the_tables():
    overrides = ({"MIT": {"notes": "x", "reason": "ours"}, "our-licence": {"name": "Our Licence", "reason": "new"}},
                 {"org/private-set": {"licence": "MIT", "reason": "ours"}}, {})
    fast = index.knowledge_from(*index.read()).with_overrides(*overrides, origin="pyproject.toml")
    slow = load_tables().with_overrides(*overrides, origin="pyproject.toml")
    assert fast.licence("MIT") == slow.licence("MIT") and fast.licence("MIT").source == "pyproject.toml"
    assert fast.licence_id("Our Licence") == slow.licence_id("Our Licence") == "our-licence"
    assert fast.dataset("org/private-set") == slow.dataset("org/private-set")
    assert fast.title_literals() == slow.title_literals()
    assert fast.name_index(names.name_index) == slow.name_index(names.name_index)


def test_an_index_built_from_other_tables_is_not_used(tmp_path, monkeypatch):
    data = tmp_path / "data"
    shutil.copytree(index._DATA_DIR, data)
    licences = data / "licences.json"
    licences.write_text(licences.read_text("utf-8") + "\n", "utf-8")  # an edit the index does not know
    monkeypatch.setattr(index, "_DATA_DIR", str(data))
    assert index.read() is None
    (data / index.INDEX_FILE).write_bytes(b"not an index")
    assert index.read() is None
    (data / index.INDEX_FILE).unlink()
    assert index.read() is None


def _work(function) -> tuple[int, set[str]]:
    profile = cProfile.Profile()
    profile.enable()
    function()
    profile.disable()
    stats = pstats.Stats(profile)
    return stats.total_calls, {name for (_, _, name) in stats.stats}


def test_loading_from_the_index_normalises_no_key_and_validates_no_entry():
    """The work the index saves, counted: the tables cost thousands of calls (a lookup key per
    id, alias, name and URL; a validation per entry), the index a few hundred."""
    tables_calls, tables_names = _work(lambda: load_tables().load_generated())
    index_calls, index_names = _work(lambda: index.knowledge_from(*index.read()).load_generated())
    assert "lookup_key" in tables_names and "build" in tables_names
    assert "lookup_key" not in index_names and "build" not in index_names
    assert index_calls * 20 < tables_calls, (index_calls, tables_calls)
    # The generated stage's entries are decoded one by one, when looked up.
    knowledge = index.knowledge_from(*index.read())
    knowledge.load_generated()
    assert all(isinstance(raw, bytes) for raw, _ in knowledge._generated_raw.values())
    knowledge.licence("Glide")
    assert "Glide" not in knowledge._generated_raw and "Glide" in knowledge.licences


@pytest.mark.parametrize("field", ["sizes", "fields", "format"])
def test_the_index_records_what_it_was_built_from(field):
    with open(f"{index._DATA_DIR}/{index.INDEX_FILE}", "rb") as handle:
        meta = marshal.loads(handle.read()[len(index.MAGIC):])[0]
    assert meta[field] == {"sizes": index.source_sizes(), "fields": index.entry_fields(), "format": index.FORMAT}[field]


def test_model_family_globs_match_as_regexes_would():
    """Family patterns (`meta-llama/llama-2-*`) are matched without compiling a regex each; the
    answer is the regex's (`*` as `.*`, the whole id), on every shipped pattern and on ids made
    from their pieces."""
    import random
    import re

    from modelicense.knowledge.store import _glob_match

    knowledge = load_tables()
    patterns = [p.lower() for m in knowledge.models.values() for p in m.patterns]
    assert len(patterns) > 50
    pieces = sorted({piece for p in patterns for piece in re.split(r"[*/-]", p) if piece}) + ["/", "-", "", "\n"]
    rng = random.Random(17)
    ids = [p.replace("*", rng.choice(["", "7b", "x-y", "-chat"])) for p in patterns]
    ids += ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 6))) for _ in range(1000)]
    for pattern in patterns:
        regex = re.compile(re.escape(pattern).replace(r"\*", ".*"))
        for ident in ids:
            assert _glob_match(tuple(pattern.split("*")), ident) == bool(regex.fullmatch(ident)), (pattern, ident)
    assert knowledge.model("meta-llama/Llama-2-13b-chat-hf") is not None
