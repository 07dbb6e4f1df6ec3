"""Helpers the commands share: the PATH argument, loading config, vault and concepts."""

from __future__ import annotations

from pathlib import Path

import click

from vaultgraph.cache import ParseCache
from vaultgraph.cli.progress import parse_progress, steps
from vaultgraph.collector import collector_paused
from vaultgraph.concepts.build import build_concepts
from vaultgraph.config import Config, load_config
from vaultgraph.model import Concept, Vault
from vaultgraph.vault.load import load_snapshot
from vaultgraph.vault.snapshot import Snapshot, take_snapshot

path_argument = click.argument("path", default=".", type=click.Path(exists=True, file_okay=False, path_type=Path))
config_option = click.option(
    "--config",
    "config_file",
    type=click.Path(path_type=Path),
    help="Config file (default: nearest vaultgraph.toml, .vaultgraph.toml or pyproject.toml).",
)
_NO_CACHE = "vaultgraph.no_cache"


def _remember_no_cache(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    ctx.meta[_NO_CACHE] = value


cache_option = click.option(
    "--no-cache",
    is_flag=True,
    expose_value=False,
    callback=_remember_no_cache,
    help="Parse every note again; neither read nor write the parse cache (.vaultgraph-cache/).",
)
"""Add to any command that calls `open_vault`; the command function needs no extra parameter."""


def open_snapshot(path: Path, config_file: Path | None) -> tuple[Config, Snapshot, ParseCache | None]:
    """Config of PATH, what its vault holds now, and its cache (None with `--no-cache` or nowhere to keep it)."""
    config = load_config(path, config_file)
    ctx = click.get_current_context(silent=True)
    use_cache = not (ctx is not None and ctx.meta.get(_NO_CACHE, False))
    store = ParseCache.open(path) if use_cache else None
    return config, take_snapshot(path, config.exclude, store), store


def load_notes(
    config: Config, snapshot: Snapshot, store: ParseCache | None, skip: tuple[str, ...] = (), lazy: bool = False
) -> Vault:
    """Parse (or take from the cache) every note of `snapshot`; `skip` and `lazy` as in `load_snapshot`."""
    # The vault lives until the command exits: frozen once built, later collections (lint, graph)
    # do not walk its million objects.
    with collector_paused(freeze=True), parse_progress() as progress:
        vault = load_snapshot(snapshot, store, progress=progress, flavor=config.flavor, skip=skip, lazy=lazy)
    return vault


def open_vault(path: Path, config_file: Path | None, skip: tuple[str, ...] = ()) -> tuple[Config, Vault]:
    """Config and vault of PATH; `skip` names `Note` fields the command never reads (see `load_vault`)."""
    config, snapshot, store = open_snapshot(path, config_file)
    return config, load_notes(config, snapshot, store, skip)


def open_concepts(path: Path, config_file: Path | None) -> tuple[Config, Vault, list[Concept]]:
    """`open_vault`, then the vault's concepts, naming the step on a terminal when it runs long."""
    with steps(1) as step, collector_paused():
        config, vault = open_vault(path, config_file)
        step("finding concepts")
        return config, vault, build_concepts(vault, config)
