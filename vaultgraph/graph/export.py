"""Write the graph as node-link JSON, GraphML or GEXF.

JSON is networkx node-link data with the edge list under `"links"` (what `node_link_graph` reads by
default in every networkx 3.x; networkx >= 3.4 wants `edges="links"` passed to say so). Each edge
carries `key` (= its kind). Lists stay lists in JSON.

GraphML and GEXF can only hold scalars, so list attributes (`weeks`, `variants`, `notes`, `aliases`)
and the graph's `weeks` are written as JSON-encoded strings (`["boostcamp/2", "boostcamp/3"]`),
which any reader can split back unambiguously.
"""

from __future__ import annotations

import io
import json
import re
from collections.abc import Callable, Iterator
from typing import Any

import networkx as nx

FORMATS = ("json", "graphml", "gexf")
_ENCODER = json.JSONEncoder(ensure_ascii=False)
"""Built once: `json.dumps(..., ensure_ascii=False)` builds a new encoder on every call."""
# Characters XML 1.0 cannot hold at all (control characters pasted from terminals, U+FFFE ...):
# written as they are, they make the whole GraphML/GEXF file unreadable.
_NOT_XML = re.compile("[^\x09\x0a\x0d\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _scalar(value: Any) -> Any:
    value = json.dumps(value, ensure_ascii=False) if isinstance(value, (list, tuple, dict)) else value
    return _NOT_XML.sub("\ufffd", value) if isinstance(value, str) else value


def flat_copy(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy whose attributes are all str/int/float/bool (None dropped), for GraphML and GEXF."""
    flat = nx.MultiDiGraph()
    flat.graph.update({k: _scalar(v) for k, v in graph.graph.items() if v is not None})
    for node, data in graph.nodes(data=True):
        flat.add_node(_scalar(node), **{k: _scalar(v) for k, v in data.items() if v is not None})
    for source, target, key, data in graph.edges(keys=True, data=True):
        flat.add_edge(
            _scalar(source),
            _scalar(target),
            key=_scalar(key),
            **{k: _scalar(v) for k, v in data.items() if v is not None},
        )
    return flat


def node_link_pieces(graph: nx.MultiDiGraph) -> Iterator[str]:
    """What `json.dumps(json_graph.node_link_data(graph, edges="links"))` gives, one node or edge per line,
    in pieces to write one after the other.

    Written item by item by one C encoder: `json.dumps(indent=...)` falls back to the pure-Python
    encoder (two seconds for 100k edges), and neither the node-link dicts of a 10k-note vault's half
    a million edges nor their 100 MB of text are ever all held at once.
    """
    dumps = _ENCODER.encode
    yield (
        f'{{\n"directed": {dumps(graph.is_directed())},\n"multigraph": {dumps(graph.is_multigraph())},\n'
        f'"graph": {dumps(graph.graph)},\n"nodes": '
    )
    yield from _json_list(dumps({**data, "id": node}) for node, data in graph.nodes(data=True))
    yield ',\n"links": '
    yield from _json_list(_link_lines(graph))
    yield "\n}\n"


def _link_lines(graph: nx.MultiDiGraph) -> Iterator[str]:
    """Each edge's node-link dict as the encoder writes it. Edges are tens of thousands on a big
    vault and nearly all are `{kind, weight}` (`mentions`: `{kind, weight, line}`) between a few
    thousand nodes, so those are formatted directly with each node id encoded once: the generic
    encoding of one dict per edge took seconds."""
    dumps = _ENCODER.encode
    quoted: dict[str, str] = {}

    def quote(text: str) -> str:
        encoded = quoted.get(text)
        if encoded is None:
            encoded = quoted[text] = dumps(text)
        return encoded

    # `adjacency()` lists the edges in the order `edges(keys=True, data=True)` does, without its views.
    for source, targets in graph.adjacency():
        for target, keyed in targets.items():
            for key, data in keyed.items():
                plain = _plain_edge(quote, source, target, key, data)
                yield dumps({**data, "source": source, "target": target, "key": key}) if plain is None else plain


def _plain_edge(quote: Callable[[str], str], source: Any, target: Any, key: Any, data: dict) -> str | None:
    """The node-link line of an edge with only `kind`, `weight` and maybe `line` (in that order, typed
    as the builder makes them) between string ids; None for any other edge."""
    if not (type(source) is str and type(target) is str and type(key) is str):
        return None
    items = list(data.items())
    if len(items) not in (2, 3) or items[0][0] != "kind" or items[1][0] != "weight":
        return None
    kind, weight = items[0][1], items[1][1]
    if type(kind) is not str or type(weight) is not int:
        return None
    line = ""
    if len(items) == 3:
        if items[2][0] != "line" or type(items[2][1]) is not int:
            return None
        line = f', "line": {items[2][1]}'
    return (
        f'{{"kind": {quote(kind)}, "weight": {weight}{line}, "source": {quote(source)}, '
        f'"target": {quote(target)}, "key": {quote(key)}}}'
    )


def _json_list(items: Iterator[str]) -> Iterator[str]:
    """`[` items one per line `]`, or `[]`."""
    first = next(items, None)
    if first is None:
        yield "[]"
        return
    yield "[\n"
    yield first
    for item in items:
        yield ",\n"
        yield item
    yield "\n]"


def export_pieces(graph: nx.MultiDiGraph, fmt: str) -> Iterator[str]:
    """The graph in format `fmt` (one of FORMATS), as pieces of text to write one after the other."""
    if fmt == "json":
        yield from node_link_pieces(graph)
        return
    buffer = io.BytesIO()
    if fmt == "graphml":
        nx.write_graphml(flat_copy(graph), buffer, encoding="utf-8")
    elif fmt == "gexf":
        nx.write_gexf(flat_copy(graph), buffer, encoding="utf-8")
    else:
        raise ValueError(f"unknown graph format {fmt!r} (formats: {', '.join(FORMATS)})")
    yield buffer.getvalue().decode("utf-8")


def export(graph: nx.MultiDiGraph, fmt: str) -> str:
    """The graph in format `fmt` (one of FORMATS), as text."""
    return "".join(export_pieces(graph, fmt))
