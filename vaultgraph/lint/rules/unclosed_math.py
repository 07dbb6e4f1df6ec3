"""A `$$` display-math block that is opened but never closed.

Why: Obsidian and MathJax then show the raw `$$` and the TeX source as text, or swallow the text
after it into the formula. Single `$` are not checked: they are as often prices as math.

Fails:
    $$
    D_{KL}(P \\| Q) = \\sum_x P(x) \\log \\frac{P(x)}{Q(x)}
    ## 정리
Passes:
    $$
    D_{KL}(P \\| Q) = \\sum_x P(x) \\log \\frac{P(x)}{Q(x)}
    $$
"""

from __future__ import annotations

from collections.abc import Iterator

from vaultgraph.lint.rule import Finding, RuleContext
from vaultgraph.lint.rules._text import raw_line
from vaultgraph.model import Note

CODE = "VG305"
NAME = "unclosed-math"
SEVERITY = "warning"
SCOPE = "note"


def check(note: Note, ctx: RuleContext) -> Iterator[Finding]:
    seen: set[int] = set()
    for fence in note.fences:
        if fence.kind == "math" and not fence.closed and fence.line not in seen:
            seen.add(fence.line)
            column = raw_line(note, fence.line).find("$$") + 1
            yield Finding(
                fence.line,
                max(column, 1),
                "`$$` math block is never closed",
                fence.line,
                column + 2 if column > 0 else 1,
            )
