"""Per-note findings kept from one run to the next: what makes linting after a small edit cheap.

A rule's `SCOPE` (`vaultgraph.lint.rule.Scope`) says what its `check` reads. The findings of the
`note` rules for a note depend only on that note's bytes; those of the `links` rules also on the
link world: the vault's note paths and attachments and every note's headings and block ids. The
config, the rules and vaultgraph itself key the whole memo (`vaultgraph.lint.results`), so an
entry is reused while its note's digest (and, for `links`, the world's) is unchanged.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from itertools import starmap
from operator import attrgetter
from typing import TYPE_CHECKING

from vaultgraph.model import Diagnostic, Edit

if TYPE_CHECKING:
    from vaultgraph.vault.load import Vault

Rows = list[tuple]
"""Diagnostics as plain tuples: what is stored (pickles in C, unlike slotted dataclasses)."""
Entry = tuple[bytes, bytes, dict[str, Rows]]
"""(note digest, link world, rows by scope) of one note."""

_EDIT = attrgetter("line", "column", "end_line", "end_column", "replacement")
_DIAGNOSTIC = attrgetter("path", "line", "column", "end_line", "end_column", "code", "rule", "severity", "message")


def encode_diagnostics(diagnostics: list[Diagnostic]) -> Rows:
    return [(*_DIAGNOSTIC(d), tuple(map(_EDIT, d.edits)), d.unsafe_fix) for d in diagnostics]


def decode_diagnostics(rows: Rows) -> list[Diagnostic]:
    return [Diagnostic(*row[:9], tuple(starmap(Edit, row[9])), row[10]) for row in rows]


def link_world(vault: Vault) -> bytes:
    """Digest of everything a `links` rule may read beyond its own note."""
    outline = [(path, [(h.level, h.text, h.line, h.slug) for h in note.headings],
                [(b.id, b.line) for b in note.block_ids]) for path, note in vault.notes.items()]
    # repr, not pickle: a pickle's bytes change with which equal strings happen to be one object.
    state = repr((outline, vault.attachments)).encode("utf-8", "surrogatepass")
    return hashlib.blake2b(state, digest_size=16).digest()


@dataclass(slots=True)
class FindingsMemo:
    digests: Mapping[str, bytes]
    """Digest of each note's bytes in this run; a note without one is always checked."""
    world: bytes
    """`link_world` of this run's vault."""
    previous: Mapping[str, Entry]
    """What the last run kept, by note path."""
    current: dict[str, Entry] = field(default_factory=dict)
    """What this run keeps for the next (every note with a digest)."""

    def reuse(self, path: str, scope: str) -> list[Diagnostic] | None:
        """The last run's findings of the `scope` rules on note `path`, if they still hold."""
        digest = self.digests.get(path)
        entry = self.previous.get(path)
        if digest is None or entry is None or entry[0] != digest or scope not in entry[2]:
            return None
        if scope == "links" and entry[1] != self.world:
            return None
        rows = entry[2][scope]
        self._entry(path)[2][scope] = rows
        return decode_diagnostics(rows)

    def keep(self, path: str, scope: str, diagnostics: list[Diagnostic]) -> None:
        if path in self.digests:
            self._entry(path)[2][scope] = encode_diagnostics(diagnostics)

    def _entry(self, path: str) -> Entry:
        entry = self.current.get(path)
        if entry is None:
            entry = self.current[path] = (self.digests[path], self.world, {})
        return entry
