"""The score of a concept: termhood, not frequency.

    score = salience × termhood^1.5 × spread^1.5 × shape × named

* **salience** = Σ over notes of ln(1 + w), where w is the note's weighted count of the concept:
  each occurrence counts SOURCE_WEIGHTS[source]. Where the author names the subject (a title, a
  link, a heading, bold, a tag, front matter), believe it; a light-verb use (`update할`) is barely a
  mention. The logarithm makes the tenth mention in one note worth less than a first mention in
  another note, so one long note cannot carry a word.
* **termhood** = ln(p_vault / p_general): how many times more often this vault uses the term than
  general language does (`background.Background`). `데이터` is about 40 times as frequent in a
  bootcamp blog as in general Korean, `NGCF` many thousand times: ln 3.7 against ln 9+. A term the
  vault uses no more than general language (ratio <= 1) is dropped. p_vault is the term's
  occurrences over the vault's running words (titles and prose). Raised to TERMHOOD_POWER (1.5)
  it weighs more than salience: a generic word is frequent in the vault *and* in general language,
  so its salience alone would let it win.
* **spread** = ln((N + 1) / df), N notes, df of them mentioning the concept: a term in nearly every
  note is the series' vocabulary (ln(41/40) ≈ 0), one dense in a few notes is a topic. It is
  inverse document frequency; the + 1 keeps a one-note vault's terms above zero. Raised to
  SPREAD_POWER (1.5, like termhood): salience grows with df, so salience × spread alone, about
  df·ln(N/df), peaks at a third of the notes (N/e), exactly where a field's everyday words sit
  (`메서드`, `객체`, `API`, `getter` in a Java course blog; general language cannot tell they are
  generic *here*). With the power 1.5 the peak moves to about a fifth of the notes (N/e^1.5), and a
  topic of two or three notes outweighs a word in half of them. Termhood says how rare a term is in
  general language, spread how rare it is across the vault's notes: both weigh alike.
* **shape**: a multi-word term (PHRASE_BOOST: `KL divergence` over `KL` and `divergence`), a
  spelling that says "name" (NAME_BOOST: inner capitals, three capitals, letters joined to digits or
  by a hyphen or dot: `ViT`, `HPO`, `d2l.ai`, `Monte-Carlo`), a capital first letter in lower-case
  prose (CAPITALS_BOOST). These break ties between terms equally rare in general language (a
  misspelling and a library name both miss the word lists).
* **named**: NAMED_BOOST when the author named the concept at least once in a title, heading,
  link, tag, bold or front matter: what a note is about is written there, what it mentions in
  passing is not.
* **echo**: ECHO_DISCOUNT when a phrase has for one of its words a concept that already ranks above it
  (`Deformable DETR` below `DETR`, `RoI Align` below `RoI`, `Soft-NMS` below `NMS`): it is mostly
  that concept again, and the top of the list should show distinct topics (the maximal marginal
  relevance idea keyphrase extractors use; YAKE drops near-duplicate candidates outright). A phrase
  that outranks its words keeps its score: only a concept ranked above can make a phrase an echo.
* Concept notes and glossary entries are the user's own names: they are never dropped, their
  termhood is at least KNOWN_TERMHOOD, and they get KNOWN_BOOST.

There is no boost for recurring across weeks: the words that recur every week are the series'
own vocabulary, the very thing spread discounts.

The constants were chosen on all labelled vaults but one and checked on that one, in turn
(`benchmarks/concepts_quality.py --rotate`); each is a round value from a flat optimum.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

SOURCE_WEIGHTS: dict[str, float] = {
    "title": 3.0,
    "link": 3.0,
    "front-matter": 2.0,
    "strong": 3.0,
    "mark": 3.0,
    "heading": 2.0,
    "tag": 1.5,
    "prose": 1.0,
    "quote": 1.0,
    "verb": 0.3,
}
NAMED_BOOST = 1.5
NAMED_SOURCES = frozenset({"title", "link", "front-matter", "strong", "mark", "heading", "tag"})
TERMHOOD_POWER = 1.5
SPREAD_POWER = 1.5
KNOWN_BOOST = 2.0
KNOWN_TERMHOOD = 1.0
PHRASE_BOOST = 1.5
NAME_BOOST = 1.6
CAPITALS_BOOST = 1.2
ECHO_DISCOUNT = 0.8
# A capital after a letter (`ViT`, `HPO`), or letters joined to digits or by a hyphen or dot inside a word.
# Two capitals alone (`DB`, `MT`) are as often a plain abbreviation as a name: they count as capitals.
_NAME_SHAPE = re.compile(r"[a-z][A-Z]|[A-Z]{3}|[A-Z]{2}[a-z ]|[A-Za-z][0-9]|[0-9][A-Za-z]|[A-Za-z][.\-][A-Za-z]")


@dataclass(frozen=True, slots=True)
class Evidence:
    """What a concept's score is made of (also what `concepts --explain` prints)."""

    salience: float
    termhood: float
    spread: float
    shape: float
    known: bool
    named: bool
    """Named by the author somewhere (a title, heading, link, tag, bold, front matter)."""
    vault_frequency: float
    general_frequency: float
    echoes: str | None = None
    """The key of a concept ranked above this phrase that is one of its words (see ECHO_DISCOUNT)."""

    @property
    def score(self) -> float:
        return (
            self.salience
            * max(self.termhood, 0.0) ** TERMHOOD_POWER
            * self.spread**SPREAD_POWER
            * self.shape
            * (KNOWN_BOOST if self.known else 1.0)
            * (NAMED_BOOST if self.named else 1.0)
            * (ECHO_DISCOUNT if self.echoes else 1.0)
        )


def evidence(
    weights: list[float],
    count: int,
    words: int,
    notes: int,
    general: float,
    label: str,
    known: bool,
    long_run: bool,
    named: bool = False,
) -> Evidence:
    """The parts of the score of a concept with per-note weighted counts `weights` and `count`
    occurrences, in a vault of `notes` notes and `words` running words; `general`: its background
    frequency; `long_run`: it was cut from a long run of English (a sentence, a paper title)."""
    vault = count / max(words, 1)
    termhood = math.log(vault / general) if vault > 0 and general > 0 else 0.0
    if known:
        termhood = max(termhood, KNOWN_TERMHOOD)
    return Evidence(
        salience=sum(math.log1p(w) for w in weights),
        termhood=termhood,
        spread=math.log((notes + 1) / max(len(weights), 1)),
        shape=_shape(label, long_run),
        known=known,
        named=named,
        vault_frequency=vault,
        general_frequency=general,
    )


def _shape(label: str, long_run: bool) -> float:
    boost = PHRASE_BOOST if " " in label.strip() and not long_run else 1.0
    if _NAME_SHAPE.search(label):
        return boost * NAME_BOOST  # `KL divergence`, `ViT`, `HPO`, `Monte-Carlo`, `d2l.ai`, `l1 norm`
    return boost * (CAPITALS_BOOST if label != label.lower() else 1.0)
