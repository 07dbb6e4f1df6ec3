"""A tag Obsidian will not treat as a tag, or one that does not match the configured pattern.

Obsidian tags are letters and digits of any script plus `_`, `-` and `/` (for nesting); they are
not all digits and have no spaces or other punctuation. Inline `#tags` are only recognised when
well formed, so this mostly catches front matter `tags:` entries (`deep learning`, `2022`,
`c++`) and nested tags with an empty level (`ml//nlp`).

Why: a malformed front matter tag is silently dropped or split by Obsidian and Jekyll, so the note
vanishes from the tag's list.

Options: `pattern`, a regular expression every tag must match in full (default "": no pattern).

    [rules.invalid-tag]
    pattern = "[a-z0-9가-힣/_-]+"

Fails:
    ---
    tags: [회고, deep learning, 2022]
    ---
Passes:
    ---
    tags: [회고, deep-learning, y2022]
    ---
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from typing import Any

from vaultgraph.config import ConfigError
from vaultgraph.lint.rule import Finding, RuleContext
from vaultgraph.model import Note, Tag

CODE = "VG206"
NAME = "invalid-tag"
SEVERITY = "warning"
SCOPE = "note"
OPTIONS: dict[str, Any] = {"pattern": ""}

_ALLOWED_PUNCTUATION = frozenset("_-/")
_PLAIN = re.compile(r"[\w-]+(?:/[\w-]+)*")


def validate_options(options: dict[str, Any], where: str) -> dict[str, Any]:
    try:
        re.compile(options.get("pattern", ""))
    except re.error as exc:
        raise ConfigError(f"{where}.pattern: invalid regular expression: {exc}") from None
    return options


def format_problem(name: str) -> str | None:
    """Why `name` (without `#`) is not a valid tag, or None when it is one."""
    if name.isdigit():
        return "is all digits"
    if _PLAIN.fullmatch(
        name
    ):  # letters, digits, `_` and `-` in levels: the common case, without a look at each character
        return None
    for char in name:
        if char.isspace():
            return "contains a space"
        category = unicodedata.category(char)
        if char not in _ALLOWED_PUNCTUATION and (category[0] in "PZC" or category in ("Sm", "Sc", "Sk")):
            return f"contains `{char}`"
    if "" in name.split("/"):
        return "has an empty nesting level"
    return None


def _finding(tag: Tag, message: str) -> Finding:
    column = max(tag.column, 1)
    end = tag.column + 1 + len(tag.name) if tag.column else column
    return Finding(tag.line, column, message, tag.line, end)


def check(note: Note, ctx: RuleContext) -> Iterator[Finding]:
    pattern = re.compile(ctx.options["pattern"]) if ctx.options["pattern"] else None
    for tag in note.tags:
        problem = format_problem(tag.name)
        if problem is not None:
            yield _finding(tag, f"tag `{tag.name}` {problem}")
        elif pattern is not None and not pattern.fullmatch(tag.name):
            yield _finding(tag, f"tag `{tag.name}` does not match the pattern `{pattern.pattern}`")
