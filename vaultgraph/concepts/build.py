"""`build_concepts(vault, config) -> list[Concept]`: merge every note's terms into ranked concepts.

1. The series' own vocabulary is found from the vault (`template`): boilerplate lines, title
   template words, series and category names.
2. Each term is cut into the concepts it names (`segment`): concept notes and the glossary first,
   then phrases the vault repeats. Terms on boilerplate lines do not count.
3. Spellings of one concept are joined (`merge`): plurals, contractions, abbreviations and glosses
   the author wrote, Korean abbreviations, sites and their names.
4. Each concept is scored by termhood against general language and by spread (`score`); what is
   filler, series vocabulary, boilerplate or no rarer here than in general language is dropped,
   with the reason kept for `concepts --explain` (`rank_concepts` returns both).
"""

from __future__ import annotations

import posixpath
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace

from vaultgraph.concepts.background import Background
from vaultgraph.concepts.explain import Candidate
from vaultgraph.concepts.merge import believed_pairs, merge_groups
from vaultgraph.concepts.normalize import best_label, fold, strip_particle, variant_key
from vaultgraph.concepts.score import NAMED_SOURCES, SOURCE_WEIGHTS, Evidence, evidence
from vaultgraph.concepts.segment import (
    MAX_PHRASE_WORDS,
    Segmenter,
    Vocabulary,
    collection_name,
    has_week,
    names_a_concept,
)
from vaultgraph.concepts.settings import DEFAULTS
from vaultgraph.concepts.stopwords import is_course_word, is_filler, is_measure, is_problem_site, is_version_or_id
from vaultgraph.concepts.template import SeriesVocabulary, boilerplate_lines, is_template, repeated, series_names
from vaultgraph.config import Config
from vaultgraph.model import Concept, Note, Occurrence, Term, Vault, WeekInfo

KOREAN_VAULT_SHARE = 0.25  # of prose terms with Hangul: Korean notes mix in many English terms


@dataclass(slots=True)
class _Entity:
    forms: Counter[str] = field(default_factory=Counter)
    occurrences: list[Occurrence] = field(default_factory=list)
    weights: dict[str, float] = field(default_factory=lambda: defaultdict(float))
    """Weighted count per note path."""
    boilerplate: Counter[str] = field(default_factory=Counter)
    """Spellings seen on boilerplate lines, not counted."""
    short_runs: int = 0
    """Occurrences cut from a run of at most MAX_PHRASE_WORDS words (not a sentence or paper title)."""


@dataclass(slots=True)
class Ranking:
    concepts: list[Concept]
    candidates: dict[str, Candidate]
    """Every candidate by key, kept or dropped."""
    spellings: dict[str, str]
    """variant_key of every spelling seen -> the key of its candidate."""
    vocabulary: SeriesVocabulary

    def find(self, term: str) -> Candidate | None:
        """The candidate `term` is a spelling of (`lstm이` and `팀원들` as `lstm` and `팀원`), or None."""
        for form in (term, strip_particle(term)[0]):
            key = self.spellings.get(variant_key(form))
            if key is not None:
                return self.candidates.get(key)
        return None


def build_concepts(vault: Vault, config: Config | None = None) -> list[Concept]:
    """Every concept of the vault, most salient first."""
    return rank_concepts(vault, config).concepts


def rank_concepts(vault: Vault, config: Config | None = None) -> Ranking:
    """The concepts, most salient first, and every candidate with why it was kept or dropped."""
    settings = {**DEFAULTS, **(config.sections.get("concepts", {}) if config is not None else {})}
    # A template (by its placeholders, or in the template folder the vault's settings name) is no note of the series.
    notes = [n for n in vault.notes.values() if n.readable and not is_template(n) and n.path not in vault.templates]
    vocab = Vocabulary(notes, settings["glossary"])
    collector = _Collector(vault, notes, vocab, boilerplate_lines(notes))
    for note in notes:
        collector.add_note(note)
    background = collector.background
    vocabulary = series_names(
        notes,
        collector.title_keys,
        collector.boilerplate_places,
        (ident[5:] for ident in collector.entities if ident.startswith("term:")),
        background.en.__contains__,
        frozenset(
            ident
            for ident, entity in collector.entities.items()
            if entity.occurrences and all(o.source == "title" for o in entity.occurrences)
        ),
    )
    groups = merge_groups(
        {ident: entity.forms for ident, entity in collector.entities.items()},
        {ident: set(entity.weights) for ident, entity in collector.entities.items()},
        collector.pairs,
        vocab.names.get,
        lambda word: word in background.ko,
        lambda word: word in background.en,
    )
    members: dict[str, list[str]] = defaultdict(list)
    for ident, root in groups.items():
        members[root].append(ident)
    weeks = {n.week.key: _week_order(n.week) for n in notes if n.week is not None and n.week.key}
    ranking = Ranking([], {}, {}, vocabulary)
    stopwords = frozenset(settings["stopwords"])
    for root, idents in members.items():
        _rank_group(ranking, collector, root, idents, stopwords, settings["min-count"], len(notes), weeks)
    _sort(ranking.concepts)
    _discount_echoes(ranking)
    _sort(ranking.concepts)
    return ranking


def _words(key: str) -> list[str]:
    """The words of a key, a hyphenated word also as its parts: `soft-nms` is `soft` and `nms`, but a
    single letter is part of a name (`r-cnn`, `u-net`)."""
    words = []
    for word in key.split():
        parts = word.split("-")
        words.extend(parts if len(parts) > 1 and min(map(len, parts)) > 1 else [word])
    return words


def _sort(concepts: list[Concept]) -> None:
    # Ties go to the concept met first in reading order (notes by path, then line), then to the key.
    concepts.sort(key=lambda c: (-c.score, -c.count, min((o.path, o.line) for o in c.occurrences), c.key))


def _discount_echoes(ranking: Ranking) -> None:
    """A phrase one of whose words is a concept ranked above it is mostly that concept again
    (`Deformable DETR` below `DETR`): its score takes ECHO_DISCOUNT (see `score`)."""
    above: set[str] = set()
    for concept in ranking.concepts:
        words = _words(concept.key)
        echoed = next((word for word in words if word in above), None) if len(words) > 1 else None
        above.add(concept.key)
        candidate = ranking.candidates[concept.key]
        if echoed is None or candidate.evidence is None:
            continue
        found = replace(candidate.evidence, echoes=echoed)
        ranking.candidates[concept.key] = replace(candidate, evidence=found)
        concept.score = round(found.score, 3)


class _Collector:
    """Every note's terms, as weighted occurrences of entities (`term:KEY`, `note:PATH`, `gloss:LABEL`)."""

    def __init__(self, vault: Vault, notes: list[Note], vocab: Vocabulary, boilerplate: frozenset[tuple[str, int]]):
        self.vocab = vocab
        self.boilerplate_places = boilerplate
        self.boilerplate: dict[str, set[int]] = defaultdict(set)
        """Boilerplate lines by note path."""
        for path, line in boilerplate:
            self.boilerplate[path].add(line)
        self.entities: dict[str, _Entity] = {ident: _Entity() for ident in vocab.labels}
        self.title_keys: dict[str, set[str]] = defaultdict(set)
        self.words = 0
        self.segmenter = Segmenter(vault, notes, vocab)
        self.background = Background(korean=self.segmenter.hangul_share >= KOREAN_VAULT_SHARE)
        self.segmenter.is_name = lambda word: len(word) > 2 and word not in self.background.en
        self.pairs = believed_pairs(self.segmenter.pairs, self.background.frequency)
        for pair in self.pairs:
            for side in pair:
                self.segmenter.keep_whole(side)
        self._known = set(vocab.labels)
        self._concept_notes = {path for _, path in vocab.labels.values() if path is not None}
        self._hubs = {n.path for n in notes if not has_week(n) and not names_a_concept(n)}
        self._memo: dict[tuple[str, str, str], list[tuple[str, str, float]]] = {}

    def add_note(self, note: Note) -> None:
        path = note.path
        week = note.week.key if note.week is not None and note.week.key else None
        # Running words, counted as spaces + 1 per segment: str.count is ten times faster than split.
        self.words += note.title.count(" ") + 1 + sum(s.text.count(" ") + 1 for s in note.segments)
        boilerplate: set[int] = self.boilerplate.get(path, set())
        concept_note, hub = path in self._concept_notes, path in self._hubs
        for term in note.terms:
            source = term.source
            if source == "abbreviation":
                continue  # a pair of spellings, not an occurrence: see `pairs`
            if source == "title" and concept_note:
                continue  # a concept note's title is what it defines, not a mention
            if hub and (source == "title" or (term.text in note.aliases and collection_name(term.text))):
                continue  # a hub's own names (`데엔 스터디 MOC`, alias `MOC`) are navigation
            on_boilerplate = term.line in boilerplate and source != "title"
            short = term.text.count(" ") < MAX_PHRASE_WORDS
            for form, ident, weight in self._weighed(term, note):
                entity = self.entities.get(ident)
                if entity is None:  # not setdefault: building a spare _Entity per term was a tenth of the run
                    entity = self.entities[ident] = _Entity()
                if source == "title":
                    self.title_keys[path].add(ident)
                if on_boilerplate:
                    entity.boilerplate[form] += 1
                    continue
                entity.forms[form] += 1
                entity.short_runs += short
                entity.occurrences.append(Occurrence(path, term.line, term.section, term.block, week, source))
                entity.weights[path] += weight

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
            weight = SOURCE_WEIGHTS.get(term.source, 1.0)
            found = self._memo[key] = [
                (form, ident, weight) for form, ident in self.segmenter.concepts_of(term, note, self._known)
            ]
        return found


def _rank_group(
    ranking: Ranking,
    collector: _Collector,
    root: str,
    idents: list[str],
    stopwords: frozenset[str],
    min_count: int,
    total: int,
    week_order: dict[str, tuple[int, str, int, str]],
) -> None:
    entities = [collector.entities[ident] for ident in idents]
    forms: Counter[str] = Counter()
    for entity in entities:
        forms.update(entity.forms)
    fixed = collector.vocab.labels.get(root)
    hidden: Counter[str] = Counter()
    for entity in entities:
        hidden.update(entity.boilerplate)
    boilerplate = hidden.total()
    if not forms and fixed is None and not boilerplate:
        return
    label = fixed[0] if fixed is not None else best_label(forms or hidden)
    key = fold(label)
    occurrences = [o for e in entities for o in e.occurrences]
    sources = Counter(o.source for o in occurrences)
    weights: dict[str, float] = defaultdict(float)
    for entity in entities:
        for path, weight in entity.weights.items():
            weights[path] += weight
    known = fixed is not None
    found = evidence(
        list(weights.values()),
        len(occurrences),
        collector.words,
        total,
        collector.background.frequency(key),
        label,
        known,
        long_run=sum(e.short_runs for e in entities) == 0,
        named=not NAMED_SOURCES.isdisjoint(sources),
    )
    series = next((r for i in idents if (r := ranking.vocabulary.reason(i))), None) or next(
        (r for f in (label, *forms) if (r := ranking.vocabulary.reason_of_spelling(f))), None
    )
    dropped = _dropped(
        key, series, known, occurrences, sources, boilerplate, found, stopwords, min_count, total, ranking
    )
    previous = ranking.candidates.get(key)
    if previous is not None and previous.dropped is None and dropped is None:
        return _join(ranking, key, occurrences, forms, found, week_order)
    week_keys = sorted({o.week for o in occurrences if o.week}, key=week_order.__getitem__)
    ranking.candidates[key] = Candidate(
        key=key,
        label=label,
        forms=[f for f, _ in (forms or hidden).most_common()],
        count=len(occurrences),
        boilerplate=boilerplate,
        notes=len(weights),
        weeks=len(week_keys),
        sources=dict(sources),
        evidence=found,
        dropped=dropped,
    )
    for form in (*forms, label, *(i.partition(":")[2] for i in idents if i.startswith("term:"))):
        ranking.spellings.setdefault(variant_key(form), key)
    if dropped is None:
        ranking.concepts.append(
            Concept(
                key=key,
                label=label,
                score=round(found.score, 3),
                count=len(occurrences),
                variants=[f for f, _ in forms.most_common()],
                notes=sorted(weights),
                weeks=week_keys,
                occurrences=occurrences,
                note=fixed[1] if fixed is not None else None,
            )
        )


def _join(
    ranking: Ranking,
    key: str,
    occurrences: list[Occurrence],
    forms: Counter[str],
    found: Evidence,
    week_order: dict[str, tuple[int, str, int, str]],
) -> None:
    """Two groups with one label (two concept notes named alike): one concept."""
    concept = next(c for c in ranking.concepts if c.key == key)
    concept.score = round(concept.score + found.score, 3)
    concept.count += len(occurrences)
    concept.occurrences.extend(occurrences)
    concept.variants.extend(f for f, _ in forms.most_common() if f not in concept.variants)
    concept.notes = sorted({o.path for o in concept.occurrences})
    concept.weeks = sorted({*concept.weeks, *(o.week for o in occurrences if o.week)}, key=week_order.__getitem__)


def _dropped(
    key: str,
    series: str | None,
    known: bool,
    occurrences: list[Occurrence],
    sources: Counter[str],
    boilerplate: int,
    found: Evidence,
    stopwords: frozenset[str],
    min_count: int,
    notes: int,
    ranking: Ranking,
) -> str | None:
    if key in stopwords:
        return "listed in [concepts] stopwords"
    if not occurrences and boilerplate:
        return f"only on boilerplate lines, lines repeated across notes ({boilerplate} uses)"
    if len(occurrences) < min_count:
        return f"seen {len(occurrences)} times, fewer than [concepts] min-count = {min_count}"
    if known:
        return None  # the user named it: a concept note or a glossary entry
    if series is not None:
        return f"the series' own vocabulary ({series})"
    if sources.keys() == {"title"} and any(ranking.vocabulary.reason(word) for word in key.split()):
        return "the series' own vocabulary (its name, in a title)"  # `boostcamp ai tech 4기 2주차 회고`
    tagged = {o.path for o in occurrences if o.source == "tag"}
    if 2 * len(tagged) >= len(occurrences) and len(tagged) >= repeated(notes):
        return f"the blog's filing (a tag on {len(tagged)} notes, rarely written out)"
    if is_filler(key) or not any(ch.isalpha() for ch in key):
        return "a filler or function word"
    if is_course_word(key):
        return "a ritual, role or part of a course (피어세션, 멘토님, P-stage, AI Math): the series' own vocabulary"
    if is_problem_site(key):
        return "a coding-test site (백준, 프로그래머스): where problems come from, not what they teach"
    if is_measure(key):
        return "a size or a model number: a setting, not a subject"  # `7B`, `175B`, `A100`, `1e-4`
    if is_version_or_id(key):
        return "a version or a commit hash: part of a name or a reference, not a subject"  # `v3`, `07044db`
    if len(key) < 2:
        return "too short to name anything"  # single letters and lone syllables (`x`, `때`)
    if found.termhood <= 0:
        return "no more frequent here than in general language"
    return None


def _week_order(week: WeekInfo) -> tuple[int, str, int, str]:
    if week.week is not None:
        return (0, week.series or "", week.week, "")
    return (1, "", 0, week.iso_week or "")
