"""Build the knowledge graph of a vault: notes, concepts, tags, weeks and missing link targets.

The graph is a `networkx.MultiDiGraph` whose edge *key* is the edge kind, so one pair of nodes can
carry, say, both a `link` and an `embed`, and each (source, target, kind) appears once with a
`weight` that counts how often it happened (three links from A to B: one `link` edge, weight 3).
`co-occurs` is symmetric: it is stored once, from the smaller node id to the larger, and it is a
backbone, not every pair: see `graph/cooccur.py` for the cap per segment and the partners each
concept keeps. A `mentions` edge (note -> concept) also has `line`: the first line of the note's body
that mentions the concept (of its front matter when only that does), where the map's snippets come from.

Node ids (the README's graph contract): `note:PATH`, `concept:KEY`, `tag:NAME` (NAME casefolded, as Obsidian
matches tags case-insensitively; the label keeps the first spelling seen), `week:SERIES/N` or
`week:YYYY-Www`, `missing:TARGET` (TARGET folded the way link resolution folds names).

Every node has `kind`, `label`, `count`, `weeks` (list, in week order), `first_week`, `last_week`
("" when it has none), `snippet` and, after `analysis.annotate`, `community` and `centrality`.
`count` means: concept -> occurrences, note -> links pointing at it, tag -> tagged notes,
week -> notes of the week, missing -> links pointing at it. Links to attachments are not nodes.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from itertools import pairwise
from typing import Any

import networkx as nx

from vaultgraph.config import Config
from vaultgraph.graph.analysis import annotate
from vaultgraph.graph.cooccur import backbone
from vaultgraph.model import Concept, Note, Vault
from vaultgraph.parse.note import split_lines
from vaultgraph.series.keys import date_order, week_label, week_sort_key
from vaultgraph.vault.resolve import fold

SNIPPET_CHARS = 140


def snippet(text: str, limit: int = SNIPPET_CHARS) -> str:
    """One line of prose for a tooltip: list markers and heading hashes dropped, spaces collapsed."""
    text = " ".join(text.split()).lstrip("#>-*+ ").strip()
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


class NoteLines:
    """Lines of the vault's notes by (path, 1-based number), each note split once."""

    def __init__(self, vault: Vault):
        self.vault = vault
        self._lines: dict[str, list[str]] = {}

    def line(self, path: str, number: int) -> str:
        if path not in self._lines:
            note = self.vault.notes.get(path)
            self._lines[path] = split_lines(note.text) if note is not None else []
        lines = self._lines[path]
        return lines[number - 1] if 0 < number <= len(lines) else ""


class _Builder(NoteLines):
    def __init__(self, vault: Vault):
        super().__init__(vault)
        self.graph = nx.MultiDiGraph(root=vault.root.name or str(vault.root))
        self._weeks: dict[str, set[str]] = defaultdict(set)

    def node(self, node_id: str, kind: str, label: str, **attrs: Any) -> None:
        if node_id not in self.graph:
            self.graph.add_node(node_id, **{"kind": kind, "label": label, "count": 0, "snippet": "", **attrs})

    def edge(self, source: str, target: str, kind: str, weight: int = 1) -> None:
        if kind == "co-occurs" and target < source:
            source, target = target, source
        if self.graph.has_edge(source, target, key=kind):
            self.graph.edges[source, target, kind]["weight"] += weight
        else:
            self.graph.add_edge(source, target, key=kind, kind=kind, weight=weight)

    def add_notes(self) -> None:
        for path, note in self.vault.notes.items():
            week = note.week.key if note.week is not None else ""
            self.node(
                f"note:{path}",
                "note",
                note.title or note.stem,
                path=path,
                aliases=list(note.aliases),
                snippet=_note_snippet(note),
            )
            if week:
                self._weeks[f"note:{path}"].add(week)

    def add_links(self) -> None:
        for path, note in self.vault.notes.items():
            source = f"note:{path}"
            for link in note.links:
                if link.is_empty:
                    continue
                resolution = self.vault.resolve(link, note)
                if resolution.status in ("note", "ambiguous") and resolution.path in self.vault.notes:
                    target = f"note:{resolution.path}"
                    if target == source:
                        continue  # `[[#Heading]]` inside the same note is not a relation
                elif resolution.status in ("missing", "outside"):
                    name = link.target.removesuffix(".md")
                    target = f"missing:{fold(name)}"
                    self.node(target, "missing", name, snippet=f"linked from {note.title}, not found in the vault")
                    self._weeks[target].update(self._weeks.get(source, ()))  # it lives where it is wanted
                else:
                    continue  # attachments are files, not ideas
                self.graph.nodes[target]["count"] += 1
                self.edge(source, target, "embed" if link.embed else "link")

    def add_tags(self) -> None:
        for path, note in self.vault.notes.items():
            for name in dict.fromkeys(fold(tag.name) for tag in note.tags):
                tag_id = f"tag:{name}"
                shown = next(t.name for t in note.tags if fold(t.name) == name)
                self.node(tag_id, "tag", f"#{shown}")
                self.graph.nodes[tag_id]["count"] += 1
                self._weeks[tag_id].update(self._weeks.get(f"note:{path}", ()))
                self.edge(f"note:{path}", tag_id, "tagged")

    def add_weeks(self) -> None:
        series: dict[str, list[str]] = defaultdict(list)
        for path, note in self.vault.notes.items():
            if note.week is None or not note.week.key:
                continue
            key = note.week.key
            week_id = f"week:{key}"
            if week_id not in self.graph:
                self.node(week_id, "week", week_label(key), series=key.rpartition("/")[0])
                series[key.rpartition("/")[0]].append(key)
                self._weeks[week_id].add(key)
            self.graph.nodes[week_id]["count"] += 1
            self.edge(f"note:{path}", week_id, "in-week")
        for keys in series.values():
            ordered = sorted(keys, key=week_sort_key)
            for before, after in pairwise(ordered):
                self.edge(f"week:{before}", f"week:{after}", "next-week")
        for week_id in (n for n, kind in self.graph.nodes(data="kind") if kind == "week"):
            notes = [self.vault.notes[p[5:]].title for p, _ in self.graph.in_edges(week_id) if p.startswith("note:")]
            self.graph.nodes[week_id]["snippet"] = snippet("; ".join(notes))

    def add_concepts(self, concepts: Iterable[Concept]) -> None:
        ranked = sorted(concepts, key=lambda concept: -concept.score)  # stable: ties keep the given order
        edges: list[tuple[str, str, str, dict[str, Any]]] = []
        for concept in ranked:
            concept_id = f"concept:{concept.key}"
            first = concept.occurrences[0] if concept.occurrences else None
            where = self.vault.notes.get(first.path) if first else None
            text = f"{where.title}: {self.line(first.path, first.line)}" if first and where else ""
            self.node(
                concept_id,
                "concept",
                concept.label,
                score=float(concept.score),
                variants=list(concept.variants),
                notes=list(concept.notes),
                path=concept.note or "",
                snippet=snippet(text),
            )
            self.graph.nodes[concept_id]["count"] = concept.count
            self._weeks[concept_id].update(concept.weeks)
            mentions: dict[str, list[int]] = {}  # note -> [times, first line]
            for occurrence in concept.occurrences:
                note = self.vault.notes.get(occurrence.path)
                if note is not None:
                    seen = mentions.setdefault(occurrence.path, [0, occurrence.line])
                    seen[0] += 1
                    # The body's first mention, over the front matter's (`title: ...` is no snippet).
                    head = note.front_matter_span[1] if note.front_matter_span else 0
                    seen[1] = min((seen[1], occurrence.line), key=lambda line: (line <= head, line))
            for path, (times, line) in mentions.items():
                edges.append(
                    (f"note:{path}", concept_id, "mentions", {"kind": "mentions", "weight": times, "line": line})
                )
        for a, b, together in backbone(ranked):
            source, target = f"concept:{ranked[a].key}", f"concept:{ranked[b].key}"
            if target < source:
                source, target = target, source
            edges.append((source, target, "co-occurs", {"kind": "co-occurs", "weight": together}))
        # Added by the plain `add_edge`: `edge` looks each one up first, and `add_edges_from` goes
        # through the graph's views for each. No edge of these kinds exists yet, and every node
        # they join does.
        add = self.graph.add_edge
        for source, target, kind, data in edges:
            add(source, target, kind, **data)

    def finish(self) -> nx.MultiDiGraph:
        by_date = date_order(self.vault.notes.values())  # the map's weeks as they happened, series interleaved
        for node_id, data in self.graph.nodes(data=True):
            weeks = sorted(self._weeks.get(node_id, ()), key=by_date)
            data["weeks"] = weeks
            data["first_week"] = weeks[0] if weeks else ""
            data["last_week"] = weeks[-1] if weeks else ""
        every_week = set().union(*self._weeks.values()) if self._weeks else set()
        self.graph.graph["weeks"] = sorted(every_week, key=by_date)
        return self.graph


def _note_snippet(note: Note) -> str:
    prose = next((s.text for s in note.segments if s.kind == "text" and s.text.strip()), "")
    return snippet(prose)


def build_graph(vault: Vault, config: Config | None, concepts: Iterable[Concept]) -> nx.MultiDiGraph:
    """The whole graph of `vault`, annotated with communities and centrality (see the module docs).

    `config` is accepted for symmetry with the other builders; the graph itself has no settings yet
    (the `[graph]` table only shapes the map, see `graph/settings.py`).
    """
    builder = _Builder(vault)
    builder.add_notes()
    builder.add_links()
    builder.add_tags()
    builder.add_weeks()
    builder.add_concepts(concepts)
    graph = builder.finish()
    annotate(graph)
    return graph
