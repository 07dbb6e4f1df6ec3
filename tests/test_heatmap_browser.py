"""The heatmap page in a real browser (Debian's chromium, headless, network cut).

Every request that is not `file://` is aborted and recorded. Hovering cells must show where the
concept was seen, raise no page error, and run nothing from hostile note paths, series or labels.
"""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Browser

from vaultgraph.concepts.build import build_concepts
from vaultgraph.config import load_config
from vaultgraph.model import Concept, Note, Occurrence, WeekInfo
from vaultgraph.render.heatmap import render_heatmap
from vaultgraph.series.timeline import build_timeline
from vaultgraph.vault.load import load_vault

SAMPLE = Path(__file__).resolve().parents[1] / "sample_vault"
HOSTILE = '</script><script>window.__pwned=1</script><img src=x onerror="window.__pwned=2">'


def visit(browser: Browser, page_file: Path, max_cells: int) -> tuple[list[str], list[str], list[str], object]:
    """Open the page, hover up to `max_cells` cells; return (requests, errors, tooltips, window.__pwned)."""
    context = browser.new_context(bypass_csp=True, viewport={"width": 1200, "height": 800})
    requests: list[str] = []
    errors: list[str] = []

    def route(route) -> None:
        if route.request.url.startswith("file://"):
            route.continue_()
        else:
            requests.append(route.request.url)
            route.abort()

    context.route("**/*", route)
    page = context.new_page()
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(page_file.as_uri())
    tips = []
    cells = page.locator("td.seen")
    for index in range(min(cells.count(), max_cells)):
        cells.nth(index).hover()
        tips.append(page.locator("#tip").inner_text())
    pwned = page.evaluate("window.__pwned")
    rows = page.locator("tbody tr").count()
    context.close()
    assert rows > 0
    return requests, errors, tips, pwned


def test_sample_vault_heatmap(browser, tmp_path):
    config = load_config(SAMPLE)
    vault = load_vault(SAMPLE, config.exclude)
    timeline = build_timeline(vault.notes.values(), build_concepts(vault, config))
    page_file = tmp_path / "timeline.html"
    page_file.write_text(render_heatmap(timeline), encoding="utf-8")
    requests, errors, tips, pwned = visit(browser, page_file, 40)
    assert requests == [] and errors == [] and pwned is None
    assert len(tips) == 40 and all(".md:" in tip for tip in tips)


def test_hostile_heatmap_runs_nothing(browser, tmp_path):
    notes = [Note(path=f"{HOSTILE}/w{n}.md", week=WeekInfo(HOSTILE, n, None, "title")) for n in (1, 2)]
    concept = Concept(
        key=HOSTILE,
        label=HOSTILE,
        score=1.0,
        count=2,
        occurrences=[Occurrence(f"{HOSTILE}/w{n}.md", n, HOSTILE, 1, f"{HOSTILE}/{n}", "prose") for n in (1, 2)],
    )
    page_file = tmp_path / "hostile.html"
    page_file.write_text(render_heatmap(build_timeline(notes, [concept])), encoding="utf-8")
    requests, errors, tips, pwned = visit(browser, page_file, 10)
    assert requests == [] and errors == [] and pwned is None
    assert len(tips) == 2 and all(HOSTILE in tip for tip in tips)  # shown as text, not run


def test_the_policy_runs_the_pages_script_and_nothing_injected(browser, tmp_path):
    """With the page's own Content-Security-Policy enforced (no `bypass_csp`): the heatmap's script
    runs (it is allowed by its hash), an inline script added to the file afterwards does not."""
    notes = [Note(path=f"w{n}.md", week=WeekInfo("b", n, None, "title")) for n in (1, 2)]
    concept = Concept(
        "c", "C", 1.0, 2, occurrences=[Occurrence(f"w{n}.md", n, "", 1, f"b/{n}", "prose") for n in (1, 2)]
    )
    page = render_heatmap(build_timeline(notes, [concept]))
    tampered = page.replace("</body>", "<script>window.__injected = 1;</script></body>")
    page_file = tmp_path / "timeline.html"
    page_file.write_text(tampered, encoding="utf-8")
    context = browser.new_context()
    tab = context.new_page()
    messages: list[str] = []
    tab.on("console", lambda message: messages.append(message.text))
    tab.goto(page_file.as_uri())
    rows, cells, injected = (
        tab.locator("tbody tr").count(),
        tab.locator("td.seen").count(),
        tab.evaluate("window.__injected"),
    )
    context.close()
    assert (rows, cells, injected) == (1, 2, None)
    refusals = [m for m in messages if "Content Security Policy" in m]
    # exactly one refusal: the injected script, not the page's own script or style
    assert len(refusals) == 1 and "script" in refusals[0], messages
