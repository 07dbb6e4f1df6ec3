"""The series' own vocabulary, found from the vault itself: what repeats because of the series, not the subject.

A weekly retrospective series repeats its frame in every note: the program's name in each title
(`[부스트캠프 AI Tech 5기] 3주차 회고`), the numbered title words (`Day 15`, `3주차`, `16일차`,
`Week 2`), the template's headings (`## 피어세션`, `## Keep`), banner and footer lines
(`first draft: 2023.03.17`, `> 네이버 부스트캠프 AI Tech 4기 학습 기록입니다`), kramdown attribute
lines (`{: data-toc-skip='' }`) and an Obsidian daily template's checklist. None of it names a
subject, and none of it comes from a list of words: it is found by repetition across notes.

* **Boilerplate lines**: a line of prose that, with its digits masked and its case folded, is in
  at least BOILERPLATE_MIN_NOTES notes and at least BOILERPLATE_SHARE of them. Terms on such a
  line do not count (the same words elsewhere still do). A template heading is such a line.
  The share keeps a topic's heading (`## Transformer` in 3 notes of 40) from looking like a
  template; the minimum keeps two similar notes of a tiny vault from doing so.
* **Title template words**: a word written next to a number (`Day 15`, `3주차`, `week2`) in at
  least TEMPLATE_MIN_TITLES titles with at least two different numbers. A topic's numbered name
  (`ResNet 50`) keeps its number; a template counts.
* **Series names**: among the titles that carry one template word, the terms found in at least
  SERIES_TITLE_SHARE of them (and at least TEMPLATE_MIN_TITLES): `부스트캠프`, `AI Tech`, `회고`.
  A topic in a third of a series' titles *is* what the series is about, hence its name. So is a
  term in at least SERIES_TITLE_ONLY of those titles that the notes never write but in titles (a team
  name, `minibatch28` in `[boostcourse] Day9 학습기록_minibatch28`, on a third of a course's days): a
  topic is written about in the notes themselves.
* **A course's projects**: a title template word whose numbers repeat across titles, at least
  STAGE_TITLES_PER_NUMBER titles per number (`1단계`, `2단계`; `레벨1`, `레벨2`), numbers the steps of
  something rather than the notes of a series (`Day 15`, `3주차`: one title each). The title term
  written right before such a number with two numbers or more (`볼링 점수판` in `[레벨1] 볼링 점수판 1단계
  회고` and `... 2단계 회고`) is a project of the course, a mission every note of it names, and so are
  its parts (`볼링`), unless a part is the title of a note of its own (`JPA` in `JPA 쇼핑몰`, when
  `JPA 연관관계 정리` is a post), and the compounds its name heads (`볼링 프레임`: the project's domain).
  Numbers may be listed (`로또 미션 1, 2단계`); a project of one step numbers nothing and is not found.
  A course names its projects in two more title shapes: the words right before a mission word
  (MISSION_WORDS: `체스 미션 리뷰`, `[우테코] 사다리 타기 미션 회고`), at most MAX_PROJECT_WORDS words back
  to a bracket, dash or colon; and a parenthesis closing a numbered week's title (`레벨1 4주차 회고
  (블랙잭)`) whose words recur in another title (`블랙잭 미션 리뷰`): a week's retrospective names the
  project of that week, a topic of the week has its own post instead.
* **Templates**: a note whose title or front matter holds a template placeholder (`{{date}}`,
  Templater's `<% tp.date.now() %>`) is the frame other notes are made from; it is left out.
* **Phrases of series words**: `boostcamp AI Tech` when `boostcamp` and `AI Tech` both are.
* **Numbered stages**: an ordinary English word numbered two ways or more (`level1`, `level2`,
  `week3`), and the word itself (`level`): the series' stages. Names with numbers (`ResNet18`, `GPT-2`) are no ordinary words.
* **Filing tags**: a term used mostly as a tag (at least half its uses), on as many notes as a
  boilerplate line is in (`paper-review`, `daily`, `boostcamp`): the blog's filing, not a subject.
  A topic that is also a tag (`PyTorch` tagged on 4 notes, written in 10 more places) stays.
* **Category and series names**: the name of a series of numbered weeks (`WeekInfo.series`), and
  other series (known by date only) and front matter `categories` values that hold as many notes as
  a boilerplate line is in (a category of one side post, `Docker`, is its subject): the blog's own
  filing, which stays in the graph as series.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from vaultgraph.concepts.normalize import fold, has_hangul, strip_particle, variant_key
from vaultgraph.model import Note
from vaultgraph.parse.frontmatter import string_list

BOILERPLATE_MIN_NOTES = 3
BOILERPLATE_SHARE = 0.1
TEMPLATE_MIN_TITLES = 3
SERIES_TITLE_SHARE = 1 / 3
SERIES_TITLE_ONLY = 5
STAGE_TITLES_PER_NUMBER = 2
MISSION_WORDS = frozenset({"미션", "mission"})  # a course's assignment: what a title names before it is a project
MAX_PROJECT_WORDS = 3  # `방탈출 예약 관리 미션`: a longer run before a mission word is a sentence
_TITLE_BREAK = re.compile(r"[\[\](){}\-–—:|/,]")
_CLOSING_PARENTHESIS = re.compile(r"\(([^()]+)\)\s*$")
PROJECT = "a course project: the subject of numbered steps or a mission"
_DIGITS = re.compile(r"\d+")
_DIGIT = re.compile(r"\d")
_SEPARATORS = re.compile(r"[\s\-_.]+")
_STAGE = re.compile(r"([a-z]{3,})(\d{1,2})")
_HAS_WORD = re.compile(r"[^\W\d_]")
_PLACEHOLDER = re.compile(r"\{\{[^{}]*\}\}|<%.*?%>")
# A word right after a number (`3주차`, `16 days`) or right before one (`Day 15`, `week-2`).
_AFTER_NUMBER = re.compile(r"(?<![^\W\d_])(\d+)[ \-_]?([^\W\d_]+)")
_BEFORE_NUMBER = re.compile(r"([^\W\d_]+)[ \-_]?(\d+)(?![^\W\d_])")
# Numbers listed before one word (`1, 2단계`, `20~21일차`): each of them numbers it.
_NUMBER_LIST = re.compile(r"(?<![^\W\d_])(\d+(?:\s*[,~]\s*\d+)+)[ \-_]?([^\W\d_]+)")


@dataclass(frozen=True, slots=True)
class SeriesVocabulary:
    boilerplate: frozenset[tuple[str, int]]
    """(note path, line) of every boilerplate line."""
    names: dict[str, str]
    """variant_key or entity id -> why it is the series' vocabulary (`series name`, `title template word`, ...)."""

    def reason(self, key: str) -> str | None:
        """Why the term with this variant key (or entity id) is series vocabulary, or None."""
        found = self.names.get(key)
        if found is None and key[:1].isdigit():
            found = self.names.get(_DIGITS.sub("", key))  # `1weeks`, `16days`: a template word glued to its number
        if found is None and has_hangul(key[-1:]):
            # Without kiwipiepy a last syllable may have been read as a particle in one place and not in
            # another: `지하철 노선도 1단계` gave `지하철 노선`, `지하철 노선도를` gives `지하철 노선도`.
            found = self.names.get(strip_particle(key)[0])
        return found

    def reason_of_spelling(self, form: str) -> str | None:
        """`reason` of a spelling's variant key, or of a numbered part of it (`Boostcamp-1weeks`), or
        of its words together (`boostcamp AI Tech`)."""
        key = variant_key(form)
        found = self.reason(key)
        parts = _SEPARATORS.split(fold(form))
        if found is None and len(parts) > 1 and _spelled_with(key, self.names):
            found = "made of series words"  # `boostcamp AI Tech`
        if found is None and len(parts) > 1:
            numbered = (_DIGITS.sub("", p) for p in parts if p[:1].isdigit())
            found = next((self.names[word] for word in numbered if word in self.names), None)
        if found is None and len(parts) > 1 and self.names.get(variant_key(parts[0])) == PROJECT:
            found = PROJECT  # `볼링 프레임`, `로또 번호`: a compound headed by a project's name is its domain
        return found


def _spelled_with(key: str, names: dict[str, str]) -> bool:
    """True when `key` is two or more of `names` (and numbers) one after another: `boostcamp` + `aitech`."""
    ends = {0: 0}  # position -> how many names reach it
    for end in range(1, len(key) + 1):
        for start, parts in list(ends.items()):
            piece = key[start:end]
            if start < end and (piece in names or piece.isdigit()) and end not in ends:
                ends[end] = parts + (not piece.isdigit())
    return ends.get(len(key), 0) >= 2


def is_template(note: Note) -> bool:
    """True for a note template (`{{date}}`, `<% tp.file.title %>` in its title or front matter)."""
    values = [note.title, *(v for v in note.front_matter.values() if isinstance(v, str))]
    return any(_PLACEHOLDER.search(value) for value in values)


def series_names(
    notes: list[Note],
    title_concepts: dict[str, set[str]],
    boilerplate: frozenset[tuple[str, int]],
    keys: Iterable[str] = (),
    is_word: Callable[[str], bool] = lambda word: False,
    title_only: frozenset[str] = frozenset(),
) -> SeriesVocabulary:
    """The series' vocabulary; `title_concepts`: the entity ids (`term:KEY`, ...) named in each note's title;
    `keys`: every term's variant key, and `is_word` whether a word is an ordinary English one (for
    numbered stages); `title_only`: the entity ids written in titles and nowhere else."""
    names: dict[str, str] = {}
    filed: dict[str, set[str]] = defaultdict(set)
    series: dict[str, set[str]] = defaultdict(set)
    for note in notes:
        for value in string_list(note.front_matter.get("categories")) + string_list(note.front_matter.get("category")):
            filed[variant_key(value)].add(note.path)
        if note.week is not None and note.week.series:
            series[variant_key(note.week.series)].add(note.path)
            if note.week.week is not None:  # numbered weeks (`2주차`): a series whatever its size
                names.setdefault(variant_key(note.week.series), "series name")
    need = repeated(len(notes))
    names.update({key: "series name" for key, paths in series.items() if len(paths) >= need and key not in names})
    names.update({key: "category name" for key, paths in filed.items() if len(paths) >= need and key not in names})
    templates = _title_template_words(notes)
    for word in templates:
        names.setdefault(word, "title template word")
    for ident in _series_title_words({w: seen.paths for w, seen in templates.items()}, title_concepts, title_only):
        names.setdefault(ident, "series name in titles")
    for key in _course_projects(notes, templates):
        names.setdefault(key, PROJECT)
    for key in _numbered_stages(keys, is_word):
        names.setdefault(key, "a numbered stage")
    return SeriesVocabulary(boilerplate, names)


def _numbered_stages(keys: Iterable[str], is_word: Callable[[str], bool]) -> list[str]:
    """`level1`, `level2`; `week3`, `week4`: an ordinary word numbered two ways or more is a stage of the
    series, and so is the word itself (`level`). A name with a number (`ResNet18`, `GPT-2`, `Recall@10`)
    is no ordinary word, and keeps it."""
    numbered: dict[str, list[str]] = defaultdict(list)
    for key in keys:
        match = _STAGE.fullmatch(key)
        if match and is_word(match.group(1)):
            numbered[match.group(1)].append(key)
    return [key for stem, found in numbered.items() if len(found) >= 2 for key in (stem, *found)]


def boilerplate_lines(notes: list[Note]) -> frozenset[tuple[str, int]]:
    """(path, line) of every line repeated across notes (see the module docstring).

    Lines are compared by their prose (segments joined) with runs of digits masked: one pass over
    the vault's text, run on every `concepts` or `graph`, so nothing costlier than a hash per line
    (boilerplate is repeated to the letter).
    """
    need = repeated(len(notes))
    if len(notes) <= need:
        return frozenset()  # a line in every note of a tiny vault may as well be its subject
    where: dict[str, list[tuple[str, int]]] = {}
    has_digit, digits = _DIGIT.search, _DIGITS.sub
    for note in notes:
        path = note.path
        for line, text in _lines(note):
            key = (digits("0", text) if has_digit(text) else text).strip()
            places = where.get(key)
            if places is None:
                where[key] = [(path, line)]
            else:
                places.append((path, line))
    found: set[tuple[str, int]] = set()
    for key, places in where.items():
        if len(places) >= need and len({path for path, _ in places}) >= need and _HAS_WORD.search(key):
            found.update(places)
    return frozenset(found)


def _lines(note: Note) -> Iterator[tuple[int, str]]:
    """(line, text) of each line with prose: the line's segments (`Day 1` and `)` around a link) joined."""
    line = 0
    parts: list[str] = []
    for segment in note.segments:
        if segment.line != line and parts:
            yield line, " ".join(parts)
            parts = []
        line = segment.line
        parts.append(segment.text)
    if parts:
        yield line, " ".join(parts)


def repeated(notes: int) -> int:
    """In how many notes a line (or a category) must be to be the series' rather than a subject's."""
    return max(BOILERPLATE_MIN_NOTES, math.ceil(BOILERPLATE_SHARE * notes))


def _numbered_words(title: str) -> Iterable[tuple[str, str, int]]:
    """(template word's variant key, its number, where the pair starts in the folded title)."""
    text = fold(title)
    for match in _AFTER_NUMBER.finditer(text):
        yield variant_key(match.group(2)), match.group(1), match.start()
    for match in _BEFORE_NUMBER.finditer(text):
        yield variant_key(match.group(1)), match.group(2), match.start()
    for match in _NUMBER_LIST.finditer(text):
        for number in _DIGITS.findall(match.group(1))[:-1]:  # the last one `_AFTER_NUMBER` found
            yield variant_key(match.group(2)), number, match.start()


@dataclass(frozen=True, slots=True)
class _Numbered:
    paths: set[str]
    """The notes whose titles number this word."""
    numbers: set[str]


def _title_template_words(notes: list[Note]) -> dict[str, _Numbered]:
    """Template word -> the titles it is numbered in, and its numbers."""
    found: dict[str, _Numbered] = defaultdict(lambda: _Numbered(set(), set()))
    for note in notes:
        for word, number, _ in _numbered_words(note.title):
            found[word].paths.add(note.path)
            found[word].numbers.add(number)
    return {
        word: seen for word, seen in found.items() if len(seen.paths) >= TEMPLATE_MIN_TITLES and len(seen.numbers) >= 2
    }


def _is_stage(seen: _Numbered) -> bool:
    """A template word numbering the steps of projects (`1단계`, `레벨2`), not the notes of a series."""
    return len(seen.paths) >= STAGE_TITLES_PER_NUMBER * len(seen.numbers)


def _course_projects(notes: list[Note], templates: dict[str, _Numbered]) -> set[str]:
    """Variant keys of the projects a course numbers in steps (see the module docstring): the title term
    written right before a stage's number (`볼링 점수판` in `[레벨1] 볼링 점수판 2단계 회고`) with two
    numbers or more, and its parts, unless a part is the title of a note of its own."""
    stages = {word for word, seen in templates.items() if _is_stage(seen)}
    numbers: dict[str, set[str]] = defaultdict(set)
    where: dict[str, set[str]] = defaultdict(set)
    for note in notes:
        text = fold(note.title)
        places = [(text.find(fold(t.text)), fold(t.text)) for t in note.terms if t.source == "title"]
        for word, number, start in _numbered_words(note.title):
            before = [(at + len(term), term) for at, term in places if at >= 0 and at + len(term) <= start]
            if word in stages and before:
                subject = max(before)[1]
                numbers[subject].add(number)
                where[subject].add(note.path)
    projects = {subject for subject, seen in numbers.items() if len(seen) >= 2}
    for subject, paths in _named_projects(notes).items():
        projects.add(subject)
        where[subject] |= paths
    titled = {
        variant_key(t.text)
        for note in notes
        if not any(note.path in where[project] for project in projects)
        for t in note.terms
        if t.source == "title"
    }
    found: set[str] = set()
    for project in projects:
        words = project.split()
        parts = {" ".join(words[i:j]) for i in range(len(words)) for j in range(i + 1, len(words) + 1)}
        found |= {variant_key(part) for part in parts if part == project or variant_key(part) not in titled}
    return found


def _named_projects(notes: list[Note]) -> dict[str, set[str]]:
    """Folded project names written before a mission word, or closing a numbered week's title and
    recurring in another title (see the module docstring), with the notes whose titles name them."""
    found: dict[str, set[str]] = defaultdict(set)
    closing: dict[str, set[str]] = defaultdict(set)
    titles = [(note.path, fold(note.title)) for note in notes]
    for note, (path, title) in zip(notes, titles, strict=True):
        for piece in _TITLE_BREAK.split(title):
            words = piece.split()
            for at, word in enumerate(words):
                if word in MISSION_WORDS and 0 < at <= MAX_PROJECT_WORDS:
                    found[" ".join(words[:at])].add(path)
        match = _CLOSING_PARENTHESIS.search(title)
        if match and note.week is not None and note.week.week is not None:
            closing[match.group(1).strip()].add(path)
    for subject, paths in closing.items():
        recurs = {path for path, title in titles if subject in title and path not in paths}
        if recurs and len(subject.split()) <= MAX_PROJECT_WORDS:
            found[subject] |= paths | recurs
    return found


def _series_title_words(
    templates: dict[str, set[str]], title_concepts: dict[str, set[str]], title_only: frozenset[str]
) -> set[str]:
    found: set[str] = set()
    for word, paths in templates.items():
        counts: dict[str, int] = defaultdict(int)
        for path in paths:
            for ident in title_concepts.get(path, ()):
                counts[ident] += 1
        need = max(TEMPLATE_MIN_TITLES, math.ceil(SERIES_TITLE_SHARE * len(paths)))
        found |= {
            ident
            for ident, count in counts.items()
            if ident != f"term:{word}" and (count >= need or (count >= SERIES_TITLE_ONLY and ident in title_only))
        }
    return found
