"""Wikilink dialects: Dendron's `[[label|target]]` read after parsing, chosen by config or dendron.yml."""

from pathlib import Path

import pytest

import vaultgraph
from vaultgraph.concepts.extract import extract_terms
from vaultgraph.config import Config, ConfigError, parse_config
from vaultgraph.lint.engine import Selection, lint_vault, select_rules
from vaultgraph.model import Link, Note, Span
from vaultgraph.parse.note import parse_note
from vaultgraph.vault.flavors import apply_flavor, detect_flavor
from vaultgraph.vault.load import load_vault
from vaultgraph.vault.resolve import has_heading


@pytest.mark.parametrize(
    "source, target, heading, block, display",
    [
        ("[[Lookup|dendron.topic.lookup]]", "dendron.topic.lookup", None, None, "Lookup"),
        (
            "[[Lookup|dendron://dendron.dendron-site/dendron.topic.lookup]]",
            "dendron.topic.lookup",
            None,
            None,
            "Lookup",
        ),
        ("[[skip|dendron.topic.workspace#skip]]", "dendron.topic.workspace", "skip", None, "skip"),
        ("[[dendron://site/dendron.topic.links#hovers,1]]", "dendron.topic.links", "hovers", None, None),
        ("![[dendron.guides.cook#mobile-support:#*]]", "dendron.guides.cook", "mobile-support", None, None),
        ("[[dendron.topic.sidebar#*]]", "dendron.topic.sidebar", None, None, None),
        ("[[see|notes.a#^blk]]", "notes.a", None, "blk", "see"),
        ("[markdown](other.md)", "other.md", None, None, "markdown"),
    ],
)
def test_dendron_links(source: str, target: str, heading: str | None, block: str | None, display: str | None) -> None:
    note = parse_note("a.md", source.encode())
    apply_flavor(note, "dendron")
    (link,) = note.links
    assert (link.target, link.heading, link.block, link.display) == (target, heading, block, display)


def test_obsidian_flavor_leaves_links_alone() -> None:
    note = parse_note("a.md", b"[[Note|shown]]")
    apply_flavor(note, "obsidian")
    assert (note.links[0].target, note.links[0].display) == ("Note", "shown")


def test_auto_detects_dendron_yml(tmp_path: Path) -> None:
    assert detect_flavor(tmp_path) == "auto-commonmark"  # each note decides by its front matter
    (tmp_path / "dendron.yml").write_text("version: 5\n")
    assert detect_flavor(tmp_path) == "dendron"
    assert detect_flavor(tmp_path, "obsidian") == "obsidian"


def test_dendron_vault_resolves_label_first_links(tmp_path: Path) -> None:
    (tmp_path / "dendron.yml").write_text("version: 5\n")
    (tmp_path / "a.md").write_text("[[Go to B|b.child#Intro]]\n", encoding="utf-8")
    (tmp_path / "b.child.md").write_text("# Intro\n", encoding="utf-8")
    vault = load_vault(tmp_path)
    link = vault.notes["a.md"].links[0]
    assert vault.resolve(link, vault.notes["a.md"]).path == "b.child.md"


def test_flavor_config_is_validated() -> None:
    assert parse_config({"flavor": "dendron"}, None).flavor == "dendron"
    with pytest.raises(ConfigError, match="flavor: expected one of auto, obsidian, dendron"):
        parse_config({"flavor": "roam"}, None)


@pytest.mark.parametrize(
    "heading, found",
    [
        ("experimental-🧪", True),  # Dendron/GitHub slug keeps the emoji our slug drops
        ("Experimental 🧪", True),
        ("experimental", True),
        ("experiments", False),
    ],
)
def test_heading_slug_dialects(heading: str, found: bool) -> None:
    note = parse_note("s.md", "### Experimental 🧪\n".encode())
    assert has_heading(note, heading) is found


def dendron_note(title: str, body: str) -> str:
    return f"---\nid: {title.lower()}-0a1b\ntitle: {title}\ndesc: ''\nupdated: 1615845600370\ncreated: 1615843960014\n---\n{body}"


def test_without_dendron_yml_dendron_notes_are_known_by_their_front_matter(tmp_path: Path) -> None:
    # A Dendron vault checked out without its workspace: hierarchy names, label-first links.
    files = {
        "root.md": dendron_note("Root", "See [[the LSTM notes|ml.rnn.lstm]] and [[Attention|ml.attention#scaled]].\n"),
        "ml.rnn.lstm.md": dendron_note("LSTM", "Back to [[Root|root]].\n"),
        "ml.attention.md": dendron_note("Attention", "## Scaled\n"),
        # An Obsidian note beside them: `created` as a date is not Dendron's, its link stays target-first.
        "obsidian.md": "---\nid: 7\ncreated: 2022-10-14\nupdated: 2022-10-15\n---\n[[root|the root]]\n",
    }
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    vault = load_vault(tmp_path)
    resolved = {
        (path, link.target, link.heading): vault.resolve(link, note).path
        for path, note in vault.notes.items()
        for link in note.links
    }
    assert resolved == {
        ("root.md", "ml.rnn.lstm", None): "ml.rnn.lstm.md",
        ("root.md", "ml.attention", "scaled"): "ml.attention.md",
        ("ml.rnn.lstm.md", "root", None): "root.md",
        ("obsidian.md", "root", None): "root.md",
    }
    assert vault.notes["obsidian.md"].links[0].display == "the root"
    assert not [d for d in lint_vault(vault, Config(), select_rules(Config())) if d.code.startswith("VG1")]


def test_obsidian_flavor_reads_dendron_notes_as_obsidian(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(dendron_note("A", "[[B note|b]]\n"), encoding="utf-8")
    (tmp_path / "b.md").write_text("# b\n", encoding="utf-8")
    assert load_vault(tmp_path, flavor="obsidian").notes["a.md"].links[0].target == "B note"
    assert load_vault(tmp_path).notes["a.md"].links[0].target == "b"


# `[[text]](dest)`: what GitHub, Jekyll and every CommonMark renderer show as a link to `dest` whose
# text is `[text]`. Each case: source, then (kind, target, heading, display, embed, span) of each link
# as read outside Obsidian; under `obsidian` and `auto` (an Obsidian vault) the parse is kept as it is.
S = Span
COMMONMARK_CASES = [
    ("[[LINK]](https://github.com/x/y)", []),
    ('- [[Medium : YOLOX Explanation]](https://medium.com/x "YOLOX") 참고', []),
    (
        "[[위키]](https://en.wikipedia.org/wiki/A_(b)) and [[B]]",
        [("wikilink", "B", None, None, False, S(1, 49, 1, 54))],
    ),
    ("[[see]](notes/x.md)", [("markdown", "notes/x.md", None, "[see]", False, S(1, 1, 1, 20))]),
    ("[[x]](<my notes/x.md#Intro> 'title')", [("markdown", "my notes/x.md", "Intro", "[x]", False, S(1, 1, 1, 37))]),
    ('a [[x|y]](x.md\n  "title") b', [("markdown", "x.md", None, "[x|y]", False, S(1, 3, 2, 11))]),
    ("![[img.png]](https://x.org/img.png)", []),
    ("![[img.png]](assets/img.png)", [("markdown", "assets/img.png", None, "[img.png]", True, S(1, 2, 1, 29))]),
    ("[[x]]()", [("markdown", "", None, "[x]", False, S(1, 1, 1, 8))]),
    ("[[x]](https://a.b)[[y]](y.md)", [("markdown", "y.md", None, "[y]", False, S(1, 19, 1, 30))]),
    ("\r\n[[x]](x.md)", [("markdown", "x.md", None, "[x]", False, S(2, 1, 2, 12))]),
    ("[[x]] (https://a.b)", [("wikilink", "x", None, None, False, S(1, 1, 1, 6))]),  # not right after `]]`
    ("[[x]](a b)", [("wikilink", "x", None, None, False, S(1, 1, 1, 6))]),  # no destination
    ("[[x]](https://a.b", [("wikilink", "x", None, None, False, S(1, 1, 1, 6))]),  # never closed
    ("`[[x]](y.md)` [[z]]", [("wikilink", "z", None, None, False, S(1, 15, 1, 20))]),  # code is no link
]


def _shape(links: list[Link]) -> list[tuple[object, ...]]:
    return [(k.kind, k.target, k.heading, k.display, k.embed, k.span) for k in links]


@pytest.mark.parametrize("source, links", COMMONMARK_CASES)
def test_outside_obsidian_a_wikilink_before_a_destination_is_a_markdown_link(
    source: str, links: list[tuple[object, ...]]
) -> None:
    note = parse_note("a.md", source.encode())
    apply_flavor(note, "auto-commonmark")
    assert _shape(note.links) == links


@pytest.mark.parametrize("source", [case[0] for case in COMMONMARK_CASES[:11]])  # CommonMark reads these otherwise
def test_obsidian_keeps_the_wikilink_before_a_destination(tmp_path: Path, source: str) -> None:
    (tmp_path / "a.md").write_text(source, encoding="utf-8")
    parsed = parse_note("a.md", source.encode()).links
    assert load_vault(tmp_path).notes["a.md"].links != parsed  # read as CommonMark
    assert load_vault(tmp_path, flavor="obsidian").notes["a.md"].links == parsed
    (tmp_path / ".obsidian").mkdir()
    assert load_vault(tmp_path).notes["a.md"].links == parsed


@pytest.mark.parametrize(
    "source, prose",
    [
        ("[[LINK]](https://github.com/x) 참고", ["LINK", " 참고"]),
        ("[[x]](notes/x.md)", ["x"]),  # the path was never words
        ("**[[x]](x.md)** bold", ["x", " bold"]),
    ],
)
def test_the_destination_leaves_the_prose(source: str, prose: list[str]) -> None:
    note = parse_note("a.md", source.encode())
    apply_flavor(note, "auto-commonmark")
    assert [segment.text for segment in note.segments] == prose


@pytest.mark.parametrize(
    "layout, configured, dialect",
    [
        ({}, "auto", "auto-commonmark"),
        ({".obsidian/app.json": "{}"}, "auto", "auto"),
        ({"vault/.obsidian/app.json": "{}"}, "auto", "auto"),  # a folder of an Obsidian vault
        ({"vault/dendron.yml": "version: 5\n", ".obsidian/app.json": "{}"}, "auto", "dendron"),
        ({}, "obsidian", "obsidian"),
        ({}, "dendron", "dendron"),
    ],
)
def test_detect_flavor_knows_an_obsidian_vault(
    tmp_path: Path, layout: dict[str, str], configured: str, dialect: str
) -> None:
    root = tmp_path / "vault" / "week1"
    root.mkdir(parents=True)
    for rel, text in layout.items():
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(text, encoding="utf-8")
    assert detect_flavor(root, configured) == dialect


def _link_terms(note: Note) -> list[str]:
    return [term.text for term in note.terms if term.source == "link"]


@pytest.mark.parametrize("cache", [False, True])
def test_terms_agree_with_the_links_read(tmp_path: Path, cache: bool) -> None:
    # Parsed (and cached) once without a dialect; read the one way, then the other, from the same parse.
    text = "# YOLOX\n\n- [[Medium : YOLOX Explanation]](https://medium.com/x) 참고\n- [[see]](b.md)\n- [[b]]\n"
    (tmp_path / "a.md").write_text(text, encoding="utf-8")
    (tmp_path / "b.md").write_text("# b\n", encoding="utf-8")
    for obsidian in (False, True, False):
        if obsidian:
            (tmp_path / ".obsidian").mkdir()
        elif (tmp_path / ".obsidian").exists():
            (tmp_path / ".obsidian").rmdir()
        note = load_vault(tmp_path, cache=cache).notes["a.md"]
        assert note.terms == extract_terms(note)  # as if parsed that way (extract_terms reads no terms)
        if obsidian:
            assert _link_terms(note) == ["Medium : YOLOX Explanation", "see", "b"]
        else:
            assert _link_terms(note) == ["b.md", "b"]
            assert ("YOLOX Explanation", "quote") in {(t.text, t.source) for t in note.terms}  # a link's text


def test_lint_asks_for_no_terms_and_gets_none(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("[[x]](x.md)\n", encoding="utf-8")
    note = load_vault(tmp_path, skip=("terms",)).notes["a.md"]
    assert (note.links[0].kind, note.terms) == ("markdown", [])


@pytest.mark.parametrize(
    "obsidian, config, line, message",
    [
        (True, {}, "ViT [[LINK]](https://arxiv.org/abs/2010.11929)", "(for a web link, write `[LINK](https://…)`)"),
        (False, {"flavor": "obsidian"}, "[[LINK]](mailto:me@x.kr)", "(for a web link, write `[LINK](mailto:…)`)"),
        (True, {}, "[[정리|see]](notes/정리.md)", "(for a Markdown link, write `[정리|see](notes/정리.md)`)"),
        (True, {}, "[[LINK]] (https://a.b)", None),
        (False, {}, "[[LINK]]https://a.b", None),
    ],
)
def test_a_broken_wikilink_before_a_destination_says_what_was_meant(
    tmp_path: Path, obsidian: bool, config: dict[str, str], line: str, message: str | None
) -> None:
    (tmp_path / "a.md").write_text(f"# a\n\n{line}\n", encoding="utf-8")
    if obsidian:
        (tmp_path / ".obsidian").mkdir()
    settings = parse_config(config, None)
    vault = load_vault(tmp_path, flavor=settings.flavor)
    (finding,) = lint_vault(vault, settings, select_rules(settings, Selection(select=("VG101",))))
    target = vault.notes["a.md"].links[0].target
    assert finding.message == f"`{target}` not found in the vault" + (f" {message}" if message else "")


def test_the_graph_follows_the_links_read(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("# a\n\n- [[LINK]](https://github.com/x) [[see b]](b.md)\n", encoding="utf-8")
    (tmp_path / "b.md").write_text("# b\n", encoding="utf-8")
    graph = vaultgraph.graph(tmp_path, cache=False)
    edges = {(u, v, kind) for u, v, kind in graph.edges(keys=True) if kind in ("link", "embed")}
    assert edges == {("note:a.md", "note:b.md", "link")}  # no `missing:link`, no `missing:see b`
