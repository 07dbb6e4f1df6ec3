"""The per-note rules of a big vault on every core: forked processes share the vault already loaded.

After loading, what is left of a cold lint is the rules, about a second for 10k notes, which one
process would run while the other cores wait. Forking costs a few milliseconds and copies nothing
up front (the children read the parent's notes in place), so the notes are cut into one share per
core by size, a forked child checks each share but this process's, and sends back its findings as
MessagePack. Where fork is unsafe (macOS, Windows) or the vault is small, this process checks all.
"""

from __future__ import annotations

import gc
import traceback
from collections.abc import Callable, Sequence
from typing import Any

import msgspec

from vaultgraph.model import Diagnostic, Note
from vaultgraph.processes import fork_context, worker_count

PARALLEL_MIN_BYTES = 4_000_000
"""Notes' text below which one process lints faster than it forks (about 0.2 s of rules)."""

Findings = dict[str, list[Diagnostic]]
"""One note's findings by rule scope."""
_ENCODER = msgspec.msgpack.Encoder()
_DECODER = msgspec.msgpack.Decoder(dict[str, Findings])
_DONE, _FAILED = b"\0", b"\1"


def check_notes(notes: Sequence[Note], check: Callable[[Note], Findings]) -> dict[str, Findings]:
    """`check(note)` of every note, by path: here, or shared with forked children when it pays."""
    context = fork_context()
    processes = min(worker_count(), len(notes))
    if context is None or processes < 2 or sum(len(note.text) for note in notes) < PARALLEL_MIN_BYTES:
        return {note.path: check(note) for note in notes}
    shares = _shares(notes, processes)
    children: list[tuple[Any, Any]] = []
    try:
        for share in shares[1:]:
            receive, send = context.Pipe(duplex=False)
            child = context.Process(target=_check_share, args=(share, check, send), daemon=True)
            child.start()
            send.close()
            children.append((child, receive))
        found = {note.path: check(note) for note in shares[0]}
        for _, receive in children:
            try:
                message = receive.recv_bytes()
            except EOFError:
                raise RuntimeError("a lint worker died before it finished") from None
            if message[:1] == _FAILED:
                raise RuntimeError(f"a lint worker failed:\n{message[1:].decode()}")
            found.update(_DECODER.decode(message[1:]))
        return found
    finally:
        for child, receive in children:
            receive.close()
            if child.is_alive():
                child.terminate()
            child.join()


def _shares(notes: Sequence[Note], count: int) -> list[list[Note]]:
    """`notes` cut into `count` runs of about the same amount of text, in order."""
    total = sum(len(note.text) for note in notes) or 1
    shares: list[list[Note]] = [[] for _ in range(count)]
    seen = 0
    for note in notes:
        shares[min(count - 1, seen * count // total)].append(note)
        seen += len(note.text)
    return shares


def _check_share(share: list[Note], check: Callable[[Note], Findings], send: Any) -> None:
    gc.disable()  # a short life that makes no cycles; a collection would also copy the shared pages
    try:
        send.send_bytes(_DONE + _ENCODER.encode({note.path: check(note) for note in share}))
    except BaseException:  # the parent raises it, with this traceback
        send.send_bytes(_FAILED + traceback.format_exc().encode())
    finally:
        send.close()
