"""Normalising terms: NFC, case folding, space/hyphen/dot variants, Korean particles, display labels.

Two keys per term:

* `fold(text)`: NFC, casefolded, whitespace collapsed - the concept's public `key` (`batch normalization`).
* `variant_key(text)`: `fold` without spaces, hyphens, dots, underscores and slashes, so that
  `Batch Normalization`, `batch-normalization` and `batchnormalization` are one concept, as are
  `Monte-Carlo` and `monte carlo`. (`d2l.ai` and `d2l` stay apart unless an alias joins them.)
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from vaultgraph.unicode import nfc

_SPACES = re.compile(r"\s+")
_JOINERS = re.compile(r"[\s\-._/]+")
_HANGUL = re.compile(r"[\uac00-\ud7a3]")

# Korean particles (josa), copula forms and the plural suffix that follow a noun, longest first so
# that `에서는` is split off whole. Used at the script boundary (`lstm이`) and on Korean words.
PARTICLES: tuple[str, ...] = tuple(
    sorted(
        set(
            """
에서는 에서도 에서의 에게서 에게는 으로는 으로도 으로서 으로써 이라는 이라고 이라서 이라면 이라도 이었음 이었다
이에요 이지만 한테서 까지는 부터는 보다는 보다도 만으로 에서 에게 한테 께서 으로 로서 로써 로는 로도 라는
라고 이라 이나 이란 이랑 이며 이고 이다 이든 이면 이지 인지 인데 인가 이자 보다 부터 까지 마다 조차 마저
밖에 만큼 대로 처럼 같이 에는 에도 와는 과는 엔 와의 과의 와도 과도 이는 이도 이의 이를 이가 이와 이에 들이
들을 들은 들의 들도 들과 들에 들로 끼리 이 가 은 는 을 를 의 에 로 와 과 도 만 나 랑 란 든 들 께 씩
""".split()
        ),
        key=lambda p: (-len(p), p),
    )
)

_PARTICLE_SET = frozenset(PARTICLES)
_PARTICLE_LENGTHS = tuple(sorted({len(p) for p in PARTICLES}, reverse=True))

# What a light verb or adjective starts with when it is glued to a foreign word (`update할`, `apply해`).
VERB_TAILS: tuple[str, ...] = (
    "하",
    "해",
    "했",
    "할",
    "한",
    "함",
    "합",
    "되",
    "된",
    "될",
    "됨",
    "돼",
    "됐",
    "시키",
    "스럽",
    "스러",
)


@lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """The public key of a term: NFC, casefolded, whitespace collapsed."""
    return _SPACES.sub(" ", nfc(text).casefold()).strip()


@lru_cache(maxsize=1 << 16)
def variant_key(text: str) -> str:
    """The merge key: `fold` with spaces, hyphens, dots, underscores and slashes removed."""
    return _JOINERS.sub("", fold(text))


def has_hangul(text: str) -> bool:
    return _HANGUL.search(text) is not None


def leading_particle(tail: str) -> str | None:
    """The particle a Korean tail starts with (`이라는` in `이라는데`), or None."""
    return next((tail[:n] for n in _PARTICLE_LENGTHS if tail[:n] in _PARTICLE_SET), None)


def is_verb_tail(tail: str) -> bool:
    """True when the Korean text glued after a foreign word makes it a verb (`할`, `해서`), not a noun."""
    return bool(tail) and leading_particle(tail) is None and tail.startswith(VERB_TAILS)


def strip_particle(word: str) -> tuple[str, str]:
    """Split a trailing particle off a Korean word: `데이터를` -> (`데이터`, `를`).

    A one-syllable particle is split off only when two syllables stay, so `속도` and `평가` keep
    their last syllable; longer nouns that end in a particle-like syllable (`고양이`) are still cut,
    the price of not shipping a dictionary (kiwipiepy, when installed, does this properly).
    """
    for n in _PARTICLE_LENGTHS:
        if len(word) - n >= (2 if n == 1 else 1) and word[-n:] in _PARTICLE_SET:
            return word[:-n], word[-n:]
    return word, ""


def best_label(forms: Counter[str]) -> str:
    """The display form a reader would pick among the spellings seen.

    Most frequent first; ties go to a form with capitals (`KL divergence` over `kl divergence`),
    then one with spaces or hyphens (`batch normalization` over `batchnormalization`), then the
    alphabetically first, so the choice is deterministic.
    """

    def rank(form: str) -> tuple[int, int, int, str]:
        return (-forms[form], 0 if form != form.lower() else 1, 0 if _JOINERS.search(form) else 1, form)

    return min(forms, key=rank)
