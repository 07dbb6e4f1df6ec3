"""Wikilink dialects: Dendron's `[[label|target]]` read after parsing, chosen by config or dendron.yml."""

from pathlib import Path

import pytest

from vaultgraph.config import Config, ConfigError, parse_config
from vaultgraph.lint.engine import lint_vault, select_rules
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
    assert detect_flavor(tmp_path) == "auto"  # each note decides by its front matter
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
