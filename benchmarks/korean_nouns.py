"""Korean noun precision and recall of each tokenizer on the labelled sentences, and their speed.

    python benchmarks/korean_nouns.py                 # every tokenizer that imports here
    python benchmarks/korean_nouns.py --errors dev    # also the dev half's false positives and misses

The gold data is `tests/data/korean_nouns.tsv` (417 sentences in the voice of a weekly retrospective,
`SENTENCE<TAB>noun | noun | ...`; the labelling decisions are in `korean_nouns.README.md`). The tokenizers:

* `fallback`: vaultgraph's dictionary-free rule-based tokenizer (`vaultgraph.concepts.korean`), the default.
* `kiwi`: kiwipiepy through vaultgraph's `KiwiTokenizer` (`pip install "vaultgraph[ko]"`).
* `mecab`: python-mecab-ko with mecab-ko-dic (`pip install python-mecab-ko`), whose morphemes (the same
  Sejong tags as kiwi's) are read by the same `KiwiTokenizer`: nouns that touch are one word
  (`피어`+`세션`), the plural `들` is dropped, a noun glued to a verb suffix (`사용`+`하여`) is a verb.

**Scoring.** A tokenizer returns runs of nouns (`[["논문", "리뷰", "참관"]]`): nouns standing next to each
other, each item one space-separated word's noun. The labelled items follow the same convention (a compound
written without a space is one item, `손실함수`; with a space, two, `손실 | 함수`), so a run is flattened into
its items and each sentence's items are matched to the labelled ones as multisets: a predicted item that is
a labelled item of the sentence (not yet matched) is a true positive, any other a false positive; labelled
items left unmatched are misses. Precision = TP / predicted, recall = TP / labelled, summed over sentences.

**Dev and test halves.** The fallback's rules were written looking only at the odd-numbered sentences
(`dev`); the even-numbered ones (`test`) were never looked at while writing them. Both halves are reported.

**Speed** is the time to tokenize all the sentences once (after a warm-up sentence) and, separately, the
time to create the tokenizer in a fresh process (`load`): what a cold `vaultgraph concepts` pays.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace

from vaultgraph.concepts.korean import FallbackTokenizer, KiwiTokenizer

DATA = Path(__file__).resolve().parent.parent / "tests" / "data" / "korean_nouns.tsv"
Runs = Callable[[str], list[list[str]]]


def read_gold() -> list[tuple[str, list[str]]]:
    rows = []
    for line in DATA.read_text(encoding="utf-8").splitlines():
        sentence, _, nouns = line.partition("\t")
        rows.append((sentence, [noun.strip() for noun in nouns.split("|") if noun.strip()]))
    return rows


def score(rows: list[tuple[str, list[str]]], runs: Runs) -> tuple[float, float, Counter[str], Counter[str]]:
    tp = predicted = labelled = 0
    false_positives: Counter[str] = Counter()
    misses: Counter[str] = Counter()
    for sentence, gold in rows:
        found = Counter(item for run in runs(sentence) for item in run)
        wanted = Counter(gold)
        tp += sum((found & wanted).values())
        predicted += sum(found.values())
        labelled += sum(wanted.values())
        false_positives.update(found - wanted)
        misses.update(wanted - found)
    return tp / max(predicted, 1), tp / max(labelled, 1), false_positives, misses


class _MecabAsKiwi:
    """python-mecab-ko behind kiwipiepy's `tokenize` interface (same Sejong tags), for `KiwiTokenizer`."""

    def __init__(self) -> None:
        import mecab

        self._tagger = mecab.MeCab()

    def tokenize(self, text: str) -> list[SimpleNamespace]:
        return [
            SimpleNamespace(form=m.surface, tag=m.pos.split("+")[0], start=m.span[0], len=m.span[1] - m.span[0])
            for m in self._tagger.parse(text)
        ]


def mecab_runs() -> Runs:
    return KiwiTokenizer(_MecabAsKiwi()).noun_runs


def kiwi_runs() -> Runs:
    from kiwipiepy import Kiwi

    return KiwiTokenizer(Kiwi()).noun_runs


MAKERS: dict[str, tuple[Callable[[], Runs], str]] = {
    "fallback": (
        lambda: FallbackTokenizer().noun_runs,
        'from vaultgraph.concepts.korean import FallbackTokenizer as T; T().noun_runs("데이터를 봄")',
    ),
    "kiwi": (kiwi_runs, "from kiwipiepy import Kiwi; Kiwi()"),
    "mecab": (mecab_runs, "import mecab; mecab.MeCab()"),
}


def load_seconds(code: str) -> float:
    """Seconds a fresh interpreter takes to create the tokenizer, less its bare start-up."""

    def run(snippet: str) -> float:
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", snippet], check=True, capture_output=True)
        return time.perf_counter() - start

    return min(run(code) for _ in range(3)) - min(run("pass") for _ in range(3))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--errors", choices=["dev", "test", "all"], help="print false positives and misses")
    args = parser.parse_args()
    rows = read_gold()
    halves = {"dev": rows[0::2], "test": rows[1::2], "all": rows}
    print(f"| tokenizer | P dev | R dev | P test | R test | P all | R all | {len(rows)} sentences | load |")
    print("|---|---|---|---|---|---|---|---|---|")
    for name, (make, code) in MAKERS.items():
        try:
            runs = make()
        except ImportError:
            print(f"| {name} | not installed |")
            continue
        runs("워밍업 문장")
        start = time.perf_counter()
        for sentence, _ in rows:
            runs(sentence)
        seconds = time.perf_counter() - start
        figures = [score(halves[h], runs) for h in ("dev", "test", "all")]
        cells = " | ".join(f"{p:.3f} | {r:.3f}" for p, r, _, _ in figures)
        print(f"| {name} | {cells} | {seconds * 1000:.0f} ms | {load_seconds(code):.2f} s |")
        if args.errors:
            _, _, false_positives, misses = score(halves[args.errors], runs)
            print(f"  false positives: {false_positives.most_common(60)}")
            print(f"  misses: {misses.most_common(40)}")


if __name__ == "__main__":
    main()
