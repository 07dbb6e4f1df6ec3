"""A front matter property has a different type than the config's schema says.

Why: `tags: 회고, boostcamp` is one string to some tools and two tags to others, `week: "2주차"` sorts
as text, and a `date` that does not read as a date silently moves a post. A declared type makes the
vault's properties mean one thing everywhere. Empty values (`week:`) are left to VG202.

Types: `string`, `list`, `int`, `number` (int or float), `bool`, `date` (a YAML or TOML date or datetime, or
a string like `2023-01-18` or `2022-10-14 18:00:00 +0900`).

Options: `types`, a table of key -> type name (default: no schema).

    [rules.invalid-property-type]
    types = { tags = "list", week = "int", date = "date" }

Fails (with the option above):
    ---
    tags: 회고
    week: 2주차
    ---
Passes:
    ---
    tags: [회고]
    week: 2
    ---
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from typing import Any

from vaultgraph.config import ConfigError
from vaultgraph.lint.rule import Finding, RuleContext
from vaultgraph.lint.rules._text import front_matter_line
from vaultgraph.model import Note
from vaultgraph.parse.note_week import note_date

CODE = "VG203"
NAME = "invalid-property-type"
SEVERITY = "warning"
SCOPE = "note"
OPTIONS: dict[str, Any] = {"types": {}}


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _is_date(value: Any) -> bool:
    # `note_date` with no path reads the front matter `date` only: date, datetime or a date string.
    return isinstance(value, dt.date) or (isinstance(value, str) and note_date("", {"date": value}) is not None)


TYPES: dict[str, Callable[[Any], bool]] = {
    "string": lambda value: isinstance(value, str),
    "list": lambda value: isinstance(value, list),
    "int": _is_int,
    "number": lambda value: _is_int(value) or isinstance(value, float),
    "bool": lambda value: isinstance(value, bool),
    "date": _is_date,
}


def validate_options(options: dict[str, Any], where: str) -> dict[str, Any]:
    for key, name in options.get("types", {}).items():
        if name not in TYPES:
            raise ConfigError(f"{where}.types.{key}: unknown type {name!r} (types: {', '.join(TYPES)})")
    return options


def _describe(value: Any) -> str:
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, dt.date):
        return "date"
    return {str: "string", list: "list", dict: "mapping", int: "int", float: "number"}.get(
        type(value), type(value).__name__
    )


def check(note: Note, ctx: RuleContext) -> Iterator[Finding]:
    for key, name in ctx.options["types"].items():
        value = note.front_matter.get(key)
        if value is None or TYPES[name](value):
            continue
        shown = repr(value) if len(repr(value)) <= 40 else repr(value)[:37] + "..."
        yield Finding(front_matter_line(note, key), 1, f"`{key}` should be {name}, got {_describe(value)} {shown}")
