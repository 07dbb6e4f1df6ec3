"""A link with nothing to point at: `[[]]`, `![[]]`, `[text]()`.

Why: usually a placeholder left while writing; it renders as a dead link.

Fails: `자세한 건 [[]] 참고`.
Passes: `자세한 건 [[Attention]] 참고`.
"""

from collections.abc import Iterator

from vaultgraph.lint.rule import Finding, RuleContext
from vaultgraph.model import Note

CODE = "VG106"
NAME = "empty-link"
SEVERITY = "warning"
SCOPE = "note"


def check(note: Note, ctx: RuleContext) -> Iterator[Finding]:
    for link in note.links:
        if link.is_empty:
            yield Finding.at(link.span, f"empty link `{link.raw}`")
