"""Ordering and naming week keys (`SERIES/N`, `YYYY-Www`) for the graph and the map: by key alone
(`week_sort_key`), or by when the notes were written (`date_order`)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable
from functools import lru_cache

from vaultgraph.model import Note


@lru_cache(maxsize=4096)  # a vault has few weeks, sorted again for every one of its nodes
def week_sort_key(key: str) -> tuple[int, str, int]:
    """Series weeks by series then number (`b/2` before `b/10`); ISO weeks after them, by date."""
    series, _, number = key.rpartition("/")
    if series and number.isdigit():
        return (0, series, int(number))
    return (1, key, 0)


def week_label(key: str) -> str:
    """`boostcamp/2` -> `boostcamp week 2`; an ISO week stays as it is."""
    series, _, number = key.rpartition("/")
    return f"{series} week {number}" if series and number.isdigit() else key


def date_order(notes: Iterable[Note]) -> Callable[[str], tuple[int, dt.date, tuple[int, str, int]]]:
    """A sort key for week keys by when their notes were written, so that series and calendar weeks
    interleave as they happened (`boostcamp/1` in 2022-W38 comes after `2022-W11`).

    A week's date is the earliest date of its notes. Along a numbered series dates only grow (a
    retrospective written late does not move its week after the next one), and a week without
    dated notes takes the date of the week before it in the series. Weeks with no date at all come
    last, in `week_sort_key` order; so do keys no note has.
    """
    first: dict[str, dt.date] = {}
    numbered: dict[str, set[int]] = defaultdict(set)
    for note in notes:
        if note.week is None or not note.week.key:
            continue
        key = note.week.key
        if note.week.week is not None:
            numbered[note.week.series or "notes"].add(note.week.week)
        if note.date is not None:
            first[key] = min(first.get(key, note.date), note.date)
    dated = dict(first)
    for series, weeks in numbered.items():
        keys = [f"{series}/{n}" for n in sorted(weeks)]
        known = [first[k] for k in keys if k in first]
        carried = known[0] if known else None
        for key in keys:
            if key in first and carried is not None:
                carried = max(carried, first[key])
            if carried is not None:
                dated[key] = carried

    def sort_key(key: str) -> tuple[int, dt.date, tuple[int, str, int]]:
        date = dated.get(key)
        return (0, date, week_sort_key(key)) if date is not None else (1, dt.date.max, week_sort_key(key))

    return sort_key
