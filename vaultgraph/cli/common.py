"""Helpers the commands share: the PATH argument, loading config and vault."""

from __future__ import annotations

import gc
from pathlib import Path

import click

from vaultgraph.cli.progress import parse_progress
from vaultgraph.config import Config, load_config
from vaultgraph.vault.load import Vault, load_vault

path_argument = click.argument("path", default=".", type=click.Path(exists=True, file_okay=False, path_type=Path))
config_option = click.option("--config", "config_file", type=click.Path(path_type=Path),
                             help="Config file (default: nearest vaultgraph.toml, .vaultgraph.toml or pyproject.toml).")
_NO_CACHE = "vaultgraph.no_cache"


def _remember_no_cache(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    ctx.meta[_NO_CACHE] = value


cache_option = click.option("--no-cache", is_flag=True, expose_value=False, callback=_remember_no_cache,
                            help="Parse every note again; neither read nor write the parse cache (.vaultgraph-cache/).")
"""Add to any command that calls `open_vault`; the command function needs no extra parameter."""


def open_vault(path: Path, config_file: Path | None, skip: tuple[str, ...] = ()) -> tuple[Config, Vault]:
    """Config and vault of PATH; `skip` names `Note` fields the command never reads (see `load_vault`)."""
    config = load_config(path, config_file)
    ctx = click.get_current_context(silent=True)
    use_cache = not (ctx is not None and ctx.meta.get(_NO_CACHE, False))
    # The vault lives until the command exits and holds no cycles: keep the collector off while it
    # is built, then freeze it, so later collections (lint, graph) do not walk a million objects.
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        with parse_progress() as progress:
            vault = load_vault(path, config.exclude, cache=use_cache, progress=progress, flavor=config.flavor,
                               skip=skip)
    finally:
        gc.freeze()
        if was_enabled:
            gc.enable()
    return config, vault
