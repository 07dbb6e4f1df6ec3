"""Table-driven tests for vaultgraph.vault.resolve: Obsidian link resolution, headings and blocks."""

from __future__ import annotations

import unicodedata

import pytest

from vaultgraph.parse.note import parse_note
from vaultgraph.vault.resolve import LinkIndex, has_block, has_heading, heading_key

NFD = lambda text: unicodedata.normalize("NFD", text)  # noqa: E731 - a table helper

NOTES = [
    "Note.md",
    "folder/Note.md",
    "other/Note.md",
    "a/Solo.md",
    "x.md",
    "deep/sub/Thing.md",
    "Note Name.md",
    "한글/노트.md",
    "a/b/c.md",
    "a/x.md",
    "retros/2주차 회고.md",
    "Upper/CamelCase.md",
]
ATTACHMENTS = ["img/pic.png", "a/doc.pdf", "x.png", "attachments/loss-curve.png"]
INDEX = LinkIndex(NOTES, ATTACHMENTS)

# (id, target, source, kind, status, path)
CASES = [
    ("name", "Solo", "q.md", "wikilink", "note", "a/Solo.md"),
    ("case-insensitive", "sOLO", "q.md", "wikilink", "note", "a/Solo.md"),
    ("camel-case", "camelcase", "q.md", "wikilink", "note", "Upper/CamelCase.md"),
    ("with-md", "Solo.md", "q.md", "wikilink", "note", "a/Solo.md"),
    ("korean", "2주차 회고", "q.md", "wikilink", "note", "retros/2주차 회고.md"),
    ("nfd-target", NFD("노트"), "q.md", "wikilink", "note", "한글/노트.md"),
    ("nfd-folder", NFD("한글/노트"), "q.md", "wikilink", "note", "한글/노트.md"),
    ("folder-suffix", "folder/Note", "q.md", "wikilink", "note", "folder/Note.md"),
    ("folder-suffix-case", "FOLDER/note", "q.md", "wikilink", "note", "folder/Note.md"),
    ("partial-path-suffix", "sub/Thing", "q.md", "wikilink", "note", "deep/sub/Thing.md"),
    ("same-folder-preferred", "Note", "folder/q.md", "wikilink", "note", "folder/Note.md"),
    ("root-folder-preferred", "Note", "q.md", "wikilink", "note", "Note.md"),
    ("attachment", "pic.png", "q.md", "wikilink", "attachment", "img/pic.png"),
    ("attachment-case", "PIC.PNG", "q.md", "wikilink", "attachment", "img/pic.png"),
    ("attachment-path", "attachments/loss-curve.png", "q.md", "wikilink", "attachment", "attachments/loss-curve.png"),
    ("md-same-folder", "c.md", "a/b/q.md", "markdown", "note", "a/b/c.md"),
    ("md-parent", "../x.md", "a/b/c.md", "markdown", "note", "a/x.md"),
    ("md-vault-absolute", "/x.md", "a/b/c.md", "markdown", "note", "x.md"),
    ("md-name-from-root", "x.md", "deep/sub/Thing.md", "markdown", "note", "x.md"),
    ("md-space", "Note Name.md", "q.md", "markdown", "note", "Note Name.md"),
    ("md-without-suffix", "Solo", "a/q.md", "markdown", "note", "a/Solo.md"),
    ("md-relative-miss-falls-back-to-tail", "../sub/Thing.md", "a/b/c.md", "markdown", "note", "deep/sub/Thing.md"),
    ("md-relative-miss-falls-back-to-name", "Thing.md", "a/b/c.md", "markdown", "note", "deep/sub/Thing.md"),
    ("md-relative-miss-wrong-folder", "../elsewhere/Thing.md", "a/b/c.md", "markdown", "missing", None),
    ("md-relative-image", "../../img/pic.png", "a/b/c.md", "markdown", "attachment", "img/pic.png"),
    ("same-note", "", "a/Solo.md", "wikilink", "note", "a/Solo.md"),
    ("missing", "Nope", "q.md", "wikilink", "missing", None),
    ("missing-folder", "nofolder/Solo", "q.md", "wikilink", "missing", None),
    ("not-a-suffix-of-a-name", "ub/Thing", "q.md", "wikilink", "missing", None),
    ("md-missing", "../nope/zzz.md", "a/b/c.md", "markdown", "missing", None),
    ("outside-wikilink", "../../../etc/passwd", "q.md", "wikilink", "outside", None),
    ("outside-markdown", "../../../../etc/passwd", "a/b/c.md", "markdown", "outside", None),
    ("outside-just-above", "../Solo", "q.md", "wikilink", "outside", None),
    ("outside-through-folder", "a/../../x", "q.md", "wikilink", "outside", None),
    ("outside-dotdot", "..", "q.md", "wikilink", "outside", None),
    ("outside-backslashes", "..\\..\\secret", "q.md", "wikilink", "outside", None),
    ("absolute-is-vault-root", "/etc/passwd", "q.md", "markdown", "missing", None),
]


@pytest.mark.parametrize("target,source,kind,status,path", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_resolve(target: str, source: str, kind: str, status: str, path: str | None) -> None:
    resolution = INDEX.resolve(target, source, kind)
    assert (resolution.status, resolution.path) == (status, path)
    assert resolution.found == (status in ("note", "attachment"))


def test_ambiguous_link_lists_candidates() -> None:
    resolution = INDEX.resolve("note", "elsewhere/q.md")
    assert resolution.status == "ambiguous" and resolution.found
    assert sorted(resolution.candidates) == ["Note.md", "folder/Note.md", "other/Note.md"]
    assert resolution.path == "Note.md"  # the one Obsidian opens: the shortest path


def test_nfd_index_paths_are_found_by_nfc_targets() -> None:
    index = LinkIndex([NFD("회고/2주차.md")], [])
    assert index.resolve("2주차", "q.md").status == "note"


HEADINGS_NOTE = parse_note(
    "n.md",
    (
        "# Top\n## KL Divergence\n### Sub: part\n## A\n### B\ntext ^blk-1\n\n## 한국어 제목\n## Hello  World\n"
        "- item ^Item2\n## 회고\n### 회고\n## Notes\n"
    ).encode(),
)

# (id, heading, found)
HEADING_CASES = [
    ("exact", "KL Divergence", True),
    ("case", "kl divergence", True),
    ("spaces", "KL   Divergence", True),
    ("padding", " KL Divergence ", True),
    ("slug", "kl-divergence", True),
    ("colon-as-space", "Sub part", True),
    ("colon-kept", "sub: part", True),
    ("colon-no-space", "Sub:part", True),
    ("nested", "A#B", True),
    ("nested-three", "Top#A#B", True),
    ("nested-missing-level", "A#Nope", False),
    ("korean", "한국어 제목", True),
    ("double-space-heading", "hello world", True),
    ("missing", "Nope", False),
    ("prefix-only", "KL", False),
    ("repeated-heading", "회고", True),
    ("repeated-slug", "회고-1", True),  # GitHub and kramdown number the second one
    ("repeated-slug-past-the-last", "회고-2", False),
    ("slug-of-a-single-heading-numbered", "notes-1", False),
]


@pytest.mark.parametrize("heading,found", [c[1:] for c in HEADING_CASES], ids=[c[0] for c in HEADING_CASES])
def test_has_heading(heading: str, found: bool) -> None:
    assert has_heading(HEADINGS_NOTE, heading) is found


@pytest.mark.parametrize(
    "block,found", [("blk-1", True), ("BLK-1", True), ("item2", True), ("blk", False), ("nope", False)]
)
def test_has_block(block: str, found: bool) -> None:
    assert has_block(HEADINGS_NOTE, block) is found


@pytest.mark.parametrize(
    "text,key",
    [
        ("KL Divergence", "kl divergence"),
        ("A: b", "a b"),
        ("x|y^z", "x y z"),
        ("[[Link]] text", "link text"),
        (NFD("한글"), "한글"),
    ],
)
def test_heading_key(text: str, key: str) -> None:
    assert heading_key(text) == key
