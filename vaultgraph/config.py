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

from vaultgraph.errors import VaultgraphError
from vaultgraph.vault.flavors import FLAVORS

CONFIG_FILES = ("vaultgraph.toml", ".vaultgraph.toml")


class ConfigError(VaultgraphError):
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


# Keys owned by other parts of vaultgraph: key -> (where the value goes, "module:function"); the
# function takes (value, where) and returns the cleaned value or raises ConfigError. It is imported
# only when its key is used, so this module (which every part reads) imports none of them.
KEY_VALIDATORS: dict[str, tuple[str, str]] = {
    "select": ("select", "vaultgraph.lint.settings:selectors"),
    "extend-select": ("extend_select", "vaultgraph.lint.settings:selectors"),
    "ignore": ("ignore", "vaultgraph.lint.settings:selectors"),
    "per-file-ignores": ("per_file_ignores", "vaultgraph.lint.settings:per_file_ignores"),
    "severity": ("severity", "vaultgraph.lint.settings:severities"),
    "rules": ("rule_options", "vaultgraph.lint.settings:rule_options"),
}
SECTION_VALIDATORS: dict[str, str] = {
    "concepts": "vaultgraph.concepts.settings:validate",
    "graph": "vaultgraph.graph.settings:validate",
    "report": "vaultgraph.series.settings:validate",
    "weeks": "vaultgraph.series.settings:validate_weeks",
}
"""Tables (`[concepts]`, ...) kept whole in `Config.sections`, validated the same way."""


def _validator(spec: str) -> Callable[[Any, str], Any]:
    module, _, function = spec.partition(":")
    validate: Callable[[Any, str], Any] = getattr(import_module(module), function)
    return validate


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


def parse_config(table: Mapping[str, Any], path: Path | None) -> Config:
    source = str(path) if path else "config"
    config = Config(path=path)
    for key, value in table.items():
        where = f"{source}: {key}"
        if key in KEY_VALIDATORS:
            attribute, spec = KEY_VALIDATORS[key]
            setattr(config, attribute, _validator(spec)(value, where))
        elif key == "exclude":
            config.exclude = _string_list(value, where)
        elif key == "flavor":
            if value not in FLAVORS:
                raise ConfigError(f"{where}: expected one of {', '.join(FLAVORS)}, got {value!r}")
            config.flavor = value
        elif key in SECTION_VALIDATORS:
            if not isinstance(value, dict):
                raise ConfigError(f"{where}: expected a table")
            config.sections[key] = _validator(SECTION_VALIDATORS[key])(value, where)
        else:
            known = ", ".join(sorted({"exclude", "flavor", *KEY_VALIDATORS, *SECTION_VALIDATORS}))
            raise ConfigError(f"{where}: unknown key (known keys: {known})")
    return config
