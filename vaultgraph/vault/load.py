"""Load a whole vault: discover, read, parse every note once, and index it for link resolution.

Parsing is the expensive step, so a note found in the parse cache (same bytes, same path, same
tool) is not parsed again, and the rest is parsed by a process pool when there is enough of it.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Iterator
from pathlib import Path
from typing import Any

from vaultgraph.cache import SHARDS, Entry, ParseCache, digest, shard_of
from vaultgraph.codec import encode_note, lazy_note_decoder, note_decoder
from vaultgraph.collector import collector_paused
from vaultgraph.model import Note, Problem, Vault
from vaultgraph.series.assign import assign_weeks
from vaultgraph.vault.flavors import apply_flavor, detect_flavor
from vaultgraph.vault.note import load_note
from vaultgraph.vault.parallel import PARALLEL_MIN_BYTES, parse_parallel, process_count
from vaultgraph.vault.resolve import LinkIndex
from vaultgraph.vault.snapshot import Snapshot, read_error, take_snapshot

Progress = Callable[[int, int], None]
"""Called with (notes parsed so far, notes to parse) while parsing; not called for cached notes."""


def unreadable(rel: str, message: str, code: str = "VG001") -> Note:
    """A note that could not be read (VG001), or was not (VG003: not a regular file)."""
    note = Note(path=rel, readable=False, title=Path(rel).stem)
    note.problems.append(Problem(code, message))
    return note


def load_vault(
    root: Path,
    exclude: list[str] | tuple[str, ...] = (),
    *,
    cache: bool = False,
    progress: Progress | None = None,
    parallel_min_bytes: int = PARALLEL_MIN_BYTES,
    flavor: str = "auto",
    skip: Collection[str] = (),
    daily: str = "in-week",
) -> Vault:
    """Parse every note of the vault at `root`, reading wikilinks in its `flavor` (`vault.flavors`).

    `cache` reads and updates the parse cache (`vaultgraph.cache`); `progress` is told how parsing
    goes; the process pool starts when the notes to parse weigh `parallel_min_bytes` or more.
    `skip` names list fields of `Note` the caller never reads (lint: `terms`, the biggest): they are
    left empty in the vault, while the cache still stores them for the commands that do read them.
    `daily` is the `[weeks] daily` setting (`series.assign`).
    """
    store = ParseCache.open(root) if cache else None
    return load_snapshot(
        take_snapshot(root, exclude, store),
        store,
        progress=progress,
        parallel_min_bytes=parallel_min_bytes,
        flavor=flavor,
        skip=skip,
        daily=daily,
    )


def load_snapshot(
    snapshot: Snapshot,
    store: ParseCache | None,
    *,
    progress: Progress | None = None,
    parallel_min_bytes: int = PARALLEL_MIN_BYTES,
    flavor: str = "auto",
    skip: Collection[str] = (),
    lazy: bool = False,
    daily: str = "in-week",
) -> Vault:
    """`load_vault` for a snapshot already taken (with `store`, or None for no cache).

    `lazy`: notes from the cache decode each field when it is first read (`codec.LazyNote`), for
    a caller that reads little of most notes (lint reusing its findings).
    """
    cached = lazy_note_decoder(skip) if lazy else note_decoder(skip)
    with collector_paused():
        notes = _parse_all(snapshot, store, progress, parallel_min_bytes, frozenset(skip), cached)
    dialect = detect_flavor(snapshot.root, flavor)
    with_terms = "terms" not in skip
    for note in notes:
        apply_flavor(note, dialect, with_terms=with_terms)
    for rel, message in snapshot.errors:
        notes.append(unreadable(rel, message))
        notes[-1].title = rel
    notes.extend(unreadable(rel, f"not read: {kind}, not a regular file", "VG003") for rel, kind in snapshot.special)
    assign_weeks(notes, daily)  # day notes and side posts join their series' weeks: needs every note
    return Vault(
        root=snapshot.root,
        index=LinkIndex([n.path for n in notes if n.path.lower().endswith(".md")], snapshot.attachments),
        notes={n.path: n for n in sorted(notes, key=lambda n: n.path)},
        attachments=snapshot.attachments,
        templates=snapshot.templates,
        # A path that ends with its note's path has its name on disk (same number of parts).
        files={rel: path for rel, path in snapshot.notes if not path.as_posix().endswith("/" + rel)},
    )


def _parse_all(
    snapshot: Snapshot,
    store: ParseCache | None,
    progress: Progress | None,
    parallel_min_bytes: int,
    skip: frozenset[str],
    decode_cached: Callable[[Any], Note],
) -> list[Note]:
    notes = [unreadable(rel, message) for rel, message in snapshot.unreadable.items()]
    decode = note_decoder(skip)  # a note just parsed is read whole: lazy decoding would hold it twice
    if store is None:
        # The bytes read by the snapshot are handed over (another load of the same snapshot reads
        # them again): held twice, as bytes and as parsed notes, they were 17 MB of a 10k lint's peak.
        files: list[tuple[str, bytes]] = []
        for rel, path in snapshot.notes:
            if rel in snapshot.unreadable:
                continue
            try:
                data = snapshot.contents.pop(rel, None)
                files.append((rel, data if data is not None else path.read_bytes()))
            except OSError as exc:
                notes.append(unreadable(rel, read_error(exc)))
        # Nothing is cached, so terms nobody reads would be computed for nothing.
        parsed = _parse_pending(
            files, progress, parallel_min_bytes, decode, encode=False, with_terms="terms" not in skip
        )
        notes.extend(_stripped(note, skip) for _, note, _ in parsed)
        return notes
    # One shard at a time: its cached notes are decoded and the shard is dropped before the next.
    groups: dict[int, list[tuple[str, Path]]] = defaultdict(list)
    for rel, path in snapshot.notes:
        if rel in snapshot.digests:
            groups[shard_of(rel)].append((rel, path))
    digests = snapshot.digests
    pending: list[tuple[str, bytes]] = []
    # Shards to write again (emptied ones are pruned), with the entries they keep; and the notes
    # still to parse by shard: a shard is written as soon as its last one is parsed.
    rewrite: dict[int, dict[str, Entry]] = {shard: {} for shard in range(SHARDS) if shard not in groups}
    waiting: Counter[int] = Counter()
    for shard, members in groups.items():
        stored = store.read(shard) or {}
        for rel, path in members:
            entry = stored.get(rel)
            if entry is not None and entry[0] == digests[rel]:
                notes.append(decode_cached(entry[1]))
                continue
            try:
                data = snapshot.content(rel, path)
            except OSError as exc:  # known by its signature, gone since
                notes.append(unreadable(rel, read_error(exc)))
                continue
            if rel not in snapshot.contents:  # read only now: key the entry by what was parsed
                digests[rel] = digest(data)
            pending.append((rel, data))
            waiting[shard] += 1
        if waiting[shard] or len(stored) != len(members):  # notes changed, added or deleted
            # The encoded entries are kept, not the decoded notes (which may lack the skipped fields).
            rewrite[shard] = {rel: stored[rel] for rel, _ in members if rel in stored}
    for shard, entries in list(rewrite.items()):
        if not waiting[shard]:
            store.write(shard, entries)
            del rewrite[shard]
    for rel, note, encoded in _parse_pending(
        pending, progress, parallel_min_bytes, decode, encode=True, with_terms=True
    ):
        shard = shard_of(rel)
        rewrite[shard][rel] = (digests[rel], encoded)
        notes.append(_stripped(note, skip))
        waiting[shard] -= 1
        if not waiting[shard]:  # written now, so that no more than one shard's encoded notes is held
            store.write(shard, rewrite.pop(shard))
    return notes


def _stripped(note: Note, skip: frozenset[str]) -> Note:
    for name in skip:
        setattr(note, name, [])
    return note


def _parse_pending(
    pending: list[tuple[str, bytes]],
    progress: Progress | None,
    parallel_min_bytes: int,
    decode: Callable[[Any], Note],
    encode: bool,
    with_terms: bool,
) -> Iterator[tuple[str, Note, Any]]:
    """(path, Note, encoded Note) for each pending file, in no particular order, parsed in parallel
    when it is worth it.

    Notes from a worker are decoded by `decode` (which may skip fields); the encoded form, whole, is
    what the cache stores (None for notes parsed here when `encode` is false). `with_terms` as in
    `load_note`. Each file's bytes are dropped from `pending` once it is parsed.
    """
    total = len(pending)
    processes = process_count(total)
    if processes > 1 and sum(len(data) for _, data in pending) >= parallel_min_bytes:
        done = 0

        def advance(count: int) -> None:
            nonlocal done
            done += count
            if progress is not None:
                progress(done, total)

        for index, parsed in parse_parallel(pending, processes, advance, with_terms):
            rel = pending[index][0]
            pending[index] = (rel, b"")  # parsed: the bytes are not held any longer
            if isinstance(parsed, Note):
                yield rel, parsed, encode_note(parsed) if encode else None
            else:
                yield rel, decode(parsed), parsed
        return
    for done, (rel, data) in enumerate(pending, 1):
        pending[done - 1] = (rel, b"")  # the bytes of a note are not held once it is parsed
        note = load_note(rel, data, with_terms=with_terms)
        yield rel, note, encode_note(note) if encode else None
        if progress is not None and (done % 50 == 0 or done == total):
            progress(done, total)
