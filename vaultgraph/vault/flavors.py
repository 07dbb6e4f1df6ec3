"""Wikilink dialects. Obsidian writes `[[target|label]]`; Dendron writes `[[label|target]]`,
may prefix the target with `dendron://VAULT/`, and puts ranges after a heading (`#intro,1:#*`, `#a:#b`).

Parsing stays dialect-free (so parse results can be cached); the vault's flavor is applied after.

`auto` (the default) reads the whole vault as Dendron when it, or its parent workspace, has a
`dendron.yml`; otherwise it decides note by note: a note whose front matter has Dendron's own `id`,
`created` and `updated` (the two times as epoch milliseconds, which Dendron writes into every note
and Obsidian never does) is read as Dendron. A Dendron vault copied without its `dendron.yml` so
still resolves: the dendron-site vault went from 2,287 broken links to 139, the same as with
`flavor = "dendron"`. A note decides by its own bytes only, so cached findings stay valid.

Outside Obsidian, `[[text]](dest)` is a Markdown link. GitHub, Jekyll, Hugo and every CommonMark
renderer show `[[LINK]](https://github.com/…)` as a link to the URL whose text is `[LINK]`, and authors
of notes repos and blogs write it on purpose; Obsidian alone reads a wikilink to `LINK` followed by
text. So `auto` in a folder that is not in an Obsidian vault (no `.obsidian/` in it or above it) and
not Dendron's reads it as CommonMark does (`detect_flavor` returns `auto-commonmark`): a wikilink or
embed written right before a link destination, `(dest)` or `(dest "title")` with `(` just after `]]`,
becomes a Markdown link to `dest` (a URL is no vault file, so the link is gone, as for any Markdown
link to the web), and the destination leaves the prose. On a boostcamp notes repo that took 193 false
VG101 of 193 away, and `LINK` and `Medium : YOLOX Explanation` out of the concepts. A vault with
`.obsidian/`, a Dendron vault or note, and `flavor = "obsidian"` keep the wikilink; VG101 then says
what was probably meant (`commonmark_destinations`).

The parse cache keeps the dialect-free parse; the reading is applied here, on the note's text at the
wikilink's span, and costs nothing for a note without `]](` (one substring search). Concept terms are
computed at parse time, from the wikilink: a note whose links this reading changed has its terms
extracted again (`extract_terms` on the note as read), so the concepts agree with the links. Lint
never reads terms and asks for none. Whether `.obsidian/` exists is part of the dialect, so lint's
stored findings (keyed by it, `lint.results`) are not reused when it appears or goes.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from pathlib import Path

from vaultgraph.model import Link, Note, Segment, Span
from vaultgraph.parse.lines import LINE_END
from vaultgraph.parse.links import markdown_target

FLAVORS = ("auto", "obsidian", "dendron")
"""What the config's `flavor` may be."""
DIALECTS = (*FLAVORS, "auto-commonmark")
"""What `detect_flavor` returns: a flavor, or `auto-commonmark` (`auto` outside Obsidian)."""
_DENDRON_VAULT = re.compile(r"dendron://[^/]*/")
# A CommonMark inline link's `(destination "title")`: the destination in `<…>`, or a run of non-spaces
# with balanced (one level of) parentheses; the title in "", '' or (), after a space; spaces and at
# most one line end between the parts.
_GAP = r"[ \t]*(?:(?:\r\n|\r|\n)[ \t]*)?"
_HREF = r"<(?P<angle>(?:\\.|[^<>\\\r\n])*)>|(?P<bare>(?:\\[()]|[^\s()]|\((?:\\[()]|[^\s()])*\))+)"
_TITLE = r"\"(?:\\.|[^\"\\])*\"|'(?:\\.|[^'\\])*'|\((?:\\.|[^()\\])*\)"
_DESTINATION = re.compile(rf"\({_GAP}(?:{_HREF})?(?:(?:[ \t]+|(?=[\r\n])){_GAP}(?:{_TITLE}))?{_GAP}\)")
_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")  # CommonMark's backslash escapes: ASCII punctuation


def detect_flavor(root: Path, configured: str = "auto") -> str:
    """The dialect of the vault at `root`: as configured; for `auto`, `dendron` when the vault (or its
    parent workspace) has a `dendron.yml`, `auto` when it is in an Obsidian vault (`.obsidian/` in it or
    a folder above), else `auto-commonmark`. Both `auto`s read each note by its front matter
    (`is_dendron_note`); `auto-commonmark` reads `[[text]](dest)` as CommonMark does."""
    if configured != "auto":
        return configured
    for folder in (root, root.parent):
        if (folder / "dendron.yml").is_file():
            return "dendron"
    absolute = root.resolve()
    if any((folder / ".obsidian").is_dir() for folder in (absolute, *absolute.parents)):
        return "auto"
    return "auto-commonmark"


def _epoch_ms(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def is_dendron_note(note: Note) -> bool:
    """Front matter with `id`, and `created` and `updated` as whole numbers: what Dendron writes."""
    matter = note.front_matter
    return "id" in matter and _epoch_ms(matter.get("created")) and _epoch_ms(matter.get("updated"))


def _dendron_link(link: Link) -> Link:
    if link.kind != "wikilink":
        return link
    if link.display is not None:  # [[label|target#heading]]: the target is after the pipe
        target_part, label = link.display, (link.target + (f"#{link.heading}" if link.heading else ""))
        name, _, fragment = target_part.partition("#")
        heading, block = (None, fragment[1:]) if fragment.startswith("^") else ((fragment or None), None)
    else:
        name, heading, block, label = link.target, link.heading, link.block, None
    name = _DENDRON_VAULT.sub("", name).strip()
    if heading is not None:
        heading = re.split(r",|:#", heading, maxsplit=1)[0].strip() or None
    if heading == "*":
        heading = None
    return dataclasses.replace(link, target=name, heading=heading, block=block, display=label)


def apply_flavor(note: Note, flavor: str, *, with_terms: bool = True) -> None:
    """Read the note's wikilinks in the dialect `flavor` (`detect_flavor`): `obsidian`, `dendron`, or
    `auto` and `auto-commonmark` (Dendron by `is_dendron_note`; the latter also `[[text]](dest)` as
    CommonMark). `with_terms`: the note's terms are wanted, so kept in step with its links."""
    auto = flavor.startswith("auto")
    if flavor == "dendron" or (auto and is_dendron_note(note)):
        note.links = [_dendron_link(link) for link in note.links]
    elif flavor == "auto-commonmark" and "]](" in note.text and _read_commonmark(note) and with_terms:
        from vaultgraph.concepts.extract import extract_terms  # config reads FLAVORS: keep its imports light

        note.terms = extract_terms(note)


class _Offsets:
    """Line and column (1-based, as in `Span`) to string offsets in a note's text, and back."""

    def __init__(self, text: str):
        self.starts = [0, *(m.end() for m in LINE_END.finditer(text))]

    def offset(self, line: int, column: int) -> int:
        return self.starts[line - 1] + column - 1

    def position(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self.starts, offset)
        return line, offset - self.starts[line - 1] + 1


def _destination_after(text: str, offsets: _Offsets, link: Link) -> re.Match[str] | None:
    """The link destination written right after the wikilink `link` (`(` just after `]]`), if any."""
    end = offsets.offset(link.span.end_line, link.span.end_column)
    if link.kind != "wikilink" or not text.startswith("(", end):
        return None
    return _DESTINATION.match(text, end)


def _href(match: re.Match[str]) -> str:
    return _ESCAPE.sub(r"\1", match.group("angle") or match.group("bare") or "")


def commonmark_destinations(note: Note) -> dict[Span, str]:
    """The destination of each `[[text]](dest)` of the note, by the wikilink's span (CommonMark renders
    it as a link to `dest`): what VG101 names when the wikilink is kept and leads nowhere. One line
    table per note, however many links it has."""
    if "]](" not in note.text:
        return {}
    offsets = _Offsets(note.text)
    found = {}
    for link in note.links:
        match = _destination_after(note.text, offsets, link)
        if match is not None:
            found[link.span] = _href(match)
    return found


def _read_commonmark(note: Note) -> bool:
    """Turn each wikilink written right before a link destination into the Markdown link CommonMark
    reads there (none for a URL), and take the destination out of the prose; whether any changed."""
    text, offsets = note.text, _Offsets(note.text)
    links: list[Link] = []
    read: list[tuple[Link, str]] = []
    for link in note.links:
        match = _destination_after(text, offsets, link)
        if match is None:
            links.append(link)
            continue
        read.append((link, match.group()))
        target = markdown_target(_href(match))
        if target is None:  # a URL or a web page: no vault file
            continue
        begin = offsets.offset(link.span.line, link.span.column)  # the first `[`, after an embed's `!`
        raw = ("!" if link.embed else "") + text[begin : match.end()]
        end_line, end_column = offsets.position(match.end())
        span = Span(link.span.line, link.span.column, end_line, end_column)
        shown = link.raw[(1 if link.embed else 0) + 1 : -1]  # `[text]`: the text CommonMark shows
        links.append(Link(raw, *target, shown, link.embed, "markdown", span))
    note.links = links
    if read:
        _drop_from_prose(note, read)
    return bool(read)


def _drop_from_prose(note: Note, read: list[tuple[Link, str]]) -> None:
    """Cut each destination from the start of the prose segment that follows its wikilink's shown text.

    Links and segments are both in reading order, so one pass over the segments serves every link (a
    search per link made a note of thousands of `[[LINK]](url)` quadratic)."""
    pending = iter(sorted(read, key=lambda item: (item[0].span.line, item[0].span.column)))
    current = next(pending, None)
    segments = note.segments
    kept: list[Segment] = []
    index = 0
    while index < len(segments):
        segment = segments[index]
        kept.append(segment)
        index += 1
        while current is not None and current[0].span.line < segment.line:
            current = next(pending, None)  # its shown text was not found on its line: nothing to cut
        if current is None or segment.kind != "link-text" or segment.line != current[0].span.line:
            continue
        link, destination = current
        if segment.text != (link.display or link.target):
            continue
        current = next(pending, None)
        after = segments[index] if index < len(segments) else None
        if after is not None and after.kind != "link-text" and after.text.startswith(destination):
            rest = after.text[len(destination) :]
            if rest.strip():
                kept.append(Segment(rest, after.line, after.block, after.section, after.kind))
            index += 1
    note.segments = kept
