"""The HTML map in a real browser (Debian's chromium, headless, network cut).

Every request that is not `file://` is aborted and recorded; the page must make none, raise no
error, show as many nodes as the graph it was made from, and run nothing from a hostile vault while
every node is hovered and clicked.
"""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Browser
from watched_page import WatchedPage

from vaultgraph.concepts.build import build_concepts
from vaultgraph.config import Config
from vaultgraph.graph.build import build_graph
from vaultgraph.graph.select import most_salient
from vaultgraph.render.html import render_map
from vaultgraph.vault.load import load_vault

SAMPLE = Path(__file__).resolve().parent.parent / "sample_vault"
XSS_IMG = "<img src=x onerror=window.__pwned=1>"
XSS_SCRIPT = "<script>window.__pwned=1</script>"
# Record window.open instead of leaving the page, so clicks on notes can be checked.
RECORD_OPEN = "window.__opened = []; window.open = function (u) { window.__opened.push(String(u)); return null; };"


class Visit(WatchedPage):
    """The map, once its layout has settled."""

    def __init__(self, browser: Browser, html: Path):
        super().__init__(browser, html, RECORD_OPEN)
        self.page.wait_for_function("window.vgSettled === true", timeout=60_000)

    def node_points(self) -> dict[str, dict[str, float]]:
        """Where each node is on screen (page coordinates)."""
        return self.page.evaluate("""() => {
            const box = document.getElementById('map').getBoundingClientRect(), out = {};
            const positions = network.getPositions();
            for (const id in positions) {
                const p = network.canvasToDOM(positions[id]);
                out[id] = {x: p.x + box.left, y: p.y + box.top};
            }
            return out;
        }""")


def write_map(tmp_path: Path, root: Path, max_nodes: int = 0) -> tuple[Path, int]:
    vault = load_vault(root)
    graph, _ = most_salient(build_graph(vault, Config(), build_concepts(vault, Config())), max_nodes)
    out = tmp_path / "map.html"
    out.write_text(render_map(graph, root), encoding="utf-8")
    return out, graph.number_of_nodes()


def test_sample_map_loads_offline(browser: Browser, tmp_path: Path) -> None:
    html, count = write_map(tmp_path, SAMPLE, max_nodes=120)
    visit = Visit(browser, html)
    assert visit.page.evaluate("nodes.length") == count
    assert visit.page.evaluate("edges.length") > 0
    # filter to one week: fewer nodes stay visible, none of them outside that week
    visit.page.select_option("#week-from", index=1)
    visit.page.select_option("#week-to", index=1)
    shown = visit.page.evaluate("nodes.get({filter: n => !n.hidden}).length")
    assert 0 < shown < count
    visit.page.fill("#search", "lstm")
    assert "match" in visit.page.text_content("#hits")
    assert visit.errors == [] and visit.requests == [] and visit.dialogs == []
    visit.context.close()


def test_hostile_vault_runs_nothing(browser: Browser, tmp_path: Path) -> None:
    root = tmp_path / "vault"
    (root / ".obsidian").mkdir(parents=True)
    (root / f"{XSS_IMG}.md").write_text(
        f"---\ntitle: '{XSS_IMG}'\naliases: ['{XSS_SCRIPT}']\ntags: ['{XSS_SCRIPT}', x]\nweek: 1\n---\n"
        f"- **{XSS_SCRIPT}** and **<b>bold</b>** [[{XSS_SCRIPT}]] [[other]]\n",
        encoding="utf-8",
    )
    (root / "other.md").write_text(f'---\ntitle: "{XSS_SCRIPT}"\n---\n#x [[{XSS_IMG}]]\n', encoding="utf-8")
    html, count = write_map(tmp_path, root)
    visit = Visit(browser, html)
    assert visit.page.evaluate("nodes.length") == count
    labels = set(visit.page.evaluate("nodes.get().map(n => n.full)"))
    assert XSS_IMG in labels  # shown as text, not swallowed
    tips = []
    for node_id, point in visit.node_points().items():
        visit.page.mouse.move(point["x"], point["y"])
        visit.page.wait_for_timeout(30)
        tips.append(visit.page.text_content("#tip") or "")
        visit.page.mouse.click(point["x"], point["y"])
        assert visit.page.evaluate("typeof window.__pwned") == "undefined", node_id
    assert any(XSS_IMG in tip for tip in tips)
    assert visit.page.evaluate("document.querySelectorAll('#tip img, #details img, #tip script').length") == 0
    opened = visit.page.evaluate("window.__opened")
    assert opened and all(url.startswith("obsidian://open?vault=vault&file=") for url in opened)
    assert visit.errors == [] and visit.requests == [] and visit.dialogs == []
    visit.context.close()


def test_empty_vault_page_says_so(browser: Browser, tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    html = tmp_path / "empty.html"
    vault = load_vault(tmp_path / "empty")
    html.write_text(
        render_map(build_graph(vault, Config(), []), tmp_path / "empty", message="No notes found in empty."),
        encoding="utf-8",
    )
    visit = Visit(browser, html)
    assert visit.page.evaluate("nodes.length") == 0
    assert visit.page.is_visible("#message")
    assert visit.page.text_content("#message") == "No notes found in empty."
    assert visit.errors == [] and visit.requests == []
    visit.context.close()
