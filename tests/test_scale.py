"""A scan's work grows linearly with the repository (issue: 5,000 cards took 57× the time of 500).

Work is counted, not timed: the number of Python function calls a scan makes (cProfile's count is
exact and the same on a loaded machine), for a repository and one four times its size. Linear work
gives a ratio near 4 (3.9 measured); the quadratic helpers this guards against (each finding or
card walking every declaration, dataset card or licence file of the repository) gave 9.3.
"""

from __future__ import annotations

import cProfile
import pstats

from conftest import MIT_TEXT, card

from modelicense.config import Config
from modelicense.scan import scan


def _repository(make_repo, models: int):
    """`models` model folders, each with a card naming non-commercial and unknown datasets, a
    LICENSE beside it, and a dataset card of its own with non-commercial prose."""
    files: dict[str, str] = {"LICENSE": "MIT License\n\nPermission is hereby granted, free of charge, ...\n"}
    for n in range(models):
        files[f"models/m{n}/README.md"] = card(
            f"license: apache-2.0\nlibrary_name: transformers\ndatasets:\n- org/nc-set-{n}\n- unknown/set-{n}")
        files[f"models/m{n}/LICENSE"] = "Apache License\nVersion 2.0, January 2004\n"
        files[f"data/nc-set-{n}/README.md"] = card(
            "license: cc-by-4.0\npretty_name: set", "## Licensing Information\n\nFor non-commercial research purposes only.\n")
    return make_repo(files)


def _calls(root) -> tuple[int, int]:
    profile = cProfile.Profile()
    profile.enable()
    result = scan(root, Config())
    profile.disable()
    return pstats.Stats(profile).total_calls, len(result.findings)


def test_scan_work_is_linear_in_the_repository(make_repo):
    # One-time work (knowledge loaded, patterns compiled) out of the comparison, on a repository
    # of its own: a warm-up on the small one would leave its texts in the terms reader's cache,
    # and the small scan would then do less than its share.
    _calls(_repository(make_repo, 5))
    small_calls, small_findings = _calls(_repository(make_repo, 50))
    large_calls, large_findings = _calls(_repository(make_repo, 200))
    assert small_findings > 50 and large_findings > 4 * 50  # the rules really fire at both sizes
    ratio = large_calls / small_calls
    assert ratio < 5.0, f"4× the repository cost {ratio:.1f}× the function calls"


def test_discovery_resolves_each_folder_once_not_each_file(make_repo, monkeypatch):
    """One lstat per file and one realpath per folder (a realpath per file was a fifth of a
    100,000-file scan); links are still resolved wherever they stand."""
    import os

    from modelicense.discover import discover

    files = {f"src/pkg{n % 4}/m{n}.py": "# SPDX-License-Identifier: MIT\n" for n in range(200)}
    root = make_repo({**files, "LICENSE": "MIT License\n"})
    (root / "linked").symlink_to(root / "src" / "pkg0")  # a folder link inside the root: read
    calls: list[str] = []
    real = os.path.realpath

    def counting(path, *args, **kwargs):
        calls.append(path)
        return real(path, *args, **kwargs)

    monkeypatch.setattr(os.path, "realpath", counting)
    found = discover(root, named=frozenset({"linked/m0.py"}))
    assert "linked/m0.py" in {f.relpath for f in found.files}
    assert len({f.relpath for f in found.files}) == 202
    # the root (resolved twice), five folders, the named file and the link it passes through;
    # one per file would be over 200
    assert len(calls) <= 12, calls


def _calls_to(function, name: str, module: str) -> int:
    """How many times `function()` calls the function `name` defined in a file ending in `module`."""
    profile = cProfile.Profile()
    profile.enable()
    function()
    profile.disable()
    return sum(stats[1] for (path, _, called), stats in pstats.Stats(profile).stats.items()
               if called == name and path.endswith(module))


def test_each_cards_licensing_prose_is_searched_once_per_scan(make_repo):
    """Three rules ask what a dataset card's licensing prose states (DAT001/DAT002 through the
    card's effective terms, DAT007, DAT008); the restriction phrases are searched once per section
    and scan. A cache of 256 texts shared by all cards was evicted on a repository of more cards,
    and then every rule searched every card's prose again (2-3 searches per card)."""
    from modelicense.model import Location
    from modelicense.terms import read

    read("warm-up", Location("x"))  # the terms table is read once per process, not counted here
    cards = 300  # more than the old cache held
    root = make_repo({
        f"data/set-{n}/README.md": card(
            "license: other\npretty_name: set", f"## Licensing Information\n\nSet {n} is for non-commercial research purposes only.\n")
        for n in range(cards)})
    findings: list = []
    searches = _calls_to(lambda: findings.extend(scan(root, Config()).findings), "stated", "inventory/data.py")  # the DAT rules read prose words only there
    assert sum(f.rule.startswith("DAT") for f in findings) >= cards  # the rules read those terms
    assert searches == cards, f"{searches} term searches for {cards} prose sections"


# Python files as a repository holds them: most load nothing; a few load a model by its id.
_PLAIN = "import torch\n\n\ndef forward(x):\n    return torch.relu(x)  # pipeline stage\n" * 20
_LOADS = "from transformers import AutoModel\nmodel = AutoModel.from_pretrained(\"meta-llama/Llama-2-7b-hf\")\n" + _PLAIN


def _profile(root) -> tuple[pstats.Stats, int]:
    profile = cProfile.Profile()
    profile.enable()
    result = scan(root, Config())
    profile.disable()
    return pstats.Stats(profile), sum(1 for f in result.findings if f.rule == "BAS004")


def _calls_in(stats: pstats.Stats, module_file: str) -> int:
    return sum(calls for (path, _line, _name), (_cc, calls, *_rest) in stats.stats.items()
               if path.replace("\\", "/").endswith(module_file))


def test_python_files_that_load_no_model_are_never_tokenized(make_repo):
    """The model-id reader costs files without a loader's name one byte search, not a token walk."""
    root = make_repo({"LICENSE": "MIT License\n", **{f"src/pkg{n % 8}/m{n}.py": _PLAIN for n in range(400)}})
    stats, found = _profile(root)
    assert found == 0
    assert _calls_in(stats, "/tokenize.py") == 0
    # per file: is it Python, its read limit, the byte search; none of the token walk's functions
    assert _calls_in(stats, "extract/model_ids.py") <= 3 * 400 + 50  # + the table, loaded once


def test_model_id_work_is_linear_in_the_files_that_load_models(make_repo):
    def repository(loading: int):
        files = {f"src/pkg{n % 8}/m{n}.py": _LOADS if n < loading else _PLAIN for n in range(4 * loading)}
        return make_repo({"LICENSE": MIT_TEXT, **files})

    _profile(repository(25))  # one-time work out of the comparison
    small, small_found = _profile(repository(25))
    large, large_found = _profile(repository(100))
    assert (small_found, large_found) == (25, 100)
    ratio = large.total_calls / small.total_calls
    assert ratio < 5.0, f"4× the files cost {ratio:.1f}× the function calls"
    tokens = _calls_in(large, "/tokenize.py") / _calls_in(small, "/tokenize.py")
    assert 3.5 < tokens < 4.5, tokens  # only the files that load a model are tokenized


def test_the_code_rules_compute_the_projects_licences_once_and_each_conflict_once(make_repo):
    """Three CMP rules ask for the project's licences and its licensed components: computed once
    per scan, not once per rule; a conflict between two licences is looked up once per distinct
    pair, not once per SPDX header (100,000 headers name a handful of licences)."""
    from modelicense.rules import cmp

    cmp._conflict.cache_clear()
    files = {f"src/m{n}.py": f"# SPDX-License-Identifier: {('MIT', 'GPL-2.0-only', 'BSD-3-Clause')[n % 3]}\n"
             for n in range(300)}
    root = make_repo({**files, "LICENSE": "Apache License\nVersion 2.0, January 2004\n"})
    profile = cProfile.Profile()
    profile.enable()
    findings = scan(root, Config()).findings
    profile.disable()
    counts: dict[str, int] = {}
    for (path, _, name), stats in pstats.Stats(profile).stats.items():
        if path.replace("\\", "/").endswith("rules/cmp.py"):
            counts[name] = counts.get(name, 0) + stats[1]
    assert sum(f.rule == "CMP001" for f in findings) == 100  # every GPL-2.0-only header conflicts with Apache-2.0
    assert counts.get("_project_licences") == 1 and counts.get("_components") == 1, counts
    assert counts.get("_conflict", 0) <= 6, counts  # distinct (header, project) pairs and -or-later readings


def test_a_small_file_is_read_without_allocating_its_kinds_read_limit(make_repo):
    """Reading a small card allocates about its size, not the card's 1 MiB read limit
    (`read(limit)` allocates the limit first); a file that grew after discovery is still read up
    to the limit."""
    import tracemalloc

    from modelicense.discover import discover
    from modelicense.scan import read_and_extract

    root = make_repo({"README.md": card("license: mit"), "LICENSE": "MIT License\n"})
    found = next(f for f in discover(root).files if f.relpath == "README.md")
    read_and_extract(found)  # the extractor's modules imported outside the measurement
    tracemalloc.start()
    try:
        extraction, data = read_and_extract(found)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert data == (root / "README.md").read_bytes() and extraction.declarations
    assert peak < 256 * 1024, f"{peak:,} bytes allocated to read a {found.size}-byte card"

    (root / "README.md").write_text(card("license: mit") + "\nmore words\n" * 100)  # grew since discovery
    _, grown = read_and_extract(found)
    assert grown == (root / "README.md").read_bytes()
