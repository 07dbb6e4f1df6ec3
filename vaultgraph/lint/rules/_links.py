"""Shared by the link rules: each link of a note with how it resolves."""

from __future__ import annotations

from collections.abc import Iterator

from vaultgraph.lint.rule import RuleContext
from vaultgraph.model import Link, Note, Resolution


def resolved_links(note: Note, ctx: RuleContext) -> Iterator[tuple[Link, Resolution]]:
    for link in note.links:
        if not link.is_empty:
            yield link, ctx.vault.resolve(link, note)
