"""The `[report]` config table: settings of `vaultgraph report` and `vaultgraph timeline`.

```toml
[report]
dormant-weeks = 3   # a concept seen before but absent this many weeks (or more) is dormant
```
"""

from __future__ import annotations

from typing import Any

from vaultgraph.config import ConfigError, whole_number

DEFAULTS: dict[str, Any] = {"dormant-weeks": 3}


def validate(table: dict[str, Any], where: str) -> dict[str, Any]:
    """Return the table with defaults filled in, or raise `ConfigError` naming the bad key."""
    result = dict(DEFAULTS)
    for key, value in table.items():
        if key == "dormant-weeks":
            whole_number(value, f"{where}.{key}", 1)
        else:
            raise ConfigError(f"{where}.{key}: unknown key (known keys: {', '.join(DEFAULTS)})")
        result[key] = value
    return result


def report_settings(sections: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """The `[report]` settings of a loaded config, defaults when it has none."""
    return sections.get("report") or dict(DEFAULTS)
