"""The data every part of vaultgraph shares: small, picklable dataclasses.

Parsing a note is a pure function of its bytes (and a little config) that returns a `Note`;
everything downstream (lint rules, concepts, the graph) reads these objects and never the
parser's events, so a `Note` can be built in a worker process and cached by content hash.

`Vault` is the whole parsed vault: its notes by path and the index its links resolve against.

Positions are 1-based and refer to the file as it is on disk: front matter counts, CRLF is one
line end, and a BOM is not a column. Columns count Unicode code points.
"""

from __future__ import annotations

import datetime as dt
import posixpath
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, Protocol, TypeVar

T = TypeVar("T")
Severity = Literal["error", "warning", "info"]
SEVERITIES: tuple[Severity, ...] = ("error", "warning", "info")


@dataclass(frozen=True, slots=True)
class Span:
    """A range of raw text: start inclusive, end exclusive (both 1-based line/column)."""

    line: int
    column: int
    end_line: int
    end_column: int


@dataclass(frozen=True, slots=True)
class Link:
    """A wikilink, embed or Markdown link found outside code, math and comments."""

    raw: str
    """The link exactly as written, e.g. `![[Note#Heading|shown]]`."""
    target: str
    """The note or file part, decoded and NFC (`folder/Note`, `img.png`); "" for same-note links."""
    heading: str | None
    """`Heading` in `[[Note#Heading]]`; nested headings keep their `#` separators."""
    block: str | None
    """`id` in `[[Note#^id]]`."""
    display: str | None
    """The alias (`[[Note|shown]]`) or the Markdown link text."""
    embed: bool
    kind: Literal["wikilink", "markdown"]
    span: Span

    @property
    def is_empty(self) -> bool:
        return not self.target and self.heading is None and self.block is None


@dataclass(frozen=True, slots=True)
class Heading:
    level: int
    text: str
    line: int
    slug: str
    """GitHub/Jekyll-style anchor (`## KL Divergence` -> `kl-divergence`)."""


@dataclass(frozen=True, slots=True)
class Tag:
    name: str
    """Without `#`, NFC, case kept as written."""
    line: int
    column: int
    """0 for tags that come from front matter (no column there)."""
    source: Literal["inline", "frontmatter"]


@dataclass(frozen=True, slots=True)
class BlockId:
    id: str
    line: int


@dataclass(frozen=True, slots=True)
class ListItem:
    """A bullet or numbered item; `empty` is true when it has no content at all."""

    line: int
    column: int
    """Column of the marker (`-`, `*`, `+`, `1.`)."""
    marker_end: int
    """Column just after the marker, where content would start."""
    empty: bool


@dataclass(frozen=True, slots=True)
class Fence:
    """A fenced code block (``` or ~~~), an indented code block (`indented`, always closed), or a `$$` math block."""

    kind: Literal["code", "math", "indented"]
    line: int
    end_line: int
    closed: bool
    info: str


@dataclass(frozen=True, slots=True)
class Segment:
    """A run of prose (outside code, math, links' targets and comments) for concept extraction.

    Segments of the same block (one paragraph, one bullet, one heading) share `block`, which is
    what "co-occurs in the same bullet" means in the graph.
    """

    text: str
    line: int
    block: int
    section: str
    """Text of the nearest heading above ("" before the first heading)."""
    kind: Literal["text", "strong", "emphasis", "mark", "heading", "link-text"]


TermSource = Literal[
    "link", "tag", "front-matter", "strong", "mark", "heading", "prose", "verb", "title", "abbreviation", "quote"
]


@dataclass(frozen=True, slots=True)
class Term:
    """A candidate concept found in one note, before any vault-wide merging (see `vaultgraph.concepts`)."""

    text: str
    """As written, NFC, particles split off: `lstm`, `KL divergence`, `Batch Normalization`, `멘토링`.

    Prose terms are runs of adjacent words of one script; the concept builder may split a run further."""
    line: int
    block: int
    """Same numbering as `Segment.block`; 0 for terms from front matter."""
    section: str
    source: TermSource
    """How it was marked; `verb` is an English word used as a Korean verb stem (`update할`); `title` a
    term of the note's title; `abbreviation` is no occurrence but a pair the author wrote, as
    `SHORT (LONG)` (`MF (Matrix Factorization)`, `경사하강법 (gradient descent)`); `quote` a term of a
    Markdown link's text (`[JPA N+1 문제](/posts/n-plus-one/)`: often another post's title, quoted)."""


@dataclass(frozen=True, slots=True)
class Comment:
    """An HTML comment or Obsidian `%%` comment: never content, but it may hold a directive."""

    text: str
    line: int
    end_line: int


@dataclass(frozen=True, slots=True)
class Problem:
    """Something found while reading or parsing, reported by the rule with the same code."""

    code: str
    message: str
    line: int = 1
    column: int = 1
    end_line: int | None = None
    end_column: int | None = None


WeekSource = Literal["front-matter", "title", "filename", "permalink", "folder", "heading", "date", "assigned"]
"""Where a note's week comes from: what the note states (front matter `week`, title, file name,
`permalink`, a folder named as a week, first heading), its date alone (`date`: an ISO week), or its date placed among its
series' weekly notes by `vaultgraph.series.assign` (`assigned`: day notes and side posts)."""


@dataclass(frozen=True, slots=True)
class WeekInfo:
    """Which weekly series a note belongs to, and which week of it."""

    series: str | None
    week: int | None
    """The week number inside the series (`2주차` -> 2, `0주차` -> 0); None when only a date was found."""
    iso_week: str | None
    """`YYYY-Www` from the note's date, when it has one."""
    source: WeekSource
    day: int | None = None
    """A day note's own number (`Day 3`, `15일차`, `20~21days` -> 20); 0 for a daily note named by its
    date (`Daily/2024-03-04.md`); None for notes that are not day notes."""

    @property
    def stated(self) -> bool:
        """Whether the note states its week number itself (not a date placed in a week)."""
        return self.week is not None and self.source not in ("date", "assigned")

    @property
    def key(self) -> str:
        """`SERIES/N`, or `YYYY-Www` when the week comes from a date alone."""
        if self.week is not None:
            return f"{self.series or 'notes'}/{self.week}"
        return self.iso_week or ""


@dataclass(slots=True)
class Note:
    """One Markdown file of the vault, parsed once."""

    path: str
    """Vault-relative POSIX path, NFC."""
    text: str = ""
    """The decoded file with its original line endings, without the BOM."""
    encoding: str = "utf-8"
    bom: bool = False
    newline: str = "\n"
    title: str = ""
    front_matter: dict[str, Any] = field(default_factory=dict)
    front_matter_span: tuple[int, int] | None = None
    """First and last line of the front matter block (its `---` or `+++` lines included)."""
    front_matter_lines: dict[str, int] = field(default_factory=dict)
    """Line of each top-level front matter key."""
    aliases: list[str] = field(default_factory=list)
    tags: list[Tag] = field(default_factory=list)
    headings: list[Heading] = field(default_factory=list)
    block_ids: list[BlockId] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    list_items: list[ListItem] = field(default_factory=list)
    fences: list[Fence] = field(default_factory=list)
    segments: list[Segment] = field(default_factory=list)
    terms: list[Term] = field(default_factory=list)
    """Candidate concepts of this note (`vaultgraph.concepts.extract`), cached with the parse."""
    comments: list[Comment] = field(default_factory=list)
    date: dt.date | None = None
    week: WeekInfo | None = None
    problems: list[Problem] = field(default_factory=list)
    readable: bool = True
    """False when the file could not be read or decoded at all (VG001)."""

    @property
    def stem(self) -> str:
        name = self.path.rsplit("/", 1)[-1]
        return name[:-3] if name.lower().endswith(".md") else name


@dataclass(frozen=True, slots=True)
class Occurrence:
    """Where a concept appears."""

    path: str
    line: int
    section: str
    block: int
    """Same `block` as the note's `Segment`s: concepts of one bullet/paragraph co-occur."""
    week: str | None
    """`WeekInfo.key` of the note (`boostcamp/2`, `2022-W39`), None for notes without a week."""
    source: str
    """How it was marked: `link`, `tag`, `front-matter`, `strong`, `heading`, `prose`, ..."""


@dataclass(slots=True)
class Concept:
    key: str
    """Normalised identity (NFC, casefolded, variants merged): `batch normalization`."""
    label: str
    """Best display form: `Batch Normalization`."""
    score: float
    """Salience: higher is more of a concept a reader would name."""
    count: int
    variants: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    weeks: list[str] = field(default_factory=list)
    """`SERIES/N` or `YYYY-Www`, in week order."""
    occurrences: list[Occurrence] = field(default_factory=list)
    note: str | None = None
    """The concept's own note (`concepts/Batch Normalization.md`), when the vault has one."""


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace raw text between two positions (1-based, end exclusive) with `replacement`."""

    line: int
    column: int
    end_line: int
    end_column: int
    replacement: str


@dataclass(frozen=True, slots=True)
class Diagnostic:
    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    code: str
    rule: str
    severity: Severity
    message: str
    edits: tuple[Edit, ...] = ()
    unsafe_fix: bool = False

    @property
    def fixable(self) -> bool:
        return bool(self.edits)

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.path, self.line, self.column, self.code)


LinkStatus = Literal["note", "attachment", "missing", "ambiguous", "outside"]


@dataclass(frozen=True, slots=True)
class Resolution:
    """Where a link target leads (`vault.resolve.LinkIndex` decides, the way Obsidian does)."""

    status: LinkStatus
    path: str | None = None
    """The file the link points at (for `ambiguous`, the one Obsidian would open: the shortest path)."""
    candidates: tuple[str, ...] = ()

    @property
    def found(self) -> bool:
        return self.status in ("note", "attachment", "ambiguous")


class LinkResolver(Protocol):
    """What a vault resolves its links with (`vault.resolve.LinkIndex`)."""

    def resolve(self, target: str, source: str, kind: str = "wikilink") -> Resolution: ...


@dataclass(slots=True)
class Vault:
    """Every note of a vault, parsed, and the index its links resolve against."""

    root: Path
    index: LinkResolver
    notes: dict[str, Note] = field(default_factory=dict)
    """Every Markdown file by vault-relative path, sorted by path."""
    attachments: list[str] = field(default_factory=list)
    templates: frozenset[str] = frozenset()
    """Paths of the notes that are templates (`vault.templates`): lint checks none of them."""
    resolved: dict[tuple[str, str, str], Resolution] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )
    """Memo of `resolve`: several rules (and the graph) resolve the same links."""
    folders: dict[str, str] = field(default_factory=dict, init=False, repr=False, compare=False)
    """Folder of each note path, for `resolve`'s memo key (posixpath.dirname was a tenth of linting)."""
    files: dict[str, Path] = field(default_factory=dict, repr=False, compare=False)
    """The file of each note whose path is not its name on disk: a name macOS wrote in NFD (the
    path is NFC), or one with bytes that are not UTF-8 (the path escapes them). See `file`."""

    def file(self, path: str) -> Path:
        """The file on disk of the note at vault-relative `path`."""
        return self.files.get(path) or self.root / path

    derived: dict[tuple[str, str], tuple[Note, Any]] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )
    """Memo of what several rules work out from one note (its resolved links, a link target's heading
    keys), by (what, note path). Each entry keeps the note it was made from: a note that `--fix`
    replaced is worked out again."""

    def derive(self, what: str, note: Note, compute: Callable[[Note], T]) -> T:
        """`compute(note)`, once per note and `what` while the note is the vault's."""
        key = (what, note.path)
        entry = self.derived.get(key)
        if entry is None or entry[0] is not note:
            entry = self.derived[key] = (note, compute(note))
        return entry[1]

    def resolve(self, link: Link, source: Note) -> Resolution:
        # `LinkIndex.resolve` reads the source only through its folder (relative paths, local
        # matches), except for same-note links: notes of one folder share their answers.
        if link.target.strip():
            folder = self.folders.get(source.path)
            if folder is None:
                folder = self.folders[source.path] = posixpath.dirname(source.path)
            key = (link.target, link.kind, folder)
        else:
            key = (link.target, link.kind, source.path)
        found = self.resolved.get(key)
        if found is None:
            found = self.resolved[key] = self.index.resolve(link.target, source.path, link.kind)
        return found
