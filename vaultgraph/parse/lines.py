"""A note's lines as the file has them: CRLF, CR and LF each end a line, nothing else does.

Kept apart from `parse.note` so that what only splits text (lint rules that read raw lines, the
baseline) does not load the parser.
"""

from __future__ import annotations

import re

LINE_END = re.compile(r"\r\n|\r|\n")
# The lines git writes around a merge conflict: `<<<<<<< HEAD`, `=======`, `>>>>>>> 07044db`.
_CONFLICT_MARKER = re.compile(r"(?:<{7}|>{7})(?: .*)?|={7}")


def split_lines(text: str) -> list[str]:
    """Lines as the file has them (unlike `str.splitlines`, only CRLF, CR and LF end a line)."""
    return LINE_END.split(text) if "\r" in text else text.split("\n")  # str.split is several times faster


def conflict_markers(text: str) -> list[int]:
    """Line numbers (1-based) of the merge conflict markers in `text`: `<<<<<<<` and `>>>>>>>` lines, and a
    `=======` after a `<<<<<<<` (one after a line of text is a heading's underline)."""
    if "<<<<<<<" not in text and ">>>>>>>" not in text:
        return []
    found: list[int] = []
    inside = False
    for number, line in enumerate(split_lines(text), start=1):
        if _CONFLICT_MARKER.fullmatch(line.rstrip()) is None or (line[0] == "=" and not inside):
            continue
        inside = line[0] == "<" or (inside and line[0] == "=")
        found.append(number)
    return found
