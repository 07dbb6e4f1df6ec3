"""Links and images in pulldown-cmark's events: wikilinks and embeds (pulldown-cmark's own) and Markdown
links, recorded with their spans; the text a wikilink shows is a segment of its own.

A wikilink's parts come from its source text (`obsidian.split_wikilink`), so `[[Note\\|shown]]` in a
table reads as in Obsidian. A wikilink over several lines is text, as Obsidian has it; a Markdown
link to a URL, a web page or an e-mail address is not a vault file and is left out.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING
from urllib.parse import unquote

from vaultgraph.construct import constructor
from vaultgraph.model import Link, Segment, Span
from vaultgraph.parse import obsidian
from vaultgraph.unicode import nfc

if TYPE_CHECKING:
    from vaultgraph.parse.markdown import Walk

URL_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*:")  # `https:`, `mailto:`, `obsidian:`
# Markdown link targets that are web pages (Jekyll permalinks, .html), not vault files.
_WEB_SUFFIXES = (".html", ".htm", ".php", "/")
_NOT_FILES = frozenset({"Autolink", "Email"})
_new_link = constructor(Link)
_new_span = constructor(Span)
_new_segment = constructor(Segment)


def start(walk: Walk, kind: str, value: dict, begin: int, end: int) -> None:
    """A link or image starts (`kind` `Link` or `Image`, over bytes `begin:end`): a wikilink or an image
    is recorded now, a Markdown link at its end (its text is read in between)."""
    link_type = value["link_type"]
    live = walk.live(begin)
    if link_type.__class__ is dict:  # {"WikiLink": {...}}
        embed = kind == "Image"
        raw = walk.data[begin:end].decode("utf-8")
        opening = 3 if embed else 2
        inner = raw[opening:-2]
        if "\n" in inner:  # Obsidian's links stay on one line: this is text, brackets and all
            walk.inline.append(("text", end))
            walk.run.append((raw[:opening], begin, begin + opening))
            return
        walk.inline.append(("wikilink", None))
        walk.hidden += 1
        if live:
            if walk.heading is not None:
                walk.heading[2].append(raw[1:] if embed else raw)
            wikilink(walk, raw, inner, embed, begin + 1 if embed else begin, end)
        return
    if kind == "Image":
        walk.inline.append(("image", None))
        if live:
            _markdown_link(walk, value["dest_url"], True, begin, end)
        walk.hidden += 1
        return
    walk.styles.append("link-text")
    walk.inline.append(("link", (value["dest_url"], begin, end) if live and link_type not in _NOT_FILES else None))


def end(walk: Walk) -> None:
    """The link or image last started ends."""
    kind, pending = walk.inline.pop()
    if kind == "link":
        walk.styles.pop()
        if pending is not None:
            href, begin, finish = pending
            _markdown_link(walk, href, False, begin, finish)
    elif kind == "text":
        walk.run.append(("]]", pending - 2, pending))
    else:
        walk.hidden -= 1


def wikilink(walk: Walk, raw: str, inner: str, embed: bool, bracket: int, finish: int) -> None:
    """Record the wikilink `raw` whose `[[` is at byte `bracket` (and its shown text as a segment)."""
    target, heading, block, display = obsidian.split_wikilink(inner)
    line, column = walk.pos.at(bracket)
    end_line, end_column = walk.pos.at(finish)
    span = _new_span(line, column, end_line, end_column)
    walk.facts.links.append(_new_link(raw, target, heading, block, display, embed, "wikilink", span))
    shown = display or target
    if shown:
        walk.facts.segments.append(_new_segment(shown, line, walk.block, walk.section, "link-text"))


def markdown_target(href: str) -> tuple[str, str | None, str | None] | None:
    """(path, heading, block) of a Markdown link's destination `href`; None when it is no vault file
    (a URL, `mailto:`, `obsidian://`, a web page)."""
    if URL_SCHEME.match(href) or href.startswith("//"):
        return None  # a URL, mailto:, obsidian:// ... not a vault file
    path, _, fragment = unquote(href).partition("#")
    path = nfc(path.strip())
    if path.lower().endswith(_WEB_SUFFIXES):
        return None
    heading = block = None
    if fragment:
        if fragment.startswith("^"):
            block = fragment[1:]
        else:
            heading = nfc(fragment)
    return path, heading, block


def _markdown_link(walk: Walk, href: str, embed: bool, begin: int, finish: int) -> None:
    target = markdown_target(href)
    if target is None:
        return
    path, heading, block = target
    raw = walk.data[begin:finish].decode("utf-8")
    display = raw[2 if embed else 1 : raw.find("](")] if "](" in raw else None
    line, column = walk.pos.at(begin + 1 if embed else begin)
    end_line, end_column = walk.pos.at(finish)
    span = _new_span(line, column, end_line, end_column)
    walk.facts.links.append(_new_link(raw, path, heading, block, display, embed, "markdown", span))
