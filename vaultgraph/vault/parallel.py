"""Parse many notes on every core: a process pool fed with chunks of notes.

Workers run the pure `load_note` and send back each note as MessagePack bytes (`vaultgraph.codec`),
which cross the process boundary several times faster than pickled dataclasses. On Linux the
workers are forked after the files were read, so they already hold every note's bytes: a task is
a range of indexes, not the bytes themselves (the 17 MB of a 10k vault are not pickled, sent and
unpickled again). Where workers are spawned (macOS, Windows) a task carries its notes' bytes. The
pool only starts when there is enough to parse to pay for it (`PARALLEL_MIN_BYTES`).
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import sys
from collections.abc import Callable, Iterator
from functools import partial

from vaultgraph.codec import encode_note
from vaultgraph.vault.note import load_note

PARALLEL_MIN_BYTES = 1_500_000
"""Below about half a second of parsing, starting workers costs more than it saves."""
CHUNK_BYTES = 256_000
"""A chunk is ~0.05 s of work: small enough to balance the load and move the progress bar."""

Item = tuple[str, bytes]
Task = tuple[int, int] | list[Item]
"""A range of indexes into the items a forked worker inherited, or the items themselves."""

_INHERITED: list[Item] = []
"""The items of the pool being started: a forked worker reads its tasks' notes from here."""


def worker_count() -> int:
    if hasattr(os, "process_cpu_count"):  # Python 3.13+
        return os.process_cpu_count() or 1
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def ranges(items: list[Item], size: int) -> Iterator[tuple[int, int]]:
    """(start, end) index ranges of `items` that weigh about `size` bytes each."""
    start, weight = 0, 0
    for index, (_, data) in enumerate(items):
        weight += len(data)
        if weight >= size:
            yield start, index + 1
            start, weight = index + 1, 0
    if start < len(items):
        yield start, len(items)


def chunks(items: list[Item], size: int) -> Iterator[list[Item]]:
    """`items` cut into lists that weigh about `size` bytes each (`ranges`)."""
    for start, end in ranges(items, size):
        yield items[start:end]


def _parse_chunk(task: Task, with_terms: bool) -> list[bytes]:
    items = _INHERITED[task[0] : task[1]] if isinstance(task, tuple) else task
    return [encode_note(load_note(path, data, with_terms=with_terms)) for path, data in items]


def _start_worker() -> None:
    gc.enable()  # the parent may have paused the collector while loading; workers parse with it on


def _context() -> multiprocessing.context.BaseContext:
    # fork shares the imported parser and the notes' bytes with the workers for free; macOS and
    # Windows default to spawn because fork is unsafe with their system libraries.
    if sys.platform == "linux" and "fork" in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


def parse_encoded(
    items: list[Item], workers: int, on_chunk: Callable[[int], None] | None = None, with_terms: bool = True
) -> Iterator[bytes]:
    """Encoded notes of `items`, in order, parsed by `workers` processes (see `load_note`)."""
    global _INHERITED
    context = _context()
    forked = context.get_start_method() == "fork"
    tasks: list[Task] = list(ranges(items, CHUNK_BYTES)) if forked else list(chunks(items, CHUNK_BYTES))
    _INHERITED = items if forked else []
    try:
        with context.Pool(workers, initializer=_start_worker) as pool:
            for encoded in pool.imap(partial(_parse_chunk, with_terms=with_terms), tasks):
                if on_chunk is not None:
                    on_chunk(len(encoded))
                yield from encoded
    finally:
        _INHERITED = []
