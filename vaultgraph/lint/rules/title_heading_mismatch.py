"""The front matter `title` and the note's first `# H1` heading say different things.

Why: Jekyll shows `title` in lists and the tab, the page shows the H1, and vaultgraph takes the
note's title from front matter; when one was edited and the other not, readers see two names for
one note. Compared after folding case and runs of whitespace; notes with only one of the two pass.

Fails:
    ---
    title: boostcamp ai tech 5기 2주차 회고
    ---
    # boostcourse ai tech 5기 2주차 회고
Passes:
    ---
    title: boostcamp ai tech 5기 2주차 회고
    ---
    # Boostcamp AI Tech 5기  2주차 회고
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator

from vaultgraph.lint.rule import Finding, RuleContext
from vaultgraph.model import Note

CODE = "VG205"
NAME = "title-heading-mismatch"
SEVERITY = "warning"
SCOPE = "note"


def _key(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


def check(note: Note, ctx: RuleContext) -> Iterator[Finding]:
    title = note.front_matter.get("title")
    heading = next((h for h in note.headings if h.level == 1), None)
    if heading is None or not isinstance(title, (str, int, float)) or isinstance(title, bool) or not str(title).strip():
        return
    if _key(str(title)) != _key(heading.text):
        yield Finding(
            heading.line,
            1,
            f"first heading `{heading.text.strip()}` differs from the front matter title `{str(title).strip()}`",
        )
