"""Front matter: find the block, load it, keep positions.

Two kinds of block open a note, each closed only by its own kind of line:

* YAML between `---` lines (closed by `---` or `...`), as Obsidian, Jekyll and most tools write it,
  loaded with python-frontmatter's YAML handler on libyaml's C loader (`yaml.CSafeLoader`, PyYAML's
  pure-Python one where libyaml is missing);
* TOML between `+++` lines, as Hugo writes it, loaded with the standard library's `tomllib`.

Both give the same `FrontMatter`: a TOML date or date-time is a `datetime.date`/`datetime` as a YAML
one is, and a top-level key's line is that of `key = ...` or of the `[key]` table that opens it.
Each loader is imported on first use: a command that reads no front matter (`--version`, a lint
served from the cache) loads neither. An unclosed block, invalid YAML or invalid TOML is a `Problem`
(VG201) with the line and column of the error, never a silent `{}`.
"""

from __future__ import annotations

import datetime as dt
import json
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
_TOML_FENCE = re.compile(r"\+\+\+[ \t]*")
_FENCES = ((_OPEN, _CLOSE, "---"), (_TOML_FENCE, _TOML_FENCE, "+++"))
"""(opening line, closing line, the closer named in a problem) of a YAML and a TOML block."""
# Jekyll writes `2022-10-14 18:00:00 +0900`; YAML only knows `+09:00`, so it would stay a string.
_JEKYLL_DATETIME = re.compile(r"(\d{4}-\d{2}-\d{2})[ T](\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)\s*(Z|[+-]\d{2}:?\d{2})?")
_KEY = re.compile(r"([^\s#:][^:]*?)[ \t]*:(?:[ \t]|$)")
# A TOML key (bare, "quoted" or 'literal'; of a dotted key only the first part) before `=` or as a table.
_TOML_PART = r"""(?:[A-Za-z0-9_-]+|"(?:[^"\\]|\\.)*"|'[^']*')"""
_TOML_KEY = re.compile(rf"[ \t]*({_TOML_PART})[ \t]*(?:\.[ \t]*{_TOML_PART}[ \t]*)*=")
_TOML_TABLE = re.compile(rf"[ \t]*\[\[?[ \t]*({_TOML_PART})[ \t]*(?:\.[ \t]*{_TOML_PART}[ \t]*)*\]\]?[ \t]*(?:#.*)?")
_TOML_AT = re.compile(r"\s*\(at (?:line (\d+), column (\d+)|end of document)\)\s*$")


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
    """1-based first and last line of the block, its `---` or `+++` lines included."""
    key_lines: dict[str, int] = field(default_factory=dict)
    """Line of each top-level key, so findings can point at it."""
    body_start: int = 0
    """Index (0-based) of the first line after the block."""
    problem: Problem | None = None


def _fence(first: str) -> tuple[re.Pattern[str], str] | None:
    """(what closes it, how the closer is written) when `first` opens a front matter block."""
    return next(((close, name) for opener, close, name in _FENCES if opener.fullmatch(first)), None)


def leading_lines(text: str) -> tuple[list[str], list[int]]:
    """The first lines of `text` that `split_front_matter` reads, and the offset just after each one's
    line end: through the line that closes a block opening the note (every line when none does),
    else only the first line. A big note is not split whole to find its front matter."""
    lines: list[str] = []
    ends: list[int] = []
    start = 0
    close: re.Pattern[str] | None = None
    for match in LINE_END.finditer(text):
        lines.append(text[start : match.start()])
        ends.append(start := match.end())
        if len(lines) == 1:
            fence = _fence(lines[0])
            if fence is None:
                return lines, ends
            close = fence[0]
        elif close is not None and close.fullmatch(lines[-1]):
            return lines, ends
    lines.append(text[start:])
    ends.append(len(text))
    return lines, ends


def split_front_matter(lines: list[str]) -> FrontMatter:
    """Parse the front matter at the top of `lines` (a note split on its line ends)."""
    fence = _fence(lines[0]) if lines else None
    if fence is None:
        return FrontMatter()
    closer, name = fence
    close = next((i for i in range(1, len(lines)) if closer.fullmatch(lines[i])), None)
    if close is None:
        return FrontMatter(
            problem=Problem(
                "VG201", f"front matter block is not closed: no `{name}` line after it", 1, 1, 1, len(lines[0]) + 1
            )
        )
    block = lines[1:close]
    read = _toml if name == "+++" else _yaml_block
    data, key_lines, problem = read(block)
    if problem is not None:
        return FrontMatter(span=(1, close + 1), key_lines=key_lines, body_start=close + 1, problem=problem)
    return FrontMatter(
        data={str(k): _jekyll_datetime(v) for k, v in data.items()},
        span=(1, close + 1),
        key_lines=key_lines,
        body_start=close + 1,
    )


_Read = tuple[dict[Any, Any], dict[str, int], Problem | None]
"""(the data, the line of each top-level key, the problem) of a block's lines."""


def _yaml_block(block: list[str]) -> _Read:
    """The YAML between `---` lines; lines are the file's, the block's first being line 2."""
    key_lines = {m.group(1).strip("'\""): i + 2 for i, line in enumerate(block) if (m := _KEY.match(line))}
    source = "\n".join(block)
    load, yaml_error = _yaml()
    try:
        data = load(source) if source.strip() else {}
    except yaml_error as exc:
        mark = getattr(exc, "problem_mark", None)
        line = 2 + mark.line if mark is not None else 1
        column = 1 + mark.column if mark is not None else 1
        what = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        # The loader may notice a missing `]` at the end of the block: a line inside it, never the closer.
        problem = Problem("VG201", f"invalid YAML in front matter: {what}", min(line, len(block) + 1), column)
        return {}, key_lines, problem
    except (ValueError, TypeError, RecursionError) as exc:  # e.g. a date YAML accepts but Python cannot hold
        return {}, key_lines, Problem("VG201", f"invalid YAML in front matter: {exc}", 1, 1)
    if data is None:
        data = {}
    if not isinstance(data, dict):
        problem = Problem("VG201", f"front matter is a {type(data).__name__}, not a mapping of keys", 2, 1)
        return {}, key_lines, problem
    return data, key_lines, None


def _toml_key_lines(block: list[str]) -> dict[str, int]:
    """Line of each top-level key of a TOML block: `key = ...` before the first table, `[key]`,
    `[key.sub]` or `[[key]]` (its first one) anywhere; lines inside a multi-line string are skipped."""
    found: dict[str, int] = {}
    in_table = False
    quote: str | None = None  # the delimiter of the multi-line string the line is inside
    for index, line in enumerate(block):
        if quote is None:
            match = _TOML_TABLE.fullmatch(line)
            if match is not None:
                in_table = True
            elif not in_table:
                match = _TOML_KEY.match(line)
            if match is not None:
                found.setdefault(_toml_key_name(match.group(1)), index + 2)
        for delimiter in ('"""', "'''"):
            if (quote is None or quote == delimiter) and line.count(delimiter) % 2:
                quote = None if quote else delimiter
    return found


def _toml_key_name(part: str) -> str:
    if part.startswith('"'):
        try:
            return str(json.loads(part))  # TOML's basic strings escape as JSON's do, for keys in practice
        except ValueError:
            return part[1:-1]
    return part[1:-1] if part.startswith("'") else part


def _toml(block: list[str]) -> _Read:
    """The TOML between `+++` lines; lines are the file's, the block's first being line 2."""
    import tomllib

    key_lines = _toml_key_lines(block)
    try:
        # The line end after the last line puts an error there rather than "at end of document".
        data = tomllib.loads("".join(f"{line}\n" for line in block))
    except tomllib.TOMLDecodeError as exc:
        message = str(exc).splitlines()[0] if str(exc) else "cannot read it"
        at = _TOML_AT.search(message)
        line, column = len(block) + 1, 1  # "at end of document": the block's last line
        if at is not None:
            message = message[: at.start()]
            if at.group(1) is not None:
                line, column = int(at.group(1)) + 1, int(at.group(2))
        return (
            {},
            key_lines,
            Problem("VG201", f"invalid TOML in front matter: {message}", min(line, len(block) + 1), column),
        )
    except RecursionError as exc:  # arrays nested thousands deep
        return {}, key_lines, Problem("VG201", f"invalid TOML in front matter: {exc}", 1, 1)
    return data, {key: line for key, line in key_lines.items() if key in data}, None


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
