"""A page opened in the test browser with the network cut, collecting what must not happen; and what
the concept map's tests read from vis-network's own state."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from playwright.sync_api import Browser, Page

VIEWPORT = {"width": 1400, "height": 900}


class WatchedPage:
    """Every non-file request is aborted and recorded; dialogs and page errors are collected."""

    def __init__(self, browser: Browser, html: Path, init_script: str, *, bypass_csp: bool = True):
        # bypass_csp: the pages' CSP forbids eval, which Playwright's own waits use; the escaping of
        # note text is what most tests check, not the CSP (tests/test_browser.py checks that).
        self.context = browser.new_context(bypass_csp=bypass_csp, viewport=VIEWPORT)
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.console: list[str] = []
        self.context.route("**/*", self._route)
        self.page: Page = self.context.new_page()
        self.page.add_init_script(init_script)
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.page.on("console", lambda message: self.console.append(message.text))
        self.page.on("dialog", self._dialog)
        self.page.goto(html.as_uri())

    def _route(self, route) -> None:
        if route.request.url.startswith("file://"):
            route.continue_()
        else:
            self.requests.append(route.request.url)
            route.abort()

    def _dialog(self, dialog) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()


def wait_settled(page: Page) -> None:
    page.wait_for_function("window.vgSettled === true", timeout=60_000)


def show_view(page: Page, view: str) -> None:
    """Switch the map to `view` ("concepts" or "notes") with its button and wait until it is drawn."""
    page.click(f"#view-{view}")
    wait_settled(page)


def node_points(page: Page) -> dict[str, dict[str, float]]:
    """Where each node of the view on screen is (page coordinates)."""
    return page.evaluate("""() => {
        const box = document.getElementById('map').getBoundingClientRect(), out = {};
        const positions = network.getPositions();
        for (const id in positions) {
            const p = network.canvasToDOM(positions[id]);
            out[id] = {x: p.x + box.left, y: p.y + box.top};
        }
        return out;
    }""")


def each_node(page: Page) -> Iterator[tuple[str, dict[str, float]]]:
    """Every node of both views with its point on screen, the view shown and at its opening zoom."""
    for view in ("concepts", "notes"):
        show_view(page, view)
        for node_id in page.evaluate("nodes.getIds()"):
            page.evaluate(f"showView({view!r}); openView()")
            yield node_id, node_points(page)[node_id]


# What vis-network drew: for each visible node of the view, its dot and, when its label is drawn
# (its size on screen reaches the draw threshold minus 1 px, vis-network's own rule), the label's
# box as vis-network measured it, all in page pixels.
_DRAWN = """() => {
    const scale = network.getScale(), rect = document.getElementById('map').getBoundingClientRect();
    const out = [];
    for (const id of nodes.getIds()) {
        const node = network.body.nodes[id];
        if (node.options.hidden) continue;
        const label = node.labelModule, px = label.fontOptions.size * scale;
        const threshold = node.options.scaling.label.drawThreshold;
        const centre = network.canvasToDOM({x: node.x, y: node.y}), r = node.options.size * scale;
        const item = {id: id, text: node.options.label || '', px: px,
            dot: [centre.x - r + rect.left, centre.y - r + rect.top, centre.x + r + rect.left, centre.y + r + rect.top],
            drawn: !!node.options.label && px >= threshold - 1};
        if (item.drawn) {
            const s = label.size;
            const a = network.canvasToDOM({x: s.left, y: s.top});
            const b = network.canvasToDOM({x: s.left + s.width, y: s.top + s.height});
            item.box = [a.x + rect.left, a.y + rect.top, b.x + rect.left, b.y + rect.top];
        }
        out.push(item);
    }
    return {rect: [rect.left, rect.top, rect.right, rect.bottom], items: out};
}"""


def _overlap(a: list[float], b: list[float]) -> bool:
    return min(a[2], b[2]) > max(a[0], b[0]) and min(a[3], b[3]) > max(a[1], b[1])


@dataclass(frozen=True)
class Labels:
    """The labels vis-network drew at `min_px` or more, by node id."""

    clear: list[str]
    """Wholly inside the map, over no other drawn label and no other node's dot."""
    overlapping: list[str]
    """Inside the map, but over another label or dot."""
    cut: list[str]
    """Crossing the edge of the map (or outside it)."""


def drawn_labels(page: Page, min_px: float = 10.0) -> Labels:
    state = page.evaluate(_DRAWN)
    left, top, right, bottom = state["rect"]
    items = state["items"]
    drawn = [item for item in items if item["drawn"]]
    labels = Labels([], [], [])
    for item in drawn:
        if item["px"] < min_px:
            continue
        box = item["box"]
        if not (left <= box[0] and top <= box[1] and box[2] <= right and box[3] <= bottom):
            labels.cut.append(item["id"])
        elif any(_overlap(box, other["box"]) for other in drawn if other is not item) or any(
            _overlap(box, other["dot"]) for other in items if other is not item
        ):
            labels.overlapping.append(item["id"])
        else:
            labels.clear.append(item["id"])
    return labels
