"""A bullet or numbered item with no content at all (`- `, `1.`).

Why: left over from writing; it renders as an empty bullet, and in a retrospective usually marks a
thought that was never written down. The fix deletes the line.

Fails:
    ## miscellaneous
    - algorithm study 졸업 여부
    -
Passes:
    ## miscellaneous
    - algorithm study 졸업 여부
"""

from __future__ import annotations

from collections.abc import Iterator

from vaultgraph.lint.rule import Finding, RuleContext
from vaultgraph.lint.rules._text import raw_lines
from vaultgraph.model import Edit, Note

CODE = "VG301"
NAME = "empty-list-item"
SEVERITY = "warning"
SCOPE = "note"
FIX = "safe"


def _delete_line(lines: tuple[str, ...], line: int) -> Edit:
    if line < len(lines):  # the line and its line end
        return Edit(line, 1, line + 1, 1, "")
    if line > 1:  # the last line has no line end: take the previous line's instead
        return Edit(line - 1, len(lines[line - 2]) + 1, line, len(lines[line - 1]) + 1, "")
    return Edit(line, 1, line, len(lines[0]) + 1, "")


def check(note: Note, ctx: RuleContext) -> Iterator[Finding]:
    for item in note.list_items:
        if item.empty:
            fix = _delete_line(raw_lines(note), item.line)
            yield Finding(item.line, item.column, "empty list item", item.line, item.marker_end, (fix,))
