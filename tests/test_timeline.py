"""The timeline: series weeks with their gaps, calendar weeks, and each concept's weeks and statistics."""

from __future__ import annotations

from pathlib import Path

import pytest

from vaultgraph.model import Concept, Note, Occurrence, WeekInfo
from vaultgraph.render.timeline_text import format_timeline_text
from vaultgraph.series.timeline import CALENDAR, WeekRef, build_timeline, longest_streak, parse_week_key
from vaultgraph.vault.load import load_vault

SAMPLE = Path(__file__).resolve().parents[1] / "sample_vault"


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
        ("boostcamp/0", None),
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
    assert set(series) == {"boostcamp", "daily"}
    boostcamp = {w["week"]: w["notes"] for w in series["boostcamp"]["weeks"]}
    assert list(boostcamp) == list(range(1, 10))
    assert boostcamp[6] == []
    assert boostcamp[4] == ["_posts/2023-01-27-boostcamp-week4.md", "retros/boostcamp 4주차 보충.md"]
    assert series["daily"]["weeks"] == [{"week": 3, "key": "daily/3", "notes": ["daily/2023-01-18.md"]}]


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
