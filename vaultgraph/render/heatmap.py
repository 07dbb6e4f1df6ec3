"""The timeline as one self-contained HTML page: a heatmap of concepts x weeks.

Rows are concepts sorted by first appearance; columns are the weeks of every series, gap weeks
included (hatched). Hovering or focusing a cell lists where the concept was seen that week (note,
line, section). The page makes no request: its script and style are inline and a
Content-Security-Policy forbids anything else. Note content reaches the page only as JSON inside
``<script type="application/json">`` (with ``<``, ``>`` and ``&`` escaped, so no text can close the
block) and is written into the DOM as text nodes, never as HTML.
"""

from __future__ import annotations

import json
from importlib import resources

from vaultgraph.series.timeline import Timeline

__all__ = ["embed_json", "heatmap_data", "render_heatmap"]

MAX_CONCEPTS = 300
"""A larger timeline keeps its most salient concepts; the rest would be unreadable rows anyway."""


def embed_json(data: object) -> str:
    """JSON safe to place inside a `<script>` element: no `<`, `>` or `&` left to end or open anything."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")


def heatmap_data(timeline: Timeline, max_concepts: int = MAX_CONCEPTS) -> dict:
    """What the page draws: the week columns and, per concept, where it was seen each week."""
    weeks = [
        {
            "key": week.ref.key,
            "label": str(week.ref.label).split("-W")[-1],
            "series": series.name,
            "notes": len(week.notes),
        }
        for series in timeline.series
        for week in series.weeks
    ]
    kept = sorted(timeline.concepts, key=lambda c: (-c.score, c.key))[:max_concepts]
    concepts = []
    for concept in sorted(kept, key=lambda c: (c.first, -c.score, c.key)):
        where = {key: [[o.path, o.line, o.section] for o in places] for key, places in concept.occurrences.items()}
        concepts.append({"key": concept.key, "label": concept.label, "where": where})
    counts = [len(places) for c in kept for places in c.occurrences.values()]
    return {"weeks": weeks, "concepts": concepts, "maxCount": max(counts, default=1)}


def render_heatmap(timeline: Timeline, max_concepts: int = MAX_CONCEPTS) -> str:
    """The whole HTML page."""
    template = resources.files("vaultgraph.render").joinpath("templates/heatmap.html").read_text(encoding="utf-8")
    return template.replace("__DATA__", embed_json(heatmap_data(timeline, max_concepts)))
