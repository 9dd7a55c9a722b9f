"""Configuration: `--config FILE`, else `[tool.modelicense]` in the root's pyproject.toml, else
`.modelicense.toml` (whose keys stand at the top level). Validated into a frozen Config; a bad
file is a ConfigError naming the file, the key and what is wrong (exit 2).
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping

from modelicense.model import SCOPES, Severity



def _toml():
    """tomllib, imported only when there is a file to read (start-up speed of the hook)."""
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover
        import tomli as tomllib
    return tomllib

FAIL_ON = ("error", "warning", "info", "never")


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
    source: str | None = None

    def enabled(self, rule_id: str) -> bool:
        selected = not self.select or any(rule_id.startswith(p) for p in self.select)
        return selected and not any(rule_id.startswith(p) for p in self.ignore)


_KEYS = {
    "select", "ignore", "fail-on", "exclude", "severity", "per-file-ignores", "allow", "licences", "licenses",
    "datasets", "models", "card-kinds", "baseline",
}
_RULE_PREFIX = re.compile(r"^[A-Z]{3}[0-9]{0,3}$")


def find_config_file(root: Path) -> tuple[Path, bool] | None:
    """(path, is_pyproject) of the configuration for a scanned root, if any."""
    pyproject = root / "pyproject.toml"
    if pyproject.is_file():
        tomllib = _toml()
        try:
            doc = tomllib.loads(_read_text(pyproject))
        except (OSError, ValueError, RecursionError):  # decode, TOML and size errors are ValueErrors
            doc = {}  # a broken pyproject is reported as a finding by the scan, not here
        if isinstance(doc.get("tool"), dict) and "modelicense" in doc["tool"]:
            return pyproject, True
    dotfile = root / ".modelicense.toml"
    if dotfile.is_file():
        return dotfile, False
    return None


def load(explicit: Path | None, root: Path) -> Config:
    if explicit is not None:
        return parse_file(explicit, explicit.name == "pyproject.toml")
    found = find_config_file(root)
    if found is None:
        return Config()
    return parse_file(*found)


def parse_file(path: Path, is_pyproject: bool) -> Config:
    try:
        text = _read_text(path)
    except FileNotFoundError:
        raise ConfigError(f"{path}: configuration file does not exist") from None
    except (OSError, ValueError) as exc:
        raise ConfigError(f"{path}: cannot read configuration: {exc}") from None
    tomllib = _toml()
    try:
        doc = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    except RecursionError:  # tomllib recurses once per nested array or inline table
        raise ConfigError(f"{path}: invalid TOML: nested too deeply") from None
    tool = doc.get("tool", {})
    if not isinstance(tool, dict):
        raise ConfigError(f"{path}: [tool] must be a table")
    table = tool.get("modelicense", {}) if is_pyproject else tool.get("modelicense", doc)
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: [tool.modelicense] must be a table")
    return from_mapping(table, str(path), text)


# A scanned repository's pyproject.toml may be anything, of any size: read no more than the
# scan itself would (extract.READ_LIMITS for packaging).
MAX_CONFIG_BYTES = 1024 * 1024


def _read_text(path: Path) -> str:
    with open(path, "rb") as handle:
        data = handle.read(MAX_CONFIG_BYTES + 1)
    if len(data) > MAX_CONFIG_BYTES:
        raise ValueError(f"larger than {MAX_CONFIG_BYTES // 1024} KiB")
    return data.decode("utf-8")


def _where(text: str, key: str) -> str:
    # [ \t]*, not \s*: under re.M, \s* spans blank lines and every line start rescans the rest.
    match = re.search(rf"^[ \t]*\"?{re.escape(key)}\"?\s*=", text, re.M)
    return f":{text.count(chr(10), 0, match.start()) + 1}" if match else ""


def from_mapping(table: Mapping[str, Any], origin: str, text: str = "") -> Config:
    def fail(key: str, message: str) -> ConfigError:
        return ConfigError(f"{origin}{_where(text, key)}: {key}: {message}")

    unknown = sorted(set(table) - _KEYS)
    if unknown:
        raise fail(unknown[0], f"unknown key (known keys: {', '.join(sorted(_KEYS))})")

    def rule_list(key: str) -> tuple[str, ...]:
        value = table.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise fail(key, "must be a list of rule ids or prefixes")
        for item in value:
            if not _RULE_PREFIX.match(item.upper()):
                raise fail(key, f"{item!r} is not a rule id or prefix (like DAT or WGT001)")
        return tuple(v.upper() for v in value)

    def table_of(key: str) -> Mapping[str, Any]:
        value = table.get(key) or {}
        if not isinstance(value, dict):
            raise fail(key, "must be a table")
        return value

    def string_list(key: str, value: Any) -> tuple[str, ...]:
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise fail(key, "must be a list of strings")
        return tuple(value)

    fail_on = table.get("fail-on", "warning")
    if fail_on not in FAIL_ON:
        raise fail("fail-on", f"must be one of {', '.join(FAIL_ON)}")

    severity: dict[str, Severity] = {}
    for rule_id, level in table_of("severity").items():
        if level not in ("error", "warning", "info"):
            raise fail("severity", f"{rule_id}: {level!r} must be error, warning or info")
        severity[rule_id.upper()] = Severity(level)

    per_file: dict[str, tuple[str, ...]] = {}
    for pattern, rules in table_of("per-file-ignores").items():
        per_file[pattern] = tuple(r.upper() for r in string_list("per-file-ignores", rules))

    allow: dict[str, tuple[str, ...]] = {}
    for scope, ids in table_of("allow").items():
        if scope not in SCOPES:
            raise fail("allow", f"{scope!r} is not an artefact scope ({', '.join(SCOPES)})")
        allow[scope] = string_list("allow", ids)

    def knowledge_table(key: str) -> dict[str, dict[str, Any]]:
        value = table.get(key) or {}
        if not isinstance(value, dict) or not all(isinstance(v, dict) for v in value.values()):
            raise fail(key, "must be a table of tables, one per id")
        for ident, entry in value.items():
            if not str(entry.get("reason", "")).strip():
                raise fail(key, f"{ident}: every override needs a `reason`")
        return value

    card_kinds = table_of("card-kinds")
    for path, kind in card_kinds.items():
        if kind not in ("model", "dataset"):
            raise fail("card-kinds", f"{path}: {kind!r} must be 'model' or 'dataset'")

    return Config(
        select=rule_list("select"),
        ignore=rule_list("ignore"),
        fail_on=fail_on,
        exclude=string_list("exclude", table.get("exclude", [])),
        severity=severity,
        per_file_ignores=per_file,
        allow=allow,
        licences={**knowledge_table("licenses"), **knowledge_table("licences")},
        datasets=knowledge_table("datasets"),
        models=knowledge_table("models"),
        card_kinds=dict(card_kinds),
        source=origin,
    )
