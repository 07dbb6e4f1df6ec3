"""The `[graph]` config table: settings of the concept map.

```toml
[graph]
top = 60               # the concept map shows this many most salient concepts (1 to 500)
max-nodes = 300        # each view of the map holds at most this many nodes; 0: no limit
color-by = "kind"      # or "community": what the notes map colours nodes by when it opens
```
"""

from __future__ import annotations

from typing import Any

from vaultgraph.config import ConfigError, whole_number

DEFAULTS: dict[str, Any] = {"top": 60, "max-nodes": 300, "color-by": "kind"}
COLOR_BY = ("kind", "community")
MAX_TOP = 500
"""The concept map is laid out in Python with n² arrays; 500 concepts already take a second."""


def validate(table: dict[str, Any], where: str) -> dict[str, Any]:
    """Return the table with defaults filled in, or raise `ConfigError` naming the bad key."""
    result = dict(DEFAULTS)
    for key, value in table.items():
        if key == "max-nodes":
            whole_number(value, f"{where}.{key}", 0)
        elif key == "top":
            if whole_number(value, f"{where}.{key}", 1) > MAX_TOP:
                raise ConfigError(f"{where}.{key}: expected at most {MAX_TOP}, got {value!r}")
        elif key == "color-by":
            if value not in COLOR_BY:
                raise ConfigError(f"{where}.{key}: expected one of {', '.join(COLOR_BY)}, got {value!r}")
        else:
            raise ConfigError(f"{where}.{key}: unknown key (known keys: {', '.join(DEFAULTS)})")
        result[key] = value
    return result


def graph_settings(sections: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """The `[graph]` settings of a loaded config, defaults when it has none."""
    return sections.get("graph") or dict(DEFAULTS)
