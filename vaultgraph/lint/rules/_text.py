"""Shared by the rules that look at the raw text: the note's lines as they are on disk."""

from __future__ import annotations

from functools import lru_cache

from vaultgraph.model import Note
from vaultgraph.parse.lines import split_lines


@lru_cache(maxsize=256)
def _lines(text: str) -> tuple[str, ...]:
    return tuple(split_lines(text))


def raw_lines(note: Note) -> tuple[str, ...]:
    """The note's lines without their line ends (index 0 is line 1); cached, several rules ask in a row."""
    return _lines(note.text)


def raw_line(note: Note, line: int) -> str:
    lines = raw_lines(note)
    return lines[line - 1] if 0 < line <= len(lines) else ""


def front_matter_line(note: Note, key: str) -> int:
    """The line of a top-level front matter key, or 1 (the note's first line) when it has none."""
    return note.front_matter_lines.get(key, 1)
