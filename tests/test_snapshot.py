"""Tests for vaultgraph.vault.snapshot: notes known by their stat signature are not read again."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from vault_files import write_files

from vaultgraph.cache import ParseCache, digest
from vaultgraph.vault import snapshot as snapshot_module
from vaultgraph.vault.load import load_snapshot, load_vault
from vaultgraph.vault.snapshot import take_snapshot

pytestmark = pytest.mark.usefixtures("user_cache")
NOTES = {"a.md": "# A\n\n[[b]]\n", "sub/b.md": "# B\n\n- item\n", "c.md": "# C\n"}


@pytest.fixture
def vault(tmp_path: Path) -> Path:
    return write_files(tmp_path / "vault", NOTES)


@pytest.fixture
def settled(monkeypatch: pytest.MonkeyPatch) -> None:
    """Treat files written a moment ago as old enough to trust (the real margin is two seconds)."""
    monkeypatch.setattr(snapshot_module, "_RACY_NS", 0)


def store_of(vault: Path) -> ParseCache:
    store = ParseCache.open(vault)
    assert store is not None
    return store


def test_without_a_store_every_note_is_read(vault: Path) -> None:
    snap = take_snapshot(vault)
    assert {rel: data.decode() for rel, data in snap.contents.items()} == NOTES
    assert snap.digests == {}


def test_unchanged_notes_are_known_by_signature(vault: Path, settled: None) -> None:
    first = take_snapshot(vault, store=store_of(vault))
    assert sorted(first.contents) == sorted(NOTES)
    second = take_snapshot(vault, store=store_of(vault))
    assert second.contents == {}
    assert second.digests == first.digests == {rel: digest(text.encode()) for rel, text in NOTES.items()}


def test_an_edited_note_is_read_again(vault: Path, settled: None) -> None:
    take_snapshot(vault, store=store_of(vault))
    (vault / "c.md").write_text("# C changed\n", encoding="utf-8")
    snap = take_snapshot(vault, store=store_of(vault))
    assert list(snap.contents) == ["c.md"]
    assert snap.digests["c.md"] == digest(b"# C changed\n")


def test_same_size_edit_with_the_old_mtime_restored_is_seen(vault: Path, settled: None) -> None:
    """`cp -p` or an editor that keeps timestamps: size and mtime match, ctime does not."""
    take_snapshot(vault, store=store_of(vault))
    path = vault / "c.md"
    before = path.stat()
    time.sleep(0.01)
    path.write_text("# D\n", encoding="utf-8")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    snap = take_snapshot(vault, store=store_of(vault))
    assert snap.digests["c.md"] == digest(b"# D\n")


def test_freshly_written_notes_are_never_trusted(vault: Path) -> None:
    """Within the racy margin a second edit in the same timestamp tick would go unseen: read again."""
    take_snapshot(vault, store=store_of(vault))
    assert sorted(take_snapshot(vault, store=store_of(vault)).contents) == sorted(NOTES)


def test_a_note_known_by_signature_is_read_when_its_parse_entry_is_gone(vault: Path, settled: None) -> None:
    expected = load_vault(vault).notes
    load_vault(vault, cache=True)
    for shard in (vault / ".vaultgraph-cache").glob("parse-*.msgpack"):
        shard.unlink()
    store = store_of(vault)
    snap = take_snapshot(vault, store=store)
    assert snap.contents == {}
    assert load_snapshot(snap, store).notes == expected


def test_a_note_that_vanished_after_the_snapshot_becomes_unreadable(vault: Path, settled: None) -> None:
    load_vault(vault, cache=True)
    for shard in (vault / ".vaultgraph-cache").glob("parse-*.msgpack"):
        shard.unlink()
    store = store_of(vault)
    snap = take_snapshot(vault, store=store)
    (vault / "c.md").unlink()
    note = load_snapshot(snap, store).notes["c.md"]
    assert not note.readable and note.problems[0].code == "VG001"


def test_paths_list_every_note_and_unlisted_folder(vault: Path) -> None:
    snap = take_snapshot(vault)
    snap.errors.append(("locked", "cannot list folder: Permission denied"))
    assert snap.paths() == ("a.md", "c.md", "locked", "sub/b.md")
    assert tuple(load_snapshot(snap, None).notes) == snap.paths()
