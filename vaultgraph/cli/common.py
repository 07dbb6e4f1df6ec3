"""What the commands share: the PATH argument, the config and cache options, and opening the vault."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import click

from vaultgraph.api import Workspace
from vaultgraph.cli.progress import parse_progress, steps

path_argument = click.argument("path", default=".", type=click.Path(path_type=Path))
config_option = click.option(
    "--config",
    "config_file",
    type=click.Path(path_type=Path),
    help="Config file (default: nearest vaultgraph.toml, .vaultgraph.toml or pyproject.toml).",
)
cache_option = click.option(
    "--no-cache",
    is_flag=True,
    help="Parse every note again; neither read nor write the parse cache (.vaultgraph-cache/).",
)


@contextmanager
def open_workspace(
    path: Path, config_file: Path | None, no_cache: bool, total_steps: int = 0, *, parse: bool = True
) -> Iterator[Workspace]:
    """The vault at PATH, its notes parsed unless `parse` is false; on a terminal, a bar while they are
    parsed, then the name of each of `total_steps` steps (`Workspace.step`) once the run passes a second.

    A folder with no notes is said on stderr, as ruff does: a mistyped path in CI must not pass unseen."""
    with steps(total_steps) as step:
        workspace = Workspace.open(path, config=config_file, cache=not no_cache, step=step)
        if workspace.empty:
            click.echo(f"vaultgraph: warning: no Markdown notes under {path}", err=True)
        if parse:
            with parse_progress() as progress:
                workspace.load(progress=progress)
        yield workspace
