"""The command line: the only place that prints or exits. One module per command group."""

from __future__ import annotations

import sys
import traceback
from typing import Any

import click

from vaultgraph import __version__
from vaultgraph.config import ConfigError


class VaultgraphGroup(click.Group):
    """Turns expected errors into one line and exit 2, and unexpected ones too unless `--debug`."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except ConfigError as exc:
            click.echo(f"vaultgraph: error: {exc}", err=True)
            sys.exit(2)
        except (click.exceptions.Exit, click.ClickException, click.Abort, SystemExit, KeyboardInterrupt):
            raise
        except Exception as exc:
            if ctx.meta.get("debug"):
                traceback.print_exc()
            else:
                click.echo(
                    f"vaultgraph: internal error: {type(exc).__name__}: {exc} (run with --debug for details)", err=True
                )
            sys.exit(2)


@click.group(cls=VaultgraphGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="vaultgraph")
@click.option("--debug", is_flag=True, help="Show tracebacks of internal errors.")
@click.pass_context
def cli(ctx: click.Context, debug: bool) -> None:
    """Lint a vault of Markdown notes and turn it into a knowledge graph."""
    ctx.meta["debug"] = debug


def _register() -> None:
    from vaultgraph.cli import lint as lint_commands

    for command in lint_commands.COMMANDS:
        cli.add_command(command)
    from vaultgraph.cli import concepts as concepts_commands

    for command in concepts_commands.COMMANDS:
        cli.add_command(command)
    from vaultgraph.cli import timeline as timeline_commands

    for command in timeline_commands.COMMANDS:
        cli.add_command(command)
    from vaultgraph.cli import graph as graph_commands

    for command in graph_commands.COMMANDS:
        cli.add_command(command)


_register()


def main() -> None:
    cli(prog_name="vaultgraph")
