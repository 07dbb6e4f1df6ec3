"""The interactive concept map: one self-contained HTML file built from the graph.

pyvis builds the vis-network node, edge and physics data (its `Node`/`Edge` classes and `Network`
options); the page itself is our own template, `templates/map.html`, with vis-network inlined from the
pyvis package, so opening the file makes no request at all (pyvis's own template loads bootstrap and
tom-select from CDNs and writes tooltips with `innerHTML`).

Everything from the vault (titles, tags, aliases, paths, snippets) travels as JSON inside
`<script type="application/json">`, with `<`, `>`, `&`, U+2028 and U+2029 escaped, and the page's
script builds every element with `textContent`. The vis-network CSS is not inlined: it only styles
vis's navigation/manipulation toolbars and tooltips, which the map does not use.

Layout: the weeks are pinned along a timeline (one row per series, in order) and each weekly note is
held at its week's x, so concepts settle near the weeks whose notes mention them and a concept of
weeks 2 and 8 lies between them. Labels are sized by salience so the overview names the main nodes
and zooming in names the rest.
"""

from __future__ import annotations

import html
import json
import random
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import quote

import networkx as nx
from pyvis.edge import Edge
from pyvis.network import Network
from pyvis.node import Node

from vaultgraph.series.keys import week_label

KIND_STYLE: dict[str, dict[str, str]] = {
    "concept": {"color": "#f08c00", "shape": "dot", "label": "concept"},
    "note": {"color": "#4263eb", "shape": "dot", "label": "note"},
    "tag": {"color": "#0ca678", "shape": "triangle", "label": "tag"},
    "week": {"color": "#7048e8", "shape": "box", "label": "week"},
    "missing": {"color": "#adb5bd", "shape": "dot", "label": "missing note"},
}
# How big a node of each kind may grow: concepts are what the map is about.
KIND_SIZE = {"concept": 1.0, "note": 0.6, "tag": 0.5, "week": 0.6, "missing": 0.25}
# Label font size (canvas units) by kind: base + extra * salience ** 0.7.
LABEL_SIZE = {
    "concept": (10.0, 26.0),
    "note": (10.0, 14.0),
    "tag": (10.0, 12.0),
    "week": (24.0, 0.0),
    "missing": (10.0, 4.0),
}
EDGE_STYLE: dict[str, dict[str, Any]] = {
    "link": {"length": 120, "color": "#4263eb", "arrows": "to", "dashes": False, "opacity": 0.45},
    "embed": {"length": 120, "color": "#1c7ed6", "arrows": "to", "dashes": [4, 3], "opacity": 0.45},
    "mentions": {"length": 110, "color": "#f59f00", "arrows": "", "dashes": False, "opacity": 0.2},
    "co-occurs": {"length": 110, "color": "#e8590c", "arrows": "", "dashes": False, "opacity": 0.12},
    "tagged": {"length": 90, "color": "#20c997", "arrows": "", "dashes": [2, 4], "opacity": 0.35},
    "in-week": {"length": 60, "color": "#9775fa", "arrows": "", "dashes": [2, 4], "opacity": 0.6},
    "next-week": {"length": 100, "color": "#7048e8", "arrows": "to", "dashes": False, "opacity": 0.8},
}
COMMUNITY_COLORS = ("#e03131", "#1971c2", "#2f9e44", "#f08c00", "#9c36b5", "#0c8599", "#e8590c", "#5c940d")
OTHER_COMMUNITY = "#ced4da"
LABEL_CHARS = 32
# The week timeline, in canvas units: how wide a series' row is and how far apart rows are.
TIMELINE_WIDTH = 2400.0
ROW_GAP = 700.0
STABILIZATION_ITERATIONS = 300
_VIS_JS = ("pyvis", "templates/lib/vis-9.1.2/vis-network.min.js")
_JSON_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def vault_url(root: Path, path: str) -> str:
    """Where clicking a note goes: Obsidian when the vault has `.obsidian/`, else the file itself."""
    if (root / ".obsidian").is_dir():
        file = path[:-3] if path.lower().endswith(".md") else path
        return f"obsidian://open?vault={quote(root.resolve().name, safe='')}&file={quote(file, safe='')}"
    return (root.resolve() / path).as_uri()


def _short(label: str) -> str:
    return label if len(label) <= LABEL_CHARS else label[: LABEL_CHARS - 1].rstrip() + "…"


def _community_color(number: int | None) -> str:
    return COMMUNITY_COLORS[number] if number is not None and number < len(COMMUNITY_COLORS) else OTHER_COMMUNITY


def timeline(weeks: list[str]) -> dict[str, tuple[float, float]]:
    """Where each week sits: one row per series, its weeks left to right in order, spread over the
    same width whatever their number, so "week 2 -> week 8" reads as a walk along the row."""
    rows: dict[str, list[str]] = {}
    for week in weeks:  # already in order, series by series
        series, _, number = week.rpartition("/")
        rows.setdefault(series if number.isdigit() else "", []).append(week)
    places: dict[str, tuple[float, float]] = {}
    for row, members in enumerate(rows.values()):
        step = TIMELINE_WIDTH / max(len(members) - 1, 1)
        for i, week in enumerate(members):
            x = 0.0 if len(members) == 1 else -TIMELINE_WIDTH / 2 + i * step
            places[week] = (x, row * ROW_GAP)
    return places


def initial_positions(graph: nx.MultiDiGraph, places: dict[str, tuple[float, float]]) -> dict[str, tuple[float, float]]:
    """A start for the physics: a node sits at the mean place of its weeks (so a concept of weeks 2
    and 8 starts between them), shaken a little; nodes of no week start below the timeline."""
    shake = random.Random(7)
    below = max((y for _, y in places.values()), default=0.0) + ROW_GAP / 2
    start: dict[str, tuple[float, float]] = {}
    for node, data in graph.nodes(data=True):
        spots = [places[w] for w in data.get("weeks", ()) if w in places]
        if spots:
            x = sum(p[0] for p in spots) / len(spots)
            y = sum(p[1] for p in spots) / len(spots)
            start[node] = (x + (0 if data["kind"] == "note" else shake.uniform(-60, 60)), y + shake.uniform(-220, 220))
        else:
            start[node] = (shake.uniform(-TIMELINE_WIDTH / 2, TIMELINE_WIDTH / 2), below + shake.uniform(0, 200))
    return start


def _node(node_id: str, data: dict[str, Any], root: Path, week_index: dict[str, int]) -> dict[str, Any]:
    style = KIND_STYLE[data["kind"]]
    path = data.get("path") or ""
    extra: dict[str, Any] = {
        "kind": data["kind"],
        "full": data["label"],
        "count": data.get("count", 0),
        "weeks": [week_index[w] for w in data.get("weeks", []) if w in week_index],
        "community": data.get("community"),
        "snippet": data.get("snippet", ""),
        "path": path,
        "url": vault_url(root, path) if path else "",
        "variants": list(data.get("variants", []))[:8],
        "kindColor": style["color"],
        "communityColor": _community_color(data.get("community")),
    }
    salience = float(data.get("salience", 0))
    # Label size follows salience (not node size), so at the overview zoom only the main labels are
    # drawn (vis skips labels under `drawThreshold` on screen) and zooming in brings the rest.
    options: dict[str, Any] = {
        "color": style["color"],
        "value": 1 + 99 * KIND_SIZE[data["kind"]] * salience**1.5,
        "font": {"size": round(LABEL_SIZE[data["kind"]][0] + LABEL_SIZE[data["kind"]][1] * salience**0.7, 1)},
    }
    if data["kind"] == "missing":
        options["shapeProperties"] = {"borderDashes": [3, 3]}
    if data["kind"] == "week":  # the timeline's marks: same size, always labelled
        del options["value"]
        options["font"] = {"color": "#ffffff", "size": LABEL_SIZE["week"][0], "bold": True}
        options["margin"] = 10
    return Node(node_id, style["shape"], _short(data["label"]), **options, **extra).options


def _edge(number: int, source: str, target: str, data: dict[str, Any], pulls: bool) -> dict[str, Any]:
    style = EDGE_STYLE[data["kind"]]
    weight = int(data.get("weight", 1))
    return Edge(
        source,
        target,
        True,
        id=f"e{number}",
        kind=data["kind"],
        weight=weight,
        value=weight,
        arrows=style["arrows"],
        length=style["length"],
        dashes=style["dashes"],
        color={"color": style["color"], "opacity": style["opacity"]},
        physics=pulls,
    ).options


def pulls(kind: str) -> bool:
    """Whether an edge of `kind` takes part in the layout (it is drawn either way): co-occurrence
    edges do not, as hundreds of them knot every concept into one ball in the middle; concepts find
    their place through the notes that mention them, and the notes through their weeks."""
    return kind != "co-occurs"


def _network(graph: nx.MultiDiGraph, root: Path, week_index: dict[str, int]) -> Network:
    """A pyvis Network holding the map's nodes, edges and physics; never rendered by pyvis itself."""
    net = Network(directed=True)
    net.force_atlas_2based(
        gravity=-45, central_gravity=0.004, spring_length=70, spring_strength=0.05, damping=0.5, overlap=0.5
    )
    net.options.physics.stabilization.iterations = STABILIZATION_ITERATIONS
    net.options.physics.stabilization.updateInterval = 25
    places = timeline(list(week_index))
    first_of_series: dict[str, str] = {}
    for key in week_index:  # in week order
        first_of_series.setdefault(key.rpartition("/")[0], key)
    row_starts = set(first_of_series.values())
    start = initial_positions(graph, places)
    net.nodes = [_node(n, d, root, week_index) for n, d in graph.nodes(data=True)]
    for node in net.nodes:
        node["x"], node["y"] = start[node["id"]]
        if node["kind"] == "week":  # the timeline holds still; everything else settles around it
            key = node["id"].partition(":")[2]
            node["x"], node["y"] = places[key]
            node["fixed"] = True
            series, _, number = key.rpartition("/")
            if series and number.isdigit() and key not in row_starts:  # the row's first mark names the series
                node["label"] = f"week {number}"
        elif node["kind"] == "note" and node["weeks"]:  # a retrospective stays above or below its week
            node["x"] = start[node["id"]][0]
            node["fixed"] = {"x": True, "y": False}
    net.node_ids = [n["id"] for n in net.nodes]
    net.edges = [_edge(i, s, t, d, pulls(d["kind"])) for i, (s, t, d) in enumerate(graph.edges(data=True))]
    return net


def _options(net: Network) -> dict[str, Any]:
    options = json.loads(net.options.to_json())
    options["physics"]["minVelocity"] = 1.0
    options["layout"] = {"randomSeed": 7, "improvedLayout": False}
    options["interaction"] = {
        "hover": True,
        "tooltipDelay": 3600000,
        "hideEdgesOnDrag": True,
        "navigationButtons": False,
        "keyboard": False,
        "multiselect": False,
    }
    options["nodes"] = {
        "scaling": {"min": 7, "max": 42, "label": {"enabled": False, "drawThreshold": 6, "maxVisible": 30}},
        "font": {"face": "system-ui, sans-serif", "strokeWidth": 3, "strokeColor": "#ffffff"},
        "borderWidth": 1.5,
    }
    options["edges"] = {
        "scaling": {"min": 0.6, "max": 6},
        "smooth": False,
        "selectionWidth": 2,
        "arrows": {"to": {"scaleFactor": 0.45}},
    }
    options.pop("configure", None)
    return options


def map_data(
    graph: nx.MultiDiGraph, root: Path, *, left_out: int = 0, color_by: str = "kind", message: str = ""
) -> dict[str, Any]:
    """Everything the page needs, as plain JSON-able data."""
    present = set().union(*(d.get("weeks", ()) for _, d in graph.nodes(data=True)))
    weeks = [w for w in graph.graph.get("weeks", []) if w in present]
    week_index = {w: i for i, w in enumerate(weeks)}
    net = _network(graph, root, week_index)
    communities: dict[int, list[tuple[float, str]]] = {}
    for _, data in graph.nodes(data=True):
        if data.get("community") is not None and data["community"] < len(COMMUNITY_COLORS):
            communities.setdefault(data["community"], []).append((-data.get("salience", 0), data["label"]))
    legend = [
        {"id": number, "color": _community_color(number), "name": ", ".join(label for _, label in sorted(members)[:3])}
        for number, members in sorted(communities.items())
    ]
    vault = root.resolve().name or str(root)
    return {
        "vault": vault,
        "nodes": net.nodes,
        "edges": net.edges,
        "options": _options(net),
        "weeks": [{"key": w, "label": week_label(w)} for w in weeks],
        "kinds": [{"kind": k, **v} for k, v in KIND_STYLE.items()],
        "edgeKinds": [{"kind": k, "color": v["color"]} for k, v in EDGE_STYLE.items()],
        "communities": legend,
        "otherCommunityColor": OTHER_COMMUNITY,
        "colorBy": color_by,
        "leftOut": left_out,
        "total": graph.number_of_nodes() + left_out,
        "message": message,
        "cut": graph.graph.get("cut", ""),
    }


def script_json(data: Any) -> str:
    """JSON that is safe inside `<script type="application/json">` whatever the strings hold."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    for raw, escaped in _JSON_ESCAPES.items():
        text = text.replace(raw, escaped)
    return text


def _vis_js() -> str:
    package, name = _VIS_JS
    code = resources.files(package).joinpath(name).read_text(encoding="utf-8")
    return code.replace("</script", "<\\/script")


def render_map(
    graph: nx.MultiDiGraph, root: Path, *, left_out: int = 0, color_by: str = "kind", message: str = ""
) -> str:
    """The whole page. `message` (e.g. "no notes in this vault") is shown over an empty map."""
    data = map_data(graph, root, left_out=left_out, color_by=color_by, message=message)
    template = resources.files("vaultgraph.render").joinpath("templates/map.html").read_text(encoding="utf-8")
    # Split on the markers first so no substituted text is ever searched for a marker again.
    head, _, rest = template.partition("@@TITLE@@")
    middle, _, rest = rest.partition("@@DATA@@")
    before_vis, _, tail = rest.partition("@@VIS_JS@@")
    title = html.escape(f"{data['vault']} · vaultgraph concept map")
    return "".join((head, title, middle, script_json(data), before_vis, _vis_js(), tail))
