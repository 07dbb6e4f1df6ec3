"""Configuration: `vaultgraph.toml`, `.vaultgraph.toml` or `[tool.vaultgraph]` in `pyproject.toml`.

Found by walking up from the vault path. Every key is validated; an unknown key or a bad value
raises `ConfigError` with one line, `file: key: what is wrong`, as yamllint does.
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from importlib import import_module
from pathlib import Path
from typing import Any

from vaultgraph.lint.rule import Rule, all_rules, rules_by_key, unknown_selectors
from vaultgraph.model import SEVERITIES
from vaultgraph.vault.flavors import FLAVORS

CONFIG_FILES = ("vaultgraph.toml", ".vaultgraph.toml")


class ConfigError(Exception):
    """A configuration problem; the message is one line naming the file and key."""


@dataclass(slots=True)
class Config:
    path: Path | None = None
    """The file the settings came from (None: defaults)."""
    select: list[str] | None = None
    extend_select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    per_file_ignores: dict[str, list[str]] = field(default_factory=dict)
    severity: dict[str, str] = field(default_factory=dict)
    """Rule code -> severity override."""
    exclude: list[str] = field(default_factory=list)
    flavor: str = "auto"
    """Wikilink dialect: `obsidian`, `dendron` (`[[label|target]]`), or `auto` (Dendron if `dendron.yml`)."""
    rule_options: dict[str, dict[str, Any]] = field(default_factory=dict)
    """Rule code -> options, defaults filled in."""
    sections: dict[str, dict[str, Any]] = field(default_factory=dict)
    """Other tables (`concepts`, `graph`, `report`, ...), checked by their own validators."""

    def options(self, code: str) -> dict[str, Any]:
        rule = rules_by_key()[code]
        return {**rule.options, **self.rule_options.get(code, {})}


# Tables owned by other parts of vaultgraph: name -> "module:function"; the function takes
# (table, where) and returns the cleaned table or raises ConfigError. Imported only when used.
SECTION_VALIDATORS: dict[str, str] = {
    "concepts": "vaultgraph.concepts.settings:validate",
    "graph": "vaultgraph.graph.settings:validate",
    "report": "vaultgraph.graph.report_settings:validate",
}


def _section_validator(name: str) -> Callable[[Any, str], dict[str, Any]]:
    module, _, function = SECTION_VALIDATORS[name].partition(":")
    return getattr(import_module(module), function)


def find_config(start: Path) -> tuple[Path, dict[str, Any]] | None:
    """The nearest config file at or above `start`, with its vaultgraph table."""
    folder = start if start.is_dir() else start.parent
    for candidate in (folder, *folder.parents):
        for name in CONFIG_FILES:
            path = candidate / name
            if path.is_file():
                return path, _read_toml(path)
        pyproject = candidate / "pyproject.toml"
        if pyproject.is_file():
            table = _read_toml(pyproject).get("tool", {}).get("vaultgraph")
            if isinstance(table, dict):
                return pyproject, table
    return None


def load_config(vault: Path, explicit: Path | None = None) -> Config:
    if explicit is not None:
        if not explicit.is_file():
            raise ConfigError(f"{explicit}: config file not found")
        table = _read_toml(explicit)
        if explicit.name == "pyproject.toml":
            table = table.get("tool", {}).get("vaultgraph", {})
        return parse_config(table, explicit)
    found = find_config(vault.resolve())
    return parse_config(found[1], found[0]) if found else Config()


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read: {exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None


def whole_number(value: Any, where: str, minimum: int) -> int:
    """A TOML integer of at least `minimum` (booleans are not numbers here), or ConfigError."""
    if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
        raise ConfigError(f"{where}: expected a whole number >= {minimum}, got {value!r}")
    return value


def _string_list(value: Any, where: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{where}: expected a list of strings, got {value!r}")
    return list(value)


def _selectors(value: Any, where: str) -> list[str]:
    selectors = _string_list(value, where)
    unknown = unknown_selectors(selectors)
    if unknown:
        raise ConfigError(f"{where}: unknown rule code or name {unknown[0]!r} (see `vaultgraph rules`)")
    return selectors


def parse_config(table: Mapping[str, Any], path: Path | None) -> Config:
    source = str(path) if path else "config"
    config = Config(path=path)
    for key, value in table.items():
        where = f"{source}: {key}"
        if key == "select":
            config.select = _selectors(value, where)
        elif key == "extend-select":
            config.extend_select = _selectors(value, where)
        elif key == "ignore":
            config.ignore = _selectors(value, where)
        elif key == "exclude":
            config.exclude = _string_list(value, where)
        elif key == "flavor":
            if value not in FLAVORS:
                raise ConfigError(f"{where}: expected one of {', '.join(FLAVORS)}, got {value!r}")
            config.flavor = value
        elif key == "per-file-ignores":
            if not isinstance(value, dict):
                raise ConfigError(f"{where}: expected a table of glob = [codes]")
            config.per_file_ignores = {glob: _selectors(codes, f"{where}.{glob}") for glob, codes in value.items()}
        elif key == "severity":
            config.severity = _severities(value, where)
        elif key == "rules":
            config.rule_options = _rule_options(value, where)
        elif key in SECTION_VALIDATORS:
            if not isinstance(value, dict):
                raise ConfigError(f"{where}: expected a table")
            config.sections[key] = _section_validator(key)(value, where)
        else:
            known = ", ".join(
                sorted(
                    {
                        "select",
                        "extend-select",
                        "ignore",
                        "exclude",
                        "flavor",
                        "per-file-ignores",
                        "severity",
                        "rules",
                        *SECTION_VALIDATORS,
                    }
                )
            )
            raise ConfigError(f"{where}: unknown key (known keys: {known})")
    return config


def _severities(value: Any, where: str) -> dict[str, str]:
    if not isinstance(value, dict):
        raise ConfigError(f'{where}: expected a table of CODE = "error" | "warning" | "info"')
    by_key = rules_by_key()
    result = {}
    for key, severity in value.items():
        if key not in by_key:
            raise ConfigError(f"{where}.{key}: unknown rule code or name")
        if severity not in SEVERITIES:
            raise ConfigError(f"{where}.{key}: severity must be one of {', '.join(SEVERITIES)}, got {severity!r}")
        result[by_key[key].code] = severity
    return result


def _rule_options(value: Any, where: str) -> dict[str, dict[str, Any]]:
    if not isinstance(value, dict):
        raise ConfigError(f"{where}: expected a table of rule name = {{ options }}")
    by_key = rules_by_key()
    result: dict[str, dict[str, Any]] = {}
    for key, options in value.items():
        rule = by_key.get(key)
        if rule is None:
            raise ConfigError(f"{where}.{key}: unknown rule code or name")
        if not isinstance(options, dict):
            raise ConfigError(f"{where}.{key}: expected a table of options")
        for name, option in options.items():
            if name not in rule.options:
                allowed = ", ".join(rule.options) or "none"
                raise ConfigError(f"{where}.{key}.{name}: unknown option for {rule.code} (options: {allowed})")
            default = rule.options[name]
            if default is not None and not _same_shape(default, option):
                raise ConfigError(f"{where}.{key}.{name}: expected {type(default).__name__}, got {option!r}")
        result[rule.code] = _validated(rule, dict(options), f"{where}.{key}")
    return result


def _validated(rule: Rule, options: dict[str, Any], where: str) -> dict[str, Any]:
    return rule.validate_options(options, where) if rule.validate_options is not None else options


def _same_shape(default: Any, value: Any) -> bool:
    if isinstance(default, bool) or isinstance(value, bool):
        return isinstance(default, bool) and isinstance(value, bool)
    if isinstance(default, (int, float)):
        return isinstance(value, (int, float))
    return isinstance(value, type(default))


def default_rule_codes() -> list[str]:
    return [rule.code for rule in all_rules() if rule.enabled]
