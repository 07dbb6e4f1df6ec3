"""Cut a graph down: by node kind, by week range, to the most salient nodes, or to the notes map's core.

Week filters keep the nodes that have at least one week inside the range (a concept seen in weeks
2 and 5 stays for "weeks 3..5"); nodes without any week (evergreen notes, concept notes) are left
out, since they belong to no week. Edges follow their nodes.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable

import networkx as nx

from vaultgraph.errors import VaultgraphError
from vaultgraph.graph.analysis import KIND_WEIGHT
from vaultgraph.series.keys import week_sort_key


class SelectionError(VaultgraphError, ValueError):
    """A filter that names something the graph does not have (one line, for the CLI)."""


def week_range(graph: nx.MultiDiGraph, first: str | None, last: str | None, series: str | None) -> set[str] | None:
    """The week keys kept by `--week-from/--week-to/--series`, None when no week filter is given."""
    if first is None and last is None and series is None:
        return None
    weeks: list[str] = list(graph.graph.get("weeks", []))
    for given in (first, last):
        if given is not None and given not in weeks:
            known = ", ".join(weeks[:8]) + (", …" if len(weeks) > 8 else "")
            raise SelectionError(f"unknown week {given!r} (weeks in this vault: {known or 'none'})")
    low = week_sort_key(first) if first else None
    high = week_sort_key(last) if last else None
    return {
        w
        for w in weeks
        if (low is None or week_sort_key(w) >= low)
        and (high is None or week_sort_key(w) <= high)
        and (series is None or w.rpartition("/")[0] == series)
    }


def induced(graph: nx.MultiDiGraph, nodes: Iterable[str]) -> nx.MultiDiGraph:
    """A copy of the part of `graph` on `nodes`, its nodes and edges in `graph`'s order.

    Not `graph.subgraph(nodes).copy()`: when the nodes kept are fewer than half, networkx's subgraph
    view lists them in the order of a set of strings, which changes from run to run, and the map and
    the exports must not.
    """
    kept = set(nodes)
    part = nx.MultiDiGraph()
    part.graph.update(graph.graph)
    part.add_nodes_from((node, data) for node, data in graph.nodes(data=True) if node in kept)
    part.add_edges_from(
        (source, target, key, data)
        for source, targets in graph.adjacency()
        if source in kept
        for target, keyed in targets.items()
        if target in kept
        for key, data in keyed.items()
    )
    return part


def filter_graph(
    graph: nx.MultiDiGraph, kinds: Collection[str] | None = None, weeks: set[str] | None = None
) -> nx.MultiDiGraph:
    """A copy of `graph` with only the nodes of `kinds` that fall in `weeks` (None: no filter)."""
    return induced(
        graph,
        (
            node
            for node, data in graph.nodes(data=True)
            if (not kinds or data["kind"] in kinds) and (weeks is None or weeks.intersection(data["weeks"]))
        ),
    )


def most_salient(graph: nx.MultiDiGraph, limit: int) -> tuple[nx.MultiDiGraph, int]:
    """The `limit` most salient nodes (0: all) and how many were left out.

    Ties go to the kind with more weight (weeks, then concepts, ...), then to the node id.
    """
    if limit <= 0 or graph.number_of_nodes() <= limit:
        return graph, 0
    return _top(graph, graph.nodes(data=True), limit), graph.number_of_nodes() - limit


def _top(graph: nx.MultiDiGraph, candidates: Iterable[tuple[str, dict]], limit: int) -> nx.MultiDiGraph:
    """The part of `graph` on the `limit` most salient of the `candidates` (node, data)."""
    ranked = sorted(
        candidates, key=lambda item: (-item[1].get("salience", 0), -KIND_WEIGHT.get(item[1]["kind"], 0), item[0])
    )
    return induced(graph, (node for node, _ in ranked[:limit]))


def map_core(graph: nx.MultiDiGraph, limit: int) -> tuple[nx.MultiDiGraph, int]:
    """The notes map's nodes, and how many nodes of its kinds it left out.

    Every note, week and missing note, and the tags of two notes or more (a tag on one note says
    nothing the note does not); when they are more than `limit` (0: no limit), the most salient.
    Concepts are the concept map's.
    """
    keep = [
        (node, data)
        for node, data in graph.nodes(data=True)
        if data["kind"] in ("note", "week", "missing") or (data["kind"] == "tag" and data.get("count", 0) >= 2)
    ]
    everything = sum(1 for _, kind in graph.nodes(data="kind") if kind != "concept")
    kept = _top(graph, keep, limit) if 0 < limit < len(keep) else induced(graph, (node for node, _ in keep))
    return kept, everything - kept.number_of_nodes()
