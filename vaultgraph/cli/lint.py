"""`vaultgraph lint`, `vaultgraph rules`, `vaultgraph explain`."""

from __future__ import annotations

import os
import sys
import unicodedata
from collections import Counter
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

import click

from vaultgraph.api import LintOptions, Workspace, vault_root
from vaultgraph.cli.common import cache_option, config_option, open_workspace
from vaultgraph.cli.progress import parse_progress
from vaultgraph.errors import UsageError

if TYPE_CHECKING:  # the rest is imported when a command runs: `vaultgraph --help` loads no parser
    from vaultgraph.lint.fix import FixResult
    from vaultgraph.lint.report import LintReport

FORMATS = ("github", "json", "junit", "sarif", "text")
"""The names of `render.formats.FORMATTERS`, known without importing every formatter."""


def _codes(value: str | None) -> tuple[str, ...]:
    return tuple(c.strip() for c in value.split(",") if c.strip()) if value else ()


def _location_prefix(path: Path) -> str:
    """Where PATH is seen from the working folder, for CI annotations: `` for `.`, `notes/` for `notes`."""
    real = path.resolve()
    try:
        rel = real.relative_to(Path.cwd().resolve())
    except ValueError:
        return real.as_posix() + "/"
    return "" if rel == Path() else unicodedata.normalize("NFC", rel.as_posix()) + "/"


def _report_fixes(result: FixResult, verb: str) -> None:
    """Fix summary on stderr, so stdout stays a clean json/sarif/junit document."""
    for path, why in result.refused:
        click.echo(f"vaultgraph: {path}: not fixed: {why}", err=True)
    if not result.converged:
        click.echo(f"vaultgraph: fixes did not settle after {result.passes} passes; run --fix again", err=True)
    if result.changed:
        click.echo(
            f"{verb} {result.fixed} problem{'s' if result.fixed != 1 else ''} "
            f"in {len(result.changed)} file{'s' if len(result.changed) != 1 else ''}.",
            err=True,
        )
    if result.removed:
        count = len(result.removed)
        click.echo(
            f"Removed {count} leftover temporary file{'s' if count != 1 else ''} of an interrupted --fix.", err=True
        )


@click.command()
@click.argument("targets", nargs=-1, type=click.Path(path_type=Path), metavar="[PATH | FILE...]")
@click.option("--format", "output_format", type=click.Choice(FORMATS), default="text", show_default=True)
@click.option("--select", help="Comma-separated codes, prefixes or names to check (replaces the config's).")
@click.option("--extend-select", help="Codes to check on top of the selection.")
@click.option("--ignore", help="Codes not to check.")
@click.option("--strict", is_flag=True, help="Exit 1 on warnings and info findings too, and when no note was checked.")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when there are findings.")
@click.option("--statistics", is_flag=True, help="Print a count per rule instead of each finding.")
@click.option("--fix", is_flag=True, help="Fix what can be fixed safely, then report what is left.")
@click.option("--unsafe-fixes", is_flag=True, help="With --fix or --diff, also apply unsafe fixes (VG002 re-encode).")
@click.option(
    "--diff",
    is_flag=True,
    help="Print what --fix would change as a unified diff; write nothing. Exit 1 when there is a diff.",
)
@click.option(
    "--changed",
    metavar="[REF]",
    is_flag=False,
    flag_value="HEAD",
    default=None,
    help="Report only notes changed against a git ref (default HEAD), untracked ones included; "
    "links still resolve against the whole vault. Put PATH first or write --changed=REF.",
)
@click.option(
    "--baseline",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Do not report the known findings listed in this file.",
)
@click.option(
    "--write-baseline",
    "baseline_out",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Write every current finding to this file as the baseline, and exit 0.",
)
@config_option
@cache_option
def lint(
    targets: tuple[Path, ...],
    output_format: str,
    select: str | None,
    extend_select: str | None,
    ignore: str | None,
    strict: bool,
    exit_zero: bool,
    statistics: bool,
    fix: bool,
    unsafe_fixes: bool,
    diff: bool,
    changed: str | None,
    baseline: Path | None,
    baseline_out: Path | None,
    config_file: Path | None,
    no_cache: bool,
) -> None:
    """Check the notes of the vault at PATH (default: the current folder), or only the note FILEs.

    Each FILE is checked against the vault it is in (the nearest folder up with `.obsidian/`, a
    vaultgraph config or `.git`; else its own folder), so its links resolve as in the whole vault,
    and findings name it as it was given. A FILE that is not a note of its vault (not `.md`, hidden
    or excluded) is left out."""
    if fix and diff:
        raise UsageError("--fix and --diff cannot be used together (--diff previews --fix)")
    options = LintOptions(
        select=_codes(select) if select else None,
        extend_select=_codes(extend_select),
        ignore=_codes(ignore),
        fix=fix,
        unsafe_fixes=unsafe_fixes,
        changed=changed,
        baseline=baseline,
    )
    groups = _vaults(targets)
    if baseline_out is not None and groups[0][1] is not None:
        raise UsageError("--write-baseline records a whole vault: give its folder, not files")
    reports, diffs, empty = [], False, False
    for root, files in groups:
        with open_workspace(root, config_file, no_cache, parse=False) as workspace, parse_progress() as progress:
            names = None if files is None else _note_names(workspace, files)
            chosen = options if names is None else replace(options, paths=tuple(names))
            if diff:
                from vaultgraph.lint.fix import unified_diff

                plan = _relabel_fixes(workspace.plan_fixes(chosen, progress=progress), names)
                for change in plan.changed:
                    click.echo(unified_diff(change), nl=False)
                _report_fixes(plan, "Would fix")
                diffs = diffs or bool(plan.changed)
                continue
            if baseline_out is not None:
                count = workspace.write_baseline(baseline_out, chosen, progress=progress)
                click.echo(f"Wrote {count} finding{'s' if count != 1 else ''} to {baseline_out}.", err=True)
                sys.exit(0)
            report = workspace.lint(chosen, progress=progress)
            empty = workspace.empty
        if report.fixes is not None:
            _report_fixes(_relabel_fixes(report.fixes, names), "Fixed")
        reports.append(report if names is None else _relabel(report, names))
    if diff:
        sys.exit(1 if diffs else 0)
    folder = groups[0][0] if groups[0][1] is None else None
    report = reports[0] if folder is not None else _merged(reports)
    color = output_format == "text" and sys.stdout.isatty()
    prefix = _location_prefix(folder) if folder is not None else ""
    _print(replace(report, prefix=prefix, color=color), statistics, output_format)
    failing = [d for d in report.diagnostics if strict or d.severity == "error"]
    # --strict insists on notes: nothing checked fails, so CI can tell a mistyped vault path.
    sys.exit(1 if (failing or (strict and (empty or not report.files))) and not exit_zero else 0)


def _vaults(targets: tuple[Path, ...]) -> list[tuple[Path, list[Path] | None]]:
    """(vault folder, the note files given in it, or None for the whole vault) for each vault to lint."""
    if len(targets) <= 1 and not (targets and targets[0].is_file()):
        return [(targets[0] if targets else Path("."), None)]
    for target in targets:
        if not target.exists():
            raise UsageError(f"{target}: does not exist")
        if not target.is_file():
            raise UsageError(f"{target}: is a folder; give one vault folder, or note files")
    groups: dict[Path, list[Path]] = {}
    for target in targets:
        groups.setdefault(vault_root(target), []).append(target)
    return list(groups.items())


def _note_names(workspace: Workspace, files: list[Path]) -> dict[str, str]:
    """Vault-relative path -> the path as given, for each of `files` that is a note of the vault."""
    names = {}
    for file in files:
        rel = workspace.note_path(file)
        if rel is not None:
            names[rel] = unicodedata.normalize("NFC", Path(os.path.normpath(file)).as_posix())
    return names


def _relabel(report: LintReport, names: dict[str, str]) -> LintReport:
    """The report with each note named as it was given on the command line."""
    return replace(
        report,
        diagnostics=[replace(d, path=names.get(d.path, d.path)) for d in report.diagnostics],
        paths=tuple(names.get(path, path) for path in report.paths),
    )


def _relabel_fixes(result: FixResult, names: dict[str, str] | None) -> FixResult:
    if names is None:
        return result
    return replace(
        result,
        changed=[replace(change, path=names.get(change.path, change.path)) for change in result.changed],
        refused=[(names.get(path, path), why) for path, why in result.refused],
    )


def _merged(reports: list[LintReport]) -> LintReport:
    """One report of the files given, from the report of each vault they are in."""
    from vaultgraph.lint.report import LintReport
    from vaultgraph.model import Diagnostic

    rules = {rule.code: rule for report in reports for rule in report.rules}
    return LintReport(
        root=".",
        files=sum(report.files for report in reports),
        diagnostics=sorted((d for report in reports for d in report.diagnostics), key=Diagnostic.sort_key),
        paths=tuple(path for report in reports for path in report.paths),
        rules=tuple(rules[code] for code in sorted(rules)),
    )


def _print(report: LintReport, statistics: bool, output_format: str) -> None:
    from vaultgraph.render.formats import FORMATTERS

    if statistics:
        counts = Counter((d.code, d.rule) for d in report.diagnostics)
        for (code, name), count in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
            click.echo(f"{count:>6}  {code}  {name}")
        return
    output = FORMATTERS[output_format](report)
    if output:
        click.echo(output)


@click.command()
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "markdown"]),
    default="text",
    show_default=True,
    help="markdown: the README's rule table.",
)
def rules(output_format: str) -> None:
    """List every rule: code, name, default severity, whether it is on by default and fixable."""
    from vaultgraph.lint.rule import all_rules
    from vaultgraph.render.rule_table import markdown_table

    if output_format == "markdown":
        click.echo(markdown_table(all_rules()))
        return
    for rule in all_rules():
        flags = ("" if rule.enabled else " (off by default)") + (f" [fix: {rule.fix}]" if rule.fix else "")
        click.echo(f"{rule.code}  {rule.name:<28} {rule.severity:<8} {rule.summary}{flags}")


@click.command()
@click.argument("code")
def explain(code: str) -> None:
    """Print the documentation of rule CODE (a code like VG101 or a name like broken-link)."""
    from vaultgraph.lint.rule import rules_by_key

    rule = rules_by_key().get(code) or rules_by_key().get(code.upper())
    if rule is None:
        raise UsageError(f"unknown rule {code!r} (see `vaultgraph rules`)")
    options = "".join(f"\n  {name} = {default!r}" for name, default in rule.options.items())
    click.echo(
        f"{rule.code} {rule.name} ({rule.severity}{'' if rule.enabled else ', off by default'})\n\n"
        f"{rule.doc}" + (f"\n\nOptions:{options}" if options else "")
    )


COMMANDS = (lint, rules, explain)
