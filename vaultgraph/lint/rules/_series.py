"""Shared by the weekly-series rules (VG501, VG502): numbered notes grouped by series and week."""

from __future__ import annotations

from collections import defaultdict

from vaultgraph.model import Note, Vault


def series_weeks(vault: Vault) -> dict[str, dict[int, list[Note]]]:
    """Series name -> week number -> the notes claiming it, sorted by path. Notes whose week comes only
    from a date (an ISO week, not a number in a series) are not part of a series."""
    table: dict[str, dict[int, list[Note]]] = defaultdict(lambda: defaultdict(list))
    for path in sorted(vault.notes):
        note = vault.notes[path]
        if note.readable and note.week is not None and note.week.week is not None:
            table[note.week.series or "notes"][note.week.week].append(note)
    return table
