"""The timeline as a compact terminal table: one block per series, concepts x weeks.

``█`` the concept was seen that week, ``·`` it was not, a blank column is a week with no notes, and
``…`` stands for a long stretch of empty weeks left out (`series.timeline.MAX_EMPTY_RUN`). Calendar
weeks are labelled by their number, with the year above wherever it changes. Streak and dormant
weeks are counted in the block's own series.

Every line fits `width` display columns (100 by default, a common terminal): concept labels are cut
to fit, and when a series has more weeks than fit, its latest weeks are shown and the block says
how many earlier ones were left out. Hangul counts two columns, so labels line up.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from vaultgraph.series.timeline import ConceptTimeline, SeriesTimeline, Timeline, TimelineWeek, longest_streak

__all__ = ["DEFAULT_WIDTH", "MIN_WIDTH", "format_timeline_text"]

SEEN, UNSEEN, SKIPPED = "█", "·", "…"
MAX_LABEL, MIN_LABEL = 28, 12
DEFAULT_WIDTH, MIN_WIDTH = 100, 60
STATS = "  streak dormant"
MAX_GAPS_NAMED = 8


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _fit(text: str, width: int) -> str:
    """Cut `text` to `width` display columns (with an ellipsis) and pad it to exactly that."""
    text = " ".join(text.split())
    if _width(text) > width:
        while _width(text) > width - 1:
            text = text[:-1]
        text += "…"
    return text + " " * (width - _width(text))


@dataclass(frozen=True, slots=True)
class _Column:
    week: TimelineWeek | None
    """None: the marker of a stretch of empty weeks left out."""
    skipped: int = 0


def _columns(series: SeriesTimeline) -> list[_Column]:
    columns: list[_Column] = []
    for week in series.weeks:
        if week.skipped_before:
            columns.append(_Column(None, week.skipped_before))
        columns.append(_Column(week))
    return columns


def _label(week: TimelineWeek) -> str:
    return str(week.ref.label).split("-W")[-1]


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def _head(series: SeriesTimeline, hidden: int, width: int) -> list[str]:
    dates = series.dates
    span = f" ({dates[0].isoformat()} to {dates[1].isoformat()})" if dates else ""
    head = f"{series.name}{span}: {_plural(series.written, 'week')} with notes"
    notes = []
    gaps = [str(week.ref.label) for week in series.weeks if not week.notes]
    if gaps:
        more = len(gaps) - MAX_GAPS_NAMED
        named = f"no notes in {', '.join(gaps[:MAX_GAPS_NAMED])}{f' and {more} more' if more > 0 else ''}"
        if _width(f"{head}, {named}") <= width:
            head = f"{head}, {named}"
        else:
            notes.append(named)
    skipped = series.skipped
    if skipped:
        stretches = "; ".join(f"{a.label} to {b.label}" for a, b, _ in skipped)
        notes.append(f"{_plural(sum(count for _, _, count in skipped), 'empty week')} left out ({stretches})")
    if hidden:
        notes.append(f"{_plural(hidden, 'earlier week')} not shown (--width to widen)")
    return [_fit(head, width).rstrip()] + ["  " + _fit(line, width - 2).rstrip() for line in notes]


def _years(columns: list[_Column], cell: int) -> str:
    """The ISO year above the first calendar week and wherever it changes, starting where its label
    does; `'23` where the full year would run into the one before."""
    line = [" "] * (len(columns) * cell + 4)
    previous, end = None, -1
    for i, column in enumerate(columns):
        if column.week is None:
            continue
        year = column.week.ref.monday.isocalendar()[0]
        if year == previous:
            continue
        previous = year
        start = (i + 1) * cell - len(_label(column.week))
        for text, at in ((str(year), start if start > end else None), (f"'{year % 100:02d}", max(start, end))):
            if at is not None and at <= start + 1:  # the short form may move one column right
                line[at : at + len(text)] = text
                end = at + len(text)
                break
    return "".join(line[: len(columns) * cell + 1]).rstrip()


def _block(series: SeriesTimeline, concepts: list[ConceptTimeline], top: int, width: int) -> list[str]:
    latest = series.latest
    mine = [c for c in concepts if c.on_axis(latest)]
    shown = sorted(
        sorted(mine, key=lambda c: (-c.score, c.key))[:top], key=lambda c: (c.on_axis(latest)[0], -c.score, c.key)
    )
    columns = _columns(series)
    cell = max(len(_label(column.week)) for column in columns if column.week is not None) + 1
    label_width = max(MIN_LABEL, min(MAX_LABEL, max((_width(c.label) for c in shown), default=0)))
    room = max(1, (width - label_width - len(STATS)) // cell)
    hidden = sum(1 for column in columns[: max(0, len(columns) - room)] if column.week is not None)
    columns = columns[-room:]
    lines = _head(series, hidden, width)
    if series.calendar:
        lines.append(" " * label_width + _years(columns, cell))
    header = "".join((_label(c.week) if c.week is not None else SKIPPED).rjust(cell) for c in columns)
    lines.append(" " * label_width + header + STATS)
    for concept in shown:
        seen = concept.on_axis(latest)
        cells = "".join(
            (SKIPPED if c.week is None else SEEN if c.week.ref in seen else UNSEEN if c.week.notes else " ").rjust(cell)
            for c in columns
        )
        streak, dormant = longest_streak(seen), latest.index - seen[-1].index
        lines.append(f"{_fit(concept.label, label_width)}{cells}  {streak:>6} {dormant:>7}")
    if len(mine) > len(shown):
        lines.append(f"({len(mine) - len(shown)} more concepts; --top N shows more)")
    if not mine:
        lines.append("(no concepts found in these weeks)")
    return lines


def format_timeline_text(timeline: Timeline, top: int = 30, width: int = DEFAULT_WIDTH) -> str:
    """The table for every series, each with its `top` most salient concepts, by first appearance,
    in lines of at most `width` display columns (at least `MIN_WIDTH`)."""
    if not timeline.series:
        return "No note has a week (N주차, week N, front matter week:, or a date): nothing to put on a timeline."
    width = max(width, MIN_WIDTH)
    blocks = [_block(series, timeline.concepts, top, width) for series in timeline.series]
    return "\n\n".join("\n".join(block) for block in blocks)
