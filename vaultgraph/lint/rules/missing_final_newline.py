"""The file does not end with a line end.

Why: POSIX tools (`cat`, `wc -l`, `git diff`'s "\\ No newline at end of file") treat the last line
as incomplete, and appending to the note glues text onto its last line. The fix adds the note's
own line end (LF or CRLF, whichever the file uses).

Fails: a note whose last bytes are `- 다음 주엔 ray tune 정리` with no line end.
Passes: the same note ending in `- 다음 주엔 ray tune 정리\\n`.
"""

from __future__ import annotations

from collections.abc import Iterator

from vaultgraph.lint.rule import Finding, RuleContext
from vaultgraph.lint.rules._text import raw_lines
from vaultgraph.model import Edit, Note

CODE = "VG307"
NAME = "missing-final-newline"
SEVERITY = "info"
SCOPE = "note"
FIX = "safe"


def check(note: Note, ctx: RuleContext) -> Iterator[Finding]:
    if not note.text or note.text.endswith(("\n", "\r")):
        return
    lines = raw_lines(note)
    line, column = len(lines), len(lines[-1]) + 1
    yield Finding(
        line,
        column,
        "no line end at the end of the file",
        line,
        column,
        (Edit(line, column, line, column, note.newline),),
    )
