"""Where a command's output goes: standard output for `-`, else a file replaced atomically.

The text of a big graph is written piece by piece as it is produced, not held whole.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import click

from vaultgraph.atomic import replacing
from vaultgraph.errors import VaultgraphError


def write_output(target: Path, pieces: Iterable[str]) -> None:
    """Write the text `pieces` to `target` (`-`: standard output); `VaultgraphError` when it cannot."""
    try:
        _write(target, pieces)
    except BrokenPipeError:
        raise
    except OSError as exc:
        raise VaultgraphError(f"cannot write {target}: {exc.strerror or exc}") from exc


def _write(target: Path, pieces: Iterable[str]) -> None:
    if str(target) == "-":
        stream = click.get_text_stream("stdout")
        stream.writelines(pieces)
        stream.flush()
        return
    if target.exists() and not target.is_file():  # /dev/stdout, a named pipe: nothing to replace
        with target.open("w", encoding="utf-8") as stream:
            stream.writelines(pieces)
        return
    if target.is_symlink():
        target = target.resolve()  # replace the file the link points at, not the link
    with replacing(target, encoding="utf-8") as out:
        out.writelines(pieces)
