"""Open questions (what asks, in Korean and English) and questions carried from earlier weeks."""

from __future__ import annotations

from pathlib import Path

import pytest

from vaultgraph.parse.note import parse_note
from vaultgraph.series.questions import Question, asks, carried, find_questions, similarity, terms
from vaultgraph.series.timeline import WeekRef
from vaultgraph.vault.load import load_vault

SAMPLE = Path(__file__).resolve().parents[1] / "sample_vault"


@pytest.mark.parametrize(
    "text",
    [
        "lstm이 transformer보다 연산량이 많다는데 왜 그런지 모르겠음",
        "SMOTE는 텍스트에는 잘 안 맞는다고 하는데 왜?",
        "batchnorm을 activation 앞에 두는지 뒤에 두는지 궁금",
        "ELBO랑 reconstruction loss 관계가 아직도 이해가 안 됨",
        "attention mask 방향이 헷갈림",
        "왜 lstm 얘기가 나올까",
        "왜 학습이 안 되지",
        "warmup이 꼭 필요한지 알고 싶다",
        "이 부분은 이해를 못 했다",
        "Is dropout applied at inference?",
        "I'm not sure why the loss goes up",
        "I still don't understand BPTT",
        'Why does this diverge?"',
    ],
)
def test_asks(text):
    assert asks(text)


@pytest.mark.parametrize(
    "text",
    [
        "bias correction 항이 왜 필요한지는 식을 직접 써보고 이해했음",
        "KL divergence가 왜 비대칭인지 식으로 다시 확인함",
        "그래도 점수만 보지 말고 왜 오르는지를 적어두자",
        "드디어 lstm 연산량 질문이 풀림",
        "2주차에 궁금했던 게 이번 주에 해결됐다",
        "모르는 건 바로 물어보기",
        "다음 주부터 프로젝트니까 리듬을 다시 잡자",
        "https://example.com/search?q=lstm 참고",
        "the wonder of backprop",
        "",
    ],
)
def test_does_not_ask(text):
    assert not asks(text)


NOTE = """\
---
week: 3
series: b
---
# 3주차 회고

## 질문이 뭐가 있었나?

- SMOTE는 보간으로 샘플을 만듦. 텍스트에는 왜 안 맞을까?
- seaborn의 `hue`와 `style`을 같이 쓰면 범례가 두 개인데 합칠 수 있나?
- 그냥 적어둔 것
  - 중첩된 질문도 따로 셈?

오늘은 비가 왔다. adam의 bias correction이 헷갈린다. 저녁은 맛있었다.
$h_t$는 무엇일까?

> [!question] 아직 모르겠는 것
> 연산량과 시간은 무슨 차이인지 궁금

```python
x = input("why?")
```
"""


def test_find_questions_units():
    note = parse_note("retros/w3.md", NOTE.encode())
    found = [(q.line, q.text) for q in find_questions(note)]
    assert found == [
        (9, "SMOTE는 보간으로 샘플을 만듦. 텍스트에는 왜 안 맞을까?"),  # a bullet is one unit
        (10, "seaborn의 `hue`와 `style`을 같이 쓰면 범례가 두 개인데 합칠 수 있나?"),  # code put back
        (12, "중첩된 질문도 따로 셈?"),
        (14, "adam의 bias correction이 헷갈린다. $h_t$는 무엇일까?"),  # only the asking sentences
        (18, "연산량과 시간은 무슨 차이인지 궁금"),  # callout title and heading are titles; code is not prose
    ]
    assert all(q.week == WeekRef(False, "b", 3) for q in find_questions(note))


def q(week: int, text: str, series: str = "b") -> Question:
    return Question(text, f"{series}{week}.md", 1, WeekRef(False, series, week))


PLANTED = "lstm이 transformer보다 연산량이 많다는데 왜 그런지 모르겠음"


@pytest.mark.parametrize(
    "later",
    [
        "2주차에 궁금했던 lstm 연산량이 transformer보다 많은 이유 - 아직도 이해가 안 됨.",
        "지난 주에 궁금했던 lstm 연산량 얘기, transformer는 왜 더 적은지 아직 모르겠음",
        "2주차 질문이 아직 남아 있음 - lstm은 파라미터 수가 sequence 길이와 상관없는데, 왜 연산량 얘기가 나올까?",
        "2주차에 궁금했던 연산량 얘기와 관련이 있을 것 같은데 아직 연결이 안 됨",  # names the week
        "Still don't understand why LSTM needs more compute than a Transformer",
    ],
)
def test_carried_positives(later):
    earlier, again = q(2, PLANTED), q(4 if "지난 주" not in later else 3, later)
    assert carried([again, earlier]) == [again]
    assert again.carried_from == [earlier.week]
    assert earlier.carried_from == []


@pytest.mark.parametrize(
    ("earlier_text", "later_text"),
    [
        (PLANTED, "batchnorm을 activation 앞에 두는지 뒤에 두는지 궁금"),
        (PLANTED, "ELBO를 최대화하는 것과 reconstruction loss를 최소화하는 게 어떤 관계인지 모르겠음"),
        (PLANTED, "lstm 헤드를 붙일지 모르겠음"),  # one shared term, no mention of week 2
        (PLANTED, "3주차에 궁금했던 연산량 얘기"),  # names another week
        ("통계를 다시 봐야 하나?", "seaborn 범례를 하나로 합칠 수 있나?"),
        ("왜 그런지 모르겠음", "왜 그런지 아직도 모르겠음"),  # nothing but the words every question shares
    ],
)
def test_carried_negatives(earlier_text, later_text):
    assert carried([q(2, earlier_text), q(4, later_text)]) == []


def test_carried_needs_an_earlier_week_of_the_same_series():
    same_week = [q(2, PLANTED), q(2, PLANTED + "?")]
    other_series = [q(2, PLANTED), q(4, PLANTED, series="c")]
    no_week = [Question(PLANTED, "x.md", 1), q(4, PLANTED)]
    assert carried(same_week) == carried(other_series) == carried(no_week) == []


def test_carried_questions_chain_their_weeks():
    first = q(2, PLANTED)
    second = q(
        4, "2주차 질문이 아직 남아 있음 - lstm은 파라미터 수가 sequence 길이와 상관없는데, 왜 연산량 얘기가 나올까?"
    )
    third = q(6, "sequence 길이가 길면 lstm 연산량이 왜 문제인지 모르겠음")  # matches week 4 only
    carried([third, first, second])
    assert [ref.index for ref in third.carried_from] == [2, 4]


def test_terms_strip_particles_and_shared_question_words():
    assert terms("lstm이 transformer보다 연산량이 많다는데 왜 그런지 모르겠음") == {
        "lstm": 2,
        "transformer": 2,
        "연산량": 1,
    }
    assert similarity({"a": 2, "b": 1}, {"a": 2, "b": 1}) == pytest.approx(1.0)
    assert similarity({"a": 2, "b": 1}, {"a": 2, "b": 1, "c": 1, "d": 1, "e": 1}) == pytest.approx(5 / 40**0.5)
    assert similarity({}, {"a": 2}) == 0.0


def test_common_phrasing_does_not_carry_a_different_subject():
    phrasing = "왜 성능이 떨어지는지 모르겠다"
    subjects = ["dropout", "adam", "sgd", "relu", "gelu", "lstm", "gru", "bert", "vit", "resnet"]
    questions = [q(week, f"{subject} {phrasing}") for week, subject in enumerate(subjects, 1)]
    questions.append(q(20, f"dropout {phrasing}"))
    assert carried(questions) == [questions[-1]]
    assert [ref.index for ref in questions[-1].carried_from] == [1]


def test_one_long_bullet_does_not_absorb_short_questions():
    long_bullet = q(3, "lstm, gru, bert, vit, resnet, adam을 다 비교해봤는데 어떤 게 나은지 모르겠음")
    assert carried([q(2, "lstm 구조가 궁금"), long_bullet]) == []


def test_sample_vault_planted_question_is_carried():
    vault = load_vault(SAMPLE)
    questions = [question for note in vault.notes.values() if note.week for question in find_questions(note)]
    found = {(c.note, c.line): [ref.key for ref in c.carried_from] for c in carried(questions)}
    assert found == {
        ("_posts/2023-01-20-boostcamp-week3.md", 21): ["boostcamp/2"],
        ("retros/boostcamp 4주차 보충.md", 20): ["boostcamp/2"],
        ("retros/boostcamp 5주차 회고.md", 30): ["boostcamp/2"],
    }
