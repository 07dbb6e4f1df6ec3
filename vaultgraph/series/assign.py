"""Put day notes and side posts in the week of their series, as the author meant them.

A note states its own week or not (`parse.note_week`, per note and cached). Those that don't but
have a date, day notes above all (``2022-09-19-Boostcamp-1days.md``, ``Daily/2024-03-04.md``), and
side posts of the series (``[Boostcamp] 그라운드룰``), belong to the week that the series' weekly
notes close: days 1-5 are week 1 because the week-1 retrospective, written on Friday, closes them.
That needs every note of the vault, so it runs once the vault is loaded (`vault.load`), before
lint, concepts, the graph or the timeline read ``note.week``.

How a dated note without a week number is placed (`place`):

* Its series' *closings*: for each week the series' notes state (day notes aside), the latest
  moment among them (date, and time of day when the front matter has one: a week-4 note written
  on Monday morning closes before that Monday evening's day note). Closings that do not grow with
  the week number (a retrospective written a month late) are dropped, keeping the longest run
  that does (of those, the one closest to a week per week).
* The note goes to the first week whose closing is on or after it; between two closings more than
  one week apart, the span is cut into equal weeks (a week without a retrospective still gets its
  notes), unless they average more than two weeks each: in such a break only the notes within
  `WINDOW` of the next closing are placed. Before the first closing, only within `WINDOW` of it;
  after the last, within `WINDOW` it is the next week (the one being written). Anything else
  stays on the calendar (its ISO week).
* A day note of a series without closings (``Daily/`` beside ``회고/N주차 회고.md``) goes to the
  one series whose closings span its date (one `WINDOW` either side), with its number if it states
  one; when several do, it stays where it is.

Placed notes get ``source="assigned"`` and keep their ``iso_week`` and ``day``. With
``[weeks] daily = "own-series"`` day notes are left out of this and keep their ISO week.
Running it again on the same notes gives the same weeks.
"""

from __future__ import annotations

import datetime as dt
import math
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace
from itertools import pairwise

from vaultgraph.model import Note, WeekInfo
from vaultgraph.parse.note_week import note_moment

__all__ = ["WINDOW", "Closing", "assign_weeks", "closings", "place"]

WINDOW = dt.timedelta(days=7)
_WEEK = dt.timedelta(days=7)
_END_OF_DAY = dt.time(23, 59, 59)


@dataclass(frozen=True, slots=True, order=True)
class Closing:
    """The moment a series' week `week` was closed by its weekly note(s)."""

    moment: dt.datetime
    week: int


def _moment(note: Note, end_of_day: bool) -> dt.datetime:
    """When the note was written: its front matter time, else the start (or end) of its date."""
    assert note.date is not None
    timed = note_moment(note.front_matter, note.date)
    return timed or dt.datetime.combine(note.date, _END_OF_DAY if end_of_day else dt.time())


def _increasing(weeks: list[Closing]) -> list[Closing]:
    """The longest run of `weeks` (sorted by week) whose moments grow too; among equally long runs,
    the one whose weeks are closest to seven days apart (so the late retrospective is the one dropped)."""
    if all(a.moment < b.moment for a, b in pairwise(weeks)):
        return weeks  # the usual case, and a long series' quadratic search is not free
    # best[i]: (length, -irregularity in seconds, previous index) of the best run ending at weeks[i]
    best: list[tuple[int, float, int | None]] = []
    for i, closing in enumerate(weeks):
        choice: tuple[int, float, int | None] = (1, 0.0, None)
        for j in range(i):
            earlier = weeks[j]
            if earlier.moment < closing.moment:
                step = (closing.moment - earlier.moment) / (closing.week - earlier.week)
                candidate = (best[j][0] + 1, best[j][1] - abs((step - _WEEK).total_seconds()), j)
                choice = max(choice, candidate, key=lambda c: (c[0], c[1]))
        best.append(choice)
    run: list[Closing] = []
    at = max(range(len(weeks)), key=lambda i: (best[i][0], best[i][1]), default=None)
    while at is not None:
        run.append(weeks[at])
        at = best[at][2]
    return run[::-1]


def closings(notes: Iterable[Note]) -> dict[str, list[Closing]]:
    """Series -> its weeks' closings, in week order (see the module docstring)."""
    latest: dict[str, dict[int, dt.datetime]] = defaultdict(dict)
    for note in notes:
        info = note.week
        if info is None or not info.stated or info.day is not None or note.date is None or info.week is None:
            continue
        moment = _moment(note, end_of_day=True)
        weeks = latest[info.series or ""]
        weeks[info.week] = max(moment, weeks.get(info.week, moment))
    return {
        series: _increasing([Closing(moment, week) for week, moment in sorted(weeks.items())])
        for series, weeks in latest.items()
    }


def place(chain: list[Closing], moment: dt.datetime) -> int | None:
    """The week of a series with closings `chain` that a note written at `moment` belongs to, if any."""
    if not chain:
        return None
    at = bisect_left([c.moment for c in chain], moment)
    if at == 0:
        return chain[0].week if chain[0].moment - moment <= WINDOW else None
    if at == len(chain):
        return chain[-1].week + 1 if moment - chain[-1].moment <= WINDOW else None
    before, after = chain[at - 1], chain[at]
    span = after.week - before.week
    step = (after.moment - before.moment) / span
    if step > 2 * WINDOW:  # a break in the series: only what leads up to its next weekly note is in it
        return after.week if after.moment - moment <= WINDOW else None
    return before.week + min(span, max(1, math.ceil((moment - before.moment) / step)))


def _covers(chain: list[Closing], moment: dt.datetime) -> bool:
    return bool(chain) and chain[0].moment - WINDOW <= moment <= chain[-1].moment + WINDOW


def assign_weeks(notes: Iterable[Note], daily: str = "in-week") -> None:
    """Place the dated notes that state no week in the week of their series (see the module docstring).

    `daily`: ``"in-week"`` (default) or ``"own-series"`` (day notes keep their ISO week).
    """
    readable = [note for note in notes if note.readable and note.week is not None]
    chains = closings(readable)
    for note in readable:
        info = note.week
        assert info is not None
        if info.stated and (info.day is None or info.series in chains):
            continue
        if info.day is not None and daily == "own-series":
            continue
        if note.date is None:
            continue
        moment = _moment(note, end_of_day=False)
        series = info.series or ""
        if series not in chains:
            if info.day is None:
                continue
            covering = [name for name, chain in chains.items() if _covers(chain, moment)]
            if len(covering) != 1:
                continue
            series = covering[0]
        week = info.week if info.stated else place(chains[series], moment)
        if week is not None:
            note.week = _placed(info, series, week)


def _placed(info: WeekInfo, series: str, week: int) -> WeekInfo:
    source = info.source if info.stated else "assigned"
    return replace(info, series=series or None, week=week, source=source)
