"""End to end on a written 5-week bootcamp blog: weekly posts, day posts, side posts and strays.

The vault has the shapes real Jekyll bootcamp blogs have: an onboarding week 0 (`aitechweek0`, a
permalink), day posts named `Boostcamp-1days` … `15(1)days`, `20~21days`, weekly posts closing each
week on Friday night (week 4 written late, on Monday morning, with a body still saying "3주차"),
side posts of the camp (a ground-rule post, a masterclass named `week3`), a BOJ post, and a
template dated 2020. Every command sees the same weeks.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
from pathlib import Path

import pytest
from click.testing import CliRunner

from vaultgraph.cli import cli

START = dt.date(2022, 9, 19)  # a Monday, 2022-W38
LECTURES = {
    1: ["numpy", "gradient descent", "softmax", "backpropagation", "KL divergence"],
    2: ["pytorch", "autograd", "dataset", "dataloader", "transfer learning"],
    3: ["optimizer", "dropout", "batchnorm", "ResNet", "transformer"],
    4: ["segmentation", "object detection", "YOLO", "Grad-CAM", "ViT"],
    5: ["word2vec", "seq2seq", "attention", "beam search", "BERT"],
}


def front(title: str, when: str, categories: str, extra: str = "") -> str:
    return f'---\nlayout: post\ntitle: "{title}"\ndate: {when} +0900\ncategories: {categories}\n{extra}---\n'


def day_name(day: int) -> str:
    return {15: "15(1)", 20: "20~21"}.get(day, str(day))


def bootcamp_vault(root: Path) -> Path:
    posts = root / "_posts"
    posts.mkdir(parents=True)
    files = {
        "2020-05-21-template.md": front("포스트 제목을 입력하세요", "2020-05-21 00:00:00", "[Category, Sub]")
        + "## 개요\n",
        "2022-09-11-blog-setup.md": front("Jekyll 블로그 만들기", "2022-09-11 16:20:00", "[Blog, Setup]")
        + "chirpy 테마로 만들었다.\n",
        "2022-09-18-categories-aitechweek0.md": front(
            "부스트캠프 AI Tech 4기 0주차 회고 - 온보딩",
            "2022-09-18 22:10:00",
            "[Boostcamp, Weekly]",
            "permalink: /boostcamp/week0/\n",
        )
        + "# 0주차 회고\n\n- OT와 numpy 사전 학습\n",
        "2022-09-20-boostcamp-peer-groundrule.md": front(
            "[Boostcamp] 우리 팀 그라운드룰", "2022-09-20 23:30:00", "[Boostcamp, Peer]"
        )
        + "- 피어세션은 매일 4시, git 컨벤션 정하기\n",
        "2022-09-25-boj-12865.md": front("[백준 12865] 평범한 배낭", "2022-09-25 15:30:00", "[Algorithm, BOJ]")
        + "dp로 풀었다.\n",
        "2022-10-07-boostcamp-masterclass-week3.md": front(
            "[Boostcamp] 3주차 마스터클래스 후기", "2022-10-07 22:30:00", "[Boostcamp, Event]"
        )
        + "- transformer 연구 이야기\n",
    }
    day = 0
    for week, topics in LECTURES.items():
        monday = START + dt.timedelta(weeks=week - 1)
        for offset, topic in enumerate(topics):
            day += 1
            when = monday + dt.timedelta(days=offset)
            body = f"## 오늘 들은 강의\n\n- **{topic}** 정리\n- {topic}에서 왜 이렇게 하는지 모르겠음\n"
            files[f"{when}-Boostcamp-{day_name(day)}days.md"] = (
                front(f"[Day {day}] {topic}", f"{when} 21:00:00", "[Boostcamp, Daily]") + body
            )
        closing = monday + dt.timedelta(days=4)
        when, says = f"{closing} 23:20:00", week
        if week == 4:  # written late on Monday morning, its body copied from week 3's
            when, says = f"{closing + dt.timedelta(days=3)} 08:50:00", 3
        files[f"{closing}-Boostcamp-{week}weeks.md"] = (
            front(f"[Boostcamp AI Tech] {week}주차 회고", when, "[Boostcamp, Weekly]")
            + f"# 부스트캠프 AI Tech 4기 {week}주차 회고\n\n이번 {says}주차에는 {', '.join(topics[:3])}를 배웠다.\n"
        )
    for name, text in files.items():
        (posts / name).write_text(text, encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def vault(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return bootcamp_vault(tmp_path_factory.mktemp("bootcamp"))


def run(*args: str):
    return CliRunner().invoke(cli, [*args, "--no-cache"])


def test_every_day_post_is_in_the_week_its_weekly_post_closes(vault: Path) -> None:
    result = run("timeline", str(vault), "--format", "json")
    assert result.exit_code == 0, result.output
    series = {s["name"]: s for s in json.loads(result.stdout)["series"]}
    boostcamp = {w["week"]: w for w in series["boostcamp"]["weeks"]}
    assert list(boostcamp) == [0, 1, 2, 3, 4, 5]
    assert boostcamp[0]["notes"] == ["_posts/2022-09-18-categories-aitechweek0.md"]
    for week in range(1, 6):
        assert sorted(boostcamp[week]["days"].values()) == list(range(5 * week - 4, 5 * week + 1))
        assert (
            f"_posts/{START + dt.timedelta(weeks=week - 1, days=4)}-Boostcamp-{week}weeks.md"
            in boostcamp[week]["notes"]
        )
    assert "_posts/2022-09-20-boostcamp-peer-groundrule.md" in boostcamp[1]["notes"]
    assert "_posts/2022-10-07-boostcamp-masterclass-week3.md" in boostcamp[3]["notes"]
    # the strays stay on the calendar, and the template's two empty years are left out of its axis
    calendar = series["dated"]
    assert [n for w in calendar["weeks"] for n in w["notes"]] == [
        "_posts/2020-05-21-template.md",
        "_posts/2022-09-11-blog-setup.md",
        "_posts/2022-09-25-boj-12865.md",
    ]
    assert calendar["skipped"] == [{"from": "2020-W22", "to": "2022-W35", "weeks": 119}]
    assert len(calendar["weeks"]) == 4  # 2020-W21, 2022-W36, W37 (a gap), W38


def test_text_timeline_fits_a_terminal(vault: Path) -> None:
    result = run("timeline", str(vault))
    assert result.exit_code == 0, result.output
    widths = [
        sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line) for line in result.stdout.splitlines()
    ]
    assert max(widths) <= 100
    assert "boostcamp (2022-09-18 to 2022-10-21): 6 weeks with notes" in result.stdout
    assert "119 empty weeks left out (2020-W22 to 2022-W35)" in result.stdout


def test_report_lists_the_weeks_day_posts_and_their_questions(vault: Path) -> None:
    result = run("report", str(vault), "--week", "boostcamp/3", "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert [d["day"] for d in data["days"]] == [11, 12, 13, 14, 15]
    assert data["days"][0]["title"] == "[Day 11] optimizer" and "optimizer" in [
        c.lower() for c in data["days"][0]["concepts"]
    ]
    asked = {q["note"] for q in data["questions"]["open"] + data["questions"]["carried"]}
    assert {d["path"] for d in data["days"]} <= asked
    assert len(data["notes"]) == 7  # five days, the weekly post, the masterclass
    by_iso = run("report", str(vault), "--week", "2022-W40", "--format", "json")
    assert json.loads(by_iso.stdout)["week"] == "boostcamp/3"
    markdown = run("report", str(vault), "--week", "3")
    assert markdown.stdout.startswith("## Weekly report: boostcamp/3\n") and "### Day notes (5)" in markdown.stdout


def test_lint_sees_the_same_weeks(vault: Path) -> None:
    result = run("lint", str(vault), "--select", "VG204,VG501,VG502,VG504", "--format", "json")
    found = [(d["path"], d["line"], d["code"]) for d in json.loads(result.stdout)["diagnostics"]]
    # no missing or duplicate week; the late week-4 post: its file name's date, and its body's week
    assert found == [
        ("_posts/2022-10-14-Boostcamp-4weeks.md", 4, "VG204"),
        ("_posts/2022-10-14-Boostcamp-4weeks.md", 9, "VG504"),
    ]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["report", "--week", "9"], "boostcamp has no notes in week 9 (weeks with notes: 0-5)"),
        (["report", "--week", "bootcamp/2"], "no series 'bootcamp' in this vault (series: "),
        (
            ["timeline", "--week-from", "4", "--week-to", "2"],
            "--week-from boostcamp/4 comes after --week-to boostcamp/2",
        ),
        (["timeline", "--series", "nope", "--format", "html"], "no series 'nope' in this vault"),
        (["report", "--week", "2021-W01"], "no notes were written in 2021-W01 (weeks here: dated: "),
        (["graph", "--week-from", "boostcamp/5", "--week-to", "1"], "--week-from boostcamp/5 comes after --week-to"),
        (["graph", "--series", "Boostcamp", "--week-from", "2022-W36"], "--week-from 2022-W36 is not a week of series"),
    ],
)
def test_a_selection_that_matches_nothing_is_an_error(
    vault: Path, tmp_path: Path, args: list[str], message: str
) -> None:
    out = tmp_path / "out.html"
    result = run(args[0], str(vault), *args[1:], "-o", str(out))
    assert result.exit_code == 2
    assert result.stderr.startswith(f"vaultgraph: error: {message}") and result.stderr.count("\n") == 1
    assert not out.exists() and result.stdout == ""


def test_timeline_selection_and_heatmap(vault: Path, tmp_path: Path) -> None:
    part = run("timeline", str(vault), "--week-from", "2", "--week-to", "boostcamp/3", "--format", "json")
    assert [w["key"] for s in json.loads(part.stdout)["series"] for w in s["weeks"]] == ["boostcamp/2", "boostcamp/3"]
    out = tmp_path / "t.html"
    assert run("timeline", str(vault), "--format", "html", "-o", str(out)).exit_code == 0
    page = out.read_text(encoding="utf-8")
    policy = re.search(r'Content-Security-Policy" content="([^"]*)"', page)
    assert policy is not None and "'sha256-" in policy[1] and "unsafe-inline" not in policy[1]


def test_graph_weeks_are_selected_and_ordered_by_date(vault: Path, tmp_path: Path) -> None:
    out = tmp_path / "g.json"
    result = run(
        "graph", str(vault), "--week-from", "2", "--week-to", "boostcamp/3", "--format", "json", "-o", str(out)
    )
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text(encoding="utf-8"))
    assert sorted(n["id"] for n in data["nodes"] if n["kind"] == "week") == ["week:boostcamp/2", "week:boostcamp/3"]
    full = tmp_path / "full.json"
    assert run("graph", str(vault), "--format", "json", "-o", str(full)).exit_code == 0
    weeks = json.loads(full.read_text(encoding="utf-8"))["graph"]["weeks"]
    # as they happened: the 2020 template, the blog set-up, week 0 of the camp, its week 1 and the BOJ post...
    assert weeks[:5] == ["2020-W21", "2022-W36", "boostcamp/0", "boostcamp/1", "2022-W38"]
    assert weeks[-1] == "boostcamp/5"
