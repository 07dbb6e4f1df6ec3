"""Concept quality on labelled vaults: vaultgraph and YAKE side by side, in the same run.

    python benchmarks/concepts_quality.py                 # the eleven vaults in benchmarks/vaults/
    python benchmarks/concepts_quality.py --show 40       # and print each tool's top 40, marked
    python benchmarks/concepts_quality.py --no-yake       # vaultgraph only (faster, while iterating)
    python benchmarks/concepts_quality.py --rotate        # tune the score's constants on all vaults but one, test on it

`HELD_OUT` vaults are measured, never used to choose anything, and left out of `--rotate`:
`nlp-lab-obsidian`, written after a round of ranking changes, and `woowa-hugo` and `lab-obsidian`,
written by writers who saw neither the code nor the other vaults, and kept off the machine the
ranking was tuned on until the tuning was done. `cv-aitech-jekyll`, `web-boost-notes` and
`ds-kdt-jekyll` were written the same way in the fifth session; the first was then used to find
failures (so it is in NAMES), the other two were only measured (benchmarks/README.md says what
was looked at). `ios-boost-jekyll` was written the same way in the seventh session and only measured.

Each vault `benchmarks/vaults/NAME/` has `NAME.labels.toml`: `[topics]` (what a reader would list, each
with its other spellings), `[skip]` (generic, series and boilerplate words a reader would never pick),
`[weeks]` (topic -> the `SERIES/N` weeks it is discussed in; optional: a vault without it has no pair figures).

A ranked term *is* a topic when its label or key, compared by `variant_key` (case, spaces, hyphens and
dots ignored), is one of the topic's spellings; a trailing Korean particle is ignored (`attention을`), so
YAKE, which keeps them, is not penalised for it.

* **P@30**: share of the top 30 that are topics (a second term of a topic already listed, such as
  `Glue crawler` after `Glue`, is still a topic: the labels list it as one of the topic's spellings).
* **dup@30**: how many of those are such repeats (a failed merge shows up here).
* **R@100**: share of the labelled topics found in the top 100.
* **skip@30**: how many of the top 30 are labelled generic / series / boilerplate words.
* **pairs R / P**: (topic, week) pairs of the top 100 against `[weeks]`; a YAKE keyword's weeks are the
  weeks of the notes whose text contains it (case-insensitive). Both tools get their weeks from
  vaultgraph's week assignment, so a daily note put in the wrong week costs both the same.

YAKE (`yake.KeywordExtractor(lan="en", n=3, top=100)`) reads the same text vaultgraph reads: each note's
title and prose segments (no front matter, code or math), all notes of the vault joined.
"""

from __future__ import annotations

import argparse
import re
import time
import tomllib
from dataclasses import dataclass
from pathlib import Path

from vaultgraph.concepts.build import build_concepts
from vaultgraph.concepts.normalize import strip_particle, variant_key
from vaultgraph.model import Vault
from vaultgraph.vault.load import load_vault

VAULTS = Path(__file__).resolve().parent / "vaults"
NAMES = ("cvnlp-jekyll", "recsys-jekyll", "de-obsidian", "backend-hugo", "cv-aitech-jekyll")
# Measured, never tuned on: not in --rotate.
HELD_OUT = ("nlp-lab-obsidian", "woowa-hugo", "lab-obsidian", "web-boost-notes", "ds-kdt-jekyll", "ios-boost-jekyll")
PRECISION_AT, RECALL_AT = 30, 100


@dataclass(frozen=True, slots=True)
class Labels:
    topics: dict[str, str]
    """variant_key of every spelling -> topic label."""
    spellings: dict[str, list[str]]
    """topic label -> the label and its other spellings, as written."""
    skip: dict[str, str]
    """variant_key -> skip group (generic / series / boilerplate)."""
    weeks: dict[str, set[str]]
    count: int


def read_labels(path: Path) -> Labels:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    topics: dict[str, str] = {}
    for label, spellings in data["topics"].items():
        for name in (label, *spellings):
            topics.setdefault(variant_key(name), label)
    written = {label: [label, *spellings] for label, spellings in data["topics"].items()}
    skip = {variant_key(word): group for group, words in data.get("skip", {}).items() for word in words}
    weeks = {label: set(found) for label, found in data.get("weeks", {}).items()}
    return Labels(topics, written, skip, weeks, len(data["topics"]))


def match(names: list[str], table: dict[str, str]) -> str | None:
    for name in names:
        for form in (name, strip_particle(name)[0]):
            found = table.get(variant_key(form))
            if found is not None:
                return found
    return None


@dataclass(slots=True)
class Ranked:
    label: str
    names: list[str]
    weeks: set[str]


@dataclass(slots=True)
class Score:
    precision: float
    recall: float
    skipped: int
    repeats: int
    pairs_recall: float
    pairs_precision: float
    seconds: float
    marks: list[str]
    missed: list[str]
    found: set[str]
    """The topics in the top RECALL_AT."""


def score(ranked: list[Ranked], labels: Labels, seconds: float) -> Score:
    seen: set[str] = set()
    marks: list[str] = []
    hits_top = skipped = repeats = 0
    found_pairs: set[tuple[str, str]] = set()
    predicted_pairs: set[tuple[str, str]] = set()
    for rank, item in enumerate(ranked[:RECALL_AT]):
        topic = match(item.names, labels.topics)
        hits_top += rank < PRECISION_AT and topic is not None
        repeats += rank < PRECISION_AT and topic in seen
        if topic is not None and topic not in seen:
            seen.add(topic)
            marks.append(f"+ {item.label}")
            if topic in labels.weeks:
                pairs = {(topic, week) for week in item.weeks}
                predicted_pairs |= pairs
                found_pairs |= pairs & {(topic, week) for week in labels.weeks[topic]}
            continue
        group = match(item.names, labels.skip)
        skipped += rank < PRECISION_AT and group is not None
        marks.append(f"{'=' if topic else '-' if group else ' '} {item.label}" + (f"  [{group}]" if group else ""))
    gold = sum(len(weeks) for weeks in labels.weeks.values())
    later = {}
    for rank, item in enumerate(ranked[RECALL_AT:], RECALL_AT + 1):
        topic = match(item.names, labels.topics)
        if topic is not None and topic not in seen:
            later.setdefault(topic, f"{topic} (#{rank} {item.label})")
    missed = [later.get(topic, topic) for topic in dict.fromkeys(labels.topics.values()) if topic not in seen]
    return Score(
        precision=hits_top / min(PRECISION_AT, max(len(ranked), 1)),
        recall=len(seen) / labels.count,
        skipped=skipped,
        repeats=repeats,
        pairs_recall=len(found_pairs) / gold if gold else 0.0,
        pairs_precision=len(found_pairs) / len(predicted_pairs) if predicted_pairs else 0.0,
        seconds=seconds,
        marks=marks,
        missed=missed,
        found=seen,
    )


def vaultgraph_ranking(vault: Vault) -> tuple[list[Ranked], float]:
    start = time.perf_counter()
    concepts = build_concepts(vault)
    seconds = time.perf_counter() - start
    return [Ranked(c.label, [c.label, c.key], set(c.weeks)) for c in concepts], seconds


def note_texts(vault: Vault) -> dict[str, str]:
    """What vaultgraph reads of each note: its title and its prose segments."""
    return {
        path: "\n".join([note.title, *(s.text for s in note.segments)])
        for path, note in vault.notes.items()
        if note.readable
    }


def yake_ranking(vault: Vault) -> tuple[list[Ranked], float]:
    import yake

    texts = note_texts(vault)
    start = time.perf_counter()
    keywords = yake.KeywordExtractor(lan="en", n=3, top=RECALL_AT).extract_keywords("\n\n".join(texts.values()))
    seconds = time.perf_counter() - start
    week_of = {p: n.week.key for p, n in vault.notes.items() if n.week is not None and n.week.key}
    ranked = []
    for keyword, _ in keywords:
        needle = keyword.casefold()
        weeks = {week_of[p] for p, text in texts.items() if p in week_of and needle in text.casefold()}
        ranked.append(Ranked(keyword, [keyword], weeks))
    return ranked, seconds


BUCKETS = ((1, 1, "1 note"), (2, 3, "2-3 notes"), (4, 10**9, "4+ notes"))


def discussed_in(labels: Labels, texts: dict[str, str]) -> dict[str, int]:
    """How many notes write each topic (any spelling; a Latin spelling as a whole word, case aside)."""
    folded = [text.casefold() for text in texts.values()]
    counts = {}
    for topic, spellings in labels.spellings.items():
        patterns = [
            re.compile(("(?<![a-z0-9])" if re.match(r"[a-z0-9]", name) else "") + re.escape(name) + "(?![a-z0-9])")
            for name in {spelling.casefold() for spelling in spellings}
        ]
        counts[topic] = sum(any(p.search(text) for p in patterns) for text in folded)
    return counts


def recall_by_spread(found: set[str], discussed: dict[str, int]) -> str:
    cells = []
    for low, high, _ in BUCKETS:
        topics = [t for t, n in discussed.items() if low <= n <= high]
        cells.append(f"{sum(t in found for t in topics) / len(topics):.2f} ({len(topics)})" if topics else "–")
    return " | ".join(cells)


GRID: dict[str, tuple[float, ...]] = {
    "named boost": (1.0, 1.5, 2.0),
    "heading": (2.0, 3.0),
    "strong": (2.0, 3.0),
    "title": (3.0, 5.0),
    "termhood power": (1.0, 1.5),
    "spread power": (1.0, 1.5),
}


def _apply(config: dict[str, float]) -> None:
    from vaultgraph.concepts import score as score_module

    weights = score_module.SOURCE_WEIGHTS
    weights["title"], weights["heading"] = config["title"], config["heading"]
    weights["strong"] = weights["mark"] = config["strong"]
    score_module.NAMED_BOOST = config["named boost"]
    score_module.TERMHOOD_POWER = config["termhood power"]
    score_module.SPREAD_POWER = config["spread power"]


def rotate(names: list[str]) -> None:
    """Choose the constants of `GRID` on all vaults but one, report that one; in turn."""
    import itertools

    vaults = {name: (load_vault(VAULTS / name), read_labels(VAULTS / f"{name}.labels.toml")) for name in names}
    configs = [dict(zip(GRID, values, strict=True)) for values in itertools.product(*GRID.values())]
    results: list[dict[str, tuple[float, float]]] = []
    for config in configs:
        _apply(config)
        row = {}
        for name, (vault, labels) in vaults.items():
            found = score(vaultgraph_ranking(vault)[0], labels, 0.0)
            row[name] = (found.precision, found.recall)
        results.append(row)
    print("| held out | chosen on the others | train P@30 / R@100 | held-out P@30 / R@100 |")
    print("|---|---|---|---|")
    for held in names:
        train = [n for n in names if n != held]
        best = max(range(len(configs)), key=lambda i: sum(sum(results[i][n]) for n in train))
        chosen = ", ".join(f"{k} {v:g}" for k, v in configs[best].items())
        mean = [sum(results[best][n][j] for n in train) / len(train) for j in (0, 1)]
        test = results[best][held]
        print(f"| {held} | {chosen} | {mean[0]:.2f} / {mean[1]:.2f} | {test[0]:.2f} / {test[1]:.2f} |")
    overall = sorted(range(len(configs)), key=lambda i: -sum(sum(results[i][n]) for n in names))[:5]
    print("\nbest on all vaults:")
    for i in overall:
        figures = "  ".join(f"{n} {results[i][n][0]:.2f}/{results[i][n][1]:.2f}" for n in names)
        print(" ", ", ".join(f"{k} {v:g}" for k, v in configs[i].items()), "->", figures)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("names", nargs="*", default=[*NAMES, *HELD_OUT], help="vaults under benchmarks/vaults/")
    parser.add_argument("--show", type=int, default=0, help="print each tool's top N, marked")
    parser.add_argument("--no-yake", action="store_true")
    parser.add_argument("--rotate", action="store_true", help="tune on all vaults but one, test on that one, in turn")
    args = parser.parse_args()
    if args.rotate:
        return rotate([name for name in args.names if name not in HELD_OUT])
    header = "| vault | tool | P@30 | R@100 | skip@30 | dup@30 | pairs R | pairs P | seconds |"
    rows = [header, "|---|---|---|---|---|---|---|---|---|"]
    spread_rows = [
        "| vault | tool | " + " | ".join(f"R@100, topics in {label}" for _, _, label in BUCKETS) + " |",
        "|---|---|" + "---|" * len(BUCKETS),
    ]
    for name in args.names:
        labels = read_labels(VAULTS / f"{name}.labels.toml")
        vault = load_vault(VAULTS / name)
        discussed = discussed_in(labels, note_texts(vault))
        tools = [("vaultgraph", vaultgraph_ranking)] + ([] if args.no_yake else [("YAKE", yake_ranking)])
        for tool, rank in tools:
            ranked, seconds = rank(vault)
            result = score(ranked, labels, seconds)
            # A vault without `[weeks]` labels has no pair figures: a dash, not a 0.00 that reads as a failure.
            pairs = f"{result.pairs_recall:.2f} | {result.pairs_precision:.2f}" if labels.weeks else "– | –"
            rows.append(
                f"| {name} | {tool} | {result.precision:.2f} | {result.recall:.2f} | {result.skipped} | {result.repeats} | "
                f"{pairs} | {result.seconds:.2f} |"
            )
            spread_rows.append(f"| {name} | {tool} | {recall_by_spread(result.found, discussed)} |")
            if args.show:
                print(f"\n## {name}: {tool} (+ topic, = topic again, - skip word)")
                for rank_no, mark in enumerate(result.marks[: args.show], 1):
                    print(f"{rank_no:>4} {mark}")
                print("missed:", "; ".join(result.missed))
    print("\n".join(["", *rows]))
    print("\nR@100 by how many notes write the topic (any spelling; topics in each group in parentheses):")
    print("\n".join(["", *spread_rows]))


if __name__ == "__main__":
    main()
