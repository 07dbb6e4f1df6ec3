"""Shared by the link rules: each link of a note with how it resolves, and a target's heading keys.

Five rules read a note's resolved links and every heading link reads its target's headings: both
are worked out once per note for the whole run (`Vault.derive`).
"""

from __future__ import annotations

from vaultgraph.lint.rule import RuleContext
from vaultgraph.model import Link, Note, Resolution
from vaultgraph.vault.resolve import HeadingKeys, heading_keys


def resolved_links(note: Note, ctx: RuleContext) -> list[tuple[Link, Resolution]]:
    """The note's links that name something, each with how it resolves."""
    vault = ctx.vault
    return vault.derive(
        "resolved-links", note, lambda n: [(link, vault.resolve(link, n)) for link in n.links if not link.is_empty]
    )


def headings_of(note: Note, ctx: RuleContext) -> HeadingKeys:
    """What a heading link to `note` may match (`vault.resolve.heading_keys`)."""
    return ctx.vault.derive("heading-keys", note, heading_keys)
