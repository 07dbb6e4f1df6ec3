"""Co-occurrence is bounded before it enters the graph: a cap per segment, then a backbone of partners."""

from __future__ import annotations

from pathlib import Path

import pytest
from vault_files import write_files

from vaultgraph.config import Config
from vaultgraph.graph.build import build_graph
from vaultgraph.graph.cooccur import PARTNERS, SEGMENT_CAP, association, segment_pairs, strongest_partners
from vaultgraph.model import Concept, Occurrence
from vaultgraph.vault.load import load_vault


def concept(key: str, score: float, blocks: list[tuple[str, int]]) -> Concept:
    occurrences = [Occurrence(path, 3, "", block, None, "prose") for path, block in blocks]
    return Concept(key, key, score, len(blocks), [key], sorted({p for p, _ in blocks}), [], occurrences)


def test_a_paragraph_of_4000_terms_makes_a_few_dozen_edges(tmp_path: Path) -> None:
    """`alpha1 beta1 alpha2 beta2 …` in one paragraph: 8 million pairs unbounded, 66 at most here."""
    words = [f"{name}{i}" for i in range(1, 2001) for name in ("alpha", "beta")]
    vault = load_vault(write_files(tmp_path, {"big.md": "# Big\n\n" + " ".join(words) + "\n"}))
    concepts = [concept(word, 4000 - rank, [("big.md", 3)]) for rank, word in enumerate(words)]
    graph = build_graph(vault, Config(), concepts)
    pairs = [(u, v) for u, v, kind in graph.edges(keys=True) if kind == "co-occurs"]
    assert len(pairs) <= SEGMENT_CAP * (SEGMENT_CAP - 1) // 2
    ends = {node for pair in pairs for node in pair}
    assert ends == {f"concept:{word}" for word in words[:SEGMENT_CAP]}  # the segment's most salient
    assert graph.number_of_edges() == len(pairs) + len(words)  # and one `mentions` edge per concept


def test_segment_pairs_counts_shared_segments_of_the_most_salient() -> None:
    concepts = [
        concept("a", 9, [("n.md", 1), ("n.md", 2), ("m.md", 1)]),
        concept("b", 8, [("n.md", 1), ("n.md", 2)]),
        concept("c", 7, [("n.md", 1), ("m.md", 1)]),
        concept("d", 6, [("n.md", 1)]),
    ]
    assert segment_pairs(concepts) == {(0, 1): 2, (0, 2): 2, (1, 2): 1, (0, 3): 1, (1, 3): 1, (2, 3): 1}
    assert segment_pairs(concepts, cap=2) == {(0, 1): 2, (0, 2): 1}  # n.md#1 pairs only a and b


def test_association_asks_for_evidence() -> None:
    """Two one-off terms of one sentence are not more associated than two concepts that meet in ten
    segments out of twelve; a concept that is everywhere is not everyone's partner."""
    assert association(1, 1, 1) < association(10, 12, 12)
    assert association(3, 200, 5) < association(3, 5, 5)


@pytest.mark.parametrize(
    ("partners", "expected"),
    [
        # hub 0 meets everyone a little; 1-2 and 3-4 belong together; 5 has only the hub. With one
        # partner each, the hub keeps 1 (tied with 3, and more salient), 5 keeps the hub.
        (1, [(0, 1, 2), (0, 5, 1), (1, 2, 6), (3, 4, 6)]),
        # with two, each of 1..4 also keeps the hub: every pair is someone's
        (2, [(0, 1, 2), (0, 2, 1), (0, 3, 2), (0, 4, 1), (0, 5, 1), (1, 2, 6), (3, 4, 6)]),
    ],
)
def test_strongest_partners_keep_at_most_k_per_concept(partners: int, expected: list[tuple[int, int, int]]) -> None:
    counts = [40, 8, 8, 8, 8, 1]
    pairs = [(0, 1, 2), (0, 2, 1), (0, 3, 2), (0, 4, 1), (0, 5, 1), (1, 2, 6), (3, 4, 6)]
    assert strongest_partners(pairs, counts, partners) == expected


def test_the_graph_keeps_at_most_partners_per_concept(tmp_path: Path) -> None:
    """Thirty concepts in every one of twelve segments: a clique of 435 pairs, pruned to the backbone."""
    vault = load_vault(write_files(tmp_path, {"n.md": "text\n"}))
    concepts = [concept(f"c{i:02}", 30 - i, [("n.md", block) for block in range(12)]) for i in range(30)]
    graph = build_graph(vault, Config(), concepts)
    pairs = [(u, v) for u, v, kind in graph.edges(keys=True) if kind == "co-occurs"]
    assert 0 < len(pairs) <= PARTNERS * 30
    assert all(u < v for u, v in pairs)  # stored once, smaller id first
