"""The timeline: which weeks each series has, and in which weeks each concept appears.

Weeks live on *axes*. A numbered series (``boostcamp``: weeks 0, 1, 2, 4, ...) is one axis, indexed
by its week numbers; its day notes and side posts are in those weeks (`series.assign`). Notes whose
week comes from a date alone (``WeekInfo.week`` is None: posts of no series, an old import) share one
calendar axis, the series named ``dated``, indexed by ISO week: their week key (`WeekInfo.key`) is
``YYYY-Www`` and carries no series. In JSON a numbered week is ``{"week": 3, "key": "boostcamp/3"}``
and a calendar week ``{"week": "2023-W03", "key": "2023-W03"}``; the calendar series has
``"calendar": true``. A week lists its ``notes`` and, when it has day notes, their ``days``
(``{"path": day}``).

Every week between a series' first and last is listed, with ``"notes": []`` when nothing was written
that week, so gaps are visible, except a stretch of more than `MAX_EMPTY_RUN` empty weeks: a stray
date (a template dated 2020, a post imported from an old blog) must not stretch the axis over years.
Such stretches are left out of ``weeks`` and listed under the series' ``skipped``
(``{"from", "to", "weeks"}``); the week after one has `TimelineWeek.skipped_before` set. Series are
ordered by date (the median date of their notes; series without dates last), then by name.

A concept's ``weeks`` lists every week it appears in, on every axis. Its statistics are taken on
its *main* axis, the one with the most written weeks among those it appears on (a numbered series
before the calendar, then by name), since streaks and gaps only mean something along one series:
``first`` and ``last`` week there, ``streak`` the longest run of consecutive weeks there,
``dormant`` the weeks from ``last`` to that series' latest week (0: seen in the latest week).
Concepts that appear in no week-bearing note are left out (they are still in the graph).
"""

from __future__ import annotations

import datetime as dt
import re
import statistics
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from vaultgraph.model import Concept, Note, Occurrence, WeekInfo

__all__ = [
    "CALENDAR",
    "MAX_EMPTY_RUN",
    "ConceptTimeline",
    "SeriesTimeline",
    "Timeline",
    "TimelineWeek",
    "WeekRef",
    "build_timeline",
    "parse_week_key",
    "week_ref",
]

CALENDAR = "dated"
"""Name of the series that holds notes placed by their date alone."""
MAX_EMPTY_RUN = 4
"""Longer runs of weeks without notes are left out of a series' weeks (and listed as skipped)."""

_ISO_KEY = re.compile(r"([0-9]{4})-W([0-9]{2})")
_SERIES_KEY = re.compile(r"(.+)/([0-9]+)")


@dataclass(frozen=True, slots=True, order=True)
class WeekRef:
    """One week on one axis; sorts by axis (numbered series by name, then the calendar), then time."""

    calendar: bool
    series: str
    index: int
    """Week number, or for the calendar the number of weeks since 0001-01-01 (consecutive weeks differ by 1)."""

    @property
    def key(self) -> str:
        if not self.calendar:
            return f"{self.series}/{self.index}"
        year, week, _ = self.monday.isocalendar()
        return f"{year}-W{week:02d}"

    @property
    def monday(self) -> dt.date:
        """The first day of a calendar week."""
        return dt.date.fromordinal(self.index * 7 + 1)

    @property
    def label(self) -> int | str:
        """The ``week`` field of JSON: the number, or ``YYYY-Www``."""
        return self.key if self.calendar else self.index

    def shifted(self, weeks: int) -> WeekRef:
        return WeekRef(self.calendar, self.series, self.index + weeks)


def week_ref(info: WeekInfo | None) -> WeekRef | None:
    """Where a note's week sits on the timeline, or None for notes without a week."""
    if info is None:
        return None
    return parse_week_key(info.key)


def parse_week_key(key: str | None) -> WeekRef | None:
    """``boostcamp/3`` or ``2023-W03`` (the `WeekInfo.key` forms) to a `WeekRef`; None if malformed."""
    if not key:
        return None
    iso = _ISO_KEY.fullmatch(key)
    if iso:
        try:
            monday = dt.date.fromisocalendar(int(iso[1]), int(iso[2]), 1)
        except ValueError:
            return None
        return WeekRef(True, CALENDAR, (monday.toordinal() - 1) // 7)
    numbered = _SERIES_KEY.fullmatch(key)
    if numbered:
        return WeekRef(False, numbered[1], int(numbered[2]))
    return None


@dataclass(slots=True)
class TimelineWeek:
    ref: WeekRef
    notes: list[str] = field(default_factory=list)
    days: dict[str, int] = field(default_factory=dict)
    """Day notes of the week by path: their own day number (0 for a daily note named by its date)."""
    skipped_before: int = 0
    """How many empty weeks just before this one were left out (see the module docstring)."""
    dates: tuple[dt.date, dt.date] | None = None
    """The first and last date of the week's notes, when they have dates."""

    def to_dict(self) -> dict:
        data: dict = {"week": self.ref.label, "key": self.ref.key, "notes": self.notes}
        if self.days:
            data["days"] = self.days
        return data


@dataclass(slots=True)
class SeriesTimeline:
    """One axis: a numbered series, or the calendar."""

    name: str
    calendar: bool
    weeks: list[TimelineWeek]
    """Every week from the first to the latest, empty ones included, long empty stretches left out."""
    middle: dt.date | None = None
    """The median date of the series' notes: what series are ordered by."""
    written: int = field(init=False)
    """How many weeks have at least one note (counted once: series are compared for every concept)."""

    def __post_init__(self) -> None:
        self.written = sum(1 for week in self.weeks if week.notes)

    @property
    def latest(self) -> WeekRef:
        return self.weeks[-1].ref

    @property
    def skipped(self) -> list[tuple[WeekRef, WeekRef, int]]:
        """(first, last, count) of each stretch of empty weeks left out."""
        return [
            (week.ref.shifted(-week.skipped_before), week.ref.shifted(-1), week.skipped_before)
            for week in self.weeks
            if week.skipped_before
        ]

    @property
    def dates(self) -> tuple[dt.date, dt.date] | None:
        spans = [week.dates for week in self.weeks if week.dates]
        return (spans[0][0], spans[-1][1]) if spans else None

    def __lt__(self, other: SeriesTimeline) -> bool:
        """Main-axis order: more written weeks first, numbered before calendar, then by name."""
        return (-self.written, self.calendar, self.name) < (-other.written, other.calendar, other.name)

    def to_dict(self) -> dict:
        data: dict = {"name": self.name, "calendar": self.calendar, "weeks": [w.to_dict() for w in self.weeks]}
        if self.skipped:
            data["skipped"] = [{"from": a.key, "to": b.key, "weeks": n} for a, b, n in self.skipped]
        return data


@dataclass(slots=True)
class ConceptTimeline:
    key: str
    label: str
    score: float
    weeks: list[WeekRef]
    main: WeekRef
    """The latest week of the concept's main series (see the module docstring)."""
    occurrences: dict[str, list[Occurrence]] = field(default_factory=dict)
    """Week key -> where the concept was seen that week (for the heatmap's hover); not in JSON."""

    def on_axis(self, ref: WeekRef) -> list[WeekRef]:
        """The concept's weeks on the axis (series) of `ref`."""
        return [w for w in self.weeks if w.calendar == ref.calendar and w.series == ref.series]

    @property
    def first(self) -> WeekRef:
        return self.on_axis(self.main)[0]

    @property
    def last(self) -> WeekRef:
        return self.on_axis(self.main)[-1]

    @property
    def streak(self) -> int:
        return longest_streak(self.on_axis(self.main))

    @property
    def dormant(self) -> int:
        return self.main.index - self.last.index

    def to_dict(self) -> dict:
        return {
            "key": self.key,
            "label": self.label,
            "weeks": [w.key for w in self.weeks],
            "first": self.first.key,
            "last": self.last.key,
            "streak": self.streak,
            "dormant": self.dormant,
        }


@dataclass(slots=True)
class Timeline:
    series: list[SeriesTimeline]
    concepts: list[ConceptTimeline]
    """Sorted by first appearance (in series order), then salience."""

    def find_series(self, ref: WeekRef) -> SeriesTimeline | None:
        return next((s for s in self.series if s.calendar == ref.calendar and s.name == ref.series), None)

    def find_week(self, ref: WeekRef) -> TimelineWeek | None:
        series = self.find_series(ref)
        return next((week for week in series.weeks if week.ref == ref), None) if series else None

    def week_order(self) -> list[WeekRef]:
        """Every week of every series, in timeline order (the heatmap's columns)."""
        return [week.ref for series in self.series for week in series.weeks]

    def to_dict(self) -> dict:
        return {"series": [s.to_dict() for s in self.series], "concepts": [c.to_dict() for c in self.concepts]}


def _axis_weeks(calendar: bool, name: str, weeks: dict[int, TimelineWeek]) -> list[TimelineWeek]:
    """The weeks of one axis from first to last, empty ones filled in, long empty runs left out."""
    result: list[TimelineWeek] = []
    empty: list[TimelineWeek] = []
    for index in range(min(weeks), max(weeks) + 1):
        week = weeks.get(index)
        if week is None:
            empty.append(TimelineWeek(WeekRef(calendar, name, index)))
            continue
        if len(empty) > MAX_EMPTY_RUN:
            week.skipped_before = len(empty)
        else:
            result.extend(empty)
        empty = []
        result.append(week)
    return result


def _series_timelines(notes: Iterable[Note]) -> list[SeriesTimeline]:
    by_axis: dict[tuple[bool, str], dict[int, TimelineWeek]] = defaultdict(dict)
    dates: dict[tuple[bool, str], list[dt.date]] = defaultdict(list)
    for note in notes:
        ref = week_ref(note.week)
        if ref is None:
            continue
        axis = (ref.calendar, ref.series)
        week = by_axis[axis].setdefault(ref.index, TimelineWeek(ref))
        week.notes.append(note.path)
        if note.week is not None and note.week.day is not None:
            week.days[note.path] = note.week.day
        if note.date is not None:
            dates[axis].append(note.date)
            first, last = week.dates or (note.date, note.date)
            week.dates = (min(first, note.date), max(last, note.date))
    result = []
    for (calendar, name), weeks in by_axis.items():
        for week in weeks.values():
            week.notes.sort()
            week.days = dict(sorted(week.days.items(), key=lambda item: (item[1], item[0])))
        middle = statistics.median_low(sorted(dates[(calendar, name)])) if dates[(calendar, name)] else None
        result.append(SeriesTimeline(name, calendar, _axis_weeks(calendar, name, weeks), middle))
    result.sort(key=lambda s: (s.middle is None, s.middle or dt.date.min, s.calendar, s.name))
    return result


def longest_streak(refs: list[WeekRef]) -> int:
    """The longest run of consecutive weeks in `refs` (sorted, one axis)."""
    best = run = 0
    previous: WeekRef | None = None
    for ref in refs:
        run = run + 1 if previous is not None and ref == previous.shifted(1) else 1
        best = max(best, run)
        previous = ref
    return best


def concept_timeline(concept: Concept, series: dict[tuple[bool, str], SeriesTimeline]) -> ConceptTimeline | None:
    """One concept's weeks and statistics, or None when it appears in no week of the timeline."""
    where: dict[WeekRef, list[Occurrence]] = defaultdict(list)
    for occurrence in concept.occurrences:
        ref = parse_week_key(occurrence.week)
        if ref is not None and (ref.calendar, ref.series) in series:
            where[ref].append(occurrence)
    for key in concept.weeks:  # weeks named without a matching occurrence still count
        ref = parse_week_key(key)
        if ref is not None and (ref.calendar, ref.series) in series:
            where.setdefault(ref, [])
    if not where:
        return None
    refs = sorted(where)
    main = min(series[(ref.calendar, ref.series)] for ref in refs)
    return ConceptTimeline(
        key=concept.key,
        label=concept.label,
        score=concept.score,
        weeks=refs,
        main=main.latest,
        occurrences={ref.key: sorted(where[ref], key=lambda o: (o.path, o.line)) for ref in refs},
    )


def build_timeline(notes: Iterable[Note], concepts: Iterable[Concept] = ()) -> Timeline:
    """The timeline of a vault's notes and of the concepts found in them."""
    series = _series_timelines(notes)
    by_axis = {(s.calendar, s.name): s for s in series}
    position = {axis: i for i, axis in enumerate(by_axis)}
    timelines = [t for t in (concept_timeline(c, by_axis) for c in concepts) if t is not None]
    timelines.sort(key=lambda t: (position[(t.first.calendar, t.first.series)], t.first.index, -t.score, t.key))
    return Timeline(series=series, concepts=timelines)
