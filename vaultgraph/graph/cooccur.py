"""Which concepts go together: co-occurrence counted per segment with a cap, pruned to a backbone.

Two concepts co-occur when they appear in the same segment (one paragraph, one bullet, one
heading: `Occurrence.block`). Counted naively, a segment of N concepts makes N²/2 pairs: one
35 KB paragraph of 4,000 distinct terms made 8 million edges and 5.5 GB. So the count is bounded
twice before anything enters the graph:

* per segment, only its `SEGMENT_CAP` most salient concepts (by the concepts' own score) pair up,
  so a segment adds at most 66 pairs whatever its length;
* over the vault, each concept keeps its `PARTNERS` most associated partners, and an edge stays
  when either end keeps it: at most `PARTNERS` edges per concept. Association is the Ochiai
  (cosine) coefficient `together / sqrt(count_a * count_b)` with `SMOOTHING` added to both counts:
  unlike a raw count it does not tie every concept to the few generic words that are everywhere;
  unlike PMI or the bare coefficient it does not rank two one-off terms of one sentence (1.0 on the
  evidence of one segment) above two concepts that meet in ten notes. Ties go to the more salient
  partner. On the three real vaults in benchmarks/ and ../shared/corpora, the smoothing doubles to
  triples the ties kept among the 60 most salient concepts.

The concept map draws a further cut of the same measure (`strongest_partners`) among the concepts
it shows.
"""

from __future__ import annotations

import heapq
from collections import Counter
from collections.abc import Sequence
from typing import Any

import numpy as np

from vaultgraph.model import Concept

SEGMENT_CAP = 12
PARTNERS = 10
SMOOTHING = 10


def association(together: Any, count_a: Any, count_b: Any) -> Any:
    """How strongly two concepts go together, from how often they meet and how often each occurs
    (0..1); numbers or numpy arrays of them."""
    return together / np.sqrt((count_a + SMOOTHING) * (count_b + SMOOTHING))


def segment_pairs(concepts: Sequence[Concept], cap: int = SEGMENT_CAP) -> Counter[tuple[int, int]]:
    """How many segments each pair of concepts shares, the concepts given by their index in `concepts`.

    `concepts` must be ranked most salient first: a segment's `cap` lowest indices are its most
    salient concepts, and each pair is `(lower index, higher index)`.
    """
    segments: dict[tuple[str, int], set[int]] = {}
    for index, concept in enumerate(concepts):
        for occurrence in concept.occurrences:
            segments.setdefault((occurrence.path, occurrence.block), set()).add(index)
    pairs: Counter[tuple[int, int]] = Counter()
    for members in segments.values():
        if len(members) < 2:
            continue
        kept = sorted(members) if len(members) <= cap else heapq.nsmallest(cap, members)
        pairs.update((a, b) for i, a in enumerate(kept) for b in kept[i + 1 :])
    return pairs


def strongest_partners(
    pairs: Sequence[tuple[int, int, int]], counts: Sequence[int], partners: int
) -> list[tuple[int, int, int]]:
    """The `(a, b, together)` pairs that are among the `partners` most associated of a or of b.

    Nodes are indices into `counts` (lower index = more salient, for ties); the result is sorted.
    Ranked with numpy: a big vault has a hundred thousand pairs, and a heap per concept in Python
    took half a second.
    """
    if not pairs:
        return []
    table = np.array(pairs, dtype=np.int64).reshape(-1, 3)
    count = np.asarray(counts, dtype=np.float64)
    strength = association(table[:, 2], count[table[:, 0]], count[table[:, 1]])
    # Each pair seen from both ends: (end, partner, strength, pair number).
    end = np.concatenate((table[:, 0], table[:, 1]))
    partner = np.concatenate((table[:, 1], table[:, 0]))
    number = np.tile(np.arange(len(table)), 2)
    order = np.lexsort((partner, -np.tile(strength, 2), end))  # by end, strongest first, then salient
    ends = end[order]
    starts = np.flatnonzero(np.r_[True, ends[1:] != ends[:-1]])
    rank = np.arange(len(ends)) - np.repeat(starts, np.diff(np.r_[starts, len(ends)]))
    kept = np.unique(number[order][rank < partners])
    return sorted((a, b, n) for a, b, n in table[kept].tolist())


def backbone(concepts: Sequence[Concept]) -> list[tuple[int, int, int]]:
    """The co-occurrence edges that enter the graph: `(a, b, segments together)`, a < b, indices
    into `concepts` (ranked most salient first), at most `PARTNERS` per concept."""
    pairs = segment_pairs(concepts)
    counts = [concept.count for concept in concepts]
    return strongest_partners([(a, b, n) for (a, b), n in pairs.items()], counts, PARTNERS)
