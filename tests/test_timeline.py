"""The timeline: series weeks with their gaps, calendar weeks, and each concept's weeks and statistics."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from pathlib import Path

import pytest

from vaultgraph.model import Concept, Note, Occurrence, WeekInfo
from vaultgraph.parse.note_week import iso_week
from vaultgraph.render.timeline_text import format_timeline_text
from vaultgraph.series.timeline import CALENDAR, Timeline, WeekRef, build_timeline, longest_streak, parse_week_key
from vaultgraph.vault.load import load_vault

SAMPLE = Path(__file__).resolve().parents[1] / "sample_vault"


def display_width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def note(path: str, series: str | None = None, week: int | None = None, iso: str | None = None) -> Note:
    info = None
    if week is not None or iso is not None:
        info = WeekInfo(series=series, week=week, iso_week=iso, source="title" if week else "date")
    return Note(path=path, week=info)


def concept(key: str, *weeks: str | None, score: float = 1.0, named: tuple[str, ...] = ()) -> Concept:
    occurrences = [Occurrence(f"n{i}.md", i + 1, "learned", 1, week, "prose") for i, week in enumerate(weeks)]
    return Concept(
        key=key, label=key.title(), score=score, count=len(weeks), weeks=list(named), occurrences=occurrences
    )


def b(n: int) -> WeekRef:
    return WeekRef(False, "b", n)


@pytest.mark.parametrize(
    ("key", "expected"),
    [
        ("boostcamp/3", WeekRef(False, "boostcamp", 3)),
        ("a/b/12", WeekRef(False, "a/b", 12)),
        ("notes/1", WeekRef(False, "notes", 1)),
        ("boostcamp/0", WeekRef(False, "boostcamp", 0)),
        ("boostcamp/", None),
        ("boostcamp", None),
        ("2023-W54", None),
        ("2023-w03", None),
        ("", None),
        (None, None),
    ],
)
def test_parse_week_key(key, expected):
    assert parse_week_key(key) == expected


@pytest.mark.parametrize("key", ["2023-W03", "2020-W53", "2021-W01", "1999-W52"])
def test_calendar_keys_round_trip(key):
    ref = parse_week_key(key)
    assert ref is not None and ref.calendar and ref.series == CALENDAR
    assert ref.key == key and ref.label == key


def test_consecutive_calendar_weeks_cross_the_year():
    last_2020, first_2021 = parse_week_key("2020-W53"), parse_week_key("2021-W01")
    assert last_2020 is not None and first_2021 is not None
    assert last_2020.shifted(1) == first_2021


def test_series_weeks_show_gaps_and_leave_out_notes_without_week():
    timeline = build_timeline(
        [
            note("w1.md", "b", 1),
            note("w2.md", "b", 2),
            note("w4a.md", "b", 4),
            note("w4.md", "b", 4),
            note("concept.md"),
            note("single.md", "solo", 7),
        ]
    )
    assert timeline.to_dict()["series"] == [
        {
            "name": "b",
            "calendar": False,
            "weeks": [
                {"week": 1, "key": "b/1", "notes": ["w1.md"]},
                {"week": 2, "key": "b/2", "notes": ["w2.md"]},
                {"week": 3, "key": "b/3", "notes": []},
                {"week": 4, "key": "b/4", "notes": ["w4.md", "w4a.md"]},
            ],
        },
        {"name": "solo", "calendar": False, "weeks": [{"week": 7, "key": "solo/7", "notes": ["single.md"]}]},
    ]


def test_notes_with_a_date_only_go_on_the_calendar_series_last():
    timeline = build_timeline(
        [note("d1.md", "daily", iso="2022-W52"), note("d2.md", "daily", iso="2023-W02"), note("r.md", "z", 1)]
    )
    calendar = timeline.to_dict()["series"][-1]
    assert calendar == {
        "name": CALENDAR,
        "calendar": True,
        "weeks": [
            {"week": "2022-W52", "key": "2022-W52", "notes": ["d1.md"]},
            {"week": "2023-W01", "key": "2023-W01", "notes": []},
            {"week": "2023-W02", "key": "2023-W02", "notes": ["d2.md"]},
        ],
    }


def test_a_series_without_name_is_called_notes_like_its_week_keys():
    timeline = build_timeline([note("x.md", None, 2)])
    assert timeline.series[0].name == "notes" and timeline.series[0].weeks[0].ref.key == "notes/2"


def test_concept_statistics():
    notes = [note(f"w{n}.md", "b", n) for n in (1, 2, 3, 4, 5, 7, 8, 9)]
    timeline = build_timeline(
        notes,
        [
            concept("lstm", "b/2", "b/3", "b/4", "b/5", "b/2", "b/8"),
            concept("attention", "b/9"),
            concept("gap", "b/5", "b/7"),  # week 6 has no notes, so 5 and 7 are not consecutive
            concept("evergreen", None),  # only in notes without a week: not on the timeline
        ],
    )
    data = {c["key"]: c for c in timeline.to_dict()["concepts"]}
    assert set(data) == {"lstm", "attention", "gap"}
    assert data["lstm"] == {
        "key": "lstm",
        "label": "Lstm",
        "weeks": ["b/2", "b/3", "b/4", "b/5", "b/8"],
        "first": "b/2",
        "last": "b/8",
        "streak": 4,
        "dormant": 1,
    }
    assert (data["gap"]["streak"], data["gap"]["dormant"]) == (1, 2)
    assert (data["attention"]["first"], data["attention"]["dormant"]) == ("b/9", 0)
    assert [c.key for c in timeline.concepts] == ["lstm", "gap", "attention"]  # by first appearance
    assert [o.line for o in timeline.concepts[0].occurrences["b/2"]] == [1, 5]


def test_weeks_named_by_the_concept_count_even_without_an_occurrence():
    timeline = build_timeline(
        [note("a.md", "b", 1), note("c.md", "b", 3)], [concept("x", "b/1", named=("b/1", "b/3", "other/2"))]
    )
    assert timeline.to_dict()["concepts"][0]["weeks"] == ["b/1", "b/3"]  # other/2: no such series


def test_statistics_use_the_concepts_main_series():
    notes = [note(f"b{n}.md", "b", n) for n in range(1, 10)] + [note("d.md", "daily", 3)]
    timeline = build_timeline(notes, [concept("dl", "b/2", "b/3", "daily/3")])
    data = timeline.to_dict()["concepts"][0]
    assert data["weeks"] == ["b/2", "b/3", "daily/3"]
    assert (data["first"], data["last"], data["streak"], data["dormant"]) == ("b/2", "b/3", 2, 6)


@pytest.mark.parametrize(
    ("weeks", "expected"),
    [
        ([], 0),
        ([1], 1),
        ([1, 2, 3], 3),
        ([1, 3, 4], 2),
        ([1, 2, 4, 5, 6, 9], 3),
    ],
)
def test_longest_streak(weeks, expected):
    assert longest_streak([b(n) for n in weeks]) == expected


def test_sample_vault_series():
    vault = load_vault(SAMPLE)
    timeline = build_timeline(vault.notes.values())
    series = {s["name"]: s for s in timeline.to_dict()["series"]}
    assert set(series) == {"boostcamp"}
    boostcamp = {w["week"]: w for w in series["boostcamp"]["weeks"]}
    assert list(boostcamp) == list(range(1, 10))
    assert boostcamp[6]["notes"] == []
    assert boostcamp[4]["notes"] == ["_posts/2023-01-27-boostcamp-week4.md", "retros/boostcamp 4주차 보충.md"]
    # the daily note (front matter `week: 3주차`, folder `daily/`) joins week 3 of the series its date is in
    assert boostcamp[3]["notes"] == ["_posts/2023-01-20-boostcamp-week3.md", "daily/2023-01-18.md"]
    assert boostcamp[3]["days"] == {"daily/2023-01-18.md": 0}


def test_text_table():
    notes = [note(f"w{n}.md", "b", n) for n in (1, 2, 4)] + [note("d.md", "solo", 1)]
    timeline = build_timeline(notes, [concept("lstm", "b/1", "b/2"), concept("배치 정규화", "b/4", "solo/1")])
    text = format_timeline_text(timeline)
    lines = text.splitlines()
    assert lines[0] == "b: 3 weeks with notes, no notes in 3"
    assert "Lstm" in lines[2] and lines[2].endswith(" █ █   ·       2       2")
    # Hangul is two columns wide: the cells of both rows start at the same display column.
    assert lines[3].startswith("배치 정규화 ") and lines[3].endswith(" · ·   █       1       0")
    assert len(lines[3]) == len(lines[2]) - len("배치 정규화") + 1  # 5 wide glyphs take 10 columns
    assert "solo: 1 week with notes" in text


def test_text_table_without_weeks_says_so():
    assert "nothing to put on a timeline" in format_timeline_text(build_timeline([note("a.md")]))


def dated(path: str, day: dt.date) -> Note:
    return Note(path=path, date=day, week=WeekInfo(None, None, iso_week(day), "date"))


def test_a_stray_date_does_not_stretch_the_calendar():
    days = [dt.date(2020, 5, 21), dt.date(2022, 9, 11), dt.date(2022, 9, 25), dt.date(2022, 10, 23)]
    calendar = build_timeline([dated(f"{d}.md", d) for d in days]).to_dict()["series"][0]
    keys = ["2020-W21", "2022-W36", "2022-W37", "2022-W38", "2022-W39", "2022-W40", "2022-W41", "2022-W42"]
    assert [w["key"] for w in calendar["weeks"]] == keys  # three empty weeks are a gap to show
    assert calendar["skipped"] == [{"from": "2020-W22", "to": "2022-W35", "weeks": 119}]


def test_series_are_ordered_by_date_and_weeks_list_their_day_notes():
    notes = [
        dated("side.md", dt.date(2022, 9, 11)),
        Note(path="late/w1.md", date=dt.date(2023, 3, 17), week=WeekInfo("late", 1, "2023-W11", "title")),
        Note(path="b/w1.md", date=dt.date(2022, 9, 23), week=WeekInfo("b", 1, "2022-W38", "title")),
        Note(path="b/d2.md", date=dt.date(2022, 9, 20), week=WeekInfo("b", 1, "2022-W38", "assigned", day=2)),
        Note(path="b/d1.md", date=dt.date(2022, 9, 19), week=WeekInfo("b", 1, "2022-W38", "assigned", day=1)),
    ]
    timeline = build_timeline(notes)
    assert [s.name for s in timeline.series] == ["dated", "b", "late"]
    week = timeline.to_dict()["series"][1]["weeks"][0]
    assert week == {
        "week": 1,
        "key": "b/1",
        "notes": ["b/d1.md", "b/d2.md", "b/w1.md"],
        "days": {"b/d1.md": 1, "b/d2.md": 2},
    }
    assert timeline.series[1].dates == (dt.date(2022, 9, 19), dt.date(2022, 9, 23))


def long_timeline(weeks: int, label: str = "concept") -> Timeline:
    notes = [note(f"w{n}.md", "boostcamp", n) for n in range(weeks)]
    return build_timeline(notes, [concept(label, *(f"boostcamp/{n}" for n in range(0, weeks, 2)))])


@pytest.mark.parametrize(("weeks", "width"), [(5, 100), (60, 100), (200, 100), (200, 60), (200, 160), (12, 60)])
def test_text_fits_the_width(weeks, width):
    text = format_timeline_text(long_timeline(weeks, "배치 정규화 " * 5), width=width)
    assert max(display_width(line) for line in text.splitlines()) <= width
    hidden = re.search(r"(\d+) earlier weeks? not shown", text)
    header = next(line for line in text.splitlines() if line.endswith("streak dormant"))
    shown = len(header.split()) - 2
    assert shown + (int(hidden[1]) if hidden else 0) == weeks
    assert header.split()[-3] == str(weeks - 1)  # the latest weeks are the ones kept


def test_text_marks_a_left_out_stretch_and_names_the_years():
    days = [dt.date(2020, 5, 21), dt.date(2022, 12, 26), dt.date(2023, 1, 9)]
    notes = [dated(f"{d}.md", d) for d in days]
    text = format_timeline_text(build_timeline(notes, [concept("c", "2020-W21", "2023-W02")]))
    lines = text.splitlines()
    assert lines[0] == "dated (2020-05-21 to 2023-01-09): 3 weeks with notes, no notes in 2023-W01"
    assert lines[1] == "  135 empty weeks left out (2020-W22 to 2022-W51)"
    assert lines[2].split() == ["2020", "2022'23"]  # no room for 2023 beside 2022
    assert lines[3].split() == ["21", "…", "52", "01", "02", "streak", "dormant"]
    assert lines[4].split() == ["C", "█", "…", "·", "█", "1", "0"]
