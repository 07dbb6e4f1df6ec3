"""A note that no other note links to or embeds (off by default).

Why: in a knowledge vault a note nothing points to is only found by search; for weekly
retrospectives it often means a concept note was written and never connected. Links from the
note to itself do not count; links from a note that is excluded from the vault do not exist.

Fails: `archive/ray tune 실험 메모.md` when no note has `[[ray tune 실험 메모]]`.
Passes: the same note with `- HPO는 [[ray tune 실험 메모]] 참고` in a weekly retrospective.
"""

from __future__ import annotations

from collections.abc import Iterator

from vaultgraph.lint.rule import Finding, RuleContext
from vaultgraph.model import Vault

CODE = "VG401"
NAME = "orphan-note"
SEVERITY = "info"
ENABLED = False


def linked_notes(vault: Vault) -> set[str]:
    """Paths of the notes that some other note links to or embeds."""
    linked: set[str] = set()
    for note in vault.notes.values():
        for link in note.links:
            if link.is_empty:
                continue
            resolution = vault.resolve(link, note)
            if resolution.found and resolution.path is not None and resolution.path != note.path:
                linked.add(resolution.path)
    return linked


def check_vault(vault: Vault, ctx: RuleContext) -> Iterator[Finding]:
    linked = linked_notes(vault)
    for path, note in vault.notes.items():
        if note.readable and path not in linked:
            yield Finding(1, 1, "no other note links to this note", path=path)
