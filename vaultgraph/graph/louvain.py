"""Louvain communities: the same partition as `networkx.community.louvain_communities`, about 3x faster.

networkx's implementation spends its time in dict-of-dict look-ups on node names; this one runs the
very same algorithm on integer-indexed adjacency lists. "The same" is meant literally, since the map
and the JSON must not change when the code gets faster: nodes are visited in the order networkx
visits them (its copy of the graph, then one `random.Random(seed).shuffle` per level), neighbouring
communities are tried in the order networkx's `defaultdict` lists them (the node's own community last
when no neighbour is in it), gains are computed with the same float expressions, and the graph of
communities is rebuilt with the same node and adjacency order. `tests/test_louvain.py` checks the
partitions against networkx on random graphs.

Only undirected graphs with integer weights and the default resolution (1) are supported: that is
what `analysis.projection` gives.
"""

from __future__ import annotations

import random
from collections.abc import Hashable, Iterable
from typing import TypeVar

THRESHOLD = 0.0000001  # networkx's default: a level that adds less modularity ends the search

Adjacency = list[dict[int, int]]
Node = TypeVar("Node", bound=Hashable)


def louvain_communities(nodes: list[Node], edges: Iterable[tuple[Node, Node, int]], seed: int) -> list[set[Node]]:
    """Communities of the undirected graph with `nodes` (in order) and weighted `edges` (in order).

    `edges` must hold each pair once (an `nx.Graph`'s `edges(data="weight")`), without self-loops.
    """
    index = {node: i for i, node in enumerate(nodes)}
    adjacency: Adjacency = [{} for _ in nodes]
    for source, target, weight in edges:
        # networkx first copies the graph edge by edge, which reorders the adjacency lists.
        adjacency[index[source]][index[target]] = weight
        adjacency[index[target]][index[source]] = weight
    members: list[set[Node]] = [{node} for node in nodes]
    if not any(adjacency):
        return members
    rng = random.Random(seed)
    mod = _modularity(adjacency, [[i] for i in range(len(nodes))])
    m = sum(_degrees(adjacency)) / 2
    groups, improvement = _one_level(adjacency, m, rng)
    while True:
        members = [set().union(*(members[i] for i in group)) for group in groups]
        new_mod = _modularity(adjacency, groups)
        if new_mod - mod <= THRESHOLD or not improvement:
            return members
        mod = new_mod
        adjacency = _collapse(adjacency, groups)
        groups, improvement = _one_level(adjacency, m, rng)


def _degrees(adjacency: Adjacency) -> list[int]:
    """Weighted degrees, a self-loop counted twice (as `nx.Graph.degree` does)."""
    return [sum(row.values()) + row.get(u, 0) for u, row in enumerate(adjacency)]


def _one_level(adjacency: Adjacency, m: float, rng: random.Random) -> tuple[list[list[int]], bool]:
    """Move nodes between communities until no move gains modularity (networkx's `_one_level`).

    Returns the non-empty communities in the order of their ids (node lists) and whether any node moved.
    """
    count = len(adjacency)
    node2com = list(range(count))
    degrees = _degrees(adjacency)
    totals = list(degrees)
    neighbours = [[(v, w) for v, w in row.items() if v != u] for u, row in enumerate(adjacency)]
    order = list(range(count))
    rng.shuffle(order)
    scale = 2 * m**2
    # The weight from each node to each neighbouring community, kept until a neighbour (or the node)
    # moves: late passes move few nodes, and rebuilding this for every node was most of the time.
    # A kept dict has the same order as a rebuilt one (the own community, if added, stays last).
    cached: list[dict[int, float] | None] = [None] * count
    improvement = False
    moves = 1
    while moves > 0:
        moves = 0
        for u in order:
            best_mod = 0.0
            own = best_com = node2com[u]
            weights = cached[u]
            if weights is None:
                weights = {}
                for v, w in neighbours[u]:
                    com = node2com[v]
                    weights[com] = weights.get(com, 0.0) + w
                weights.setdefault(own, 0.0)
                cached[u] = weights
            degree = degrees[u]
            totals[own] -= degree
            remove_cost = -weights[own] / m + (totals[own] * degree) / scale
            for com, weight in weights.items():
                gain = remove_cost + weight / m - (totals[com] * degree) / scale
                if gain > best_mod:
                    best_mod = gain
                    best_com = com
            totals[best_com] += degree
            if best_com != own:
                node2com[u] = best_com
                improvement = True
                moves += 1
                cached[u] = None
                for v, _ in neighbours[u]:
                    cached[v] = None
    groups: dict[int, list[int]] = {}
    for u, com in enumerate(node2com):
        groups.setdefault(com, []).append(u)
    return [groups[com] for com in sorted(groups)], improvement


def _modularity(adjacency: Adjacency, groups: list[list[int]]) -> float:
    """Modularity of a partition (only compared with a threshold, so summation order does not matter)."""
    degrees = _degrees(adjacency)
    deg_sum = sum(degrees)
    m = deg_sum / 2
    norm = 1 / deg_sum**2
    total = 0.0
    for group in groups:
        inside = set(group)
        # Each inner edge once: from its smaller end (a self-loop from its only end).
        inner = sum(w for u in group for v, w in adjacency[u].items() if v in inside and v >= u)
        strength = sum(degrees[u] for u in group)
        total += inner / m - strength * strength * norm
    return total


def _collapse(adjacency: Adjacency, groups: list[list[int]]) -> Adjacency:
    """The graph of communities, built edge by edge in the order networkx's `_gen_graph` adds them."""
    node2com = [0] * len(adjacency)
    for com, group in enumerate(groups):
        for u in group:
            node2com[u] = com
    collapsed: Adjacency = [{} for _ in groups]
    for u, row in enumerate(adjacency):
        cu = node2com[u]
        for v, w in row.items():
            if v < u:
                continue  # networkx lists each edge once, from the end it meets first
            cv = node2com[v]
            weight = collapsed[cu].get(cv, 0) + w
            collapsed[cu][cv] = weight
            collapsed[cv][cu] = weight
    return collapsed
