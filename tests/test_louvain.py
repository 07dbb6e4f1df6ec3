"""graph/louvain.py must give exactly networkx's Louvain partition (same seed), only faster."""

from __future__ import annotations

import random

import networkx as nx
import pytest

from vaultgraph.graph.louvain import louvain_communities


def _random_graph(nodes: int, edges: int, seed: int) -> nx.Graph:
    rng = random.Random(seed)
    graph = nx.Graph()
    graph.add_nodes_from(f"n{i}" for i in rng.sample(range(nodes * 3), nodes))  # names not in index order
    names = list(graph.nodes)
    for _ in range(edges):
        source, target = rng.sample(names, 2)
        weight = rng.choice((1, 1, 1, 2, 3, 7))
        previous = graph.get_edge_data(source, target, {"weight": 0})["weight"]
        graph.add_edge(source, target, weight=previous + weight)
    return graph


def _planted(groups: int, size: int, seed: int) -> nx.Graph:
    """Dense groups joined by a few edges: several Louvain levels."""
    graph = nx.planted_partition_graph(groups, size, 0.5, 0.02, seed=seed)
    nx.set_edge_attributes(graph, 1, "weight")
    return nx.relabel_nodes(graph, {n: f"v{(n * 7919) % (groups * size)}" for n in graph})


CASES = [
    ("empty", nx.Graph()),
    ("nodes without edges", nx.empty_graph(["a", "b", "c"])),
    ("one edge", nx.Graph([("a", "b", {"weight": 2})])),
    (
        "isolated node among edges",
        nx.Graph([("a", "b", {"weight": 1}), ("c", "d", {"weight": 1}), ("e", "e0", {"weight": 1})]),
    ),
    ("sparse random", _random_graph(60, 80, 1)),
    ("dense random", _random_graph(120, 1500, 2)),
    ("weighted random", _random_graph(300, 900, 3)),
    ("planted groups", _planted(12, 20, 4)),
    ("many small groups", _planted(40, 6, 5)),
]


@pytest.mark.parametrize("name, graph", CASES, ids=[name for name, _ in CASES])
@pytest.mark.parametrize("seed", [42, 7])
def test_same_partition_as_networkx(name: str, graph: nx.Graph, seed: int) -> None:
    expected = nx.community.louvain_communities(graph, weight="weight", seed=seed) if graph else []
    found = louvain_communities(list(graph.nodes), graph.edges(data="weight"), seed) if graph else []
    assert sorted(map(sorted, found)) == sorted(map(sorted, expected))
    assert found == expected  # the same order of communities too
