"""The weekly report: what one week of a series brought, kept, dropped and still asks.

For week N of a series (concept weeks are compared on that series' axis only), over every note of
the week: its weekly note, its day notes and side posts (`series.assign` put them there):

* ``new``: concepts seen in week N and in no earlier week of the series;
* ``recurring``: seen in week N and in earlier weeks;
* ``dormant``: concepts that had recurred (seen in `DORMANT_MIN_WEEKS` weeks or more) and went
  quiet: not seen in week N, last seen in week L with N - L >= ``[report] dormant-weeks``. A topic
  mentioned once is not dropped, it was only passing by: a real blog has thousands of those.
  At most `MAX_DORMANT` are listed, the ones seen in most weeks first; ``dormant_more`` counts the rest;
* ``days``: the week's day notes in day order, each with its most salient concepts
  (`MAX_NOTE_CONCEPTS`) and its questions;
* ``questions.open``: questions of week N's notes asked there for the first time;
* ``questions.carried``: questions of week N's notes that earlier weeks already asked (``from``).

Open and carried do not overlap: together they are all the questions of the week. Each concept
entry is ``{"key", "label", "weeks"}`` where ``weeks`` are the series' weeks up to N in which the
concept was seen (N included for new and recurring ones); dormant entries add ``"last"`` (the
week last seen) and ``"absent"`` (weeks since). Lists are sorted by salience (concept score);
dormant ones first by how many weeks they were seen. The JSON also lists the week's ``notes``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from vaultgraph.series.questions import Question
from vaultgraph.series.timeline import ConceptTimeline, Timeline, WeekRef

__all__ = ["DORMANT_MIN_WEEKS", "MAX_DORMANT", "ConceptEntry", "DayNote", "WeeklyReport", "build_report"]

DORMANT_MIN_WEEKS = 2
MAX_DORMANT = 20
MAX_NOTE_CONCEPTS = 8


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
class DayNote:
    """One day note of the week, with what it is about."""

    path: str
    day: int
    """Its own day number; 0 for a daily note named by its date."""
    title: str
    concepts: list[str] = field(default_factory=list)
    """Labels of its most salient concepts."""
    questions: list[Question] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {
            "path": self.path,
            "day": self.day,
            "title": self.title,
            "concepts": self.concepts,
            "questions": [q.to_dict() for q in self.questions],
        }


@dataclass(slots=True)
class WeeklyReport:
    week: WeekRef
    notes: list[str]
    new: list[ConceptEntry] = field(default_factory=list)
    recurring: list[ConceptEntry] = field(default_factory=list)
    dormant: list[ConceptEntry] = field(default_factory=list)
    dormant_more: int = 0
    """Dormant concepts beyond the `MAX_DORMANT` listed."""
    days: list[DayNote] = field(default_factory=list)
    open: list[Question] = field(default_factory=list)
    carried: list[Question] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {
            "week": self.week.key,
            "notes": self.notes,
            "days": [d.to_dict() for d in self.days],
            "new": [c.to_dict() for c in self.new],
            "recurring": [c.to_dict() for c in self.recurring],
            "dormant": [c.to_dict() for c in self.dormant],
            "dormant_more": self.dormant_more,
            "questions": {"open": [q.to_dict() for q in self.open], "carried": [q.to_dict() for q in self.carried]},
        }


def _entry(concept: ConceptTimeline, week: WeekRef, dormant_weeks: int) -> tuple[str, ConceptEntry] | None:
    """Which list a concept belongs to for `week`, if any."""
    seen = [ref for ref in concept.weeks if ref.calendar == week.calendar and ref.series == week.series and ref <= week]
    if not seen:
        return None
    if seen[-1] == week:
        kind = "new" if len(seen) == 1 else "recurring"
        return kind, ConceptEntry(concept.key, concept.label, seen)
    absent = week.index - seen[-1].index
    if absent >= dormant_weeks and len(seen) >= DORMANT_MIN_WEEKS:
        return "dormant", ConceptEntry(concept.key, concept.label, seen, absent)
    return None


def _by_note(concepts: list[ConceptTimeline], week: WeekRef) -> dict[str, list[str]]:
    """Path -> labels of the concepts seen there in `week`, most salient first."""
    found: dict[str, list[str]] = defaultdict(list)
    for concept in concepts:  # already by salience
        for path in dict.fromkeys(o.path for o in concept.occurrences.get(week.key, ())):
            found[path].append(concept.label)
    return found


def build_report(
    timeline: Timeline,
    questions: Iterable[Question],
    week: WeekRef,
    dormant_weeks: int = 3,
    titles: Mapping[str, str] | None = None,
) -> WeeklyReport:
    """The report for `week` (see the module docstring); `questions` have `carried_from` filled;
    `titles` names the day notes (their paths otherwise)."""
    found = timeline.find_week(week)
    notes = found.notes if found else []
    report = WeeklyReport(week=week, notes=list(notes))
    lists: dict[str, list[ConceptEntry]] = {"new": report.new, "recurring": report.recurring, "dormant": []}
    by_salience = sorted(timeline.concepts, key=lambda c: (-c.score, c.key))
    for concept in by_salience:
        entry = _entry(concept, week, dormant_weeks)
        if entry:
            lists[entry[0]].append(entry[1])
    dormant = sorted(lists["dormant"], key=lambda entry: -len(entry.weeks))  # stable: salience within a count
    report.dormant, report.dormant_more = dormant[:MAX_DORMANT], max(0, len(dormant) - MAX_DORMANT)
    in_week = set(notes)
    asked: dict[str, list[Question]] = defaultdict(list)
    for question in sorted(questions, key=lambda q: (q.note, q.line)):
        if question.note in in_week:
            (report.carried if question.carried_from else report.open).append(question)
            asked[question.note].append(question)
    concepts = _by_note(by_salience, week)
    for path, day in (found.days if found else {}).items():
        title = (titles or {}).get(path) or path
        report.days.append(DayNote(path, day, title, concepts.get(path, [])[:MAX_NOTE_CONCEPTS], asked[path]))
    return report
