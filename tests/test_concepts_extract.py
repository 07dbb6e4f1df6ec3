"""Per-note term extraction: particles split at the script boundary, runs, markup, and what is never a term."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from types import SimpleNamespace

import pytest

from vaultgraph.concepts.extract import latin_runs
from vaultgraph.concepts.korean import FallbackTokenizer, KiwiTokenizer, looks_borrowed, tokenizer
from vaultgraph.concepts.normalize import best_label, fold, strip_particle, variant_key
from vaultgraph.concepts.stopwords import is_filler
from vaultgraph.errors import UsageError
from vaultgraph.vault.note import load_note


def terms_of(body: str, front: str = "") -> dict[str, str]:
    note = load_note("retros/week2.md", (front + body).encode())
    return {term.text: term.source for term in note.terms}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("sequence 가 길어지면 lstm이 느리다", ["sequence", "lstm"]),
        ("transformer보다 연산량이 많다", ["transformer"]),
        ("batchnorm 이후 relu를 적용할 때", ["batchnorm", "relu"]),
        ("특히 KL divergence, Monte-Carlo 쪽을 보자", ["KL divergence", "Monte-Carlo"]),
        ("대표적인 augmentation - back translation, paraphrase", ["augmentation", "back translation", "paraphrase"]),
        ("월요일 d2l.ai 17장, templete 스터디", ["d2l.ai", "templete"]),
        ("이 time-step 을 키우다보면", ["time-step"]),
        ("python clean code나 design pattern도", ["python clean code", "design pattern"]),
        ("7강부터 9강 (tensorboard, wandb, multi gpu, ray tune) 은", ["tensorboard", "wandb", "multi gpu", "ray tune"]),
        ("W&B를 쓰고 C++ 도 본다", ["W&B", "C++"]),
        ("1.5 배, 3-4 시간, 2022 년", []),
        # an annotation keeps its `@` (`@Published` is no `published`); a lower-case one is a mention
        ("## @Published 프로퍼티와 @Transactional을, @jiyong", ["@Published", "@Transactional", "jiyong"]),
    ],
)
def test_latin_runs(text: str, expected: list[str]) -> None:
    assert [run for run, _ in latin_runs(text)] == expected


@pytest.mark.parametrize(
    ("text", "verb"),
    [
        ("update할 때", True),
        ("apply해서 확인", True),
        ("feature selection이라", False),
        ("metric을 제공", False),
        ("transformer한테", False),
    ],
)
def test_light_verb_tail(text: str, verb: bool) -> None:
    assert latin_runs(text)[0][1] is verb


@pytest.mark.parametrize(
    ("body", "present", "absent"),
    [
        ("- `torch.gather` 코드와 pytorch의 hook\n", ["pytorch", "hook"], ["torch.gather"]),
        ("- 수식 $h_{t-1}$ 과 rnn\n", ["rnn"], ["h_{t-1}", "h", "t-1"]),
        (
            "- https://example.org/docs#section 참고, www.d2l.ai/x 도 mlflow\n",
            ["mlflow"],
            ["https", "example.org", "docs"],
        ),
        ("```python\nimport numpy as np\n```\n- scipy 사용\n", ["scipy"], ["numpy", "import", "np"]),
        ("<!-- hidden secret -->\n%% obsidian comment %%\n- keras\n", ["keras"], ["hidden secret", "obsidian comment"]),
        ("> [!question] 아직 keras\n\n> [!NOTE]- scipy\n", ["keras", "scipy"], ["question", "NOTE"]),
    ],
)
def test_code_math_urls_comments_are_never_terms(body: str, present: list[str], absent: list[str]) -> None:
    terms = terms_of(body)
    assert set(present) <= set(terms)
    assert not set(absent) & set(terms)


def test_sources_of_terms() -> None:
    front = "---\ntitle: SMOTE 정리\nlayout: post\ncategories: boostcamp\ntags: [회고]\naliases: [w2]\n---\n"
    body = (
        "# 2주차 회고\n## learned\n- [[Batch Normalization|batchnorm]] 과 ![[figure.png]]\n"
        "- **SMOTE** 와 ==focal loss== 그리고 #nlp\n- **lstm 이 transformer 보다 크다** 는 것\n"
    )
    note = load_note("retros/week2.md", (front + body).encode())
    found = {(term.text, term.source) for term in note.terms}
    assert {
        ("Batch Normalization", "link"),
        ("SMOTE", "strong"),
        ("focal loss", "mark"),
        ("nlp", "tag"),
        ("회고", "tag"),
        ("w2", "front-matter"),
        ("learned", "heading"),
        ("SMOTE", "title"),  # the title is the author's own name for the subject
        ("lstm", "prose"),  # a bold sentence is prose, not one term
    } <= found
    texts = {text for text, _ in found}
    assert "batchnorm" not in texts and "figure.png" not in texts
    # categories file the post (series vocabulary); property names are never terms
    assert not {"boostcamp", "title", "layout", "post", "categories", "tags", "aliases"} & texts


@pytest.mark.parametrize(
    ("body", "present", "absent"),
    [
        ("- ETL (Extract, Transform, Load) 작성\n", ["ETL", "Extract Transform Load"], ["Extract", "Load"]),
        ("## ELT(Extract → Load → Transform)\n", ["ELT", "Extract Load Transform"], ["Transform"]),
        ("- SOLID (SRP, OCP, LSP, ISP, DIP)\n", ["SOLID", "SRP", "DIP"], []),  # five names, no expansion
    ],
)
def test_an_acronym_spelled_by_a_list_is_one_phrase(body: str, present: list[str], absent: list[str]) -> None:
    terms = terms_of(body)
    assert set(present) <= set(terms)
    assert not set(absent) & set(terms)


@pytest.mark.parametrize(
    ("body", "present", "absent"),
    [
        ("- 잘 이해가 안 됨. 잘 이해\n", [], ["잘 이해", "잘", "이해"]),
        ("- 논문 리뷰 참관\n", ["논문 리뷰 참관"], []),
        ("- 논문 공부 시간 리뷰\n", ["논문", "리뷰"], ["논문 공부 시간 리뷰", "공부", "시간"]),
        ("- 특정 커밋, 기존 스키마\n", ["커밋", "스키마"], ["특정 커밋", "특정", "기존 스키마"]),  # determiner nouns
        ("- 주요 키워드 : 스케줄러\n", ["스케줄러"], ["주요 키워드", "주요", "키워드"]),  # a template's label
        ("## 무한스크롤 페이지네이션 구현\n", ["무한스크롤 페이지네이션"], ["무한스크롤 페이지네이션 구현", "구현"]),
    ],
)
def test_korean_runs_split_at_filler(body: str, present: list[str], absent: list[str]) -> None:
    terms = terms_of(body)
    assert set(present) <= set(terms)
    assert not set(absent) & set(terms)


def test_terms_carry_line_block_and_section() -> None:
    note = load_note("a.md", "## 학습\n- pytorch의 hook\n- smote\n".encode())
    by_text = {t.text: t for t in note.terms}
    assert (by_text["pytorch"].line, by_text["pytorch"].section) == (2, "학습")
    assert by_text["pytorch"].block == by_text["hook"].block != by_text["smote"].block


@pytest.mark.parametrize(
    ("text", "runs"),
    [
        ("수요일 1시 멘토링 했음", [["수요일"], ["멘토링"]]),
        ("푸리에, gnn 등등", [["푸리에"]]),
        ("부스트캠프를 하면서", [["부스트캠프"]]),
        ("논문 리뷰 참관", [["논문", "리뷰", "참관"]]),
        ("lstm이 연산량이 많다는데", [["연산량"]]),
        ("잘 이해가 안 됨", [["이해"]]),  # adverbs (`잘`, `안`) are a closed class
        # verb and adjective forms a last syllable alone does not give away
        ("잘 되지 않음, 많지 않다", []),
        ("적어둠 나옴 모름 만듦 바뀐 나온", []),
        ("클린 코드 기본 설정", [["클린", "코드", "기본", "설정"]]),
        ("찾기 말하기 하는지 할지 상관없지만, 물어봤 되냐", []),
        ("값이 팀이 팀원끼리", [["값"], ["팀"], ["팀원"]]),
        # nouns that look like them stay
        (
            "이미지 크기 주기 사진 기준 멘토링 피어세션 연산량 파라미터",
            [["이미지", "크기", "주기", "사진", "기준", "멘토링", "피어세션", "연산량", "파라미터"]],
        ),
        ("이미지는 메모리는 데이터를", [["이미지"], ["메모리"], ["데이터"]]),
        # nouns in -자, -임, -ㅁ and -지 that end like verb forms
        ("숫자 야구 게임", [["숫자", "야구", "게임"]]),
        ("생성자에서 연산자 개발자", [["생성자"], ["연산자", "개발자"]]),
        ("정리하자 만들자 잊지 말자", []),  # propositives
        ("프레임을 스트림으로, 지킴", [["프레임"], ["스트림"]]),
        ("가비지 컬렉션은 버리지 않고", [["가비지", "컬렉션"]]),  # a -지 word before a noun, not before 않다
        ("처음엔 요즘엔", [["처음"], ["요즘"]]),  # `엔`: `에는` contracted
        ("방어적 복사와 구체적인 방법", [["복사"], ["방법"]]),  # -적 words are no nouns
        # a noun in -다 before a particle no verb takes there; a verb's -다가, -다는, -다고 stay verbs
        ("람다를 필드로 두고 람다에서 캡처", [["람다"], ["필드"], ["람다"], ["캡처"]]),
        ("갔다가 했다는 됐다고 있다를", []),
        # an auxiliary's adnominal after -아/-어 (`해본`, `만들어준`) and the past adnominal of 끼다
        ("해본 것, 만들어준 사람, 적어둔 느낀 점", [["사람"], ["점"]]),
        ("사본 대본 자본", [["사본", "대본", "자본"]]),  # nouns in -본
        # nouns in -도 (度) keep it; after another noun it is the particle ("also")
        ("정확도 코사인 유사도를 난이도", [["정확도", "코사인", "유사도"], ["난이도"]]),
        ("모델도 경우도 여러개", [["모델"], ["경우"]]),
        # a hyphenated Hangul name is one noun; no noun ends in `를`, so `몬테카를로` keeps its `로`
        ("쿨백-라이블러 발산을 구한다", [["쿨백-라이블러", "발산"]]),
        ("가우스-조던 소거법", [["가우스-조던", "소거법"]]),
        ("몬테카를로 샘플링, 파일로", [["몬테카를로", "샘플링"], ["파일"]]),
        # -시, -상 and -별 glued to a noun come off it; words that only end so stay whole
        ("객체 생성시 에러, 구조상 문제", [["객체", "생성"], ["에러"], ["구조"], ["문제"]]),
        ("유저별 평균", [["유저", "평균"]]),
        # a common word in -해 after a noun heads it; after a particle it is a verb's -해
        ("고윳값 분해(eigendecomposition), 값을 구해 본다", [["고윳값", "분해"], ["값"]]),
        ("크래시 프록시 도시 개별 재활용", [["크래시", "프록시", "도시", "개별", "재활용"]]),
    ],
)
def test_korean_fallback(text: str, runs: list[list[str]]) -> None:
    assert FallbackTokenizer().noun_runs(text) == runs


@pytest.mark.parametrize(
    ("text", "runs"),
    [
        ("방어적 복사와 선언적 트랜잭션", [["방어적", "복사"], ["선언적", "트랜잭션"]]),
        ("구체적인 방법, 효율적으로 개선", [["방법"], ["개선"]]),  # -적인, -적으로: adjective and adverb
        ("방어적, 복사", [["복사"]]),  # a modifier heads only the noun straight after it
    ],
)
def test_korean_term_runs_keep_a_modifier_before_its_noun(text: str, runs: list[list[str]]) -> None:
    assert FallbackTokenizer().term_runs(text) == runs


class _FakeKiwi:
    """Stands in for kiwipiepy's `Kiwi`: tokens as (form, tag, start, len), as kiwipiepy gives them."""

    def __init__(self, tokens: list[tuple[str, str, int, int]]):
        self._tokens = [SimpleNamespace(form=f, tag=t, start=s, len=n) for f, t, s, n in tokens]

    def tokenize(self, text: str) -> list[SimpleNamespace]:
        return self._tokens


@pytest.mark.parametrize(
    ("text", "tokens", "runs"),
    [
        (
            "피어세션 참관",
            [("피어", "NNG", 0, 2), ("세션", "NNG", 2, 2), ("참관", "NNG", 5, 2)],
            [["피어세션", "참관"]],
        ),
        ("연산량이", [("연산", "NNG", 0, 2), ("량", "XSN", 2, 1), ("이", "JKS", 3, 1)], [["연산량"]]),
        ("중요하다", [("중요", "NNG", 0, 2), ("하", "XSA", 2, 1), ("다", "EF", 3, 1)], []),
        (
            "논문 적용할",
            [("논문", "NNG", 0, 2), ("적용", "NNG", 3, 2), ("하", "XSV", 5, 1), ("ᆯ", "ETM", 5, 1)],
            [["논문"]],
        ),
        (
            "멘토링 했음",
            [("멘토링", "NNP", 0, 3), ("하", "XSV", 4, 1), ("었", "EP", 4, 1), ("음", "EF", 5, 1)],
            [["멘토링"]],
        ),
        ("질문들을", [("질문", "NNG", 0, 2), ("들", "XSN", 2, 1), ("을", "JKO", 3, 1)], [["질문"]]),
        (
            "주성분 분석이",
            [("주", "XPN", 0, 1), ("성분", "NNG", 1, 2), ("분석", "NNG", 4, 2), ("이", "JKS", 6, 1)],
            [["주성분", "분석"]],
        ),
    ],
)
def test_kiwi_noun_runs(text: str, tokens: list[tuple[str, str, int, int]], runs: list[list[str]]) -> None:
    assert KiwiTokenizer(_FakeKiwi(tokens)).noun_runs(text) == runs


@pytest.mark.parametrize(
    ("word", "borrowed"),
    [
        *(
            (w, True)
            for w in "멘토링 피어세션 푸리에 부스트캠프 리눅스 파라미터 데이터 리뷰 스터디 루틴 그래프 클래스 텐서".split()
        ),
        *(
            (w, False)
            for w in "연산량 자동화 과제 이론 학교 통계 효과 대학 사람 동아리 경험 역전파 경사하강법 과적합".split()
        ),
    ],
)
def test_looks_borrowed(word: str, borrowed: bool) -> None:
    assert looks_borrowed(word) is borrowed


@pytest.mark.parametrize(
    ("word", "split"),
    [
        ("데이터를", ("데이터", "를")),
        ("부스트캠프에서는", ("부스트캠프", "에서는")),
        ("속도", ("속도", "")),
        ("평가", ("평가", "")),
        ("이", ("이", "")),
    ],
)
def test_strip_particle(word: str, split: tuple[str, str]) -> None:
    assert strip_particle(word) == split


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Batch Normalization", "batchnormalization"),
        ("Monte-Carlo", "monte carlo"),
        ("t-SNE", "tsne"),
        ("\u1111\u116e\u1105\u1175\u110b\u1166", "푸리에"),
    ],
)
def test_variants_share_a_key(a: str, b: str) -> None:
    assert variant_key(a) == variant_key(b)


def test_fold_is_nfc_and_casefold() -> None:
    assert fold("\u1112\u1161\u11ab  KL") == "한 kl"


@pytest.mark.parametrize(
    "word",
    ["the", "update", "때", "공부", "관련", "이해", "사용", "생각", "learned", "layout", "tags", "thu", "monday"],
)
def test_filler_words(word: str) -> None:
    assert is_filler(word)


@pytest.mark.parametrize("word", ["pytorch", "멘토링", "smote", "paper review"])
def test_not_filler(word: str) -> None:
    assert not is_filler(word)


def test_best_label() -> None:
    from collections import Counter

    assert best_label(Counter({"kl divergence": 1, "KL divergence": 1})) == "KL divergence"
    assert best_label(Counter({"batchnormalization": 1, "batch normalization": 1})) == "batch normalization"
    assert best_label(Counter({"lstm": 3, "LSTM": 1})) == "lstm"


@pytest.fixture
def fresh_tokenizer() -> Iterator[None]:
    tokenizer.cache_clear()
    yield
    tokenizer.cache_clear()


@pytest.mark.usefixtures("fresh_tokenizer")
@pytest.mark.parametrize("value", ["", "fallback", " Fallback "])
def test_the_rule_based_tokenizer_is_the_default_whatever_is_installed(
    monkeypatch: pytest.MonkeyPatch, value: str
) -> None:
    monkeypatch.setenv("VAULTGRAPH_KOREAN", value)
    assert tokenizer().name == "fallback"


@pytest.mark.usefixtures("fresh_tokenizer")
@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("kiwi", 'VAULTGRAPH_KOREAN=kiwi needs kiwipiepy: pip install "vaultgraph[ko]"'),
        ("mecab", "VAULTGRAPH_KOREAN='mecab': expected one of fallback, kiwi"),
    ],
)
def test_a_tokenizer_that_cannot_be_had_is_a_usage_error(
    monkeypatch: pytest.MonkeyPatch, value: str, message: str
) -> None:
    monkeypatch.setenv("VAULTGRAPH_KOREAN", value)
    monkeypatch.setitem(sys.modules, "kiwipiepy", None)  # `import kiwipiepy` raises ImportError
    with pytest.raises(UsageError) as raised:
        tokenizer()
    assert str(raised.value) == message
