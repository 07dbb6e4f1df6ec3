"""How often general language uses a term: the background that termhood is measured against.

`Background(korean).frequency(key)` is the estimated share of running words that a term takes in
general Korean (a Korean vault) or English (an English vault), from wordfreq's word lists
(Speer et al., wordfreq 3: Wikipedia, subtitles, news, books, web text and social media, per
language). Only the `small_*` lists are read: they list every word down to one in a million
(1e-6), which is where both the Korean and the English list end, so the two scales meet.

* A word missing from a list is rarer than the list's last bucket; its frequency is taken to be
  that floor (an upper bound, so an unknown word is never called rarer than it may be).
* A phrase (`batch normalization`, `데이터 웨어하우스`, `self-attention`) is never more frequent than
  its rarest word: the rarest word's frequency is the estimate, again an upper bound. A single
  letter joined to a word (`U-Net`, `R-CNN`, `t-SNE`) spells a name, rare as an unlisted word.
* A Korean word missing from the list (mostly compounds written without spaces: `학습정리`) is
  split into listed words of two syllables or more where it can be (`학습`+`정리`); the rarest part
  bounds it. A word that cannot be split (`경사하강법`, `데이터셋`) is at the floor.
* A whole term that is an everyday word of technical writing (`field_words`: `메서드`, `쿼리`,
  `getter`) is taken to be at least as frequent as `데이터` and `모델` are in general Korean.
* Latin-script words in a Korean vault are not English prose: Korean writing borrows some English
  words often (`data`, `model`, `set`, `ai`, `api`) and the Korean list has them, with their
  frequency in Korean text. A Latin word the Korean list lacks is rarer in Korean text than the
  list's floor, exactly like a Hangul word it lacks, and takes that floor. (How much rarer the
  English list cannot say: scaling a word's English frequency down to Korean text, as an earlier
  version did, made every English term about 20 times rarer than a Korean term of the same weight,
  so `getter` or `JSON` outranked `전략 패턴` and `영속성 컨텍스트` in a Korean blog.)

The data files are read directly (gzip + msgpack, the `cBpack` format `wordfreq.read_cBpack`
documents) rather than through `import wordfreq`, whose imports (ftfy, langcodes, regex) take
0.3-0.6 s, most of a cold `concepts` run on a small vault; reading both lists takes about 25 ms.
"""

from __future__ import annotations

import gzip
import importlib.util
import re
from functools import lru_cache
from pathlib import Path

import msgpack

from vaultgraph.concepts.field_words import FIELD_FREQUENCY, FIELD_WORDS

_HANGUL_WORD = re.compile(r"[\uac00-\ud7a3]+")
_PARTS = re.compile(r"[^\w]+|_")
_LETTER = re.compile(r"[^\W\d_]")
MAX_SPLIT = 12  # syllables: a longer Hangul run is no compound word but unspaced prose, at the floor
MIN_PART = 2  # syllables: one-syllable "parts" (`법`, `셋`, `들`) would split any word into listed pieces


def _data_dir() -> Path:
    spec = importlib.util.find_spec("wordfreq")  # finds the package without importing it
    if spec is None or spec.origin is None:
        raise ModuleNotFoundError("wordfreq is required: pip install wordfreq")
    return Path(spec.origin).parent / "data"


@lru_cache(maxsize=2)
def read_list(lang: str) -> dict[str, float]:
    """wordfreq's small word list of `lang` as {word: frequency}; read once per process."""
    with gzip.open(_data_dir() / f"small_{lang}.msgpack.gz", "rb") as stream:
        data = msgpack.load(stream, raw=False)
    # Bucket i holds the words whose frequency rounds to -i centibels: 10 ** (-i / 100).
    return {word: 10 ** (-index / 100) for index, bucket in enumerate(data[1:]) for word in bucket}


class Background:
    """General-language frequency of terms, for a vault written mostly in Korean or in English."""

    def __init__(self, korean: bool):
        self.korean = korean
        self.ko = read_list("ko")
        self.en = read_list("en")
        self.floor_ko = min(self.ko.values())
        self.floor_en = min(self.en.values())
        self.floor = self.floor_ko if korean else self.floor_en
        self._cache: dict[str, float] = {}

    def frequency(self, key: str) -> float:
        """Share of running words taken by the term `key` (folded: `batch normalization`)."""
        found = self._cache.get(key)
        if found is None:
            found = min((self._token(token) for token in key.split()), default=1.0)
            if key in FIELD_WORDS:
                found = max(found, FIELD_FREQUENCY)  # `메서드`, `쿼리`: everyday words of technical writing
            self._cache[key] = found
        return found

    def _token(self, token: str) -> float:
        parts = [part for part in _PARTS.split(token) if part]
        if len(parts) > 1 and any(len(part) == 1 for part in parts):
            return self.floor  # `u-net`, `r-cnn`, `t-sne`: a letter joined to a word spells a name
        return min((self.word(part) for part in parts), default=1.0)

    def word(self, word: str) -> float:
        if _HANGUL_WORD.fullmatch(word):
            return self._hangul(word)
        if _LETTER.search(word) is None:
            return 1.0  # numbers and symbols: never evidence of a term
        if not self.korean:
            return self.en.get(word, self.floor_en)
        return self.ko.get(word, self.floor_ko)

    def _hangul(self, word: str) -> float:
        listed = self.ko.get(word)
        if listed is not None:
            return listed
        return (_split_bound(word, self.ko) if len(word) <= MAX_SPLIT else None) or self.floor_ko


def _split_bound(word: str, listed: dict[str, float]) -> float | None:
    """The largest, over ways to split `word` into listed words of MIN_PART+ syllables, of the rarest
    part's frequency (the loosest upper bound a split gives); None when no split exists."""
    best: list[float | None] = [None] * (len(word) + 1)
    best[0] = 1.0
    for end in range(MIN_PART, len(word) + 1):
        for start in range(0, end - MIN_PART + 1):
            head = best[start]
            part = listed.get(word[start:end])
            if head is not None and part is not None:
                bound = min(head, part)
                current = best[end]
                best[end] = bound if current is None else max(current, bound)
    return best[len(word)] if len(word) >= 2 * MIN_PART else None
