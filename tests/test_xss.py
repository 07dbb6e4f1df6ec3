"""Note content is data, never markup: end to end through the CLI, both pages, every payload position.

A vault carries script and event-handler payloads in file names, titles, aliases, tags (front matter and
inline), headings, bold terms, link targets (missing nodes), series and week names. `vaultgraph graph`
and `vaultgraph timeline` write their HTML; Chromium opens each page with the network cut, every node
and every heatmap cell is hovered and clicked, the search box is fed a payload, and nothing may run:
`window.__pwned` stays undefined, no dialog opens, no page error, no request leaves `file://`.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from playwright.sync_api import Browser
from watched_page import WatchedPage, each_node, wait_settled

SCRIPT = "<script>window.__pwned=1</script>"
IMG = '<img src=x onerror="window.__pwned=1">'
BREAKOUT = "</script><svg onload=window.__pwned=1>"
ATTRIBUTE = "\"' onmouseover=window.__pwned=1 x='"
ALERT = "<img src=x onerror=alert(1)>"


def write_vault(root: Path) -> Path:
    vault = root / "vault"
    (vault / "retros").mkdir(parents=True)
    for week in (1, 2, 3):
        (vault / "retros" / f"week{week} {ALERT}.md").write_text(
            # JSON strings are YAML double-quoted scalars: the payloads' quotes cannot break the YAML.
            f"---\ntitle: {json.dumps(f'{IMG} {week}주차 회고')}\nweek: {week}\nseries: {json.dumps(SCRIPT)}\n"
            f"aliases: {json.dumps([SCRIPT, ATTRIBUTE])}\ntags: {json.dumps([IMG, '회고'])}\n---\n"
            f"# {SCRIPT} heading {week}\n\n"
            f"## {BREAKOUT}\n\n"
            f"- **{SCRIPT}** 을 배웠다, **{IMG}**를 정리했다, **LSTM**이 핵심 #{week}주차xss\n"
            f"- [[{SCRIPT}]] [[missing {IMG}]] [[concept {ATTRIBUTE}]] **Batch Normalization**\n"
            f"- [link]({BREAKOUT}.md) ![[{ALERT}.png]] **{ATTRIBUTE}**\n",
            encoding="utf-8",
        )
    (vault / f"concept {ATTRIBUTE}.md").write_text(
        f"# {ATTRIBUTE}\n\n**{BREAKOUT}** [[week1 {ALERT}]]\n", encoding="utf-8"
    )
    return vault


def run(args: list[str], cwd: Path) -> None:
    env = {**os.environ, "XDG_CACHE_HOME": str(cwd / "xdg-cache")}  # not the tester's own cache
    result = subprocess.run(
        [sys.executable, "-m", "vaultgraph", *args], capture_output=True, text=True, cwd=cwd, timeout=300, env=env
    )
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr[-2000:]


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("xss")
    vault = write_vault(root)
    run(["graph", "--format", "html", "-o", str(root / "map.html"), str(vault)], root)
    run(["timeline", "--format", "html", "-o", str(root / "timeline.html"), str(vault)], root)
    return {"map": root / "map.html", "timeline": root / "timeline.html"}


class Watched(WatchedPage):
    """A hostile page; `window.open` is stubbed so clicks stay on the page."""

    def __init__(self, browser: Browser, html: Path):
        super().__init__(browser, html, "window.open = function () { return null; };")

    def assert_nothing_ran(self) -> None:
        assert self.page.evaluate("typeof window.__pwned") == "undefined"
        injected = self.page.evaluate("document.querySelectorAll('img[onerror], svg[onload], [onmouseover]').length")
        assert injected == 0
        assert self.dialogs == [] and self.errors == [] and self.requests == []


def test_concept_map_hover_and_click_every_node(browser: Browser, pages: dict[str, Path]) -> None:
    watched = Watched(browser, pages["map"])
    page = watched.page
    wait_settled(page)
    labels = page.evaluate("Object.values(byId).map(n => n.full)")
    assert any(SCRIPT in label for label in labels) and any(IMG in label for label in labels)  # shown as text
    visited = 0
    for node_id, point in each_node(page):
        page.mouse.move(point["x"], point["y"])
        page.mouse.click(point["x"], point["y"])
        for button in page.locator("#details button").all()[1:4]:  # past the close button
            if button.is_visible():
                button.click()
        assert page.evaluate("typeof window.__pwned") == "undefined", node_id
        visited += 1
    assert visited == len(labels) > 10
    page.fill("#search", IMG)
    page.fill("#search", SCRIPT)
    for select in page.locator("select").all():
        for value in select.locator("option").all_inner_texts()[:4]:
            if select.is_visible():
                select.select_option(label=value)
    watched.assert_nothing_ran()
    watched.context.close()


def test_timeline_heatmap_hover_and_click_every_cell(browser: Browser, pages: dict[str, Path]) -> None:
    watched = Watched(browser, pages["timeline"])
    page = watched.page
    assert SCRIPT in page.inner_text("body")  # the series name is shown as text
    cells = page.locator("td.seen")
    assert cells.count() >= 3
    for index in range(cells.count()):
        cells.nth(index).hover()
        cells.nth(index).click()
        assert page.evaluate("typeof window.__pwned") == "undefined", index
    for header in page.locator("th").all()[:30]:
        header.hover()
    watched.assert_nothing_ran()
    watched.context.close()
