"""A suppression comment that suppressed nothing (off by default; ruff's RUF100).

Only directives whose rules actually ran on the note are judged: a `vaultgraph-disable VG401`
while VG401 is not selected (or is in the file's `per-file-ignores`) is not reported, since another
configuration may need it. A directive naming several codes is reported only when none of them
suppressed anything.

Why: the problem it silenced was fixed long ago, and a stale suppression would hide the next one.

Fails:
    <!-- vaultgraph-disable-next-line VG301 -->
    - algorithm study 졸업 여부
Passes:
    <!-- vaultgraph-disable-next-line VG301 -->
    -
"""

from __future__ import annotations

from collections.abc import Iterator, Set

from vaultgraph.lint.directives import Directive, Suppressions
from vaultgraph.lint.rule import Finding

CODE = "VG007"
NAME = "unused-suppression"
SEVERITY = "info"
ENABLED = False


def _shown(directive: Directive) -> str:
    codes = f" {' '.join(sorted(directive.codes))}" if directive.codes is not None else ""
    if directive.kind == "front-matter":
        return f"front matter `vaultgraph-disable:{codes}`"
    return f"`vaultgraph-{directive.kind}{codes}`"


def unused_suppressions(table: Suppressions, ran: Set[str]) -> Iterator[tuple[Directive, Finding]]:
    """Called by the engine after every other rule ran (`ran`: the codes checked on this note); yields each
    unused directive with its finding, so the engine can keep a directive from silencing its own report."""
    for directive in table.directives:
        if not directive.used and ran and (directive.codes is None or directive.codes & ran):
            yield directive, Finding(directive.line, 1, f"{_shown(directive)} suppressed nothing")
