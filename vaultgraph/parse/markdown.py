"""One markdown-it-py pass over a note body, turned into position-carrying facts (`MarkdownFacts`).

markdown-it inline tokens have no line numbers, and block prefixes (`>`, list indentation) are
stripped from their content, so `Locator` maps offsets in an inline token's content back to the raw
lines of the file.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from urllib.parse import unquote

from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.dollarmath import dollarmath_plugin
from mdit_py_plugins.footnote import footnote_plugin

from vaultgraph.model import BlockId, Comment, Fence, Heading, Link, ListItem, Segment, Span, Tag
from vaultgraph.parse.obsidian import obsidian_plugin, track_positions
from vaultgraph.unicode import nfc


def build_parser() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
    md.use(dollarmath_plugin, allow_digits=False).use(footnote_plugin).use(obsidian_plugin)
    track_positions(md, ("backticks", "math_inline", "math_inline_double"))
    return md


MD = build_parser()
_BLOCK_ID = re.compile(r"(?:^|\s)\^([A-Za-z0-9][A-Za-z0-9-]*)\s*$")
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*:")
_SLUG_DROP = re.compile(r"[^\w\- ]")
# Markdown link targets that are web pages (Jekyll permalinks, .html), not vault files.
_WEB_SUFFIXES = (".html", ".htm", ".php", "/")


def slugify(text: str) -> str:
    """GitHub/Jekyll anchor: lower case, punctuation dropped, spaces to hyphens (`KL Divergence` -> `kl-divergence`)."""
    return _SLUG_DROP.sub("", nfc(text).strip().lower()).replace(" ", "-")


@dataclass(slots=True)
class MarkdownFacts:
    headings: list[Heading] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    tags: list[Tag] = field(default_factory=list)
    block_ids: list[BlockId] = field(default_factory=list)
    list_items: list[ListItem] = field(default_factory=list)
    fences: list[Fence] = field(default_factory=list)
    segments: list[Segment] = field(default_factory=list)
    comments: list[Comment] = field(default_factory=list)


class Locator:
    """Maps offsets in an inline token's content to 1-based (line, column) of the raw file."""

    def __init__(self, content: str, raw_lines: list[str], first_line: int, cell_from: int | None = None):
        self.content = content
        # A table cell: search its row from `cell_from` (cells may repeat), and count back the `\`
        # of each `\|`, which markdown-it removed from the cell's content.
        self.cell_from = cell_from
        self.pipes = [i for i, c in enumerate(content) if c == "|"] if cell_from is not None else []
        self.starts = [0]
        index = content.find("\n")
        while index != -1:
            self.starts.append(index + 1)
            index = content.find("\n", index + 1)
        self.raw_lines = raw_lines
        self.first_line = first_line  # 0-based index into raw_lines
        self.columns: dict[int, int] = {}

    def _column_of_line(self, k: int) -> int:
        if k not in self.columns:
            end = self.starts[k + 1] - 1 if k + 1 < len(self.starts) else len(self.content)
            piece = self.content[self.starts[k] : end].rstrip()
            raw_index = self.first_line + k
            raw = self.raw_lines[raw_index].rstrip() if raw_index < len(self.raw_lines) else ""
            if self.cell_from is not None:
                column = raw.find(piece.replace("|", "\\|"), self.cell_from)
                column = column if column >= 0 else self.cell_from
            elif raw.endswith(piece):
                column = len(raw) - len(piece)
            else:  # headings with closing `#`s: search for the start of the text
                probe = piece.split("|", 1)[0][:24] or piece[:1]
                column = max(raw.find(probe), 0) if probe else 0
            self.columns[k] = column
        return self.columns[k]

    def position(self, offset: int) -> tuple[int, int]:
        k = bisect.bisect_right(self.starts, offset) - 1
        escapes = bisect.bisect_left(self.pipes, offset) if self.pipes else 0
        return self.first_line + k + 1, self._column_of_line(k) + offset - self.starts[k] + escapes + 1

    def cell_end(self) -> int:
        """0-based raw column just after this table cell's text (where the next cell's search starts)."""
        return self._column_of_line(0) + len(self.content) + len(self.pipes)

    def span(self, start: int, end: int) -> Span:
        line, column = self.position(start)
        end_line, end_column = self.position(end)
        return Span(line, column, end_line, end_column)


def parse_markdown(body: str, raw_lines: list[str], line_offset: int) -> MarkdownFacts:
    """Parse `body` (the note after its front matter, LF line ends) whose first line is raw line `line_offset`."""
    facts = MarkdownFacts()
    tokens = MD.parse(body, {})
    section = ""
    heading_level = 0
    block = 0
    marker_search: dict[int, int] = {}
    cell_search: dict[int, int] = {}
    for index, token in enumerate(tokens):
        kind = token.type
        if kind == "heading_open":
            heading_level = int(token.tag[1])
        elif kind == "heading_close":
            heading_level = 0
        elif kind == "inline" and token.map:
            block += 1
            first = _content_start(token.content, raw_lines, token.map[0] + line_offset, token.map[1] + line_offset)
            cell = index > 0 and tokens[index - 1].type in ("td_open", "th_open")
            locator = Locator(token.content, raw_lines, first, cell_search.get(first, 0) if cell else None)
            text = _walk_inline(token, locator, facts, block, section, "heading" if heading_level else "text")
            if cell:
                cell_search[first] = locator.cell_end()
            _block_id(token.content, token.map[1] + line_offset, facts)
            if heading_level:
                heading_text = _BLOCK_ID.sub("", text).strip()
                facts.headings.append(Heading(heading_level, heading_text, first + 1, slugify(heading_text)))
                section = heading_text
        elif kind == "list_item_open" and token.map:
            _list_item(token, tokens[index + 1], raw_lines, token.map[0] + line_offset, marker_search, facts)
        elif kind == "fence" and token.map:
            facts.fences.append(_fence(token, "code", raw_lines, line_offset))
        elif kind == "code_block" and token.map:  # indented code: its whitespace is content too
            facts.fences.append(Fence("indented", token.map[0] + line_offset + 1, token.map[1] + line_offset, True, ""))
        elif kind.startswith("math_block") and token.map:
            facts.fences.append(_fence(token, "math", raw_lines, line_offset))
        elif (
            kind == "html_block"
            and token.map
            and token.content.lstrip().startswith("<!--")
            or kind == "obsidian_comment"
            and token.map
        ):
            facts.comments.append(Comment(token.content, token.map[0] + line_offset + 1, token.map[1] + line_offset))
    return facts


def _content_start(content: str, raw_lines: list[str], first: int, end: int) -> int:
    """The raw line an inline token's content starts on.

    markdown-it strips Unicode whitespace around a paragraph (NBSP, U+3000), whole lines of it included,
    while its map still starts at the first of those lines: without this, every position in the
    paragraph would be that many lines too high.
    """
    spare = end - first - (content.count("\n") + 1)
    if spare <= 0:
        return first
    head = content.split("\n", 1)[0].rstrip()
    for row in range(first, min(first + spare, len(raw_lines) - 1) + 1):
        if head and raw_lines[row].rstrip().endswith(head):
            return row
    return first


def _walk_inline(token: Token, locator: Locator, facts: MarkdownFacts, block: int, section: str, base_kind: str) -> str:
    """Collect links, tags, comments and prose segments of one inline token; return its plain text."""
    styles: list[str] = []
    line = locator.first_line + 1
    plain: list[str] = []
    link_start: tuple[dict, int] | None = None
    for child in token.children or ():
        kind = child.type
        meta = child.meta or {}
        if kind == "text":
            if child.content.strip():
                style = styles[-1] if styles else base_kind
                facts.segments.append(Segment(child.content, line, block, section, style))  # type: ignore[arg-type]
            if "$$" in child.content:  # a `$$` that dollarmath did not pair: unclosed display math
                facts.fences.append(Fence("math", line, line, False, ""))
            plain.append(child.content)
        elif kind in ("softbreak", "hardbreak"):
            line += 1
            plain.append(" ")
        elif kind == "wikilink":
            facts.links.append(
                Link(
                    meta["raw"],
                    meta["target"],
                    meta["heading"],
                    meta["block"],
                    meta["display"],
                    meta["embed"],
                    "wikilink",
                    locator.span(meta["pos"], meta["end"]),
                )
            )
            shown = meta["display"] or meta["target"]
            if shown:
                facts.segments.append(Segment(shown, line, block, section, "link-text"))
            plain.append(token.content[meta["pos"] : meta["end"]])
        elif kind == "tag":
            line_no, column = locator.position(meta["pos"])
            facts.tags.append(Tag(child.content, line_no, column, "inline"))
            plain.append("#" + child.content)
        elif kind == "link_open":
            link_start = ({**meta, "href": child.attrGet("href")}, len(plain))
            styles.append("link-text")
        elif kind == "link_close":
            if styles:
                styles.pop()
            if link_start is not None:
                _markdown_link(token, link_start[0], False, locator, facts)
                link_start = None
        elif kind == "image":
            _markdown_link(token, {**meta, "href": child.attrGet("src")}, True, locator, facts)
            plain.append(child.content)
        elif kind in ("strong_open", "em_open"):
            styles.append("strong" if kind == "strong_open" else "emphasis")
        elif kind in ("strong_close", "em_close"):
            if styles:
                styles.pop()
        elif kind == "obsidian_comment" or (kind == "html_inline" and child.content.startswith("<!--")):
            start, _ = locator.position(meta.get("pos", 0))
            end, _ = locator.position(meta.get("end", 0))
            facts.comments.append(Comment(child.content, start, end))
        elif kind == "code_inline":
            plain.append(child.content)
        if "end" in meta and kind not in ("tag", "wikilink", "link_open"):
            line = locator.position(meta["end"])[0]
    return "".join(plain)


def _markdown_link(token: Token, meta: dict, embed: bool, locator: Locator, facts: MarkdownFacts) -> None:
    href = meta.get("href")
    if href is None or "pos" not in meta:
        return
    href = str(href)
    if _SCHEME.match(href) or href.startswith("//"):
        return  # a URL, mailto:, obsidian:// ... not a vault file
    path, _, fragment = unquote(href).partition("#")
    path = nfc(path.strip())
    if path.lower().endswith(_WEB_SUFFIXES):
        return
    heading = block = None
    if fragment:
        if fragment.startswith("^"):
            block = fragment[1:]
        else:
            heading = nfc(fragment)
    start, end = meta["pos"], meta["end"]
    raw = token.content[start:end]
    display = raw[2 if embed else 1 : raw.find("](")] if "](" in raw else None
    bracket = start + 1 if embed else start
    facts.links.append(Link(raw, path, heading, block, display, embed, "markdown", locator.span(bracket, end)))


def _block_id(content: str, end_line: int, facts: MarkdownFacts) -> None:
    match = _BLOCK_ID.search(content)
    if match:
        facts.block_ids.append(BlockId(match.group(1), end_line))


def _list_item(
    token: Token, following: Token, raw_lines: list[str], row: int, marker_search: dict[int, int], facts: MarkdownFacts
) -> None:
    raw = raw_lines[row] if row < len(raw_lines) else ""
    marker = (token.info + token.markup) if token.info else token.markup
    column = raw.find(marker, marker_search.get(row, 0))
    if column < 0:
        column = 0
    marker_search[row] = column + len(marker)
    empty = following.type == "list_item_close"
    facts.list_items.append(ListItem(row + 1, column + 1, column + len(marker) + 1, empty))


def _fence(token: Token, kind: str, raw_lines: list[str], line_offset: int) -> Fence:
    assert token.map is not None  # block tokens always have their lines
    start, end = token.map[0] + line_offset, token.map[1] + line_offset
    if kind == "math":  # dollarmath only makes a block when it found the closing `$$`
        return Fence("math", start + 1, end, True, "")
    closing = raw_lines[end - 1].lstrip(" \t>").rstrip() if end - 1 < len(raw_lines) else ""
    fence_char, width = token.markup[:1], len(token.markup)
    closed = end - start >= 2 and len(closing) >= width and set(closing) == {fence_char}
    return Fence("code", start + 1, end, closed, token.info.strip())
