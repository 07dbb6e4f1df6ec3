"""One pulldown-cmark pass over a note body (pyromark's events), turned into position-carrying facts.

pulldown-cmark (the CommonMark parser of rustdoc and mdBook, through pyromark) gives every block and
inline event with its UTF-8 byte range in the body, and parses wikilinks and embeds itself. This
module walks the events once and keeps the facts the rules, concepts and graph read; byte offsets
become line and character column in `parse.positions`, links are recorded by `parse.links`.
Obsidian syntax that pulldown-cmark does not know (`#tags`, `%%comments%%`, `^block-ids`, the empty
`[[]]`) is read from its text events by `parse.prose`.

The loop is written for speed (a cold lint of 10k notes walks 1.5M events): the common events
(list items, paragraphs, headings, plain text) are handled inline, the rest in methods.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import pyromark

from vaultgraph.construct import constructor
from vaultgraph.model import BlockId, Comment, Fence, Heading, Link, ListItem, Segment, Tag
from vaultgraph.parse import links, obsidian
from vaultgraph.parse.positions import Positions
from vaultgraph.parse.prose import new_segment, read_run
from vaultgraph.unicode import nfc

OPTIONS = (
    pyromark.Options.ENABLE_TABLES
    | pyromark.Options.ENABLE_STRIKETHROUGH
    | pyromark.Options.ENABLE_FOOTNOTES
    | pyromark.Options.ENABLE_MATH
    | pyromark.Options.ENABLE_WIKILINKS
    | pyromark.Options.ENABLE_TASKLISTS
)
_SLUG_DROP = re.compile(r"[^\w\- ]")
_STYLES = {"Strong": "strong", "Emphasis": "emphasis"}
_SAME_STYLE = frozenset({"Strikethrough", "Superscript", "Subscript"})
"""Inline containers whose text keeps the style around it."""
# An item's range may begin with its indentation, and after a tab even with the end of the line
# before (pulldown-cmark 0.13 counts the tab's columns back from the marker); then `12.` or `-`.
_ITEM_MARKER = re.compile(rb"[ \t\n]*([0-9]*)")
_BULLETS = frozenset(b"-*+")
_SPECIAL = re.compile(r"[#%\[$]")
"""Characters of Obsidian syntax in text: a run without them is a plain segment."""
_BACKSLASH = 0x5C
_WORD_END = frozenset(b" \t\n")
_new_list_item = constructor(ListItem)
_new_heading = constructor(Heading)


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


def parse_markdown(body: str, first_line: int = 1, utf8: bytes | None = None) -> MarkdownFacts:
    """Parse `body` (the note after its front matter, LF line ends), whose first line is file line
    `first_line`; `utf8`, when the caller has them, are its UTF-8 bytes (a big note is not encoded twice)."""
    walk = Walk(body.encode("utf-8") if utf8 is None else utf8, first_line)
    walk.read(pyromark.events_with_range(body, options=OPTIONS))
    return walk.facts


class Walk:
    """The state of one pass: where we are (block, section, styles, open links) and the facts so far.

    `parse.prose` reads and updates it too (a comment it finds hides the events that follow).
    """

    __slots__ = (
        "block",
        "code",
        "comment_end",
        "comment_start",
        "data",
        "facts",
        "heading",
        "hidden",
        "html",
        "in_block",
        "inline",
        "line_start",
        "pos",
        "run",
        "run_line_start",
        "section",
        "styles",
        "tail",
    )

    def __init__(self, data: bytes, first_line: int):
        self.facts = MarkdownFacts()
        self.data = data
        self.pos = Positions(data, first_line)
        self.block = 0
        self.in_block = False
        """Inside a block of inline content (a paragraph, heading, table cell or tight list item)."""
        self.line_start = False
        """The next inline event starts a line of its block (what may come before a tag or `^id`)."""
        self.section = ""
        self.heading: tuple[int, int, list[str]] | None = None
        """(level, line, text pieces) of the heading being read."""
        self.styles: list[str] = []
        self.inline: list[tuple[str, Any]] = []
        """Open links and images: (kind, what to record at their end)."""
        self.hidden = 0
        """Depth of wikilinks and images: their text is not prose."""
        self.code = False
        self.html: tuple[int, int, bool, list[str]] | None = None
        """An HTML block being read: (start, end, outside comments, its text)."""
        self.comment_start = self.comment_end = 0
        """Byte range of the last `%%` comment: events inside it leave no facts."""
        self.run: list[tuple[str, int, int]] = []
        """The text events since the last other event: (text, start byte, end byte)."""
        self.run_line_start = False
        self.tail: tuple[str, bool, int] | None = None
        """The last prose of the block (text, starts a word, line) when it may end with a `^id`."""

    def read(self, events: Any) -> None:
        run = self.run
        list_items = self.facts.list_items
        data = self.data
        item = -1  # the start byte of a list item just opened: it is empty if its end comes next
        for event, span in events:
            start = span["start"]
            if item >= 0:
                if data[item] in _BULLETS:
                    line, column = self.pos.after_markup(item)
                    size = 1
                else:  # `12.`, or indentation first (see _ITEM_MARKER)
                    marker = _ITEM_MARKER.match(data, item)
                    line, column = self.pos.after_markup(marker.start(1))  # type: ignore[union-attr]
                    size = len(marker.group(1)) + 1  # type: ignore[union-attr]
                list_items.append(_new_list_item(line, column, column + size, event == _END_ITEM))
                item = -1
            if event.__class__ is not dict:  # SoftBreak, HardBreak, Rule
                if run:
                    self.flush()
                if event == "Rule":
                    self._close_block()
                else:
                    self._mark_inline()
                    self.line_start = True
                    if self.heading is not None:
                        self.heading[2].append(" ")
                continue
            ((kind, value),) = event.items()
            if kind == "Text":
                if not self.in_block:
                    self._open_block()
                if self.code:
                    continue
                if self.hidden:
                    if self.heading is not None and self.inline[-1][0] == "image":
                        self.heading[2].append(value)  # an image's alt text is part of a heading's
                    continue
                if "\n" in value:  # only in a wikilink that is not one (it spans lines)
                    self._lines_of_text(value, start)
                    continue
                if not run:
                    self.run_line_start = self.line_start
                    self.line_start = False
                run.append((value, start, span["end"]))
                continue
            if run:
                self.flush()
            if kind == "Start":
                if value == "Item":
                    if self.in_block:
                        self._close_block()
                    if not (self.comment_start <= start < self.comment_end):
                        item = start
                elif value == "Paragraph" or value == "TableCell":
                    self._close_block()
                    self._open_block()
                else:
                    self._start(value, start, span["end"])
            elif kind == "End":
                if value == "Item" or value == "Paragraph":
                    if self.in_block:
                        self._close_block()
                elif value.__class__ is str and (value in _STYLES or value in _SAME_STYLE):
                    self._mark_inline()
                    self.styles.pop()
                elif value == "Link" or value == "Image":
                    self._mark_inline()
                    links.end(self)
                else:
                    if self.in_block:
                        self._close_block()
                    self._block_end(value)
            else:
                self._inline_event(kind, value, start, span["end"])
        if run:
            self.flush()
        self._close_block()

    def flush(self) -> None:
        """Read the run of text events gathered so far (a plain one here, the others in `parse.prose`)."""
        run = self.run
        if len(run) == 1:
            text, start, _ = run[0]
            if _SPECIAL.search(text) is None and not (self.comment_start <= start < self.comment_end):
                run.clear()
                heading = self.heading
                if heading is not None:
                    heading[2].append(text)
                line = self.pos.line(start)
                self.tail = (text, self.word_start(start, self.run_line_start), line) if "^" in text else None
                if text and not text.isspace():
                    styles = self.styles
                    style = (styles[-1] if styles else "") or ("text" if heading is None else "heading")
                    self.facts.segments.append(new_segment(text, line, self.block, self.section, style))
                return
        pieces = run.copy()
        run.clear()  # the event loop holds this list
        read_run(self, pieces)

    def word_start(self, start: int, line_start: bool) -> bool:
        """Whether text at byte `start` starts a word: at the start of its line (after a container's
        `>` or indentation) or after a space, and not after the `\\` of an escape (`\\#dev` is text)."""
        before = self.data[start - 1] if start else 0x0A
        return before != _BACKSLASH and (line_start or before in _WORD_END)

    def live(self, start: int) -> bool:
        """Whether facts at byte `start` count: not inside a comment, a wikilink or an image."""
        return not self.hidden and not (self.comment_start <= start < self.comment_end)

    def style(self) -> str:
        return (self.styles[-1] if self.styles else "") or ("heading" if self.heading is not None else "text")

    # -- blocks --------------------------------------------------------------------------------

    def _open_block(self) -> None:
        self.block += 1
        self.in_block = True
        self.line_start = True
        self.tail = None

    def _close_block(self) -> None:
        if self.run:
            self.flush()
        if self.tail is not None:
            text, word_start, line = self.tail
            found = obsidian.block_id(text, word_start)
            if found is not None and self.in_block:
                self.facts.block_ids.append(BlockId(found, line))
            self.tail = None
        self.in_block = False

    def _mark_inline(self) -> None:
        """An inline event that is not text: it opens a tight item's block and ends the block's tail."""
        if not self.in_block:
            self._open_block()
        self.line_start = False
        self.tail = None

    def _lines_of_text(self, text: str, start: int) -> None:
        """Text over several lines, read as its lines with line breaks between them."""
        for index, line in enumerate(text.split("\n")):
            if index:
                if self.run:
                    self.flush()
                self.line_start = True
                start += 1
            if line:
                if not self.run:
                    self.run_line_start = self.line_start
                self.line_start = False
                end = start + len(line.encode("utf-8"))
                self.run.append((line, start, end))
                start = end

    def _block_end(self, tag: Any) -> None:
        if tag.__class__ is not str:
            if "Heading" in tag:
                self._heading_end()
        elif tag == "CodeBlock":
            self.code = False
        elif tag == "HtmlBlock":
            self._html_end()

    def _start(self, tag: Any, start: int, end: int) -> None:
        if tag.__class__ is str:
            if tag in _STYLES:
                self._mark_inline()
                self.styles.append(_STYLES[tag])
            elif tag in _SAME_STYLE:
                self._mark_inline()
                self.styles.append(self.styles[-1] if self.styles else "")
            else:
                self._close_block()
                if tag == "HtmlBlock":
                    self.html = (start, end, self.live(start), [])
            return
        kind, value = next(iter(tag.items()))
        if kind == "Link" or kind == "Image":
            self._mark_inline()
            links.start(self, kind, value, start, end)
            return
        self._close_block()
        if kind == "Heading":
            self._open_block()
            if self.live(start):
                self.heading = (int(value["level"][1]), self.pos.line(start), [])
        elif kind == "CodeBlock":
            self.code = True
            if not self.live(start):
                pass
            elif value == "Indented":  # its whitespace is content too (VG303)
                pos = self.pos
                self.facts.fences.append(Fence("indented", pos.line(start), pos.line(max(start, end - 1)), True, ""))
            else:
                self._fence(value["Fenced"], start, end)

    def _heading_end(self) -> None:
        if self.heading is not None:
            level, line, pieces = self.heading
            text = obsidian.strip_block_id("".join(pieces))
            self.facts.headings.append(_new_heading(level, text, line, slugify(text)))
            self.section = text
            self.heading = None

    def _html_end(self) -> None:
        if self.html is not None:
            start, end, live, pieces = self.html
            text = "".join(pieces)
            if live and text.lstrip().startswith("<!--"):
                self.facts.comments.append(Comment(text, self.pos.line(start), self.pos.line(end - 1)))
            self.html = None

    def _fence(self, info: str, start: int, end: int) -> None:
        data, pos = self.data, self.pos
        line = pos.line(start)
        end_line = pos.line(end - 1) if end > start else line
        mark = data[start : start + 1]
        width = len(data[start:end]) - len(data[start:end].lstrip(mark))
        closing = pos.line_text(end_line).lstrip(" \t>").rstrip() if end_line > line else ""
        closed = len(closing) >= width and set(closing) == {mark.decode()}
        self.facts.fences.append(Fence("code", line, end_line, closed, info.strip()))

    def _inline_event(self, kind: str, value: Any, start: int, end: int) -> None:
        if kind == "Html":
            if self.html is not None:
                self.html[3].append(value)
            return
        at_line_start = self.line_start
        self._mark_inline()
        live = self.live(start) and not self.code
        if kind == "Code":
            if self.heading is not None and live:
                self.heading[2].append(value)
        elif kind == "InlineHtml":
            if live and value.startswith("<!--"):
                self.facts.comments.append(Comment(value, self.pos.line(start), self.pos.line(end - 1)))
        elif kind == "DisplayMath" and live and at_line_start:  # `$$` opening a line: a math block
            self.facts.fences.append(Fence("math", self.pos.line(start), self.pos.line(end - 1), True, ""))


_END_ITEM = {"End": "Item"}
