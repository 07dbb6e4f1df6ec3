"""Which concepts a term names: known names first, then the vault's own evidence for phrases.

1. Vocabulary: notes without a week (concept notes, evergreen notes) name a concept by their title,
   file name and front matter aliases (a title that glosses its name, `DPR (Dense Passage Retrieval)`,
   names it `DPR` and is also spelled out), unless they are hubs (`index`, `멘토링 질문 모음`: long titles
   or ones ending in a collection word, whose links are navigation), and only on the vault's word: the
   note has aliases, or another note links to it or writes its name, or the glossary lists it. A grocery
   list, a setup log or a to-do list no other note names (`장보기`, `서버 세팅 (gpu3)`, `할 일`) is no
   concept note: its title competes as an ordinary title. The `[concepts.glossary]` adds the user's own names. Any term that matches one of these names (`variant_key`) is that concept,
   so `batchnorm을` counts for `concepts/Batch Normalization.md`.
2. Segmentation: a run of prose words is matched against the vocabulary, longest first; what is
   left is split at function words. A phrase the vault writes as a unit more than once
   (`KL divergence`, `object detection`) stays whole, whatever its words do alone; a phrase seen
   once (and not marked bold or highlighted as one) gives up an edge word the vault also uses on its own (`python` in `python clean code`),
   and a pair of names side by side (`kaggle dacon`: both words rarer than general English lists)
   is two concepts unless the author writes them together twice outside titles: a title such as
   `JPA N+1 문제`, and the links that quote it in later posts, are no evidence that `JPA` and `N+1`
   are one name. Names (capitalised, with digits, or rarer than English lists) that the vault also
   writes alone, each at least GLUED_ALONE times, and together at most GLUED_TOGETHER times, are two
   names too (`Kiwi BM25`, `DeepSpeed ZeRO-3`, `BM25 baseline`); a size or a hardware number splits a
   run like a function word (`GPT-3 175B`, `LLaMA 7B`: `stopwords.is_measure`). `A & B` is one name
   (`Wide & Deep`) unless the vault writes the words either side of `&` alone, each at least GLUED_ALONE
   times, and the whole at most GLUED_TOGETHER times (`Dataset & DataLoader` in one heading: two topics),
   or the whole is too long for one name (`Neural Networks & Multi-layer Perceptron`): then each side is
   a phrase, written as a unit wherever the whole is.
3. Korean noun runs are cut into the compounds the vault vouches for: the longest part the vault
   writes together at least twice (inside longer runs too, but not in titles or in links quoting a
   title), so `자바 예외 처리 정리` gives `자바` and `예외 처리`; failing that, the whole run when the
   author wrote it as a unit in a title, heading or bold (`트랜잭션 격리 수준`, once); failing that, its
   nouns. Repetition beats a single marking: the title's qualifier (`자바`) is no part of the topic.
   A `-적` modifier (`방어적` in `방어적 복사`) only ever heads a compound: alone it names nothing.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable

from vaultgraph.concepts.extract import title_gloss
from vaultgraph.concepts.korean import is_modifier, tokenizer
from vaultgraph.concepts.normalize import PARTICLES, has_hangul, variant_key
from vaultgraph.concepts.stopwords import COLLECTION_WORDS, FUNCTION_WORDS, SITE_PAGES, is_measure
from vaultgraph.model import Note, Term, Vault

MAX_PHRASE_WORDS = 4  # a longer leftover run is a sentence, not a term
GLUED_TOGETHER = 2  # a run of names written together at most this often, ...
GLUED_ALONE = 2  # ... whose every name the vault writes alone at least this often, is two names
SHORT_PARTICLES = tuple(p for p in PARTICLES if len(p) == 1)
WHOLE = frozenset({"link", "tag", "front-matter"})  # sources that name one concept as a whole
MARKED = frozenset({"strong", "mark"})  # a bold or highlighted span that is one term: the author's unit
UNITS = frozenset({"title", "heading", "strong", "mark"})  # where a Korean compound written once is still one
# `알아보기`, `톺아보기`, `이해하기`: how a deep-dive title says what it does with its subject. kiwi reads
# `파보기` as the nouns `파`+`보기` (view), so these endings are checked beside the tokenizer.
_TITLE_VERB = re.compile(r"(?:보기|하기)$")
_PARENTHESIS = re.compile(r"\s*[(\[][^)\]]*[)\]]\s*$")  # `최적화 기법 정리 (예전)`: a note on the side


class Vocabulary:
    """Names of known concepts (concept notes, glossary) by `variant_key`, each an entity id."""

    def __init__(self, notes: list[Note], glossary: dict[str, list[str]]):
        self.names: dict[str, str] = {}
        self.labels: dict[str, tuple[str, str | None]] = {}
        """Entity id -> (fixed label, concept note path or None)."""
        self._misses: dict[str, str | None] = {}
        self.longest = 1
        """Words in the longest name (at most 8): the longest n-gram worth looking up."""
        named = _named_elsewhere(notes)
        for label, aliases in glossary.items():  # the user's glossary names a concept too
            for name in (label, *aliases):
                named[variant_key(name)] = None
        for note in notes:
            if not has_week(note) and names_a_concept(note) and _vouched(note, named):
                ident = f"note:{note.path}"
                glossed = title_gloss(note.title) or ()  # `DPR (Dense Passage Retrieval)`: `DPR`, also so spelled
                name = concept_name(note.title or note.stem)
                self.labels[ident] = (glossed[0] if glossed else name, note.path)
                for spelling in (note.title, name, *glossed, note.stem, *note.aliases):
                    self._add(spelling, ident)
        for label, aliases in glossary.items():
            names = (label, *aliases)
            ident = next((self.names[k] for k in map(variant_key, names) if k in self.names), f"gloss:{label}")
            self.labels.setdefault(ident, (label, None))
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


def concept_name(title: str) -> str:
    """What a concept note's title names, without what only decorates it: symbols and emoji at its end
    and Korean verb forms after the name (`이벤트 루프 파보기 🔁` and `영속성 컨텍스트 이해하기` name `이벤트 루프`
    and `영속성 컨텍스트`). Prose that writes the name joins the note's concept."""
    words = title.split()
    while words and all(_decoration(char) or unicodedata.category(char)[0] == "P" for char in words[-1]):
        words.pop()  # `🔁`, `—`, `✨`
    if words:
        words[-1] = "".join(char for char in words[-1] if not _decoration(char)) or words[-1]  # `파보기🔁`
    while (
        len(words) > 1
        and has_hangul(words[-1])
        and (_TITLE_VERB.search(words[-1]) or not tokenizer().noun_runs(words[-1]))
    ):
        words.pop()  # `파보기`, `이해하기`, `알아보기`
    return " ".join(words) or title


def _decoration(char: str) -> bool:
    """An emoji or pictograph (`🔁`, `✨`), or what joins and styles one (variation selectors, ZWJ)."""
    return unicodedata.category(char) in ("So", "Sk", "Cf") or "\ufe00" <= char <= "\ufe0f"


def _named_elsewhere(notes: list[Note]) -> dict[str, str | None]:
    """variant_key of each name the vault writes -> the one note writing it, or None when several do.

    The names are link targets' file names (a concept note is linked by its name; reading the name
    spares resolving every link) and the terms of prose, headings, bold, tags and front matter (each
    distinct text keyed once: a vault repeats its terms thousands of times). Titles are left out: a
    note's title is its own name, not a mention of it.
    """
    found: dict[str, str | None] = {}
    keys: dict[str, str] = {}

    def seen(key: str, path: str) -> None:
        if found.setdefault(key, path) not in (path, None):
            found[key] = None

    for note in notes:
        for link in note.links:
            if link.target and not link.embed:
                seen(variant_key(link.target.rsplit("/", 1)[-1].removesuffix(".md")), note.path)
        for term in note.terms:
            if term.source != "title":
                key = keys.get(term.text)
                if key is None:
                    key = keys[term.text] = variant_key(term.text)
                seen(key, note.path)
    return found


def _vouched(note: Note, named: dict[str, str | None]) -> bool:
    """A note without a week is a concept note only on the vault's word: it has aliases, or another note
    links to it or writes its name, or the glossary lists it. A grocery list, a setup log or a to-do list (`장보기`, `서버 세팅
    (gpu3)`, `할 일`) that no other note names is no concept; its title competes as an ordinary title."""
    if note.aliases:
        return True
    names = (note.stem, note.title, *(title_gloss(note.title) or ()))  # `DPR (Dense Passage Retrieval)`: either
    return any(named.get(variant_key(name), note.path) != note.path for name in names)


def names_a_concept(note: Note) -> bool:
    """False for hub notes: a long title, or one ending in a collection word (`멘토링 질문 모음`), or `index`,
    and for a blog theme's pages (`categories`, `about`)."""
    title = _PARENTHESIS.sub("", note.title or note.stem).split()
    return (
        note.stem.casefold() not in COLLECTION_WORDS
        and note.stem.casefold() not in SITE_PAGES
        and len(title) <= MAX_PHRASE_WORDS
        and not (len(title) > 1 and title[-1].casefold() in COLLECTION_WORDS)
    )


def collection_name(name: str) -> bool:
    """True for a name that gathers rather than names (`MOC`, `데엔 MOC`, `질문 모음`): a hub's own name."""
    words = name.split()
    return bool(words) and words[-1].casefold() in COLLECTION_WORDS


def has_week(note: Note) -> bool:
    return note.week is not None and bool(note.week.key)


class Segmenter:
    """Cuts a term into the concepts it names, with the vault-wide counts that decide phrases."""

    def __init__(self, vault: Vault, notes: list[Note], vocabulary: Vocabulary):
        self.vault = vault
        self.vocab = vocabulary
        self.is_name: Callable[[str], bool] = lambda word: False
        """True for a lower-case Latin word rarer than general-language lists can say (`kaggle`, `dacon`)."""
        self.singles: Counter[str] = Counter()
        self.compounds: Counter[str] = Counter()
        """Multi-word runs by how often they are written as a unit (a bold one counts twice); a Korean run
        counts its parts too, and only where it is no title or a link quoting one."""
        self.marked: set[str] = set()
        """Korean runs written in a title (or a link quoting one), a heading or bold: the author's unit, even once."""
        self.written: Counter[str] = Counter()
        """Latin runs written other than as a title or a link quoting one: evidence that names side by side are one."""
        self.pairs: list[tuple[str, str]] = []
        """Spellings the author paired, `A (B)` (`extract` finds them)."""
        titles = {variant_key(t.text) for note in notes for t in note.terms if t.source == "title"}
        hangul = prose = 0
        for note in notes:
            for term in note.terms:
                if term.source == "abbreviation":
                    self.pairs.append(split_pair(term.text))
                elif term.source not in WHOLE:
                    prose += 1
                    hangul += not term.text.isascii()  # Latin terms are ASCII; the rest is Hangul
                    self._count(term, variant_key(term.text), titles)
        self.hangul_share = hangul / prose if prose else 0.0
        """Share of prose terms written in Hangul: whether the vault is written in Korean."""

    def _count(self, term: Term, key: str, titles: set[str]) -> None:
        words = term.text.split()
        bump = 2 if term.source in MARKED else 1  # `**Batch normalization**`: one name, as marked
        if len(words) == 1:
            self.singles[key] += bump
            return
        copy = term.source == "title" or (term.source == "quote" and key in titles)  # a title, or a link quoting one
        if term.text.isascii():
            # `Neural Networks & Multi-layer Perceptron` writes each side as a unit too
            for part in [term.text, *(term.text.split(" & ") if " & " in term.text else ())]:
                if " " in part:
                    self.compounds[variant_key(part)] += bump
                    self.written[variant_key(part)] += 0 if copy else bump
            return
        if copy or term.source in UNITS:
            self.marked.add(key)
        if not copy:  # a Korean run writes each of its parts together too: `방어적 복사` in `방어적 복사 누락`
            for size in range(2, len(words) + 1):
                for start in range(len(words) - size + 1):
                    self.compounds[variant_key(" ".join(words[start : start + size]))] += bump

    def keep_whole(self, phrase: str) -> None:
        """The author wrote `phrase` as one name (an abbreviation's phrase): never split it."""
        if " " in phrase:
            self.compounds[variant_key(phrase)] += 2

    def concepts_of(self, term: Term, note: Note, known: set[str]) -> list[tuple[str, str]]:
        """(form as written, entity id) of each concept a term names; `known` holds the concept notes' ids."""
        if term.source == "link":
            return self._link(term.text, note, known)
        if term.source in WHOLE:
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

    def _link(self, target: str, note: Note, known: set[str]) -> list[tuple[str, str]]:
        resolution = self.vault.index.resolve(target, note.path, "wikilink")
        if resolution.status not in ("note", "ambiguous"):
            resolution = self.vault.index.resolve(target, note.path, "markdown")
        if resolution.status in ("note", "ambiguous") and resolution.path is not None:
            ident = f"note:{resolution.path}"
            name = target.rsplit("/", 1)[-1]
            form = name[:-3] if name.lower().endswith(".md") else name  # a spelling, not a path
            return [(form, ident)] if ident in known else []  # a dated note: navigation
        if resolution.status != "missing" or target.lower().endswith(".md"):
            return []
        name = target.rsplit("/", 1)[-1]
        return [(name, self.vocab.find(name) or f"term:{variant_key(name)}")]

    def _split(self, words: list[str]) -> list[tuple[str, str]]:
        """Concepts in a run of words that matched no known name."""
        if not words:
            return []
        if has_hangul(words[0]):
            return [(form, f"term:{variant_key(form)}") for form in self._compound(words)]
        found: list[tuple[str, str]] = []
        piece: list[str] = []
        for word in [*words, ""]:
            folded = word.casefold()
            # A function word splits a run, and so does a size (`GPT-3 175B`, `LLaMA 7B`: the model, at a size).
            if word == "&" or (word and folded not in FUNCTION_WORDS and len(word) > 1 and not is_measure(folded)):
                piece.append(word)
                continue
            while piece and piece[-1] == "&":
                piece.pop()
            while piece and piece[0] == "&":
                piece.pop(0)
            found.extend(self._phrase(piece))
            piece = []
        return found

    def _compound(self, words: list[str]) -> list[str]:
        """A Korean noun run cut into the compounds the vault vouches for: the longest part written as a
        unit at least twice (`예외 처리` in `자바 예외 처리`), else the whole run if the author marked it
        (a title, heading or bold), else its nouns; a lone `-적` modifier (`방어적`) names nothing."""
        if len(words) == 1:
            return [] if is_modifier(words[0]) else words
        for size in range(len(words), 1, -1):
            for start in range(len(words) - size + 1):
                if self.compounds[variant_key(" ".join(words[start : start + size]))] >= 2:
                    head, tail = words[:start], words[start + size :]
                    return [*self._compound(head), " ".join(words[start : start + size]), *self._compound(tail)]
        if variant_key(" ".join(words)) in self.marked:
            return [" ".join(words)]
        return [word for word in words if not is_modifier(word)]

    def _glued(self, words: list[str]) -> bool:
        """Names side by side that the vault also uses apart: every word a name (not a plain lower-case
        English word), each written alone at least GLUED_ALONE times, the run together at most GLUED_TOGETHER."""
        if self.compounds[variant_key(" ".join(words))] > GLUED_TOGETHER:
            return False
        return all(
            (word != word.lower() or self.is_name(word.casefold())) and self.singles[variant_key(word)] >= GLUED_ALONE
            for word in words
        )

    def _parted_at(self, words: list[str]) -> int | None:
        """Where `A & B` parts into two: at its `&` when the whole is too long for one name (`Neural Networks &
        Multi-layer Perceptron`), or when the vault writes the words either side alone, each at least
        GLUED_ALONE times, and the whole at most GLUED_TOGETHER times (`Wide & Deep` and `Weights & Biases`,
        whose halves are no names alone, stay one); else None."""
        at = words.index("&")
        if not 0 < at < len(words) - 1:
            return None
        parted = len(words) > MAX_PHRASE_WORDS or (
            self.compounds[variant_key(" ".join(words))] <= GLUED_TOGETHER
            and self.singles[variant_key(words[at - 1])] >= GLUED_ALONE
            and self.singles[variant_key(words[at + 1])] >= GLUED_ALONE
        )
        return at if parted else None

    def _phrase(self, words: list[str]) -> list[tuple[str, str]]:
        """A run of content words: a repeated phrase stays whole; otherwise edge words the vault uses
        alone are peeled off and names side by side are parted."""
        at = self._parted_at(words) if "&" in words else None
        if at is not None:  # `Dataset & DataLoader`, `Producer & Consumer`: two topics
            return [*self._phrase(words[:at]), *self._phrase(words[at + 1 :])]
        names = len(words) > 1 and all(self.is_name(word.casefold()) for word in words)
        if names and self.written[variant_key(" ".join(words))] < 2:  # `kaggle dacon`; `JPA N+1` quoting a title
            return [(word, f"term:{variant_key(word)}") for word in words]
        if len(words) > 1 and self._glued(words):  # `Kiwi BM25`, `DeepSpeed ZeRO-3`, `BM25 baseline`
            return [(word, f"term:{variant_key(word)}") for word in words]
        if len(words) > 1 and self.compounds[variant_key(" ".join(words))] < 2:
            start, end = 0, len(words)
            while end - start > 1 and self.singles[variant_key(words[start])] >= 2:
                start += 1
            while end - start > 1 and self.singles[variant_key(words[end - 1])] >= 2:
                end -= 1
            head, rest, tail = words[:start], words[start:end], words[end:]
        else:
            head, rest, tail = [], words, []
        middle = [" ".join(rest)] if 0 < len(rest) <= MAX_PHRASE_WORDS else rest
        return [(form, f"term:{variant_key(form)}") for form in (*head, *middle, *tail)]


def split_pair(text: str) -> tuple[str, str]:
    """`MF (Matrix Factorization)` -> (`MF`, `Matrix Factorization`): an `abbreviation` term's two spellings."""
    first, _, second = text.partition(" (")
    return first, second.removesuffix(")")
