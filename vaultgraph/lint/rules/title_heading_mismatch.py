"""The front matter `title` and the note's first `# H1` heading say different things.

Why: Jekyll shows `title` in lists and the tab, the page shows the H1, and vaultgraph takes the
note's title from front matter; when one was edited and the other not, readers see two names for
one note. Compared after folding case and runs of whitespace; notes with only one of the two pass,
and so does a note whose first H1 is a table of contents (`# INDEX`, `# 목차`, `# Contents`,
`# Table of Contents`, `# TOC`, `# 차례`), which some Jekyll themes and bloggers put first.

Off by default: on blogs the two are often different on purpose (a short listing title such as
`[Boostcamp AI Tech] 1주차 회고` over a fuller page heading `부스트캠프 AI Tech 4기 1주차 회고`). In
the three labelled real-blog vaults (`benchmarks/vaults/`), 4 of the 6 posts with both differ and
none of the 4 by mistake; turn it on (`extend-select = ["VG205"]`) to keep the two in step.

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

import re
import unicodedata
from collections.abc import Iterator

from vaultgraph.lint.rule import Finding, RuleContext
from vaultgraph.model import Note

CODE = "VG205"
NAME = "title-heading-mismatch"
SEVERITY = "warning"
SCOPE = "note"
ENABLED = False

TABLE_OF_CONTENTS = frozenset({"index", "contents", "table of contents", "toc", "목차", "차례", "인덱스"})
_NOT_A_WORD = re.compile(r"[\W_]+")


def _key(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


def _is_table_of_contents(text: str) -> bool:
    """`INDEX`, `📑 목차`, `Table of Contents:`: emoji, punctuation and case aside."""
    return _NOT_A_WORD.sub(" ", _key(text)).strip() in TABLE_OF_CONTENTS


def check(note: Note, ctx: RuleContext) -> Iterator[Finding]:
    title = note.front_matter.get("title")
    heading = next((h for h in note.headings if h.level == 1), None)
    if heading is None or not isinstance(title, (str, int, float)) or isinstance(title, bool) or not str(title).strip():
        return
    if _is_table_of_contents(heading.text):
        return
    if _key(str(title)) != _key(heading.text):
        yield Finding(
            heading.line,
            1,
            f"first heading `{heading.text.strip()}` differs from the front matter title `{str(title).strip()}`",
        )
