"""Configuration: `--config FILE`, else `[tool.modelicense]` in the root's pyproject.toml, else
`.modelicense.toml` (whose keys stand at the top level). Validated into a frozen Config; a bad
file is a ConfigError naming the file, the key and what is wrong (exit 2).
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Callable, Mapping
from dataclasses import field
from pathlib import Path
from typing import Any

from modelicense.fastclass import dataclass
from modelicense.knowledge import Dataset, Licence, Model
from modelicense.lazyre import lazy_compile
from modelicense.model import Severity



def _toml():
    """tomllib, imported only when there is a file to read (start-up speed of the hook)."""
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover
        import tomli as tomllib
    return tomllib

FAIL_ON = ("error", "warning", "info", "never")
# Scopes an allow-list may name: the artefacts a licence can cover (a `repo` licence is checked
# against `code`, and against `weights` when it is what covers the weights).
ALLOW_SCOPES = ("code", "weights", "data")


class ConfigError(Exception):
    pass


@dataclass(frozen=True)
class Config:
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    fail_on: str = "warning"
    exclude: tuple[str, ...] = ()
    severity: Mapping[str, Severity] = field(default_factory=dict)
    per_file_ignores: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    # Licences allowed per artefact scope (code, weights, data): anything else is reported.
    allow: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    licences: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    datasets: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    models: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    # Paths whose card kind is fixed by the user: {"README.md": "dataset"}.
    card_kinds: Mapping[str, str] = field(default_factory=dict)
    # Baseline file (absolute, or relative to the working directory when given on the command line).
    baseline: str | None = None
    # The baseline was named on the command line: it may lie outside the scanned root (one the
    # repository's configuration names must lie inside it).
    baseline_named: bool = False
    # --isolated: the repository's configuration and baseline were not read (the CLI's doing)
    # and its inline suppression comments are not applied (the scan's).
    isolated: bool = False
    source: str | None = None

    def enabled(self, rule_id: str) -> bool:
        selected = not self.select or any(rule_id.startswith(p) for p in self.select)
        return selected and not any(rule_id.startswith(p) for p in self.ignore)


_KEYS = {
    "select", "ignore", "fail-on", "exclude", "severity", "per-file-ignores", "allow", "licences", "licenses",
    "datasets", "models", "card-kinds", "baseline",
}
_RULE_PREFIX = lazy_compile(r"^[A-Z]{3}[0-9]{0,3}$")


def is_rule_selector(text: str) -> bool:
    """A rule id or family prefix that names at least one rule (DEC, DEC00, DEC004); like ruff,
    a selector that matches nothing is a mistake, not a silent no-op."""
    selector = text.strip().upper()
    if not _RULE_PREFIX.match(selector):
        return False
    from modelicense.rules import all_rules  # the registry; loaded for the scan anyway

    return any(rule.id.startswith(selector) for rule in all_rules())


def _hint(value: object, choices: list[str] | tuple[str, ...] | None = None) -> str:
    """"; did you mean 'WGT001'?" for a mistyped rule id (or one of `choices`), else ""."""
    from modelicense.console import did_you_mean

    if choices is None:
        from modelicense.rules import all_rules

        rules = all_rules()
        choices = [r.id for r in rules] + sorted({r.family for r in rules})
    hint = did_you_mean(str(value), choices)
    return f"; {hint}" if hint else ""


def _fields(cls: type) -> dict[str, str]:
    """Field name -> its annotation as written ("str", "bool | None", "tuple[str, ...]")."""
    from dataclasses import fields

    return {f.name: str(f.type) for f in fields(cls)}


def _type_problem(annotation: str, value: Any) -> str | None:
    """What is wrong with an override value for a field of that annotation, or None."""
    if value is None or annotation.startswith("tuple"):
        ok = value is None and "None" in annotation or isinstance(value, list) and all(isinstance(v, str) for v in value)
        return None if ok else "must be a list of strings"
    if annotation.startswith("bool"):
        return None if isinstance(value, bool) else "must be true or false"
    if annotation.startswith("str"):
        return None if isinstance(value, str) else "must be a string"
    return None


# Public spellings of knowledge fields: a dataset or model override says `license = "cc-by-4.0"`.
_FIELD_SPELLINGS = {"license": "licence"}

# What a knowledge override may set: the knowledge base's own fields, checked here so that the
# error names the line (the knowledge loader checks values again when it builds the entry).
_OVERRIDE_FIELDS = {
    "licences": _fields(Licence), "licenses": _fields(Licence), "datasets": _fields(Dataset), "models": _fields(Model),
}


def find_config_file(root: Path) -> tuple[Path, bool] | None:
    """(path, is_pyproject) of the configuration for a scanned root, if any."""
    pyproject = root / "pyproject.toml"
    if pyproject.is_file():
        tomllib = _toml()
        try:
            doc = tomllib.loads(_read_text(pyproject, root))
        except (OSError, ValueError, RecursionError):  # decode, TOML and size errors are ValueErrors
            doc = {}  # a broken pyproject is reported as a finding by the scan, not here
        if isinstance(doc.get("tool"), dict) and "modelicense" in doc["tool"]:
            return pyproject, True
    dotfile = root / ".modelicense.toml"
    if os.path.lexists(dotfile):  # a link or FIFO is refused when read, not skipped unseen
        return dotfile, False
    return None


def load(explicit: Path | None, root: Path) -> Config:
    """`--config FILE` (read wherever it is: the user named it), else the root's own
    configuration, which must be a regular file inside the root."""
    if explicit is not None:
        return parse_file(explicit, explicit.name == "pyproject.toml")
    found = find_config_file(root)
    if found is None:
        return Config()
    return parse_file(*found, root=root)


def parse_file(path: Path, is_pyproject: bool, root: Path | None = None) -> Config:
    try:
        text = _read_text(path, root)
    except FileNotFoundError:
        raise ConfigError(f"{path}: configuration file does not exist") from None
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{path}: cannot read configuration: not UTF-8 ({exc.reason})") from None
    except (OSError, ValueError) as exc:
        raise ConfigError(f"{path}: cannot read configuration: {getattr(exc, 'strerror', None) or exc}") from None
    tomllib = _toml()
    try:
        doc = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        at = re.search(r"\(at line (\d+), column (\d+)\)", str(exc))
        where = f":{at.group(1)}:{at.group(2)}" if at else ""
        if not at and "end of document" in str(exc):
            where = f":{max(1, len(text.splitlines()))}"
        message = re.sub(r"\s*\(at (line \d+, column \d+|end of document)\)", "", str(exc))
        raise ConfigError(f"{path}{where}: invalid TOML: {message}") from None
    except RecursionError:  # tomllib recurses once per nested array or inline table
        raise ConfigError(f"{path}: invalid TOML: nested too deeply") from None
    tool = doc.get("tool", {})
    if not isinstance(tool, dict):
        raise ConfigError(f"{path}: [tool] must be a table")
    table = tool.get("modelicense", {}) if is_pyproject else tool.get("modelicense", doc)
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: [tool.modelicense] must be a table")
    return from_mapping(table, str(path), text, path.parent)


# A scanned repository's pyproject.toml may be anything, of any size: read no more than the
# scan itself would (extract.READ_LIMITS for packaging).
MAX_CONFIG_BYTES = 1024 * 1024


def _read_text(path: Path, root: Path | None = None) -> str:
    """A regular file of at most MAX_CONFIG_BYTES (inside `root` when given), as UTF-8."""
    from modelicense.safe_io import read_regular

    return read_regular(path, MAX_CONFIG_BYTES, root).decode("utf-8")


def _where(text: str, key: str) -> str:
    """`:LINE` of `key = ...` or of a `[...key]` table header, when the text shows it."""
    quoted = rf"[\"']?{re.escape(key)}[\"']?"
    # [ \t]*, not \s*: under re.M, \s* spans blank lines and every line start rescans the rest.
    match = (re.search(rf"^[ \t]*{quoted}\s*=", text, re.MULTILINE)
             or re.search(rf"^[ \t]*\[[^\]\n]*{quoted}\s*\]", text, re.MULTILINE))
    return f":{text.count(chr(10), 0, match.start()) + 1}" if match else ""


def from_mapping(table: Mapping[str, Any], origin: str, text: str = "", base_dir: Path | None = None) -> Config:
    def fail(key: str, message: str, at: str | None = None) -> ConfigError:
        """`at`: a more precise key to find the line of (an entry inside the table `key`)."""
        where = (_where(text, at) if at else "") or _where(text, key)
        # A key is the repository's string: one holding a line break or control character is
        # quoted, so it cannot start a line of its own on stderr (a forged workflow command).
        shown = key if key.isprintable() else repr(key)
        return ConfigError(f"{origin}{where}: {shown}: {message}")

    def table_of(key: str) -> Mapping[str, Any]:
        value = table.get(key) or {}
        if not isinstance(value, dict):
            raise fail(key, "must be a table")
        return value

    unknown = sorted(set(table) - _KEYS)
    if unknown:
        raise fail(unknown[0], f"unknown key (known keys: {', '.join(sorted(_KEYS))})")
    fail_on = table.get("fail-on", "warning")
    if fail_on not in FAIL_ON:
        raise fail("fail-on", f"{fail_on!r} must be one of {', '.join(FAIL_ON)}{_hint(fail_on, FAIL_ON)}")
    return Config(
        select=_rule_list(table, "select", fail),
        ignore=_rule_list(table, "ignore", fail),
        fail_on=fail_on,
        exclude=_string_list(table, "exclude", fail),
        severity=_severity(table_of("severity"), fail),
        per_file_ignores=_per_file_ignores(table_of("per-file-ignores"), fail),
        allow=_allow(table_of("allow"), fail),
        licences={**_knowledge_table(table, "licenses", fail), **_knowledge_table(table, "licences", fail)},
        datasets=_knowledge_table(table, "datasets", fail),
        models=_knowledge_table(table, "models", fail),
        card_kinds=_card_kinds(table_of("card-kinds"), fail),
        baseline=_baseline(table.get("baseline"), base_dir, fail),
        source=origin,
    )


# --- one validator per key: the table's value in, the Config's value out, or fail(key, why) -----

Fail = Callable[..., ConfigError]


def _rule_list(table: Mapping[str, Any], key: str, fail: Fail) -> tuple[str, ...]:
    value = table.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise fail(key, "must be a list of rule ids or prefixes")
    for item in value:
        if not is_rule_selector(item):
            raise fail(key, f"{item!r} is not a rule id or prefix (like DAT or WGT001){_hint(item)}")
    return tuple(v.upper() for v in value)


def _string_list(table: Mapping[str, Any], key: str, fail: Fail) -> tuple[str, ...]:
    value = table.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise fail(key, "must be a list of strings")
    return tuple(value)


def _severity(entries: Mapping[str, Any], fail: Fail) -> dict[str, Severity]:
    severity: dict[str, Severity] = {}
    for rule_id, level in entries.items():
        if not is_rule_selector(str(rule_id)):
            raise fail("severity", f"{rule_id!r} is not a rule id or prefix (like DAT or WGT001){_hint(rule_id)}",
                       at=rule_id)
        if level not in ("error", "warning", "info"):
            raise fail("severity", f"{rule_id}: {level!r} must be error, warning or info", at=rule_id)
        severity[rule_id.upper()] = Severity(level)
    return severity


def _per_file_ignores(entries: Mapping[str, Any], fail: Fail) -> dict[str, tuple[str, ...]]:
    per_file: dict[str, tuple[str, ...]] = {}
    for pattern, rules in entries.items():
        if not isinstance(rules, list) or not all(isinstance(r, str) for r in rules):
            raise fail("per-file-ignores", f"{pattern}: must be a list of rule ids or prefixes", at=pattern)
        for item in rules:
            if not is_rule_selector(item):
                raise fail("per-file-ignores", f"{pattern}: {item!r} is not a rule id or prefix{_hint(item)}",
                           at=pattern)
        per_file[pattern] = tuple(r.upper() for r in rules)
    return per_file


def _allow(entries: Mapping[str, Any], fail: Fail) -> dict[str, tuple[str, ...]]:
    allow: dict[str, tuple[str, ...]] = {}
    for scope, ids in entries.items():
        if scope not in ALLOW_SCOPES:
            raise fail("allow", f"{scope!r} is not an artefact scope ({', '.join(ALLOW_SCOPES)})", at=scope)
        if not isinstance(ids, list) or not all(isinstance(v, str) and v.strip() for v in ids):
            raise fail("allow", f"{scope}: must be a list of licence ids", at=scope)
        allow[scope] = tuple(ids)
    return allow


def _baseline(value: Any, base_dir: Path | None, fail: Fail) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip():
        raise fail("baseline", "must be the path of a baseline file")
    # Relative to the configuration file, like every other path a config names.
    return str((base_dir / value) if base_dir is not None and not Path(value).is_absolute() else value)


def _knowledge_table(table: Mapping[str, Any], key: str, fail: Fail) -> dict[str, dict[str, Any]]:
    value = table.get(key) or {}
    if not isinstance(value, dict) or not all(isinstance(v, dict) for v in value.values()):
        raise fail(key, "must be a table of tables, one per id")
    valid = _OVERRIDE_FIELDS[key]
    # `license` (the public spelling, as in SPDX and on the Hub) is the knowledge base's `licence`.
    value = {ident: {_FIELD_SPELLINGS.get(k, k): v for k, v in entry.items()} for ident, entry in value.items()}
    for ident, entry in value.items():
        if not str(entry.get("reason", "")).strip():
            raise fail(key, f"{ident}: every override needs a `reason`", at=ident)
        unknown = sorted({k.replace("-", "_") for k in entry} - set(valid) - {"reason"})
        if unknown:
            raise fail(key, f"{ident}: unknown field(s) {', '.join(unknown)} (known: {', '.join(sorted(valid))})",
                       at=unknown[0])
        for name, item in entry.items():
            problem = _type_problem(valid.get(name.replace("-", "_"), ""), item)
            if problem:
                raise fail(key, f"{ident}: {name.replace('-', '_')} {problem}", at=name)
    return value


def _card_kinds(entries: Mapping[str, Any], fail: Fail) -> dict[str, str]:
    for path, kind in entries.items():
        if kind not in ("model", "dataset"):
            raise fail("card-kinds", f"{path}: {kind!r} must be 'model' or 'dataset'", at=path)
    return dict(entries)
