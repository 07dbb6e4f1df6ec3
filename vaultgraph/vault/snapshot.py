"""What the vault holds right now: every note's path and the digest of its bytes, reading as little as possible.

Reading 10k small files costs about half a second even from the page cache, more than the rest
of a warm run. Like git's index, the cache keeps each note's `stat` signature (size, mtime, ctime,
inode) beside its digest; a note whose signature is unchanged is known by that digest without
being read. Any write changes ctime, so an edit that restores the old mtime is still seen. A
signature is only kept once the file's mtime and ctime are `_RACY_NS` older than the moment it was
taken: a younger timestamp cannot tell a second edit in the same tick from none (git's "racy clean"
problem), so such a note is read again next time.

Notes are read by `read_note_bytes`, which opens without blocking and reads only a regular file:
the walk already left out pipes and devices, and a pipe put in a note's place after the walk must
not hang the run either.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass, field
from pathlib import Path

import msgspec

from vaultgraph.cache import ParseCache, digest
from vaultgraph.vault.discover import discover, special_kind
from vaultgraph.vault.templates import template_folders, template_notes

_STATES = "files"
_RACY_NS = 2_000_000_000
"""Two seconds: the coarsest timestamp granularity in use (FAT)."""

Signature = tuple[int, int, int, int]
"""(size, mtime_ns, ctime_ns, inode) of a file."""
_KNOWN = msgspec.msgpack.Decoder(dict[str, tuple[Signature, bytes]])


@dataclass(slots=True)
class Snapshot:
    root: Path
    notes: list[tuple[str, Path]] = field(default_factory=list)
    """(vault-relative path, real path) of every note, sorted: what `discover` found."""
    attachments: list[str] = field(default_factory=list)
    errors: list[tuple[str, str]] = field(default_factory=list)
    """(relative path, message) for folders that could not be listed."""
    special: list[tuple[str, str]] = field(default_factory=list)
    """(relative path, what it is) of `.md` paths that are not regular files: never read (VG003)."""
    leftovers: list[Path] = field(default_factory=list)
    """Temporary files an interrupted `--fix` left behind (`Discovery.leftovers`)."""
    digests: dict[str, bytes] = field(default_factory=dict)
    """Digest of each note's bytes (only when a cache is used)."""
    contents: dict[str, bytes] = field(default_factory=dict)
    """Bytes of the notes read in this run; a note known by its signature is not here."""
    unreadable: dict[str, str] = field(default_factory=dict)
    """Notes that could not be read, with the reason."""
    templates: frozenset[str] = frozenset()
    """Notes in the template folders of the vault's Obsidian settings (`vault.templates`): not linted."""

    def paths(self) -> tuple[str, ...]:
        """Every path a loaded vault has a note for (unlisted folders and special files included), sorted."""
        return tuple(sorted({rel for rel, _ in (*self.notes, *self.errors, *self.special)}))

    def content(self, rel: str, path: Path) -> bytes:
        """The bytes of note `rel`, read now if the snapshot only knew its digest (raises OSError)."""
        data = self.contents.get(rel)
        return data if data is not None else read_note_bytes(path)


def read_note_bytes(path: Path) -> bytes:
    """The bytes of the regular file at `path`; OSError for anything else (a FIFO is not waited on)."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    with os.fdopen(fd, "rb") as stream:
        kind = special_kind(os.fstat(fd).st_mode)
        if kind is not None:
            raise OSError(f"not a regular file but {kind}")
        return stream.read()


def read_error(exc: OSError) -> str:
    """The VG001 message for a note that could not be read."""
    return f"cannot read file: {exc.strerror or exc}"


def _signature(path: Path) -> Signature:
    st = os.stat(path)
    return st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino


def take_snapshot(root: Path, exclude: list[str] | tuple[str, ...] = (), store: ParseCache | None = None) -> Snapshot:
    """Discover the vault's files; with `store`, also the digest of every note (`Snapshot.digests`)."""
    found = discover(root, exclude)
    snapshot = Snapshot(root, found.notes, found.attachments, found.errors, found.special, found.leftovers)
    snapshot.templates = template_notes((rel for rel, _ in found.notes), template_folders(root.resolve()))
    if store is None:
        for rel, path in found.notes:
            try:
                snapshot.contents[rel] = read_note_bytes(path)
            except OSError as exc:
                snapshot.unreadable[rel] = read_error(exc)
        return snapshot
    known = store.load(_STATES, _KNOWN) or {}
    taken = time.time_ns()
    states: dict[str, tuple[Signature, bytes]] = {}
    for rel, path in found.notes:
        try:
            signature = _signature(path)
            previous = known.get(rel)
            if previous is not None and previous[0] == signature:
                snapshot.digests[rel] = previous[1]
            else:
                data = read_note_bytes(path)
                signature = _signature(path)  # after the read: a write in between makes it racy next time
                snapshot.contents[rel] = data
                snapshot.digests[rel] = digest(data)
        except OSError as exc:
            snapshot.unreadable[rel] = read_error(exc)
            continue
        if max(signature[1], signature[2]) < taken - _RACY_NS:
            states[rel] = (signature, snapshot.digests[rel])
    if states != known:
        store.store(_STATES, states or None)
    return snapshot
