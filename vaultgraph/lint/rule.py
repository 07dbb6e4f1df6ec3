"""What a rule module is to the engine: `Rule` (its metadata) and `Finding` (what `check` yields)."""

from __future__ import annotations

import inspect
import pkgutil
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib import import_module
from types import ModuleType
from typing import TYPE_CHECKING, Any, Literal

from vaultgraph.construct import constructor
from vaultgraph.model import Edit, Note, Severity, Span

if TYPE_CHECKING:
    from vaultgraph.model import Vault


@dataclass(frozen=True, slots=True)
class Finding:
    """A problem a rule found, before the engine adds path, code, name and severity."""

    line: int
    column: int
    message: str
    end_line: int | None = None
    end_column: int | None = None
    edits: tuple[Edit, ...] = ()
    path: str | None = None
    """Only for vault-wide rules: the note the finding belongs to."""

    @classmethod
    def at(cls, span: Span, message: str, edits: tuple[Edit, ...] = ()) -> Finding:
        return _new_finding(span.line, span.column, message, span.end_line, span.end_column, edits, None)


_new_finding = constructor(Finding)  # a link rule on a 50 MB note makes 250k findings


@dataclass(frozen=True, slots=True)
class RuleContext:
    vault: Vault
    options: Mapping[str, Any] = field(default_factory=dict)


NoteCheck = Callable[[Note, RuleContext], Iterable[Finding]]
Scope = Literal["note", "links", "vault"]
"""What a rule's `check` reads besides its options, which decides when its findings may be reused:
`note` only the note (its context has no vault); `links` also how the note's links resolve and
the target notes' headings and block ids; `vault` anything (the default: never reused)."""
VaultCheck = Callable[["Vault", RuleContext], Iterable[Finding]]


@dataclass(frozen=True, slots=True)
class Rule:
    code: str
    name: str
    severity: Severity
    enabled: bool
    fix: str | None
    options: Mapping[str, Any]
    doc: str
    check: NoteCheck | None
    check_vault: VaultCheck | None
    scope: Scope = "vault"
    validate_options: Callable[[dict[str, Any], str], dict[str, Any]] | None = None
    """Checks option values the defaults' shapes cannot judge (a regex, a type name); raises ConfigError."""

    @property
    def summary(self) -> str:
        return self.doc.strip().splitlines()[0] if self.doc.strip() else self.name

    @classmethod
    def from_module(cls, module: ModuleType) -> Rule:
        return cls(
            code=module.CODE,
            name=module.NAME,
            severity=module.SEVERITY,
            enabled=getattr(module, "ENABLED", True),
            fix=getattr(module, "FIX", None),
            options=getattr(module, "OPTIONS", {}),
            doc=inspect.cleandoc(module.__doc__ or ""),
            check=getattr(module, "check", None),
            check_vault=getattr(module, "check_vault", None),
            scope=getattr(module, "SCOPE", "vault"),
            validate_options=getattr(module, "validate_options", None),
        )


@cache
def all_rules() -> tuple[Rule, ...]:
    """Every rule module under `vaultgraph.lint.rules`, sorted by code."""
    from vaultgraph.lint import rules as package

    found = [
        Rule.from_module(import_module(f"{package.__name__}.{info.name}"))
        for info in pkgutil.iter_modules(package.__path__)
        if not info.name.startswith("_")
    ]
    return tuple(sorted(found, key=lambda r: r.code))


def rules_by_key() -> dict[str, Rule]:
    """Rules by code and by name (`VG101`, `broken-link`)."""
    table: dict[str, Rule] = {}
    for rule in all_rules():
        table[rule.code] = rule
        table[rule.name] = rule
    return table


def expand_selectors(selectors: Iterable[str]) -> Iterator[Rule]:
    """Codes, code prefixes (`VG1`), rule names, or `ALL`, as ruff selects."""
    by_key = rules_by_key()
    for selector in selectors:
        selector = selector.strip()
        if selector.upper() == "ALL":
            yield from all_rules()
        elif selector in by_key:
            yield by_key[selector]
        else:
            yield from (r for r in all_rules() if r.code.startswith(selector.upper()))


def unknown_selectors(selectors: Iterable[str]) -> list[str]:
    return [s for s in selectors if s.strip() and not any(True for _ in expand_selectors([s]))]
