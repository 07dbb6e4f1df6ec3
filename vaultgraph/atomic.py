"""Replace a file atomically: write a temporary file beside it, then rename it over the target.

Readers (an editor, a sync client, another run) see the old file or the new one, never half of
either, and a write that fails half-way (a full disk, Ctrl-C) leaves the old file as it was.
"""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any


@contextmanager
def replacing(target: Path, *, encoding: str | None = None, fsync: bool = False) -> Iterator[IO[Any]]:
    """A stream for the new content of `target`: text in `encoding`, or bytes when it is None.

    When the block ends cleanly, the temporary file gets the target's mode (for a new file, the mode
    `open` would give it), is flushed to the disk if `fsync`, and replaces the target. When it
    raises, the temporary file is removed and the target is left as it was.
    """
    mode = _mode_for(target)
    handle, temp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".vaultgraph-tmp")
    try:
        with os.fdopen(handle, "w" if encoding else "wb", encoding=encoding) as out:
            yield out
            out.flush()
            if fsync:
                os.fsync(out.fileno())
        os.chmod(temp, mode)
        os.replace(temp, target)
    except BaseException:
        Path(temp).unlink(missing_ok=True)  # our own temporary file, never the target
        raise


def _mode_for(target: Path) -> int:
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
