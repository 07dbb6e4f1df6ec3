"""Parse many notes on every core: worker processes beside this one, which parses its share too.

The notes are cut into chunks of about `CHUNK_BYTES`, taken one at a time by whichever process is
free. A worker runs the pure `load_note` and sends each note back as MessagePack bytes
(`vaultgraph.codec`); the notes this process parses need no such trip, so with N cores it starts
N - 1 workers and saves the encoding and decoding of its own share (a third of a cold 10k lint's
moving of notes on two cores).

On Linux the workers are forked after the files were read, so they already hold every note's
bytes and a chunk is only its index. Where workers are spawned (macOS, Windows, where fork is unsafe
with the system libraries) a `multiprocessing.Pool` of N workers gets each chunk's bytes instead.
Parsing runs in parallel only when there is enough of it to pay for starting workers
(`PARALLEL_MIN_BYTES`).
"""

from __future__ import annotations

import gc
import multiprocessing
import queue
import traceback
from collections.abc import Callable, Iterator
from functools import partial
from typing import Any

from vaultgraph.codec import encode_note
from vaultgraph.model import Note
from vaultgraph.processes import fork_context, worker_count
from vaultgraph.vault.note import load_note

PARALLEL_MIN_BYTES = 1_000_000
"""Below about a third of a second of parsing, starting a worker costs more than it saves."""
CHUNK_BYTES = 128_000
"""A chunk is ~25 ms of parsing: small enough to balance the load and keep the progress bar moving."""
_WAIT = 1.0
"""Seconds between looks at whether a worker died without a word (killed, out of memory)."""

Item = tuple[str, bytes]
Parsed = Note | bytes
"""A note parsed in this process, or a worker's note as `codec.encode_note` bytes."""


def process_count(notes: int) -> int:
    """How many processes to parse `notes` notes with: one per core, at most one per note."""
    return min(worker_count(), notes)


def ranges(items: list[Item], size: int) -> list[tuple[int, int]]:
    """(start, end) index ranges of `items` that weigh about `size` bytes each."""
    found: list[tuple[int, int]] = []
    start, weight = 0, 0
    for index, (_, data) in enumerate(items):
        weight += len(data)
        if weight >= size:
            found.append((start, index + 1))
            start, weight = index + 1, 0
    if start < len(items):
        found.append((start, len(items)))
    return found


def chunks(items: list[Item], size: int) -> Iterator[list[Item]]:
    """`items` cut into lists that weigh about `size` bytes each (`ranges`)."""
    for start, end in ranges(items, size):
        yield items[start:end]


def parse_parallel(
    items: list[Item], processes: int, on_chunk: Callable[[int], None] | None = None, with_terms: bool = True
) -> Iterator[tuple[int, Parsed]]:
    """(index into `items`, parsed note) for every item, in no particular order, parsed by
    `processes` processes in all, this one included where workers are forked (see `load_note`)."""
    if fork_context() is None:
        yield from _parse_with_pool(items, processes, on_chunk, with_terms)
        return
    yield from _SharedParse(items, processes - 1, on_chunk, with_terms).run()


class _SharedParse:
    """This process and forked workers take chunks from one shared counter until none is left."""

    def __init__(self, items: list[Item], workers: int, on_chunk: Callable[[int], None] | None, with_terms: bool):
        self.items = items
        self.chunks = ranges(items, CHUNK_BYTES)
        self.on_chunk = on_chunk
        self.with_terms = with_terms
        context = fork_context()
        assert context is not None
        self.next_chunk: Any = context.Value("l", 0)
        self.results: Any = context.Queue()
        self.workers = [context.Process(target=self._work, daemon=True) for _ in range(workers)]
        self.finished = 0
        """Workers that said they are done."""

    def _take(self) -> int | None:
        """The index of the next chunk nobody has taken, or None when all are taken."""
        with self.next_chunk.get_lock():
            index = int(self.next_chunk.value)
            self.next_chunk.value = index + 1
        return index if index < len(self.chunks) else None

    def _work(self) -> None:
        """A worker's life: parse chunks until none is left, then say so (or say what went wrong)."""
        gc.disable()  # a worker lives for one parse, which makes no cycles: collections only cost time
        try:
            while (index := self._take()) is not None:
                start, end = self.chunks[index]
                encoded = [
                    encode_note(load_note(path, data, with_terms=self.with_terms))
                    for path, data in self.items[start:end]
                ]
                self.results.put((start, encoded))
            self.results.put(None)
        except BaseException:  # the parent raises it, with this traceback
            self.results.put(traceback.format_exc())

    def run(self) -> Iterator[tuple[int, Parsed]]:
        for worker in self.workers:
            worker.start()
        try:
            while (index := self._take()) is not None:
                start, end = self.chunks[index]
                for offset, (path, data) in enumerate(self.items[start:end]):
                    yield start + offset, load_note(path, data, with_terms=self.with_terms)
                self._chunk_done(end - start)
                yield from self._received(block=False)
            yield from self._received(block=True)
        finally:
            for worker in self.workers:
                if worker.is_alive():
                    worker.terminate()
                worker.join()
            self.results.close()
            self.results.join_thread()

    def _received(self, block: bool) -> Iterator[tuple[int, Parsed]]:
        """The workers' notes that have arrived; with `block`, every one still to come."""
        while self.finished < len(self.workers):
            try:
                message = self.results.get(timeout=_WAIT) if block else self.results.get_nowait()
            except queue.Empty:
                if not block:
                    break
                if any(worker.exitcode not in (None, 0) for worker in self.workers):
                    raise RuntimeError("a parsing worker died before it finished") from None
                continue
            if message is None:
                self.finished += 1
            elif isinstance(message, str):
                raise RuntimeError(f"a parsing worker failed:\n{message}")
            else:
                start, encoded = message
                for offset, blob in enumerate(encoded):
                    yield start + offset, blob
                self._chunk_done(len(encoded))

    def _chunk_done(self, count: int) -> None:
        if self.on_chunk is not None:
            self.on_chunk(count)


def _parse_chunk(chunk: list[Item], with_terms: bool) -> list[bytes]:
    gc.disable()  # as in `_SharedParse._work`
    return [encode_note(load_note(path, data, with_terms=with_terms)) for path, data in chunk]


def _parse_with_pool(
    items: list[Item], processes: int, on_chunk: Callable[[int], None] | None, with_terms: bool
) -> Iterator[tuple[int, Parsed]]:
    """Where workers are spawned: a pool of `processes` workers, each chunk's bytes sent to it."""
    cut = ranges(items, CHUNK_BYTES)
    with multiprocessing.get_context("spawn").Pool(processes) as pool:
        work = partial(_parse_chunk, with_terms=with_terms)
        for (start, _), encoded in zip(cut, pool.imap(work, [items[s:e] for s, e in cut]), strict=True):
            if on_chunk is not None:
                on_chunk(len(encoded))
            for offset, blob in enumerate(encoded):
                yield start + offset, blob
