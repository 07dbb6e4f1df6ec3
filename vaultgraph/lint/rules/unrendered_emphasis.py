"""`**bold**` that CommonMark leaves as literal asterisks, common when a Korean particle follows.

CommonMark's flanking rules: a closing `**` right after punctuation (`)`, `.`, `"`) must be
followed by a space or punctuation. In `**용어(term)**를` the `**` sits between `)` and `를`, so it
closes nothing and the reader sees the asterisks. `**강조**는` is fine: `조` is not punctuation.

Detected after parsing, not by a regex over the source: a block whose prose still holds two or
more literal `**` (delimiters the parser did not turn into bold) is reported at the first one.
A lone `**` (`2**3`) and escaped `\\*\\*` are left alone, and so is code.

Fails:
    - **가중치 감쇠(weight decay)**를 적용하니 과적합이 줄었다
Passes:
    - **가중치 감쇠(weight decay)** 를 적용하니 과적합이 줄었다
    - <b>가중치 감쇠(weight decay)</b>를 적용하니 과적합이 줄었다
    - **가중치 감쇠**를 적용하니 과적합이 줄었다
"""

from __future__ import annotations

from collections.abc import Iterator

from vaultgraph.lint.rule import Finding, RuleContext
from vaultgraph.lint.rules._text import raw_line
from vaultgraph.model import Note, Segment

CODE = "VG306"
NAME = "unrendered-emphasis"
SEVERITY = "warning"
SCOPE = "note"

_PROSE = frozenset({"text", "strong", "emphasis", "mark", "heading"})


def _literal_runs(note: Note, block: list[Segment]) -> list[tuple[int, int]]:
    """(line, column) of each `**` left as text in one block (its segments that hold one), located in the raw line."""
    runs: list[tuple[int, int]] = []
    searched: dict[int, int] = {}
    for segment in block:
        text = raw_line(note, segment.line)
        start = text.find(segment.text, searched.get(segment.line, 0))
        if start < 0:  # escapes or entities: the source is not the literal text, so not an unrendered `**`
            continue
        searched[segment.line] = start + len(segment.text)
        offset = segment.text.find("**")
        while offset >= 0:
            runs.append((segment.line, start + offset + 1))
            offset = segment.text.find("**", offset + 2)
    return runs


def check(note: Note, ctx: RuleContext) -> Iterator[Finding]:
    blocks: dict[int, list[Segment]] = {}
    for segment in note.segments:
        if "**" in segment.text and segment.kind in _PROSE:  # only these hold runs
            blocks.setdefault(segment.block, []).append(segment)
    for block in blocks.values():
        runs = _literal_runs(note, block)
        if len(runs) >= 2:
            line, column = runs[0]
            yield Finding(
                line,
                column,
                "`**` is shown as literal asterisks, not bold: CommonMark does not close "
                "`**` between punctuation and a letter; add a space after it or use <b>…</b>",
                line,
                column + 2,
            )
