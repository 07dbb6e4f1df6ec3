"""Korean nouns in a line of prose, behind one tiny interface: `noun_runs(text) -> list[list[str]]`.

Each run is a list of nouns that stand next to each other (`논문 리뷰 참관` -> one run of three), so
the concept builder can keep a compound it sees again and split one it does not.

* With `VAULTGRAPH_KOREAN=kiwi` (and `pip install "vaultgraph[ko]"`), kiwipiepy's morphological
  analysis finds the nouns (NNG/NNP, with noun prefixes and suffixes glued on: `주`+`성분`, `연산`+`량`).
* By default, a lighter fallback works on space-separated words: a trailing particle is split off
  (`부스트캠프를` -> `부스트캠프`); a word with no particle counts as a noun unless it ends the way
  Korean verbs, adjectives and adverbs do (`했음`, `중요하다`, `꾸준히`). It keeps loanwords
  (`푸리에`, `멘토링`, `리눅스`) and misreads some verb forms before `는`/`을` as nouns.
  Nouns that end the way verb forms do are kept where something tells them apart: wordfreq's
  Korean list (`숫자`, `개발자`), a loanword's spelling (`게임`, `스트림`), an agent noun's shape
  (`생성자`), or a noun right after a word in -지 (`가비지 컬렉션`, where a verb's -지 would be
  followed by `않다`).

`term_runs(text)` is `noun_runs` for the concept builder: a `-적` modifier written straight before a
noun heads its run (`방어적 복사`, `선언적 트랜잭션`), as kiwipiepy keeps it; `noun_runs` lists nouns
only (`korean_nouns.tsv` does not count `-적` words as nouns).

kiwipiepy is used only when asked for, never because it happens to be installed: it scores about the
same (noun precision 0.968 against 0.959, `benchmarks/korean_nouns.py`; concept recall within ±0.06 on
the labelled vaults) but turns a cold `concepts` on a 40-note blog from 0.4 s and 48 MB into 3 s and
545 MB, and a tool whose results change with what else is installed surprises its users (and broke
this project's CI once). The choice is part of the parse cache's key (`cache.py`).
"""

from __future__ import annotations

import os
import re
from functools import lru_cache
from typing import Any, Protocol

from vaultgraph.concepts.korean_words import NOT_NOUNS, final_consonant, lexicon, looks_borrowed, split_particle
from vaultgraph.concepts.normalize import leading_particle
from vaultgraph.errors import UsageError

# Hangul words joined by a hyphen are one (`쿨백-라이블러`, `코시-슈바르츠`: names written as one in Korean).
_PIECES = re.compile(
    r"(?P<ko>[\uac00-\ud7a3]+(?:-[\uac00-\ud7a3]+)*)|(?P<space>[ \t]+)|(?P<other>[^\uac00-\ud7a3 \t]+)"
)
# Last syllables of verb, adjective and adverb forms (and of nominalised verbs: `했음`, `헷갈림`).
_VERB_ENDINGS = frozenset(
    "다 음 함 됨 임 림 짐 김 줌 봄 움 요 고 며 면 서 니 게 데 던 는 은 을 한 할 된 될 "
    "자 야 죠 네 까 히 워 해 했 져 봐 듯 럼 겠 었 았 였 쳐 켜 가 와 하 되 "
    # and the future adnominal (`늘어날`, `바뀔`), but not `일`/`델`/`널` (`파일`, `모델`, `채널`)
    "를 뀔 질 갈 올 볼 줄 킬 릴 칠 날 "
    # past adnominals (`나온`, `바뀐`, `만든`, `밀린`, `챙긴`), but not `본`/`진` (`기본`, `사진`)
    "온 뀐 힌 른 친 든 낸 둔 쓴 린 긴 낀 "
    # and other endings (`되냐`, `하려`, `나눠`, `써`, `그럴`, `나쁜`, `남겨둘`, `힘들`)
    "냐 려 눠 써 럴 쁜 둘 들 운 어 겨 라 꿀 눌 쓸".split()
)
# Open syllables that end verb stems, so `-ㅁ` after them nominalises a verb (`적어둠`, `나옴`, `모름`).
_M_STEMS = frozenset(
    "하 되 보 두 오 르 뀌 꾸 매 히 기 지 리 우 주 쓰 키 치 내 워 져 여 겨 혀 쳐 해 봐 와 누 바 나 크".split()
)
# Syllables before `-지` and `-기` that end a verb or adjective stem (`되지`, `많지`, `말하기`, `찾기`);
# `이미지`, `패키지`, `크기`, `주기` end otherwise.
_JI_STEMS = frozenset("하 되 않 있 없 좋 많 렇 쁘 같 싶 겠 었 았 였 했 됐 겼 치 내 숙 르 나 오 보".split())
_JI_FINALS = frozenset({4, 8})  # ㄴ, ㄹ: `하는지`, `그런지`, `할지`, `들을지`
# Closed syllables that end verb stems before the propositive -자 (`만들자`, `잊지 말자`, `찾자`).
_JA_STEMS = frozenset(
    "들 말 알 살 놀 열 걸 팔 풀 읽 찾 넣 잡 받 먹 놓 얻 믿 닫 웃 걷 묻 씻 벗 있 없 않 갖 짓 붙 맞".split()
)
_GI_STEMS = frozenset("하 보 지 가 르 히 쓰 읽 듣 알 찾 쉬 켜 적 달 빼 누 오 우 놓 넣 잡 받 풀".split())
# Before `는`, these end a verb stem (`걸리는` aside: `메모리는` is as common); nouns ending in
# them (`시나리오는`) still count when another particle follows them elsewhere.
_NEUN_STEMS = frozenset("오 우 르 꾸 뀌 두 키 히 내 누 쓰 다 하 되 있 없 넣 먹 읽 잡 받 찾 않".split())
# Before a particle-like `는`/`을`, these end a verb stem rather than a noun (`있다는`, `공부하는`).
_STEM_VERB_ENDINGS = frozenset(
    "다 하 되 겠 었 았 였 했 됐 셨 렸 졌 웠 봤 냐 려 눠 써 럴 쁜 "
    "있 없 같 많 좋 싫 않 깊 높 낮 넓 좁 짧 쉽".split()  # adjective stems: `재미없는`, `깊은`
)
# Particles no verb takes after its final -다 (`했다가`, `했다는`, `했다고`, `했다만` are verb endings; `했다를` is none).
_NOMINAL_PARTICLES = frozenset("를 로 의 에 에서 와 랑 처럼 에게".split())
# Syllables before a verb ending that make it one even before a particle (`있다고만`, `하면서는`).
_VERB_BEFORE = _STEM_VERB_ENDINGS | frozenset("면 있 없 으 니 어 아".split())
# Last syllables of common nouns that look like verb forms (`다음`, `그림`, `평가`, `회고`, `필요`): a word
# that ends so and is in wordfreq's Korean list is a noun. (The list also has inflected forms, `정함`,
# `배운`, so it cannot vouch for a noun in general: only where nouns and verb forms share an ending.)
_NOMINAL_ENDINGS = frozenset("음 기 지 침 이 움 가 고 요 의 도 어 자".split())  # and `숫자`, `개발자`
# Connectives and quoting endings (`활용하여`, `나온다고`, `바꾸려고`): verb forms, whatever the list says.
_VERB_SUFFIXES = (
    *("하여", "되어", "해서", "하고", "해야", "수록", "도록", "려고", "으러", "해진", "어진", "아진", "워진"),
    *("다고", "라고", "냐고", "자고", "다는", "라는", "다면", "라면", "다며", "라며"),
)
_AUXILIARIES = frozenset("보 주 두 놓 먹 봐 줘 둬".split())  # after -아/-어: `해보`, `맞춰보`, `적어두`
# Their adnominals (`해본`, `써본`, `만들어준`): after a two-syllable word's first, only where that is a
# verb's -아/-어 form, so `사본`, `대본`, `자본` stay nouns.
_AUXILIARY_ADNOMINALS = frozenset("본 준 둔".split())
_CONNECTIVE_FIRSTS = frozenset("해 봐 써 줘 둬 와 놔 꿔 쳐 켜 펴 겨 혀 져 내 빼".split())
_CONNECTIVE_VOWELS = frozenset({0, 4, 9, 14, 1, 6})  # ㅏ ㅓ ㅘ ㅝ ㅐ ㅕ
_HANGUL_BASE, _FINAL_M, _FINAL_LM = 0xAC00, 16, 10  # jongseong indexes of ㅁ and ㄻ
# Suffixes glued to a noun: -시 "when", -상 "in terms of" (which end a phrase: `생성시`, `구조상`) and -별
# "by" (which modifies the next noun: `유저별 평균`). Only off a word that is no common word of its own
# (`도시`, `개별`), leaving a common word or (for -별) a loanword: `크래시`, `프록시` stay whole. Not -용
# "for": `재활용` is no `재활` + -용.
_NOUN_SUFFIXES = frozenset("시 상 별".split())
_NOUN_TAGS = frozenset({"NNG", "NNP", "SH"})  # not NR: numerals (`하나`, `둘`) name nothing
_VERB_GLUE = frozenset({"XSV", "XSA"})


class KoreanTokenizer(Protocol):
    name: str

    def noun_runs(self, text: str) -> list[list[str]]:
        """Runs of adjacent Korean nouns in `text`, in order."""
        ...

    def term_runs(self, text: str) -> list[list[str]]:
        """`noun_runs`, with a `-적` modifier kept at the head of the run it modifies (`방어적 복사`)."""
        ...


class FallbackTokenizer:
    """The dictionary-free heuristic described in the module docstring."""

    name = "fallback"

    def noun_runs(self, text: str) -> list[list[str]]:
        return self._runs(text, modifiers=False)

    def term_runs(self, text: str) -> list[list[str]]:
        return self._runs(text, modifiers=True)

    def _runs(self, text: str, modifiers: bool) -> list[list[str]]:
        runs: list[list[str]] = []
        run: list[str] = []
        held = ""  # a word that is a noun (or modifier) only when a noun follows: `가비지` (컬렉션), `방어적` (복사)
        for match in _PIECES.finditer(text):
            kind = match.lastgroup
            if kind == "space":
                continue  # a run goes on across spaces
            start = match.start()
            glued = start > 0 and text[start - 1].isascii() and text[start - 1].isalnum()
            if kind == "ko" and not glued and match.end() - start <= 20:
                word = match.group()
                listed = text[match.end() : match.end() + 1] in (",", "/", ")", "·")
                noun, ends_run = _noun(word, listed)
                if noun is None and run and _after_noun(word):
                    noun, ends_run = word, True  # `고윳값 분해`: a noun's head, not `분하여`
                if noun is not None and held:
                    run.append(held)
                held = ""
                if noun is not None:
                    run.append(noun)
                if noun is None or ends_run:
                    _close(runs, run)
                    run = []
                    held = word if noun is None and _before_noun(word, modifiers) else ""
                continue
            # Hangul glued to a foreign word is its particle; foreign words and punctuation split runs.
            _close(runs, run)
            run, held = [], ""
        _close(runs, run)
        return runs


@lru_cache(maxsize=65536)
def _noun(word: str, listed: bool) -> tuple[str | None, bool]:
    """(noun, whether it ends a run) for one space-separated Korean word; (None, True) for non-nouns.

    `listed`: the word is followed by a comma or slash, as items of a list are (`푸리에, gnn`); such a
    word keeps a last syllable that merely looks like a one-syllable particle.
    """
    if word in NOT_NOUNS or leading_particle(word) == word:
        return None, True  # a closed-class word, or a particle written apart: `lstm 이`
    if "-" in word:  # `가우스-조던`: Korean hyphenates names and compounds, never a verb form
        head, _, last = word.rpartition("-")
        stem, particle = split_particle(last)
        return f"{head}-{stem}", bool(particle)
    stem, particle = split_particle(word)
    if len(stem) >= 3 and stem[-1] in _NOUN_SUFFIXES and stem not in lexicon():
        head = stem[:-1]
        if head in lexicon() or (stem[-1] == "별" and looks_borrowed(head)):
            return head, stem[-1] in "시상" or bool(particle)  # `생성시` is `생성`, `유저별` `유저`
    if listed and len(particle) == 1:
        if _verb_form(stem):
            return None, True  # `상관없지만,` is a verb before a comma, whatever its last syllable
        stem, particle = word, ""
    bare = _without_suffix(stem)
    if bare is None or bare in NOT_NOUNS or _adjectival(bare):
        return None, True
    stem = bare
    if particle:
        if stem[-1] == "다" and particle in _NOMINAL_PARTICLES and len(stem) > 1 and stem[-2] not in _VERB_BEFORE:
            return stem, True  # `람다를`, `판다로`: no verb form takes these after its -다
        verb = (
            stem[-1] in _STEM_VERB_ENDINGS
            or (particle == "는" and (stem[-1] in _NEUN_STEMS or len(stem) == 1))
            or (len(stem) > 1 and stem[-1] in _VERB_ENDINGS and stem[-2] in _VERB_BEFORE)
        )  # `있다고만`
        return (None if verb or _verb_form(stem) else stem), True  # `있다는`, `걸리는`, `되지만`
    if stem.endswith(_VERB_SUFFIXES):
        return None, True
    nominal = stem[-1] in _NOMINAL_ENDINGS and not (stem[-1] == "자" and stem[-2:-1] in _JA_STEMS)  # `말자`
    if stem in lexicon() and len(stem) > 1 and nominal and not _stem_form(stem):
        return stem, False  # `다음`, `그림`, `평가`, `회고`, `이미지`: common nouns that end like verb forms
    if _borrowed_m(stem):
        return stem, False  # `스트림`, `프레임`, `게임`: loanwords, whatever their last syllable looks like
    if _agent_noun(stem):
        return stem, False  # `생성자`, `연산자`
    verb = stem[-1] in _VERB_ENDINGS or stem[-1] in _STEM_VERB_ENDINGS
    if verb and len(stem) == 2 and stem[-1] in "린긴" and looks_borrowed(stem[0]):
        return stem, False  # `클린`: a loanword, not a past adnominal
    return (None, True) if verb or _verb_form(stem) else (stem, False)


def _borrowed_m(word: str) -> bool:
    """A loanword in -ㅁ in wordfreq's list (`게임`, `프레임`, `스트림`): a syllable before the last looks
    borrowed, so the -ㅁ is no verb's nominal ending (`지킴`, `큼` are)."""
    return len(word) >= 2 and final_consonant(word[-1]) == _FINAL_M and looks_borrowed(word[:-1]) and word in lexicon()


def _agent_noun(word: str) -> bool:
    """`생성자`, `연산자`, `식별자`: a noun in -자 (者, 子) of three syllables or more after a closed syllable
    that ends no verb stem; the propositive -자 follows a verb stem (`정리하자`, `만들자`, `잊지 말자`)."""
    return len(word) >= 3 and word[-1] == "자" and final_consonant(word[-2]) != 0 and word[-2] not in _JA_STEMS


def _after_noun(word: str) -> bool:
    """A common word in -해 (`분해`, `이해`, `피해`) written straight after a noun: the head of a compound
    (`고윳값 분해`, `문제 이해`). On its own it is as often a verb's -해 (`정해`, `구해`), which follows a
    particle or an adverb (`값을 구해`), not a bare noun."""
    return len(word) == 2 and word[-1] == "해" and word in lexicon() and word not in NOT_NOUNS


def _before_noun(word: str, modifiers: bool) -> bool:
    """A word the rules above reject that is a noun, or (with `modifiers`) a modifier, when a noun follows it.

    * A word in -지 outside wordfreq's list (`가비지`): a verb's -지 is followed by a negation or an
      auxiliary (`버리지 않고`, `마시지 마`), a noun's by anything, so a noun after it decides.
    * A bare `-적` word (`방어적`, `선언적`): an adjective, but the head of a term when written straight
      before a noun (`방어적 복사`, `선언적 트랜잭션`).
    """
    if len(word) >= 3 and word[-1] == "지" and word not in lexicon() and not _stem_form(word):
        return split_particle(word)[1] == ""
    return modifiers and len(word) >= 3 and word[-1] == "적" and word[:-1] not in NOT_NOUNS


def is_modifier(word: str) -> bool:
    """True for a bare `-적` word (`방어적`): a modifier, never a concept on its own."""
    return len(word) >= 3 and word[-1] == "적"


def _adjectival(word: str) -> bool:
    """-적 words (`효율적`, `구체적인`) work as adjectives; auxiliary verbs after -아/-어 (`맞춰보`, `뽑아주`,
    `해본`)."""
    if len(word) >= 3 and (word.endswith("적") or "적인" in word[-3:] or word.endswith("적으로")):
        return True
    if len(word) == 2 and word[-1] in _AUXILIARY_ADNOMINALS:
        return word[0] in _CONNECTIVE_FIRSTS  # `해본`, not `사본`
    if len(word) >= 2 and (word[-1] in _AUXILIARIES or word[-1] in _AUXILIARY_ADNOMINALS):
        vowel = (ord(word[-2]) - _HANGUL_BASE) % 588 // 28
        return final_consonant(word[-2]) == 0 and vowel in _CONNECTIVE_VOWELS
    return False


def _without_suffix(word: str) -> str | None:
    """`멘토님` -> `멘토` (honorific), `하나씩` -> `하나` (distributive); None for a counter (`강씩`)."""
    if word.endswith("님") and len(word) > 2:
        return word[:-1]
    for suffix in ("씩", "당", "끼리"):
        if word.endswith(suffix) and (word == f"{word[0]}씩" or word[: -len(suffix)] in NOT_NOUNS):
            return None  # `강씩`, `하나당`: a counter or a numeral
    if word.endswith("씩"):
        return word[:-1]
    return word


def _verb_form(word: str) -> bool:
    """True for verb forms a last syllable alone does not give away: `-ㅁ`, `-지`, `-기` after a stem.

    A noun in -ㅁ, -지 or -기 is a word of its own (`다음`, `이미지`, `크기`), so one that is not in
    wordfreq's Korean list is taken for a verb form (`올라감`, `받지`, `덮기`), unless its -ㅁ syllable
    is a loanword's (`부캠`, `스팀`).
    """
    if _borrowed_m(word):
        return False
    if _stem_form(word):
        return True
    if len(word) < 2 or word in lexicon():
        return False
    return word[-1] in "지기" or (final_consonant(word[-1]) == _FINAL_M and not looks_borrowed(word[-1]))


def _stem_form(word: str) -> bool:
    """-ㅁ, -지, -기 right after a syllable that ends verb stems: `만듦`, `적어둠`, `하는지`, `할지`, `찾기`."""
    last = ord(word[-1]) - _HANGUL_BASE
    final = last % 28
    if final == _FINAL_LM or (final == _FINAL_M and chr(_HANGUL_BASE + last - final) in _M_STEMS):
        return True
    if len(word) < 2:
        return False
    if word[-1] == "지" and (word[-2] in _JI_STEMS or (ord(word[-2]) - _HANGUL_BASE) % 28 in _JI_FINALS):
        return word[-2] != "인"  # `하는지`, `할지` are verbs; `인지` (cognition) is a noun
    return word[-1] == "기" and word[-2] in _GI_STEMS


def _close(runs: list[list[str]], run: list[str]) -> None:
    if run:
        runs.append(run)


class KiwiTokenizer:
    """Nouns from kiwipiepy's analysis; nouns touching each other (`피어`+`세션`) are one word."""

    name = "kiwi"

    def __init__(self, kiwi: Any):
        self._kiwi = kiwi

    def term_runs(self, text: str) -> list[list[str]]:
        return self.noun_runs(text)  # kiwi keeps `-적` (XSN) on its noun already: `방어적`

    def noun_runs(self, text: str) -> list[list[str]]:
        runs: list[list[str]] = []
        run: list[str] = []
        end = -1
        prefix, prefix_start = "", -1
        for token in self._kiwi.tokenize(text):
            if token.tag == "XPN":
                prefix, prefix_start = token.form, token.start  # glued to the noun after it: `주`+`성분`
                continue
            form, start = token.form, token.start
            if prefix and token.tag in _NOUN_TAGS and start == prefix_start + len(prefix):
                form, start = prefix + form, prefix_start
            prefix = ""
            if token.tag == "XSN" and form in ("들", "님"):
                continue  # the plural and honorific suffixes: `질문들` is `질문`, `멘토님` `멘토`
            noun = (token.tag in _NOUN_TAGS and form not in NOT_NOUNS) or (token.tag == "XSN" and run and start == end)
            if not noun:
                if token.tag in _VERB_GLUE and run and start == end:
                    run.pop()  # `중요하다`, `적용할`: a verbal noun used as a verb, like `update할`
                _close(runs, run)
                run, end = [], -1
                continue
            if run and start == end:
                run[-1] += form
            elif run and not text[end:start].strip():
                run.append(form)
            else:
                _close(runs, run)
                run = [form]
            end = token.start + token.len
        _close(runs, run)
        return runs


CHOICES = ("fallback", "kiwi")
"""What `VAULTGRAPH_KOREAN` may name; unset or empty is `fallback`."""


@lru_cache(maxsize=1)
def tokenizer() -> KoreanTokenizer:
    """The tokenizer `VAULTGRAPH_KOREAN` names (`kiwi`, or the default `fallback`); created once per process."""
    choice = os.environ.get("VAULTGRAPH_KOREAN", "").strip().lower() or "fallback"
    if choice not in CHOICES:
        raise UsageError(f"VAULTGRAPH_KOREAN={choice!r}: expected one of {', '.join(CHOICES)}")
    if choice == "fallback":
        return FallbackTokenizer()
    try:
        from kiwipiepy import Kiwi
    except ImportError:
        raise UsageError('VAULTGRAPH_KOREAN=kiwi needs kiwipiepy: pip install "vaultgraph[ko]"') from None
    return KiwiTokenizer(Kiwi())
