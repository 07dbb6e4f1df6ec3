"""The Content-Security-Policy of a self-contained page: its own inline scripts and styles, by hash.

vaultgraph's pages (the concept map, the timeline heatmap) are single files opened from disk, so
their scripts and styles are inline. `'unsafe-inline'` would let any inline script run, including
one smuggled in through note text that escaping somehow missed; a nonce in a static file is a
constant anyone can read. A hash allows exactly the script the page was built with: the policy
lists the SHA-256 of every executable inline `<script>` and every `<style>` of the page
(CSP Level 2, supported by every current browser), and nothing else (`default-src 'none'`).
Data blocks (`<script type="application/json">`) are not executed and need no hash. Scripts may
still set `element.style.*` (the CSSOM is not governed by `style-src`), not `style="…"` attributes.

A template marks the policy's place with `CSP_PLACEHOLDER` inside
`<meta http-equiv="Content-Security-Policy" content="…">`, and `apply_policy` fills it in once the
page is otherwise complete.
"""

from __future__ import annotations

import base64
import hashlib
import re

__all__ = ["CSP_PLACEHOLDER", "apply_policy", "inline_hashes"]

CSP_PLACEHOLDER = "__CONTENT_SECURITY_POLICY__"

_SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script>", re.S | re.I)
_STYLE = re.compile(r"<style\b[^>]*>(.*?)</style>", re.S | re.I)
_TYPE = re.compile(r"""\btype\s*=\s*["']?([^"'\s>]+)""", re.I)
_SRC = re.compile(r"\bsrc\s*=", re.I)
_SCRIPT_TYPES = frozenset({"", "text/javascript", "application/javascript", "module"})


def _hash(text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def inline_hashes(page: str) -> tuple[list[str], list[str]]:
    """The CSP source expressions of the page's executable inline scripts and of its styles."""
    scripts = []
    for match in _SCRIPT.finditer(page):
        attributes, body = match[1], match[2]
        kind = _TYPE.search(attributes)
        if not _SRC.search(attributes) and (kind[1].lower() if kind else "") in _SCRIPT_TYPES:
            scripts.append(_hash(body))
    styles = [_hash(match[1]) for match in _STYLE.finditer(page)]
    return list(dict.fromkeys(scripts)), list(dict.fromkeys(styles))


def apply_policy(page: str, extra: str = "") -> str:
    """`page` with its policy filled in: nothing but its own scripts and styles; `extra` adds
    directives (`"img-src data: blob:"`)."""
    scripts, styles = inline_hashes(page)
    parts = ["default-src 'none'"]
    if scripts:
        parts.append("script-src " + " ".join(scripts))
    if styles:
        parts.append("style-src " + " ".join(styles))
    if extra:
        parts.append(extra)
    return page.replace(CSP_PLACEHOLDER, "; ".join(parts), 1)
