"""The sound of a loanword: `클로저` and `closure`, `웹소켓` and `WebSocket` spell one concept.

Korean writes most technical terms as loanwords, and one blog writes the same term both ways
(`클로저` in prose, `Closure` in a heading). `sound_of` reads either spelling as the consonants a
Korean transcription keeps and the vowels between them; `sound_alike` says whether a Hangul term
transcribes a Latin one. The rules are those Korean loanword spelling follows in practice:

* Consonants fall into classes Korean and English spell alike: K (ㄱㅋ: k, c, q, hard g), T (ㄷㅌ: d, t),
  P (ㅂㅍ: b, p, f, v), S (ㅅㅈㅊ: s, z, j, sh, ch, soft g and c, `-tion`), L (ㄹ: l, r), M, N and G (ㅇ: ng).
  Within K, T and P an initial keeps its voicing (b is ㅂ and p, f are ㅍ; d ㄷ, t ㅌ; g ㄱ, k ㅋ), so `빌드`
  is `build` and not `field`; a final ㄱ, ㅂ, ㅅ stands for either (`web` 웹, `back` 백, `socket` 소켓).
* `h`, `w` and `y` are left out of the consonants (`hour` 아워), but a ㅎ must stand for an `h` and a `w`
  before a vowel for 워, 웨, 와 (`비선형` is no `versioning`, `버켓` no `backward`). An `r` that no vowel
  follows is silent (`server` 서버, `layer` 레이어), as is a final `re` (`closure` 클로저); `n` before `k`
  or `g` is ㅇ; `-tion` and `tu` before a vowel are ㅅ/ㅊ (`session` 세션, `virtual` 버추얼).
* A doubled consonant is one (`collection` 컬렉션: `ll` and ㄹㄹ).
* Between two consonants, each Korean vowel must be one the English letters there may be read as
  (`_SPELLED`: ㅓ is the schwa of `server`, `commit`, `data`, an `i` only before `r`; ㅔ and ㅐ sound alike,
  so ㅔ may write an `a`, `그레디언트`), with no more Korean vowels than English ones (`베이지안` is no
  `begin`). Where Korean writes no vowel, or only the ㅡ it adds after a consonant (`스`, `트`), English
  writes none but a silent `e`; a final ㅣ after `ch`, `sh` is added too (`브랜치`, `해시`).

A term needs MIN_CONSONANTS consonants, and `merge` joins a Hangul term to a Latin one only when both
are terms of the same vault and no other Latin term sounds alike. A dictionary of loanwords would be
exact but would miss the field's new words (`리액트`, `쿠버네티스`); the rules need none. On the ten
labelled vaults they join 164 Hangul terms and on seven real blogs 195 more; read by hand, the wrong ones
left are a few where two English words share a sound and only one is in the vault (`스페셜` joins
`spatial` where `special` is never written, `베이지안` `version`).
"""

from __future__ import annotations

import re

MIN_CONSONANTS = 3  # `서버` = `server` (S P) is right, but two consonants also match `sub`, `spa`, `soap`
_BASE = 0xAC00
# A consonant is its class letter, then `+` (voiced: b, d, g, ㄱㄷㅂ) or `?` (either: a Hangul final).
_INITIAL = "K+ K+ N T+ T+ L M P+ P+ S S - S S S K T P h".split()  # ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ
_FINAL = ["", "K?", "K?", "K? S", "N", "N S", "N", "T?", "L", "L K?", "L M", "L P?", "L S", "L T?", "L P?", "L"]
_FINAL += ["M", "P?", "P? S", "T?", "T?", "G", "T?", "T?", "K?", "T?", "P?", ""]  # ㅁㅂㅄㅅㅆㅇㅈㅊㅋㅌㅍㅎ
_MEDIAL = "ㅏㅐㅑㅒㅓㅔㅕㅖㅗㅘㅙㅚㅛㅜㅝㅞㅟㅠㅡㅢㅣ"
_SPELLED = dict(zip(_MEDIAL, "aoiy a ay aey aeiou ea ioy ey oa w w w oyu uow w w w uow _ ie iey".split(), strict=True))
# Two Korean vowels that write one English vowel: `database` 데이터베이스, `pipeline` 파이프라인, `point` 포인트.
_DIPHTHONGS = {"ㅔㅣ": "ae", "ㅞㅣ": "ae", "ㅏㅣ": "iy", "ㅗㅣ": "o", "ㅗㅜ": "o", "ㅏㅜ": "ou"}
_LATIN = re.compile(r"[a-z]+")
_U_GLIDE = re.compile(r"u[aeio]")  # `query` 쿼리, `quality` 퀄리티: a `u` before a vowel is a `w`
_W_GLIDE = re.compile(r"w[aeiouy]")
_KOREAN_GLIDES = frozenset("ㅘㅝㅞㅟㅙㅚㅜ")  # what a `w` before a vowel becomes: 와, 워, 웨, 위, 우
_VOWELS = frozenset("aeiouy")
_PLAIN = {"b": "P+", "v": "P+", "p": "P", "f": "P", "d": "T+", "t": "T", "k": "K", "q": "K", "s": "S", "z": "S"}
_PLAIN |= {"j": "S", "x": "K S", "l": "L", "m": "M", "n": "N"}

Sound = tuple[str, tuple[str, ...], tuple[str, ...]]
"""(consonant classes, their voicing marks, the vowels around them): `클로저` is
("KLS", ("", "", ""), ("", "ㅡ", "ㅗ", "ㅓ"))."""


def sound_of(key: str) -> Sound | None:
    """The sound of a term (folded, spaces allowed); None for a term that is neither Hangul nor Latin
    letters, or that has fewer than MIN_CONSONANTS consonants."""
    key = key.replace(" ", "")
    if _LATIN.fullmatch(key):
        units = _english(key)
    elif key and all(0 <= ord(char) - _BASE < 11172 for char in key):
        units = _hangul(key)
    else:
        return None
    consonants: list[str] = []
    gaps = [""]
    for unit in units:
        if not unit[0].isupper():
            gaps[-1] += unit
        elif consonants and consonants[-1][0] == unit[0] and not gaps[-1]:
            if consonants[-1].endswith("?"):
                consonants[-1] = unit  # a doubled consonant is one (`ll`, ㄹㄹ); a final takes the voicing after it
        else:
            consonants.append(unit)
            gaps.append("")
    if len(consonants) < MIN_CONSONANTS:
        return None
    return "".join(c[0] for c in consonants), tuple(c[1:] for c in consonants), tuple(gaps)


def sound_alike(korean: Sound, english: Sound) -> bool:
    """True when a Hangul term's sound transcribes a Latin term's (see the module docstring)."""
    skeleton, voicing, gaps = korean
    if skeleton != english[0]:
        return False
    if any(mark != other and "?" not in mark for mark, other in zip(voicing, english[1], strict=True)):
        return False  # `빌드` is no `field`, `그리디` no `criteo`
    last = len(gaps) - 1
    for index, (hangul, letters) in enumerate(zip(gaps, english[2], strict=True)):
        if "h" in hangul and "h" not in letters:
            return False  # ㅎ is an `h`: `비선형` is no `versioning`
        written = hangul.replace("ㅡ", "").replace("h", "")
        letters = letters.replace("oo", "u").replace("ee", "i")  # `boost` 부스트, `tree` 트리
        vowels = set(letters) & _VOWELS
        if not written or (index == last and written == "ㅣ" and not letters and skeleton[-1] == "S"):
            if vowels - {"e"} or (vowels and "r" in letters):
                return False  # `판정` is no `vanishing`, `샘플` no `sampler`: a vowel Korean would write
            continue
        units = _vowel_units(written)
        if len(units) > sum(letter in _VOWELS or letter == "w" for letter in letters):
            return False  # `베이지안` (베이, 이, 아) is no `begin`
        if _W_GLIDE.search(letters) and not _KOREAN_GLIDES & set(written):
            return False  # a `w` before a vowel is 워, 웨, 와: `버켓` is no `backward`
        for vowel in units:
            allowed = set(_DIPHTHONGS.get(vowel) or _SPELLED[vowel])
            if allowed == {"w"}:
                if "w" not in letters and not _U_GLIDE.search(letters):
                    return False  # ㅘ, ㅝ, ㅞ: `software`, `query`; `과제` is no `gaus-`
            elif not allowed & vowels or (vowel == "ㅓ" and vowels == {"i"} and "r" not in letters):
                return False  # ㅓ writes an `i` only before `r` (`virtual` 버추얼, `first` 퍼스트)
    return True


def _vowel_units(written: str) -> list[str]:
    units: list[str] = []
    i = 0
    while i < len(written):
        pair = written[i : i + 2]
        units.append(pair if pair in _DIPHTHONGS else written[i])
        i += len(units[-1])
    return units


def _hangul(word: str) -> list[str]:
    units: list[str] = []
    for char in word:
        index = ord(char) - _BASE
        units.extend(_INITIAL[index // 588].replace("-", "").split())
        units.append(_MEDIAL[index % 588 // 28])
        units.extend(_FINAL[index % 28].split())
    return units


def _english(word: str) -> list[str]:
    """Consonants (a class letter and its voicing mark) and the other letters (vowels, silent letters)."""
    units: list[str] = []
    i = 0
    while i < len(word):
        char, rest = word[i], word[i + 1 :]
        step = 1
        if char in _VOWELS or char in "wh":
            units.append(char)
        elif char == "s" and rest.startswith("ch"):
            units.extend(("S", "K"))  # `schema` 스키마
            step = 3
        elif char == "c":
            if rest[:1] in ("k", "h"):
                units.append("K" if rest[:1] == "k" else "S")  # `stack` 스택, `batch` 배치
                step = 2
            else:
                units.append("S" if rest[:1] in ("e", "i", "y") else "K")
        elif char == "g":
            units.append("S" if rest[:1] in ("e", "i", "y") else "K+")  # `generic` 제네릭, `git` is missed
            if rest[:1] == "g":
                step = 2  # `debugging` 디버깅
        elif char == "n" and rest[:1] in ("g", "k"):
            units.append("G")
            if rest[:1] == "g":
                step = 2
                if rest[1:2] in ("l", "r"):
                    units.append("K+")  # `single` 싱글, `English` 잉글리시; `-ing` is 잉
        elif char in "tsp" and rest.startswith("h"):
            units.append("P" if char == "p" else "S")  # `graph` 그래프, `thread` 스레드, `hash` 해시
            step = 2
        elif char == "t" and rest[:1] in ("i", "u") and rest[1:2] in _VOWELS:
            units.append("S")  # `-tion`, `-tial`: 션, 셜; `virtual` 버추얼, `actual` 액추얼
        elif char == "r":
            units.append("L" if rest[:1] in _VOWELS and rest != "e" else "r")  # `server` 서버: a silent r
        else:
            units.extend(_PLAIN.get(char, "").split())
        i += step
    return units
