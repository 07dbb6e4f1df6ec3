"""A heading more than one level deeper than the heading before it (`#` then `###`).

Why: the outline skips a level, so the table of contents, Obsidian's outline pane and screen
readers show a hole; usually a `##` was meant. The first heading of a note may have any level
(Jekyll posts often start at `##` under the layout's title).

Fails:
    # Batch Normalization
    ### 왜 쓰는가
Passes:
    # Batch Normalization
    ## 왜 쓰는가
    ### internal covariate shift
    ## 참고
"""

from __future__ import annotations

from collections.abc import Iterator

from vaultgraph.lint.rule import Finding, RuleContext
from vaultgraph.model import Note

CODE = "VG302"
NAME = "heading-increment"
SEVERITY = "warning"
SCOPE = "note"


def check(note: Note, ctx: RuleContext) -> Iterator[Finding]:
    previous = None
    for heading in note.headings:
        if previous is not None and heading.level > previous.level + 1:
            yield Finding(
                heading.line,
                1,
                f"heading level {heading.level} after level {previous.level} "
                f"(line {previous.line}); expected level {previous.level + 1} or less",
            )
        previous = heading
