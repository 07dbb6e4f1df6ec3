"""The timeline as a compact terminal table: one block per series, concepts x weeks.

``█`` the concept was seen that week, ``·`` it was not, a blank column is a week with no notes.
Streak and dormant weeks are counted in the block's own series.
Concept labels are padded by display width, so Hangul labels line up.
"""

from __future__ import annotations

import unicodedata

from vaultgraph.series.timeline import ConceptTimeline, SeriesTimeline, Timeline, longest_streak

__all__ = ["format_timeline_text"]

SEEN, UNSEEN = "█", "·"
MAX_LABEL = 28


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


def _block(series: SeriesTimeline, concepts: list[ConceptTimeline], top: int) -> list[str]:
    written = sum(1 for week in series.weeks if week.notes)
    gaps = [str(week.ref.label) for week in series.weeks if not week.notes]
    head = f"{series.name}: {written} week{'s' if written != 1 else ''} with notes"
    head += f", no notes in {', '.join(gaps)}" if gaps else ""
    labels = [str(week.ref.label).split("-W")[-1] for week in series.weeks]
    cell = max(len(label) for label in labels) + 1
    latest = series.latest
    mine = [c for c in concepts if c.on_axis(latest)]
    shown = sorted(
        sorted(mine, key=lambda c: (-c.score, c.key))[:top], key=lambda c: (c.on_axis(latest)[0], -c.score, c.key)
    )
    lines = [head, _fit("", MAX_LABEL) + "".join(label.rjust(cell) for label in labels) + "  streak dormant"]
    for concept in shown:
        seen = concept.on_axis(latest)
        cells = "".join(
            (SEEN if week.ref in seen else UNSEEN if week.notes else " ").rjust(cell) for week in series.weeks
        )
        streak, dormant = longest_streak(seen), latest.index - seen[-1].index
        lines.append(f"{_fit(concept.label, MAX_LABEL)}{cells}  {streak:>6} {dormant:>7}")
    if len(mine) > len(shown):
        lines.append(f"({len(mine) - len(shown)} more concepts; --top N shows more)")
    if not mine:
        lines.append("(no concepts found in these weeks)")
    return lines


def format_timeline_text(timeline: Timeline, top: int = 30) -> str:
    """The table for every series, each with its `top` most salient concepts, by first appearance."""
    if not timeline.series:
        return "No note has a week (N주차, week N, front matter week:, or a date): nothing to put on a timeline."
    blocks = [_block(series, timeline.concepts, top) for series in timeline.series]
    return "\n\n".join("\n".join(block) for block in blocks)
