"""The map's two views as data (`graph/views.py`), on the sample vault: the concept map shows the top
of the concepts' own ranking, clustered and tied by its backbone; the notes map, the vault's structure."""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import numpy as np
import pytest

from vaultgraph.concepts.build import build_concepts
from vaultgraph.config import Config
from vaultgraph.graph.build import build_graph
from vaultgraph.graph.cooccur import association
from vaultgraph.graph.layout import label_box, opening_scale, overlapping_pairs
from vaultgraph.graph.views import (
    CLEAR,
    CLEAR_PX,
    LINKS_PER_CONCEPT,
    SMALL_FONT,
    View,
    concept_map,
    notes_map,
    shorten_apart,
)
from vaultgraph.vault.load import load_vault

SAMPLE = Path(__file__).resolve().parent.parent / "sample_vault"


@pytest.fixture(scope="module")
def full() -> nx.MultiDiGraph:
    vault = load_vault(SAMPLE)
    return build_graph(vault, Config(), build_concepts(vault, Config()))


@pytest.fixture(scope="module")
def concepts(full: nx.MultiDiGraph) -> View:
    return concept_map(full, 50)


def test_concept_map_is_the_top_of_the_ranking(full: nx.MultiDiGraph, concepts: View) -> None:
    ranked = sorted((n for n, k in full.nodes(data="kind") if k == "concept"), key=lambda n: -full.nodes[n]["score"])
    assert [node.id for node in concepts.nodes] == ranked[:50]
    assert concepts.left_out == len(ranked) - 50
    fonts = [node.font for node in concepts.nodes]
    assert min(fonts[:CLEAR]) >= 12 and set(fonts[CLEAR:]) == {SMALL_FONT}
    assert fonts[:CLEAR] == sorted(fonts[:CLEAR], reverse=True)  # bigger for more salient
    assert concepts.quiet_font == SMALL_FONT


def test_concept_map_edges_are_a_backbone(full: nx.MultiDiGraph, concepts: View) -> None:
    shown = {node.id for node in concepts.nodes}
    assert concepts.edges and len(concepts.edges) <= LINKS_PER_CONCEPT * len(shown)
    for edge in concepts.edges:
        assert {edge.source, edge.target} <= shown and edge.kind == "co-occurs"
        assert full.has_edge(*sorted((edge.source, edge.target)), "co-occurs") and 0 < edge.strength <= 1
    # each tie is among the LINKS_PER_CONCEPT most associated partners of one of its ends
    ties: dict[str, list[tuple[float, str]]] = {node: [] for node in shown}
    for u, v, k, data in full.edges(keys=True, data=True):
        if k == "co-occurs" and u in shown and v in shown:
            strength = association(data["weight"], full.nodes[u]["count"], full.nodes[v]["count"])
            ties[u].append((-strength, v))
            ties[v].append((-strength, u))
    best = {  # ties at the cut count as kept
        node: {other for strength, other in found if strength <= sorted(found)[:LINKS_PER_CONCEPT][-1][0]}
        for node, found in ties.items()
        if found
    }
    assert all(e.target in best[e.source] or e.source in best[e.target] for e in concepts.edges)


def test_clusters_are_named_by_their_top_concept(full: nx.MultiDiGraph, concepts: View) -> None:
    order = [node.id for node in concepts.nodes]
    assert concepts.clusters and concepts.clusters[0].members[0] == order[0]
    tied = {node for edge in concepts.edges for node in (edge.source, edge.target)}
    for cluster in concepts.clusters:
        assert len(cluster.members) >= 2 and set(cluster.members) <= tied
        assert cluster.members == sorted(cluster.members, key=order.index)
        assert cluster.name == full.nodes[cluster.members[0]]["label"]
    by_id = {node.id: node for node in concepts.nodes}
    assert all(by_id[m].cluster == c.number for c in concepts.clusters for m in c.members)
    loose = {node.id for node in concepts.nodes if node.cluster is None}
    assert loose == set(order) - {m for c in concepts.clusters for m in c.members}


@pytest.mark.parametrize("make", [lambda g: concept_map(g, 50), lambda g: notes_map(g, 0)], ids=["concepts", "notes"])
def test_views_are_laid_out_without_overlaps(full: nx.MultiDiGraph, make) -> None:  # type: ignore[no-untyped-def]
    view = make(full)
    boxes = [label_box(node.size, node.label, node.font) for node in view.nodes]
    places = np.array([(node.x, node.y) for node in view.nodes])
    assert overlapping_pairs(places, boxes) == 0
    left, top, right, bottom = view.bounds
    assert all(left <= node.x <= right and top <= node.y <= bottom for node in view.nodes)
    assert make(full) == view  # the same on every run


def test_notes_map_is_the_structure(full: nx.MultiDiGraph) -> None:
    view = notes_map(full, 0)
    kinds = {full.nodes[node.id]["kind"] for node in view.nodes}
    assert kinds == {"note", "week", "tag", "missing"}
    assert {edge.kind for edge in view.edges} <= {"link", "embed", "tagged", "in-week", "next-week"}
    assert max(node.font for node in view.nodes if full.nodes[node.id]["kind"] == "week") >= 20
    capped = notes_map(full, 10)
    assert len(capped.nodes) == 10 and capped.left_out == view.left_out + len(view.nodes) - 10


@pytest.mark.parametrize("words", [1, 3])
def test_long_labels_still_open_readable(words: int) -> None:
    """Sixty labels of up to 28 characters: the layout packs tighter and the fonts even out until
    the smallest clear label opens at 11 px or more on a 1400x900 window."""
    vocabulary = "attention transformer embedding normalization regularization convolution generative".split()
    graph = nx.MultiDiGraph()
    for i in range(60):
        label = " ".join(vocabulary[(i * 3 + k) % len(vocabulary)] for k in range(words))
        graph.add_node(f"concept:{i}", kind="concept", label=label, score=100 / (1 + i / 5), count=10)
    for i in range(60):
        graph.add_edge(f"concept:{i // 2}", f"concept:{i}", key="co-occurs", kind="co-occurs", weight=2)
    view = concept_map(graph)
    smallest = min(node.font for node in view.nodes[:CLEAR])
    assert smallest * opening_scale(view.bounds) >= CLEAR_PX


@pytest.mark.parametrize(
    ("labels", "expected"),
    [
        (  # a series' titles share their start: the ends tell them apart
            ["boostcamp ai tech 5기 2주차 회고", "boostcamp ai tech 5기 3주차 회고", "KL Divergence"],
            ["boostcamp ai…5기 2주차 회고", "boostcamp ai…5기 3주차 회고", "KL Divergence"],
        ),
        (  # long labels that stay apart when cut at the end keep their start
            ["[Boostcamp AI Tech] 1주차 회고", "[Boostcamp AI Tech] 2주차 회고"],
            ["[Boostcamp AI Tech] 1…", "[Boostcamp AI Tech] 2…"],
        ),
        (["a" * 30 + "x", "a" * 30 + "y"], ["a" * 10 + "…" + "a" * 10 + "x", "a" * 10 + "…" + "a" * 10 + "y"]),
    ],
)
def test_note_labels_are_shortened_apart(labels: list[str], expected: list[str]) -> None:
    shortened = shorten_apart(labels, 22)
    assert shortened == expected and all(len(label) <= 22 for label in shortened)
