"""Runtime manifests: the packages, base images and package indexes a repository installs to run
— requirements files, conda environments, Dockerfiles, and the dependency lists of pyproject.toml
and setup.cfg (extract/packaging.py hands those over) — as `Dependency`s with their lines. Which
of them tie the system to a hardware stack is knowledge (knowledge/runtime.py), not decided here.

Nothing is installed, resolved or run: a requirements file's `-r other.txt` is not followed (the
other file is read in its own right when its name is a requirements file's), a Dockerfile's `RUN`
lines are only searched for `pip install` and `conda install` words, and its `ARG` defaults are
the only substitution made.

Written by hand rather than with `packaging.requirements`: a requirements file is pip's format,
not PEP 508 (options, `--hash`, bare wheel URLs, continuation lines, `#` comments), and all that is
needed of each requirement is its name, its extras and a pin's local version label (`+cu121`),
which a name pattern (PEP 508's) and one search give. Every loop is bounded by the bytes read
(the kind's read limit) and by MAX_DEPENDENCIES.
"""

from __future__ import annotations

import re
import shlex
from collections.abc import Iterable, Iterator
from urllib.parse import unquote

import yaml

from modelicense.extract import frontmatter
from modelicense.extract.text import decode
from modelicense.lazyre import lazy_compile
from modelicense.model import Dependency, Extraction, FileKind, Location, Problem

MAX_DEPENDENCIES = 5_000  # per file: real manifests list tens, lock-style files a few hundred
MAX_NODES = 20_000  # YAML nodes one conda environment walk may visit (aliases can revisit)
MAX_RAW = 200  # characters of a dependency kept as written
MAX_ARG_VALUE = 4096  # characters of a Dockerfile ARG default once substituted

# PEP 508 names (https://peps.python.org/pep-0508/#names), then optional extras.
_REQUIREMENT = lazy_compile(r"^(?P<name>[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)\s*(?:\[(?P<extras>[^\]]*)\])?\s*(?P<rest>.*)$")
_PIN_LOCAL = lazy_compile(r"===?\s*v?\d[^\s,;+]*\+(?P<local>[A-Za-z0-9.]+)")
# A wheel's file name: name-version(-build)?-python-abi-platform.whl (PEP 427), version with a local label.
_WHEEL = lazy_compile(r"(?:^|/)(?P<name>[A-Za-z0-9_.]+)-(?P<version>\d[^-/]*)-[^/]*\.whl$", re.IGNORECASE)
# PyTorch's index layout: download.pytorch.org/whl/cu121/torch-….whl names the build in the path.
_INDEX_BUILD = lazy_compile(r"/whl/(?:nightly/|test/)?(?P<local>cu\d+|rocm[\d.]+|cpu)(?:/|$)", re.IGNORECASE)
_COMMENT = lazy_compile(r"(?:^|\s)#.*$")
_CONDA_SPEC = lazy_compile(r"^(?:[\w.-]+::)?(?P<name>[A-Za-z0-9_][A-Za-z0-9_.+-]*)")
_ARG_REF = lazy_compile(r"\$(?:\{(?P<braced>[A-Za-z_][A-Za-z0-9_]*)(?::?[-+](?P<default>[^}]*))?\}|(?P<bare>[A-Za-z_][A-Za-z0-9_]*))")

_INDEX_OPTIONS = {"-i", "--index-url", "--extra-index-url", "-f", "--find-links"}
# pip options that take a value (so the value is not read as a requirement).
_PIP_VALUE_OPTIONS = _INDEX_OPTIONS | {
    "-r", "--requirement", "-c", "--constraint", "-e", "--editable", "-t", "--target", "--prefix", "--root",
    "--platform", "--python-version", "--implementation", "--abi", "--no-binary", "--only-binary",
    "--trusted-host", "--upgrade-strategy", "--progress-bar", "--cache-dir", "-C", "--config-settings",
    "--src", "--global-option", "--install-option", "--log", "--proxy", "--retries", "--timeout",
    "--exists-action", "--cert", "--client-cert", "--report", "--python", "--extra-install-option",
}
_CONDA_VALUE_OPTIONS = {"-c", "--channel", "-n", "--name", "-p", "--prefix", "--file", "--override-channels"}


def normalise(name: str) -> str:
    """PEP 503: lower case, runs of `-`, `_`, `.` as one `-`."""
    return re.sub(r"[-_.]+", "-", name).lower()


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= MAX_RAW else text[: MAX_RAW - 1] + "…"


def _clean_url(url: str) -> str:
    return url.strip().strip("\"'").rstrip("/")


def _local_from_url(url: str) -> str:
    decoded = unquote(url)
    wheel = _WHEEL.search(decoded.split("#", 1)[0].split("?", 1)[0])
    if wheel and "+" in wheel.group("version"):
        return wheel.group("version").split("+", 1)[1]
    build = _INDEX_BUILD.search(decoded)
    return build.group("local") if build else ""


def requirement(text: str, location: Location, group: str = "") -> Dependency | None:
    """A PEP 508 requirement (`torch==2.1.0+cu121`, `jax[cuda12]>=0.4`, `torch @ https://…whl`) or
    a wheel URL / path as pip takes it; None for what names no package (a local path, `.`)."""
    text = text.strip()
    if not text:
        return None
    if "://" in text.split("@", 1)[0] or text.lower().endswith(".whl"):  # a bare URL or wheel path
        wheel = _WHEEL.search(unquote(text.split("#", 1)[0]))
        if not wheel:
            return None
        return Dependency("pypi", normalise(wheel.group("name")), location, _short(text), _local_from_url(text),
                          group=group)
    match = _REQUIREMENT.match(text)
    if not match:
        return None
    rest = match.group("rest")
    # Environment markers follow `;` (after a space when the requirement is a URL, PEP 508).
    rest = rest.split(" ;", 1)[0] if rest.lstrip().startswith("@") else rest.split(";", 1)[0]
    written = text[: match.start("rest")] + rest
    extras = tuple(sorted({normalise(e) for e in (match.group("extras") or "").split(",") if e.strip()}))
    if rest.lstrip().startswith("@"):
        local = _local_from_url(rest.lstrip()[1:])
    else:
        pin = _PIN_LOCAL.search(rest)
        local = pin.group("local") if pin else ""
    return Dependency("pypi", normalise(match.group("name")), location, _short(written), local, extras, group)


def index(url: str, location: Location, group: str = "") -> Dependency | None:
    cleaned = _clean_url(url)
    if not cleaned:
        return None
    return Dependency("index", cleaned.lower(), location, _short(url), group=group)


# --- requirements files ----------------------------------------------------------------------


def _logical_lines(text: str) -> Iterator[tuple[int, str]]:
    """(first physical line, logical line): `\\` at a line's end continues it; comments dropped."""
    start, parts = 0, []
    for number, line in enumerate(text.splitlines(), start=1):
        if not parts:
            start = number
        stripped = _COMMENT.sub("", line)
        if stripped.endswith("\\"):
            parts.append(stripped[:-1])
            continue
        parts.append(stripped)
        yield start, " ".join(parts)
        parts = []
    if parts:
        yield start, " ".join(parts)


def _option_value(tokens: list[str], i: int) -> tuple[str, str | None, int]:
    """(option, value, next index) for `--opt=value`, `--opt value`, `-ivalue`."""
    token = tokens[i]
    if token.startswith("--") and "=" in token:
        option, value = token.split("=", 1)
        return option, value, i + 1
    if len(token) > 2 and not token.startswith("--") and token[:2] in ("-i", "-f", "-r", "-c", "-e"):
        return token[:2], token[2:], i + 1
    if token in _PIP_VALUE_OPTIONS:
        return token, tokens[i + 1] if i + 1 < len(tokens) else None, i + 2
    return token, None, i + 1


def requirements_file(relpath: str, text: str, group: str = "") -> tuple[list[Dependency], list[Problem]]:
    found: list[Dependency] = []
    for number, line in _logical_lines(text):
        if len(found) >= MAX_DEPENDENCIES:
            return found, [_too_many(relpath)]
        body = line.strip()
        if not body:
            continue
        column = line.find(body) + 1
        where = Location(relpath, number, column)
        if body.startswith("-"):
            option, value, _next = _option_value(body.split(), 0)
            if option in _INDEX_OPTIONS and value:
                dep = index(value, where, group)
                if dep:
                    found.append(dep)
            continue  # -r, -c, -e and other options name no package of this file
        spec = re.split(r"\s+--?[A-Za-z]", body, maxsplit=1)[0]  # `torch==2.1 --hash=sha256:…`
        dep = requirement(spec, where, group)
        if dep:
            found.append(dep)
    return found, []


def _too_many(relpath: str) -> Problem:
    return Problem("malformed", f"more than {MAX_DEPENDENCIES} dependencies; the rest were not read", Location(relpath))


# --- conda environments ----------------------------------------------------------------------


def conda_spec(text: str, location: Location, group: str = "") -> Dependency | None:
    """`pytorch-cuda=12.1`, `nvidia::cuda-toolkit`, `cudatoolkit 11.8 h…`: the package's name."""
    match = _CONDA_SPEC.match(text.strip())
    if not match:
        return None
    return Dependency("conda", match.group("name").lower(), location, _short(text), group=group)


def conda_environment(relpath: str, text: str) -> tuple[list[Dependency], list[Problem]]:
    try:
        root = frontmatter.compose(text)
    except frontmatter.FrontMatterError as exc:
        return [], [Problem("malformed", f"conda environment is {exc.message}", Location(relpath, exc.line, exc.column))]
    top = _mapping(root)
    budget = [MAX_NODES]
    found: list[Dependency] = []
    for item in _items(top.get("dependencies"), budget):
        if len(found) >= MAX_DEPENDENCIES:
            return found, [_too_many(relpath)]
        if isinstance(item, yaml.ScalarNode):
            dep = conda_spec(str(item.value), _at(relpath, item))
            if dep:
                found.append(dep)
        elif isinstance(item, yaml.MappingNode):
            for line in _items(_mapping(item).get("pip"), budget):
                if isinstance(line, yaml.ScalarNode):
                    found.extend(_pip_words(shlex_split(str(line.value)), _at(relpath, line), "pip"))
    return found, []


def _at(relpath: str, node: yaml.Node) -> Location:
    return Location(relpath, node.start_mark.line + 1, node.start_mark.column + 1)


def _mapping(node: yaml.Node | None) -> dict[str, yaml.Node]:
    if not isinstance(node, yaml.MappingNode):
        return {}
    return {str(k.value): v for k, v in node.value if isinstance(k, yaml.ScalarNode)}


def _items(node: yaml.Node | None, budget: list[int]) -> Iterator[yaml.Node]:
    if not isinstance(node, yaml.SequenceNode):
        return
    for item in node.value:
        budget[0] -= 1
        if budget[0] < 0:
            return
        yield item


# --- Dockerfiles -----------------------------------------------------------------------------


def shlex_split(text: str) -> list[str]:
    """Shell words; an unbalanced quote falls back to whitespace (a linter never refuses a file)."""
    try:
        return shlex.split(text, comments=False, posix=True)
    except ValueError:
        return text.split()


def _docker_lines(text: str) -> Iterator[tuple[int, str]]:
    """(first line, instruction) with `\\` continuations joined; comment lines inside one skipped."""
    start, parts = 0, []
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if stripped.startswith("#"):  # a comment, or a parser directive (`# syntax=`): nothing to read
            continue
        if not parts:
            start = number
        if stripped.endswith("\\"):
            parts.append(stripped[:-1])
            continue
        parts.append(stripped)
        yield start, " ".join(p for p in parts if p)
        parts = []
    if parts:
        yield start, " ".join(p for p in parts if p)


def _substitute(text: str, args: dict[str, str]) -> str:
    """`${NAME}`, `$NAME`, `${NAME:-default}` replaced by the ARG defaults seen so far. The result
    is at most MAX_ARG_VALUE characters longer than the text: `ARG B=${A}${A}`, `ARG C=${B}${B}`…
    doubles the text each line, so thirty such lines would otherwise make a gigabyte."""
    budget = len(text) + MAX_ARG_VALUE
    pieces: list[str] = []
    size = end = 0
    for match in _ARG_REF.finditer(text):
        name = match.group("braced") or match.group("bare")
        default = match.group("default")
        value = args.get(name, default if default is not None else match.group(0))
        pieces += [text[end:match.start()], value]
        size += match.start() - end + len(value)
        end = match.end()
        if size > budget:
            return "".join(pieces)[:budget]
    pieces.append(text[end:])
    return "".join(pieces)[:budget]


def image(reference: str, location: Location, raw: str) -> Dependency | None:
    """`nvidia/cuda:12.1.0-devel-ubuntu22.04`, `docker.io/library/python:3.11@sha256:…`."""
    ref = reference.split("@", 1)[0].lower()
    name, tag = ref, ""
    if ":" in ref.rpartition("/")[2]:
        name, _colon, tag = ref.rpartition(":")
    for prefix in ("docker.io/", "index.docker.io/", "registry-1.docker.io/"):
        name = name.removeprefix(prefix)
    name = name.removeprefix("library/")
    if not name or "$" in name:
        return None
    return Dependency("image", name, location, _short(raw), tag)


def _pip_words(words: list[str], where: Location, group: str) -> Iterator[Dependency]:
    """The requirements and index URLs in the words after `pip install` (or a pip section line)."""
    i = 0
    while i < len(words):
        word = words[i]
        if word.startswith("-"):
            option, value, i = _option_value(words, i)
            if option in _INDEX_OPTIONS and value:
                dep = index(value, where, group)
                if dep:
                    yield dep
            continue
        i += 1
        if word.startswith((".", "/", "~")) and not word.lower().endswith(".whl"):
            continue  # a local project
        dep = requirement(word, where, group)
        if dep:
            yield dep


def _install_commands(command: str) -> Iterator[tuple[str, list[str]]]:
    """("pip" | "conda", words after `install`) for each install command in a RUN line."""
    for segment in re.split(r"&&|\|\||;|\|", command):
        words = shlex_split(segment)
        for i, word in enumerate(words):
            base = word.rpartition("/")[2]
            if base in ("pip", "pip3") or (base.startswith("python") and words[i + 1:i + 3] == ["-m", "pip"]):
                offset = i + (3 if base.startswith("python") else 1)
                if words[offset:offset + 1] == ["install"]:
                    yield "pip", words[offset + 1:]
                break
            if base == "uv" and words[i + 1:i + 3] == ["pip", "install"]:
                yield "pip", words[i + 3:]
                break
            if base in ("conda", "mamba", "micromamba") and words[i + 1:i + 2] == ["install"]:
                yield "conda", words[i + 2:]
                break


def _conda_words(words: list[str], where: Location) -> Iterator[Dependency]:
    i = 0
    while i < len(words):
        word = words[i]
        if word.startswith("-"):
            i += 2 if word in _CONDA_VALUE_OPTIONS else 1
            continue
        i += 1
        dep = conda_spec(word, where, "run")
        if dep:
            yield dep


def dockerfile(relpath: str, text: str) -> tuple[list[Dependency], list[Problem]]:
    args: dict[str, str] = {}
    stages: set[str] = set()
    found: list[Dependency] = []
    for number, line in _docker_lines(text):
        if len(found) >= MAX_DEPENDENCIES:
            return found, [_too_many(relpath)]
        instruction, _space, rest = line.partition(" ")
        keyword = instruction.upper()
        where = Location(relpath, number, 1)
        if keyword == "ARG":
            for word in shlex_split(rest):
                name, equals, value = word.partition("=")
                if equals and name not in args:
                    args[name] = _substitute(value, args)[:MAX_ARG_VALUE]
        elif keyword == "FROM":
            words = [w for w in shlex_split(_substitute(rest, args)) if not w.startswith("--")]
            if not words:
                continue
            if len(words) >= 3 and words[1].lower() == "as":
                stages.add(words[2].lower())
            if words[0].lower() in stages or words[0].lower() == "scratch":
                continue  # an earlier build stage, or nothing
            dep = image(words[0], where, words[0])  # as resolved from ARG defaults
            if dep:
                found.append(dep)
        elif keyword == "ENV":
            for word in shlex_split(_substitute(rest, args)):
                name, _equals, value = word.partition("=")
                if name in ("PIP_INDEX_URL", "PIP_EXTRA_INDEX_URL", "PIP_FIND_LINKS", "UV_INDEX_URL",
                            "UV_EXTRA_INDEX_URL"):
                    found.extend(d for url in value.split() if (d := index(url, where, "env")))
        elif keyword == "RUN":
            for tool, words in _install_commands(_substitute(rest, args)):
                found.extend(_pip_words(words, where, "run") if tool == "pip" else _conda_words(words, where))
    return found, []


# --- pyproject.toml and setup.cfg (called by extract/packaging.py with the parsed document) --------


class _Lines:
    """Where each dependency string stands in the file: searched forward from the last one found
    (tomllib and configparser keep document order), so the search is linear in the file."""

    def __init__(self, relpath: str, text: str):
        self.relpath, self.text, self.position = relpath, text, 0

    def __call__(self, raw: str) -> Location:
        found = self.text.find(raw, self.position)
        if found < 0:
            return Location(self.relpath)
        self.position = found + len(raw)
        line = self.text.count("\n", 0, found) + 1  # bounded by MAX_DEPENDENCIES calls
        column = found - (self.text.rfind("\n", 0, found) + 1) + 1
        return Location(self.relpath, line, column)


def _strings(value: object) -> list[str]:
    return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []


def _table(value: object) -> dict:
    return value if isinstance(value, dict) else {}


def from_pyproject(relpath: str, text: str, doc: dict) -> tuple[list[Dependency], list[Problem]]:
    """PEP 621 dependencies and optional dependencies, PEP 735 dependency groups, Poetry's
    dependencies and sources, uv's indexes."""
    where = _Lines(relpath, text)
    lists: list[tuple[str, list[str]]] = []
    project = _table(doc.get("project"))
    lists.append(("", _strings(project.get("dependencies"))))
    lists += [(f"extra:{name}", _strings(reqs)) for name, reqs in _table(project.get("optional-dependencies")).items()]
    lists += [(f"group:{name}", _strings(reqs)) for name, reqs in _table(doc.get("dependency-groups")).items()]
    found: list[Dependency] = []
    for group, requirements in lists:
        for raw in requirements:
            dep = requirement(raw, where(raw), group)
            if dep:
                found.append(dep)
    tool = _table(doc.get("tool"))
    poetry = _table(tool.get("poetry"))
    poetry_lists = [("", _table(poetry.get("dependencies")))]
    poetry_lists += [(f"group:{name}", _table(_table(g).get("dependencies")))
                     for name, g in _table(poetry.get("group")).items()]
    for group, table in poetry_lists:
        for name, spec in table.items():
            version = spec if isinstance(spec, str) else _table(spec).get("version", "")
            local = version.split("+", 1)[1] if isinstance(version, str) and "+" in version else ""
            url = _table(spec).get("url")
            if isinstance(url, str):
                local = local or _local_from_url(url)
            if normalise(name) != "python":
                found.append(Dependency("pypi", normalise(name), where(name), _short(f"{name} = {spec}"), local,
                                        group=group))
    for source in [*_tables(poetry.get("source")), *_tables(_table(tool.get("uv")).get("index"))]:
        url = source.get("url")
        if isinstance(url, str) and (dep := index(url, where(url))):
            found.append(dep)
    if len(found) > MAX_DEPENDENCIES:
        return found[:MAX_DEPENDENCIES], [_too_many(relpath)]
    return found, []


def _tables(value: object) -> list[dict]:
    return [v for v in value if isinstance(v, dict)] if isinstance(value, list) else []


def from_setup_cfg(relpath: str, text: str, sections: Iterable[tuple[str, dict[str, str]]]) -> tuple[list[Dependency], list[Problem]]:
    """`[options] install_requires` and `[options.extras_require]`, one requirement per line."""
    where = _Lines(relpath, text)
    found: list[Dependency] = []
    for section, options in sections:
        if section == "options":
            lists = [("", options.get("install_requires", ""))]
        elif section == "options.extras_require":
            lists = [(f"extra:{name}", value) for name, value in options.items()]
        else:
            continue
        for group, value in lists:
            for raw in value.splitlines():
                raw = _COMMENT.sub("", raw).strip()
                dep = requirement(raw, where(raw), group) if raw else None
                if dep:
                    found.append(dep)
                if len(found) >= MAX_DEPENDENCIES:
                    return found, [_too_many(relpath)]
    return found, []


# --- the extractor ---------------------------------------------------------------------------

_READERS = {
    FileKind.REQUIREMENTS: requirements_file,
    FileKind.CONDA_ENVIRONMENT: conda_environment,
    FileKind.DOCKERFILE: dockerfile,
}


def extract_kind(kind: FileKind, relpath: str, data: bytes) -> Extraction:
    text, _note = decode(data)
    dependencies, problems = _READERS[kind](relpath, text)
    return Extraction(dependencies=tuple(dependencies), problems=tuple(problems))
