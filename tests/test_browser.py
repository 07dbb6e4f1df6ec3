"""The HTML map in a real browser (Debian's chromium, headless, network cut, a 1400x900 window).

Every request that is not `file://` is aborted and recorded; the page must make none and raise no
error. The concept map of a vault in real blogs' shape must be legible at first sight, read from
vis-network's own state; both views must work (filters, search, details, links between them);
a hostile vault runs nothing; the Content-Security-Policy lets only the page's own scripts run.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Browser
from watched_page import WatchedPage, drawn_labels, each_node, node_points, show_view, wait_settled

from vaultgraph.concepts.build import build_concepts
from vaultgraph.config import Config, load_config
from vaultgraph.graph import layout
from vaultgraph.graph.build import build_graph
from vaultgraph.render.html import render_map
from vaultgraph.vault.load import load_vault

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "sample_vault"
BLOG = ROOT / "benchmarks" / "vaults" / "cvnlp-jekyll"  # 41 real-shaped posts: dailies, side posts, generic words
XSS_IMG = "<img src=x onerror=window.__pwned=1>"
XSS_SCRIPT = "<script>window.__pwned=1</script>"
# Record window.open instead of leaving the page, so clicks on notes can be checked.
RECORD_OPEN = "window.__opened = []; window.open = function (u) { window.__opened.push(String(u)); return null; };"


class Visit(WatchedPage):
    """The map, once its opening view is drawn."""

    def __init__(self, browser: Browser, html: Path, *, bypass_csp: bool = True):
        super().__init__(browser, html, RECORD_OPEN, bypass_csp=bypass_csp)
        if bypass_csp:
            wait_settled(self.page)

    def assert_clean(self) -> None:
        assert self.errors == [] and self.requests == [] and self.dialogs == []
        self.context.close()


def write_map(tmp_path: Path, root: Path, **options: int) -> Path:
    config = load_config(root)
    vault = load_vault(root, config.exclude)
    out = tmp_path / "map.html"
    out.write_text(render_map(build_graph(vault, config, build_concepts(vault, config)), vault, **options))
    return out


@pytest.fixture(scope="module")
def blog_map(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_map(tmp_path_factory.mktemp("blog"), BLOG, max_nodes=300)


def test_blog_concept_map_is_legible_at_first_sight(browser: Browser, blog_map: Path) -> None:
    """At 1400x900, without zooming: 30 labels or more drawn at 10 px or more, none over another
    label or another node, and the ten most salient concepts among them."""
    visit = Visit(browser, blog_map)
    labels = drawn_labels(visit.page)
    assert len(labels.clear) >= 30, f"{len(labels.clear)} clear labels: {labels.clear}"
    assert labels.overlapping == labels.cut == []  # every label drawn that big is clear
    ranked = visit.page.evaluate("VIEWS.concepts.nodes.map(n => n.id)")  # most salient first
    assert set(ranked[:10]) <= set(labels.clear)
    assert len(ranked) > len(labels.clear)  # the rest wait for the zoom...
    visit.page.evaluate("network.moveTo({scale: network.getScale() * 1.6, animation: false})")
    visit.page.wait_for_timeout(100)
    zoomed = drawn_labels(visit.page, min_px=0)
    assert set(zoomed.clear) - set(labels.clear) and zoomed.overlapping == []  # ...and appear, clear of the others
    visit.assert_clean()


def test_blog_map_opens_the_same_on_every_run(tmp_path: Path, blog_map: Path) -> None:
    again = write_map(tmp_path, BLOG, max_nodes=300)
    assert again.read_bytes() == blog_map.read_bytes()


def test_clicking_a_concept_lists_its_notes_and_weeks_and_opens_them(browser: Browser, blog_map: Path) -> None:
    visit = Visit(browser, blog_map)
    page = visit.page
    top = page.evaluate("VIEWS.concepts.nodes[0]")
    point = node_points(page)[top["id"]]
    page.mouse.click(point["x"], point["y"])
    details = page.locator("#details")
    assert details.is_visible() and top["full"] in details.locator("h3").inner_text()
    assert details.locator("li.week").count() >= 2  # grouped by week
    assert details.locator(".snippet").count() == len(top["mentions"]) > 3
    details.locator("li button.link").first.click()
    assert page.evaluate("window.__opened")[0].startswith("file:///")
    # the notes map, a click away: the concept's notes are selected there
    page.click("#details button.action")
    wait_settled(page)
    assert page.evaluate("network.getSelectedNodes().every(id => id.startsWith('note:'))")
    assert page.evaluate("network.getSelectedNodes().length") > 3
    visit.assert_clean()


def test_notes_map_shows_notes_weeks_and_tags_without_overlaps(browser: Browser, blog_map: Path) -> None:
    visit = Visit(browser, blog_map)
    page = visit.page
    show_view(page, "notes")
    kinds = set(page.evaluate("nodes.get().map(n => n.kind)"))
    assert kinds == {"note", "week", "tag"}
    page.evaluate("network.moveTo({scale: 1.2, animation: false})")  # close enough to read notes
    page.wait_for_timeout(100)
    labels = drawn_labels(page)
    assert len(labels.clear) > 10 and labels.overlapping == []  # week marks never cover a note's label
    # a note lists the concept-map concepts it mentions; one click goes back to the concept map
    note = page.evaluate("VIEWS.notes.nodes.find(n => n.kind === 'note' && noteConcepts[n.note])")
    page.evaluate(f"showDetails(byId[{note['id']!r}])")
    page.locator("#details .chips button").first.click()
    wait_settled(page)
    assert page.get_attribute("#view-concepts", "aria-pressed") == "true"
    assert page.evaluate("network.getSelectedNodes()[0].startsWith('concept:')")
    visit.assert_clean()


def test_filters_and_search(browser: Browser, tmp_path: Path) -> None:
    visit = Visit(browser, write_map(tmp_path, SAMPLE, max_nodes=120))
    page = visit.page
    count = page.evaluate("nodes.length")
    page.select_option("#week-from", index=1)
    page.select_option("#week-to", index=1)
    shown = page.evaluate("nodes.get({filter: n => !n.hidden}).length")
    assert 0 < shown < count
    page.select_option("#week-from", index=0)
    page.select_option("#week-to", index=page.locator("#week-to option").count() - 1)
    page.fill("#search", "lstm")
    assert "match" in page.text_content("#hits")
    assert page.evaluate("network.getSelectedNodes().length") >= 1
    page.fill("#search", "")
    page.evaluate("slider.value = slider.max; slider.dispatchEvent(new Event('input'))")
    assert page.evaluate("edges.get({filter: e => e.hidden}).length") > 0
    show_view(page, "notes")
    page.uncheck("#kinds input[data-kind=tag]")
    assert page.evaluate("nodes.get({filter: n => n.kind === 'tag' && !n.hidden}).length") == 0
    visit.assert_clean()


def test_hostile_vault_runs_nothing(browser: Browser, tmp_path: Path) -> None:
    root = tmp_path / "vault"
    (root / ".obsidian").mkdir(parents=True)
    (root / f"{XSS_IMG}.md").write_text(
        f"---\ntitle: '{XSS_IMG}'\naliases: ['{XSS_SCRIPT}']\ntags: ['{XSS_SCRIPT}', x]\nweek: 1\n---\n"
        f"- **{XSS_SCRIPT}** and **<b>bold</b>** [[{XSS_SCRIPT}]] [[other]]\n",
        encoding="utf-8",
    )
    (root / "other.md").write_text(f'---\ntitle: "{XSS_SCRIPT}"\n---\n#x [[{XSS_IMG}]]\n', encoding="utf-8")
    visit = Visit(browser, write_map(tmp_path, root))
    page = visit.page
    tips = []
    for node_id, point in each_node(page):
        page.mouse.move(point["x"], point["y"])
        page.wait_for_timeout(30)
        tips.append(page.text_content("#tip") or "")
        page.mouse.dblclick(point["x"], point["y"])  # a note opens
        page.evaluate(f"showDetails(byId[{node_id!r}])")
        links = page.locator("#details button.link")
        if links.count():
            links.first.click()  # a note opens; a neighbour is shown, maybe in the other view
        assert page.evaluate("typeof window.__pwned") == "undefined", node_id
    assert any(XSS_IMG in tip for tip in tips) and any(XSS_SCRIPT in tip for tip in tips)
    assert page.evaluate("document.querySelectorAll('#tip img, #details img, #tip script').length") == 0
    opened = page.evaluate("window.__opened")
    assert opened and all(url.startswith("obsidian://open?vault=vault&file=") for url in opened)
    visit.assert_clean()


def test_a_view_too_big_to_lay_out_here_settles_in_the_browser(
    browser: Browser, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(layout, "LIMIT", 20)  # as if the notes map had 801 nodes
    visit = Visit(browser, write_map(tmp_path, SAMPLE, max_nodes=60, top=15))
    page = visit.page
    assert page.evaluate("VIEWS.notes.browserLayout") and not page.evaluate("VIEWS.concepts.browserLayout")
    show_view(page, "notes")
    spread = page.evaluate("new Set(Object.values(network.getPositions()).map(p => Math.round(p.x))).size")
    assert spread > 20 and not page.evaluate("network.physics.options.enabled")  # laid out, then still
    box = page.evaluate("JSON.parse(JSON.stringify(document.getElementById('map').getBoundingClientRect()))")
    for point in node_points(page).values():  # and all in sight
        assert box["left"] <= point["x"] <= box["right"] and box["top"] <= point["y"] <= box["bottom"]
    visit.assert_clean()


def test_empty_vault_page_says_so(browser: Browser, tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    html = tmp_path / "empty.html"
    vault = load_vault(tmp_path / "empty")
    html.write_text(render_map(build_graph(vault, Config(), []), vault, message="No notes found in empty."))
    visit = Visit(browser, html)
    assert visit.page.evaluate("nodes.length") == 0
    assert visit.page.is_visible("#message")
    assert visit.page.text_content("#message") == "No notes found in empty."
    visit.assert_clean()


def test_csp_lets_only_the_pages_own_scripts_run(browser: Browser, blog_map: Path, tmp_path: Path) -> None:
    """Without Playwright's CSP bypass: the page works, and a script that slipped into the page
    (here, added by hand before vis-network) is refused: no 'unsafe-inline' for scripts."""
    page_text = blog_map.read_text(encoding="utf-8")
    policy = re.search(r'Content-Security-Policy" content="([^"]*)"', page_text)
    assert policy and "script-src 'sha256-" in policy[1] and "'unsafe-inline'" not in policy[1]
    smuggled = tmp_path / "smuggled.html"
    smuggled.write_text(page_text.replace("<script>", "<script>window.__pwned = 1;</script><script>", 1))
    for html, runs in ((blog_map, False), (smuggled, False)):
        visit = Visit(browser, html, bypass_csp=False)
        visit.page.wait_for_selector("#status:has-text('shown')", timeout=60_000)  # the page's script ran
        assert visit.page.locator("#legend button.cluster").count() >= 3
        assert (visit.page.evaluate("typeof window.__pwned") != "undefined") is runs
        visit.assert_clean()
    assert any("Content Security Policy" in line for line in visit.console)  # the smuggled script, refused
    assert sum("Content Security Policy" in line for line in visit.console) == 1  # and nothing else


def test_korean_labels_have_a_font(browser: Browser, blog_map: Path) -> None:
    """The font stack names a Hangul font for each platform, and on this machine one of them is there
    (Debian's fonts-noto-cjk), so Korean labels are drawn, not empty boxes."""
    visit = Visit(browser, blog_map)
    face = visit.page.evaluate("DATA.options.nodes.font.face")
    for font in ("Apple SD Gothic Neo", "Malgun Gothic", "Noto Sans CJK KR", "NanumGothic"):
        assert font in face
    # An installed font is used whatever follows it; a missing one falls back to what follows.
    widths = visit.page.evaluate("""() => {
        const context = document.createElement('canvas').getContext('2d');
        return ['serif', 'monospace'].map(fallback => {
            context.font = '20px "Noto Sans CJK KR", ' + fallback;
            return context.measureText('회고 retrospective').width;
        });
    }""")
    assert widths[0] == widths[1]
    korean = visit.page.evaluate("Object.values(byId).filter(n => /[가-힣]/.test(n.label)).length")
    assert korean > 10  # the blog's Korean note titles, at least
    visit.assert_clean()
