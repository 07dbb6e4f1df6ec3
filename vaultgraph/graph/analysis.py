"""Communities and centrality of the graph, stored as node attributes.

Both are computed on an undirected, simple projection where parallel edges of different kinds add
up their weights: what matters for "which ideas belong together" is how strongly two nodes are tied,
not the direction or the kind of the tie.

* `community`: networkx Louvain with a fixed seed, so the same vault gives the same map. Numbered by
  size, largest first (ties broken by the smallest node id), so community 0 is the biggest cluster.
* `centrality`: weighted degree divided by the largest weighted degree (0..1). It needs no SciPy
  (pagerank does).
* `salience` (0..1]: what the map sizes nodes by and keeps the most of under `--max-nodes`. Nodes are
  ranked within their kind (concepts by the concepts' own score, the others by centrality), and rank r
  of a kind with weight w gets 1 / (1 + r / w). So the cut interleaves kinds instead of letting one kind
  crowd out the rest: at any cut, about w concepts are kept per unit of weight (see KIND_WEIGHT).
"""

from __future__ import annotations

import networkx as nx

LOUVAIN_SEED = 42
KIND_WEIGHT = {"week": 5.0, "concept": 3.0, "note": 1.0, "tag": 1.0, "missing": 0.3}


def projection(graph: nx.MultiDiGraph) -> nx.Graph:
    """Undirected simple graph with summed weights."""
    simple = nx.Graph()
    simple.add_nodes_from(graph.nodes)
    for source, target, weight in graph.edges(data="weight", default=1):
        if source == target:
            continue
        if simple.has_edge(source, target):
            simple[source][target]["weight"] += weight
        else:
            simple.add_edge(source, target, weight=weight)
    return simple


def annotate(graph: nx.MultiDiGraph) -> None:
    """Set `community`, `centrality` and `salience` on every node of `graph` (in place)."""
    simple = projection(graph)
    communities = nx.community.louvain_communities(simple, weight="weight", seed=LOUVAIN_SEED) if simple else []
    ordered = sorted(communities, key=lambda members: (-len(members), min(members)))
    for number, members in enumerate(ordered):
        for node in members:
            graph.nodes[node]["community"] = number
    strength = dict(simple.degree(weight="weight"))
    highest = max(strength.values(), default=0) or 1
    for node in graph.nodes:
        graph.nodes[node]["centrality"] = round(strength.get(node, 0) / highest, 6)
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
