"""Where a command's output goes: standard output for `-`, else a file replaced atomically.

The text of a big graph is written piece by piece as it is produced, not held whole.

Symlinks: the default output (`vaultgraph.html`) lands in the current folder, often a checkout
someone else wrote, where `vaultgraph.html` may be a link to any file of the user's. So a link
is written through only while its real target stays inside the link's own folder (or below it),
like a `latest.html -> maps/2024-w3.html` the user made; and `/dev/stdout` or `/dev/stderr`, links
to this very process's output, are written through as the user asked. Any other link is refused
(`OutputRefused`, reported as a `VaultgraphError`: one line, exit 2) and nothing is written. A
path that is itself a pipe or a device (`-o /dev/null`, a FIFO) is written through, never
replaced by a regular file.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Literal, TextIO

from vaultgraph.errors import VaultgraphError

Stream = Literal["stdout", "stderr"]


class OutputRefused(OSError):
    """The output path is a symlink leading out of its folder: nothing was written."""


def write_output(target: Path, pieces: Iterable[str]) -> None:
    """Write the text `pieces` to `target` (`-`: standard output); `VaultgraphError` when it cannot
    (`OutputRefused` for a symlink leading out of its folder)."""
    try:
        _write(target, pieces)
    except BrokenPipeError:
        raise
    except OSError as exc:
        raise VaultgraphError(f"cannot write {target}: {exc.strerror or exc}") from exc


def _write(target: Path, pieces: Iterable[str]) -> None:
    own: Stream | None = "stdout" if str(target) == "-" else _own_stream(target) if target.is_symlink() else None
    if own is not None:
        stream = sys.stdout if own == "stdout" else sys.stderr  # what click's test runner swaps too
        stream.writelines(pieces)
        stream.flush()
        return
    if target.is_symlink():
        real = target.resolve()
        if not real.is_relative_to(target.parent.resolve()):
            raise OutputRefused(f"it is a symlink to {real}, outside its folder (remove the link or choose another -o)")
        target = real
    if target.exists() and not target.is_file():  # /dev/stdout, a named pipe: nothing to replace
        with target.open("w", encoding="utf-8") as stream:
            stream.writelines(pieces)
        return
    from vaultgraph.atomic import replacing  # tempfile: only for a command that writes a file

    with replacing(target, encoding="utf-8") as out:
        out.writelines(pieces)


def _own_stream(link: Path) -> Stream | None:
    """`stdout` or `stderr` when `link` leads to this process's own (`/dev/stdout`, `/dev/fd/2`), else None."""
    try:
        found = os.stat(link)
    except OSError:
        return None
    streams: tuple[tuple[Stream, TextIO | None], ...] = (("stdout", sys.__stdout__), ("stderr", sys.__stderr__))
    for name, stream in streams:
        try:
            own = os.fstat(stream.fileno()) if stream is not None else None
        except (OSError, ValueError):  # a closed stream, or one with no file behind it
            continue
        if own is not None and (own.st_dev, own.st_ino) == (found.st_dev, found.st_ino):
            return name
    return None
