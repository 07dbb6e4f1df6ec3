"""graph/select.py cuts the graph the same way on every run, whatever Python's string hashing."""

from __future__ import annotations

import itertools
import os
import shutil
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pytest

from vaultgraph.graph.select import induced

SAMPLE_VAULT = Path(__file__).resolve().parents[1] / "sample_vault"


def test_induced_keeps_the_graph_order_and_copies_the_attributes() -> None:
    graph = nx.MultiDiGraph(weeks=["w/1"])
    names = [f"note:{word}" for word in "kiwi apple mango fig lime plum pear date yuzu nut".split()]
    for name in names:
        graph.add_node(name, kind="note")
    for source, target in itertools.pairwise(names):
        graph.add_edge(target, source, key="link", kind="link", weight=1)
    graph.add_edge(names[0], names[2], key="embed", kind="embed", weight=2)
    keep = set(names[::2]) | {names[1]}
    part = induced(graph, keep)
    assert list(part.nodes) == [name for name in names if name in keep]
    assert list(part.edges(keys=True, data=True)) == [
        (u, v, k, d) for u, v, k, d in graph.edges(keys=True, data=True) if u in keep and v in keep
    ]
    part.nodes[names[0]]["kind"] = "changed"
    part.graph["cut"] = "core"
    assert graph.nodes[names[0]]["kind"] == "note" and "cut" not in graph.graph


@pytest.mark.parametrize(
    "args", [["--format", "json", "--max-nodes", "40"], ["--format", "html"]], ids=["json cut", "map core"]
)
def test_a_cut_is_the_same_under_any_hash_seed(tmp_path: Path, args: list[str]) -> None:
    vault = shutil.copytree(SAMPLE_VAULT, tmp_path / "vault", ignore=shutil.ignore_patterns(".vaultgraph-cache"))
    outputs = []
    for seed in ("1", "2"):
        out = tmp_path / f"out-{seed}"
        env = {**os.environ, "PYTHONHASHSEED": seed, "XDG_CACHE_HOME": str(tmp_path / "cache")}
        run = subprocess.run(
            [sys.executable, "-m", "vaultgraph", "graph", str(vault), *args, "-o", str(out)],
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert run.returncode == 0, run.stderr
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1]
