"""Benchmark (not a test): the graph's cost stays bounded (issue 20).

1. One note whose single paragraph holds 4,000 distinct terms (`alpha1 beta1 alpha2 beta2 …`,
   35 KB): `vaultgraph graph --format json` and `--format html`, whole process, wall time and peak
   RSS. Unbounded co-occurrence made 8 million edges of it (53 s, 5.5 GB before this work).
2. `build_graph` alone (the parse cache warm, concepts built), median of 5 runs, on a generated
   1,000-note vault and, when ../shared is there, on the 1,017-note dendron-site corpus.
3. The default HTML map of those vaults: its size, and the whole `vaultgraph graph` command.

    python benchmarks/graph_bounds.py [--work /tmp/vg-bench] [--shared ../shared]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

from run import REPO, timed

from vaultgraph.collector import collector_paused
from vaultgraph.concepts.build import build_concepts
from vaultgraph.config import load_config
from vaultgraph.graph.build import build_graph
from vaultgraph.vault.load import load_vault


def big_paragraph(work: Path) -> Path:
    vault = work / "big-paragraph"
    vault.mkdir(parents=True, exist_ok=True)
    words = [f"{name}{i}" for i in range(1, 2001) for name in ("alpha", "beta")]
    (vault / "note.md").write_text("# Big\n\n" + " ".join(words) + "\n", encoding="utf-8")
    return vault


def vaultgraph(*args: str) -> list[str]:
    return [sys.executable, "-m", "vaultgraph", "graph", *args]


def build_seconds(root: Path, runs: int = 5) -> tuple[float, int, int]:
    """Median seconds of `build_graph` over `runs`, and the graph's nodes and edges."""
    config = load_config(root)
    with collector_paused():  # as the command builds it
        vault = load_vault(root, config.exclude)
        concepts = build_concepts(vault, config)
        seconds = []
        for _ in range(runs):
            start = time.perf_counter()
            graph = build_graph(vault, config, concepts)
            seconds.append(time.perf_counter() - start)
    return statistics.median(seconds), graph.number_of_nodes(), graph.number_of_edges()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--work", type=Path, default=Path("/tmp/vg-bench"))
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared", help="make_vault.py and the corpora")
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)

    big = big_paragraph(args.work)
    out = args.work / "big.json"
    run = timed(vaultgraph(str(big), "--no-cache", "--format", "json", "-o", str(out)))
    data = json.loads(out.read_text(encoding="utf-8"))
    cooccurs = sum(1 for edge in data["links"] if edge["kind"] == "co-occurs")
    print(f"4,000-term paragraph, graph --format json: {run.cell()}, {len(data['links'])} edges ({cooccurs} co-occurs)")
    run = timed(vaultgraph(str(big), "--no-cache", "-o", str(args.work / "big.html")))
    print(f"4,000-term paragraph, graph (HTML map): {run.cell()}")

    generated = args.work / "v1000"
    if not generated.is_dir():
        make = [
            sys.executable,
            str(args.shared / "bench" / "make_vault.py"),
            "--notes",
            "1000",
            "--out",
            str(generated),
        ]
        subprocess.run(make, check=True, capture_output=True)
    vaults = {"generated 1,000 notes": generated}
    if (args.shared / "corpora" / "dendron-site").is_dir():
        vaults["dendron-site (1,017 notes)"] = args.shared / "corpora" / "dendron-site"
    for name, root in vaults.items():
        timed(vaultgraph(str(root), "--format", "json", "-o", str(args.work / "warm.json")))  # fills the cache
        seconds, nodes, edges = build_seconds(root)
        print(f"{name}: build_graph {seconds:.2f} s (median of 5), {nodes} nodes, {edges} edges")
        html = args.work / "map.html"
        run = timed(vaultgraph(str(root), "-o", str(html)))
        print(f"{name}: graph (HTML map, cache warm) {run.cell()}, {html.stat().st_size / 1e6:.2f} MB of HTML")
    print(f"(from {REPO})")


if __name__ == "__main__":
    main()
