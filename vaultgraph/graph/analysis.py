"""Communities and centrality of the graph, stored as node attributes.

Both are computed on an undirected, simple projection where parallel edges of different kinds add
up their weights: what matters for "which ideas belong together" is how strongly two nodes are tied,
not the direction or the kind of the tie.

* `community`: Louvain with a fixed seed, so the same vault gives the same map (`graph/louvain.py`:
  networkx's partition, computed faster). Numbered by size, largest first (ties broken by the
  smallest node id), so community 0 is the biggest cluster. A concept found in a single note takes
  that note's community: it ties no notes together, and such concepts are more than half the nodes
  of a big vault (7,751 of dendron-site's 14,620), so leaving them out of Louvain halves its time.
* `centrality`: weighted degree divided by the largest weighted degree (0..1). It needs no SciPy
  (pagerank does).
* `salience` (0..1]: what the map sizes nodes by and keeps the most of under `--max-nodes`. Nodes are
  ranked within their kind (concepts by the concepts' own score, the others by centrality), and rank r
  of a kind with weight w gets 1 / (1 + r / w). So the cut interleaves kinds instead of letting one kind
  crowd out the rest: at any cut, about w concepts are kept per unit of weight (see KIND_WEIGHT).
"""

from __future__ import annotations

from collections.abc import Iterator

import networkx as nx

from vaultgraph.graph.louvain import louvain_communities

LOUVAIN_SEED = 42
KIND_WEIGHT = {"week": 5.0, "concept": 3.0, "note": 1.0, "tag": 1.0, "missing": 0.3}


def projection(graph: nx.MultiDiGraph) -> dict[str, dict[str, int]]:
    """Undirected simple graph with summed weights, as an adjacency map in the order `nx.Graph` keeps."""
    adjacency: dict[str, dict[str, int]] = {node: {} for node in graph.nodes}
    # `adjacency()` lists the edges in the order `edges()` does, without its views (a fifth of the time).
    for source, targets in graph.adjacency():
        row = adjacency[source]
        for target, keyed in targets.items():
            if source == target:
                continue
            for data in keyed.values():
                total = row.get(target, 0) + data.get("weight", 1)
                row[target] = total
                adjacency[target][source] = total
    return adjacency


def simple_edges(adjacency: dict[str, dict[str, int]]) -> Iterator[tuple[str, str, int]]:
    """Each edge once, in the order `nx.Graph.edges` lists them (from the end met first)."""
    seen: set[str] = set()
    for node, row in adjacency.items():
        for other, weight in row.items():
            if other not in seen:
                yield node, other, weight
        seen.add(node)


def satellites(graph: nx.MultiDiGraph) -> dict[str, str]:
    """The concepts found in a single note of the graph, and that note's node."""
    found = {}
    for node, data in graph.nodes(data=True):
        notes: list[str] = data.get("notes", []) if data["kind"] == "concept" else []
        if len(notes) == 1 and f"note:{notes[0]}" in graph:
            found[node] = f"note:{notes[0]}"
    return found


def annotate(graph: nx.MultiDiGraph) -> None:
    """Set `community`, `centrality` and `salience` on every node of `graph` (in place)."""
    adjacency = projection(graph)
    around = satellites(graph)
    core = {node: {other: w for other, w in row.items() if other not in around} for node, row in adjacency.items()}
    for node in around:
        del core[node]
    communities = louvain_communities(list(core), simple_edges(core), LOUVAIN_SEED) if core else []
    group = {node: members for members in communities for node in members}
    for satellite, note in around.items():
        group[note].add(satellite)
    ordered = sorted(communities, key=lambda members: (-len(members), min(map(str, members))))
    nodes = graph.nodes
    for number, members in enumerate(ordered):
        for node in members:
            nodes[node]["community"] = number
    strength = {node: sum(row.values()) for node, row in adjacency.items()}
    highest = max(strength.values(), default=0) or 1
    for node in graph.nodes:
        nodes[node]["centrality"] = round(strength.get(node, 0) / highest, 6)
    add_salience(graph)


def _rank_key(node: str, data: dict) -> tuple[float, float, str]:
    main = data.get("score", 0.0) if data["kind"] == "concept" else data["centrality"]
    return (-main, -data["centrality"], node)


def add_salience(graph: nx.MultiDiGraph) -> None:
    """Set `salience` on every node (needs `centrality`); see the module docs."""
    by_kind: dict[str, list[tuple[str, dict]]] = {}
    for node, data in graph.nodes(data=True):
        by_kind.setdefault(data["kind"], []).append((node, data))
    for kind, members in by_kind.items():
        weight = KIND_WEIGHT.get(kind, 1.0)
        for rank, (_, data) in enumerate(sorted(members, key=lambda item: _rank_key(*item))):
            data["salience"] = round(1 / (1 + rank / weight), 6)
