"""A merge conflict left in the note: `<<<<<<<`, `=======` and `>>>>>>>` lines from git.

Why: a notes repository pulled from two machines, or a blog edited on GitHub and locally, ends up
with both versions of a passage and git's markers between them. Markdown renders `>>>>>>> a1b2c3d`
as seven nested quotes and `=======` as a heading underline, so the page looks almost right and the
conflict is easy to publish (pre-commit's `check-merge-conflict` catches the same). vaultgraph would
also read the commit hash as prose. Only `<<<<<<< ` and `>>>>>>> ` lines and a `=======` between them
are reported, each outside code blocks: a note about git may show a conflict in a fence.

Fails:
    <<<<<<< HEAD
    - 3주차: DETR 정리
    =======
    - 3주차: DETR 논문 리뷰
    >>>>>>> 07044db
Passes:
    - 3주차: DETR 논문 리뷰
"""

from __future__ import annotations

from collections.abc import Iterator

from vaultgraph.lint.rule import Finding, RuleContext
from vaultgraph.lint.rules._text import raw_line
from vaultgraph.model import Note
from vaultgraph.parse.lines import conflict_markers

CODE = "VG308"
NAME = "merge-conflict-marker"
SEVERITY = "error"
SCOPE = "note"


def check(note: Note, ctx: RuleContext) -> Iterator[Finding]:
    markers = conflict_markers(note.text)
    if not markers:
        return
    in_code = {line for fence in note.fences if fence.kind != "math" for line in range(fence.line, fence.end_line + 1)}
    for number in markers:
        if number in in_code:
            continue
        text = raw_line(note, number)
        yield Finding(
            number,
            1,
            f"merge conflict marker `{text[0] * 7}` left by git: keep one version and delete the markers",
            number,
            len(text) + 1,
        )
