"""A note lacks a front matter property that the config requires for notes at its path.

Why: Jekyll needs `title` and `date` to publish a post, and a retrospective without `categories`
drops out of its series; a schema per folder catches the post that was copied from a draft and
never filled in. A key that is present but empty (`title:`) counts as missing.

Options: `required`, a table of path glob -> list of keys (default: nothing is required).

    [rules.missing-required-property]
    required = { "_posts/*.md" = ["title", "date", "categories"] }

Fails (as `_posts/2023-01-27-week4.md` with the option above):
    ---
    title: boostcamp 4주차 회고
    ---
Passes:
    ---
    title: boostcamp 4주차 회고
    date: 2023-01-27
    categories: boostcamp
    ---
"""

from __future__ import annotations

import fnmatch
from collections.abc import Iterator
from typing import Any

from vaultgraph.lint.rule import Finding, RuleContext
from vaultgraph.lint.rules._options import string_list
from vaultgraph.model import Note

CODE = "VG202"
NAME = "missing-required-property"
SEVERITY = "error"
SCOPE = "note"
OPTIONS: dict[str, Any] = {"required": {}}


def validate_options(options: dict[str, Any], where: str) -> dict[str, Any]:
    for glob, keys in options.get("required", {}).items():
        string_list(keys, f"{where}.required.{glob}")
    return options


def _missing(value: Any) -> bool:
    return value is None or (isinstance(value, (str, list, dict)) and not value)


def check(note: Note, ctx: RuleContext) -> Iterator[Finding]:
    required: dict[str, list[str]] = ctx.options["required"]
    wanted = [key for glob, keys in required.items() if fnmatch.fnmatchcase(note.path, glob) for key in keys]
    missing = list(dict.fromkeys(key for key in wanted if _missing(note.front_matter.get(key))))
    if missing:
        names = ", ".join(f"`{key}`" for key in missing)
        yield Finding(
            1, 1, f"missing required front matter {'property' if len(missing) == 1 else 'properties'} {names}"
        )
