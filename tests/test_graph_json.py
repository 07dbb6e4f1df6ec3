"""graph/export.py writes JSON item by item; it must say exactly what networkx's node-link data says."""

from __future__ import annotations

import inspect
import json
from pathlib import Path

import networkx as nx
import pytest
from networkx.readwrite import json_graph

from vaultgraph.concepts.build import build_concepts
from vaultgraph.graph.build import build_graph
from vaultgraph.graph.export import export
from vaultgraph.vault.load import load_vault

SAMPLE_VAULT = Path(__file__).resolve().parents[1] / "sample_vault"


def _node_link_data(graph: nx.MultiDiGraph) -> dict:
    option = {"edges": "links"} if "edges" in inspect.signature(json_graph.node_link_data).parameters else {}
    return json_graph.node_link_data(graph, **option)


def _sample() -> nx.MultiDiGraph:
    vault = load_vault(SAMPLE_VAULT)
    return build_graph(vault, None, build_concepts(vault))


def _odd() -> nx.MultiDiGraph:
    graph = nx.MultiDiGraph(root='ü "quoted"\n', weeks=[])
    graph.add_node("note:a\u2028b.md", kind="note", label="a\\b", count=0, weeks=["x/1"], score=0.5)
    graph.add_edge("note:a\u2028b.md", "tag:t", key="tagged", kind="tagged", weight=2)
    return graph


def _odd_edges() -> nx.MultiDiGraph:
    """Edges off the fast path of `_link_lines`: other attributes, other order, other types."""
    graph = nx.MultiDiGraph()
    graph.add_edge("a", "b", key="link", kind="link", weight=1)
    graph.add_edge("a", "b", key="embed", weight=2, kind="embed")
    graph.add_edge("b", "a", key="link", kind="link", weight=1.5)
    graph.add_edge("b", "c", key="link", kind="link", weight=True)
    graph.add_edge("c", 7, key=3, kind="link", weight=1)
    graph.add_edge("c", "d", key="link", kind="link", weight=1, note="ü")
    graph.add_edge("d", "e", key="link")
    graph.add_edge("e", "f", key="mentions", kind="mentions", weight=2, line=7)
    graph.add_edge("e", "g", key="mentions", kind="mentions", weight=2, line=7.5)
    graph.add_edge("e", "h", key="mentions", kind="mentions", weight=2, line=7, note="x")
    graph.add_edge("e", "i", key="mentions", line=7, kind="mentions", weight=2)
    return graph


@pytest.mark.parametrize(
    "make", [_sample, _odd, _odd_edges, nx.MultiDiGraph], ids=["sample vault", "odd text", "odd edges", "empty"]
)
def test_json_is_node_link_data(make) -> None:  # type: ignore[no-untyped-def]
    graph = make()
    text = export(graph, "json")
    assert json.loads(text) == _node_link_data(graph)
    assert list(json.loads(text)) == ["directed", "multigraph", "graph", "nodes", "links"]
    items = [line for line in text.split("\n") if line.startswith('{"')]  # one line per node or edge
    assert len(items) == graph.number_of_nodes() + graph.number_of_edges()
    edges = [
        json.dumps({**data, "source": u, "target": v, "key": k}, ensure_ascii=False)
        for u, v, k, data in graph.edges(keys=True, data=True)
    ]
    assert [item.removesuffix(",") for item in items[graph.number_of_nodes() :]] == edges  # as json.dumps writes
