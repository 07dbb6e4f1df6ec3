"""A page opened in the test browser with the network cut, collecting what must not happen."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Browser, Page


class WatchedPage:
    """Every non-file request is aborted and recorded; dialogs and page errors are collected."""

    def __init__(self, browser: Browser, html: Path, init_script: str):
        # bypass_csp: the pages' CSP forbids eval, which Playwright's own waits and evaluate use; the
        # escaping of note text is what the tests check, not the CSP.
        self.context = browser.new_context(bypass_csp=True, viewport={"width": 1200, "height": 800})
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.context.route("**/*", self._route)
        self.page: Page = self.context.new_page()
        self.page.add_init_script(init_script)
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
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
