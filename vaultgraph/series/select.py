"""One week syntax for every command: `report --week`, `graph`/`timeline` `--week-from/--week-to/--series`.

A week is written ``N`` (week N of the default series, or of ``--series``), ``SERIES/N``
(``boostcamp/3``; the series' name as in its week keys, any case), or ``YYYY-Www`` (``2022-W40``).
An ISO week names the calendar week when notes placed by their date alone fall in it; otherwise
the numbered week whose notes were written in it (the one with most days in it; the default series
first), since day notes and side posts now live in their series' weeks (`series.assign`).

The default series is the one with the most written weeks (numbered series win ties); its latest
week is the report's default week. A range keeps the weeks of one series from ``--week-from`` to
``--week-to`` (either may be left out); ``--series`` alone keeps all of that series' weeks.

A selection that matches nothing raises `WeekNotFound` with one line that names what the vault
has: an unknown series, a week without notes, a reversed range, a range across two series.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from vaultgraph.errors import VaultgraphError
from vaultgraph.series.timeline import CALENDAR, SeriesTimeline, Timeline, WeekRef, parse_week_key

__all__ = ["WeekNotFound", "default_week", "known_weeks", "resolve_week", "restrict", "select_weeks"]

_NUMBER = re.compile(r"[0-9]+")
_ISO = re.compile(r"([0-9]{4})-[wW]([0-9]{1,2})")


class WeekNotFound(VaultgraphError, ValueError):
    """A week selection that matches nothing; the message (one line) says which weeks exist."""


def default_week(timeline: Timeline) -> WeekRef | None:
    """The latest week of the series with the most written weeks (numbered series win ties)."""
    if not timeline.series:
        return None
    return min(timeline.series).latest


def _ranges(series: SeriesTimeline) -> str:
    """`1-5, 7-9`: the written weeks of a numbered series, or the first and last calendar week."""
    written = [week.ref for week in series.weeks if week.notes]
    if series.calendar:
        return f"{written[0].key} to {written[-1].key}"
    runs: list[list[int]] = []
    for ref in written:
        if runs and ref.index == runs[-1][-1] + 1:
            runs[-1].append(ref.index)
        else:
            runs.append([ref.index])
    return ", ".join(str(run[0]) if len(run) == 1 else f"{run[0]}-{run[-1]}" for run in runs)


def known_weeks(timeline: Timeline) -> str:
    """What the vault has, for error messages: `boostcamp: 0-5; dated: 2022-W36 to 2022-W42`."""
    return "; ".join(f"{s.name}: {_ranges(s)}" for s in timeline.series) or "none"


def _series_named(timeline: Timeline, name: str) -> SeriesTimeline:
    wanted = name.strip().casefold()
    found = next((s for s in timeline.series if s.name.casefold() == wanted), None)
    if found is None:
        names = ", ".join(s.name for s in timeline.series) or "none"
        raise WeekNotFound(
            f"no series {name.strip()!r} in this vault (series: {names}; weeks here: {known_weeks(timeline)})"
        )
    return found


def _overlap(dates: tuple[dt.date, dt.date] | None, monday: dt.date) -> int:
    if dates is None:
        return 0
    first, last = max(dates[0], monday), min(dates[1], monday + dt.timedelta(days=6))
    return (last - first).days + 1 if first <= last else 0


def _calendar_week(timeline: Timeline, ref: WeekRef, preferred: SeriesTimeline | None) -> WeekRef | None:
    """The week holding the notes written in calendar week `ref` (see the module docstring), if any."""
    calendar = timeline.find_week(ref)
    if calendar is not None and calendar.notes:
        return ref
    ranked = [
        (_overlap(week.dates, ref.monday), series is preferred, week.ref)
        for series in timeline.series
        if not series.calendar
        for week in series.weeks
    ]
    best = max(ranked, key=lambda item: (item[0], item[1]), default=None)
    return best[2] if best is not None and best[0] > 0 else None


def _parse(timeline: Timeline, text: str, series: SeriesTimeline | None) -> WeekRef:
    """The week `text` names, written or not; raises `WeekNotFound` for malformed text or unknown series."""
    text = text.strip()
    if _NUMBER.fullmatch(text):
        context = series or next((s for s in sorted(timeline.series) if not s.calendar), None)
        if context is None or context.calendar:
            raise WeekNotFound(
                f"{text!r} needs a series: write SERIES/{text} or YYYY-Www (weeks here: {known_weeks(timeline)})"
            )
        return WeekRef(False, context.name, int(text))
    iso = _ISO.fullmatch(text)
    if iso:
        ref = parse_week_key(f"{iso[1]}-W{int(iso[2]):02d}")
        if ref is None:
            raise WeekNotFound(f"{text!r} is not a week of the calendar")
        found = _calendar_week(timeline, ref, series or min(timeline.series, default=None))
        if found is None:
            raise WeekNotFound(f"no notes were written in {ref.key} (weeks here: {known_weeks(timeline)})")
        return found
    name, slash, number = text.rpartition("/")
    if not slash or not _NUMBER.fullmatch(number) or not name.strip():
        raise WeekNotFound(
            f"{text!r} is not a week: expected N, SERIES/N or YYYY-Www (weeks here: {known_weeks(timeline)})"
        )
    found_series = _series_named(timeline, name)
    if found_series.calendar:
        raise WeekNotFound(f"{CALENDAR!r} weeks are written YYYY-Www (weeks here: {known_weeks(timeline)})")
    return WeekRef(False, found_series.name, int(number))


def resolve_week(timeline: Timeline, text: str | None) -> WeekRef:
    """The week `--week` names, which must have notes; the default week when `text` is None or empty."""
    fallback = default_week(timeline)
    if fallback is None:
        raise WeekNotFound("no note in this vault has a week (N주차, week N, front matter week:, or a date)")
    if not text or not text.strip():
        return fallback
    ref = _parse(timeline, text, None)
    week = timeline.find_week(ref)
    if week is None or not week.notes:
        series = timeline.find_series(ref)
        assert series is not None
        raise WeekNotFound(f"{series.name} has no notes in week {ref.label} (weeks with notes: {_ranges(series)})")
    return ref


def _endpoint(timeline: Timeline, text: str, series: SeriesTimeline | None, option: str) -> WeekRef:
    ref = _parse(timeline, text, series)
    axis = timeline.find_series(ref)
    assert axis is not None
    if series is not None and axis is not series:
        raise WeekNotFound(
            f"{option} {text.strip()} is not a week of series {series.name} (its weeks: {_ranges(series)})"
        )
    if not axis.weeks[0].ref <= ref <= axis.latest:
        raise WeekNotFound(f"{option} {text.strip()}: no such week ({axis.name} has weeks {_ranges(axis)})")
    return ref


def select_weeks(timeline: Timeline, first: str | None, last: str | None, series: str | None) -> set[str] | None:
    """The week keys `--week-from FIRST --week-to LAST --series SERIES` keep; None when none is given."""
    if first is None and last is None and series is None:
        return None
    if not timeline.series:
        raise WeekNotFound("no note in this vault has a week (N주차, week N, front matter week:, or a date)")
    chosen = _series_named(timeline, series) if series is not None else None
    low = _endpoint(timeline, first, chosen, "--week-from") if first is not None else None
    high = _endpoint(timeline, last, chosen, "--week-to") if last is not None else None
    if low is not None and high is not None:
        if (low.calendar, low.series) != (high.calendar, high.series):
            raise WeekNotFound(f"--week-from {low.key} and --week-to {high.key} are weeks of different series")
        if high < low:
            raise WeekNotFound(f"--week-from {low.key} comes after --week-to {high.key}")
    anchor = low or high
    axis = chosen or (timeline.find_series(anchor) if anchor is not None else None)
    assert axis is not None
    return {
        week.ref.key for week in axis.weeks if (low is None or week.ref >= low) and (high is None or week.ref <= high)
    }


def restrict(timeline: Timeline, keys: set[str]) -> Timeline:
    """The part of `timeline` in the weeks `keys`: series and concepts with no week there are dropped."""
    series = []
    for axis in timeline.series:
        weeks = [week for week in axis.weeks if week.ref.key in keys]
        if weeks:
            weeks[0] = replace(weeks[0], skipped_before=0)
            series.append(replace(axis, weeks=weeks))
    by_axis = {(s.calendar, s.name): s for s in series}
    concepts = []
    for concept in timeline.concepts:
        refs = [ref for ref in concept.weeks if ref.key in keys]
        if refs:
            main = min(by_axis[(ref.calendar, ref.series)] for ref in refs).latest
            where = {ref.key: concept.occurrences.get(ref.key, []) for ref in refs}
            concepts.append(replace(concept, weeks=refs, main=main, occurrences=where))
    return Timeline(series=series, concepts=concepts)
