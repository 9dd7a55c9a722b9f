"""Packaging metadata: pyproject.toml (PEP 621 and PEP 639), setup.cfg, package.json.

tomllib/json give values but not lines, so each value's line is found afterwards by searching the
text for its key: good enough for a declaration that stands once per file, and cheaper than a
position-keeping parser. setup.py is never read: it is code, and modelicense runs none.
"""

from __future__ import annotations

import configparser
import json
import re
import sys
from dataclasses import replace

from modelicense.extract.text import decode
from modelicense.model import Declaration, Extraction, Location, Problem

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

CLASSIFIER_PREFIX = "License :: "


def extract(relpath: str, data: bytes, size: int) -> Extraction:
    text, _note = decode(data)
    name = relpath.rsplit("/", 1)[-1].lower()
    if name == "pyproject.toml":
        return _pyproject(relpath, text)
    if name == "setup.cfg":
        return _setup_cfg(relpath, text)
    return _package_json(relpath, text)


def _line_of(text: str, pattern: str, start: int = 0) -> tuple[int | None, int | None]:
    match = re.compile(pattern, re.M).search(text, start)
    if not match:
        return None, None
    line = text.count("\n", 0, match.start()) + 1
    column = match.start() - (text.rfind("\n", 0, match.start()) + 1) + 1
    return line, column


def _section_start(text: str, header: str) -> int:
    match = re.search(rf"^[ \t]*\[{re.escape(header)}\][ \t]*$", text, re.M)
    return match.end() if match else 0


def _pyproject(relpath: str, text: str) -> Extraction:
    try:
        doc = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        line = getattr(exc, "lineno", None)
        column = getattr(exc, "colno", None)
        if line is None:
            found = re.search(r"line (\d+), column (\d+)", str(exc))
            if found:
                line, column = int(found.group(1)), int(found.group(2))
        message = str(exc).split(" (at line")[0]
        return Extraction(problems=(Problem("malformed", f"pyproject.toml is not valid TOML: {message}", Location(relpath, line, column)),))
    except RecursionError:  # tomllib recurses once per nested array or inline table
        return Extraction(problems=(Problem("malformed", "pyproject.toml nests too deeply to be read", Location(relpath)),))
    from modelicense.extract.runtime import from_pyproject  # the dependencies, for the runtime stack (RUN001)

    dependencies, problems = from_pyproject(relpath, text, doc)
    extraction = Extraction(dependencies=tuple(dependencies), problems=tuple(problems))
    project = doc.get("project")
    if not isinstance(project, dict):
        return extraction
    start = _section_start(text, "project")
    declarations: list[Declaration] = []
    licence = project.get("license")
    line, column = _line_of(text, r"^[ \t]*license\s*=", start)
    if isinstance(licence, str) and licence.strip():  # PEP 639 SPDX expression
        declarations.append(Declaration(licence.strip(), "code", Location(relpath, line, column), "project.license"))
    elif isinstance(licence, dict):
        if isinstance(licence.get("text"), str) and licence["text"].strip():
            declarations.append(Declaration(licence["text"].strip(), "code", Location(relpath, line, column), "project.license.text"))
        # {file = "LICENSE"} points at a file that is scanned in its own right.
    for classifier in _list(project.get("classifiers")):
        if isinstance(classifier, str) and classifier.startswith(CLASSIFIER_PREFIX):
            c_line, c_col = _line_of(text, re.escape(classifier), start)
            declarations.append(Declaration(classifier, "code", Location(relpath, c_line, c_col), "classifier"))
    return replace(extraction, declarations=tuple(declarations))


# configparser collects every bad line before it raises, growing its message by `+=` (quadratic:
# 50,000 bad lines took seconds and made a 1.5 MB message). _bad_lines finds them first, in one
# linear pass; past a few, the finding is written here and configparser is never called.
MAX_REPORTED_ERRORS = 3
MAX_MESSAGE = 300


def _bad_lines(text: str, limit: int) -> list[tuple[int, str]]:
    """Up to `limit` lines configparser would reject as neither a section, an option, a comment
    nor a continuation — the same grammar (its own SECTCRE and OPTCRE, default comment prefixes,
    indented lines continue the option above), without its cost."""
    bad: list[tuple[int, str]] = []
    option_open, indent_level = False, 0
    for number, line in enumerate(text.splitlines(), start=1):
        value = line.strip()
        if not value or value[0] in "#;":
            continue
        indent = len(line) - len(line.lstrip())
        if option_open and indent > indent_level:
            continue  # a continuation of the option above
        indent_level = indent
        if configparser.RawConfigParser.SECTCRE.match(value):
            option_open = False
        elif (match := configparser.RawConfigParser.OPTCRE.match(value)) and match.group("option"):
            option_open = True
        else:
            bad.append((number, line))
            if len(bad) >= limit:
                break
    return bad


def _malformed_setup_cfg(relpath: str, message: str, line: int | None) -> Extraction:
    if len(message) > MAX_MESSAGE:
        message = message[: MAX_MESSAGE - 1] + "…"
    return Extraction(problems=(Problem("malformed", f"setup.cfg cannot be parsed: {message}", Location(relpath, line, None)),))


def _setup_cfg(relpath: str, text: str) -> Extraction:
    bad = _bad_lines(text, MAX_REPORTED_ERRORS + 1)
    if len(bad) > MAX_REPORTED_ERRORS:
        first, line = bad[0]
        return _malformed_setup_cfg(relpath, f"line {first} ({line.strip()[:60]!r}) and others are neither a "
                                    "section, a `key = value` option nor a continuation", first)
    parser = configparser.ConfigParser(interpolation=None)
    try:
        parser.read_string(text)
    except configparser.Error as exc:
        return _malformed_setup_cfg(relpath, exc.message, getattr(exc, "lineno", None) or (bad[0][0] if bad else None))
    from modelicense.extract.runtime import from_setup_cfg  # the dependencies, for the runtime stack (RUN001)

    dependencies, problems = from_setup_cfg(relpath, text, ((name, dict(parser.items(name, raw=True)))
                                                            for name in ("options", "options.extras_require")
                                                            if parser.has_section(name)))
    extraction = Extraction(dependencies=tuple(dependencies), problems=tuple(problems))
    if not parser.has_section("metadata"):
        return extraction
    start = _section_start(text, "metadata")
    declarations: list[Declaration] = []
    licence = parser.get("metadata", "license", fallback="").strip()
    if licence:
        line, column = _line_of(text, r"^[ \t]*license\s*=", start)
        declarations.append(Declaration(licence, "code", Location(relpath, line, column), "metadata.license"))
    for classifier in parser.get("metadata", "classifiers", fallback="").splitlines():
        classifier = classifier.strip()
        if classifier.startswith(CLASSIFIER_PREFIX):
            line, column = _line_of(text, re.escape(classifier), start)
            declarations.append(Declaration(classifier, "code", Location(relpath, line, column), "classifier"))
    return replace(extraction, declarations=tuple(declarations))


def _package_json(relpath: str, text: str) -> Extraction:
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        return Extraction(problems=(Problem("malformed", f"package.json is not valid JSON: {exc.msg}", Location(relpath, exc.lineno, exc.colno)),))
    except RecursionError:  # json raises it for arrays or objects nested too deeply
        return Extraction(problems=(Problem("malformed", "package.json nests too deeply to be read", Location(relpath)),))
    if not isinstance(doc, dict):
        return Extraction()
    values: list[str] = []
    licence = doc.get("license")
    if isinstance(licence, str):
        values.append(licence)
    elif isinstance(licence, dict) and isinstance(licence.get("type"), str):
        values.append(licence["type"])
    for item in _list(doc.get("licenses")):  # deprecated array form
        if isinstance(item, dict) and isinstance(item.get("type"), str):
            values.append(item["type"])
    declarations = []
    for value in values:
        if not value.strip():
            continue
        line, column = _line_of(text, r'"licen[cs]es?"\s*:')
        declarations.append(Declaration(value.strip(), "code", Location(relpath, line, column), "license"))
    return Extraction(declarations=tuple(declarations))


def _list(value: object) -> list:
    """A list-valued field, or nothing when the file holds another type there."""
    return value if isinstance(value, list) else []
