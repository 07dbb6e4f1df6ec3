"""The linter's keys of the config file, validated when the config is loaded.

```toml
select = ["VG1", "VG2"]            # codes, prefixes or rule names; ALL for everything
extend-select = ["VG401"]
ignore = ["VG303"]
per-file-ignores = { "daily/*.md" = ["VG205"] }
severity = { VG105 = "error" }
[rules.missing-required-property]  # per-rule options, by rule name or code
required = { "_posts/*.md" = ["title", "date"] }
```
`config.py` calls these validators by name (`KEY_VALIDATORS`), so it never imports the linter.
"""

from __future__ import annotations

from typing import Any

from vaultgraph.config import Config, ConfigError
from vaultgraph.lint.rule import Rule, rules_by_key, unknown_selectors
from vaultgraph.model import SEVERITIES


def options_of(config: Config, code: str) -> dict[str, Any]:
    """Options of rule `code`: its defaults with the config's `[rules.NAME]` on top."""
    rule = rules_by_key()[code]
    return {**rule.options, **config.rule_options.get(code, {})}


def selectors(value: Any, where: str) -> list[str]:
    """`select`, `extend-select`, `ignore`: a list of codes, prefixes or rule names."""
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{where}: expected a list of strings, got {value!r}")
    unknown = unknown_selectors(value)
    if unknown:
        raise ConfigError(f"{where}: unknown rule code or name {unknown[0]!r} (see `vaultgraph rules`)")
    return list(value)


def per_file_ignores(value: Any, where: str) -> dict[str, list[str]]:
    if not isinstance(value, dict):
        raise ConfigError(f"{where}: expected a table of glob = [codes]")
    return {glob: selectors(codes, f"{where}.{glob}") for glob, codes in value.items()}


def severities(value: Any, where: str) -> dict[str, str]:
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


def rule_options(value: Any, where: str) -> dict[str, dict[str, Any]]:
    """`[rules.NAME]` tables: each option must be one the rule declares, of its default's shape."""
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
