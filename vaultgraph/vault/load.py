"""Load a whole vault: discover, read, parse every note once, and index it for link resolution."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from vaultgraph.model import Link, Note, Problem
from vaultgraph.parse.note import parse_note
from vaultgraph.vault.discover import discover
from vaultgraph.vault.resolve import LinkIndex, Resolution


@dataclass(slots=True)
class Vault:
    root: Path
    notes: dict[str, Note] = field(default_factory=dict)
    """Every Markdown file by vault-relative path, sorted by path."""
    attachments: list[str] = field(default_factory=list)
    index: LinkIndex = field(default_factory=lambda: LinkIndex([], []))

    def resolve(self, link: Link, source: Note) -> Resolution:
        return self.index.resolve(link.target, source.path, link.kind)


def read_and_parse(rel: str, path: Path) -> Note:
    """Parse one file; an I/O error becomes a VG001 problem on an empty note, never an exception."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        note = Note(path=rel, readable=False, title=Path(rel).stem)
        note.problems.append(Problem("VG001", f"cannot read file: {exc.strerror or exc}"))
        return note
    return parse_note(rel, data)


def load_vault(root: Path, exclude: list[str] | tuple[str, ...] = ()) -> Vault:
    found = discover(root, exclude)
    notes = [read_and_parse(rel, path) for rel, path in found.notes]
    for rel, message in found.errors:
        note = Note(path=rel, readable=False, title=rel)
        note.problems.append(Problem("VG001", message))
        notes.append(note)
    vault = Vault(root=root, notes={n.path: n for n in sorted(notes, key=lambda n: n.path)},
                  attachments=found.attachments)
    vault.index = LinkIndex([n.path for n in notes if n.path.lower().endswith(".md")], found.attachments)
    return vault
