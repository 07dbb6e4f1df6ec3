"""Week assignment over a whole vault (`series.assign`): day notes and side posts in their series' week.

Table-driven over small vaults written to disk with real-shaped Jekyll and Obsidian names, then
the labelled vaults of `benchmarks/vaults/` (every note in the week its author meant).
"""

from __future__ import annotations

import datetime as dt
import tomllib
from pathlib import Path

import pytest

from vaultgraph.config import ConfigError, parse_config
from vaultgraph.model import Note, WeekInfo
from vaultgraph.series.assign import assign_weeks, closings
from vaultgraph.vault.load import load_vault

VAULTS = Path(__file__).resolve().parents[1] / "benchmarks" / "vaults"


def post(title: str, date: str, categories: str = "[Boostcamp]", extra: str = "") -> str:
    return f'---\ntitle: "{title}"\ndate: {date}\ncategories: {categories}\n{extra}---\n본문\n'


def write(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")


def weeks_of(root: Path, daily: str = "in-week") -> dict[str, tuple[str, int | None]]:
    vault = load_vault(root, daily=daily)
    return {
        path: (note.week.key if note.week and note.week.week is not None else "", note.week.day if note.week else None)
        for path, note in vault.notes.items()
    }


CASES = [
    pytest.param(
        {
            "_posts/2022-09-18-categories-aitechweek0.md": post("0주차 회고", "2022-09-18 22:10:00 +0900"),
            "_posts/2022-09-19-Boostcamp-1days.md": post("[Day 1] Python", "2022-09-19 21:40:00 +0900"),
            "_posts/2022-09-20-peer-groundrule.md": post("그라운드룰", "2022-09-20 23:30:00 +0900"),
            "_posts/2022-09-23-Boostcamp-5days.md": post("[Day 5] 통계", "2022-09-23 17:50:00 +0900"),
            "_posts/2022-09-23-Boostcamp-1weeks.md": post("1주차 회고", "2022-09-23 23:20:00 +0900"),
            "_posts/2022-09-26-Boostcamp-6days.md": post("[Day 6] PyTorch", "2022-09-26 21:00:00 +0900"),
            "_posts/2022-09-30-Boostcamp-2weeks.md": post("2주차 학습정리", "2022-09-30 23:40:00 +0900"),
        },
        {
            "_posts/2022-09-18-categories-aitechweek0.md": ("boostcamp/0", None),
            "_posts/2022-09-19-Boostcamp-1days.md": ("boostcamp/1", 1),
            "_posts/2022-09-20-peer-groundrule.md": ("boostcamp/1", None),
            "_posts/2022-09-23-Boostcamp-5days.md": ("boostcamp/1", 5),
            "_posts/2022-09-23-Boostcamp-1weeks.md": ("boostcamp/1", None),
            "_posts/2022-09-26-Boostcamp-6days.md": ("boostcamp/2", 6),
            "_posts/2022-09-30-Boostcamp-2weeks.md": ("boostcamp/2", None),
        },
        id="days-close-with-their-weekly-note-week-0-kept",
    ),
    pytest.param(
        {  # the week-4 note is written on Monday morning; that evening's day note is week 5
            "_posts/2022-10-14-Boostcamp-18days.md": post("[Day 18] ViT", "2022-10-14 20:30:00 +0900"),
            "_posts/2022-10-17-Boostcamp-4weeks.md": post("4주차 회고", "2022-10-17 08:50:00 +0900"),
            "_posts/2022-10-17-Boostcamp-19days.md": post("[Day 19] NLP", "2022-10-17 22:20:00 +0900"),
            "_posts/2022-10-22-Boostcamp-5weeks.md": post("5주차 회고", "2022-10-22 15:00:00 +0900"),
        },
        {
            "_posts/2022-10-14-Boostcamp-18days.md": ("boostcamp/4", 18),
            "_posts/2022-10-17-Boostcamp-4weeks.md": ("boostcamp/4", None),
            "_posts/2022-10-17-Boostcamp-19days.md": ("boostcamp/5", 19),
            "_posts/2022-10-22-Boostcamp-5weeks.md": ("boostcamp/5", None),
        },
        id="two-weeks-posts-on-one-day",
    ),
    pytest.param(
        {  # no week-6 retrospective: the span 5..7 is cut into weeks
            "_posts/2023-04-14-aitech-5주차.md": post("5주차 회고", "2023-04-14 23:30:00 +0900"),
            "_posts/2023-04-18-lightgcn.md": post("LightGCN", "2023-04-18 23:00:00 +0900"),
            "_posts/2023-04-21-wrapup.md": post("대회 회고", "2023-04-21 21:00:00 +0900"),
            "_posts/2023-04-25-sasrec.md": post("SASRec", "2023-04-25 23:20:00 +0900"),
            "_posts/2023-04-26-aitech-7주차.md": post("7주차 회고", "2023-04-28 22:30:00 +0900"),
        },
        {
            "_posts/2023-04-14-aitech-5주차.md": ("boostcamp/5", None),
            "_posts/2023-04-18-lightgcn.md": ("boostcamp/6", None),
            "_posts/2023-04-21-wrapup.md": ("boostcamp/6", None),
            "_posts/2023-04-25-sasrec.md": ("boostcamp/7", None),
            "_posts/2023-04-26-aitech-7주차.md": ("boostcamp/7", None),
        },
        id="split-weeks-without-a-weekly-note",
    ),
    pytest.param(
        {  # a stray template, a post long before the camp, another series: all stay on the calendar
            "_posts/2020-05-21-template.md": post("포스트 제목", "2020-05-21 00:00:00 +0900", "[Boostcamp]"),
            "_posts/2023-02-14-합격-후기.md": post("합격 후기", "2023-02-14 21:30:00 +0900"),
            "_posts/2023-03-15-pca-review.md": post("PCA 복습", "2023-03-15 22:10:00 +0900"),
            "_posts/2023-03-17-boostcamp-week1.md": post("1주차 회고", "2023-03-17 23:40:00 +0900"),
            "_posts/2023-03-18-boj.md": post("[백준] 배낭", "2023-03-18 15:00:00 +0900", "[Algorithm, BOJ]"),
            "_posts/2023-05-20-bert4rec.md": post("BERT4Rec", "2023-05-20 16:30:00 +0900"),
        },
        {
            "_posts/2020-05-21-template.md": ("", None),
            "_posts/2023-02-14-합격-후기.md": ("", None),
            "_posts/2023-03-15-pca-review.md": ("boostcamp/1", None),
            "_posts/2023-03-17-boostcamp-week1.md": ("boostcamp/1", None),
            "_posts/2023-03-18-boj.md": ("", None),
            "_posts/2023-05-20-bert4rec.md": ("", None),
        },
        id="stray-dates-stay-on-the-calendar",
    ),
    pytest.param(
        {  # Obsidian: Daily/ beside 회고/; Sunday the 10th is after week 1's retrospective
            "회고/1주차 회고.md": "---\ndate: 2024-03-09\n---\n# 1주차 회고\n",
            "회고/2주차 회고.md": "---\ndate: 2024-03-16\n---\n# 2주차 회고\n",
            "Daily/2024-03-04.md": "# 2024-03-04 (월)\n",
            "Daily/2024-03-09.md": "# 2024-03-09 (토)\n",
            "Daily/2024-03-10.md": "---\ndate: 2024-03-10\n---\n# 2024-03-10 (일)\n",
            "Daily/2024-05-01.md": "# far after the last retrospective\n",
            "개념/Kafka.md": "# Kafka\n",
        },
        {
            "회고/1주차 회고.md": ("회고/1", None),
            "회고/2주차 회고.md": ("회고/2", None),
            "Daily/2024-03-04.md": ("회고/1", 0),
            "Daily/2024-03-09.md": ("회고/1", 0),
            "Daily/2024-03-10.md": ("회고/2", 0),
            "Daily/2024-05-01.md": ("", 0),
            "개념/Kafka.md": ("", None),
        },
        id="obsidian-daily-folder-joins-the-one-series-around-it",
    ),
    pytest.param(
        {  # two series at once: a daily note cannot tell which it belongs to
            "boostcamp/1주차 회고.md": "---\ndate: 2024-03-09\n---\n",
            "paper-club/week 1.md": "---\ndate: 2024-03-08\n---\n",
            "Daily/2024-03-05.md": "# 화\n",
            "boostcamp/2024-03-06.md": "# 수\n",
        },
        {
            "boostcamp/1주차 회고.md": ("boostcamp/1", None),
            "paper-club/week 1.md": ("paper-club/1", None),
            "Daily/2024-03-05.md": ("", 0),
            "boostcamp/2024-03-06.md": ("boostcamp/1", 0),  # a daily note inside a series folder
        },
        id="ambiguous-daily-stays",
    ),
    pytest.param(
        {  # a day note that states its week keeps it; a retrospective written a month late is no closing
            "_posts/2023-03-17-week1.md": post("1주차 회고", "2023-03-17 23:00:00 +0900"),
            "_posts/2023-04-20-week2.md": post("2주차 회고", "2023-04-20 23:00:00 +0900"),
            "_posts/2023-03-31-week3.md": post("3주차 회고", "2023-03-31 23:00:00 +0900"),
            "_posts/2023-03-20-week2-day1.md": post("[Week 2 - Day 1] 학습정리", "2023-03-20 22:00:00 +0900"),
            "_posts/2023-03-28-cf.md": post("Collaborative Filtering", "2023-03-28 22:00:00 +0900"),
        },
        {
            "_posts/2023-03-17-week1.md": ("boostcamp/1", None),
            "_posts/2023-04-20-week2.md": ("boostcamp/2", None),
            "_posts/2023-03-31-week3.md": ("boostcamp/3", None),
            "_posts/2023-03-20-week2-day1.md": ("boostcamp/2", 1),
            "_posts/2023-03-28-cf.md": ("boostcamp/3", None),
        },
        id="stated-day-week-and-a-late-retrospective",
    ),
    pytest.param(
        {  # a long break between two weekly notes: only what leads up to the next one joins it
            "_posts/2023-01-06-week1.md": post("1주차 회고", "2023-01-06 23:00:00 +0900"),
            "_posts/2023-02-10-vacation.md": post("방학 메모", "2023-02-10 23:00:00 +0900"),
            "_posts/2023-03-08-prep.md": post("개강 준비", "2023-03-08 23:00:00 +0900"),
            "_posts/2023-03-10-week2.md": post("2주차 회고", "2023-03-10 23:00:00 +0900"),
        },
        {
            "_posts/2023-01-06-week1.md": ("boostcamp/1", None),
            "_posts/2023-02-10-vacation.md": ("", None),
            "_posts/2023-03-08-prep.md": ("boostcamp/2", None),
            "_posts/2023-03-10-week2.md": ("boostcamp/2", None),
        },
        id="a-break-between-weeks",
    ),
    pytest.param(
        {  # TIL posts filed under their own category join the one series whose weeks span their dates
            "content/posts/woowa-week-1.md": post("[우테코] 1주차 회고", "2024-02-24T23:10:00+09:00", '["우테코"]'),
            "content/posts/week-2.md": post("2주차 회고", "2024-03-02T22:00:00+09:00", '["우테코"]'),
            "content/posts/til-2024-02-20.md": post("TIL - Git 브랜치 전략", "2024-02-20T23:40:00+09:00", '["TIL"]'),
            "content/posts/til-2024-02-28.md": post("TIL - Stream API", "2024-02-28T23:00:00+09:00", '["TIL"]'),
            "content/posts/til-2023-11-02.md": post("TIL - 블로그 이사", "2023-11-02T21:00:00+09:00", '["TIL"]'),
        },
        {
            "content/posts/woowa-week-1.md": ("우테코/1", None),
            "content/posts/week-2.md": ("우테코/2", None),
            "content/posts/til-2024-02-20.md": ("우테코/1", 0),
            "content/posts/til-2024-02-28.md": ("우테코/2", 0),
            "content/posts/til-2023-11-02.md": ("", 0),  # long before the course: on the calendar
        },
        id="til-posts",
    ),
]


@pytest.mark.parametrize(("files", "expected"), CASES)
def test_assignment(tmp_path: Path, files: dict[str, str], expected: dict[str, tuple[str, int | None]]) -> None:
    write(tmp_path, files)
    assert weeks_of(tmp_path) == expected


def test_own_series_keeps_day_notes_on_the_calendar(tmp_path: Path) -> None:
    write(tmp_path, CASES[0].values[0])
    found = weeks_of(tmp_path, daily="own-series")
    assert found["_posts/2022-09-19-Boostcamp-1days.md"] == ("", 1)  # its ISO week, 2022-W38
    assert found["_posts/2022-09-20-peer-groundrule.md"] == ("boostcamp/1", None)  # side posts still join
    assert parse_config({"weeks": {"daily": "own-series"}}, None).sections["weeks"] == {"daily": "own-series"}
    with pytest.raises(ConfigError, match="weeks.daily: expected one of in-week, own-series, got 'x'"):
        parse_config({"weeks": {"daily": "x"}}, None)
    with pytest.raises(ConfigError, match="weeks.dialy: unknown key"):
        parse_config({"weeks": {"dialy": "in-week"}}, None)


def test_assigning_twice_gives_the_same_weeks(tmp_path: Path) -> None:
    write(tmp_path, CASES[4].values[0])
    vault = load_vault(tmp_path)
    before = {path: note.week for path, note in vault.notes.items()}
    assign_weeks(vault.notes.values())
    assert {path: note.week for path, note in vault.notes.items()} == before


def test_notes_without_dates_are_left_as_they_are() -> None:
    notes = [
        Note(path="w1.md", week=WeekInfo("b", 1, None, "title")),
        Note(path="d.md", week=WeekInfo("b", None, None, "date", day=3)),
        Note(path="c.md"),
    ]
    assign_weeks(notes)
    assert [note.week for note in notes] == [
        WeekInfo("b", 1, None, "title"),
        WeekInfo("b", None, None, "date", day=3),
        None,
    ]


def _labels(name: str) -> dict[str, tuple[str, int | None]]:
    table = tomllib.loads((VAULTS / f"{name}.labels.toml").read_text(encoding="utf-8"))["notes"]
    return {
        path: (label["week"], label["day"]) if isinstance(label, dict) else (label, None)
        for path, label in table.items()
    }


@pytest.mark.parametrize("name", ["cvnlp-jekyll", "recsys-jekyll", "de-obsidian"])
def test_labelled_vaults(name: str) -> None:
    """Every note of the labelled real-shaped vaults is in the week its author meant (and its day)."""
    assert weeks_of(VAULTS / name) == _labels(name)


def test_a_series_in_order_keeps_every_closing_and_a_late_one_is_dropped() -> None:
    def weekly(week: int, day: dt.date) -> Note:
        return Note(path=f"w{week}.md", date=day, week=WeekInfo("b", week, None, "title"))

    start = dt.date(2023, 1, 6)
    regular = [weekly(n + 1, start + dt.timedelta(weeks=n)) for n in range(400)]
    assert [c.week for c in closings(regular)["b"]] == list(range(1, 401))
    late = [*regular[:2], weekly(3, start + dt.timedelta(weeks=9)), *regular[3:6]]
    assert [c.week for c in closings(late)["b"]] == [1, 2, 4, 5, 6]
