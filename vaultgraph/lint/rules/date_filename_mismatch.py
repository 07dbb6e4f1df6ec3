"""The date in a Jekyll-style file name (`YYYY-MM-DD-title.md`, `YYYY-MM-DD.md`) differs from `date`.

Why: Jekyll takes the post's URL from the file name but sorts and shows the front matter `date`, so
the two drift apart when a post is copied or renamed; and vaultgraph puts the note in the ISO week of
`date`. The front matter date is read as written (`2022-10-14 23:30:00 +0900` is the 14th).

Fails (as `_posts/2023-02-24-boostcamp-week8.md`):
    ---
    date: 2023-02-17
    ---
Passes:
    ---
    date: 2023-02-24 18:00:00 +0900
    ---
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from vaultgraph.lint.rule import Finding, RuleContext
from vaultgraph.lint.rules._text import front_matter_line
from vaultgraph.model import Note
from vaultgraph.parse.note_week import note_date

CODE = "VG204"
NAME = "date-filename-mismatch"
SEVERITY = "warning"
SCOPE = "note"

_DATE_NAME = re.compile(r"([0-9]{4}-[0-9]{2}-[0-9]{2})(?:-|$)")


def check(note: Note, ctx: RuleContext) -> Iterator[Finding]:
    match = _DATE_NAME.match(note.stem)
    if match is None or note.front_matter.get("date") is None:
        return
    from_name = note_date(note.stem + ".md", {})
    from_front = note_date("", {"date": note.front_matter["date"]})
    if from_name is not None and from_front is not None and from_name != from_front:
        yield Finding(
            front_matter_line(note, "date"),
            1,
            f"front matter date {from_front.isoformat()} does not match the file name's {from_name.isoformat()}",
        )
