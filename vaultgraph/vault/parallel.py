"""Parse many notes on every core: a process pool fed with chunks of (path, bytes).

Workers run the pure `load_note` and send back each note as MessagePack bytes (`vaultgraph.codec`),
which cross the process boundary several times faster than pickled dataclasses. The pool only
starts when there is enough to parse to pay for it (`PARALLEL_MIN_BYTES`).
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
"""Below about a second of parsing, starting workers costs more than it saves."""
CHUNK_BYTES = 256_000
"""A chunk is ~0.15 s of work: small enough to balance the load and move the progress bar."""

Item = tuple[str, bytes]


def worker_count() -> int:
    if hasattr(os, "process_cpu_count"):  # Python 3.13+
        return os.process_cpu_count() or 1
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def chunks(items: list[Item], size: int) -> Iterator[list[Item]]:
    chunk: list[Item] = []
    weight = 0
    for item in items:
        chunk.append(item)
        weight += len(item[1])
        if weight >= size:
            yield chunk
            chunk, weight = [], 0
    if chunk:
        yield chunk


def _parse_chunk(chunk: list[Item], with_terms: bool) -> list[bytes]:
    return [encode_note(load_note(path, data, with_terms=with_terms)) for path, data in chunk]


def _start_worker() -> None:
    gc.enable()  # the parent may have paused the collector while loading; workers parse with it on


def _context() -> multiprocessing.context.BaseContext:
    # fork shares the imported parser with the workers for free; macOS and Windows default to spawn
    # because fork is unsafe with their system libraries.
    if sys.platform == "linux" and "fork" in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


def parse_encoded(
    items: list[Item], workers: int, on_chunk: Callable[[int], None] | None = None, with_terms: bool = True
) -> Iterator[bytes]:
    """Encoded notes of `items`, in order, parsed by `workers` processes (see `load_note`)."""
    with _context().Pool(workers, initializer=_start_worker) as pool:
        for encoded in pool.imap(partial(_parse_chunk, with_terms=with_terms), chunks(items, CHUNK_BYTES)):
            if on_chunk is not None:
                on_chunk(len(encoded))
            yield from encoded
