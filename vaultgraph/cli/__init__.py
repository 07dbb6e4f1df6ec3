"""The command line: the only place that prints or exits. One module per command group.

Every error a user can fix (`VaultgraphError`, a click usage error, an I/O error) is one line on
stderr, `vaultgraph: error: ...`, and exit 2; an internal error is one line too, saying how to
report it (`--debug` shows the traceback). A reader that closes the pipe early (`| head`) ends the
run quietly.
"""

from __future__ import annotations

import os
import sys
import traceback
from collections.abc import Sequence
from typing import Any

import click

from vaultgraph import __version__
from vaultgraph.errors import VaultgraphError

ISSUES_URL = "https://github.com/vaultgraph/vaultgraph/issues"
BROKEN_PIPE_EXIT = 141  # what a shell reports for a process killed by SIGPIPE (128 + 13)


def _error(message: str) -> None:
    click.echo(f"vaultgraph: error: {message}", err=True)


def _quiet_broken_pipe() -> int:
    """The reader is gone: point stdout at /dev/null so the interpreter's final flush cannot fail too."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    return BROKEN_PIPE_EXIT


class _PipeClosed(Exception):
    """Standard output's reader went away; not an OSError, so click's own handler (exit 1) lets it by."""


class VaultgraphGroup(click.Group):
    """Runs a command and turns whatever goes wrong into one line and an exit code."""

    debug = False

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except BrokenPipeError as exc:
            raise _PipeClosed from exc

    def make_context(self, *args: Any, **kwargs: Any) -> click.Context:
        # `vaultgraph --help` and `--version` print while the arguments are parsed, before `invoke`.
        try:
            return super().make_context(*args, **kwargs)
        except BrokenPipeError as exc:
            raise _PipeClosed from exc

    def main(  # type: ignore[override]
        self, args: Sequence[str] | None = None, prog_name: str | None = None, standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:  # fmt: skip
        VaultgraphGroup.debug = False
        try:
            result = super().main(args, prog_name, standalone_mode=False, **extra)
            code = result if isinstance(result, int) else 0
        except click.UsageError as exc:
            where = f" (see `{exc.ctx.command_path} --help`)" if exc.ctx is not None else ""
            _error(f"{exc.format_message()}{where}")
            code = 2
        except click.ClickException as exc:
            _error(exc.format_message())
            code = 2
        except click.Abort:
            click.echo("vaultgraph: interrupted", err=True)
            code = 130
        except VaultgraphError as exc:
            _error(str(exc))
            code = 2
        except (_PipeClosed, BrokenPipeError):
            code = _quiet_broken_pipe()
        except OSError as exc:
            _error(f"{exc.filename}: {exc.strerror}" if exc.filename and exc.strerror else str(exc))
            code = 2
        except Exception as exc:
            if VaultgraphGroup.debug:
                traceback.print_exc()
            else:
                click.echo(
                    f"vaultgraph: internal error: {type(exc).__name__}: {exc}\n"
                    f"This is a bug in vaultgraph {__version__}: please report it at {ISSUES_URL} "
                    "with the output of the same command run with --debug.",
                    err=True,
                )
            code = 2
        if standalone_mode:
            try:
                sys.stdout.flush()
            except BrokenPipeError:
                code = _quiet_broken_pipe()
            sys.exit(code)
        return code


@click.group(cls=VaultgraphGroup, invoke_without_command=True, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="vaultgraph")
@click.option("--debug", is_flag=True, help="Show tracebacks of internal errors.")
@click.pass_context
def cli(ctx: click.Context, debug: bool) -> None:
    """Lint a vault of Markdown notes and turn it into a knowledge graph."""
    VaultgraphGroup.debug = debug
    if ctx.invoked_subcommand is None:  # bare `vaultgraph`: what it can do, and success
        click.echo(ctx.get_help())


def _register() -> None:
    from vaultgraph.cli import concepts, graph, lint, timeline

    for module in (lint, concepts, timeline, graph):
        for command in module.COMMANDS:
            cli.add_command(command)


_register()


def main() -> None:
    cli(prog_name="vaultgraph")
