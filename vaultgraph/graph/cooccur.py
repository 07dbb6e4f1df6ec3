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
import math
from collections import Counter
from collections.abc import Iterable, Sequence

from vaultgraph.model import Concept

SEGMENT_CAP = 12
PARTNERS = 10
SMOOTHING = 10


def association(together: int, count_a: int, count_b: int) -> float:
    """How strongly two concepts go together, from how often they meet and how often each occurs (0..1)."""
    return together / math.sqrt((count_a + SMOOTHING) * (count_b + SMOOTHING))


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
    pairs: Iterable[tuple[int, int, int]], counts: Sequence[int], partners: int
) -> list[tuple[int, int, int]]:
    """The `(a, b, together)` pairs that are among the `partners` most associated of a or of b.

    Nodes are indices into `counts` (lower index = more salient, for ties); the result is sorted.
    """
    ranked: dict[int, list[tuple[float, int, tuple[int, int, int]]]] = {}
    for pair in pairs:
        a, b, together = pair
        strength = association(together, counts[a], counts[b])
        ranked.setdefault(a, []).append((-strength, b, pair))
        ranked.setdefault(b, []).append((-strength, a, pair))
    kept: set[tuple[int, int, int]] = set()
    for candidates in ranked.values():
        kept.update(pair for _, _, pair in heapq.nsmallest(partners, candidates))
    return sorted(kept)


def backbone(concepts: Sequence[Concept]) -> list[tuple[int, int, int]]:
    """The co-occurrence edges that enter the graph: `(a, b, segments together)`, a < b, indices
    into `concepts` (ranked most salient first), at most `PARTNERS` per concept."""
    pairs = segment_pairs(concepts)
    counts = [concept.count for concept in concepts]
    return strongest_partners(((a, b, n) for (a, b), n in pairs.items()), counts, PARTNERS)
