"""The weekly report as Markdown: for `$GITHUB_STEP_SUMMARY` and for pasting into next week's note.

Everything that comes from notes (question text, concept labels, paths) is escaped: HTML specials
become entities (GitHub renders HTML in step summaries) and Markdown, Obsidian and math specials
get a backslash, so a pasted report adds no links, tags, embeds, comments or math of its own.
"""

from __future__ import annotations

import re

from vaultgraph.series.questions import Question
from vaultgraph.series.weekly_report import ConceptEntry, DayNote, WeeklyReport

__all__ = ["escape_markdown", "format_markdown"]

MAX_ITEMS = 20
"""Longer concept lists are cut here (the JSON has them all)."""

_SPECIALS = re.compile(r"([\\`*_\[\]|~$%#!{}])")
_LINE_START = re.compile(r"^(\s*)([-+=])|^(\s*[0-9]+)([.)])(?=\s|$)")


def escape_markdown(text: str) -> str:
    """`text` as literal inline Markdown: no markup, links, tags, HTML or math; one line."""
    text = " ".join(str(text).split())
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _SPECIALS.sub(r"\\\1", text)
    # A leading "-", "+", "=" or "3." would make the text a list item or an underline.
    return _LINE_START.sub(lambda m: f"{m[1]}\\{m[2]}" if m[2] else f"{m[3]}\\{m[4]}", text)


def _weeks(entry: ConceptEntry) -> str:
    return ", ".join(escape_markdown(ref.key) for ref in entry.weeks)


def _concepts(title: str, entries: list[ConceptEntry], describe, more: int = 0) -> list[str]:
    lines = [f"### {title} ({len(entries) + more})", ""]
    if not entries:
        return [*lines, "_none_", ""]
    lines += [f"- {describe(entry)}" for entry in entries[:MAX_ITEMS]]
    if len(entries) > MAX_ITEMS:
        lines.append(f"- … and {len(entries) - MAX_ITEMS} more (`vaultgraph report --format json` lists them all)")
    elif more:
        lines.append(f"- … and {more} more")
    return [*lines, ""]


def _day(note: DayNote) -> str:
    day = f"Day {note.day}: " if note.day else ""
    about = ", ".join(escape_markdown(label) for label in note.concepts) or "_no concepts_"
    asked = f"; {len(note.questions)} question{'s' if len(note.questions) != 1 else ''}" if note.questions else ""
    return f"- {day}**{escape_markdown(note.title)}** ({escape_markdown(note.path)}): {about}{asked}"


def _days(days: list[DayNote]) -> list[str]:
    if not days:
        return []
    return [f"### Day notes ({len(days)})", "", *(_day(note) for note in days), ""]


def _where(question: Question) -> str:
    return f"{escape_markdown(question.note)}:{question.line}"


def _questions(title: str, questions: list[Question], carried: bool) -> list[str]:
    lines = [f"### {title} ({len(questions)})", ""]
    if not questions:
        return [*lines, "_none_", ""]
    for question in questions:
        before = ""
        if carried:
            before = " — asked before in " + ", ".join(escape_markdown(ref.key) for ref in question.carried_from)
        lines.append(f"- {escape_markdown(question.text)} ({_where(question)}){before}")
    return [*lines, ""]


def format_markdown(report: WeeklyReport) -> str:
    """The report as a Markdown section headed by the week."""
    week = escape_markdown(report.week.key)
    notes = ", ".join(escape_markdown(path) for path in report.notes)
    lines = [f"## Weekly report: {week}", "", f"Notes: {notes}", ""]
    lines += _days(report.days)
    lines += _concepts("New concepts", report.new, lambda e: f"**{escape_markdown(e.label)}**")
    lines += _concepts(
        "Recurring concepts", report.recurring, lambda e: f"**{escape_markdown(e.label)}** — seen in {_weeks(e)}"
    )
    lines += _concepts(
        "Dormant concepts",
        report.dormant,
        lambda e: (
            f"**{escape_markdown(e.label)}** — seen in {len(e.weeks)} weeks, last {escape_markdown(e.weeks[-1].key)}, "
            f"{e.absent} weeks ago"
        ),
        more=report.dormant_more,
    )
    lines += _questions("Open questions", report.open, carried=False)
    lines += _questions("Carried questions", report.carried, carried=True)
    return "\n".join(lines).rstrip() + "\n"
