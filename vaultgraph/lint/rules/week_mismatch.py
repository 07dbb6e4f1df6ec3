"""A note states two different weeks: its title, file name, permalink, first heading or prose disagree.

The week a note states comes from, best first: front matter `week`, the title, the file name, the
`permalink`, a folder named as a week (`week3/회고.md`), the first heading; its prose may say which week it is too ("이번 3주차는…",
"this is week 3"; a week named in passing, "2주차에 배운 hook", is another week's). vaultgraph files
the note under the first of them; when another one says a different week, one of them is a typo
or a leftover of the note it was copied from, and the note may sit in the wrong week. Reported
once per note, at the first signal that disagrees.

Why: real posts are copied from last week's: a week-4 post whose body still says "이번 3주차",
`week3.md` titled `4주차 회고`. Silently trusting one of them hides the mistake.

Fails (as `_posts/2022-10-17-Boostcamp-4weeks.md`):
    ---
    title: "[Boostcamp AI Tech] 4주차 회고"
    ---
    이번 3주차에는 CV 이론 강의를 들었음.
Passes:
    ---
    title: "[Boostcamp AI Tech] 4주차 회고"
    ---
    이번 4주차에는 CV 이론 강의를 들었음. 2주차에 배운 hook이 다시 나왔다.
"""

from __future__ import annotations

from collections.abc import Iterator

from vaultgraph.lint.rule import Finding, RuleContext
from vaultgraph.lint.rules._text import front_matter_line
from vaultgraph.model import Note
from vaultgraph.parse.note_week import body_weeks, week_signals

CODE = "VG504"
NAME = "week-mismatch"
SEVERITY = "warning"
SCOPE = "note"

_NAMES = {
    "front-matter": "front matter `week`",
    "title": "title",
    "filename": "file name",
    "permalink": "permalink",
    "folder": "folder",
    "heading": "first heading",
    "body": "text",
}


def _signals(note: Note) -> list[tuple[str, int, int]]:
    """(source, week, line) of every week the note states, best source first, its prose last."""
    heading = note.headings[0] if note.headings else None
    titled = "title" in note.front_matter
    lines: dict[str, int] = {
        "front-matter": front_matter_line(note, "week"),
        "title": front_matter_line(note, "title") if titled else heading.line if heading else 1,
        "filename": 1,
        "permalink": front_matter_line(note, "permalink"),
        "folder": 1,
        "heading": heading.line if heading else 1,
    }
    found: list[tuple[str, int, int]] = [
        (source, week, lines[source])
        for source, week in week_signals(note.path, note.title, note.front_matter, heading.text if heading else None)
    ]
    for segment in note.segments:
        if segment.kind != "heading":
            said = body_weeks(segment.text)
            if said:
                found.append(("body", said[0][0], segment.line))
                break
    return found


def check(note: Note, ctx: RuleContext) -> Iterator[Finding]:
    signals = _signals(note)
    if not signals:
        return
    source, week, _ = signals[0]
    agree = [_NAMES[s] for s, w, _ in signals[1:] if w == week]
    for other, other_week, line in signals[1:]:
        if other_week != week:
            also = f" ({', '.join(agree)} too)" if agree else ""
            yield Finding(
                line,
                1,
                f"the {_NAMES[other]} says week {other_week}, but the {_NAMES[source]} says week {week}{also}",
            )
            return
