"""`LintReport`: what a lint run found, as `vaultgraph.lint()` returns it and the output formats read it."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING

from vaultgraph.lint.rule import Rule
from vaultgraph.model import SEVERITIES, Diagnostic

if TYPE_CHECKING:
    from vaultgraph.lint.fix import FixResult


@dataclass(frozen=True, slots=True)
class LintReport:
    root: str
    """The vault path as the user gave it."""
    files: int
    diagnostics: list[Diagnostic]
    color: bool = False
    paths: tuple[str, ...] = ()
    """Every linted note (vault-relative): JUnit lists passing files too."""
    rules: tuple[Rule, ...] = ()
    """The rules that ran: SARIF describes them in `tool.driver.rules`."""
    fixes: FixResult | None = None
    """What `--fix` changed (None when it was not asked for)."""
    prefix: str = ""
    """Prepended to `Diagnostic.path` by the CI formats (github, sarif, junit) so that a path is relative
    to the folder the linter ran in (the repository root in CI), e.g. `notes/`; absolute when the vault
    is outside it. text and json keep paths relative to PATH, as the contract says."""

    def location(self, path: str) -> str:
        return self.prefix + path


def summary(diagnostics: list[Diagnostic]) -> dict[str, int]:
    counts = Counter(d.severity for d in diagnostics)
    return {severity: counts.get(severity, 0) for severity in SEVERITIES}
