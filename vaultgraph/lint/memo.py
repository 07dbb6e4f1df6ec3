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
from typing import TYPE_CHECKING

from vaultgraph.model import Diagnostic

if TYPE_CHECKING:
    from vaultgraph.model import Note, Vault

Entry = tuple[bytes, bytes, dict[str, list[Diagnostic]], bytes]
"""(note digest, link world, findings by scope, outline digest) of one note, as the cache keeps it."""


def outline_digest(note: Note) -> bytes:
    """Digest of what a `links` rule may read of a note it links to: its headings and block ids."""
    # repr, not pickle: a pickle's bytes change with which equal strings happen to be one object.
    outline = ([(h.level, h.text, h.line, h.slug) for h in note.headings], [(b.id, b.line) for b in note.block_ids])
    return hashlib.blake2b(repr(outline).encode("utf-8", "surrogatepass"), digest_size=16).digest()


@dataclass(slots=True)
class FindingsMemo:
    digests: Mapping[str, bytes]
    """Digest of each note's bytes in this run; a note without one is always checked."""
    world: bytes
    """Digest of the link world of this run's vault (`for_vault`)."""
    previous: Mapping[str, Entry]
    """What the last run kept, by note path."""
    current: dict[str, Entry] = field(default_factory=dict)
    """What this run keeps for the next (every note with a digest)."""
    outlines: dict[str, bytes] = field(default_factory=dict)
    """`outline_digest` of every note of this run's vault."""

    @classmethod
    def for_vault(cls, vault: Vault, digests: Mapping[str, bytes], previous: Mapping[str, Entry]) -> FindingsMemo:
        """The memo of a run over `vault`; a note unchanged since `previous` lends its outline digest,
        so its headings need not even be decoded."""
        world = hashlib.blake2b(repr(vault.attachments).encode("utf-8", "surrogatepass"), digest_size=16)
        outlines: dict[str, bytes] = {}
        for path, note in vault.notes.items():
            entry = previous.get(path)
            same = entry is not None and digests.get(path) == entry[0]
            outlines[path] = entry[3] if entry is not None and same else outline_digest(note)
            world.update(path.encode("utf-8", "surrogatepass") + b"\0" + outlines[path])
        return cls(digests, world.digest(), previous, outlines=outlines)

    def reuse(self, path: str, scope: str) -> list[Diagnostic] | None:
        """The last run's findings of the `scope` rules on note `path`, if they still hold."""
        digest = self.digests.get(path)
        entry = self.previous.get(path)
        if digest is None or entry is None or entry[0] != digest or scope not in entry[2]:
            return None
        if scope == "links" and entry[1] != self.world:
            return None
        found = entry[2][scope]
        self._entry(path)[2][scope] = found
        return found

    def keep(self, path: str, scope: str, diagnostics: list[Diagnostic]) -> None:
        if path in self.digests:
            self._entry(path)[2][scope] = diagnostics

    def _entry(self, path: str) -> Entry:
        entry = self.current.get(path)
        if entry is None:
            entry = self.current[path] = (self.digests[path], self.world, {}, self.outlines[path])
        return entry
