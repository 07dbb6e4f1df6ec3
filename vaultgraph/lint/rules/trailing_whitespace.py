"""Spaces or tabs at the end of a line.

Why: invisible noise that shows up in every diff and that editors strip on save, so a one-word
edit becomes a whole-paragraph change. The fix deletes the trailing whitespace.

Not flagged:
- a Markdown hard break: two or more spaces (no tab) after text, when the next line continues the
  same paragraph or item (the next line is not blank, a heading or a new list item);
- lines inside code blocks, fenced or indented, and `$$` math blocks, where whitespace may be content;
- an empty list item (`- `): VG301 reports it, and its fix deletes the whole line;
- the front matter: YAML keeps trailing spaces in a block scalar (`|`) and TOML in a multi-line
  string as part of the value, so deleting them is not always safe. Lines that are only whitespace
  are flagged.

Fails (`·` is a space):
    - pytorch의 gather, scatter 정리··
    <blank line>
Passes:
    pytorch의 gather, scatter 정리··
    hook도 같이 봄
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from vaultgraph.lint.rule import Finding, RuleContext
from vaultgraph.lint.rules._text import raw_lines
from vaultgraph.model import Edit, Note

CODE = "VG303"
NAME = "trailing-whitespace"
SEVERITY = "info"
SCOPE = "note"
FIX = "safe"

# A next line that starts a new block, so two spaces before it are not a hard break.
_NEW_BLOCK = re.compile(r"[ \t>]*(?:[-*+][ \t]|[0-9]{1,9}[.)][ \t]|#{1,6}(?:[ \t]|$)|```|~~~|\$\$)")


def _skipped_lines(note: Note) -> set[int]:
    skipped: set[int] = set()
    if note.front_matter_span is not None:
        skipped.update(range(note.front_matter_span[0], note.front_matter_span[1] + 1))
    skipped.update(item.line for item in note.list_items if item.empty)
    for fence in note.fences:
        # An unpaired inline `$$` is recorded as a one-line math fence, but it is prose.
        if fence.kind == "indented" or fence.end_line > fence.line:
            skipped.update(range(fence.line, fence.end_line + 1))
    return skipped


def _hard_break(text: str, following: str | None, headings: set[int], line: int) -> bool:
    trailing = text[len(text.rstrip(" \t")) :]
    return (
        len(trailing) >= 2
        and "\t" not in trailing
        and bool(text.strip())
        and line not in headings
        and following is not None
        and bool(following.strip())
        and not _NEW_BLOCK.match(following)
    )


def check(note: Note, ctx: RuleContext) -> Iterator[Finding]:
    lines = raw_lines(note)
    skipped = _skipped_lines(note)
    headings = {h.line for h in note.headings}
    for index, text in enumerate(lines):
        line = index + 1
        stripped = text.rstrip(" \t")
        if stripped == text or line in skipped:
            continue
        following = lines[index + 1] if index + 1 < len(lines) else None
        if _hard_break(text, following, headings, line):
            continue
        start, end = len(stripped) + 1, len(text) + 1
        yield Finding(line, start, "trailing whitespace", line, end, (Edit(line, start, line, end, ""),))
