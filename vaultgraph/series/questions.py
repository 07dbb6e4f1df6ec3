"""Open questions in notes, and questions carried from one week to a later one.

What asks (see `asks`): a ``?`` ending a word; Korean phrases of not knowing or wondering
("모르겠", "이해가 안", "궁금", "헷갈", "알고 싶"); an interrogative word with a question ending
("왜 … 나올까", "왜 안 되지"); English "not sure why", "I wonder", "don't understand". "왜 …인지"
followed by a statement ("왜 필요한지 이해했음") does not ask, nor does a sentence that says the
question was answered ("풀렸", "해결"), unless it ends in ``?``.

The unit is a bullet (the whole item, since its subject often sits in a sentence before the one
that asks) or, in other blocks, the asking sentences of the block. Headings and callout titles are
titles, not questions. Text is the prose the parser kept (`Note.segments`), with inline code and
math put back as written.

Carried: a question of week N is the same as one of an earlier week M of the same series when
(a) their content words overlap: `similarity` >= `CARRY_THRESHOLD` with at least two shared terms,
or (b) it names that week ("2주차에 궁금했던 …", "지난 주 질문") and shares at least one term.
Content words are Latin terms (lower-cased) and Korean stems (one particle or ending stripped),
minus the words every question shares ("왜", "모르겠", "궁금", "아직"...). Latin terms weigh 2,
Korean stems 1, and a term that many of the vault's questions share weighs a quarter of that
(`discount_common`: in a long series the phrasing repeats, "왜 성능이 떨어지는지 모르겠다", while the
subject changes). `similarity` is the cosine of the weighted terms. The threshold was tuned on
`sample_vault`: its planted question (week 2, lstm vs transformer 연산량) scores 0.61 against its
week-5 rewording; the week-4 one (0.43) and the week-3 mention (0.14, only "연산량" shared) are
found by their "2주차"; unrelated questions of different weeks score at most 0.06. On a generated
2000-note vault, what it carries is the same subject asked with the same phrasing in another week.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass, field

from vaultgraph.model import Note, Segment
from vaultgraph.series.timeline import WeekRef, week_ref

__all__ = ["CARRY_THRESHOLD", "Question", "asks", "carried", "discount_common", "find_questions", "similarity", "terms"]

CARRY_THRESHOLD = 0.5
COMMON_MIN, COMMON_SHARE, COMMON_WEIGHT = 5, 0.05, 0.25

_ASKING = re.compile(
    r"모르겠|이해가?\s*안\s*(?:되|됨|돼|가|감|갔)|이해를?\s*못|궁금|헷갈|알고\s*싶"
    r"|\b(?:not sure (?:why|how|what|whether|if)|i wonder|wondering|(?:do not|don't|still don't) "
    r"(?:understand|get|know))\b",
    re.I,
)
_INTERROGATIVE = re.compile(
    r"(?:^|\s)(?:왜(?!냐)|뭐|무엇|어떻게|어디|언제|누가|어느)\S*.*(?:(?<!니)까|[^는은인한할을던]지|냐|나요|죠|가요)\s*[.~…]*$"
)
_QUESTION_MARK = re.compile(r"\?(?=[\s\"'”’)\]>.,!~]|$)")
_ANSWERED = re.compile(r"풀렸|풀림|해결(?:됐|됨|했)|알게\s*됐|알게\s*됨|이해했|이해가\s*됐")
_CALLOUT = re.compile(r"\s*\[![\w-]+\][+-]?")
_SENTENCE_END = re.compile(r"(?<=[.?!。])\s+")
_CODE_OR_MATH = r"(?:(`+)[^`]+\1|\$[^$\s][^$]*\$)"
_GAP = re.compile(_CODE_OR_MATH)
_LEADING = re.compile(r"(?:^|(?<=\s))" + _CODE_OR_MATH + "$")
_TRAILING = re.compile(r"\s*" + _CODE_OR_MATH)

_LATIN = re.compile(r"[a-z][a-z0-9]*(?:[-+.][a-z0-9]+)*")
_HANGUL = re.compile(r"[가-힣]+")
_WEEK_MENTION = re.compile(r"([0-9]+)\s*주차|\bweek\s*([0-9]+)", re.I)
_LAST_WEEK = re.compile(r"지난\s*주|저번\s*주|\blast week\b", re.I)
# Particles and endings, longest first so "에서" wins over "서"; one is stripped per word.
_SUFFIXES = sorted(
    {
        "이",
        "가",
        "은",
        "는",
        "을",
        "를",
        "의",
        "에",
        "에서",
        "에게",
        "로",
        "으로",
        "와",
        "과",
        "랑",
        "이랑",
        "보다",
        "도",
        "만",
        "까지",
        "부터",
        "마다",
        "처럼",
        "라는",
        "이라는",
        "이란",
        "란",
        "이나",
        "인지",
        "는지",
        "은지",
        "한지",
        "에는",
        "에도",
        "으로는",
        "로는",
        "라고",
        "이라고",
        "다는데",
        "는데",
        "은데",
        "인데",
        "했음",
        "했다",
        "했던",
        "하는",
        "하다",
        "하면",
        "해서",
        "한",
        "할",
        "함",
        "음",
        "임",
        "됨",
        "된",
        "던",
        "다",
        "까",
        "을까",
        "나요",
        "지",
    },
    key=len,
    reverse=True,
)
_SUFFIX_SET = frozenset(_SUFFIXES)
_STOP = frozenset(
    {
        "왜",
        "뭐",
        "무엇",
        "어떻게",
        "어디",
        "언제",
        "누가",
        "어느",
        "모르겠",
        "모르겠음",
        "모르겠다",
        "모르",
        "궁금",
        "이해",
        "헷갈",
        "알고",
        "싶",
        "아직",
        "아직도",
        "여전히",
        "질문",
        "주차",
        "지난",
        "저번",
        "이번",
        "다음",
        "안",
        "못",
        "수",
        "것",
        "거",
        "게",
        "건",
        "걸",
        "좀",
        "더",
        "잘",
        "그",
        "이",
        "저",
        "그런",
        "이런",
        "저런",
        "그게",
        "이게",
        "같",
        "있",
        "없",
        "되",
        "하",
        "해",
        "때",
        "또",
        "다시",
        "정말",
        "진짜",
        "계속",
        "the",
        "a",
        "an",
        "is",
        "are",
        "was",
        "why",
        "how",
        "what",
        "when",
        "which",
        "who",
        "do",
        "does",
        "did",
        "not",
        "i",
        "it",
        "to",
        "of",
        "in",
        "on",
        "and",
        "or",
        "for",
        "with",
        "this",
        "that",
        "be",
        "still",
        "sure",
        "wonder",
        "understand",
        "know",
        "get",
        "question",
        "week",
        "last",
        "more",
        "less",
        "than",
        "need",
        "needs",
        "can",
        "could",
        "should",
        "would",
    }
)


@dataclass(slots=True)
class Question:
    """A bullet or sentences of a note that ask."""

    text: str
    note: str
    line: int
    week: WeekRef | None = None
    carried_from: list[WeekRef] = field(default_factory=list)
    """Earlier weeks of the same series in which this question was asked (filled by `carried`)."""

    def to_dict(self) -> dict:
        data: dict = {"text": self.text, "note": self.note, "line": self.line}
        if self.carried_from:
            data["from"] = [ref.key for ref in self.carried_from]
        return data


def asks(text: str) -> bool:
    """Whether a sentence or bullet asks something (see the module docstring)."""
    if _QUESTION_MARK.search(text):
        return True
    if _ANSWERED.search(text):
        return False
    if _ASKING.search(text):
        return True
    return any(_INTERROGATIVE.search(sentence) for sentence in re.split(r"[.!。]\s+|\n", text))


def _line_text(raw: str, segments: list[Segment]) -> str:
    """Join a line's prose segments, putting back inline code and math the parser left out."""
    parts: list[str] = []
    cursor = 0
    for segment in segments:
        position = raw.find(segment.text, cursor)
        if position < 0:
            parts.append(segment.text)
            continue
        gap = raw[cursor:position]
        code = _GAP.fullmatch(gap) if parts else _LEADING.search(gap)
        if code:
            parts.append(code[0])
        parts.append(segment.text)
        cursor = position + len(segment.text)
    if parts and (code := _TRAILING.match(raw, cursor)) and not raw[code.end() :].strip():
        parts.append(code[0])
    text = " ".join("".join(parts).split())
    callout = _CALLOUT.match(text)
    return "" if callout else text


def _blocks(note: Note) -> list[tuple[bool, list[tuple[int, str]]]]:
    """(is a bullet, [(line, text)]) for each prose block of the note, headings left out."""
    raw_lines = [line.rstrip("\r") for line in note.text.split("\n")]
    bullets = {item.line for item in note.list_items}
    by_block: dict[int, dict[int, list[Segment]]] = {}
    for segment in note.segments:
        if segment.kind != "heading":
            by_block.setdefault(segment.block, {}).setdefault(segment.line, []).append(segment)
    blocks = []
    for lines in by_block.values():
        texts = [
            (line, _line_text(raw_lines[line - 1] if line <= len(raw_lines) else "", segments))
            for line, segments in sorted(lines.items())
        ]
        texts = [(line, text) for line, text in texts if text]
        if texts:
            blocks.append((min(lines) in bullets, texts))
    return blocks


def find_questions(note: Note) -> list[Question]:
    """The questions a note asks, in line order."""
    ref = week_ref(note.week)
    questions = []
    for bullet, lines in _blocks(note):
        if bullet:
            text = " ".join(text for _, text in lines)
            if asks(text):
                questions.append(Question(text, note.path, lines[0][0], ref))
            continue
        sentences = [(line, s) for line, text in lines for s in _SENTENCE_END.split(text) if s.strip()]
        asking = [(line, s) for line, s in sentences if asks(s)]
        if asking:
            questions.append(Question(" ".join(s for _, s in asking), note.path, asking[0][0], ref))
    return questions


def _stem(word: str) -> str:
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) > len(suffix):
            return word[: -len(suffix)]
    return word


def terms(text: str) -> dict[str, float]:
    """Content words of a question with their weight: Latin terms 2, Korean stems 1."""
    text = unicodedata.normalize("NFC", text).casefold()
    text = _WEEK_MENTION.sub(" ", text)
    found: dict[str, float] = {}
    for word in _LATIN.findall(text):
        if word not in _STOP and len(word) > 1:
            found[word] = 2
    for word in _HANGUL.findall(text):
        stem = _stem(word)
        # A lone particle is glued to a Latin term ("lstm이"); one-syllable stems are too common to tell.
        if word not in _SUFFIX_SET and len(stem) > 1 and stem not in _STOP and word not in _STOP:
            found.setdefault(stem, 1)
    return found


def discount_common(words: list[dict[str, float]]) -> list[dict[str, float]]:
    """Weigh down terms that many questions share ("성능", "설명"): they are the phrasing, not the subject.

    A term is common when at least `COMMON_MIN` questions and more than `COMMON_SHARE` of them use
    it; it then weighs `COMMON_WEIGHT` of its usual weight. Small vaults have no common terms.
    """
    counts: dict[str, int] = {}
    for found in words:
        for term in found:
            counts[term] = counts.get(term, 0) + 1
    limit = max(COMMON_MIN, COMMON_SHARE * len(words))
    common = {term for term, count in counts.items() if count >= limit}
    return [{t: w * COMMON_WEIGHT if t in common else w for t, w in found.items()} for found in words]


def similarity(a: dict[str, float], b: dict[str, float]) -> float:
    """Cosine of two weighted term sets: 1.0 for the same terms, lower as either adds its own.

    (Containment, shared / smaller, would let one long bullet naming many terms match every short
    question it contains.)
    """
    norm = math.sqrt(sum(w * w for w in a.values()) * sum(w * w for w in b.values()))
    if not norm:
        return 0.0
    return sum(weight * b[term] for term, weight in a.items() if term in b) / norm


def mentioned_weeks(text: str, week: WeekRef) -> set[WeekRef]:
    """Earlier weeks of the same series that a question names: "2주차", "week 2", "지난 주"."""
    named = {week.shifted(int(m[1] or m[2]) - week.index) for m in _WEEK_MENTION.finditer(text)}
    if _LAST_WEEK.search(text):
        named.add(week.shifted(-1))
    return {ref for ref in named if ref < week} if not week.calendar else set()


def _same(
    earlier: Question,
    later: Question,
    earlier_terms: dict[str, float],
    later_terms: dict[str, float],
    later_week: WeekRef,
    earlier_week: WeekRef,
) -> bool:
    shared = earlier_terms.keys() & later_terms.keys()
    if len(shared) >= 2 and similarity(earlier_terms, later_terms) >= CARRY_THRESHOLD:
        return True
    return bool(shared) and earlier_week in mentioned_weeks(later.text, later_week)


def carried(questions: list[Question]) -> list[Question]:
    """Fill `carried_from` of every question that an earlier week of its series already asked.

    Matches are followed back: a week-5 question matching a week-4 question that itself carried a
    week-2 one comes from weeks 2 and 4. Questions without a week are never carried. Returns the
    carried ones.
    """
    dated = sorted(((q.week, q) for q in questions if q.week is not None), key=lambda p: (p[0], p[1].note, p[1].line))
    words = discount_common([terms(q.text) for _, q in dated])
    # (axis, term) -> earlier questions of that axis with the term: a match shares at least one term.
    by_term: dict[tuple[bool, str, str], list[int]] = {}
    for i, (week, question) in enumerate(dated):
        axis = (week.calendar, week.series)
        candidates = sorted({j for term in words[i] for j in by_term.get((*axis, term), ())})
        earlier: set[WeekRef] = set()
        for j in candidates:
            other_week, other = dated[j]
            if other_week < week and _same(other, question, words[j], words[i], week, other_week):
                earlier |= {other_week, *other.carried_from}
        question.carried_from = sorted(earlier)
        for term in words[i]:
            by_term.setdefault((*axis, term), []).append(i)
    return [q for _, q in dated if q.carried_from]
