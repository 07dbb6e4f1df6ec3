"""YAML front matter: find the block, load it with python-frontmatter's YAML handler, keep positions.

The handler runs on libyaml's C loader (`yaml.CSafeLoader`, PyYAML's pure-Python one where libyaml is
missing), imported on first use: a command that reads no front matter (`--version`, a lint served
from the cache) does not load YAML. An unclosed block or invalid YAML is a `Problem` with the line
of the error, never a silent `{}`.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache, partial
from typing import Any

from vaultgraph.model import Problem
from vaultgraph.parse.lines import LINE_END

_OPEN = re.compile(r"---[ \t]*")
_CLOSE = re.compile(r"(?:---|\.\.\.)[ \t]*")
# Jekyll writes `2022-10-14 18:00:00 +0900`; YAML only knows `+09:00`, so it would stay a string.
_JEKYLL_DATETIME = re.compile(r"(\d{4}-\d{2}-\d{2})[ T](\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)\s*(Z|[+-]\d{2}:?\d{2})?")
_KEY = re.compile(r"([^\s#:][^:]*?)[ \t]*:(?:[ \t]|$)")


@cache
def _yaml() -> tuple[Callable[[str], Any], type[Exception]]:
    """(load a YAML document, the error it raises) with python-frontmatter's handler on the C loader."""
    import yaml
    from frontmatter.default_handlers import YAMLHandler

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return partial(YAMLHandler().load, Loader=loader), yaml.YAMLError


@dataclass(slots=True)
class FrontMatter:
    data: dict[str, Any] = field(default_factory=dict)
    span: tuple[int, int] | None = None
    """1-based first and last line of the block, `---` lines included."""
    key_lines: dict[str, int] = field(default_factory=dict)
    """Line of each top-level key, so findings can point at it."""
    body_start: int = 0
    """Index (0-based) of the first line after the block."""
    problem: Problem | None = None


def leading_lines(text: str) -> tuple[list[str], list[int]]:
    """The first lines of `text` that `split_front_matter` reads, and the offset just after each one's
    line end: through the line that closes a block opening the note (every line when none does),
    else only the first line. A big note is not split whole to find its front matter."""
    lines: list[str] = []
    ends: list[int] = []
    start = 0
    for match in LINE_END.finditer(text):
        lines.append(text[start : match.start()])
        ends.append(start := match.end())
        if not _OPEN.fullmatch(lines[0]) or (len(lines) > 1 and _CLOSE.fullmatch(lines[-1])):
            return lines, ends
    lines.append(text[start:])
    ends.append(len(text))
    return lines, ends


def split_front_matter(lines: list[str]) -> FrontMatter:
    """Parse the front matter at the top of `lines` (a note split on its line ends)."""
    if not lines or not _OPEN.fullmatch(lines[0]):
        return FrontMatter()
    close = next((i for i in range(1, len(lines)) if _CLOSE.fullmatch(lines[i])), None)
    if close is None:
        return FrontMatter(
            problem=Problem(
                "VG201", "front matter block is not closed: no `---` line after it", 1, 1, 1, len(lines[0]) + 1
            )
        )
    span = (1, close + 1)
    source = "\n".join(lines[1:close])
    key_lines = {m.group(1).strip("'\""): i + 2 for i, line in enumerate(lines[1:close]) if (m := _KEY.match(line))}
    load, yaml_error = _yaml()
    try:
        data = load(source) if source.strip() else {}
    except yaml_error as exc:
        mark = getattr(exc, "problem_mark", None)
        line = 2 + mark.line if mark is not None else 1
        column = 1 + mark.column if mark is not None else 1
        what = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        return FrontMatter(
            span=span,
            key_lines=key_lines,
            body_start=close + 1,
            problem=Problem("VG201", f"invalid YAML in front matter: {what}", min(line, close), column),
        )
    except (ValueError, TypeError, RecursionError) as exc:  # e.g. a date YAML accepts but Python cannot hold
        return FrontMatter(
            span=span,
            key_lines=key_lines,
            body_start=close + 1,
            problem=Problem("VG201", f"invalid YAML in front matter: {exc}", 1, 1),
        )
    if data is None:
        data = {}
    if not isinstance(data, dict):
        return FrontMatter(
            span=span,
            key_lines=key_lines,
            body_start=close + 1,
            problem=Problem("VG201", f"front matter is a {type(data).__name__}, not a mapping of keys", 2, 1),
        )
    return FrontMatter(
        data={str(k): _jekyll_datetime(v) for k, v in data.items()},
        span=span,
        key_lines=key_lines,
        body_start=close + 1,
    )


def _jekyll_datetime(value: Any) -> Any:
    """A Jekyll date-time string becomes a `datetime`; anything else is returned as it is."""
    if not isinstance(value, str) or not (match := _JEKYLL_DATETIME.fullmatch(value.strip())):
        return value
    day, time, zone = match.groups()
    if zone and zone != "Z" and ":" not in zone:
        zone = f"{zone[:3]}:{zone[3:]}"
    hour, minutes = time.split(":", 1)
    zone = "+00:00" if zone == "Z" else zone or ""
    try:
        return dt.datetime.fromisoformat(f"{day}T{int(hour):02d}:{minutes}{zone}")
    except ValueError:
        return value


def string_list(value: Any) -> list[str]:
    """Front matter lists as Obsidian and Jekyll write them.

    Accepts a list, a comma- or space-separated string, and (seen in real blogs) lists of lists;
    drops None and empty entries; numbers become strings. Never raises.
    """
    items: list[str] = []

    def add(item: Any, depth: int) -> None:
        if item is None or depth > 5:
            return
        if isinstance(item, (list, tuple)):
            for sub in item:
                add(sub, depth + 1)
        elif isinstance(item, (str, int, float)) and not isinstance(item, bool):
            text = unicodedata.normalize("NFC", str(item)).strip()
            if text:
                items.append(text)

    add(value, 0)
    return items


def tag_list(value: Any) -> list[str]:
    """Front matter `tags`: a string may hold several tags separated by commas or spaces."""
    tags: list[str] = []
    for item in string_list(value):
        parts = re.split(r"[,\s]+", item) if isinstance(value, str) else [item]
        tags.extend(p.lstrip("#") for p in parts if p.lstrip("#"))
    return tags
