"""One week syntax (`series.select`): `N`, `SERIES/N`, `YYYY-Www` for --week and --week-from/--week-to/--series."""

from __future__ import annotations

import datetime as dt

import pytest

from vaultgraph.model import Concept, Note, Occurrence, WeekInfo
from vaultgraph.parse.note_week import iso_week
from vaultgraph.series.keys import date_order
from vaultgraph.series.select import WeekNotFound, resolve_week, restrict, select_weeks
from vaultgraph.series.timeline import WeekRef, build_timeline, parse_week_key


def note(path: str, date: dt.date, series: str | None = None, week: int | None = None) -> Note:
    source = "title" if week is not None else "date"
    return Note(path=path, date=date, week=WeekInfo(series, week, iso_week(date), source))  # type: ignore[arg-type]


# boostcamp weeks 0-5 in 2022-W37..W42 (week 3 has no note), a calendar of side posts around them.
NOTES = [note(f"b{n}.md", dt.date(2022, 9, 18) + dt.timedelta(weeks=n), "boostcamp", n) for n in (0, 1, 2, 4, 5)] + [
    note("setup.md", dt.date(2022, 9, 11)),  # 2022-W36
    note("boj.md", dt.date(2022, 10, 2)),  # 2022-W39
    note("paper.md", dt.date(2022, 10, 23)),  # 2022-W42
]
TIMELINE = build_timeline(NOTES)


def b(n: int) -> WeekRef:
    return WeekRef(False, "boostcamp", n)


def iso(key: str) -> WeekRef:
    ref = parse_week_key(key)
    assert ref is not None
    return ref


@pytest.mark.parametrize(
    ("asked", "expected"),
    [
        (None, b(5)),
        ("", b(5)),
        ("2", b(2)),
        ("0", b(0)),
        ("boostcamp/4", b(4)),
        ("Boostcamp/4", b(4)),
        (" boostcamp/1 ", b(1)),
        ("2022-W39", iso("2022-W39")),  # the calendar has a note that week
        ("2022-w39", iso("2022-W39")),
        ("2022-W38", b(1)),  # no calendar note: the series week written then (b1 is 2022-09-25, a Sunday)
        ("2022-W42", iso("2022-W42")),
    ],
)
def test_resolve_week(asked: str | None, expected: WeekRef) -> None:
    assert resolve_week(TIMELINE, asked) == expected


@pytest.mark.parametrize(
    ("asked", "message"),
    [
        ("3", "boostcamp has no notes in week 3 (weeks with notes: 0-2, 4-5)"),
        ("boostcamp/9", "boostcamp has no notes in week 9"),
        (
            "bootcamp/1",
            "no series 'bootcamp' in this vault (series: boostcamp, dated; weeks here: boostcamp: 0-2, 4-5; dated:",
        ),
        ("2021-W10", "no notes were written in 2021-W10 (weeks here:"),
        ("2022-W60", "'2022-W60' is not a week of the calendar"),
        ("dated/3", "'dated' weeks are written YYYY-Www"),
        ("week 3", "'week 3' is not a week: expected N, SERIES/N or YYYY-Www"),
        ("/3", "'/3' is not a week"),
    ],
)
def test_resolve_week_errors(asked: str, message: str) -> None:
    with pytest.raises(WeekNotFound) as error:
        resolve_week(TIMELINE, asked)
    assert str(error.value).startswith(message) and "\n" not in str(error.value)


def test_a_number_needs_a_numbered_series() -> None:
    calendar_only = build_timeline([note("a.md", dt.date(2023, 1, 2))])
    with pytest.raises(WeekNotFound, match="^'2' needs a series: write SERIES/2 or YYYY-Www"):
        resolve_week(calendar_only, "2")


@pytest.mark.parametrize(
    ("first", "last", "series", "expected"),
    [
        (None, None, None, None),
        ("1", "4", None, {"boostcamp/1", "boostcamp/2", "boostcamp/3", "boostcamp/4"}),
        ("boostcamp/4", None, None, {"boostcamp/4", "boostcamp/5"}),
        (None, "boostcamp/1", None, {"boostcamp/0", "boostcamp/1"}),
        (None, None, "Boostcamp", {f"boostcamp/{n}" for n in range(6)}),
        ("2", "2", "boostcamp", {"boostcamp/2"}),
        ("2022-W38", "2022-W41", None, {"boostcamp/1", "boostcamp/2", "boostcamp/3", "boostcamp/4"}),
        ("2022-W36", "2022-W39", "dated", {"2022-W36", "2022-W37", "2022-W38", "2022-W39"}),
    ],
)
def test_select_weeks(first, last, series, expected) -> None:
    assert select_weeks(TIMELINE, first, last, series) == expected


@pytest.mark.parametrize(
    ("first", "last", "series", "message"),
    [
        ("4", "2", None, "--week-from boostcamp/4 comes after --week-to boostcamp/2"),
        ("boostcamp/1", "2022-W42", None, "--week-from boostcamp/1 and --week-to 2022-W42 are weeks of different"),
        ("9", None, None, "--week-from 9: no such week (boostcamp has weeks 0-2, 4-5)"),
        (None, None, "nope", "no series 'nope' in this vault (series: boostcamp, dated;"),
        ("2022-W39", None, "boostcamp", "--week-from 2022-W39 is not a week of series boostcamp"),
        ("x", None, None, "'x' is not a week"),
        ("2022-W40", None, None, "no notes were written in 2022-W40"),  # the series' week 3 has none
    ],
)
def test_select_weeks_errors(first, last, series, message) -> None:
    with pytest.raises(WeekNotFound) as error:
        select_weeks(TIMELINE, first, last, series)
    assert str(error.value).startswith(message), str(error.value)


def test_select_weeks_in_a_vault_without_weeks() -> None:
    with pytest.raises(WeekNotFound, match="no note in this vault has a week"):
        select_weeks(build_timeline([Note(path="a.md")]), "1", None, None)


def test_restrict_keeps_only_the_chosen_weeks() -> None:
    concept = Concept(
        "lstm",
        "LSTM",
        1.0,
        3,
        occurrences=[
            Occurrence("b1.md", 1, "", 1, "boostcamp/1", "prose"),
            Occurrence("b4.md", 1, "", 1, "boostcamp/4", "prose"),
            Occurrence("boj.md", 1, "", 1, "2022-W39", "prose"),
        ],
    )
    timeline = build_timeline(NOTES, [concept])
    part = restrict(timeline, {"boostcamp/4", "boostcamp/5"})
    assert [(s.name, [w.ref.key for w in s.weeks]) for s in part.series] == [
        ("boostcamp", ["boostcamp/4", "boostcamp/5"])
    ]
    assert [(c.key, [w.key for w in c.weeks], list(c.occurrences)) for c in part.concepts] == [
        ("lstm", ["boostcamp/4"], ["boostcamp/4"])
    ]
    assert part.concepts[0].dormant == 1


def test_date_order_interleaves_series_as_they_happened() -> None:
    late = Note(path="b2late.md", date=dt.date(2022, 12, 1), week=WeekInfo("boostcamp", 2, "2022-W48", "title"))
    undated = Note(path="x3.md", week=WeekInfo("boostcamp", 3, None, "title"))
    order = date_order([*NOTES, late, undated, Note(path="solo.md", week=WeekInfo("solo", 1, None, "title"))])
    keys = ["solo/1", "2022-W42", "boostcamp/5", "boostcamp/4", "boostcamp/3", "2022-W39", "boostcamp/1", "2022-W36"]
    keys += ["boostcamp/0", "boostcamp/2", "unknown/1"]
    assert sorted(keys, key=order) == [
        "2022-W36",
        "boostcamp/0",
        "boostcamp/1",
        "boostcamp/2",  # its earliest note counts, not the late one
        "boostcamp/3",  # no date: the week before it's
        "2022-W39",
        "boostcamp/4",
        "boostcamp/5",
        "2022-W42",
        "solo/1",  # no date anywhere: last, by key
        "unknown/1",
    ]
