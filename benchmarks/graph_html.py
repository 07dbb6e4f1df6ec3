"""Benchmark (not a test): the HTML map of a 10 000-note synthetic vault, with default settings.

Measures the time to build concepts and graph, to lay out and write the map, the HTML size, and the
time from opening the file in Chromium (headless, network cut) until the opening view is drawn
(`window.vgSettled`).

    python benchmarks/graph_html.py [--notes 10000] [--work /tmp/vg-bench]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

from vaultgraph.concepts.build import build_concepts
from vaultgraph.config import load_config
from vaultgraph.graph.build import build_graph
from vaultgraph.graph.settings import graph_settings
from vaultgraph.render.html import map_data, render_page
from vaultgraph.vault.load import load_vault

MAKE_VAULT = Path(__file__).resolve().parents[2] / "shared" / "bench" / "make_vault.py"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def settle_seconds(html: Path) -> tuple[float, int]:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        context = browser.new_context(bypass_csp=True, viewport={"width": 1400, "height": 900})
        context.route(
            "**/*", lambda route: route.continue_() if route.request.url.startswith("file://") else route.abort()
        )
        page = context.new_page()
        start = time.perf_counter()
        page.goto(html.as_uri())
        page.wait_for_function("window.vgSettled === true", timeout=300_000)
        elapsed = time.perf_counter() - start
        count = page.evaluate("nodes.length")
        browser.close()
    return elapsed, count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--notes", type=int, default=10_000)
    parser.add_argument("--work", type=Path, default=Path("/tmp/vg-bench"))
    args = parser.parse_args()
    root = args.work / f"v{args.notes}"
    if not root.is_dir():
        subprocess.run([sys.executable, str(MAKE_VAULT), "--notes", str(args.notes), "--out", str(root)], check=True)
    config = load_config(root)
    timings = {}
    start = time.perf_counter()
    vault = load_vault(root, config.exclude)
    timings["load"] = time.perf_counter() - start
    start = time.perf_counter()
    concepts = build_concepts(vault, config)
    timings["concepts"] = time.perf_counter() - start
    start = time.perf_counter()
    graph = build_graph(vault, config, concepts)
    timings["graph"] = time.perf_counter() - start
    start = time.perf_counter()
    settings = graph_settings(config.sections)  # as the command line
    data = map_data(graph, vault, top=settings["top"], max_nodes=settings["max-nodes"])
    page = render_page(data)
    timings["map"] = time.perf_counter() - start
    html = args.work / "map.html"
    html.write_text(page, encoding="utf-8")
    settled, count = settle_seconds(html)
    views = data["views"]
    print(
        f"notes={len(vault.notes)} graph: {graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges; "
        f"map: {count} nodes in the opening view; concept map {len(views['concepts']['nodes'])} nodes, "
        f"{len(views['concepts']['edges'])} edges; notes map {len(views['notes']['nodes'])} nodes, "
        f"{len(views['notes']['edges'])} edges"
    )
    print("seconds: " + ", ".join(f"{name} {value:.1f}" for name, value in timings.items()))
    print(f"html size: {html.stat().st_size / 1024:.0f} KiB; settled in Chromium after {settled:.1f} s")


if __name__ == "__main__":
    main()
