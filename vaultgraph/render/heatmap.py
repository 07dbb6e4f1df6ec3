"""The timeline as one self-contained HTML page: a heatmap of concepts x weeks.

Rows are concepts sorted by first appearance; columns are the weeks of every series in the
timeline's order (series by date), gap weeks included (hatched), a long stretch of empty weeks as
one narrow `…` column. Calendar series are headed by year, so a column always says which year it
is. At most `MAX_COLUMNS` week columns are drawn: beyond that the earliest weeks of the longest
series go first, and the page says what it left out, as it does for the skipped stretches.
Hovering or focusing a cell lists where the concept was seen that week (note, line, section).

The page makes no request: its script and style are inline, and its Content-Security-Policy
(`render.csp`) allows those two by hash and nothing else. Note content reaches the page only as
JSON inside ``<script type="application/json">`` (with ``<``, ``>`` and ``&`` escaped, so no text
can close the block) and is written into the DOM as text nodes, never as HTML.
"""

from __future__ import annotations

import json
from importlib import resources

from vaultgraph.render.csp import apply_policy
from vaultgraph.series.timeline import SeriesTimeline, Timeline, TimelineWeek

__all__ = ["MAX_COLUMNS", "embed_json", "heatmap_data", "render_heatmap"]

MAX_CONCEPTS = 300
"""A larger timeline keeps its most salient concepts; the rest would be unreadable rows anyway."""
MAX_COLUMNS = 120
"""Week columns drawn at most: more than two years of weekly notes side by side is no longer readable."""


def embed_json(data: object) -> str:
    """JSON safe to place inside a `<script>` element: no `<`, `>` or `&` left to end or open anything."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")


def _shown(timeline: Timeline, limit: int) -> dict[str, int]:
    """Series name -> how many of its first weeks are left out so that `limit` columns remain."""
    sizes = {series.name: len(series.weeks) for series in timeline.series}
    cut = dict.fromkeys(sizes, 0)
    while sum(sizes.values()) > max(limit, len(sizes)):
        longest = max(sizes, key=lambda name: (sizes[name], name))
        sizes[longest] -= 1
        cut[longest] += 1
    return cut


def _group(series: SeriesTimeline, week: TimelineWeek) -> str:
    return f"{series.name} {week.ref.monday.isocalendar()[0]}" if series.calendar else series.name


def _columns(series: SeriesTimeline, cut: int) -> list[dict]:
    columns: list[dict] = []
    for week in series.weeks[cut:]:
        if week.skipped_before and columns:
            columns.append(
                {
                    "key": "",
                    "label": "…",
                    "series": series.name,
                    "group": columns[-1]["group"],
                    "notes": 0,
                    "skipped": week.skipped_before,
                }
            )
        columns.append(
            {
                "key": week.ref.key,
                "label": str(week.ref.label).split("-W")[-1],
                "series": series.name,
                "group": _group(series, week),
                "notes": len(week.notes),
                "days": len(week.days),
            }
        )
    return columns


def _left_out(timeline: Timeline, cut: dict[str, int], limit: int) -> list[str]:
    said = []
    for series in timeline.series:
        for first, last, count in series.skipped:
            said.append(f"{series.name}: {count} weeks without notes, {first.key} to {last.key}")
        if cut[series.name]:
            weeks = series.weeks[: cut[series.name]]
            said.append(
                f"{series.name}: the first {len(weeks)} weeks ({weeks[0].ref.key} to {weeks[-1].ref.key}), "
                f"beyond {limit} columns"
            )
    return said


def heatmap_data(timeline: Timeline, max_concepts: int = MAX_CONCEPTS, max_columns: int = MAX_COLUMNS) -> dict:
    """What the page draws: the week columns and, per concept, where it was seen each week."""
    cut = _shown(timeline, max_columns)
    weeks = [column for series in timeline.series for column in _columns(series, cut[series.name])]
    shown = {column["key"] for column in weeks}
    drawn = [c for c in timeline.concepts if shown.intersection(c.occurrences)]
    kept = sorted(drawn, key=lambda c: (-c.score, c.key))[:max_concepts]
    order = {ref: i for i, ref in enumerate(timeline.week_order())}
    concepts = []
    for concept in sorted(kept, key=lambda c: (min(order[ref] for ref in c.weeks), -c.score, c.key)):
        where = {key: [[o.path, o.line, o.section] for o in places] for key, places in concept.occurrences.items()}
        concepts.append({"key": concept.key, "label": concept.label, "where": where})
    counts = [len(places) for c in kept for places in c.occurrences.values()]
    return {
        "weeks": weeks,
        "concepts": concepts,
        "maxCount": max(counts, default=1),
        "leftOut": _left_out(timeline, cut, max_columns),
    }


def render_heatmap(timeline: Timeline, max_concepts: int = MAX_CONCEPTS) -> str:
    """The whole HTML page."""
    template = resources.files("vaultgraph.render").joinpath("templates/heatmap.html").read_text(encoding="utf-8")
    return apply_policy(template.replace("__DATA__", embed_json(heatmap_data(timeline, max_concepts))))
