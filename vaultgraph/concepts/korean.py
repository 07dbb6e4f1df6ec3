"""Korean nouns in a line of prose, behind one tiny interface: `noun_runs(text) -> list[list[str]]`.

Each run is a list of nouns that stand next to each other (`논문 리뷰 참관` -> one run of three), so
the concept builder can keep a compound it sees again and split one it does not.

* With kiwipiepy installed (`pip install "vaultgraph[ko]"`), its morphological analysis finds the
  nouns (NNG/NNP, with noun prefixes and suffixes glued on: `주`+`성분`, `연산`+`량`). It is imported lazily, on first use.
* Without it, a lighter fallback works on space-separated words: a trailing particle is split off
  (`부스트캠프를` -> `부스트캠프`); a word with no particle counts as a noun unless it ends the way
  Korean verbs, adjectives and adverbs do (`했음`, `중요하다`, `꾸준히`). It keeps loanwords
  (`푸리에`, `멘토링`, `리눅스`) and misreads some verb forms before `는`/`을` as nouns; the
  concept builder weighs Korean prose terms down for that reason.

Set `VAULTGRAPH_KOREAN=fallback` to use the fallback even when kiwipiepy is installed (benchmarks).
Parse results are cached per content, so switch it only with a cold cache.
"""

from __future__ import annotations

import os
import re
from functools import lru_cache
from typing import Any, Protocol

from vaultgraph.concepts.korean_words import NOT_NOUNS, final_consonant, lexicon, split_particle
from vaultgraph.concepts.normalize import leading_particle

_PIECES = re.compile(r"(?P<ko>[\uac00-\ud7a3]+)|(?P<space>[ \t]+)|(?P<other>[^\uac00-\ud7a3 \t]+)")
# Last syllables of verb, adjective and adverb forms (and of nominalised verbs: `했음`, `헷갈림`).
_VERB_ENDINGS = frozenset(
    "다 음 함 됨 임 림 짐 김 줌 봄 움 요 고 며 면 서 니 게 데 던 는 은 을 한 할 된 될 "
    "자 야 죠 네 까 히 워 해 했 져 봐 듯 럼 겠 었 았 였 쳐 켜 가 와 하 되 "
    # and the future adnominal (`늘어날`, `바뀔`), but not `일`/`델`/`널` (`파일`, `모델`, `채널`)
    "를 뀔 질 갈 올 볼 줄 킬 릴 칠 날 "
    # past adnominals (`나온`, `바뀐`, `만든`, `밀린`, `챙긴`), but not `본`/`진` (`기본`, `사진`)
    "온 뀐 힌 른 친 든 낸 둔 쓴 린 긴 "
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
_GI_STEMS = frozenset("하 보 지 가 르 히 쓰 읽 듣 알 찾 쉬 켜 적 달 빼 누 오 우 놓 넣 잡 받 풀".split())
# Before `는`, these end a verb stem (`걸리는` aside: `메모리는` is as common); nouns ending in
# them (`시나리오는`) still count when another particle follows them elsewhere.
_NEUN_STEMS = frozenset("오 우 르 꾸 뀌 두 키 히 내 누 쓰 다 하 되 있 없 넣 먹 읽 잡 받 찾 않".split())
# Before a particle-like `는`/`을`, these end a verb stem rather than a noun (`있다는`, `공부하는`).
_STEM_VERB_ENDINGS = frozenset(
    "다 하 되 겠 었 았 였 했 됐 셨 렸 졌 웠 봤 냐 려 눠 써 럴 쁜 "
    "있 없 같 많 좋 싫 않 깊 높 낮 넓 좁 짧 쉽".split()  # adjective stems: `재미없는`, `깊은`
)
# Syllables before a verb ending that make it one even before a particle (`있다고만`, `하면서는`).
_VERB_BEFORE = _STEM_VERB_ENDINGS | frozenset("면 있 없 으 니 어 아".split())
# Last syllables of common nouns that look like verb forms (`다음`, `그림`, `평가`, `회고`, `필요`): a word
# that ends so and is in wordfreq's Korean list is a noun. (The list also has inflected forms, `정함`,
# `배운`, so it cannot vouch for a noun in general: only where nouns and verb forms share an ending.)
_NOMINAL_ENDINGS = frozenset("음 기 지 침 이 움 가 고 요 의 도 어".split())
# Connectives and quoting endings (`활용하여`, `나온다고`, `바꾸려고`): verb forms, whatever the list says.
_VERB_SUFFIXES = (
    *("하여", "되어", "해서", "하고", "해야", "수록", "도록", "려고", "으러", "해진", "어진", "아진", "워진"),
    *("다고", "라고", "냐고", "자고", "다는", "라는", "다면", "라면", "다며", "라며"),
)
_AUXILIARIES = frozenset("보 주 두 놓 먹 봐 줘 둬".split())  # after -아/-어: `해보`, `맞춰보`, `적어두`
_CONNECTIVE_VOWELS = frozenset({0, 4, 9, 14, 1, 6})  # ㅏ ㅓ ㅘ ㅝ ㅐ ㅕ
_HANGUL_BASE, _FINAL_M, _FINAL_LM = 0xAC00, 16, 10  # jongseong indexes of ㅁ and ㄻ
_NOUN_TAGS = frozenset({"NNG", "NNP", "SH"})  # not NR: numerals (`하나`, `둘`) name nothing
_VERB_GLUE = frozenset({"XSV", "XSA"})


class KoreanTokenizer(Protocol):
    name: str

    def noun_runs(self, text: str) -> list[list[str]]:
        """Runs of adjacent Korean nouns in `text`, in order."""
        ...


class FallbackTokenizer:
    """The dictionary-free heuristic described in the module docstring."""

    name = "fallback"

    def noun_runs(self, text: str) -> list[list[str]]:
        runs: list[list[str]] = []
        run: list[str] = []
        for match in _PIECES.finditer(text):
            kind = match.lastgroup
            if kind == "space":
                continue  # a run goes on across spaces
            start = match.start()
            glued = start > 0 and text[start - 1].isascii() and text[start - 1].isalnum()
            if kind == "ko" and not glued and match.end() - start <= 20:
                listed = text[match.end() : match.end() + 1] in (",", "/", ")", "·")
                noun, ends_run = _noun(match.group(), listed)
                if noun is not None:
                    run.append(noun)
                if noun is None or ends_run:
                    _close(runs, run)
                    run = []
                continue
            # Hangul glued to a foreign word is its particle; foreign words and punctuation split runs.
            _close(runs, run)
            run = []
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
    stem, particle = split_particle(word)
    if listed and len(particle) == 1:
        if _verb_form(stem):
            return None, True  # `상관없지만,` is a verb before a comma, whatever its last syllable
        stem, particle = word, ""
    bare = _without_suffix(stem)
    if bare is None or bare in NOT_NOUNS or _adjectival(bare):
        return None, True
    stem = bare
    if particle:
        verb = (
            stem[-1] in _STEM_VERB_ENDINGS
            or (particle == "는" and (stem[-1] in _NEUN_STEMS or len(stem) == 1))
            or (len(stem) > 1 and stem[-1] in _VERB_ENDINGS and stem[-2] in _VERB_BEFORE)
        )  # `있다고만`
        return (None if verb or _verb_form(stem) else stem), True  # `있다는`, `걸리는`, `되지만`
    if stem.endswith(_VERB_SUFFIXES):
        return None, True
    if stem in lexicon() and len(stem) > 1 and stem[-1] in _NOMINAL_ENDINGS and not _stem_form(stem):
        return stem, False  # `다음`, `그림`, `평가`, `회고`, `이미지`: common nouns that end like verb forms
    verb = stem[-1] in _VERB_ENDINGS or stem[-1] in _STEM_VERB_ENDINGS
    if verb and len(stem) == 2 and stem[-1] in "린긴" and looks_borrowed(stem[0]):
        return stem, False  # `클린`: a loanword, not a past adnominal
    return (None, True) if verb or _verb_form(stem) else (stem, False)


def _adjectival(word: str) -> bool:
    """-적 words (`효율적`, `구체적인`) work as adjectives; auxiliary verbs after -아/-어 (`맞춰보`, `뽑아주`)."""
    if len(word) >= 3 and (word.endswith("적") or "적인" in word[-3:] or word.endswith("적으로")):
        return True
    if len(word) >= 2 and word[-1] in _AUXILIARIES:
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


# Syllable shapes that Sino-Korean readings never take, as (initials, vowels, finals) sets of jamo
# indexes (None: any). A noun with one is a loanword or native; loanwords are how Korean writes foreign
# technical terms (`멘토링`, `푸리에`, `파라미터`), so the concept builder weighs such nouns like English.
_ANY = None
_FOREIGN_SHAPES: tuple[tuple[frozenset[int] | None, frozenset[int] | None, frozenset[int] | None], ...] = (
    (frozenset({15}), frozenset(set(range(21)) - {10}), _ANY),  # ㅋ (but 쾌): 캠, 클, 코
    (frozenset(set(range(19)) - {9, 12, 14}), frozenset({5}), _ANY),  # ㅔ but after ㅅㅈㅊ: 멘, 에, 데
    (frozenset({3, 7, 9, 12, 14, 15, 16, 17}), frozenset({18}), frozenset({0})),  # open ㅡ: 스, 트, 프
    (frozenset({5, 15, 16, 17}), frozenset({4}), _ANY),  # 러, 커, 터, 퍼
    (frozenset({0, 2, 3, 5, 6, 9, 15, 16, 17}), frozenset({20}), frozenset({21})),  # 링, 팅, 싱
    (frozenset({9, 12, 14}), frozenset({6}), _ANY),  # 셔, 션, 쳐
    (frozenset({3, 16}), frozenset({20}), _ANY),  # 디, 틴
    (frozenset({3, 6, 7, 9, 12, 14, 15, 16, 17}), frozenset({17}), _ANY),  # 뷰, 퓨, 튜, 슈
    (frozenset({17}), frozenset({13}), _ANY),  # 푸
)


@lru_cache(maxsize=65536)
def looks_borrowed(word: str) -> bool:
    """True when a Hangul word has a syllable no Sino-Korean reading has (`멘토링`, not `연산량`)."""
    for char in word:
        index = ord(char) - _HANGUL_BASE
        if not 0 <= index < 11172:
            continue
        jamo = (index // 588, index % 588 // 28, index % 28)
        if any(
            all(allowed is None or part in allowed for part, allowed in zip(jamo, shape, strict=True))
            for shape in _FOREIGN_SHAPES
        ):
            return True
    return False


def _close(runs: list[list[str]], run: list[str]) -> None:
    if run:
        runs.append(run)


class KiwiTokenizer:
    """Nouns from kiwipiepy's analysis; nouns touching each other (`피어`+`세션`) are one word."""

    name = "kiwi"

    def __init__(self, kiwi: Any):
        self._kiwi = kiwi

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


@lru_cache(maxsize=1)
def tokenizer() -> KoreanTokenizer:
    """kiwipiepy when importable (and not switched off), else the fallback; created once per process."""
    if os.environ.get("VAULTGRAPH_KOREAN", "").lower() != "fallback":
        try:
            from kiwipiepy import Kiwi
        except ImportError:
            pass
        else:
            return KiwiTokenizer(Kiwi())
    return FallbackTokenizer()
