"""Helpers the commands share: the PATH argument, loading config and vault."""

from __future__ import annotations

from pathlib import Path

import click

from vaultgraph.config import Config, load_config
from vaultgraph.vault.load import Vault, load_vault

path_argument = click.argument("path", default=".", type=click.Path(exists=True, file_okay=False, path_type=Path))
config_option = click.option("--config", "config_file", type=click.Path(path_type=Path),
                             help="Config file (default: nearest vaultgraph.toml, .vaultgraph.toml or pyproject.toml).")


def open_vault(path: Path, config_file: Path | None) -> tuple[Config, Vault]:
    config = load_config(path, config_file)
    return config, load_vault(path, config.exclude)
