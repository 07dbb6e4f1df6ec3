"""Shared by rules whose options need more than the shape check in `vaultgraph.config`."""

from __future__ import annotations

from typing import Any

from vaultgraph.config import ConfigError


def string_list(value: Any, where: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(item, str) and item.strip() for item in value):
        raise ConfigError(f"{where}: expected a list of non-empty strings, got {value!r}")
    return list(value)
