"""UTF-8 byte offsets (what pulldown-cmark reports) to 1-based line and character column.

The model counts columns in code points, so a Hangul syllable (3 bytes) is one column. Each line's
column is worked out from a cursor that moves forward through the line: the parser asks in source
order, so a line is decoded about once however many positions it holds (a 5 MB line of 400k links
stays linear). An ASCII note skips the decoding altogether.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_right
from collections.abc import Sequence
from itertools import accumulate
from operator import add

_BIG = 1 << 20
_NEWLINE = re.compile(b"\n")


class Positions:
    """Positions in `data` (a note body, LF line ends) whose first line is line `first_line` of the file."""

    __slots__ = ("_ascii", "_byte", "_column", "_line", "data", "first_line", "starts")

    def __init__(self, data: bytes, first_line: int = 1):
        self.data = data
        self.first_line = first_line
        if len(data) < _BIG:
            lines = data.split(b"\n")  # line i starts after the lines before it and their i line ends
            self.starts: Sequence[int] = list(map(add, accumulate(map(len, lines), initial=0), range(len(lines))))
        else:  # no transient list of every line; 8 bytes a line instead of an int object's 36
            self.starts = array("q", [0])
            self.starts.extend(match.end() for match in _NEWLINE.finditer(data))
        """Byte offset of the start of each line."""
        self._ascii = data.isascii()
        self._line = -1
        self._byte = 0
        self._column = 0

    def line(self, offset: int) -> int:
        """The 1-based file line of byte `offset`."""
        return bisect_right(self.starts, offset) - 1 + self.first_line

    def at(self, offset: int) -> tuple[int, int]:
        """(line, column), both 1-based, of byte `offset` (which must start a character)."""
        index = bisect_right(self.starts, offset) - 1
        start = self.starts[index]
        if self._ascii:
            return index + self.first_line, offset - start + 1
        if index == self._line and offset >= self._byte:
            column = self._column + len(self.data[self._byte : offset].decode("utf-8"))
        else:
            column = len(self.data[start:offset].decode("utf-8"))
        self._line, self._byte, self._column = index, offset, column
        return index + self.first_line, column + 1

    def after_markup(self, offset: int) -> tuple[int, int]:
        """`at(offset)` for a byte that only Markdown's own markup precedes on its line (indentation,
        `>`, list markers: all ASCII, so each byte is a column), such as a list item's marker."""
        index = bisect_right(self.starts, offset) - 1
        return index + self.first_line, offset - self.starts[index] + 1

    def line_text(self, line: int) -> str:
        """The text of file line `line` (without its line end)."""
        index = line - self.first_line
        end = self.starts[index + 1] - 1 if index + 1 < len(self.starts) else len(self.data)
        return self.data[self.starts[index] : end].decode("utf-8")
