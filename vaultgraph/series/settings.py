"""The `[report]` and `[weeks]` config tables: settings of weeks, `vaultgraph report` and `timeline`.

```toml
[report]
dormant-weeks = 3      # a concept seen in two weeks or more, then absent this many weeks (or more), is dormant

[weeks]
daily = "in-week"      # day notes go in the week of their series' weekly notes; "own-series": by ISO week
```
"""

from __future__ import annotations

from typing import Any

from vaultgraph.config import ConfigError, whole_number

DEFAULTS: dict[str, Any] = {"dormant-weeks": 3}
WEEKS_DEFAULTS: dict[str, Any] = {"daily": "in-week"}
DAILY = ("in-week", "own-series")


def validate(table: dict[str, Any], where: str) -> dict[str, Any]:
    """The `[report]` table with defaults filled in, or `ConfigError` naming the bad key."""
    result = dict(DEFAULTS)
    for key, value in table.items():
        if key == "dormant-weeks":
            whole_number(value, f"{where}.{key}", 1)
        else:
            raise ConfigError(f"{where}.{key}: unknown key (known keys: {', '.join(DEFAULTS)})")
        result[key] = value
    return result


def validate_weeks(table: dict[str, Any], where: str) -> dict[str, Any]:
    """The `[weeks]` table with defaults filled in, or `ConfigError` naming the bad key."""
    result = dict(WEEKS_DEFAULTS)
    for key, value in table.items():
        if key != "daily":
            raise ConfigError(f"{where}.{key}: unknown key (known keys: {', '.join(WEEKS_DEFAULTS)})")
        if value not in DAILY:
            raise ConfigError(f"{where}.{key}: expected one of {', '.join(DAILY)}, got {value!r}")
        result[key] = value
    return result


def report_settings(sections: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """The `[report]` settings of a loaded config, defaults when it has none."""
    return sections.get("report") or dict(DEFAULTS)


def weeks_settings(sections: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """The `[weeks]` settings of a loaded config, defaults when it has none."""
    return sections.get("weeks") or dict(WEEKS_DEFAULTS)
