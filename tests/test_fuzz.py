"""Property-based fuzzing of every parser and of the command as a whole.

Each target feeds generated input to one parser and asserts what must hold for *any* input: it
returns (never raises), what it reports is a finding of the right kind, and what it returns stays
within the file. The default budget is small (CI); `python fuzz/run.py --cases N` runs the same
targets with a large one and counts inputs and crashes (README, "Robustness").

MODELICENSE_FUZZ_EXAMPLES sets the number of examples per target.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import struct
import tempfile
from collections import Counter
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from modelicense.config import ConfigError, from_mapping, parse_file
from modelicense.extract import card, dataset_metadata, frontmatter, licence_file, packaging, source, weights
from modelicense.knowledge import load as load_knowledge
from modelicense.model import Declaration, Extraction, Location, Resolution
from modelicense.resolve import Resolver

EXAMPLES = int(os.environ.get("MODELICENSE_FUZZ_EXAMPLES", "40"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,  # time is checked by the hostile tests with worst cases, not per example here
    database=None,  # no .hypothesis folder in the working tree by default
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
)
# How many inputs each target has been given (fuzz/run.py reports it).
CALLS: Counter[str] = Counter()
RESOLVER = Resolver(load_knowledge())

# --- strategies ---------------------------------------------------------------------------------

LICENCE_WORDS = ["mit", "MIT", "apache-2.0", "Apache-2.0", "gpl-3.0", "GPL-2.0-or-later", "cc-by-nc-4.0",
                 "openrail", "llama2", "other", "unknown", "bsd-3-clause", "LicenseRef-x", "Classpath-exception-2.0",
                 "License :: OSI Approved :: MIT License", "other-my-licence", "https://opensource.org/licenses/MIT"]
OPERATORS = [" AND ", " OR ", " WITH ", " and ", " or ", "(", ")", "/", " ", "+", ",", ";", "\n"]
YAML_CHARS = "-:[]{}&*!|>'\"#%@`,? \n\t\\abcdefghijklmnopqrstuvwxyz0123456789\ufeff\x00é…"

scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False),
                    st.text(max_size=30), st.sampled_from(LICENCE_WORDS))
json_values = st.recursive(scalars, lambda children: st.one_of(
    st.lists(children, max_size=5),
    st.dictionaries(st.one_of(st.text(max_size=10), st.sampled_from(["license", "licenses", "name", "type",
                                                                     "__metadata__", "features", "@id"])),
                    children, max_size=5)), max_leaves=20)
licence_expressions = st.lists(st.one_of(st.sampled_from(LICENCE_WORDS), st.sampled_from(OPERATORS),
                                         st.text(max_size=8)), max_size=12).map("".join)
front_matter_keys = st.sampled_from(["license", "licenses", "license_name", "license_link", "license_details",
                                     "datasets", "base_model", "base_model_relation", "library_name",
                                     "task_categories", "pretty_name", "tags"])


@st.composite
def yaml_documents(draw) -> str:
    """Front matter: a dumped mapping of card keys (valid YAML), sometimes cut, spliced or mixed
    with YAML syntax characters (anchors, aliases, tags, flow collections)."""
    mapping = draw(st.dictionaries(st.one_of(front_matter_keys, st.text(max_size=8)), json_values, max_size=6))
    text = yaml.safe_dump(mapping, allow_unicode=True, default_flow_style=draw(st.booleans()))
    how = draw(st.sampled_from(["clean", "cut", "noise", "anchors", "raw"]))
    if how == "cut":
        text = text[: draw(st.integers(0, len(text)))]
    elif how == "noise":
        at = draw(st.integers(0, len(text)))
        text = text[:at] + draw(st.text(alphabet=YAML_CHARS, max_size=20)) + text[at:]
    elif how == "anchors":
        text = "base: &a [mit, *a]\n" + text + "license: *a\nx: !!python/object:os.system {}\n"
    elif how == "raw":
        text = draw(st.text(alphabet=YAML_CHARS, max_size=200))
    return text


@st.composite
def cards(draw) -> bytes:
    body = draw(st.sampled_from(["", "# Model\n", "## License\nMIT <!-- x\n", "# Licence\n```\n# License\n```\n"]))
    text = f"---\n{draw(yaml_documents())}\n---\n{body}" if draw(st.booleans()) else draw(yaml_documents())
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "latin-1", "bytes"]))
    if encoding == "bytes":
        return draw(st.binary(max_size=300))
    return text.encode(encoding, "replace")


def _safetensors(draw) -> bytes:
    header: dict = draw(st.dictionaries(st.text(max_size=8), json_values, max_size=4))
    if draw(st.booleans()):
        header["__metadata__"] = draw(st.one_of(
            st.dictionaries(st.sampled_from(["license", "licence", "modelspec.license", "x"]), st.text(max_size=20),
                            max_size=3), json_values))
    raw = json.dumps(header).encode()
    if draw(st.booleans()):
        raw = raw[: draw(st.integers(0, len(raw)))] + draw(st.binary(max_size=10))
    claimed = draw(st.one_of(st.just(len(raw)), st.integers(0, 2**64 - 1), st.integers(0, len(raw) + 16)))
    return struct.pack("<Q", claimed) + raw + draw(st.binary(max_size=16))


def _gguf_string(draw, text: str | None = None) -> bytes:
    raw = (text if text is not None else draw(st.text(max_size=12))).encode("utf-8", "surrogatepass")
    claimed = draw(st.one_of(st.just(len(raw)), st.just(len(raw)), st.integers(0, 2**64 - 1)))
    return struct.pack("<Q", claimed) + raw


def _gguf_value(draw, depth: int = 0) -> bytes:
    kind = draw(st.one_of(st.integers(0, 12), st.integers(0, 2**32 - 1)))
    if kind in (0, 1, 7):
        return struct.pack("<I", kind) + draw(st.binary(min_size=1, max_size=1))
    if kind in (2, 3):
        return struct.pack("<I", kind) + draw(st.binary(min_size=2, max_size=2))
    if kind in (4, 5, 6):
        return struct.pack("<I", kind) + draw(st.binary(min_size=4, max_size=4))
    if kind in (10, 11, 12):
        return struct.pack("<I", kind) + draw(st.binary(min_size=8, max_size=8))
    if kind == 8:
        return struct.pack("<I", kind) + _gguf_string(draw, draw(st.one_of(st.sampled_from(LICENCE_WORDS),
                                                                           st.text(max_size=12))))
    if kind == 9 and depth < 2:
        items = [_gguf_value(draw, depth + 1)[4:] for _ in range(draw(st.integers(0, 3)))]
        item_kind = draw(st.integers(0, 12))
        count = draw(st.one_of(st.just(len(items)), st.integers(0, 2**64 - 1)))
        return struct.pack("<IIQ", kind, item_kind, count) + b"".join(items)
    return struct.pack("<I", kind) + draw(st.binary(max_size=8))


def _gguf(draw) -> bytes:
    pairs = []
    for _ in range(draw(st.integers(0, 5))):
        key = draw(st.one_of(st.sampled_from(["general.license", "general.license.name", "general.license.link",
                                              "general.base_model.0.repo_url", "general.dataset.1.name",
                                              "general.base_model.0.name", "tokenizer.ggml.tokens"]),
                             st.text(max_size=10)))
        pairs.append(_gguf_string(draw, key) + _gguf_value(draw))
    kv = draw(st.one_of(st.just(len(pairs)), st.integers(0, 2**64 - 1)))
    version = draw(st.sampled_from([2, 3, 3, 1, 2**32 - 1]))
    return b"GGUF" + struct.pack("<IQQ", version, draw(st.integers(0, 2**64 - 1)), kv) + b"".join(pairs)


@st.composite
def weight_files(draw) -> tuple[str, bytes]:
    kind = draw(st.sampled_from(["safetensors", "gguf", "onnx", "bin", "lfs", "raw"]))
    if kind == "safetensors":
        return "model.safetensors", _safetensors(draw)
    if kind == "gguf":
        return "model.gguf", _gguf(draw)
    if kind == "lfs":
        name = draw(st.sampled_from(["model.safetensors", "model.gguf", "pytorch_model.bin"]))
        return name, b"version https://git-lfs.github.com/spec/v1\n" + draw(st.binary(max_size=1100))
    if kind == "onnx":
        fields = b"".join(bytes([draw(st.integers(0, 255))]) + draw(st.binary(max_size=6))
                          for _ in range(draw(st.integers(0, 6))))
        return "model.onnx", fields
    name = draw(st.sampled_from(["model.safetensors", "model.gguf", "model.onnx", "pytorch_model.bin", "x.pkl",
                                 "m.ckpt"]))
    prefix = draw(st.sampled_from([b"", b"GGUF", b"PK\x03\x04", b"\x80\x04", b"\x08\x00\x00\x00\x00\x00\x00\x00"]))
    return name, prefix + draw(st.binary(max_size=200))


toml_text = st.one_of(
    st.text(alphabet="[]{}=\"'.,#\n abcdeflmnoprstuvw-_0123456789tf", max_size=200),
    st.dictionaries(st.sampled_from(["project", "tool", "build-system"]), json_values, max_size=3).map(
        lambda d: "\n".join(f"{k} = {json.dumps(v)}" for k, v in d.items())),
)

# --- properties ---------------------------------------------------------------------------------


def _check_extraction(extraction: Extraction, relpath: str) -> None:
    assert isinstance(extraction, Extraction)
    for problem in extraction.problems:
        assert problem.code in ("malformed", "unreadable", "skipped")
        assert problem.location.path == relpath
        assert isinstance(problem.message, str) and problem.message
    for declaration in extraction.declarations:
        assert declaration.location.path == relpath
        assert isinstance(declaration.raw, str)
        assert declaration.location.line is None or declaration.location.line >= 1
        RESOLVER.resolve(declaration)  # whatever was extracted must resolve without raising


@FUZZ
@given(yaml_documents())
def test_fuzz_front_matter(text):
    CALLS["front matter"] += 1
    try:
        parsed = frontmatter.parse(text, 1)
    except frontmatter.FrontMatterError as exc:
        assert exc.message and (exc.line is None or exc.line >= 1)
        return
    if parsed is not None:
        for key in list(parsed.mapping)[:5]:
            for value in parsed.values(key):
                assert value.line >= 2 and value.column >= 1


@FUZZ
@given(cards(), st.sampled_from(["README.md", "model_card.md", "dataset_card.md"]))
def test_fuzz_cards(data, name):
    CALLS["cards"] += 1
    extraction = card.extract(name, data, len(data))
    _check_extraction(extraction, name)
    lines = max(data.count(b"\n"), data.count(b"\r"), data.count("\n".encode("utf-16-le"))) + 1
    for declaration in extraction.declarations:
        assert declaration.location.line is None or declaration.location.line <= lines


@FUZZ
@given(licence_expressions)
def test_fuzz_licence_expressions(raw):
    CALLS["licence expressions"] += 1
    resolution = RESOLVER.resolve_id(raw)
    assert isinstance(resolution, Resolution)
    if not raw.strip().strip("\"'"):
        return
    # Nothing invented: every licence found is one the knowledge base knows.
    assert all(RESOLVER.knowledge.licence(key) is not None for key in resolution.keys), resolution
    # Nothing dropped: what names no licence is kept as written.
    if not resolution.keys and not resolution.ignorance:
        assert resolution.unrecognised and all(part in raw for part in resolution.unrecognised), resolution


@FUZZ
@given(st.text(max_size=400))
def test_fuzz_licence_prose_and_texts(text):
    CALLS["licence prose and texts"] += 1
    for confidence, is_text in (("low", False), ("high", True)):
        RESOLVER.resolve(Declaration(text, "repo", Location("LICENSE"), "licence", confidence, is_text))


@FUZZ
@given(st.dictionaries(st.sampled_from(["select", "ignore", "fail-on", "exclude", "severity", "per-file-ignores",
                                        "allow", "licences", "licenses", "datasets", "models", "card-kinds",
                                        "baseline", "unknown"]), json_values, max_size=4))
def test_fuzz_config_mapping(table):
    CALLS["config mapping"] += 1
    try:
        from_mapping(_toml_like(table), "fuzz.toml", "")
    except ConfigError as exc:
        assert str(exc).startswith("fuzz.toml")


def _toml_like(value):
    """TOML has no null and only string keys."""
    if isinstance(value, dict):
        return {str(k): _toml_like(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [_toml_like(v) for v in value if v is not None]
    return value


@FUZZ
@given(toml_text, st.booleans())
def test_fuzz_config_files(text, is_pyproject):
    CALLS["config files"] += 1
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / ("pyproject.toml" if is_pyproject else ".modelicense.toml")
        path.write_text(text, encoding="utf-8", errors="surrogatepass")
        try:
            parse_file(path, is_pyproject)
        except ConfigError as exc:
            assert str(path) in str(exc)


@FUZZ
@given(st.one_of(toml_text.map(str.encode), json_values.map(lambda v: json.dumps(v).encode()), st.binary(max_size=300),
                 st.text(alphabet="[]=\n%():;# abcmetadlicnsefr", max_size=200).map(str.encode)),
       st.sampled_from(["pyproject.toml", "setup.cfg", "package.json"]))
def test_fuzz_packaging(data, name):
    CALLS["packaging"] += 1
    _check_extraction(packaging.extract(name, data, len(data)), name)


@FUZZ
@given(st.one_of(json_values.map(lambda v: json.dumps(v).encode()), st.binary(max_size=300)),
       st.sampled_from(["datapackage.json", "croissant.json", "dataset_infos.json"]))
def test_fuzz_dataset_metadata(data, name):
    CALLS["dataset metadata"] += 1
    _check_extraction(dataset_metadata.extract(name, data, len(data)), name)


@FUZZ
@given(st.one_of(st.binary(max_size=400),
                 st.text(max_size=300).map(lambda t: f"# SPDX-License-Identifier: {t}".encode("utf-8", "surrogatepass"))),
       st.sampled_from(["LICENSE", "a.py", "LICENSES/x.txt"]))
def test_fuzz_licence_files_and_source_headers(data, name):
    CALLS["licence files and source headers"] += 1
    extract = source.extract if name.endswith(".py") else licence_file.extract
    _check_extraction(extract(name, data, len(data)), name)


@FUZZ
@given(weight_files())
def test_fuzz_weight_headers(item):
    name, data = item
    CALLS["weight headers"] += 1
    _check_extraction(weights.extract(name, io.BytesIO(data), len(data)), name)


# --- the whole command on generated repositories -------------------------------------------------

REPO_NAMES = ["README.md", "LICENSE", "LICENSE-MODEL", "DATA_LICENSE", "pyproject.toml", "package.json",
              "setup.cfg", "datapackage.json", "model.safetensors", "model.gguf", "src/a.py", "sub dir/README.md",
              "model_cards/x.md", ".modelicense.toml", "LICENSES/MIT.txt", "weights/pytorch_model.bin"]


@st.composite
def repositories(draw) -> dict[str, bytes]:
    files: dict[str, bytes] = {}
    for name in draw(st.lists(st.sampled_from(REPO_NAMES), min_size=1, max_size=6, unique=True)):
        if name.endswith(".md"):
            files[name] = draw(cards())
        elif name.endswith((".safetensors", ".gguf", ".bin")):
            files[name] = draw(weight_files())[1]
        elif name.endswith(".toml"):
            files[name] = draw(toml_text).encode("utf-8", "surrogatepass")
        elif name.endswith(".json"):
            files[name] = json.dumps(draw(json_values)).encode()
        else:
            files[name] = draw(st.one_of(st.sampled_from(LICENCE_WORDS).map(str.encode), st.binary(max_size=100),
                                         licence_expressions.map(lambda t: f"# SPDX-License-Identifier: {t}".encode())))
    return files


@FUZZ
@given(repositories(), st.sampled_from(["json", "text", "sarif", "github", "markdown"]))
def test_fuzz_command_on_generated_repositories(files, fmt):
    from modelicense.cli import main
    from modelicense.report import formatters

    CALLS["command"] += 1
    if fmt not in formatters():
        fmt = "json"
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder) / "repo"
        for rel, data in files.items():
            (root / rel).parent.mkdir(parents=True, exist_ok=True)
            (root / rel).write_bytes(data)
        output = Path(folder) / "report"
        errors = io.StringIO()
        with contextlib.redirect_stderr(errors):
            code = main(["scan", "--no-cache", "--format", fmt, "--output", str(output), str(root)])
        assert "Traceback" not in errors.getvalue()
        # 2 only for a configuration the repository itself carries (.modelicense.toml / pyproject).
        assert code in (0, 1) or (code == 2 and {".modelicense.toml", "pyproject.toml"} & set(files))
        if code != 2:
            text = output.read_bytes().decode("utf-8")  # valid UTF-8 in every format
            if fmt in ("json", "sarif"):
                json.loads(text)


TARGETS = [test_fuzz_front_matter, test_fuzz_cards, test_fuzz_licence_expressions, test_fuzz_licence_prose_and_texts,
           test_fuzz_config_mapping, test_fuzz_config_files, test_fuzz_packaging, test_fuzz_dataset_metadata,
           test_fuzz_licence_files_and_source_headers, test_fuzz_weight_headers,
           test_fuzz_command_on_generated_repositories]
