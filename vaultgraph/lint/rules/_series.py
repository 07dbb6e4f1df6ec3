"""Shared by the weekly-series rules (VG501, VG502): the notes of each series' numbered weeks.

They read the weeks `series.assign` gave the notes when the vault was loaded, the same weeks the
timeline and the report show: day notes and side posts are in the week of their series.
"""

from __future__ import annotations

import re
from collections import defaultdict

from vaultgraph.model import Note, Vault

# Words that make a note the week's own retrospective rather than a post about one event of it
# (`3주차 마스터클래스 후기`): in its title, tags or categories.
_RETROSPECTIVE = re.compile(r"회고|학습\s*정리|주간|\b(?:retro|retrospective|weekly|kpt|wil)\b", re.I)


def series_weeks(vault: Vault) -> dict[str, dict[int, list[Note]]]:
    """Series name -> week number -> every note in it, sorted by path. Notes whose week comes only
    from a date (an ISO week, not a number in a series) are not part of a series."""
    table: dict[str, dict[int, list[Note]]] = defaultdict(lambda: defaultdict(list))
    for path in sorted(vault.notes):
        note = vault.notes[path]
        if note.readable and note.week is not None and note.week.week is not None:
            table[note.week.series or "notes"][note.week.week].append(note)
    return table


def _words(value: object) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, (list, tuple)):
        return " ".join(_words(item) for item in value)
    return ""


def retrospective(note: Note) -> bool:
    """Whether the note presents itself as a week's retrospective (title, tags or categories say so)."""
    front = note.front_matter
    text = " ".join(
        (note.title, _words(front.get("tags")), _words(front.get("categories")), _words(front.get("category")))
    )
    return bool(_RETROSPECTIVE.search(text) or any(_RETROSPECTIVE.search(tag.name) for tag in note.tags))


def weekly_notes(vault: Vault) -> dict[str, dict[int, list[Note]]]:
    """Like `series_weeks`, but only the notes that claim their week as its weekly note: they state
    the week themselves and are not day notes; when some of a week's claims look like
    retrospectives (`retrospective`), the others are that week's side posts and are left out."""
    table: dict[str, dict[int, list[Note]]] = defaultdict(dict)
    for series, weeks in series_weeks(vault).items():
        for week, notes in weeks.items():
            claims = [n for n in notes if n.week is not None and n.week.stated and n.week.day is None]
            if len(claims) > 1:
                claims = [n for n in claims if retrospective(n)] or claims
            if claims:
                table[series][week] = claims
    return table
