"""The map's two views, as data: the concept map it opens on, and the notes map a click away.

**Concept map.** The `top` most salient concepts, by the concepts' own score and nothing else, so
the map shows the top of the ranking as it is. Nodes are sized by score; the `CLEAR` first ones get
labels big enough to read at the opening view (`CLEAR_PX` and more on a 1400x900 window), the others
small labels that appear as one zooms in. Edges are the backbone among them: each concept keeps
its `LINKS_PER_CONCEPT` most associated partners (`cooccur.strongest_partners`, the graph's own
measure), so hubs do not tie everything into one ball. Clusters are Louvain communities of that
backbone, numbered from the cluster of the top concept, each named by its most salient concept;
a concept with no tie to the others belongs to none.

**Notes map.** Shaped like Obsidian's graph: notes, weeks, tags and missing notes (the map's core,
`select.map_core`), with their links, tags, week memberships and the chain of weeks.

Both are laid out here (`graph/layout.py`), so labels never overlap, in either view, at any zoom.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import networkx as nx

from vaultgraph.graph import layout
from vaultgraph.graph.cooccur import association, strongest_partners
from vaultgraph.graph.louvain import louvain_communities
from vaultgraph.graph.select import map_core
from vaultgraph.graph.settings import DEFAULTS

TOP: int = DEFAULTS["top"]
CLEAR = 36
LINKS_PER_CONCEPT = 3
LABEL_CHARS = 28
SMALL_LABEL_CHARS = 18
NOTE_LABEL_CHARS = 22
CLEAR_FONT = 13.0
CLEAR_FONT_SPREADS = (11.0, 5.0, 0.0)
"""A clear label's font (canvas units) is CLEAR_FONT + spread * score / top score. Long labels make
a big drawing, which opens at a small zoom: the spread narrows until the smallest clear label opens
at CLEAR_PX on a 1400x900 window (the layout packs tighter first, `layout.lay_out`)."""
CLEAR_PX = 11.0
SMALL_FONT = 8.0
"""Below the page's draw threshold at the opening zoom: these labels appear when zooming in."""
NOTE_FONT = {"note": 10.0, "tag": 10.0, "week": 24.0, "missing": 9.0}
HUBS = 20
HUB_FONT = (18.0, 10.0)
NOTE_EDGES = ("link", "embed", "tagged", "in-week", "next-week")


@dataclass(frozen=True, slots=True)
class MapNode:
    id: str
    label: str
    """Shortened to `LABEL_CHARS`; the page has the full one from the graph."""
    size: float
    """Radius of the dot (canvas units)."""
    font: float
    x: float
    y: float
    cluster: int | None = None


@dataclass(frozen=True, slots=True)
class MapEdge:
    source: str
    target: str
    kind: str
    weight: int
    strength: float = 1.0
    """0..1: how strongly the pair is tied, relative to the view's strongest tie."""


@dataclass(frozen=True, slots=True)
class Cluster:
    number: int
    name: str
    """Label of its most salient concept."""
    members: list[str]
    """Node ids, most salient first."""


@dataclass(frozen=True, slots=True)
class View:
    nodes: list[MapNode]
    edges: list[MapEdge]
    clusters: list[Cluster]
    left_out: int
    """Nodes of the view's kinds the graph has and the view does not show."""
    bounds: tuple[float, float, float, float] = (0.0, 0.0, 0.0, 0.0)
    """Left, top, right, bottom of the drawing with every label (canvas units): the opening view."""
    quiet_font: float = 0.0
    """Labels this size or smaller are left for zooming in: hidden at the opening view."""
    browser_layout: bool = False
    """Too big to lay out here (`layout.LIMIT`): the page runs vis-network's physics instead."""


def shorten(label: str, limit: int = LABEL_CHARS) -> str:
    return label if len(label) <= limit else label[: limit - 1].rstrip() + "…"


def shorten_apart(labels: Sequence[str], limit: int) -> list[str]:
    """`shorten` each label, but where two long ones would come out alike (a series' titles share their
    start: `boostcamp ai tech 5기 2주차 회고`, `… 3주차 회고`), keep their ends: `boostcamp…2주차 회고`."""
    short = [shorten(label, limit) for label in labels]
    alike = Counter(short)
    return [
        _middle_cut(label, limit) if alike[cut] > 1 and len(label) > limit else cut
        for label, cut in zip(labels, short, strict=True)
    ]


def _middle_cut(label: str, limit: int) -> str:
    """The label's last words in up to half of `limit`, its first words in the rest, cut at spaces."""
    words = label.split()
    tail = words[-1][-(limit // 2) :]
    for word in reversed(words[:-1]):
        if len(word) + 1 + len(tail) > limit // 2:
            break
        tail = f"{word} {tail}"
    room = limit - len(tail) - 1
    head = ""
    for word in words:
        if len(head) + len(word) + (1 if head else 0) > room:
            break
        head = f"{head} {word}" if head else word
    return f"{head or label[:room]}…{tail}"


def _placed(
    specs: Sequence[tuple[str, str, float, float, int | None]],
    ties: list[tuple[str, str, float]],
    masses: list[float],
    min_scale: float = 0.0,
) -> tuple[list[MapNode], tuple[float, float, float, float]]:
    """MapNodes for `(id, label, radius, font, cluster)` specs, laid out with `ties`, and their bounds."""
    ids = [spec[0] for spec in specs]
    boxes = [layout.label_box(radius, label, font) for _, label, radius, font, _ in specs]
    if layout.needs_browser_layout(len(specs)):
        places = layout.sunflower(len(specs))  # the most important in the middle
    else:
        places = layout.lay_out(ids, ties, boxes, masses, min_scale)
    nodes = [
        MapNode(node, label, radius, font, x, y, cluster)
        for (node, label, radius, font, cluster), (x, y) in zip(specs, places, strict=True)
    ]
    return nodes, layout.bounds(places, boxes)


def concept_map(graph: nx.MultiDiGraph, top: int = TOP) -> View:
    """The opening view of `graph`'s concepts: see the module docs."""
    ranked = sorted(
        (node for node, kind in graph.nodes(data="kind") if kind == "concept"),
        key=lambda node: -graph.nodes[node].get("score", 0.0),  # stable: ties keep the graph's order
    )
    chosen = ranked[:top] if top > 0 else ranked
    index = {node: i for i, node in enumerate(chosen)}
    counts = [graph.nodes[node].get("count", 1) for node in chosen]
    pairs = [
        (*sorted((index[u], index[v])), data["weight"])
        for u, v, data in graph.edges(chosen, data=True)
        if data["kind"] == "co-occurs" and u in index and v in index
    ]
    kept = strongest_partners(pairs, counts, LINKS_PER_CONCEPT)
    strengths = [association(n, counts[a], counts[b]) for a, b, n in kept]
    strongest = max(strengths, default=1.0)
    edges = [
        MapEdge(chosen[a], chosen[b], "co-occurs", n, round(s / strongest, 3))
        for (a, b, n), s in zip(kept, strengths, strict=True)
    ]
    clusters = _clusters(graph, chosen, kept)
    cluster_of = {node: cluster.number for cluster in clusters for node in cluster.members}
    best = (graph.nodes[chosen[0]].get("score", 0.0) if chosen else 0.0) or 1.0
    shares = [max(graph.nodes[node].get("score", 0.0), 0.0) / best for node in chosen]
    ties = [(edge.source, edge.target, edge.strength) for edge in edges]
    masses = [1 + 4 * share for share in shares]
    for spread in CLEAR_FONT_SPREADS:
        specs = [
            (
                node,
                shorten(graph.nodes[node]["label"], LABEL_CHARS if rank < CLEAR else SMALL_LABEL_CHARS),
                round(5 + 15 * share, 1),
                round(CLEAR_FONT + spread * share if rank < CLEAR else SMALL_FONT, 1),
                cluster_of.get(node),
            )
            for rank, (node, share) in enumerate(zip(chosen, shares, strict=True))
        ]
        smallest = min((spec[3] for spec in specs[:CLEAR]), default=CLEAR_FONT)
        nodes, bounds = _placed(specs, ties, masses, CLEAR_PX / smallest)
        if smallest * layout.opening_scale(bounds) >= CLEAR_PX:
            break
    return View(
        nodes, edges, clusters, len(ranked) - len(chosen), bounds, SMALL_FONT, layout.needs_browser_layout(len(nodes))
    )


def _clusters(graph: nx.MultiDiGraph, chosen: list[str], kept: list[tuple[int, int, int]]) -> list[Cluster]:
    """Louvain communities of the backbone, of two concepts or more, the top concept's first."""
    groups = louvain_communities(list(range(len(chosen))), [(a, b, n) for a, b, n in kept], seed=42)
    ordered = sorted((sorted(group) for group in groups if len(group) > 1), key=lambda members: members[0])
    return [
        Cluster(number, graph.nodes[chosen[members[0]]]["label"], [chosen[i] for i in members])
        for number, members in enumerate(ordered)
    ]


def notes_map(graph: nx.MultiDiGraph, limit: int) -> View:
    """The notes, weeks, tags and missing notes of `graph`'s core, at most `limit` (0: all)."""
    core, left_out = map_core(graph, limit)
    degree: dict[str, int] = dict.fromkeys(core, 0)
    edges = []
    for source, target, data in core.edges(data=True):
        if data["kind"] in NOTE_EDGES:
            edges.append(MapEdge(source, target, data["kind"], int(data.get("weight", 1))))
            degree[source] += 1
            degree[target] += 1
    hubs = set(sorted(core, key=lambda node: -degree[node])[:HUBS])
    most = max(degree.values(), default=0) or 1
    specs = []
    for node, data in core.nodes(data=True):
        kind = data["kind"]
        font = NOTE_FONT[kind]
        if node in hubs and kind != "week":  # the notes everything links to are named at first sight
            font = HUB_FONT[0] + HUB_FONT[1] * math.sqrt(degree[node] / most)
        radius = 12.0 if kind == "week" else 4 + min(2 * math.sqrt(degree[node]), 14)
        specs.append((node, data["label"], round(radius, 1), round(font, 1), None))
    labels = shorten_apart([spec[1] for spec in specs], NOTE_LABEL_CHARS)
    specs = [(node, label, *rest) for (node, _, *rest), label in zip(specs, labels, strict=True)]
    ties = [(edge.source, edge.target, 1.0) for edge in edges]
    masses = [1.0 + degree[node] for node in core]
    nodes, bounds = _placed(specs, ties, masses)
    return View(nodes, edges, [], left_out, bounds, browser_layout=layout.needs_browser_layout(len(nodes)))
