"""The interactive concept map: one self-contained HTML file built from the graph.

The page has two views (`graph/views.py`): the **concept map** it opens on (the most salient
concepts, sized by score, coloured by cluster, tied by their strongest associations) and the
**notes map** (notes, weeks, tags and missing notes, as in Obsidian's graph). Both are laid out in
Python, so the page opens laid out, the same on every run, with no label over another.

pyvis builds the vis-network node, edge and option dicts (its `Node`/`Edge` classes and `Network`
options); the page itself is our own template, `templates/map.html` with its script
`templates/map.js`, and vis-network is inlined from the pyvis package, so opening the file makes no
request at all (pyvis's own template loads bootstrap and tom-select from CDNs and writes tooltips
with `innerHTML`).

Everything from the vault (titles, tags, aliases, paths, snippets) travels as JSON inside
`<script type="application/json">`, with `<`, `>`, `&`, U+2028 and U+2029 escaped, and the page's
script builds every element with `textContent`. The Content-Security-Policy (`render/csp.py`) allows
exactly the page's two scripts and its stylesheet, by their SHA-256 hashes: any other script, inline
or not, is refused.
"""

from __future__ import annotations

import html
import json
import re
from collections import Counter
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import quote

import networkx as nx
from pyvis.edge import Edge
from pyvis.network import Network
from pyvis.node import Node

from vaultgraph.graph.build import NoteLines, snippet
from vaultgraph.graph.layout import MARGIN, MAX_OPENING_SCALE
from vaultgraph.graph.views import TOP, MapEdge, MapNode, View, concept_map, notes_map
from vaultgraph.model import Vault
from vaultgraph.render.csp import apply_policy
from vaultgraph.series.keys import week_label

KIND_STYLE: dict[str, dict[str, str]] = {
    "concept": {"color": "#f08c00", "label": "concept"},
    "note": {"color": "#4263eb", "label": "note"},
    "tag": {"color": "#0ca678", "label": "tag"},
    "week": {"color": "#7048e8", "label": "week"},
    "missing": {"color": "#adb5bd", "label": "missing note"},
}
EDGE_STYLE: dict[str, dict[str, Any]] = {
    "co-occurs": {"color": "#868e96", "opacity": 0.45, "arrows": "", "dashes": False},
    "link": {"color": "#4263eb", "opacity": 0.45, "arrows": "to", "dashes": False},
    "embed": {"color": "#1c7ed6", "opacity": 0.45, "arrows": "to", "dashes": [4, 3]},
    "tagged": {"color": "#20c997", "opacity": 0.4, "arrows": "", "dashes": [2, 4]},
    "in-week": {"color": "#9775fa", "opacity": 0.45, "arrows": "", "dashes": [2, 4]},
    "next-week": {"color": "#7048e8", "opacity": 0.8, "arrows": "to", "dashes": False},
}
CLUSTER_COLORS = (
    "#e03131",
    "#1971c2",
    "#2f9e44",
    "#f08c00",
    "#9c36b5",
    "#0c8599",
    "#e8590c",
    "#5c940d",
    "#c2255c",
    "#3b5bdb",
)
NO_CLUSTER = "#adb5bd"
# Latin first, then a font with Hangul on each platform: macOS, Windows, Linux (Debian's
# fonts-noto-cjk, then the older Nanum fonts). Without one, Korean labels are empty boxes.
FONT_FACE = (
    'system-ui, -apple-system, "Segoe UI", Roboto, "Apple SD Gothic Neo", "Malgun Gothic", '
    '"Noto Sans CJK KR", "Noto Sans KR", NanumGothic, sans-serif'
)
DRAW_THRESHOLD = 9.5
"""vis-network draws a label when its size on screen is at least this minus 1 px (fading in over
that last pixel). The page raises it at the opening zoom so a view's `quiet_font` labels stay
hidden until one zooms in."""
MENTIONS_SHOWN = 40
"""Notes listed with their snippet when a concept is clicked; the page counts the rest."""
BROWSER_ITERATIONS = 300
_VIS_JS = ("pyvis", "templates/lib/vis-9.1.2/vis-network.min.js")
_JSON_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def vault_url(root: Path, path: str) -> str:
    """Where clicking a note goes: Obsidian when the vault has `.obsidian/`, else the file itself."""
    if (root / ".obsidian").is_dir():
        file = path[:-3] if path.lower().endswith(".md") else path
        return f"obsidian://open?vault={quote(root.resolve().name, safe='')}&file={quote(file, safe='')}"
    return (root.resolve() / path).as_uri()


def cluster_color(number: int | None) -> str:
    return CLUSTER_COLORS[number] if number is not None and number < len(CLUSTER_COLORS) else NO_CLUSTER


_MARKUP = (
    (re.compile(r"!?\[\[(?:[^\]|]*\|)?([^\]]*)\]\]"), r"\1"),  # [[target|shown]] -> shown
    (re.compile(r"!?\[([^\]]*)\]\([^)]*\)"), r"\1"),  # [text](url) -> text
    (re.compile(r"(\*\*|__|==|`)"), ""),  # bold, highlight and code marks
)


def snippet_around(line: str, terms: list[str], limit: int = 140) -> str:
    """The part of `line` around the first of `terms` it contains (any case), as one line of prose
    (links shown as their text, emphasis marks dropped)."""
    if len(line) > 8 * limit:  # a huge line (a 200k `[[[[…` run): the markup patterns would take quadratic time
        raw = line.casefold()
        at = min((i for i in (raw.find(t.casefold()) for t in terms if t) if i >= 0), default=0)
        line = line[max(0, at - 4 * limit) : at + 4 * limit]
    text = " ".join(line.split())
    for pattern, replacement in _MARKUP:
        text = pattern.sub(replacement, text)
    folded = text.casefold()
    where = min((i for i in (folded.find(t.casefold()) for t in terms if t) if i >= 0), default=0)
    start = max(0, min(where - limit // 3, len(text) - limit))
    cut = text[start:]
    return ("…" if start else "") + snippet(cut, limit)


class _Page:
    """Turns the two views into vis-network data, with what the page shows about each node."""

    def __init__(self, graph: nx.MultiDiGraph, vault: Vault):
        self.graph = graph
        self.vault = vault
        present = set().union(*(d.get("weeks", ()) for _, d in graph.nodes(data=True)))
        self.weeks = [w for w in graph.graph.get("weeks", []) if w in present]
        self.week_index = {w: i for i, w in enumerate(self.weeks)}
        self.notes: dict[str, int] = {}  # note path -> index in `note_table`
        self.note_table: list[dict[str, Any]] = []
        self.lines = NoteLines(vault)

    def note_ref(self, path: str) -> int:
        if path not in self.notes:
            note = self.vault.notes.get(path)
            data = self.graph.nodes.get(f"note:{path}", {})
            week = note.week.key if note is not None and note.week is not None else ""
            self.notes[path] = len(self.note_table)
            self.note_table.append(
                {
                    "id": f"note:{path}",
                    "title": data.get("label") or (note.title if note else path),
                    "path": path,
                    "url": vault_url(self.vault.root, path),
                    "week": self.week_index.get(week, -1),
                }
            )
        return self.notes[path]

    def mentions(self, node: str, data: dict[str, Any]) -> tuple[list[list[Any]], int]:
        """`[note ref, snippet]` of the notes mentioning a concept, in week order, and how many more."""
        terms = [data["label"], *data.get("variants", [])]
        found = []
        for source, _, edge in self.graph.in_edges(node, data=True):
            if edge["kind"] == "mentions" and source.startswith("note:"):
                path = source[5:]
                week = self.graph.nodes[source].get("first_week", "")
                order = (self.week_index.get(week, len(self.weeks)), path)
                found.append((order, path, edge.get("line", 0)))
        found.sort()
        shown = [
            [self.note_ref(path), snippet_around(self.lines.line(path, line), terms)]
            for _, path, line in found[:MENTIONS_SHOWN]
        ]
        return shown, len(found) - len(shown)

    def node(self, place: MapNode) -> dict[str, Any]:
        data = self.graph.nodes[place.id]
        kind = data["kind"]
        path = data.get("path") or ""
        color = cluster_color(place.cluster) if kind == "concept" else KIND_STYLE[kind]["color"]
        extra: dict[str, Any] = {
            "kind": kind,
            "full": data["label"],
            "count": data.get("count", 0),
            "weeks": [self.week_index[w] for w in data.get("weeks", []) if w in self.week_index],
            "cluster": place.cluster,
            "snippet": data.get("snippet", ""),
            "path": path,
            "url": vault_url(self.vault.root, path) if path else "",
            "variants": list(data.get("variants", []))[:8],
            "kindColor": KIND_STYLE[kind]["color"],
            "communityColor": cluster_color(data.get("community")),
        }
        if kind == "concept":
            extra["mentions"], extra["more"] = self.mentions(place.id, data)
        elif kind == "note":
            extra["note"] = self.note_ref(path)
        options: dict[str, Any] = {
            "x": place.x,
            "y": place.y,
            "size": place.size,
            "color": {
                "background": color,
                "border": "#ffffff",
                "highlight": {"background": color, "border": "#212529"},
            },
            "font": {"size": place.font, "color": "#212529" if place.font >= 12 else "#495057"},
        }
        if kind == "missing":
            options["shapeProperties"] = {"borderDashes": [3, 3]}
            options["color"]["border"] = "#868e96"
        return Node(place.id, "dot", place.label, **options, **extra).options

    def edges(self, view: str, edges: list[MapEdge], clusters: dict[str, int | None]) -> list[dict[str, Any]]:
        """Ties inside a cluster take its colour; the others stay grey."""
        result = []
        for number, edge in enumerate(edges):
            style = EDGE_STYLE[edge.kind]
            color = {"color": style["color"], "opacity": style["opacity"]}
            cluster = clusters.get(edge.source)
            if cluster is not None and cluster == clusters.get(edge.target):
                color = {"color": cluster_color(cluster), "opacity": 0.5}
            result.append(
                Edge(
                    edge.source,
                    edge.target,
                    True,
                    id=f"{view[0]}{number}",
                    kind=edge.kind,
                    weight=edge.weight,
                    width=round(0.8 + 4 * edge.strength**1.5, 2) if edge.kind == "co-occurs" else 1,
                    arrows=style["arrows"],
                    dashes=style["dashes"],
                    color=color,
                ).options
            )
        return result

    def view(self, name: str, view: View) -> dict[str, Any]:
        return {
            "nodes": [self.node(place) for place in view.nodes],
            "edges": self.edges(name, view.edges, {place.id: place.cluster for place in view.nodes}),
            "leftOut": view.left_out,
            "browserLayout": view.browser_layout,
            "bounds": view.bounds,
            "quiet": view.quiet_font,
            "clusters": [
                {"number": c.number, "name": c.name, "color": cluster_color(c.number), "size": len(c.members)}
                for c in view.clusters
            ],
        }


def _options() -> dict[str, Any]:
    """vis-network options shared by both views: no physics (the views come laid out), labels
    under `DRAW_THRESHOLD` hidden, hover for tooltips."""
    net = Network(directed=True)
    net.force_atlas_2based(
        gravity=-45, central_gravity=0.004, spring_length=70, spring_strength=0.05, damping=0.5, overlap=0.5
    )
    options = json.loads(net.options.to_json())
    options["physics"]["enabled"] = False
    options["physics"]["stabilization"] = {"enabled": False, "iterations": BROWSER_ITERATIONS, "updateInterval": 25}
    options["layout"] = {"randomSeed": 7, "improvedLayout": False}
    options["interaction"] = {
        "hover": True,
        "tooltipDelay": 3600000,
        "hideEdgesOnDrag": True,
        "navigationButtons": False,
        "keyboard": False,
        "multiselect": False,
        "zoomSpeed": 0.6,
    }
    options["nodes"] = {
        "shape": "dot",
        "borderWidth": 1.5,
        "borderWidthSelected": 3,
        "font": {"face": FONT_FACE, "strokeWidth": 4, "strokeColor": "rgba(255,255,255,0.9)"},
        "scaling": {"label": {"enabled": False, "drawThreshold": DRAW_THRESHOLD, "maxVisible": 40}},
    }
    options["edges"] = {"smooth": False, "selectionWidth": 1.5, "arrows": {"to": {"scaleFactor": 0.45}}}
    options.pop("configure", None)
    return options


def map_data(
    graph: nx.MultiDiGraph,
    vault: Vault,
    *,
    top: int = TOP,
    max_nodes: int = 0,
    color_by: str = "kind",
    message: str = "",
) -> dict[str, Any]:
    """Everything the page needs, as plain JSON-able data: the two views of `graph`, at most
    `max_nodes` nodes each (0: no limit), the concept map showing the `top` most salient concepts."""
    page = _Page(graph, vault)
    concepts = concept_map(graph, min(top, max_nodes) if max_nodes > 0 else top)
    notes = notes_map(graph, max_nodes)
    views = {"concepts": page.view("concepts", concepts), "notes": page.view("notes", notes)}
    return {
        "vault": vault.root.resolve().name or str(vault.root),
        "views": views,
        "totals": dict(Counter(kind for _, kind in graph.nodes(data="kind"))),
        "start": "concepts" if concepts.nodes or not notes.nodes else "notes",
        "notes": page.note_table,
        "options": _options(),
        "weeks": [{"key": w, "label": week_label(w)} for w in page.weeks],
        "kinds": [{"kind": k, **v} for k, v in KIND_STYLE.items()],
        "edgeKinds": [{"kind": k, "color": v["color"]} for k, v in EDGE_STYLE.items() if k != "co-occurs"],
        "noCluster": NO_CLUSTER,
        "colorBy": color_by,
        "fontFace": FONT_FACE,
        "drawThreshold": DRAW_THRESHOLD,
        "margin": MARGIN,
        "maxOpeningScale": MAX_OPENING_SCALE,
        "message": message,
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


def _template(name: str) -> str:
    return resources.files("vaultgraph.render").joinpath(f"templates/{name}").read_text(encoding="utf-8")


def render_page(data: dict[str, Any]) -> str:
    """The whole page for `map_data`'s data, its policy allowing only its own scripts and style."""
    pieces = {
        "@@TITLE@@": html.escape(f"{data['vault']} · vaultgraph concept map"),
        "@@DATA@@": script_json(data),
        "@@VIS_JS@@": _vis_js(),
        "@@MAP_JS@@": _template("map.js"),
    }
    # Split on the markers in order, so no substituted text is ever searched for a marker again.
    rest, out = _template("map.html"), []
    for marker, value in pieces.items():
        before, _, rest = rest.partition(marker)
        out += [before, value]
    return apply_policy("".join([*out, rest]))


def render_map(graph: nx.MultiDiGraph, vault: Vault, **options: Any) -> str:
    """The whole page of `graph`; `options` are `map_data`'s (`top`, `max_nodes`, `color_by`, and
    `message`, shown over an empty map, e.g. "no notes in this vault")."""
    return render_page(map_data(graph, vault, **options))
