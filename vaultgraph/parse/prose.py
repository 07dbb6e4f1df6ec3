"""Runs of text events: `%%comments%%`, `#tags` and empty `[[]]` links found in them, and the segments.

pulldown-cmark splits prose into several text events wherever a character might have been markup
(`_`, `*`, `[`, an escape, an entity). A run is the text events between two other events; within it,
a *unit* is adjacent events whose text is exactly their source, so that a tag or comment is only
found where it is written (`#a\\_b` is the tag `a`, `&#35;x` is no tag). Segments are cut at tags
and comments, as the concept extractor expects one per piece of prose.

A `%%` in prose opens a comment that runs, over any Markdown, to the next `%%` of the note (or its
end), as in Obsidian: the events inside it leave no facts (`Walk.live`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from vaultgraph.construct import constructor
from vaultgraph.model import Comment, Fence, Segment, Tag
from vaultgraph.parse import links, obsidian

if TYPE_CHECKING:
    from vaultgraph.parse.markdown import Walk

_BACKSLASH = 0x5C
_new_tag = constructor(Tag)
new_segment = constructor(Segment)


def read_run(walk: Walk, run: list[tuple[str, int, int]]) -> None:
    """Read `run`, (text, start byte, end byte) of consecutive text events, into `walk`'s facts."""
    reader = _RunReader(walk)
    text, first, last = run[0]
    parts = [text]
    verbatim = _verbatim(text, first, last)
    for text, start, end in run[1:]:
        if verbatim and start == last and _verbatim(text, start, end):
            parts.append(text)
            last = end
            continue
        reader.unit(_Unit("".join(parts), first, walk.data), verbatim, last)
        parts, first, last = [text], start, end
        verbatim = _verbatim(text, start, end)
    reader.unit(_Unit("".join(parts), first, walk.data), verbatim, last)
    reader.cut()


def _verbatim(text: str, start: int, end: int) -> bool:
    """Whether an event's text is its source (not an escape's or entity's replacement)."""
    return end - start == (len(text) if text.isascii() else len(text.encode("utf-8")))


class _Unit:
    """Adjacent text events, as one string, with a cursor from character offsets to bytes and back
    that moves forward (so that a long line with many tags is read once)."""

    __slots__ = ("_byte", "_char", "ascii", "data", "start", "text")

    def __init__(self, text: str, start: int, data: bytes):
        self.text = text
        self.start = start
        self.data = data
        self.ascii = text.isascii()
        self._char = 0
        self._byte = start

    def byte(self, offset: int) -> int:
        """The byte of character `offset`."""
        if self.ascii:
            return self.start + offset
        if offset < self._char:
            self._char, self._byte = 0, self.start
        self._byte += len(self.text[self._char : offset].encode("utf-8"))
        self._char = offset
        return self._byte

    def char(self, byte: int) -> int:
        """The character at byte `byte` of the source."""
        if self.ascii:
            return byte - self.start
        if byte < self._byte:
            self._char, self._byte = 0, self.start
        self._char += len(self.data[self._byte : byte].decode("utf-8"))
        self._byte = byte
        return self._char


class _RunReader:
    """Reads one run, unit by unit, into segments cut at tags and comments."""

    def __init__(self, walk: Walk):
        self.walk = walk
        self.first = True
        self.parts: list[str] = []
        self.line = 0
        self.style = walk.style()

    def unit(self, unit: _Unit, verbatim: bool, end: int) -> None:
        walk = self.walk
        start, text = unit.start, unit.text
        word_start = walk.word_start(start, self.first and walk.run_line_start)
        self.first = False
        offset = 0
        if walk.comment_start <= start < walk.comment_end:
            if end <= walk.comment_end:
                return
            offset = unit.char(walk.comment_end)
            word_start = False
        while True:
            opener = text.find(obsidian.COMMENT, offset) if verbatim else -1
            if opener == 0 and start > 0 and walk.data[start - 1] == _BACKSLASH:  # `\%%` is text
                opener = text.find(obsidian.COMMENT, 1)
            stop = len(text) if opener == -1 else opener
            if offset < stop:
                self._prose(unit, offset, stop, verbatim, word_start)
            if opener == -1:
                return
            comment_end = self._comment(unit.byte(opener))
            self.cut()
            walk.tail = None
            if comment_end >= end:
                return
            offset = unit.char(comment_end)
            word_start = False

    def _prose(self, unit: _Unit, offset: int, stop: int, verbatim: bool, word_start: bool) -> None:
        """`unit.text[offset:stop]`, outside comments: tags, empty links, unclosed `$$`, the segment."""
        walk, text = self.walk, unit.text
        pos = walk.pos
        piece = text[offset:stop]
        if walk.heading is not None:
            walk.heading[2].append(piece)
        line = pos.line(unit.byte(offset))
        if not verbatim:
            walk.tail = None
            self._add(piece, line)
        else:
            walk.tail = (piece, word_start, line)
            cut = offset
            # Tags and empty links, in the order they come: each ends a segment.
            found: list[tuple[int, int, str, bool]] = []
            if "#" in piece:
                found.extend((at, end, name, True) for at, end, name in obsidian.tags(text, offset, stop, word_start))
            if "[[" in piece:
                found.extend((at, end, inner, False) for at, end, inner in obsidian.empty_wikilinks(text, offset, stop))
                found.sort()
            for at, end, name, is_tag in found:
                if at < cut:  # a `#` inside an empty link's brackets
                    continue
                embed = not is_tag and at > offset and text[at - 1] == "!"
                self._add(text[cut : at - embed], line)
                self.cut()
                if is_tag:
                    tag_line, column = pos.at(unit.byte(at))
                    walk.facts.tags.append(_new_tag(name, tag_line, column, "inline"))
                else:
                    links.wikilink(walk, text[at - embed : end], name, embed, unit.byte(at), unit.byte(end))
                cut = end
            self._add(text[cut:stop], line)
        if "$$" in piece:  # a `$$` pulldown-cmark did not pair: display math never closed
            walk.facts.fences.append(Fence("math", line, line, False, ""))

    def _comment(self, start: int) -> int:
        """Record the `%%` comment opening at byte `start`; return the byte where it ends."""
        walk = self.walk
        data = walk.data
        close = data.find(b"%%", start + 2)
        end = len(data) if close == -1 else close + 2
        inner = data[start + 2 : len(data) if close == -1 else close].decode("utf-8")
        walk.facts.comments.append(Comment(inner, walk.pos.line(start), walk.pos.line(max(end - 1, start))))
        walk.comment_start, walk.comment_end = start, end
        return end

    def _add(self, text: str, line: int) -> None:
        if text:
            if not self.parts:
                self.line = line
            self.parts.append(text)

    def cut(self) -> None:
        """End the current segment (at a tag, a comment or the end of the run)."""
        if self.parts:
            text = "".join(self.parts)
            if text.strip():
                walk = self.walk
                walk.facts.segments.append(new_segment(text, self.line, walk.block, walk.section, self.style))
            self.parts = []
