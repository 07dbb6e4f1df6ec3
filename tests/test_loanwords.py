"""`loanwords.sound_alike`: a Hangul term and the Latin term it transcribes, as technical blogs write them."""

import pytest

from vaultgraph.concepts.loanwords import sound_alike, sound_of

SAME = [
    ("클로저", "closure"),  # a final `re` is silent
    ("스코프", "scope"),  # the ㅡ Korean adds, the silent `e` English writes
    ("웹소켓", "websocket"),  # finals ㅂ and ㅅ stand for `b` and `t`
    ("콜 스택", "call stack"),  # spaces do not count
    ("트랜잭션", "transaction"),  # `-tion` is 션
    ("리팩토링", "refactoring"),
    ("리팩터링", "refactoring"),  # ㅓ, the schwa, for `o`
    ("미들웨어", "middleware"),  # ㅞ needs the `w`
    ("데이터베이스", "database"),  # 에이 is one `a`
    ("파이프라인", "pipeline"),  # 아이 is one `i`
    ("컬렉션", "collection"),  # `ll` and ㄹㄹ are one consonant
    ("싱글톤", "singleton"),  # the `g` of `ngl` is heard
    ("브랜치", "branch"),  # the ㅣ after a final `ch`
    ("디버깅", "debugging"),  # `gg` is one hard `g`
    ("스레드", "thread"),
    ("그래프", "graph"),
    ("부스팅", "boosting"),  # `oo` is ㅜ
    ("버추얼", "virtual"),  # `tu` before a vowel is 추
    ("소프트웨어", "software"),
    ("그레디언트", "gradient"),  # ㅔ and ㅐ sound alike: both write `a`
]
DIFFERENT = [
    ("빌드", "field"),  # ㅂ is `b`, not `f`
    ("그리디", "criteo"),  # ㄱ is `g`, not `c`
    ("포스팅", "boosting"),  # ㅗ is no `oo`
    ("판정", "vanishing"),  # English writes a vowel (`i`) where Korean writes none
    ("샘플", "sampler"),  # `-er` would be 러
    ("포인트", "panet"),  # 오이 is no `a`
    ("포워딩", "padding"),  # ㅝ needs a `w`
    ("바인딩", "pending"),
    ("비선형", "versioning"),  # ㅎ is an `h`
    ("버켓", "backward"),  # a `w` before a vowel is 워
    ("버츄얼", "visual"),  # ㅓ writes an `i` only before `r` (`virtual`)
    ("리서쳐", "resource"),  # ㅕ is no silent `e`
    ("베이지안", "begin"),  # three Korean vowels for one `i`
]


@pytest.mark.parametrize(("korean", "english"), SAME)
def test_a_loanword_sounds_like_its_source(korean: str, english: str) -> None:
    hangul, latin = sound_of(korean), sound_of(english)
    assert hangul is not None and latin is not None
    assert sound_alike(hangul, latin)


@pytest.mark.parametrize(("korean", "english"), DIFFERENT)
def test_words_that_only_share_consonant_classes_do_not(korean: str, english: str) -> None:
    hangul, latin = sound_of(korean), sound_of(english)
    assert hangul is None or latin is None or not sound_alike(hangul, latin)
    assert hangul is not None and latin is not None and hangul[0] == latin[0]  # the classes alone would join them


@pytest.mark.parametrize("term", ["서버", "server", "api", "C++", "데이터셋 v2", ""])
def test_short_and_mixed_terms_have_no_sound(term: str) -> None:
    assert sound_of(term.casefold()) is None
