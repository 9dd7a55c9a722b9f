"""Start-up work of a warm hook run: what is not imported, compiled or built when not needed
(bench/run.py --only startup measures the time)."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys

import pytest
from conftest import card

from modelicense.knowledge import load
from modelicense.lazyre import lazy_compile

MIT = (
    "MIT License\n\nCopyright (c) 2024 Example\n\nPermission is hereby granted, free of charge, to any person obtaining "
    "a copy\nof this software and associated documentation files (the \"Software\"), to deal\nin the Software without "
    "restriction, including without limitation the rights\nto use, copy, modify, merge, publish, distribute, "
    "sublicense, and/or sell\ncopies of the Software, and to permit persons to whom the Software is\nfurnished to do "
    "so, subject to the following conditions:\n\nThe above copyright notice and this permission notice shall be "
    "included in all\ncopies or substantial portions of the Software.\n\nTHE SOFTWARE IS PROVIDED \"AS IS\", WITHOUT "
    "WARRANTY OF ANY KIND, EXPRESS OR\nIMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,\n"
    "FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE\nAUTHORS OR COPYRIGHT HOLDERS BE "
    "LIABLE FOR ANY CLAIM, DAMAGES OR OTHER\nLIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING "
    "FROM,\nOUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE\nSOFTWARE.\n"
)

PROBE = """
import json, sys
already = set(sys.modules)  # what the interpreter's site hooks imported, before modelicense
from modelicense.cli import main
code = main(["scan", ".", "--format", "text"])
from modelicense.knowledge import load
knowledge = load()
built = [i for i, e in {**knowledge._datasets, **knowledge._models}.items() if not isinstance(e, tuple)]
print(json.dumps({"code": code, "modules": sorted(set(sys.modules) - already), "built": built}))
"""


def test_lazy_pattern_behaves_as_the_compiled_one_and_compiles_on_first_use():
    source, text = r"(?P<id>[a-z]+)-(\d)", "mit-1, gpl-3 and bsd-2"
    lazy, compiled = lazy_compile(source, re.IGNORECASE), re.compile(source, re.IGNORECASE)
    assert [m.groupdict() for m in lazy.finditer(text)] == [m.groupdict() for m in compiled.finditer(text)]
    assert lazy.sub(r"\2", text) == compiled.sub(r"\2", text) and lazy.search("X-9").group("id") == "X"
    assert lazy.pattern == source and lazy.flags == compiled.flags
    broken = lazy_compile("(unclosed")  # nothing is compiled at definition (module import) time
    with pytest.raises(re.error):
        broken.search("x")


def test_a_warm_text_run_imports_only_what_it_uses(make_repo, tmp_path):
    """A warm run asking for text output imports no other report format, no hashlib (OpenSSL),
    no tempfile / shutil (the cache only reads), no baseline module, and builds only the shipped
    datasets and models it looks up."""
    readme = card("license: mit\ndatasets:\n- allenai/c4\nbase_model: mistralai/Mistral-7B-v0.1")
    root = make_repo({"LICENSE": MIT, "README.md": readme}, git=True)
    env = {**os.environ, "MODELICENSE_CACHE_DIR": str(tmp_path / "cache"), "MODELICENSE_NO_SCANCODE": "1"}
    runs = [subprocess.run([sys.executable, "-c", PROBE], cwd=root, capture_output=True, text=True, env=env,
                           timeout=300, check=False) for _ in ("cold", "warm")]
    assert all(run.returncode == 0 for run in runs), runs[-1].stderr
    warm = json.loads(runs[-1].stdout.splitlines()[-1])
    modules = set(warm["modules"])
    assert "modelicense.report.text" in modules and "modelicense.detect.cache" in modules
    unused = {"modelicense.report.json_format", "modelicense.report.sarif", "modelicense.report.markdown",
              "modelicense.report.github", "modelicense.baseline", "hashlib", "tempfile", "shutil"}
    assert modules & unused == set()
    # the dataset and the model entry (or family) the card names, not the ~500 shipped entries
    assert "allenai/c4" in warm["built"] and len(warm["built"]) == 2
    assert any(ident.startswith("mistralai/Mistral-7B") for ident in warm["built"])


def _raw_entry(file: str, ident: str, cls):
    """The entry as its data file states it, built straight from the JSON (lists as tuples): the
    expectation owes nothing to the loader under test."""
    from modelicense.knowledge.files import read_entries

    raw = next(e for e in read_entries(file) if e["id"] == ident)
    return cls(**{k: tuple(v) if isinstance(v, list) else v for k, v in raw.items() if k != "$comment"})


def test_lazily_built_entries_are_the_entries_of_the_data_files():
    from modelicense.knowledge import Dataset, Model

    knowledge = load.__wrapped__()
    expected = {
        "allenai/c4": _raw_entry("datasets.json", "allenai/c4", Dataset),
        "HuggingFaceFW/fineweb": _raw_entry("datasets.json", "HuggingFaceFW/fineweb", Dataset),
        "meta-llama/Llama-2-7b-hf": _raw_entry("models.json", "meta-llama/Llama-2", Model),  # by its family's pattern
    }
    for ident, entry in expected.items():
        assert (knowledge.dataset(ident) or knowledge.model(ident)) == entry, ident
    assert list(knowledge.datasets) == list(load().datasets)  # order of the files, whatever was built first


YAML_PROBE = """
import json, sys
from modelicense.cli import main
code = main(["scan", ".", "--format", "json", "--output", "out.json"])
print(json.dumps({"code": code, "yaml": "yaml" in sys.modules}))
"""


@pytest.mark.parametrize(
    ("readme", "loads_yaml"),
    [
        ("# A project\n\nNo front matter here.\n", False),
        ("---\n\nA horizontal rule on line 1, then prose.\n", False),
        (card("license: mit"), True),
    ],
    ids=["no-front-matter", "horizontal-rule", "front-matter"],
)
def test_pyyaml_is_imported_only_when_a_file_opens_with_front_matter(make_repo, tmp_path, readme, loads_yaml):
    """104 of the 106 card-named Markdown files of the corpus model repositories have no front
    matter; importing PyYAML costs about 10 ms of every hook run (issue #17)."""
    root = make_repo({"LICENSE": MIT, "README.md": readme, "docs/README.md": "# Docs\n"}, git=True)
    env = {**os.environ, "MODELICENSE_CACHE_DIR": str(tmp_path / "cache"), "MODELICENSE_NO_SCANCODE": "1"}
    run = subprocess.run([sys.executable, "-c", YAML_PROBE], cwd=root, capture_output=True, text=True, env=env,
                         timeout=300, check=False)
    assert run.returncode == 0, run.stderr
    probe = json.loads(run.stdout.splitlines()[-1])
    assert probe["code"] == 0 and probe["yaml"] is loads_yaml
