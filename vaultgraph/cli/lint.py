"""`vaultgraph lint`, `vaultgraph rules`, `vaultgraph explain`."""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import click

from vaultgraph.cli.common import config_option, open_vault, path_argument
from vaultgraph.lint.engine import Selection, lint_vault, select_rules
from vaultgraph.lint.rule import all_rules, rules_by_key, unknown_selectors
from vaultgraph.render.formats import FORMATTERS, LintReport


def _codes(value: str | None) -> tuple[str, ...]:
    if not value:
        return ()
    codes = tuple(c.strip() for c in value.split(",") if c.strip())
    unknown = unknown_selectors(codes)
    if unknown:
        raise click.BadParameter(f"unknown rule code or name {unknown[0]!r} (see `vaultgraph rules`)")
    return codes


@click.command()
@path_argument
@click.option("--format", "output_format", type=click.Choice(sorted(FORMATTERS)), default="text", show_default=True)
@click.option("--select", help="Comma-separated codes, prefixes or names to check (replaces the config's).")
@click.option("--extend-select", help="Codes to check on top of the selection.")
@click.option("--ignore", help="Codes not to check.")
@click.option("--strict", is_flag=True, help="Exit 1 on warnings and info findings too.")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when there are findings.")
@click.option("--statistics", is_flag=True, help="Print a count per rule instead of each finding.")
@config_option
def lint(path: Path, output_format: str, select: str | None, extend_select: str | None, ignore: str | None,
         strict: bool, exit_zero: bool, statistics: bool, config_file: Path | None) -> None:
    """Check the notes in PATH (default: the current folder)."""
    selection = Selection(select=_codes(select) if select else None, extend_select=_codes(extend_select),
                          ignore=_codes(ignore))
    config, vault = open_vault(path, config_file)
    rules = select_rules(config, selection)
    diagnostics = lint_vault(vault, config, rules)
    if statistics:
        counts = Counter((d.code, d.rule) for d in diagnostics)
        for (code, name), count in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
            click.echo(f"{count:>6}  {code}  {name}")
    else:
        report = LintReport(root=str(path), files=len(vault.notes), diagnostics=diagnostics,
                            color=output_format == "text" and sys.stdout.isatty())
        click.echo(FORMATTERS[output_format](report))
    failing = [d for d in diagnostics if strict or d.severity == "error"]
    sys.exit(1 if failing and not exit_zero else 0)


@click.command()
def rules() -> None:
    """List every rule: code, name, default severity, whether it is on by default and fixable."""
    for rule in all_rules():
        flags = ("" if rule.enabled else " (off by default)") + (f" [fix: {rule.fix}]" if rule.fix else "")
        click.echo(f"{rule.code}  {rule.name:<28} {rule.severity:<8} {rule.summary}{flags}")


@click.command()
@click.argument("code")
def explain(code: str) -> None:
    """Print the documentation of rule CODE (a code like VG101 or a name like broken-link)."""
    rule = rules_by_key().get(code) or rules_by_key().get(code.upper())
    if rule is None:
        raise click.BadParameter(f"unknown rule {code!r} (see `vaultgraph rules`)", param_hint="CODE")
    options = "".join(f"\n  {name} = {default!r}" for name, default in rule.options.items())
    click.echo(f"{rule.code} {rule.name} ({rule.severity}{'' if rule.enabled else ', off by default'})\n\n"
               f"{rule.doc}" + (f"\n\nOptions:{options}" if options else ""))


COMMANDS = (lint, rules, explain)
