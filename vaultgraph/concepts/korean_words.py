"""What the dictionary-free Korean fallback knows of the language: closed word classes and particle agreement.

Korean open classes (nouns, verbs, adjectives) cannot be listed, but its closed classes can, and they
are where a rule-based noun finder goes wrong: bound nouns (`것`, `수`, `때`), adverbs (`다시`,
`아직`, `너무`), determiners and numerals (`이번`, `두`, `하나`), pronouns (`우리`, `뭐`). They are
written out below from the grammar (a word of any of these classes, not a list of one vault's words).

A particle must agree with the syllable it follows: `이` (and `이라는`, `이랑`...), `을`, `은`, `과`,
`으로` follow a final consonant, `가`, `를`, `는`, `와` a vowel, `로` a vowel or `ㄹ`. So `차이` is no `차` + `이`, nor
`평가` `평` + `가`. Where the particle agrees but the whole word is itself a common word (`고양이`,
`속도`, `강의`), wordfreq's Korean list (`background.read_list("ko")`) keeps it whole.

Loanwords are told by syllable shapes no Sino-Korean reading takes (`looks_borrowed`: `멘토링`, `스트림`).
"""

from __future__ import annotations

from functools import lru_cache

from vaultgraph.concepts.background import read_list
from vaultgraph.concepts.normalize import PARTICLES

BOUND_NOUNS = frozenset(
    "것 거 게 걸 건 겁 수 때 때문 등 등등 중 쪽 데 뿐 줄 만큼 적 편 시 간 내 뻔 듯 바 채 척 체 지 터 탓 참 "
    "번 번째 개 명 차 측 따름 나름 무렵 즈음 대로 김 셈 리 양 법".split()
)
ADVERBS = frozenset(
    """
다시 아직 너무 안 못 잘 더 덜 또 또한 좀 조금 많이 매우 아주 정말 진짜 꽤 훨씬 가장 제일 특히 먼저 일단 계속
항상 늘 자주 가끔 이미 벌써 곧 바로 이제 아까 방금 금방 빨리 천천히 일찍 늦게 오래 주로 거의 전혀 별로 그냥
그대로 결국 드디어 마침내 겨우 혹시 아마 물론 역시 과연 도대체 대체 왜 어떻게 어째서 얼마나 이렇게 그렇게
저렇게 자꾸 서로 함께 같이 따로 모두 다 전부 각각 새로 미리 직접 스스로 대충 대강 대략 약 약간 살짝 조금씩
점점 더욱 꼭 반드시 절대 절대로 결코 차라리 오히려 굳이 딱 딱히 그다지 그닥 되게 엄청 완전 실제로 확실히
분명히 당연히 충분히 여전히 열심히 꾸준히 정확히 그리고 그래서 그러나 그런데 근데 하지만 그러면 그럼 그래도
따라서 즉 또는 및 혹은 게다가 아무튼 어쨌든 한편 비로소 이따가 제대로 겨우 마저 아무리 설령 비록 만약 만일
잠깐 잠시 한참 한번 다같이 마구 막 영 꽤나 너무나 정말로 진짜로 일부러 우선 이만 이제야 그제야 새삼 괜히 문득
따라 대신 그때 이때 저때
""".split()
)
DETERMINERS = frozenset(
    """
이 그 저 이런 그런 저런 어떤 무슨 웬 어느 새 헌 첫 온 모든 온갖 각 매 여러 몇 한 두 세 네 다섯 여섯 일곱
여덟 아홉 열 스무 하나 둘 셋 넷 하나씩 둘씩 이번 저번 지난번 다른 큰 긴 작은 많은 적은 좋은 나쁜 새로운 같은
나 너 저 제 내 네 우리 저희 너희 그녀 누구 무엇 뭐 뭘 무얼 어디 언제 얼마 이것 그것 저것 이거 그거 저거
이건 그건 저건 이게 그게 저게 이걸 그걸 저걸 여기 거기 저기 아무 아무것 아무도 누군가 뭔가 무언가 어딘가 언젠가
뭔지 지난 이런저런 여러개 여러가지 몇개 몇가지 한개 두개 세개 네개
""".split()
)
# Verbs that work as postpositions (`~에 대한`, `~을 위해`, `~을 통해`): common enough to be listed, never nouns.
POSTPOSITIONAL_VERBS = frozenset(
    "대한 대해 대해서 위한 위해 위해서 통한 통해 통해서 관한 관해 관해서 의한 의해 인한 인해 따른 따라서 비해 "
    "향해 향한 덕분에 때문에 말고 빼고 보고 두고".split()
)
NOT_NOUNS = BOUND_NOUNS | ADVERBS | DETERMINERS | POSTPOSITIONAL_VERBS
# Stems of nouns in -도 (度, "degree": `정확도` accuracy, `유사도` similarity, `가능도` likelihood) that
# wordfreq's list lacks: it is cut into words by MeCab, which splits them into stem and suffix, so
# the list cannot keep them whole as it keeps `속도` and `해상도`, and the particle -도 ("also") would
# take their last syllable. A closed list: the suffix forms terms of measurement from these stems, and
# the stems are the ones technical writing measures by (a stem that also takes the particle often,
# `이해도` beside `이해도 안 된다`, stays out).
DEGREE_STEMS = frozenset(
    "정확 유사 가능 중요 인기 복잡 민감 결합 응집 의존 기여 신뢰 정밀 선호 적합 혼잡 선명 숙련 성숙 투명 명확 "
    "다양 충실 친밀 노출 활용 비지 해상 난이 완성 만족 상관 편향 채".split()
)

_BASE = 0xAC00
_AFTER_CONSONANT = frozenset("이 을 은 과 이나 이랑 이란 이며 이고 이다 이든 이면 이지 이라 으로".split())
_AFTER_VOWEL = frozenset("가 를 는 와 나 랑 란".split())
_RIEUL = 8  # jongseong index of ㄹ
_PARTICLE_LENGTHS = sorted({len(p) for p in PARTICLES}, reverse=True)
_PARTICLE_SET = frozenset(PARTICLES)


def final_consonant(syllable: str) -> int:
    """Jongseong index of a Hangul syllable (0: it ends in a vowel)."""
    return (ord(syllable) - _BASE) % 28


def agrees(stem: str, particle: str) -> bool:
    """True when `particle` may follow `stem`'s last syllable (`모델`+`이`, `데이터`+`를`; not `차`+`이`)."""
    final = final_consonant(stem[-1])
    if particle == "로" or particle.startswith("로"):
        return final in (0, _RIEUL)
    if particle in _AFTER_CONSONANT or particle.startswith(("으", "이")):
        return final != 0
    if particle in _AFTER_VOWEL:
        return final == 0
    return True


@lru_cache(maxsize=1)
def lexicon() -> frozenset[str]:
    """Korean words common enough for wordfreq's list (one in a million words or more)."""
    return frozenset(read_list("ko"))


def split_particle(word: str) -> tuple[str, str]:
    """`데이터를` -> (`데이터`, `를`); `차이`, `고양이`, `속도` stay whole (see the module docstring)."""
    common = word in lexicon()
    for n in _PARTICLE_LENGTHS:
        if len(word) <= n:
            continue
        stem, particle = word[:-n], word[-n:]
        if particle not in _PARTICLE_SET or not agrees(stem, particle) or stem[-1] == "를":
            continue  # no noun ends in the particle `를`: `몬테카를로` is one word
        if common and stem not in NOT_NOUNS:
            continue  # `고양이`, `속도`, `난이도`: a word of its own, not a shorter one and a particle
        if particle == "도" and stem in DEGREE_STEMS:
            continue  # `정확도`, `유사도`: a noun in -도 (度), not `정확` and `도` ("also")
        return stem, particle
    return word, ""


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
        index = ord(char) - _BASE
        if not 0 <= index < 11172:
            continue
        jamo = (index // 588, index % 588 // 28, index % 28)
        if any(
            all(allowed is None or part in allowed for part, allowed in zip(jamo, shape, strict=True))
            for shape in _FOREIGN_SHAPES
        ):
            return True
    return False
