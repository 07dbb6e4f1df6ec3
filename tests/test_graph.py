"""The knowledge graph: structure, ids and kinds, exports that load back, the map page, the command."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner
from networkx.readwrite import json_graph
from vault_files import write_files as write_vault

from vaultgraph.cli import cli
from vaultgraph.concepts.build import build_concepts
from vaultgraph.config import Config, ConfigError
from vaultgraph.graph.build import build_graph
from vaultgraph.graph.export import export
from vaultgraph.graph.select import SelectionError, filter_graph, most_salient, week_range
from vaultgraph.graph.settings import validate
from vaultgraph.model import Concept, Occurrence
from vaultgraph.render.html import map_data, render_map, script_json, snippet_around, vault_url
from vaultgraph.series.keys import week_label, week_sort_key
from vaultgraph.vault.load import load_vault

NOTES = {
    "retros/week1.md": "---\nseries: study\nweek: 1\ntags: [retro]\n---\n# Week 1\n\n"
    "- learned **Alpha** and **Beta** today\n- see [[Week 2]] and [[Week 2]] and ![[Week 2]]\n"
    "- [[Nowhere]] is not written yet #Retro\n",
    "retros/Week 2.md": "---\nseries: study\nweek: 2\n---\n# Week 2\n\n- back to [[week1]]; **Alpha** again\n",
    "evergreen.md": "# Evergreen\n\nA note without a week. #idea\n",
}


def occurrence(path: str, block: int, week: str | None = None) -> Occurrence:
    return Occurrence(path=path, line=8, section="Week 1", block=block, week=week, source="strong")


# Hand-made concepts: the graph's structure must not depend on how the concepts module ranks.
CONCEPTS = [
    Concept(
        "alpha",
        "Alpha",
        5.0,
        2,
        ["Alpha"],
        ["retros/week1.md", "retros/Week 2.md"],
        ["study/1", "study/2"],
        [occurrence("retros/week1.md", 3, "study/1"), occurrence("retros/Week 2.md", 2, "study/2")],
    ),
    Concept(
        "beta",
        "Beta",
        2.0,
        1,
        ["Beta"],
        ["retros/week1.md"],
        ["study/1"],
        [occurrence("retros/week1.md", 3, "study/1")],
    ),
]


@pytest.fixture()
def graph(tmp_path: Path) -> nx.MultiDiGraph:
    vault = load_vault(write_vault(tmp_path, NOTES))
    return build_graph(vault, Config(), CONCEPTS)


def edge_set(graph: nx.MultiDiGraph) -> set[tuple[str, str, str]]:
    return {(u, v, d["kind"]) for u, v, d in graph.edges(data=True)}


def test_nodes_have_stable_ids_and_kinds(graph: nx.MultiDiGraph) -> None:
    kinds = {node: kind for node, kind in graph.nodes(data="kind")}
    assert kinds == {
        "note:retros/week1.md": "note",
        "note:retros/Week 2.md": "note",
        "note:evergreen.md": "note",
        "concept:alpha": "concept",
        "concept:beta": "concept",
        "tag:retro": "tag",
        "tag:idea": "tag",
        "week:study/1": "week",
        "week:study/2": "week",
        "missing:nowhere": "missing",
    }


@pytest.mark.parametrize(
    ("source", "target", "kind", "weight"),
    [
        ("note:retros/week1.md", "note:retros/Week 2.md", "link", 2),
        ("note:retros/week1.md", "note:retros/Week 2.md", "embed", 1),
        ("note:retros/Week 2.md", "note:retros/week1.md", "link", 1),
        ("note:retros/week1.md", "missing:nowhere", "link", 1),
        ("note:retros/week1.md", "concept:alpha", "mentions", 1),
        ("concept:alpha", "concept:beta", "co-occurs", 1),
        ("note:retros/week1.md", "tag:retro", "tagged", 1),
        ("note:evergreen.md", "tag:idea", "tagged", 1),
        ("note:retros/week1.md", "week:study/1", "in-week", 1),
        ("week:study/1", "week:study/2", "next-week", 1),
    ],
)
def test_edges(graph: nx.MultiDiGraph, source: str, target: str, kind: str, weight: int) -> None:
    assert graph.edges[source, target, kind]["weight"] == weight


def test_only_expected_edges(graph: nx.MultiDiGraph) -> None:
    assert {kind for _, _, kind in edge_set(graph)} == {
        "link",
        "embed",
        "mentions",
        "co-occurs",
        "tagged",
        "in-week",
        "next-week",
    }
    # `#Retro` inline and `retro` in front matter are one tag, counted once per note
    assert graph.nodes["tag:retro"]["count"] == 1
    assert graph.number_of_edges("concept:beta", "concept:alpha") == 0  # co-occurs stored once


def test_node_attributes(graph: nx.MultiDiGraph) -> None:
    alpha = graph.nodes["concept:alpha"]
    assert (alpha["label"], alpha["count"], alpha["weeks"]) == ("Alpha", 2, ["study/1", "study/2"])
    assert (alpha["first_week"], alpha["last_week"]) == ("study/1", "study/2")
    assert "learned **Alpha** and **Beta** today" in alpha["snippet"]
    assert graph.edges["note:retros/week1.md", "concept:alpha", "mentions"]["line"] == 8  # where it is mentioned
    assert graph.nodes["note:evergreen.md"]["weeks"] == []
    assert graph.nodes["missing:nowhere"]["weeks"] == ["study/1"]
    assert graph.nodes["week:study/1"]["label"] == "study week 1"
    for _, data in graph.nodes(data=True):
        assert isinstance(data["community"], int)
        assert 0 <= data["centrality"] <= 1 and 0 < data["salience"] <= 1
    assert graph.graph["weeks"] == ["study/1", "study/2"]


def test_a_concept_of_one_note_is_in_that_notes_community(graph: nx.MultiDiGraph) -> None:
    assert graph.nodes["concept:beta"]["notes"] == ["retros/week1.md"]
    assert graph.nodes["concept:beta"]["community"] == graph.nodes["note:retros/week1.md"]["community"]


def test_communities_are_reproducible(tmp_path: Path) -> None:
    vault = load_vault(write_vault(tmp_path, NOTES))
    first, second = build_graph(vault, Config(), CONCEPTS), build_graph(vault, Config(), CONCEPTS)
    assert dict(first.nodes(data="community")) == dict(second.nodes(data="community"))


@pytest.mark.parametrize("fmt", ["json", "graphml", "gexf"])
def test_exports_load_back(graph: nx.MultiDiGraph, fmt: str) -> None:
    text = export(graph, fmt)
    if fmt == "json":
        loaded = json_graph.node_link_graph(json.loads(text), edges="links")
    elif fmt == "graphml":
        loaded = nx.read_graphml(io.StringIO(text))
    else:
        loaded = nx.read_gexf(io.BytesIO(text.encode("utf-8")))
    assert set(loaded.nodes) == set(graph.nodes)
    assert edge_set(loaded) == edge_set(graph)
    assert dict(loaded.nodes(data="kind")) == dict(graph.nodes(data="kind"))
    weeks = loaded.nodes["concept:alpha"]["weeks"]
    assert (weeks if fmt == "json" else json.loads(weeks)) == ["study/1", "study/2"]


def test_real_concepts_join_the_graph(tmp_path: Path) -> None:
    vault = load_vault(write_vault(tmp_path, NOTES))
    graph = build_graph(vault, Config(), build_concepts(vault, Config()))
    concepts = [n for n, kind in graph.nodes(data="kind") if kind == "concept"]
    assert concepts and all(n.startswith("concept:") for n in concepts)
    assert all(graph.in_degree(n) >= 1 for n in concepts)  # every concept is mentioned by some note


@pytest.mark.parametrize(
    ("notes", "nodes"),
    [
        ({}, 0),  # empty vault
        ({"one.md": "just one line\n"}, 1),  # one note, no concepts
        ({"a/Same.md": "---\ntitle: Same\n---\n", "b/Same.md": "---\ntitle: Same\n---\n"}, 2),  # duplicate labels
    ],
)
def test_small_and_odd_vaults(tmp_path: Path, notes: dict[str, str], nodes: int) -> None:
    vault = load_vault(write_vault(tmp_path, notes))
    graph = build_graph(vault, Config(), [])
    assert graph.number_of_nodes() == nodes
    data = map_data(graph, vault)
    shown = data["views"]["notes"]["nodes"]
    assert len(shown) == nodes and len({n["id"] for n in shown}) == nodes
    assert data["views"]["concepts"]["nodes"] == []
    assert data["start"] == ("notes" if nodes else "concepts")


def test_week_filter_and_salience_cut(graph: nx.MultiDiGraph) -> None:
    weeks = week_range(graph, "study/2", None, None)
    assert weeks == {"study/2"}
    kept = filter_graph(graph, None, weeks)
    assert "concept:alpha" in kept and "concept:beta" not in kept and "note:evergreen.md" not in kept
    assert set(filter_graph(graph, ["week"], None)) == {"week:study/1", "week:study/2"}
    cut, left_out = most_salient(graph, 4)
    assert (cut.number_of_nodes(), left_out) == (4, graph.number_of_nodes() - 4)
    assert "week:study/1" in cut  # weeks are the frame of the map
    with pytest.raises(SelectionError, match="unknown week 'study/9'"):
        week_range(graph, "study/9", None, None)


@pytest.mark.parametrize(("key", "label"), [("study/2", "study week 2"), ("2023-W03", "2023-W03")])
def test_week_labels(key: str, label: str) -> None:
    assert week_label(key) == label


def test_week_order() -> None:
    assert sorted(["b/10", "2023-W01", "b/2", "a/3"], key=week_sort_key) == ["a/3", "b/2", "b/10", "2023-W01"]


@pytest.mark.parametrize(
    ("table", "error"),
    [
        ({"max-nodes": -1}, "max-nodes: expected a whole number"),
        ({"max-nodes": True}, "max-nodes: expected a whole number"),
        ({"color-by": "size"}, "color-by: expected one of kind, community"),
        ({"top": 0}, "top: expected a whole number >= 1"),
        ({"top": 501}, "top: expected at most 500"),
        ({"colour": "kind"}, "colour: unknown key"),
    ],
)
def test_settings_errors(table: dict, error: str) -> None:
    with pytest.raises(ConfigError, match=error):
        validate(table, "vaultgraph.toml: graph")


def test_settings_defaults() -> None:
    assert validate({"max-nodes": 50}, "x") == {"top": 60, "max-nodes": 50, "color-by": "kind"}


HOSTILE = "</script><img src=x onerror=alert(1)>&\u2028\u2029"


def test_script_json_escapes_markup() -> None:
    text = script_json({"label": HOSTILE})
    assert not re.search("[<>&\u2028\u2029]", text)
    assert json.loads(text) == {"label": HOSTILE}


def test_page_is_self_contained_and_escaped(tmp_path: Path) -> None:
    vault = load_vault(write_vault(tmp_path, {"x.md": f"---\ntitle: '{HOSTILE}'\n---\n"}))
    page = render_map(build_graph(vault, Config(), []), vault)
    assert "<img src=x" not in page
    assert page.count("</script>") == 3  # the data block, vis-network and the page's own script
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', page)
    assert policy and policy[1].startswith("default-src 'none'; script-src 'sha256-")
    assert "unsafe-inline" not in policy[1] and len(policy[1].split("script-src ")[1].split(";")[0].split()) == 2
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", page)
    assert "var network" in page and "var nodes" in page and "var edges" in page


@pytest.mark.parametrize(
    ("obsidian", "expected"),
    [
        (True, "obsidian://open?vault={name}&file=notes%2FA%20b"),
        (False, "file://{root}/notes/A%20b.md"),
    ],
)
def test_note_urls(tmp_path: Path, obsidian: bool, expected: str) -> None:
    if obsidian:
        (tmp_path / ".obsidian").mkdir()
    url = vault_url(tmp_path, "notes/A b.md")
    assert url == expected.format(name=tmp_path.name, root=tmp_path.resolve().as_posix())


def test_cli_writes_each_format(tmp_path: Path) -> None:
    write_vault(tmp_path / "v", NOTES)
    runner = CliRunner()
    for fmt in ("html", "json", "graphml", "gexf"):
        out = tmp_path / f"g.{fmt}"
        result = runner.invoke(cli, ["graph", str(tmp_path / "v"), "--format", fmt, "-o", str(out)])
        assert result.exit_code == 0, result.output
        assert result.output.startswith(f"wrote {out} (") and out.stat().st_size > 0
    result = runner.invoke(cli, ["graph", str(tmp_path / "v"), "--format", "json", "-o", "-", "--kind", "week"])
    assert result.exit_code == 0
    assert {n["id"] for n in json.loads(result.output)["nodes"]} == {"week:study/1", "week:study/2"}


def test_cli_default_output_and_left_out_note(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write_vault(tmp_path / "v", NOTES)
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["graph", "v", "--max-nodes", "3"])
    assert result.exit_code == 0, result.output
    # --max-nodes caps both views: 3 of the concepts, 3 of the 8 notes, weeks, tags and missing notes
    assert re.fullmatch(
        r"wrote vaultgraph.html \(3 of \d+ concepts on the concept map, 3 of 8 nodes on the notes map\)\n",
        result.output,
    )
    assert '"leftOut":5' in (tmp_path / "vaultgraph.html").read_text(encoding="utf-8")
    result = CliRunner().invoke(cli, ["graph", "v", "--top", "1", "-o", "one.html"])
    assert re.fullmatch(
        r"wrote one.html \(1 of \d+ concepts on the concept map, 6 of 8 nodes on the notes map\)\n", result.output
    )


@pytest.mark.parametrize(
    ("kinds", "summary", "start"),
    [
        (["concept"], r"\d+ concepts on the concept map, 0 nodes on the notes map", "concepts"),
        (["note", "week"], r"0 concepts on the concept map, 5 nodes on the notes map", "notes"),
    ],
)
def test_cli_map_of_some_kinds(tmp_path: Path, kinds: list[str], summary: str, start: str) -> None:
    write_vault(tmp_path / "v", NOTES)
    out = tmp_path / "m.html"
    args = ["graph", str(tmp_path / "v"), "-o", str(out)] + [arg for kind in kinds for arg in ("--kind", kind)]
    result = CliRunner().invoke(cli, args)
    assert re.fullmatch(rf"wrote {re.escape(str(out))} \({summary}\)\n", result.output), result.output
    assert f'"start":"{start}"' in out.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("line", "terms", "expected"),
    [
        ("- learned **Alpha** today", ["Alpha"], "learned Alpha today"),
        ("[Day 14](/posts/day-14/): RNN, [[LSTM|lstm]] and `GRU`", ["gru"], "Day 14: RNN, lstm and GRU"),
        ("x" * 200 + " LSTM is here " + "y" * 200, ["lstm"], "…" + "x" * 45 + " LSTM is here " + "y" * 80 + "…"),
        ("nothing here", ["absent"], "nothing here"),
    ],
)
def test_snippet_around_the_concept(line: str, terms: list[str], expected: str) -> None:
    assert snippet_around(line, terms) == expected


def test_cli_empty_vault_says_so(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    out = tmp_path / "map.html"
    result = CliRunner().invoke(cli, ["graph", str(tmp_path / "empty"), "-o", str(out)])
    assert result.exit_code == 0
    assert "No notes found in" in out.read_text(encoding="utf-8")


def test_cli_unknown_week_is_one_line(tmp_path: Path) -> None:
    write_vault(tmp_path / "v", NOTES)
    result = CliRunner().invoke(cli, ["graph", str(tmp_path / "v"), "--week-from", "study/9", "-o", "-"])
    assert result.exit_code == 2
    assert result.output.strip().splitlines() == [
        "vaultgraph: error: --week-from study/9: no such week (study has weeks 1-2)"
    ]


def test_cli_open_without_display_prints_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write_vault(tmp_path / "v", NOTES)
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.setattr("sys.platform", "linux")
    out = tmp_path / "m.html"
    result = CliRunner().invoke(cli, ["graph", str(tmp_path / "v"), "-o", str(out), "--open"])
    assert result.exit_code == 0
    assert f"open this file: {out.resolve()}" in result.output


def test_output_to_dev_stdout_is_the_document_alone(tmp_path: Path) -> None:
    """`-o /dev/stdout` (a pipe here) gets the JSON only; what was written is said on stderr."""
    import subprocess
    import sys

    vault = write_vault(tmp_path / "v", {"a.md": "# A\n\n- pytorch와 transformer\n", "b.md": "[[a]]\n"})
    command = [sys.executable, "-m", "vaultgraph", "graph", str(vault), "--format", "json", "-o", "/dev/stdout"]
    result = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0
    assert json.loads(result.stdout)["nodes"]
    assert result.stderr.startswith("wrote /dev/stdout (")


def test_a_mention_points_at_the_body_before_the_front_matter(tmp_path: Path) -> None:
    vault = load_vault(
        write_vault(tmp_path, {"t.md": '---\ntitle: "Transformer 정리"\n---\n\n# 개요\n\n- transformer의 구조\n'})
    )
    concepts = build_concepts(vault, Config())
    graph = build_graph(vault, Config(), concepts)
    (line,) = [d["line"] for _, target, d in graph.edges(data=True) if target == "concept:transformer"]
    assert line == 7  # the bullet, not `title:` on line 2
