"""Table-driven tests for vaultgraph.parse.note_week (dates, week patterns, series)."""

from __future__ import annotations

import datetime as dt

import pytest

from vaultgraph.model import WeekInfo
from vaultgraph.parse.note_week import (
    body_weeks,
    day_in_text,
    detect_week,
    iso_week,
    note_date,
    note_moment,
    week_in_text,
)

D = dt.date
KST = dt.timezone(dt.timedelta(hours=9))

# ---------------------------------------------------------------------------------------------
# note_date: (path, front matter, expected)
DATE_CASES = [
    ("_posts/2022-10-14-x.md", {"date": D(2022, 10, 14)}, D(2022, 10, 14)),
    ("notes/x.md", {"date": dt.datetime(2022, 10, 14, 18, 0, tzinfo=KST)}, D(2022, 10, 14)),
    ("notes/x.md", {"date": "2022-10-14"}, D(2022, 10, 14)),
    ("notes/x.md", {"date": "2022-10-14 18:00:00 +0900"}, D(2022, 10, 14)),
    ("notes/x.md", {"date": "2022-10-14T18:00:00+09:00"}, D(2022, 10, 14)),
    ("notes/x.md", {"date": "2022-10-14T23:30:00-05:00"}, D(2022, 10, 14)),  # as written, no UTC
    ("notes/x.md", {"date": "2022/10/14"}, D(2022, 10, 14)),
    ("notes/x.md", {"date": " 2022-9-3 "}, D(2022, 9, 3)),
    # front matter wins over the file name
    ("_posts/2022-09-30-boostcamp2.md", {"date": "2022-10-01"}, D(2022, 10, 1)),
    # fall back to the file name
    ("_posts/2022-09-30-boostcamp2.md", {}, D(2022, 9, 30)),
    ("daily/2022-09-19.md", {}, D(2022, 9, 19)),
    ("daily/2022-09-19-0.md", {"tags": ["study/daily"]}, D(2022, 9, 19)),
    ("_posts/2022-09-30-x.md", {"date": "TBD"}, D(2022, 9, 30)),
    # invalid or odd values never raise
    ("notes/x.md", {"date": "2022-13-40"}, None),
    ("notes/x.md", {"date": "2022-02-30"}, None),
    ("notes/x.md", {"date": "20221014"}, None),
    ("notes/x.md", {"date": 20221014}, None),
    ("notes/x.md", {"date": None}, None),
    ("notes/x.md", {"date": True}, None),
    ("notes/x.md", {"date": ["2022-10-14"]}, None),
    ("notes/x.md", {"date": {"y": 2022}}, None),
    ("notes/x.md", {"date": "2022-10-14abc"}, None),
    ("_posts/2022-02-30-bad.md", {}, None),
    ("concepts/LSTM.md", {}, None),
    ("2022-09-19_notes.md", {}, None),
]


@pytest.mark.parametrize(("path", "front_matter", "expected"), DATE_CASES)
def test_note_date(path: str, front_matter: dict, expected: dt.date | None) -> None:
    assert note_date(path, front_matter) == expected


@pytest.mark.parametrize(
    ("date", "expected"),
    [
        (D(2022, 9, 19), "2022-W38"),
        (D(2022, 9, 30), "2022-W39"),
        (D(2021, 1, 1), "2020-W53"),  # ISO year differs from the calendar year
        (D(2024, 12, 30), "2025-W01"),
        (D(2023, 1, 2), "2023-W01"),
        (None, None),
    ],
)
def test_iso_week(date: dt.date | None, expected: str | None) -> None:
    assert iso_week(date) == expected


# ---------------------------------------------------------------------------------------------
# week_in_text: (text, filename?, expected week)
TEXT_CASES = [
    ("boostcamp ai tech 4기 2주차 회고", False, 2),  # the seed: 4기 is the cohort
    ("boostcourse ai tech 4기 2주차 회고", False, 2),
    ("boostcamp ai tech 3주차 회고", False, 3),
    ("스터디 3주차 회고", False, 3),
    ("스터디 12 주차 회고", False, 12),
    ("paper club week 3 retrospective", False, 3),
    ("Week-3 정리", False, 3),
    ("WEEK_7 notes", False, 7),
    ("aitechweek19", False, 19),
    ("회고 w05", False, 5),
    ("W3 retrospective", False, 3),
    ("(w12) 정리", False, 12),
    # false positives
    ("부스트캠프 4기 회고", False, None),
    ("3주 동안 배운 것", False, None),  # duration, not an ordinal week
    ("w2v 정리", False, None),
    ("word2vec w2v aw3 정리", False, None),
    ("2022-09-19 학습 정리", False, None),
    ("2022-W38 daily", False, None),
    ("week 0 orientation", False, 0),  # week 0: the onboarding week camps have
    ("부스트캠프 AI Tech 4기 0주차 회고 - 온보딩", False, 0),
    ("w0 notes", False, None),  # loose forms: 1..60
    ("week 2022 recap", False, None),
    ("boostcamp ai tech 374주차 회고", False, 374),  # long synthetic series
    ("w61 notes", False, None),  # loose form: 1..60 only
    ("week 1000", False, None),
    ("weekly review", False, None),
    ("weekend 3 plans", False, None),
    ("3 weeks of pytorch", False, None),  # "N weeks" only counts in file names
    ("", False, None),
    # file names (stems)
    ("2022-09-19-boostcamp-week1", True, 1),
    ("2022-09-19-week1", True, 1),
    ("2weeks", True, 2),
    ("boostcamp-3weeks", True, 3),
    ("boostcamp_4_weeks", True, 4),
    ("2022-09-30-boostcamp2", True, None),
    ("2022-09-19-0", True, None),
    ("2022-09-19-weeks", True, None),
    ("retro-2022-09-19-week", True, None),
    ("0weeks", True, None),
    ("2022-09-18-categories-aitechweek0", True, 0),
    ("/boostcamp/week0/", True, 0),  # a permalink reads like a file name
    ("2022-09-19-Boostcamp-1days", True, None),
    ("2023-03-20-week2-day1", True, 2),
]


@pytest.mark.parametrize(("text", "filename", "expected"), TEXT_CASES)
def test_week_in_text(text: str, filename: bool, expected: int | None) -> None:
    assert week_in_text(text, filename=filename) == expected


# ---------------------------------------------------------------------------------------------
# detect_week: (path, title, front matter, date, expected WeekInfo or None)
SEED_FM = {"layout": "post", "title": "boostcamp ai tech 4기 2주차 회고", "categories": "boostcamp"}
DETECT_CASES = [
    pytest.param(
        "_posts/2022-09-30-boostcamp2.md",
        SEED_FM["title"],
        SEED_FM,
        D(2022, 9, 30),
        WeekInfo("boostcamp", 2, "2022-W39", "title"),
        id="seed",
    ),
    pytest.param(
        "retros/boostcamp/2022-09-19-boostcamp-week1.md",
        "boostcamp ai tech 1주차 회고",
        {"date": D(2022, 9, 19), "categories": "boostcamp"},
        D(2022, 9, 19),
        WeekInfo("boostcamp", 1, "2022-W38", "title"),
        id="bench-boostcamp",
    ),
    pytest.param(
        "retros/study-group/2022-10-04-study-group-week3.md",
        "스터디 3주차 회고",
        {"categories": "study-group"},
        D(2022, 10, 4),
        WeekInfo("study-group", 3, "2022-W40", "title"),
        id="bench-study",
    ),
    pytest.param(
        "retros/paper-club/2022-10-05-paper-club-week3.md",
        "paper club week 3 retrospective",
        {"categories": "paper-club"},
        D(2022, 10, 5),
        WeekInfo("paper-club", 3, "2022-W40", "title"),
        id="bench-paper",
    ),
    pytest.param(  # bad YAML -> empty front matter: series from the folder
        "retros/study-group/2022-09-20-study-group-week1.md",
        "스터디 1주차 회고",
        {},
        D(2022, 9, 20),
        WeekInfo("study-group", 1, "2022-W38", "title"),
        id="bench-bad-yaml",
    ),
    pytest.param(
        "daily/2022-09-19-0.md",
        "2022-09-19 학습 정리",
        {"date": D(2022, 9, 19)},
        D(2022, 9, 19),
        WeekInfo("daily", None, "2022-W38", "date"),
        id="bench-daily",
    ),
    pytest.param(
        "concepts/LSTM.md",
        "LSTM",
        {"aliases": ["lstm"]},
        None,
        None,
        id="concept",
    ),
    pytest.param("LSTM.md", "LSTM", {}, None, None, id="root-concept"),
    pytest.param(  # front matter week beats the title
        "retros/x.md",
        "스터디 3주차 회고",
        {"week": 5, "series": "Study"},
        None,
        WeekInfo("study", 5, None, "front-matter"),
        id="fm-week-int",
    ),
    pytest.param(
        "retros/x.md",
        "",
        {"week": "W2", "series": " ML Study "},
        D(2022, 9, 30),
        WeekInfo("ml study", 2, "2022-W39", "front-matter"),
        id="fm-week-W2",
    ),
    pytest.param(
        "retros/x.md",
        "",
        {"week": "week 4"},
        None,
        WeekInfo("retros", 4, None, "front-matter"),
        id="fm-week-str",
    ),
    pytest.param(  # invalid front matter weeks fall through to the title
        "retros/x.md",
        "boostcamp 6주차",
        {"week": "soon"},
        None,
        WeekInfo("retros", 6, None, "title"),
        id="fm-week-bad",
    ),
    pytest.param(
        "retros/x.md",
        "week 6",
        {"week": True},
        None,
        WeekInfo("retros", 6, None, "title"),
        id="fm-week-bool",
    ),
    pytest.param(
        "retros/x.md",
        "week 6",
        {"week": 0},
        None,
        WeekInfo("retros", 0, None, "front-matter"),
        id="fm-week-zero",
    ),
    pytest.param(
        "retros/x.md",
        "week 6",
        {"week": -1},
        None,
        WeekInfo("retros", 6, None, "title"),
        id="fm-week-negative",
    ),
    pytest.param(  # series beats categories
        "a/b.md",
        "week 1",
        {"series": "boostcamp", "categories": "blog"},
        None,
        WeekInfo("boostcamp", 1, None, "title"),
        id="series-over-categories",
    ),
    pytest.param(
        "_posts/x.md",
        "week 1",
        {"categories": "boostcamp ai"},
        None,
        WeekInfo("boostcamp", 1, None, "title"),
        id="categories-jekyll-words",
    ),
    pytest.param(
        "_posts/x.md",
        "week 1",
        {"categories": ["", "Boostcamp", "ai"]},
        None,
        WeekInfo("boostcamp", 1, None, "title"),
        id="categories-list",
    ),
    pytest.param(
        "notes/x.md",
        "week 1",
        {"series": "", "categories": []},
        None,
        WeekInfo("notes", 1, None, "title"),
        id="empty-series-to-folder",
    ),
    pytest.param(
        "notes/x.md",
        "week 1",
        {"series": None, "categories": {"a": 1}, "category": 3},
        None,
        WeekInfo("notes", 1, None, "title"),
        id="odd-series-values",
    ),
    pytest.param(  # _posts is not a series
        "_posts/2022-09-30-boostcamp2.md",
        "부스트캠프 회고",
        {},
        D(2022, 9, 30),
        WeekInfo(None, None, "2022-W39", "date"),
        id="posts-ignored",
    ),
    pytest.param(  # Jekyll's category/_posts layout
        "Boostcamp/_posts/2022-09-30-week2.md",
        "회고",
        {},
        D(2022, 9, 30),
        WeekInfo("boostcamp", 2, "2022-W39", "filename"),
        id="category-posts-folder",
    ),
    pytest.param(
        "retros/aitechweek19.md",
        "회고",
        {},
        None,
        WeekInfo("retros", 19, None, "filename"),
        id="filename-glued",
    ),
    pytest.param(
        "retros/2021-01-01-boostcamp-3weeks.md",
        "새해 회고",
        {},
        D(2021, 1, 1),
        WeekInfo("retros", 3, "2020-W53", "filename"),
        id="filename-nweeks-year-boundary",
    ),
    pytest.param(  # title beats file name
        "retros/week9.md",
        "Week-3 회고",
        {},
        None,
        WeekInfo("retros", 3, None, "title"),
        id="title-over-filename",
    ),
    pytest.param(
        "ml/w2v.md",
        "w2v 정리",
        {},
        None,
        None,
        id="w2v-not-a-week",
    ),
    pytest.param(
        "ml/w05.md",
        "정리",
        {},
        None,
        WeekInfo("ml", 5, None, "filename"),
        id="filename-w05",
    ),
    pytest.param(
        "notes/x.md",
        "3주 동안 배운 것",
        {},
        D(2022, 10, 14),
        WeekInfo("notes", None, "2022-W41", "date"),
        id="duration-then-date",
    ),
    pytest.param(  # non-dict front matter and non-string title do not raise
        "notes/x.md",
        None,
        None,
        None,
        None,
        id="odd-inputs",
    ),
]


@pytest.mark.parametrize(("path", "title", "front_matter", "date", "expected"), DETECT_CASES)
def test_detect_week(
    path: str, title: str, front_matter: dict, date: dt.date | None, expected: WeekInfo | None
) -> None:
    assert detect_week(path, title, front_matter, date) == expected


@pytest.mark.parametrize(
    ("info", "key"),
    [
        (WeekInfo("boostcamp", 2, "2022-W39", "title"), "boostcamp/2"),
        (WeekInfo("daily", None, "2022-W38", "date"), "2022-W38"),
    ],
)
def test_key(info: WeekInfo, key: str) -> None:
    assert info.key == key


@pytest.mark.parametrize(
    "front_matter",
    [
        {"date": [1, 2]},
        {"date": {}},
        {"week": [1]},
        {"week": {"n": 1}},
        {"series": ["x"]},
        {"categories": [None, 3, ["nested"]]},
        {"week": 2.0},
        {"week": float("nan")},
    ],
)
def test_never_raises(front_matter: dict) -> None:
    date = note_date("_posts/2022-09-30-x.md", front_matter)
    detect_week("_posts/2022-09-30-x.md", "title", front_matter, date)


# ---------------------------------------------------------------------------------------------
# Real-shaped Jekyll and Obsidian names: (path, front matter title, front matter, first heading,
# expected (series, week, source, day)). Dates come from `note_date`.
REAL_CASES = [
    (
        "_posts/2022-09-19-Boostcamp-1days.md",
        "[Day 1] Python 기초와 벡터, 행렬",
        {"categories": ["Boostcamp", "Daily"]},
        "오늘 들은 강의",
        ("boostcamp", None, "date", 1),
    ),
    (
        "_posts/2022-09-20-Boostcamp-2days.md",
        "부스트캠프 2일차",
        {"categories": ["Boostcamp", "Daily"]},
        None,
        ("boostcamp", None, "date", 2),
    ),
    (
        "_posts/2022-10-19-Boostcamp-20~21days.md",
        "부스트캠프 20~21일차 - Seq2Seq",
        {"categories": ["Boostcamp"]},
        None,
        ("boostcamp", None, "date", 20),
    ),
    (
        "_posts/2022-10-11-Boostcamp-15(1)days.md",
        "Image Classification",
        {"categories": ["Boostcamp"]},
        None,
        ("boostcamp", None, "date", 15),
    ),
    (
        "_posts/2022-10-11-Boostcamp-15(2)days.md",
        "[Day 15-2] Annotation",
        {"categories": ["Boostcamp"]},
        None,
        ("boostcamp", None, "date", 15),
    ),
    (
        "_posts/2023-03-20-week2-day1.md",
        "[Week 2 - Day 1] 학습정리",
        {"categories": ["Boostcamp", "Daily"]},
        None,
        ("boostcamp", 2, "title", 1),
    ),
    (
        "_posts/2022-09-18-categories-aitechweek0.md",
        "부스트캠프 AI Tech 4기 0주차 회고 - 온보딩",
        {"categories": ["Boostcamp", "Weekly"], "permalink": "/boostcamp/week0/"},
        None,
        ("boostcamp", 0, "title", None),
    ),
    (
        "_posts/2022-09-18-onboarding.md",
        "온보딩 회고",
        {"categories": ["Boostcamp"], "permalink": "/boostcamp/week0/"},
        None,
        ("boostcamp", 0, "permalink", None),
    ),
    (
        "_posts/2022-10-20-special.md",
        "[Boostcamp] 특강 정리",
        {"categories": ["Boostcamp"]},
        "5주차 특강 정리",
        ("boostcamp", 5, "heading", None),
    ),
    (
        "_posts/2022-10-17-Boostcamp-4weeks.md",
        "[Boostcamp AI Tech] 4주차 회고",
        {"categories": ["Boostcamp"]},
        "부스트캠프 AI Tech 4기 4주차 회고",
        ("boostcamp", 4, "title", None),
    ),
    ("Daily/2024-03-04.md", "2024-03-04 (월)", {"tags": ["daily"]}, "2024-03-04 (월)", ("daily", None, "date", 0)),
    ("daily/2022-09-19-0.md", "2022-09-19 학습 정리", {}, None, ("daily", None, "date", None)),  # not a day note
    (  # "today I learned" is a day's note by another name
        "content/posts/til-2024-03-12.md",
        "TIL - JVM 메모리 구조",
        {"categories": ["TIL"], "date": "2024-03-12T22:00:00+09:00"},
        None,
        ("til", None, "date", 0),
    ),
    ("_posts/2023-05-03-git-rebase.md", "TIL: git rebase", {}, None, (None, None, "date", 0)),
    ("_posts/2023-05-03-until.md", "until the end", {}, None, (None, None, "date", None)),  # a word, not TIL
    ("회고/3주차 회고.md", "3주차 회고", {}, "3주차 회고", ("회고", 3, "title", None)),
    (
        "_posts/2020-05-21-template.md",
        "포스트 제목을 입력하세요",
        {"categories": ["Category"]},
        "개요",
        ("category", None, "date", None),
    ),
    ("notes/sunday.md", "Sunday 3 plans and today 5", {}, None, None),
    # a notes repo filing each week in a folder: the folder states the week, the series is the folder above
    ("week2/day3.md", "2024.07.24 (수) 학습 기록", {}, "2024.07.24 (수) 학습 기록", (None, 2, "folder", 3)),
    ("week2/회고.md", "2주차 회고", {}, "2주차 회고", (None, 2, "title", None)),
    ("camp/Week 3 (10.4~10.7)/느낀점.md", "느낀점", {}, None, ("camp", 3, "folder", None)),
    ("camp/3주차/정리.md", "정리", {}, None, ("camp", 3, "folder", None)),
    ("Weekly/notes.md", "notes", {}, None, None),  # `Weekly` states no week
]


@pytest.mark.parametrize(
    ("path", "title", "front_matter", "heading", "expected"), REAL_CASES, ids=lambda v: str(v)[:40]
)
def test_real_shaped_names(path, title, front_matter, heading, expected) -> None:
    info = detect_week(path, title, front_matter, note_date(path, front_matter), heading)
    assert (None if info is None else (info.series, info.week, info.source, info.day)) == expected


@pytest.mark.parametrize(
    ("text", "filename", "day"),
    [
        ("[Day 1] Python", False, 1),
        ("부스트캠프 12일차 - Regularization", False, 12),
        ("부스트캠프 20~21일차", False, 20),
        ("[Day 15-1] Image Classification", False, 15),
        ("Day-3 정리", False, 3),
        ("Sunday 3 plans", False, None),
        ("3 days of pytorch", False, None),  # a duration in a title
        ("2022-09-19-Boostcamp-1days", True, 1),
        ("2022-10-11-Boostcamp-15(1)days", True, 15),
        ("2022-10-19-Boostcamp-20~21days", True, 20),
        ("2023-03-20-week2-day1", True, 1),
        ("2022-09-19-0", True, None),
        ("", False, None),
    ],
)
def test_day_in_text(text: str, filename: bool, day: int | None) -> None:
    assert day_in_text(text, filename=filename) == day


@pytest.mark.parametrize(
    ("text", "weeks"),
    [
        ("주말에 밀림.. 이번 3주차에는 CV 이론 강의를 들었음.", [3]),
        ("이번 주는 바빴다. 2주차에 배운 hook이 다시 나옴", []),  # another week, named in passing
        ("This is week 4 of the camp", [4]),
        ("이번 4주차 과제(→5주차 아님)", [4]),
    ],
)
def test_body_weeks(text: str, weeks: list[int]) -> None:
    assert [week for week, _ in body_weeks(text)] == weeks


@pytest.mark.parametrize(
    ("front_matter", "date", "expected"),
    [
        ({"date": "2022-10-17 08:50:00 +0900"}, D(2022, 10, 17), dt.datetime(2022, 10, 17, 8, 50)),
        ({"date": dt.datetime(2022, 10, 17, 22, 20, tzinfo=KST)}, D(2022, 10, 17), dt.datetime(2022, 10, 17, 22, 20)),
        ({"date": "2020-05-21 00:00:00 +0900"}, D(2020, 5, 21), None),  # midnight: a date written as a datetime
        ({"date": D(2022, 10, 17)}, D(2022, 10, 17), None),
        ({"date": "2022-10-17"}, D(2022, 10, 17), None),
        ({"date": "2022-10-18 09:00"}, D(2022, 10, 17), None),  # another day than the note's
        ({}, D(2022, 10, 17), None),
    ],
)
def test_note_moment(front_matter: dict, date: dt.date, expected: dt.datetime | None) -> None:
    assert note_moment(front_matter, date) == expected
