"""Replace a file atomically: write a temporary file beside it, then rename it over the target.

Readers (an editor, a sync client, another run) see the old file or the new one, never half of
either, and a write that fails half-way (a full disk, Ctrl-C) leaves the old file as it was.

A run killed outright (`kill -9`, a power cut) cannot remove its temporary file, so the next
`--fix` removes such leftovers (`remove_leftovers`). It must not take a live run's file: each run
holds an exclusive `flock` on its temporary file from creation until after the rename, and a
leftover is removed only when that lock can be taken. Where `flock` does not exist (Windows), only
leftovers older than `_STALE_SECONDS` are removed.
"""

from __future__ import annotations

import os
import stat
import tempfile
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None  # type: ignore[assignment]

TEMP_SUFFIX = ".vaultgraph-tmp"
_STALE_SECONDS = 3600


@contextmanager
def replacing(target: Path, *, encoding: str | None = None, fsync: bool = False) -> Iterator[IO[Any]]:
    """A stream for the new content of `target`: text in `encoding`, or bytes when it is None.

    When the block ends cleanly, the temporary file gets the target's mode (for a new file, the mode
    `open` would give it), is flushed to the disk if `fsync`, and replaces the target. When it
    raises, the temporary file is removed and the target is left as it was.
    """
    mode = _mode_for(target)
    handle, temp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=TEMP_SUFFIX)
    out = os.fdopen(handle, "w" if encoding else "wb", encoding=encoding)
    try:
        # Closed only after the rename: the lock tells `remove_leftovers` the file is in use.
        try:
            if fcntl is not None:
                fcntl.flock(handle, fcntl.LOCK_EX)
            yield out
            out.flush()
            if fsync:
                os.fsync(handle)
            if fcntl is None:
                out.close()  # Windows renames no open file (and there is no lock to keep)
            os.chmod(temp, mode)
            os.replace(temp, target)
        finally:
            out.close()
    except BaseException:
        Path(temp).unlink(missing_ok=True)  # our own temporary file, never the target
        raise


def remove_leftovers(paths: Iterable[Path]) -> list[Path]:
    """Remove the temporary files of runs that died before renaming them; the ones removed.

    A file some live run still holds locked, or that is no longer a regular file, is left alone.
    """
    removed = []
    for path in paths:
        try:
            fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
        except OSError:
            continue
        try:
            info = os.fstat(fd)
            if not stat.S_ISREG(info.st_mode) or not _abandoned(fd, info):
                continue
            if os.lstat(path).st_ino == info.st_ino:  # still the file we hold, not a newer one
                path.unlink()
                removed.append(path)
        except OSError:
            continue
        finally:
            os.close(fd)
    return removed


def _abandoned(fd: int, info: os.stat_result) -> bool:
    if fcntl is None:
        return time.time() - info.st_mtime > _STALE_SECONDS
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def _mode_for(target: Path) -> int:
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
