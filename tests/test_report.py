"""The weekly report: concept lists, question lists, week choice, settings, Markdown, and the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from vaultgraph.cli import cli
from vaultgraph.config import ConfigError, parse_config
from vaultgraph.model import Concept, Note, Occurrence, WeekInfo
from vaultgraph.render.weekly_markdown import escape_markdown, format_markdown
from vaultgraph.series.questions import Question
from vaultgraph.series.select import WeekNotFound, default_week, resolve_week
from vaultgraph.series.timeline import WeekRef, build_timeline
from vaultgraph.series.weekly_report import build_report


def note(path: str, series: str, week: int | None, iso: str | None = None) -> Note:
    return Note(path=path, week=WeekInfo(series=series, week=week, iso_week=iso, source="title"))


def concept(key: str, *weeks: str, score: float = 1.0) -> Concept:
    return Concept(
        key=key,
        label=key.upper(),
        score=score,
        count=len(weeks),
        occurrences=[Occurrence("x.md", 1, "", 1, week, "prose") for week in weeks],
    )


def b(n: int) -> WeekRef:
    return WeekRef(False, "b", n)


NOTES = [note(f"b{n}.md", "b", n) for n in (1, 2, 3, 5, 6)] + [note("c.md", "c", 1)]
CONCEPTS = [
    concept("fresh", "b/6", score=2.0),
    concept("again", "b/1", "b/6"),
    concept("steady", "b/5", "b/6", score=3.0),
    concept("old", "b/1", "b/2"),
    concept("recent", "b/3", "b/5"),
    concept("later", "b/1", "b/3"),
    concept("elsewhere", "c/1"),
    concept("once", "b/1", score=5.0),  # passing by in week 1: never dormant
]


@pytest.mark.parametrize(("dormant_weeks", "dormant"), [(3, ["LATER", "OLD"]), (4, ["OLD"]), (5, [])])
def test_concept_lists(dormant_weeks, dormant):
    timeline = build_timeline(NOTES, CONCEPTS)
    report = build_report(timeline, [], b(6), dormant_weeks)
    assert [c.label for c in report.new] == ["FRESH"]
    assert [c.label for c in report.recurring] == ["STEADY", "AGAIN"]  # by salience
    assert [c.label for c in report.dormant] == dormant  # same salience: by key
    data = report.to_dict()
    assert data["new"] == [{"key": "fresh", "label": "FRESH", "weeks": ["b/6"]}]
    assert data["recurring"][1] == {"key": "again", "label": "AGAIN", "weeks": ["b/1", "b/6"]}
    if dormant:
        assert data["dormant"][-1] == {
            "key": "old",
            "label": "OLD",
            "weeks": ["b/1", "b/2"],
            "last": "b/2",
            "absent": 4,
        }


def test_an_earlier_week_sees_only_its_past():
    report = build_report(build_timeline(NOTES, CONCEPTS), [], b(2))
    assert [c.key for c in report.new] == [] and sorted(c.key for c in report.recurring) == ["old"]
    assert report.dormant == []


def test_questions_split_into_open_and_carried():
    asked = Question("왜?", "b6.md", 3, b(6))
    again = Question("또 왜?", "b6.md", 9, b(6), carried_from=[b(2), b(5)])
    elsewhere = Question("다른 주", "b5.md", 1, b(5))
    report = build_report(build_timeline(NOTES, CONCEPTS), [again, elsewhere, asked], b(6))
    assert report.to_dict()["questions"] == {
        "open": [{"text": "왜?", "note": "b6.md", "line": 3}],
        "carried": [{"text": "또 왜?", "note": "b6.md", "line": 9, "from": ["b/2", "b/5"]}],
    }
    assert set(report.to_dict()) == {
        "week",
        "notes",
        "days",
        "new",
        "recurring",
        "dormant",
        "dormant_more",
        "questions",
    }


def test_default_week_is_the_latest_of_the_series_with_most_weeks():
    assert default_week(build_timeline(NOTES)) == b(6)
    tie = [note("a.md", "z", 1), note("d.md", "daily", None, "2023-W02"), note("e.md", "a", 4)]
    assert default_week(build_timeline(tie)) == WeekRef(False, "a", 4)  # numbered first, then by name
    assert default_week(build_timeline([])) is None


@pytest.mark.parametrize(
    ("asked", "expected"), [(None, b(6)), ("b/3", b(3)), ("3", b(3)), (" b/5 ", b(5)), ("c/1", WeekRef(False, "c", 1))]
)
def test_resolve_week(asked, expected):
    assert resolve_week(build_timeline(NOTES), asked) == expected


@pytest.mark.parametrize(
    ("asked", "message"),
    [
        ("b/4", "b has no notes in week 4 (weeks with notes: 1-3, 5-6)"),
        ("b/99", "b has no notes in week 99"),
        ("zz/1", "no series 'zz' in this vault (series: b, c;"),
        ("2023-W03", "no notes were written in 2023-W03 (weeks here: b: 1-3, 5-6; c: 1)"),
        ("week 3", "'week 3' is not a week: expected N, SERIES/N or YYYY-Www (weeks here: b: 1-3, 5-6; c: 1)"),
    ],
)
def test_resolve_week_errors(asked, message):
    with pytest.raises(WeekNotFound, match="^" + message.replace("(", r"\(").replace(")", r"\)")):
        resolve_week(build_timeline(NOTES), asked)


def test_resolve_week_in_a_vault_without_weeks():
    with pytest.raises(WeekNotFound, match="no note in this vault has a week"):
        resolve_week(build_timeline([Note(path="a.md")]), None)


@pytest.mark.parametrize(
    ("table", "error"),
    [
        ({"dormant-weeks": 0}, "cfg.toml: report.dormant-weeks: expected a whole number >= 1, got 0"),
        ({"dormant-weeks": "3"}, "cfg.toml: report.dormant-weeks: expected a whole number >= 1, got '3'"),
        ({"dormant-weeks": True}, "cfg.toml: report.dormant-weeks: expected a whole number >= 1, got True"),
        ({"dormant": 3}, "cfg.toml: report.dormant: unknown key (known keys: dormant-weeks)"),
    ],
)
def test_report_settings_errors(table, error):
    with pytest.raises(ConfigError) as raised:
        parse_config({"report": table}, Path("cfg.toml"))
    assert str(raised.value) == error


def test_report_settings_defaults():
    assert parse_config({"report": {}}, None).sections["report"] == {"dormant-weeks": 3}
    assert parse_config({"report": {"dormant-weeks": 5}}, None).sections["report"] == {"dormant-weeks": 5}


HOSTILE = "<script>alert(1)</script> [[Note]] ![x](y.png) #tag **b** _i_ `c` $x$ %%c%% a|b & ~~s~~"


def test_escape_markdown_leaves_no_markup():
    escaped = escape_markdown(HOSTILE)
    assert "<" not in escaped and ">" not in escaped and "& " not in escaped
    for special in ("[", "]", "#", "*", "_", "`", "$", "%", "|", "~", "!"):
        assert all(escaped[i - 1] == "\\" for i, ch in enumerate(escaped) if ch == special)
    assert escape_markdown("- 1. item\nnext") == "\\- 1. item next"
    assert escape_markdown("3. third") == "3\\. third"
    assert escape_markdown("10) tenth") == "10\\) tenth"
    assert escape_markdown("1.5배") == "1.5배"


def test_markdown_report():
    timeline = build_timeline(NOTES, CONCEPTS)
    again = Question(HOSTILE, "b6.md", 9, b(6), carried_from=[b(2)])
    text = format_markdown(build_report(timeline, [again], b(6)))
    assert text.startswith("## Weekly report: b/6\n\nNotes: b6.md\n\n### New concepts (1)\n\n- **FRESH**\n")
    assert "- **AGAIN** — seen in b/1, b/6" in text
    assert "- **OLD** — seen in 2 weeks, last b/2, 4 weeks ago" in text
    assert "### Open questions (0)\n\n_none_" in text
    assert f"- {escape_markdown(HOSTILE)} (b6.md:9) — asked before in b/2" in text
    assert "<script" not in text


# --- the commands ------------------------------------------------------------------------------


def run(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def test_cli_report_on_the_sample_vault(sample_vault):
    result = run("report", str(sample_vault), "--week", "boostcamp/5", "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["week"] == "boostcamp/5" and data["notes"] == ["retros/boostcamp 5주차 회고.md"]
    assert {
        "key": "lstm",
        "label": "LSTM",
        "weeks": ["boostcamp/2", "boostcamp/3", "boostcamp/4", "boostcamp/5"],
    } in data["recurring"]
    assert [(c["line"], c["from"]) for c in data["questions"]["carried"]] == [(30, ["boostcamp/2"])]
    markdown = run("report", str(sample_vault))
    assert markdown.exit_code == 0 and markdown.output.startswith("## Weekly report: boostcamp/9\n")


@pytest.mark.parametrize(
    ("week", "message"),
    [
        ("boostcamp/6", "vaultgraph: error: boostcamp has no notes in week 6 (weeks with notes: 1-5, 7-9)\n"),
        ("nope/1", "vaultgraph: error: no series 'nope' in this vault"),
    ],
)
def test_cli_report_unknown_week(week, message, sample_vault):
    result = CliRunner().invoke(cli, ["report", str(sample_vault), "--week", week])
    assert result.exit_code == 2
    assert result.stderr.startswith(message) and result.stderr.count("\n") == 1
    assert result.stdout == ""


def write(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    return root


def test_cli_notes_without_weeks(tmp_path):
    vault = write(tmp_path, {"LSTM.md": "# LSTM\n\ngate가 세 개\n", "Attention.md": "# Attention\n"})
    timeline = run("timeline", str(vault))
    assert timeline.exit_code == 0 and "nothing to put on a timeline" in timeline.output
    assert json.loads(run("timeline", str(vault), "--format", "json").output) == {"series": [], "concepts": []}
    report = run("report", str(vault))
    assert report.exit_code == 0 and report.output.startswith("No note in this vault has a week")
    empty = json.loads(run("report", str(vault), "--format", "json").output)
    assert empty["week"] is None and empty["questions"] == {"open": [], "carried": []}
    asked = CliRunner().invoke(cli, ["report", str(vault), "--week", "b/1"])
    assert asked.exit_code == 2 and "no note in this vault has a week" in asked.stderr


def test_cli_a_series_with_one_week(tmp_path):
    vault = write(
        tmp_path, {"retros/1주차 회고.md": "# 1주차 회고\n\n- [[LSTM]]이 왜 느린지 모르겠음\n", "LSTM.md": "# LSTM\n"}
    )
    result = run("report", str(vault), "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["week"] == "retros/1" and data["recurring"] == [] and data["dormant"] == []
    assert "lstm" in [c["key"] for c in data["new"]]
    assert data["questions"]["open"] == [
        {"text": "LSTM이 왜 느린지 모르겠음", "note": "retros/1주차 회고.md", "line": 3}
    ]
    table = run("timeline", str(vault)).output
    assert table.startswith("retros: 1 week with notes\n")


def test_cli_timeline_formats(tmp_path, sample_vault):
    text = run("timeline", str(sample_vault), "--top", "5")
    assert text.exit_code == 0
    assert text.output.startswith("boostcamp (2023-01-06 to 2023-03-03): 8 weeks with notes, no notes in 6\n")
    data = json.loads(run("timeline", str(sample_vault), "--format", "json").output)
    assert [s["name"] for s in data["series"]] == ["boostcamp"]  # the daily note is in week 3
    lstm = next(c for c in data["concepts"] if c["key"] == "lstm")
    assert set(lstm) == {"key", "label", "weeks", "first", "last", "streak", "dormant"}
    assert lstm["first"] == "boostcamp/2" and lstm["dormant"] == 0
    out = tmp_path / "t.html"
    html = run("timeline", str(sample_vault), "--format", "html", "-o", str(out))
    assert html.exit_code == 0 and out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_cli_bad_report_config(tmp_path):
    vault = write(tmp_path, {"w1.md": "# week 1\n", "vaultgraph.toml": "[report]\ndormant-weeks = -1\n"})
    result = CliRunner().invoke(cli, ["report", str(vault)])
    assert result.exit_code == 2
    assert result.stderr.strip().endswith("vaultgraph.toml: report.dormant-weeks: expected a whole number >= 1, got -1")


def test_dormant_concepts_are_capped_and_counted():
    many = [concept(f"topic{i:02d}", "b/1", "b/2", score=float(i)) for i in range(25)]
    report = build_report(build_timeline(NOTES, [*many, concept("kept", "b/1", "b/2", "b/3")]), [], b(6))
    assert [c.key for c in report.dormant][:2] == ["kept", "topic24"]  # most weeks first, then salience
    assert len(report.dormant) == 20 and report.dormant_more == 6
    text = format_markdown(report)
    assert "### Dormant concepts (26)" in text and "- … and 6 more\n" in text
    assert report.to_dict()["dormant_more"] == 6


def test_day_notes_are_listed_with_their_concepts_and_questions():
    notes = [
        Note(path="w1.md", week=WeekInfo("b", 1, None, "title")),
        Note(path="d2.md", week=WeekInfo("b", 1, None, "assigned", day=2)),
        Note(path="d1.md", week=WeekInfo("b", 1, None, "assigned", day=1)),
    ]
    concepts = [
        Concept(
            "lstm", "LSTM", 2.0, 2, occurrences=[Occurrence(p, 1, "", 1, "b/1", "prose") for p in ("d1.md", "w1.md")]
        ),
        Concept("gru", "GRU", 1.0, 1, occurrences=[Occurrence("d1.md", 2, "", 2, "b/1", "prose")]),
    ]
    asked = Question("GRU는 왜 gate가 두 개지?", "d1.md", 2, WeekRef(False, "b", 1))
    report = build_report(
        build_timeline(notes, concepts), [asked], WeekRef(False, "b", 1), titles={"d1.md": "[Day 1] RNN"}
    )
    assert report.notes == ["d1.md", "d2.md", "w1.md"]
    assert report.to_dict()["days"] == [
        {
            "path": "d1.md",
            "day": 1,
            "title": "[Day 1] RNN",
            "concepts": ["LSTM", "GRU"],
            "questions": [{"text": "GRU는 왜 gate가 두 개지?", "note": "d1.md", "line": 2}],
        },
        {"path": "d2.md", "day": 2, "title": "d2.md", "concepts": [], "questions": []},
    ]
    assert report.open == [asked]
    text = format_markdown(report)
    assert "### Day notes (2)\n\n- Day 1: **\\[Day 1\\] RNN** (d1.md): LSTM, GRU; 1 question\n" in text
    assert "- Day 2: **d2.md** (d2.md): _no concepts_\n" in text
