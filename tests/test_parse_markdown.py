"""Table-driven tests for parse_note (parse/note.py, parse/markdown.py, parse/prose.py, parse/obsidian.py).

Positions are 1-based line and column of the raw file (front matter counts, CRLF is one line end,
a BOM is not a column), of the `[[` (or `[` of a Markdown link / `![` of an embed's `[`).
"""

from __future__ import annotations

import codecs
import datetime as dt

import pytest

from vaultgraph.model import Note
from vaultgraph.parse.note import parse_note


def parse(text: str, path: str = "notes/n.md", bom: bool = False) -> Note:
    return parse_note(path, (codecs.BOM_UTF8 if bom else b"") + text.encode("utf-8"))


def link_positions(note: Note) -> list[tuple[str, int, int]]:
    return [(link.raw, link.span.line, link.span.column) for link in note.links]


# (id, text, [(raw, line, column)])
POSITION_CASES = [
    ("paragraph", "앞 문장 [[Note]] 뒤\n", [("[[Note]]", 1, 6)]),
    ("second-line-of-paragraph", "first line\nsecond [[A]] and [[B]]\n", [("[[A]]", 2, 8), ("[[B]]", 2, 18)]),
    ("list-item", "- item [[A]]\n", [("[[A]]", 1, 8)]),
    (
        "nested-lists",
        "- a\n  - b [[A]]\n    - c ![[pic.png]] [t](Z.md)\n",
        [("[[A]]", 2, 7), ("![[pic.png]]", 3, 10), ("[t](Z.md)", 3, 22)],
    ),
    ("ordered-nested", "1. [[A]]\n   2. x [[B]]\n", [("[[A]]", 1, 4), ("[[B]]", 2, 9)]),
    ("task", "- [ ] task [[X]]\n", [("[[X]]", 1, 12)]),
    ("list-continuation", "- a\n  cont [[X]]\n", [("[[X]]", 2, 8)]),
    ("list-second-paragraph", "- a\n\n  para [[X]]\n", [("[[X]]", 3, 8)]),
    ("blockquote", "> quote [[A]]\n> more [[B]]\n", [("[[A]]", 1, 9), ("[[B]]", 2, 8)]),
    ("nested-blockquote", "> a\n> > nested [[Y]]\n", [("[[Y]]", 2, 12)]),
    ("lazy-continuation", "> a\nb [[X]]\n", [("[[X]]", 2, 3)]),
    ("list-in-blockquote", "> - a\n>   b [[X]]\n", [("[[X]]", 2, 7)]),
    ("callout", "> [!note] 제목 [[T]]\n> body [[X]]\n", [("[[T]]", 1, 14), ("[[X]]", 2, 8)]),
    ("callout-list", "> [!tip]\n> - [[A]] #t\n", [("[[A]]", 2, 5)]),
    (
        "table-escaped-pipe",
        "| a | b |\n|---|---|\n| [[Note\\|shown]] | [[B]] |\n",
        [("[[Note\\|shown]]", 3, 3), ("[[B]]", 3, 21)],
    ),
    ("table-same-cells", "| a | b |\n|---|---|\n| [[B]] | [[B]] |\n", [("[[B]]", 3, 3), ("[[B]]", 3, 11)]),
    ("table-after-escaped-pipe", "| a |\n|---|\n| [[A\\|a]] and [[B]] |\n", [("[[A\\|a]]", 3, 3), ("[[B]]", 3, 16)]),
    ("table-no-outer-pipes", "a | b\n--|--\n[[B]] | [[B]]\n", [("[[B]]", 3, 1), ("[[B]]", 3, 9)]),
    ("atx-heading", "# Head [[X]]\n", [("[[X]]", 1, 8)]),
    ("closed-heading", "## H [[X]] ##\n", [("[[X]]", 1, 6)]),
    ("setext-heading", "Title [[X]]\n=====\n", [("[[X]]", 1, 7)]),
    ("after-front-matter", "---\ntitle: t\ntags: [a]\n---\n\ntext [[X]]\n", [("[[X]]", 6, 6)]),
    ("crlf", "---\r\ntitle: t\r\n---\r\nline\r\ntext [[X]] [t](Y.md)\r\n", [("[[X]]", 5, 6), ("[t](Y.md)", 5, 12)]),
    ("cr-only", "a\rb [[X]]\r", [("[[X]]", 2, 3)]),
    ("hangul-and-emoji-are-one-column", "한국어 [[X]] 😀 [[Y]]\n", [("[[X]]", 1, 5), ("[[Y]]", 1, 13)]),
    ("hard-break", "text [[X]]  \nnext [[Y]]\n", [("[[X]]", 1, 6), ("[[Y]]", 2, 6)]),
    ("indented-paragraph", "  para [[X]]\n   more [[Y]]\n", [("[[X]]", 1, 8), ("[[Y]]", 2, 9)]),
    ("markdown-image", "see ![alt](img.png)\n", [("![alt](img.png)", 1, 6)]),
    ("same-link-twice", "[[a]] [[a]]\n", [("[[a]]", 1, 1), ("[[a]]", 1, 7)]),
]


@pytest.mark.parametrize("text,expected", [c[1:] for c in POSITION_CASES], ids=[c[0] for c in POSITION_CASES])
def test_link_positions(text: str, expected: list[tuple[str, int, int]]) -> None:
    assert link_positions(parse(text)) == expected


@pytest.mark.parametrize("text,expected", [c[1:] for c in POSITION_CASES[:12]], ids=[c[0] for c in POSITION_CASES[:12]])
def test_link_positions_with_bom_and_crlf(text: str, expected: list[tuple[str, int, int]]) -> None:
    assert link_positions(parse(text.replace("\n", "\r\n"), bom=True)) == expected


def test_link_span_end_is_exclusive() -> None:
    (link,) = parse("ab [[Note|x]] c\n").links
    assert (link.span.line, link.span.column, link.span.end_line, link.span.end_column) == (1, 4, 1, 14)


def test_table_span_covers_the_escaped_pipe() -> None:
    line = "| [[Note\\|shown]] |"
    (link,) = parse(f"| h |\n|---|\n{line}\n").links
    assert line[link.span.column - 1 : link.span.end_column - 1] == "[[Note\\|shown]]"


# (id, text, (target, heading, block, display, embed, kind))
PARTS_CASES = [
    ("plain", "[[Note]]", ("Note", None, None, None, False, "wikilink")),
    ("alias", "[[Note|shown]]", ("Note", None, None, "shown", False, "wikilink")),
    ("heading", "[[Note#Heading]]", ("Note", "Heading", None, None, False, "wikilink")),
    ("nested-heading", "[[Note#A#B]]", ("Note", "A#B", None, None, False, "wikilink")),
    ("block", "[[Note#^block-1]]", ("Note", None, "block-1", None, False, "wikilink")),
    ("same-note-heading", "[[#Heading]]", ("", "Heading", None, None, False, "wikilink")),
    ("same-note-block", "[[#^id]]", ("", None, "id", None, False, "wikilink")),
    ("embed", "![[embed.png]]", ("embed.png", None, None, None, True, "wikilink")),
    ("embed-sized", "![[embed.png|300]]", ("embed.png", None, None, "300", True, "wikilink")),
    ("folder", "[[folder/Note]]", ("folder/Note", None, None, None, False, "wikilink")),
    ("heading-and-alias", "[[Note#Heading|shown]]", ("Note", "Heading", None, "shown", False, "wikilink")),
    ("korean", "[[2주차 회고]]", ("2주차 회고", None, None, None, False, "wikilink")),
    ("nfd-target", "[[\u1112\u1161\u11ab]]", ("한", None, None, None, False, "wikilink")),
    ("md", "[t](Note.md)", ("Note.md", None, None, "t", False, "markdown")),
    ("md-encoded", "[t](Note%20Name.md#Heading)", ("Note Name.md", "Heading", None, "t", False, "markdown")),
    ("md-angle", "[t](<Note Name.md>)", ("Note Name.md", None, None, "t", False, "markdown")),
    ("md-block", "[t](Note.md#^abc)", ("Note.md", None, "abc", "t", False, "markdown")),
    ("md-relative", "[t](../x.md)", ("../x.md", None, None, "t", False, "markdown")),
    ("md-image", "![alt](img.png)", ("img.png", None, None, "alt", True, "markdown")),
    ("empty-wikilink", "[[]]", ("", None, None, None, False, "wikilink")),
    ("empty-markdown", "[t]()", ("", None, None, "t", False, "markdown")),
]


@pytest.mark.parametrize("text,parts", [c[1:] for c in PARTS_CASES], ids=[c[0] for c in PARTS_CASES])
def test_link_parts(text: str, parts: tuple) -> None:
    (link,) = parse(f"x {text} y\n").links
    assert (link.target, link.heading, link.block, link.display, link.embed, link.kind) == parts
    assert link.raw == text


@pytest.mark.parametrize("text", ["[[]]", "[t]()"])
def test_empty_links_are_empty(text: str) -> None:
    (link,) = parse(text + "\n").links
    assert link.is_empty


@pytest.mark.parametrize(
    "text",
    [
        "[web](https://example.com)",
        "[mail](mailto:a@b.c)",
        "[p](/2022/10/14/post.html)",
        "[o](obsidian://open?vault=x)",
        "<https://x.com>",
        "[[unclosed",
        "[[a\nb]]",
    ],
)
def test_not_vault_links(text: str) -> None:
    assert parse(text + "\n").links == []


# Nothing inside these is a link or a tag; the line after each proves parsing went on.
NOT_CONTENT_CASES = [
    ("fenced", "```\n[[no]] #no\n```\n"),
    ("fenced-tilde-info", "~~~python\n[[no]] #no\n~~~\n"),
    ("indented", "para\n\n    [[no]] #no\n"),
    ("inline-code", "`[[no]] #no`\n"),
    ("double-backtick", "``a ` [[no]] #no``\n"),
    ("inline-math", "$[[no]] #no$\n"),
    ("display-math-inline", "$$[[no]] #no$$\n"),
    ("display-math-block", "$$\n[[no]] #no\n$$\n"),
    ("html-comment-inline", "a <!-- [[no]] #no --> b\n"),
    ("html-comment-block", "<!--\n[[no]] #no\n-->\n"),
    ("obsidian-comment-inline", "a %% [[no]] #no %% b\n"),
    ("obsidian-comment-block", "%%\n[[no]]\n#no\n%%\n"),
    ("obsidian-comment-across-lines", "a %% x\n[[no]] #no %% b\n"),
]


@pytest.mark.parametrize("text", [c[1] for c in NOT_CONTENT_CASES], ids=[c[0] for c in NOT_CONTENT_CASES])
def test_nothing_in_code_math_or_comments(text: str) -> None:
    note = parse(text + "\nafter [[yes]] #yes\n")
    assert [link.target for link in note.links] == ["yes"]
    assert [tag.name for tag in note.tags] == ["yes"]


@pytest.mark.parametrize(
    "text,line",
    [
        ("<!-- vaultgraph-disable VG101 -->\n", 1),
        ("a\n\n%% vaultgraph-disable %%\n", 3),
        ("x <!-- c --> y\n", 1),
        ("%%\nmulti\n%%\n", 1),
    ],
)
def test_comments_are_recorded(text: str, line: int) -> None:
    (comment,) = parse(text).comments
    assert comment.line == line


def test_multiline_comment_span() -> None:
    (comment,) = parse("intro\n\n%%\nvaultgraph-disable VG101\nmore\n%%\nafter\n").comments
    assert (comment.line, comment.end_line) == (3, 6)
    assert "vaultgraph-disable VG101" in comment.text


# (id, text, [(name, line, column)])
TAG_CASES = [
    ("simple", "a #tag b\n", [("tag", 1, 3)]),
    ("nested", "#nested/tag\n", [("nested/tag", 1, 1)]),
    ("korean", "오늘 #회고 끝\n", [("회고", 1, 4)]),
    ("digits-only", "#123 #2023/01\n", []),
    ("digits-and-letters", "#a1 #1a\n", [("a1", 1, 1), ("1a", 1, 5)]),
    ("url-fragment", "x.com/#a https://x.com/#b\n", []),
    ("glued-to-word", "abc#tag\n", []),
    ("heading-marker", "# Title\n## Two\n", []),
    ("tag-in-heading", "## Two #t\n", [("t", 1, 8)]),
    ("trailing-slash", "#a/ b\n", [("a", 1, 1)]),
    ("second-line", "para\n#tag2 second\n", [("tag2", 2, 1)]),
    ("in-list", "- item #t\n", [("t", 1, 8)]),
    ("nfd-tag", "#\u1112\u1161\u11ab\n", [("한", 1, 1)]),
]


@pytest.mark.parametrize("text,expected", [c[1:] for c in TAG_CASES], ids=[c[0] for c in TAG_CASES])
def test_inline_tags(text: str, expected: list[tuple[str, int, int]]) -> None:
    note = parse(text)
    assert [(t.name, t.line, t.column) for t in note.tags if t.source == "inline"] == expected


# (id, front matter, [names], line)
FRONT_TAG_CASES = [
    ("list", "title: t\ntags: [회고, ai/nlp]", ["회고", "ai/nlp"], 3),
    ("block-list", "tags:\n  - a\n  - b", ["a", "b"], 2),
    ("string", "tags: 회고", ["회고"], 2),
    ("comma-string", "tags: a, b", ["a", "b"], 2),
    ("list-of-lists", "tags: [[a, b], [c]]", ["a", "b", "c"], 2),
    ("singular-key", "x: 1\ntag: solo", ["solo"], 3),
    ("null", "tags:", [], 2),
]


@pytest.mark.parametrize("front,names,line", [c[1:] for c in FRONT_TAG_CASES], ids=[c[0] for c in FRONT_TAG_CASES])
def test_front_matter_tags(front: str, names: list[str], line: int) -> None:
    note = parse(f"---\n{front}\n---\nbody #inline\n")
    tags = [t for t in note.tags if t.source == "frontmatter"]
    assert [t.name for t in tags] == names
    assert all(t.line == line and t.column == 0 for t in tags)
    assert [t.name for t in note.tags if t.source == "inline"] == ["inline"]


# (id, text, [(level, text, line, slug)])
HEADING_CASES = [
    ("atx", "# Title\n\n## KL Divergence\n", [(1, "Title", 1, "title"), (2, "KL Divergence", 3, "kl-divergence")]),
    ("closing-hashes", "### Sub ###\n", [(3, "Sub", 1, "sub")]),
    ("punctuation", "## A: b (c)\n", [(2, "A: b (c)", 1, "a-b-c")]),
    ("korean", "## 2주차 회고\n", [(2, "2주차 회고", 1, "2주차-회고")]),
    ("setext", "Title\n=====\nSub\n---\n", [(1, "Title", 1, "title"), (2, "Sub", 3, "sub")]),
    ("after-front-matter", "---\na: 1\n---\n# T\n", [(1, "T", 4, "t")]),
    ("block-id-stripped", "## Part ^p1\n", [(2, "Part", 1, "part")]),
    ("not-in-code", "```\n# no\n```\n", []),
    ("no-space-is-a-tag", "#notheading\n", []),
]


@pytest.mark.parametrize("text,expected", [c[1:] for c in HEADING_CASES], ids=[c[0] for c in HEADING_CASES])
def test_headings(text: str, expected: list[tuple]) -> None:
    assert [(h.level, h.text, h.line, h.slug) for h in parse(text).headings] == expected


# (id, text, [(id, line)])
BLOCK_ID_CASES = [
    ("paragraph", "some text ^abc\n", [("abc", 1)]),
    ("multi-line-paragraph", "one\ntwo ^b-2\n", [("b-2", 2)]),
    ("list-item", "- a\n- item ^def\n", [("def", 2)]),
    ("after-front-matter", "---\na: 1\n---\ntext ^x1\n", [("x1", 4)]),
    ("mid-sentence", "a ^abc b\n", []),
    ("no-space", "word^abc\n", []),
    ("in-code", "```\ntext ^no\n```\n", []),
]


@pytest.mark.parametrize("text,expected", [c[1:] for c in BLOCK_ID_CASES], ids=[c[0] for c in BLOCK_ID_CASES])
def test_block_ids(text: str, expected: list[tuple[str, int]]) -> None:
    assert [(b.id, b.line) for b in parse(text).block_ids] == expected


# (id, text, [(line, column, marker_end, empty)])
LIST_ITEM_CASES = [
    ("bullets", "- a\n-\n- \n", [(1, 1, 2, False), (2, 1, 2, True), (3, 1, 2, True)]),
    ("ordered", "1.\n2. y\n", [(1, 1, 3, True), (2, 1, 3, False)]),
    ("nested", "- a\n  - b\n  -\n", [(1, 1, 2, False), (2, 3, 4, False), (3, 3, 4, True)]),
    ("in-blockquote", "> - a\n> -\n", [(1, 3, 4, False), (2, 3, 4, True)]),
    ("task-is-not-empty", "* [ ]\n", [(1, 1, 2, False)]),
]


@pytest.mark.parametrize("text,expected", [c[1:] for c in LIST_ITEM_CASES], ids=[c[0] for c in LIST_ITEM_CASES])
def test_list_items(text: str, expected: list[tuple]) -> None:
    assert [(i.line, i.column, i.marker_end, i.empty) for i in parse(text).list_items] == expected


# (id, text, [(kind, line, end_line, closed, info)])
FENCE_CASES = [
    ("closed", "```python\nx\n```\n", [("code", 1, 3, True, "python")]),
    ("unclosed", "text\n\n~~~\nopen\n", [("code", 3, 4, False, "")]),
    ("longer-closer", "```\nx\n`````\n", [("code", 1, 3, True, "")]),
    ("in-blockquote", "> ```\n> x\n> ```\n", [("code", 1, 3, True, "")]),
    ("math-block", "$$\nx^2\n$$\n", [("math", 1, 3, True, "")]),
    ("after-front-matter", "---\na: 1\n---\n```\nx\n```\n", [("code", 4, 6, True, "")]),
]


@pytest.mark.parametrize("text,expected", [c[1:] for c in FENCE_CASES], ids=[c[0] for c in FENCE_CASES])
def test_fences(text: str, expected: list[tuple]) -> None:
    assert [(f.kind, f.line, f.end_line, f.closed, f.info) for f in parse(text).fences] == expected


# (id, text, path, title)
TITLE_CASES = [
    ("front-matter-wins", "---\ntitle: FM 제목\n---\n# H1\n", "n/stem.md", "FM 제목"),
    ("first-h1", "## two\n# First\n# Second\n", "n/stem.md", "First"),
    ("stem", "## only h2\n", "n/2주차 회고.md", "2주차 회고"),
    ("blank-title-falls-back", "---\ntitle: '  '\n---\n# H\n", "n/stem.md", "H"),
    ("numeric-title", "---\ntitle: 2023\n---\n", "n/stem.md", "2023"),
    ("list-title-ignored", "---\ntitle: [a]\n---\n", "n/stem.md", "stem"),
    ("toml-front-matter-wins", '+++\ntitle = "JPA N+1 문제 정리"\n+++\n# H1\n', "posts/jpa.md", "JPA N+1 문제 정리"),
    ("toml-lines-are-no-heading", "+++\n# comment\ndraft = true\n+++\nprose\n", "posts/jpa.md", "jpa"),
]


@pytest.mark.parametrize("text,path,title", [c[1:] for c in TITLE_CASES], ids=[c[0] for c in TITLE_CASES])
def test_title_precedence(text: str, path: str, title: str) -> None:
    assert parse(text, path).title == title


# (id, front matter, aliases)
ALIAS_CASES = [
    ("list", "aliases: [BN, 배치 정규화]", ["BN", "배치 정규화"]),
    ("string", "aliases: BN", ["BN"]),
    ("comma-string", "aliases: BN, batchnorm", ["BN", "batchnorm"]),
    ("null", "aliases:", []),
    ("nested", "aliases: [[BN, bn], [batchnorm]]", ["BN", "bn", "batchnorm"]),
    ("singular-key", "alias: BN", ["BN"]),
    ("numbers", "aliases: [2023]", ["2023"]),
    ("list-item-with-comma-stays-whole", "aliases: ['Smith, John', BN]", ["Smith, John", "BN"]),
]


@pytest.mark.parametrize("front,aliases", [c[1:] for c in ALIAS_CASES], ids=[c[0] for c in ALIAS_CASES])
def test_aliases(front: str, aliases: list[str]) -> None:
    assert parse(f"---\n{front}\n---\n").aliases == aliases


def test_week_detection_is_wired() -> None:
    text = "---\nlayout: post\ntitle:  boostcamp ai tech 4기 2주차 회고\ncategories: boostcamp\n---\n# x\n"
    note = parse(text, "_posts/2022-09-30-boostcamp2.md")
    assert note.week is not None and note.week.key == "boostcamp/2"
    assert note.date is not None and note.date.isoformat() == "2022-09-30"


# (id, front matter block, path): the same note as YAML and as TOML gives the same facts
HUGO_CASES = [
    (
        "yaml",
        "---\ntitle: 우테코 레벨1 3주차 회고\ndate: 2024-03-05T10:00:00+09:00\ntags: [JPA, 우테코]\n"
        "categories: [우테코]\n---\n",
        "content/posts/level1-week3.md",
    ),
    (
        "toml",
        '+++\ntitle = "우테코 레벨1 3주차 회고"\ndate = 2024-03-05T10:00:00+09:00\ntags = ["JPA", "우테코"]\n'
        'categories = ["우테코"]\n+++\n',
        "content/posts/level1-week3.md",
    ),
]


@pytest.mark.parametrize("block,path", [c[1:] for c in HUGO_CASES], ids=[c[0] for c in HUGO_CASES])
def test_hugo_front_matter_facts(block: str, path: str) -> None:
    note = parse(block + "본문 [[JPA]] #inline\n", path)
    assert note.problems == []
    assert note.title == "우테코 레벨1 3주차 회고"
    assert [(t.name, t.line) for t in note.tags if t.source == "frontmatter"] == [("JPA", 4), ("우테코", 4)]
    assert note.front_matter_span == (1, 6) and note.front_matter_lines["categories"] == 5
    assert note.date == dt.date(2024, 3, 5)
    assert note.week is not None and note.week.key == "우테코/3"
    assert [(link.target, link.span.line) for link in note.links] == [("JPA", 7)]  # the body starts after `+++`


def test_problems_and_unreadable_notes() -> None:
    binary = parse_note("b.md", b"\x89PNG\x00\x00")
    assert not binary.readable and [p.code for p in binary.problems] == ["VG001"] and binary.title == "b"
    legacy = parse_note("k.md", "# 한글 [[노트]]\n".encode("cp949"))
    assert legacy.readable and [p.code for p in legacy.problems] == ["VG002"]
    assert [link.target for link in legacy.links] == ["노트"]
    broken = parse("---\na: [\n---\n# T [[X]]\n")
    assert [p.code for p in broken.problems] == ["VG201"]
    assert [(link.target, link.span.line) for link in broken.links] == [("X", 4)]  # the body is still parsed


def test_text_keeps_original_line_endings() -> None:
    note = parse_note("n.md", codecs.BOM_UTF8 + b"a\r\nb\r\n")
    assert (note.text, note.newline, note.bom) == ("a\r\nb\r\n", "\r\n", True)


def _facts(note: Note, what: str) -> list:
    """One kind of fact of `note`, as plain tuples a case table can spell out."""
    if what == "links":
        return [(link.raw, link.span.line, link.span.column) for link in note.links]
    if what == "tags":
        return [(t.name, t.line, t.column) for t in note.tags if t.source == "inline"]
    if what == "segments":
        return [(s.text, s.line, s.kind) for s in note.segments]
    if what == "items":
        return [(i.line, i.column, i.marker_end, i.empty) for i in note.list_items]
    if what == "fences":
        return [(f.kind, f.line, f.end_line, f.closed) for f in note.fences]
    if what == "comments":
        return [(c.line, c.end_line) for c in note.comments]
    raise ValueError(what)


# Where the pyromark (pulldown-cmark) parser reads a note differently from the markdown-it-py parser
# it replaced: each case is the new reading, found by benchmarks/differential.py (benchmarks/README.md).
# (id, text, kind of fact, expected)
DIALECT_CASES = [
    # A `%%` opens a comment that runs over any Markdown to the next `%%` of the note, as in Obsidian
    # (markdown-it only knew a `%%` line that starts a block, and inline pairs inside one paragraph).
    ("comment-after-paragraph-line", "text\n%%\n- [ ] #task [[hidden]]\n%%\nafter #yes\n", "tags", [("yes", 5, 7)]),
    ("comment-over-paragraphs", "a %% open\n\n- [[hidden]]\n\nclose %% b [[shown]]\n", "links", [("[[shown]]", 5, 12)]),
    ("unclosed-comment-runs-to-the-end", "a [[x]] %% open\n\n[[hidden]]\n", "comments", [(1, 3)]),
    ("escaped-comment-is-text", "a \\%% b [[shown]] %%\n", "links", [("[[shown]]", 1, 9)]),
    # Task list markers are not prose (markdown-it kept `[ ]` in the text).
    ("task-marker-not-prose", "- [ ] task\n- [x] done\n", "segments", [("task", 1, "text"), ("done", 2, "text")]),
    ("task-item-not-empty", "- [ ]\n", "items", [(1, 1, 2, False)]),
    # A code span binds tighter than a wikilink (CommonMark precedence).
    ("code-span-before-wikilink", "[[a `b]]` c\n", "links", []),
    # `$…$` pairs by pulldown-cmark's rules: a `$` next to a digit may close (`$p = 1$`).
    ("math-next-to-digit", "$p = 1$ if $q$\n", "segments", [(" if ", 1, "text")]),
    # A `$$` line after a paragraph line opens a math block.
    ("math-block-after-text", "text\n$$\nx\n$$\n", "fences", [("math", 2, 4, True)]),
    # Links inside an inline footnote `^[…]` are links (markdown-it moved its text out of the note).
    ("inline-footnote-link", "a ^[see [[Note]]] b\n", "links", [("[[Note]]", 1, 9)]),
    # Footnote definitions stay where they are written (markdown-it moved them to the end).
    (
        "footnote-in-place",
        "a[^1]\n\n[^1]: note\n\nlast\n",
        "segments",
        [("a", 1, "text"), ("note", 3, "text"), ("last", 5, "text")],
    ),
    # Of `[[[[x]]]]`, the innermost brackets are the link.
    ("nested-brackets", "[[[[x]]]]\n", "links", [("[[x]]", 1, 3)]),
    # A tab-indented item is at its marker (pulldown-cmark's range starts a byte early after a tab).
    ("tab-indented-item", "- a\n\t- b\n", "items", [(1, 1, 2, False), (2, 2, 3, False)]),
    # Escaped Obsidian syntax is text.
    ("escaped-tag", "\\#dev and #a\\_b\n", "tags", [("a", 1, 11)]),
    ("escaped-block-id", "text \\^abc\n", "segments", [("text ^abc", 1, "text")]),
]


@pytest.mark.parametrize("text,what,expected", [c[1:] for c in DIALECT_CASES], ids=[c[0] for c in DIALECT_CASES])
def test_dialect(text: str, what: str, expected: list) -> None:
    assert _facts(parse(text), what) == expected


@pytest.mark.parametrize(
    "prefix", ["", "---\ntitle: 제목\n---\n", "> ", "- 항목 "], ids=["plain", "front-matter", "quote", "item"]
)
def test_every_position_on_long_korean_lines_points_at_its_text(prefix: str) -> None:
    """Columns count characters: each link's span and each tag's column slice back to what they name,
    however many come before them on a line of Hangul, emoji and ASCII (the byte-to-column cursor)."""
    line = " ".join(f"[[노트{i}|보기😀{i}]] 한국어 #태그{i} `코드 [[no]]` ![[그림{i}.png]]" for i in range(300))
    text = prefix + line + "\n둘째 줄 " + line + "\n"
    note = parse(text)
    lines = text.split("\n")
    assert len(note.links) == 4 * 300 and len([t for t in note.tags if t.source == "inline"]) == 2 * 300
    for link in note.links:
        row = lines[link.span.line - 1]
        assert row[link.span.column - 1 : link.span.end_column - 1] == link.raw.lstrip("!")
    for tag in note.tags:
        if tag.source == "inline":
            assert lines[tag.line - 1][tag.column - 1 : tag.column + len(tag.name)] == f"#{tag.name}"
