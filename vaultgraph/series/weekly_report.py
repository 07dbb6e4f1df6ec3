"""The weekly report: what one week of a series brought, kept, dropped and still asks.

For week N of a series (concept weeks are compared on that series' axis only):

* ``new``: concepts seen in week N and in no earlier week of the series;
* ``recurring``: seen in week N and in earlier weeks;
* ``dormant``: not seen in week N, last seen in week L with N - L >= ``[report] dormant-weeks``;
* ``questions.open``: questions of week N's notes asked there for the first time;
* ``questions.carried``: questions of week N's notes that earlier weeks already asked (``from``).

Open and carried do not overlap: together they are all the questions of the week. Each concept
entry is ``{"key", "label", "weeks"}`` where ``weeks`` are the series' weeks up to N in which the
concept was seen (N included for new and recurring ones); dormant entries add ``"last"`` (the
week last seen) and ``"absent"`` (weeks since). Lists are sorted by salience (concept score);
dormant ones first by how many weeks they were seen (a topic kept up and then dropped comes first). The
JSON also lists the week's ``notes``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from vaultgraph.errors import VaultgraphError
from vaultgraph.series.questions import Question
from vaultgraph.series.timeline import ConceptTimeline, SeriesTimeline, Timeline, WeekRef, parse_week_key

__all__ = ["ConceptEntry", "WeekNotFound", "WeeklyReport", "build_report", "default_week", "resolve_week"]


class WeekNotFound(VaultgraphError, ValueError):
    """The week asked for has no notes; the message says which weeks exist."""


@dataclass(slots=True)
class ConceptEntry:
    key: str
    label: str
    weeks: list[WeekRef]
    absent: int | None = None
    """Dormant concepts only: weeks since the concept was last seen."""

    def to_dict(self) -> dict:
        data: dict = {"key": self.key, "label": self.label, "weeks": [ref.key for ref in self.weeks]}
        if self.absent is not None:
            data["last"] = self.weeks[-1].key
            data["absent"] = self.absent
        return data


@dataclass(slots=True)
class WeeklyReport:
    week: WeekRef
    notes: list[str]
    new: list[ConceptEntry] = field(default_factory=list)
    recurring: list[ConceptEntry] = field(default_factory=list)
    dormant: list[ConceptEntry] = field(default_factory=list)
    open: list[Question] = field(default_factory=list)
    carried: list[Question] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {
            "week": self.week.key,
            "notes": self.notes,
            "new": [c.to_dict() for c in self.new],
            "recurring": [c.to_dict() for c in self.recurring],
            "dormant": [c.to_dict() for c in self.dormant],
            "questions": {"open": [q.to_dict() for q in self.open], "carried": [q.to_dict() for q in self.carried]},
        }


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


def resolve_week(timeline: Timeline, text: str | None) -> WeekRef:
    """The week `--week` names (``SERIES/N``, ``YYYY-Www``, or ``N`` in the default series).

    Raises `WeekNotFound` when the vault has no notes in that week, naming the weeks it has.
    """
    fallback = default_week(timeline)
    if fallback is None:
        raise WeekNotFound("no note in this vault has a week (N주차, week N, front matter week:, or a date)")
    if not text:
        return fallback
    text = text.strip()
    if re.fullmatch(r"[0-9]+", text) and not fallback.calendar:
        text = f"{fallback.series}/{text}"
    ref = parse_week_key(text)
    known = "; ".join(f"{s.name}: {_ranges(s)}" for s in timeline.series)
    if ref is None:
        raise WeekNotFound(f"{text!r} is not a week: expected SERIES/N or YYYY-Www (weeks here: {known})")
    series = timeline.find_series(ref)
    if series is None and ref.calendar:
        raise WeekNotFound(f"no note is placed by its date alone, so there is no week {ref.key} (weeks here: {known})")
    if series is None:
        names = ", ".join(s.name for s in timeline.series)
        raise WeekNotFound(f"no series {ref.series!r} in this vault (series: {names}; weeks here: {known})")
    if not any(week.ref == ref and week.notes for week in series.weeks):
        raise WeekNotFound(f"{series.name} has no notes in week {ref.label} (weeks with notes: {_ranges(series)})")
    return ref


def _entry(concept: ConceptTimeline, week: WeekRef, dormant_weeks: int) -> tuple[str, ConceptEntry] | None:
    """Which list a concept belongs to for `week`, if any."""
    seen = [ref for ref in concept.weeks if ref.calendar == week.calendar and ref.series == week.series and ref <= week]
    if not seen:
        return None
    if seen[-1] == week:
        kind = "new" if len(seen) == 1 else "recurring"
        return kind, ConceptEntry(concept.key, concept.label, seen)
    absent = week.index - seen[-1].index
    if absent >= dormant_weeks:
        return "dormant", ConceptEntry(concept.key, concept.label, seen, absent)
    return None


def build_report(
    timeline: Timeline, questions: Iterable[Question], week: WeekRef, dormant_weeks: int = 3
) -> WeeklyReport:
    """The report for `week` (see the module docstring); `questions` have `carried_from` filled."""
    series = timeline.find_series(week)
    notes = next((w.notes for w in series.weeks if w.ref == week), []) if series else []
    report = WeeklyReport(week=week, notes=list(notes))
    lists = {"new": report.new, "recurring": report.recurring, "dormant": report.dormant}
    for concept in sorted(timeline.concepts, key=lambda c: (-c.score, c.key)):
        found = _entry(concept, week, dormant_weeks)
        if found:
            lists[found[0]].append(found[1])
    report.dormant.sort(key=lambda entry: -len(entry.weeks))  # stable: salience within the same count
    in_week = set(notes)
    for question in sorted(questions, key=lambda q: (q.note, q.line)):
        if question.note in in_week:
            (report.carried if question.carried_from else report.open).append(question)
    return report
