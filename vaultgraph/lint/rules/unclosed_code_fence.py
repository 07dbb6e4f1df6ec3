"""A fenced code block (```` ``` ```` or `~~~`) that is never closed.

Why: everything after the opening fence, to the end of the note, renders as code: the headings,
links and bullets below it disappear, and vaultgraph sees no links or concepts there either.

Fails:
    ```python
    loss.backward()
    ## 느낀 점
Passes:
    ```python
    loss.backward()
    ```
    ## 느낀 점
"""

from __future__ import annotations

from collections.abc import Iterator

from vaultgraph.lint.rule import Finding, RuleContext
from vaultgraph.lint.rules._text import raw_line
from vaultgraph.model import Note

CODE = "VG304"
NAME = "unclosed-code-fence"
SEVERITY = "error"
SCOPE = "note"


def check(note: Note, ctx: RuleContext) -> Iterator[Finding]:
    for fence in note.fences:
        if fence.kind == "code" and not fence.closed:
            text = raw_line(note, fence.line)
            column = len(text) - len(text.lstrip(" \t>")) + 1
            yield Finding(
                fence.line,
                column,
                "code fence is never closed: the rest of the note renders as code",
                fence.line,
                len(text) + 1,
            )
