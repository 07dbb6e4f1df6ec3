"""Where the map's nodes sit: a force layout computed once in Python, then no two labels overlapping.

A map laid out in the browser by vis-network's physics took from seconds to minutes to settle,
looked different on every machine, and let labels pile on each other. Here the positions are
computed before the page is written, so it opens laid out, the same on every run:

1. networkx's ForceAtlas2 (numpy; the same seed, the same positions) places tied nodes near each
   other and keeps loose ones from drifting away (its gravity);
2. the drawing is scaled so that the nodes with their labels fill about `DENSITY` of it;
3. overlaps are removed: each node covers a box, its dot with its label under it as vis-network
   draws a `dot` (`label_box`), and the nodes are placed one by one, most important first, each at
   the free spot nearest to where the force layout put it (`remove_overlaps`). Boxes are in canvas
   units, and vis-network scales labels with the zoom, so labels that do not overlap here never
   overlap at any zoom;
4. the narrow side is stretched towards the page's shape (`ASPECT`).

Label widths are estimated from the characters (`text_width`) with the metrics of the widest font
the page may be drawn with, since the browser's font is not known here.
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

import networkx as nx
import numpy as np

SEED = 7
WORK = 45_000
"""ForceAtlas2 iterations times nodes: each iteration costs n² numpy work, so a 60-node concept map
gets 300 iterations and a 300-node notes map 150 (never fewer than 100)."""
DENSITY = 0.3
DENSITIES = (DENSITY, 0.4, 0.5, 0.6, 0.7)
ASPECT = 1.25
"""Width / height of the drawing: the map's part of a 1400x900 window is about 1110x900."""
MARGIN = 24.0
"""What the page keeps free around the drawing when it opens (px)."""
PAGE = (1110.0 - 2 * MARGIN, 900.0 - 2 * MARGIN)
"""The map's part of a 1400x900 window (right of the 290 px panel) less the margins (px)."""
MAX_OPENING_SCALE = 1.5
"""The page never opens zoomed in further than this (a map of five nodes would fill the screen)."""
GAP = 3.0
"""Canvas units kept free between two boxes."""
LIMIT = 800
"""Above this many nodes the pairwise arrays (n² floats, several of them) cost too much memory;
such maps are laid out by vis-network in the browser instead (`needs_browser_layout`)."""


@dataclass(frozen=True, slots=True)
class Box:
    """What a node covers, relative to its position (canvas units, y down)."""

    left: float
    top: float
    right: float
    bottom: float

    @property
    def area(self) -> float:
        return (self.right - self.left) * (self.bottom - self.top)


# Advance widths of printable ASCII (U+0020 to U+007E), in hundredths of an em, in DejaVu Sans:
# what Chromium on Linux draws `system-ui` with, and the widest of the fonts the page names (the
# fonts of macOS and Windows are narrower). Measured with the canvas' measureText.
_ASCII = (
    32, 40, 46, 84, 64, 95, 78, 27, 39, 39, 50, 84, 32, 36, 32, 34, 64, 64, 64, 64, 64, 64, 64, 64,
    64, 64, 34, 34, 84, 84, 84, 53, 100, 68, 69, 70, 77, 63, 58, 77, 75, 29, 29, 66, 56, 86, 75, 79,
    60, 79, 69, 63, 61, 73, 68, 99, 69, 61, 69, 39, 34, 39, 84, 50, 50, 61, 63, 55, 63, 62, 35, 63,
    63, 28, 28, 58, 28, 97, 63, 61, 63, 63, 41, 52, 39, 63, 59, 82, 59, 59, 52, 64, 34, 64, 84,
)  # fmt: skip
SAFETY = 1.05
"""Estimates are this much wider than the measured widths: fonts differ a little from one another."""


def char_width(char: str) -> float:
    """Width of one character in ems, on the wide side of common sans-serif fonts."""
    code = ord(char)
    if 32 <= code < 127:
        return _ASCII[code - 32] / 100
    if unicodedata.east_asian_width(char) in ("W", "F"):
        return 1.0  # Hangul, Han, kana, full-width forms
    return 0.7  # accented Latin, Greek, Cyrillic: about an average capital


def text_width(text: str, font: float) -> float:
    return font * SAFETY * sum(char_width(char) for char in text)


def label_box(radius: float, label: str, font: float) -> Box:
    """The box of a vis-network `dot`: the dot, and the label centred under it (vis draws a dot's
    label from `radius + font / 2 + 4` below the centre, one line of `font` high)."""
    half = max(radius, text_width(label, font) / 2 + 2) if label else radius
    bottom = radius + font / 2 + 4 + font * 1.15 if label else radius
    return Box(-half, -radius, half, bottom)


def needs_browser_layout(count: int) -> bool:
    return count > LIMIT


def sunflower(count: int, spacing: float = 40.0) -> list[tuple[float, float]]:
    """`count` points spread evenly over a disc (golden-angle spiral), `spacing` apart: where
    vis-network's physics starts a view too big to lay out here, in the order given."""
    golden = math.pi * (3 - math.sqrt(5))
    return [
        (
            round(spacing * math.sqrt(i) * math.cos(i * golden), 1),
            round(spacing * math.sqrt(i) * math.sin(i * golden), 1),
        )
        for i in range(count)
    ]


def force_layout(
    nodes: Sequence[str], edges: Sequence[tuple[str, str, float]], masses: Sequence[float], seed: int = SEED
) -> np.ndarray:
    """ForceAtlas2 positions (n x 2, arbitrary scale) for `nodes` tied by weighted `edges`.

    Heavier nodes (`masses`) push the others further away, which keeps the big labels apart.
    """
    graph = nx.Graph()
    graph.add_nodes_from(nodes)
    graph.add_weighted_edges_from(edges)
    if len(nodes) < 2:
        return np.zeros((len(nodes), 2))
    start = _circle(len(nodes), seed)
    positions = nx.forceatlas2_layout(
        graph,
        pos={node: start[i] for i, node in enumerate(nodes)},
        max_iter=max(100, min(300, WORK // len(nodes))),
        weight="weight",
        node_mass=dict(zip(nodes, masses, strict=True)),
        gravity=0.2,
        strong_gravity=True,
        scaling_ratio=2.0,
        seed=seed,
    )
    return np.array([positions[node] for node in nodes], dtype=float)


def _circle(count: int, seed: int) -> np.ndarray:
    """A seeded start: the nodes on a circle in their given order (most salient first), shaken a little."""
    angles = np.arange(count) * (2 * math.pi / count)
    shake = np.random.default_rng(seed).uniform(-0.05, 0.05, size=(count, 2))
    return np.column_stack((np.cos(angles), np.sin(angles))) * 10 + shake


def fit_to_page(positions: np.ndarray, boxes: Sequence[Box], density: float = DENSITY) -> np.ndarray:
    """Positions centred on 0 and scaled (the same in x and y) so the boxes would fill `density` of
    the drawing's rectangle; pushing overlaps apart then makes it a little larger."""
    if len(positions) < 2:
        return np.zeros_like(positions)
    centred = positions - positions.mean(axis=0)
    width, height = centred.max(axis=0) - centred.min(axis=0)
    spread = max(width * height, max(width, height) ** 2 / 4, 1e-9)  # a line of nodes still gets room
    return centred * math.sqrt(sum(box.area for box in boxes) / density / spread)


def to_aspect(positions: np.ndarray, boxes: Sequence[Box], aspect: float = ASPECT, most: float = 2.0) -> np.ndarray:
    """Stretch the narrow side of the drawing towards `aspect` (by `most` at most). Moving nodes
    apart along one axis never makes two boxes overlap, so this keeps `remove_overlaps`' work."""
    left, top, right, bottom = bounds([tuple(p) for p in positions.tolist()], boxes)
    width, height = max(right - left, 1e-9), max(bottom - top, 1e-9)
    stretched = positions.copy()
    if width / height < aspect:
        stretched[:, 0] *= min(aspect * height / width, most)
    else:
        stretched[:, 1] *= min(width / aspect / height, most)
    return stretched


def remove_overlaps(positions: np.ndarray, boxes: Sequence[Box], gap: float = GAP) -> np.ndarray:
    """New positions where no two boxes overlap, with `gap` between them.

    Nodes are placed one by one in the given order (the most important first, so they keep their
    place): each goes where the force layout put it if that spot is free, else to the nearest free
    spot along a spiral around it, as word clouds place words. Pushing overlapping pairs apart all at
    once was tried first: it stalls where dozens of notes crowd around one hub, pushed every way at
    once. This always ends, and the first free spot is near.
    """
    xy = positions.astype(float).copy()
    extent = np.array([[b.left, b.top, b.right, b.bottom] for b in boxes]).reshape(-1, 4)
    extent += np.array([-1.0, -1.0, 1.0, 1.0]) * gap / 2
    placed = np.empty((0, 4))
    spiral = _spiral(float(np.median(extent[:, 3] - extent[:, 1])) if len(extent) else 1.0)
    for i, (x, y) in enumerate(xy.tolist()):
        for start in range(0, len(spiral), _CHUNK):
            spots = spiral[start : start + _CHUNK] + (x, y)
            sides = np.column_stack((spots[:, 0], spots[:, 1], spots[:, 0], spots[:, 1])) + extent[i]
            clash = (
                (np.minimum(sides[:, None, 2], placed[None, :, 2]) > np.maximum(sides[:, None, 0], placed[None, :, 0]))
                & (
                    np.minimum(sides[:, None, 3], placed[None, :, 3])
                    > np.maximum(sides[:, None, 1], placed[None, :, 1])
                )
            ).any(axis=1)
            free = np.flatnonzero(~clash)
            if len(free):
                xy[i], side = spots[free[0]], sides[free[0]]
                break
        else:  # nothing free within the spiral's reach: right of everything placed so far
            xy[i] = (placed[:, 2].max() - extent[i, 0], y)
            side = np.array([xy[i, 0], xy[i, 1], xy[i, 0], xy[i, 1]]) + extent[i]
        placed = np.vstack((placed, side))
    return xy


_CHUNK = 64
_SPIRAL_POINTS = 60_000


def _spiral(step: float) -> np.ndarray:
    """Offsets along an Archimedean spiral from (0, 0), about `step` apart along it and between
    turns, wider than tall like the labels (x stretched by `ASPECT`)."""
    angle = np.sqrt(4 * math.pi * np.arange(_SPIRAL_POINTS))  # equal arc lengths: angle grows as sqrt(j)
    radius = step * angle / (2 * math.pi)  # from the spot itself outwards
    return np.column_stack((radius * np.cos(angle) * ASPECT, radius * np.sin(angle)))


def overlapping_pairs(positions: np.ndarray, boxes: Sequence[Box]) -> int:
    """How many pairs of boxes overlap (what `remove_overlaps` brings to 0)."""
    count = 0
    placed = [
        (x + b.left, y + b.top, x + b.right, y + b.bottom) for (x, y), b in zip(positions.tolist(), boxes, strict=True)
    ]
    for i, (l1, t1, r1, b1) in enumerate(placed):
        for l2, t2, r2, b2 in placed[i + 1 :]:
            count += min(r1, r2) > max(l1, l2) and min(b1, b2) > max(t1, t2)
    return count


def bounds(places: Sequence[Sequence[float]], boxes: Sequence[Box]) -> tuple[float, float, float, float]:
    """Left, top, right, bottom of all the boxes at their places (zeros when there are none)."""
    if not places:
        return (0.0, 0.0, 0.0, 0.0)
    sides = [(x + b.left, y + b.top, x + b.right, y + b.bottom) for (x, y), b in zip(places, boxes, strict=True)]
    return (
        round(min(s[0] for s in sides), 1),
        round(min(s[1] for s in sides), 1),
        round(max(s[2] for s in sides), 1),
        round(max(s[3] for s in sides), 1),
    )


def opening_scale(sides: tuple[float, float, float, float], page: tuple[float, float] = PAGE) -> float:
    """The zoom at which a drawing of these `bounds` fits `page` (what the map opens at, up to its cap)."""
    left, top, right, bottom = sides
    return min(page[0] / max(right - left, 1.0), page[1] / max(bottom - top, 1.0), MAX_OPENING_SCALE)


def lay_out(
    nodes: Sequence[str],
    edges: Sequence[tuple[str, str, float]],
    boxes: Sequence[Box],
    masses: Sequence[float],
    min_scale: float = 0.0,
) -> list[tuple[float, float]]:
    """Final positions (rounded to 0.1 canvas unit) of `nodes`, in their order: see the module docs.

    With `min_scale`, a drawing that would open smaller than that on a `PAGE` is packed tighter
    (a higher density before overlaps are removed), a few times at most: long labels make big
    boxes, and the labels meant to be read at first sight must stay big enough on screen.
    """
    start = force_layout(nodes, edges, masses)
    order = sorted(range(len(nodes)), key=lambda i: -masses[i])  # the heaviest keep their place
    for density in DENSITIES:
        xy = fit_to_page(start, boxes, density)
        xy[order] = remove_overlaps(xy[order], [boxes[i] for i in order])
        xy = to_aspect(xy, boxes)
        if opening_scale(bounds(xy.tolist(), boxes)) >= min_scale:
            break
    return [(round(x, 1), round(y, 1)) for x, y in xy.tolist()]
