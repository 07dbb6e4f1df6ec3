"""Where a command's output goes: standard output for `-`, else a file replaced atomically.

The file is written beside its target under a temporary name and renamed over it at the end, so a
run that fails half-way (a full disk, Ctrl-C) leaves the previous file as it was, and the text of a
big graph is written as it is produced rather than held whole.
"""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Iterable
from pathlib import Path

import click


def write_output(target: Path, pieces: Iterable[str]) -> None:
    """Write the text `pieces` to `target` (`-`: standard output). Raises OSError."""
    if str(target) == "-":
        stream = click.get_text_stream("stdout")
        stream.writelines(pieces)
        stream.flush()
        return
    if target.is_symlink():
        target = target.resolve()  # replace the file the link points at, not the link
    mode = _mode_for(target)
    handle, temp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".vaultgraph-tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.writelines(pieces)
        os.chmod(temp, mode)
        os.replace(temp, target)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def _mode_for(target: Path) -> int:
    """The mode the file has, or the one a plain `open(target, "w")` would give it."""
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
