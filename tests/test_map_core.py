"""The map's default cut (`map_core`) and its timeline layout, on the sample vault."""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest

from vaultgraph.concepts.build import build_concepts
from vaultgraph.config import Config
from vaultgraph.graph.build import build_graph
from vaultgraph.graph.select import CONCEPTS_PER_NOTE, most_salient, recurs
from vaultgraph.render.html import map_data
from vaultgraph.vault.load import load_vault

SAMPLE = Path(__file__).resolve().parent.parent / "sample_vault"


@pytest.fixture(scope="module")
def full() -> nx.MultiDiGraph:
    vault = load_vault(SAMPLE)
    return build_graph(vault, Config(), build_concepts(vault, Config()))


def kinds(graph: nx.MultiDiGraph, kind: str) -> set[str]:
    return {node for node, data in graph.nodes(data=True) if data["kind"] == kind}


def test_core_keeps_structure_and_recurring_concepts_first(full: nx.MultiDiGraph) -> None:
    core, left_out = most_salient(full, 300, core=True)
    assert core.graph["cut"] == "core"
    assert left_out == full.number_of_nodes() - core.number_of_nodes() > 0
    for kind in ("note", "week", "missing"):
        assert kinds(core, kind) == kinds(full, kind)
    assert all(full.nodes[tag]["count"] >= 2 for tag in kinds(core, "tag"))
    concepts = kinds(core, "concept")
    assert len(concepts) <= CONCEPTS_PER_NOTE * len(kinds(full, "note"))
    # a one-note concept is kept only when every recurring one already is
    if any(not recurs(full.nodes[c]) for c in concepts):
        assert all(c in concepts for c in kinds(full, "concept") if recurs(full.nodes[c]))


@pytest.mark.parametrize(("limit", "cut"), [(0, "core"), (1000, "core"), (50, None)])
def test_limit_still_caps_and_then_says_salience(full: nx.MultiDiGraph, limit: int, cut: str | None) -> None:
    core, left_out = most_salient(full, limit, core=True)
    assert core.graph.get("cut") == cut
    assert core.number_of_nodes() + left_out == full.number_of_nodes()
    if limit:
        assert core.number_of_nodes() <= limit


def test_weeks_pinned_in_order_and_notes_held_at_their_week(full: nx.MultiDiGraph) -> None:
    data = map_data(most_salient(full, 300, core=True)[0], SAMPLE)
    by_id = {node["id"]: node for node in data["nodes"]}
    row = [by_id[f"week:boostcamp/{n}"] for n in (1, 2, 3, 4, 5, 7, 8, 9)]
    assert all(week["fixed"] is True for week in row)
    assert [week["x"] for week in row] == sorted(week["x"] for week in row)
    assert len({week["y"] for week in row}) == 1
    note = by_id["note:_posts/2023-01-13-boostcamp-week2.md"]
    assert note["fixed"] == {"x": True, "y": False} and note["x"] == by_id["week:boostcamp/2"]["x"]
    assert all(not edge["physics"] for edge in data["edges"] if edge["kind"] == "co-occurs")
