"""Run the selected rules over a vault and return sorted `Diagnostic`s; printing is the CLI's job."""

from __future__ import annotations

import fnmatch
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Generic, NoReturn, TypeVar, cast

from vaultgraph.config import Config
from vaultgraph.construct import constructor
from vaultgraph.lint.directives import Suppressions, suppressions
from vaultgraph.lint.memo import FindingsMemo
from vaultgraph.lint.parallel import Findings, check_notes
from vaultgraph.lint.rule import Finding, Rule, RuleContext, all_rules, expand_selectors
from vaultgraph.lint.rules.unused_suppression import CODE as UNUSED_SUPPRESSION
from vaultgraph.lint.rules.unused_suppression import unused_suppressions
from vaultgraph.lint.settings import options_of
from vaultgraph.model import Diagnostic, Note, Vault

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Selection:
    """Command-line selection on top of the config's (ruff semantics: `--select` replaces)."""

    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()


def select_rules(config: Config, selection: Selection = Selection()) -> list[Rule]:
    select = selection.select if selection.select is not None else config.select
    chosen = {
        r.code
        for r in (expand_selectors(select) if select is not None else all_rules())
        if select is not None or r.enabled
    }
    chosen |= {r.code for r in expand_selectors([*config.extend_select, *selection.extend_select])}
    chosen -= {r.code for r in expand_selectors([*config.ignore, *selection.ignore])}
    return [r for r in all_rules() if r.code in chosen]


_new_diagnostic = constructor(Diagnostic)  # in Diagnostic's field order: 270k findings for a 50 MB note


def _diagnostic(rule: Rule, path: str, finding: Finding, severity: str) -> Diagnostic:
    end_line, end_column = finding.end_line, finding.end_column
    return _new_diagnostic(
        path,
        finding.line,
        finding.column,
        end_line if end_line is not None else finding.line,
        end_column if end_column is not None else finding.column,
        rule.code,
        rule.name,
        severity,
        finding.message,
        finding.edits,
        rule.fix == "unsafe",
    )


class _NoVault:
    """The vault a rule with `SCOPE = "note"` sees: reading it means the rule's scope is wrong, and
    its findings would be reused when they should not be."""

    def __getattr__(self, name: str) -> NoReturn:
        raise RuntimeError(f'a rule with SCOPE = "note" read vault.{name}; declare SCOPE = "links" or "vault"')


def lint_vault(
    vault: Vault, config: Config, rules: Iterable[Rule], paths: set[str] | None = None, memo: FindingsMemo | None = None
) -> list[Diagnostic]:
    """Lint every note (or only `paths`), resolving links against the whole vault.

    With `memo`, a note's findings of the `note` and `links` rules are taken from the last run
    when they still hold, and this run's are added to it.
    """
    rules = list(rules)
    unused = next((rule for rule in rules if rule.code == UNUSED_SUPPRESSION), None)
    if unused is not None:
        memo = None  # VG007 needs every suppression to be tried again
    # A template is no note to check (`vault.templates`); links to it still resolve.
    notes = [n for n in vault.notes.values() if (paths is None or n.path in paths) and n.path not in vault.templates]
    suppressed = _PerNote(suppressions)
    ignored = _PerNote(lambda note: _per_file_ignores(note.path, config))
    scopes: dict[str, list[tuple[Rule, RuleContext, str]]] = {}
    for rule in rules:
        if rule.check is not None:
            ctx = RuleContext(cast(Vault, _NoVault()) if rule.scope == "note" else vault, options_of(config, rule.code))
            scopes.setdefault(rule.scope, []).append((rule, ctx, config.severity.get(rule.code, rule.severity)))
    # The last run's findings where they still hold; the rest is checked, on every core for a big vault.
    reused: dict[str, Findings] = {}
    for note in notes:
        reused[note.path] = {}
        for scope in scopes:
            previous = memo.reuse(note.path, scope) if memo is not None and scope != "vault" else None
            if previous is not None:
                reused[note.path][scope] = previous

    def check(note: Note) -> Findings:
        skip = ignored[note]
        done = reused[note.path]
        return {
            scope: list(_check(note, checks, suppressed, skip)) for scope, checks in scopes.items() if scope not in done
        }

    # VG007 reads which suppressions the other rules used: they must run in this process.
    checked = {n.path: check(n) for n in notes} if unused is not None else check_notes(notes, check)
    found: list[Diagnostic] = []
    for note in notes:
        for scope in scopes:
            diagnostics = reused[note.path].get(scope)
            if diagnostics is None:
                diagnostics = checked[note.path][scope]
                if memo is not None and scope != "vault":
                    memo.keep(note.path, scope, diagnostics)
            found.extend(diagnostics)
    for rule in rules:
        if rule.check_vault is not None:
            severity = config.severity.get(rule.code, rule.severity)
            for finding in rule.check_vault(vault, RuleContext(vault, options_of(config, rule.code))):
                path = finding.path or ""
                owner = vault.notes.get(path)
                if (paths is not None and path not in paths) or path in vault.templates:
                    continue
                if owner is not None and (
                    rule.code in ignored[owner] or suppressed[owner].suppresses(rule.code, finding.line)
                ):
                    continue
                found.append(_diagnostic(rule, path, finding, severity))
    if unused is not None:
        found.extend(_unused_suppressions(unused, rules, notes, suppressed, ignored, config))
    found.sort(key=Diagnostic.sort_key)
    vault.derived.clear()  # what the rules worked out is not needed after them (10k notes: 6 MB)
    return found


class _PerNote(Generic[T]):
    """A note's suppression table or ignored codes, worked out the first time it is asked for."""

    def __init__(self, compute: Callable[[Note], T]):
        self.compute = compute
        self.values: dict[str, T] = {}

    def __getitem__(self, note: Note) -> T:
        if note.path not in self.values:
            self.values[note.path] = self.compute(note)
        return self.values[note.path]


def _check(
    note: Note, checks: list[tuple[Rule, RuleContext, str]], suppressed: _PerNote[Suppressions], skip: set[str]
) -> Iterator[Diagnostic]:
    """The findings of `checks` on `note`, but those of the rules in `skip` (per-file ignores) or suppressed."""
    readable = note.readable
    for rule, ctx, severity in checks:
        if rule.code in skip or (not readable and not _reports_a_problem(rule.code, note)):
            continue
        for finding in rule.check(note, ctx):  # type: ignore[misc]
            if not suppressed[note].suppresses(rule.code, finding.line):
                yield _diagnostic(rule, note.path, finding, severity)


def _reports_a_problem(code: str, note: Note) -> bool:
    """Of a note with no text, only what reading it found is checked (VG001, VG003)."""
    return any(problem.code == code for problem in note.problems)


def _unused_suppressions(
    rule: Rule,
    rules: list[Rule],
    notes: list[Note],
    suppressed: _PerNote[Suppressions],
    ignored: _PerNote[set[str]],
    config: Config,
) -> Iterator[Diagnostic]:
    """VG007 judges the directives' `used` flags, so it runs after every other rule has reported."""
    severity = config.severity.get(rule.code, rule.severity)
    ran = {r.code for r in rules} - {rule.code}
    for note in notes:
        if rule.code in ignored[note] or not note.readable:
            continue
        table = suppressed[note]
        for directive, finding in list(unused_suppressions(table, ran - ignored[note])):
            others = Suppressions([d for d in table.directives if d is not directive])  # none silences itself
            if not others.suppresses(rule.code, finding.line):
                yield _diagnostic(rule, note.path, finding, severity)


def _per_file_ignores(path: str, config: Config) -> set[str]:
    codes: set[str] = set()
    for pattern, selectors in config.per_file_ignores.items():
        if fnmatch.fnmatchcase(path, pattern):
            codes |= {r.code for r in expand_selectors(selectors)}
    return codes
