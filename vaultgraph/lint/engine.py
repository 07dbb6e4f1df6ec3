"""Run the selected rules over a vault and return sorted `Diagnostic`s; printing is the CLI's job."""

from __future__ import annotations

import fnmatch
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from vaultgraph.config import Config
from vaultgraph.lint.directives import Suppressions, suppressions
from vaultgraph.lint.rule import Finding, Rule, RuleContext, all_rules, expand_selectors
from vaultgraph.lint.rules.unused_suppression import CODE as UNUSED_SUPPRESSION, unused_suppressions
from vaultgraph.model import Diagnostic, Note
from vaultgraph.vault.load import Vault


@dataclass(frozen=True, slots=True)
class Selection:
    """Command-line selection on top of the config's (ruff semantics: `--select` replaces)."""

    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()


def select_rules(config: Config, selection: Selection = Selection()) -> list[Rule]:
    select = selection.select if selection.select is not None else config.select
    chosen = {r.code for r in (expand_selectors(select) if select is not None else all_rules()) if
              select is not None or r.enabled}
    chosen |= {r.code for r in expand_selectors([*config.extend_select, *selection.extend_select])}
    chosen -= {r.code for r in expand_selectors([*config.ignore, *selection.ignore])}
    return [r for r in all_rules() if r.code in chosen]


def _diagnostic(rule: Rule, path: str, finding: Finding, severity: str) -> Diagnostic:
    return Diagnostic(path=path, line=finding.line, column=finding.column,
                      end_line=finding.end_line if finding.end_line is not None else finding.line,
                      end_column=finding.end_column if finding.end_column is not None else finding.column,
                      code=rule.code, rule=rule.name, severity=severity,  # type: ignore[arg-type]
                      message=finding.message, edits=finding.edits, unsafe_fix=rule.fix == "unsafe")


def lint_vault(vault: Vault, config: Config, rules: Iterable[Rule], paths: set[str] | None = None) -> list[Diagnostic]:
    """Lint every note (or only `paths`), resolving links against the whole vault."""
    rules = list(rules)
    notes = [n for n in vault.notes.values() if paths is None or n.path in paths]
    suppressed = {n.path: suppressions(n) for n in notes}
    ignored = {n.path: _per_file_ignores(n.path, config) for n in notes}
    found: list[Diagnostic] = []
    for rule in rules:
        ctx = RuleContext(vault, config.options(rule.code))
        severity = config.severity.get(rule.code, rule.severity)
        if rule.check is not None:
            for note in notes:
                if rule.code in ignored[note.path] or (not note.readable and rule.code != "VG001"):
                    continue
                for finding in rule.check(note, ctx):
                    if not suppressed[note.path].suppresses(rule.code, finding.line):
                        found.append(_diagnostic(rule, note.path, finding, severity))
        if rule.check_vault is not None:
            for finding in rule.check_vault(vault, ctx):
                path = finding.path or ""
                if paths is not None and path not in paths:
                    continue
                if rule.code in ignored.get(path, ()) or _is_suppressed(suppressed.get(path), rule.code, finding):
                    continue
                found.append(_diagnostic(rule, path, finding, severity))
    unused = next((rule for rule in rules if rule.code == UNUSED_SUPPRESSION), None)
    if unused is not None:
        found.extend(_unused_suppressions(unused, rules, notes, suppressed, ignored, config))
    found.sort(key=Diagnostic.sort_key)
    return found


def _unused_suppressions(rule: Rule, rules: list[Rule], notes: list[Note], suppressed: dict[str, Suppressions],
                         ignored: dict[str, set[str]], config: Config) -> Iterator[Diagnostic]:
    """VG007 judges the directives' `used` flags, so it runs after every other rule has reported."""
    severity = config.severity.get(rule.code, rule.severity)
    ran = {r.code for r in rules} - {rule.code}
    for note in notes:
        if rule.code in ignored[note.path] or not note.readable:
            continue
        table = suppressed[note.path]
        for directive, finding in list(unused_suppressions(table, ran - ignored[note.path])):
            others = Suppressions([d for d in table.directives if d is not directive])  # none silences itself
            if not others.suppresses(rule.code, finding.line):
                yield _diagnostic(rule, note.path, finding, severity)


def _is_suppressed(table: Suppressions | None, code: str, finding: Finding) -> bool:
    return table is not None and table.suppresses(code, finding.line)


def _per_file_ignores(path: str, config: Config) -> set[str]:
    codes: set[str] = set()
    for pattern, selectors in config.per_file_ignores.items():
        if fnmatch.fnmatchcase(path, pattern):
            codes |= {r.code for r in expand_selectors(selectors)}
    return codes

