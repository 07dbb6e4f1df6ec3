"""Korean nouns in a line of prose, behind one tiny interface: `noun_runs(text) -> list[list[str]]`.

Each run is a list of nouns that stand next to each other (`논문 리뷰 참관` -> one run of three), so
the concept builder can keep a compound it sees again and split one it does not.

* With kiwipiepy installed (`pip install "vaultgraph[ko]"`), its morphological analysis finds the
  nouns (NNG/NNP, with noun suffixes glued on: `연산`+`량`). It is imported lazily, on first use.
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

from vaultgraph.concepts.normalize import leading_particle, strip_particle

_PIECES = re.compile(r"(?P<ko>[\uac00-\ud7a3]+)|(?P<space>[ \t]+)|(?P<other>[^\uac00-\ud7a3 \t]+)")
# Last syllables of verb, adjective and adverb forms (and of nominalised verbs: `했음`, `헷갈림`).
_VERB_ENDINGS = frozenset("다 음 함 됨 임 림 짐 김 줌 봄 움 요 고 며 면 서 니 게 데 던 는 은 을 한 할 된 될 "
                          "자 야 죠 네 까 히 워 해 했 져 봐 듯 럼 겠 었 았 였 쳐 켜 가 와 하 되 "
                          # and the future adnominal (`늘어날`, `바뀔`), but not `일`/`델`/`널` (`파일`, `모델`, `채널`)
                          "를 뀔 질 갈 올 볼 줄 킬 릴 칠 날".split())
# Before a particle-like `는`/`을`, these end a verb stem rather than a noun (`있다는`, `공부하는`).
_STEM_VERB_ENDINGS = frozenset("다 하 되".split())
_NOUN_TAGS = frozenset({"NNG", "NNP", "NR", "SH"})
_NOUN_GLUE = frozenset({"XSN", "XPN"})


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
                listed = text[match.end():match.end() + 1] in (",", "/", ")", "·")
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
    if leading_particle(word) == word:
        return None, True  # a particle written apart: `lstm 이`
    stem, particle = strip_particle(word)
    if particle and not (listed and len(particle) == 1):
        return (None if stem[-1] in _STEM_VERB_ENDINGS else stem), True  # `있다는`, `공부하는` are verbs
    if word[-1] in _VERB_ENDINGS:
        return None, True
    return word, False


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
        for token in self._kiwi.tokenize(text):
            noun = token.tag in _NOUN_TAGS or (token.tag in _NOUN_GLUE and run and token.start == end)
            if not noun:
                _close(runs, run)
                run, end = [], -1
                continue
            if run and token.start == end:
                run[-1] += token.form
            elif run and not text[end:token.start].strip():
                run.append(token.form)
            else:
                _close(runs, run)
                run = [token.form]
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
