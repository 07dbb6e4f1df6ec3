"""The notes map's nodes (`select.map_core`): every note, week and missing note, tags of two notes or
more, never a concept; capped by salience, and it says how many it left out."""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest

from vaultgraph.concepts.build import build_concepts
from vaultgraph.config import Config
from vaultgraph.graph.build import build_graph
from vaultgraph.graph.select import map_core
from vaultgraph.vault.load import load_vault

SAMPLE = Path(__file__).resolve().parent.parent / "sample_vault"


@pytest.fixture(scope="module")
def full() -> nx.MultiDiGraph:
    vault = load_vault(SAMPLE)
    return build_graph(vault, Config(), build_concepts(vault, Config()))


def kinds(graph: nx.MultiDiGraph, *wanted: str) -> set[str]:
    return {node for node, data in graph.nodes(data=True) if data["kind"] in wanted}


def test_core_is_the_structure_without_concepts(full: nx.MultiDiGraph) -> None:
    core, left_out = map_core(full, 0)
    assert kinds(core, "note", "week", "missing") == kinds(full, "note", "week", "missing")
    assert kinds(core, "tag") == {tag for tag in kinds(full, "tag") if full.nodes[tag]["count"] >= 2}
    assert kinds(core, "concept") == set()
    assert left_out == len(kinds(full, "note", "week", "missing", "tag")) - core.number_of_nodes() > 0


@pytest.mark.parametrize("limit", [5, 30])
def test_a_limit_keeps_the_most_salient(full: nx.MultiDiGraph, limit: int) -> None:
    everything, _ = map_core(full, 0)
    core, left_out = map_core(full, limit)
    assert core.number_of_nodes() == limit
    assert left_out == len(kinds(full, "note", "week", "missing", "tag")) - limit
    lowest_kept = min(full.nodes[node]["salience"] for node in core)
    assert all(full.nodes[node]["salience"] <= lowest_kept for node in set(everything) - set(core))
