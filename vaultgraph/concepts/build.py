"""`build_concepts(vault, config) -> list[Concept]`: merge every note's terms into ranked concepts.

1. Vocabulary: notes without a week (concept notes, evergreen notes) name a concept by their title,
   file name and front matter aliases, unless they are hubs (`index`, `멘토링 질문 모음`: long titles or
   ones ending in a collection word, whose links are navigation); the `[concepts.glossary]` adds the user's own names. Any
   term that matches one of these names (`variant_key`) is that concept, so `batchnorm을` counts for
   `concepts/Batch Normalization.md`.
2. Segmentation: a run of prose words is matched against the vocabulary, longest first; what is
   left is split at function words, and a word at the edge that the vault also uses on its own
   (`python` in `python clean code`) becomes a concept of its own. Korean compounds stay whole only
   when the vault repeats them.
3. Salience: TF-IDF over notes with each occurrence weighted by how it was marked (links, tags,
   bold and concept notes count more, light-verb uses and Korean prose nouns less (but loanwords), multi-word
   English terms and capitalised spellings more), times a boost for recurring across weeks; ties
   go to the concept met first in reading order.
"""

from __future__ import annotations

import math
import posixpath
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

from vaultgraph.concepts.korean import looks_borrowed
from vaultgraph.concepts.normalize import PARTICLES, best_label, fold, has_hangul, variant_key
from vaultgraph.concepts.settings import DEFAULTS
from vaultgraph.concepts.stopwords import COLLECTION_WORDS, FUNCTION_WORDS, is_filler
from vaultgraph.config import Config
from vaultgraph.model import Concept, Note, Occurrence, Term, Vault, WeekInfo

# How much one occurrence counts, by how it was marked.
SOURCE_WEIGHTS: dict[str, float] = {
    "link": 3.0,
    "front-matter": 2.0,
    "strong": 2.0,
    "mark": 2.0,
    "tag": 1.5,
    "heading": 1.0,
    "prose": 1.0,
    "verb": 0.3,
}
KNOWN_BOOST = 2.0  # the term names a concept note or a glossary entry
PHRASE_BOOST = 1.5  # a multi-word English term is more specific than any of its words
CAPITALS_BOOST = 1.2  # a capital first letter in notes written in lower case may mark a name (Augraphy)
NAME_BOOST = 1.6  # inner capitals, or letters joined to digits or hyphens, spell a name (KL, ViT, Monte-Carlo)
KOREAN_WEIGHT = 0.5  # Korean prose nouns: noisier (esp. without kiwipiepy) and often narrative
LOAN_WEIGHT = 0.7  # ... but a loanword (`멘토링`, `푸리에`) is how Korean spells a foreign term
MAX_PHRASE_WORDS = 4  # a longer leftover run is a sentence, not a term
SHORT_PARTICLES = tuple(p for p in PARTICLES if len(p) == 1)
_WHOLE = frozenset({"link", "tag", "front-matter"})  # sources that name one concept as a whole
# A capital after a letter (`ViT`, `HPO`), or letters joined to digits or by a hyphen or dot inside a word.
# Two capitals alone (`DB`, `MT`) are as often a plain abbreviation as a name: they count as capitals.
_PARENTHESIS = re.compile(r"\s*[(\[][^)\]]*[)\]]\s*$")  # `최적화 기법 정리 (예전)`: a note on the side
_NAME_SHAPE = re.compile(r"[a-z][A-Z]|[A-Z]{3}|[A-Z]{2}[a-z ]|[A-Za-z][0-9]|[0-9][A-Za-z]|[A-Za-z][.\-][A-Za-z]")


@dataclass(slots=True)
class _Entity:
    label: str | None = None
    """Fixed label (a concept note's title or a glossary label); None: chosen from the forms."""
    note: str | None = None
    forms: Counter[str] = field(default_factory=Counter)
    occurrences: list[Occurrence] = field(default_factory=list)
    weights: dict[str, float] = field(default_factory=lambda: defaultdict(float))
    """Weighted count per note path."""


class _Vocabulary:
    """Names of known concepts (concept notes, glossary) by `variant_key`."""

    def __init__(self, vault: Vault, glossary: dict[str, list[str]]):
        self.names: dict[str, str] = {}
        self._misses: dict[str, str | None] = {}
        self.longest = 1
        """Words in the longest name (at most 8): the longest n-gram worth looking up."""
        self.entities: dict[str, _Entity] = {}
        for note in vault.notes.values():
            if note.readable and not _has_week(note) and _names_a_concept(note):
                ident = f"note:{note.path}"
                self.entities[ident] = _Entity(label=note.title or note.stem, note=note.path)
                for name in (note.title, note.stem, *note.aliases):
                    self._add(name, ident)
        for label, aliases in glossary.items():
            names = (label, *aliases)
            ident = next((self.names[k] for k in map(variant_key, names) if k in self.names), f"gloss:{label}")
            self.entities.setdefault(ident, _Entity(label=label))
            for name in names:
                self._add(name, ident)

    def _add(self, name: str, ident: str) -> None:
        self.names.setdefault(variant_key(name), ident)
        self.longest = max(self.longest, min(len(name.split()), 8))  # bounds the n-gram search

    def find(self, text: str) -> str | None:
        key = variant_key(text)
        if key in self.names:
            return self.names[key]
        if key not in self._misses:
            # Without kiwipiepy a noun's last syllable may have been cut as a particle (`푸리에` -> `푸리`).
            self._misses[key] = (
                next((self.names[key + p] for p in SHORT_PARTICLES if key + p in self.names), None)
                if key and has_hangul(key[-1])
                else None
            )
        return self._misses[key]


def _names_a_concept(note: Note) -> bool:
    """False for hub notes: a long title, or one ending in a collection word (`멘토링 질문 모음`), or `index`."""
    title = _PARENTHESIS.sub("", note.title or note.stem).split()
    return (
        note.stem.casefold() not in COLLECTION_WORDS
        and len(title) <= MAX_PHRASE_WORDS
        and not (len(title) > 1 and title[-1].casefold() in COLLECTION_WORDS)
    )


def _has_week(note: Note) -> bool:
    return note.week is not None and bool(note.week.key)


def _week_order(week: WeekInfo) -> tuple[int, str, int, str]:
    if week.week is not None:
        return (0, week.series or "", week.week, "")
    return (1, "", 0, week.iso_week or "")


class _Builder:
    def __init__(self, vault: Vault, settings: dict[str, Any]):
        self.vault = vault
        self.vocab = _Vocabulary(vault, settings["glossary"])
        self.entities = self.vocab.entities
        self.singles: Counter[str] = Counter()
        self.compounds: Counter[str] = Counter()
        self._memo: dict[tuple[str, str, str], list[tuple[str, str, float]]] = {}
        for note in vault.notes.values():
            for term in note.terms:
                if term.source not in _WHOLE:
                    words = term.text.split()
                    (self.singles if len(words) == 1 else self.compounds)[variant_key(term.text)] += 1

    def add_note(self, note: Note) -> None:
        week = note.week.key if _has_week(note) and note.week is not None else None
        for term in note.terms:
            for form, ident, weight in self._weighed(term, note):
                entity = self.entities.get(ident)
                if entity is None:  # not setdefault: building a spare _Entity per term was a tenth of the run
                    entity = self.entities[ident] = _Entity()
                entity.forms[form] += 1
                entity.occurrences.append(Occurrence(note.path, term.line, term.section, term.block, week, term.source))
                entity.weights[note.path] += weight

    def _weighed(self, term: Term, note: Note) -> list[tuple[str, str, float]]:
        """(form as written, entity id, weight) of each concept a term names.

        They depend only on the term's source and text (and, for a link, on the folder its target is
        resolved from), and a vault repeats the same terms thousands of times: each is worked out once.
        """
        where = ""
        if term.source == "link":  # notes of one folder resolve a target alike (see `Vault.resolve`)
            where = posixpath.dirname(note.path) if term.text.strip() else note.path
        key = (term.source, term.text, where)
        found = self._memo.get(key)
        if found is None:
            found = self._memo[key] = [
                (form, ident, self._weight(term, form, ident)) for form, ident in self._concepts_of(term, note)
            ]
        return found

    def _weight(self, term: Term, form: str, ident: str) -> float:
        weight = SOURCE_WEIGHTS.get(term.source, 1.0)
        if not ident.startswith("term:"):
            return weight * KNOWN_BOOST
        if has_hangul(form):
            return weight * (LOAN_WEIGHT if looks_borrowed(form) else KOREAN_WEIGHT)
        # A phrase cut out of a long run (a paper title, an English sentence) is not boosted.
        short_run = term.text.count(" ") < MAX_PHRASE_WORDS
        weight *= PHRASE_BOOST if " " in form and short_run else 1.0
        return weight * _shape_boost(form)

    def _concepts_of(self, term: Term, note: Note) -> list[tuple[str, str]]:
        """(form as written, entity id) of each concept a term names."""
        if term.source == "link":
            return self._link(term.text, note)
        if term.source in _WHOLE:
            return [(term.text, self.vocab.find(term.text) or f"term:{variant_key(term.text)}")]
        words = term.text.split()
        found: list[tuple[str, str]] = []
        rest: list[str] = []
        i = 0
        while i < len(words):
            for j in range(min(len(words), i + self.vocab.longest), i, -1):
                ident = self.vocab.find(" ".join(words[i:j]))
                if ident is not None:
                    found.extend(self._split(rest))
                    rest = []
                    found.append((" ".join(words[i:j]), ident))
                    i = j
                    break
            else:
                rest.append(words[i])
                i += 1
        found.extend(self._split(rest))
        return found

    def _link(self, target: str, note: Note) -> list[tuple[str, str]]:
        resolution = self.vault.index.resolve(target, note.path, "wikilink")
        if resolution.status not in ("note", "ambiguous"):
            resolution = self.vault.index.resolve(target, note.path, "markdown")
        if resolution.status in ("note", "ambiguous") and resolution.path is not None:
            ident = f"note:{resolution.path}"
            name = target.rsplit("/", 1)[-1]
            form = name[:-3] if name.lower().endswith(".md") else name  # a spelling, not a path
            return [(form, ident)] if ident in self.entities else []  # a dated note: navigation
        if resolution.status != "missing" or target.lower().endswith(".md"):
            return []
        name = target.rsplit("/", 1)[-1]
        return [(name, self.vocab.find(name) or f"term:{variant_key(name)}")]

    def _split(self, words: list[str]) -> list[tuple[str, str]]:
        """Concepts in a run of words that matched no known name."""
        if not words:
            return []
        if has_hangul(words[0]):
            whole = " ".join(words)
            if len(words) == 1 or self.compounds[variant_key(whole)] >= 2:
                return [(whole, f"term:{variant_key(whole)}")]
            return [(word, f"term:{variant_key(word)}") for word in words]
        found: list[tuple[str, str]] = []
        piece: list[str] = []
        for word in [*words, ""]:
            if word and word.casefold() not in FUNCTION_WORDS and len(word) > 1:
                piece.append(word)
                continue
            found.extend(self._phrase(piece))
            piece = []
        return found

    def _phrase(self, words: list[str]) -> list[tuple[str, str]]:
        """A run of content words: peel off edge words the vault uses alone, keep the middle whole."""
        start, end = 0, len(words)
        while end - start > 1 and self.singles[variant_key(words[start])] >= 2:
            start += 1
        while end - start > 1 and self.singles[variant_key(words[end - 1])] >= 2:
            end -= 1
        head, rest, tail = words[:start], words[start:end], words[end:]
        middle = [" ".join(rest)] if 0 < len(rest) <= MAX_PHRASE_WORDS else rest
        return [(form, f"term:{variant_key(form)}") for form in (*head, *middle, *tail)]


def _shape_boost(form: str) -> float:
    """How much a term's spelling says it is a name rather than an English word used in passing."""
    if _NAME_SHAPE.search(form):
        return NAME_BOOST  # `KL divergence`, `ViT`, `HPO`, `Monte-Carlo`, `d2l.ai`, `l1 norm`
    return CAPITALS_BOOST if form != form.lower() else 1.0


def _keep(ident: str, label: str, stopwords: frozenset[str]) -> bool:
    key = fold(label)
    if key in stopwords:
        return False
    if not ident.startswith("term:"):
        return True  # the user named it: a concept note or a glossary entry
    if is_filler(key) or not any(ch.isalpha() for ch in key):
        return False
    return len(key) > 1  # single letters and lone syllables (`때`, `x`) name nothing


def build_concepts(vault: Vault, config: Config | None = None) -> list[Concept]:
    """Every concept of the vault, most salient first."""
    settings = {**DEFAULTS, **(config.sections.get("concepts", {}) if config is not None else {})}
    builder = _Builder(vault, settings)
    notes = [note for note in vault.notes.values() if note.readable]
    for note in notes:
        builder.add_note(note)
    stopwords = frozenset(settings["stopwords"])
    weeks = {n.week.key: n.week for n in notes if n.week is not None and n.week.key}
    total = len(notes)
    merged: dict[str, Concept] = {}
    for ident, entity in builder.entities.items():
        if not entity.occurrences:
            continue
        label = entity.label or best_label(entity.forms)
        if not _keep(ident, label, stopwords):
            continue
        key = fold(label)
        concept = merged.setdefault(key, Concept(key=key, label=label, score=0.0, count=0, note=entity.note))
        idf = math.log((total + 1) / (len(entity.weights) + 1)) + 1
        concept.score += sum(math.log1p(w) for w in entity.weights.values()) * idf
        concept.count += len(entity.occurrences)
        concept.occurrences.extend(entity.occurrences)
        concept.variants.extend(f for f, _ in entity.forms.most_common() if f not in concept.variants)
        concept.note = concept.note or entity.note
    result = []
    for concept in merged.values():
        if concept.count < settings["min-count"]:
            continue
        concept.notes = sorted({o.path for o in concept.occurrences})
        concept.weeks = sorted({o.week for o in concept.occurrences if o.week}, key=lambda k: _week_order(weeks[k]))
        concept.score = round(concept.score * (1 + 0.5 * math.log(max(len(concept.weeks), 1))), 3)
        result.append(concept)
    # Ties go to the concept met first in reading order (notes by path, then line), then to the key.
    result.sort(key=lambda c: (-c.score, -c.count, min((o.path, o.line) for o in c.occurrences), c.key))
    return result
