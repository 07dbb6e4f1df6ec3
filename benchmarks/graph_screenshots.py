"""The README's screenshots of the map (not a test): `vaultgraph graph` with default settings, opened
in Chromium at 1400x900, written to docs/.

    python benchmarks/graph_screenshots.py [--shared ../shared]

Shot with the core install's Korean fallback (`VAULTGRAPH_KOREAN=fallback`), as `pip install .`
gives it. For each map it also prints the labels drawn at 10 px or more and how many overlap.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import Page, sync_playwright

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))
from conftest import CHROMIUM, CHROMIUM_ARGS  # noqa: E402
from watched_page import VIEWPORT, drawn_labels, show_view, wait_settled  # noqa: E402

DOCS = REPO / "docs"


def write_map(vault: Path, html: Path) -> None:
    env = {**os.environ, "VAULTGRAPH_KOREAN": "fallback"}
    command = [sys.executable, "-m", "vaultgraph", "graph", str(vault), "--no-cache", "-o", str(html)]
    subprocess.run(command, check=True, env=env, capture_output=True)


def report(name: str, page: Page) -> None:
    labels = drawn_labels(page)
    names = page.evaluate("ids => ids.map(id => byId[id].full)", labels.clear)
    print(f"{name}: {len(labels.clear)} clear labels, {len(labels.overlapping)} overlapping, {len(labels.cut)} cut")
    print("  " + " | ".join(names))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared", help="holds corpora/")
    args = parser.parse_args()
    vaults = {"cvnlp-jekyll": REPO / "benchmarks" / "vaults" / "cvnlp-jekyll"}
    for corpus in ("dendron-site", "obsidian-tasks"):
        if (args.shared / "corpora" / corpus).is_dir():
            vaults[corpus] = args.shared / "corpora" / corpus
    DOCS.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as work, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for name, vault in vaults.items():
            html = Path(work) / f"{name}.html"
            write_map(vault, html)
            context = browser.new_context(bypass_csp=True, viewport=VIEWPORT)
            page = context.new_page()
            page.add_init_script("window.open = function () { return null; };")
            page.goto(html.as_uri())
            wait_settled(page)
            report(name, page)
            page.screenshot(path=DOCS / f"map-{name}.png")
            if name == "cvnlp-jekyll":
                top = page.evaluate(
                    "VIEWS.concepts.nodes.find(n => n.full === 'Transformer') || VIEWS.concepts.nodes[0]"
                )
                page.evaluate(f"network.selectNodes([{top['id']!r}]); showDetails(byId[{top['id']!r}])")
                page.wait_for_timeout(900)  # the view pans the concept out from under the panel
                page.screenshot(path=DOCS / f"map-{name}-concept.png")
                show_view(page, "notes")
                page.screenshot(path=DOCS / f"map-{name}-notes.png")
            context.close()
        browser.close()


if __name__ == "__main__":
    main()
