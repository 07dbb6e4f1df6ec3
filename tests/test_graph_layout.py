"""graph/layout.py: positions computed once, the same every run, with no two label boxes overlapping."""

from __future__ import annotations

import numpy as np
import pytest

from vaultgraph.graph.layout import (
    Box,
    bounds,
    label_box,
    lay_out,
    overlapping_pairs,
    remove_overlaps,
    text_width,
    to_aspect,
)


@pytest.mark.parametrize(
    ("shorter", "longer"),
    [("lstm", "LSTM"), ("LSTM", "회고록을"), ("Transformer", "Transformers"), ("ab", "a b")],
)
def test_text_width_orders_labels_as_a_font_would(shorter: str, longer: str) -> None:
    assert text_width(shorter, 12) < text_width(longer, 12)


def test_label_box_is_the_dot_with_its_label_under_it() -> None:
    box = label_box(10, "attention", 14)
    assert (box.left, box.top) == (-box.right, -10)  # centred on the dot; the dot's top is the box's
    assert box.right > 10 and box.bottom > 10 + 14  # the label is wider than the dot, and under it
    assert label_box(10, "", 14) == Box(-10, -10, 10, 10)


def test_remove_overlaps_spreads_a_pile_and_keeps_the_first_in_place() -> None:
    boxes = [label_box(6 + i % 5, f"concept {i}", 12 + i % 3) for i in range(80)]
    piled = np.zeros((80, 2))
    placed = remove_overlaps(piled, boxes)
    assert overlapping_pairs(piled, boxes) == 80 * 79 // 2
    assert overlapping_pairs(placed, boxes) == 0
    assert placed[0].tolist() == [0.0, 0.0]
    assert (remove_overlaps(piled, boxes) == placed).all()  # no randomness


def test_stretching_to_the_page_makes_no_overlap() -> None:
    boxes = [label_box(8, "word", 12)] * 30
    column = np.array([[(i % 3) * 5.0, i * 40.0] for i in range(30)])
    assert overlapping_pairs(column, boxes) == 0
    wide = to_aspect(column, boxes)
    assert overlapping_pairs(wide, boxes) == 0
    left, top, right, bottom = bounds(wide.tolist(), boxes)
    old_left, old_top, old_right, old_bottom = bounds(column.tolist(), boxes)
    assert (right - left) / (bottom - top) > (old_right - old_left) / (old_bottom - old_top)


def test_lay_out_is_stable_and_clear() -> None:
    nodes = [f"n{i}" for i in range(40)]
    edges = [(f"n{i}", f"n{(i * 7 + 3) % 40}", 1.0) for i in range(40)] + [("n0", f"n{i}", 0.5) for i in range(1, 10)]
    boxes = [label_box(5 + 10 / (1 + i), f"label number {i}", 13 if i < 20 else 8) for i in range(40)]
    masses = [1 + 4 / (1 + i) for i in range(40)]
    first = lay_out(nodes, edges, boxes, masses)
    assert first == lay_out(nodes, edges, boxes, masses)
    assert overlapping_pairs(np.array(first), boxes) == 0
    assert len(set(first)) == 40


@pytest.mark.parametrize("count", [0, 1, 2])
def test_tiny_layouts(count: int) -> None:
    nodes = [f"n{i}" for i in range(count)]
    boxes = [label_box(8, node, 12) for node in nodes]
    places = lay_out(nodes, [], boxes, [1.0] * count)
    assert len(places) == count and overlapping_pairs(np.array(places).reshape(-1, 2), boxes) == 0
