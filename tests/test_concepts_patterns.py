"""The failure patterns of real retrospective blogs, one table per pattern: what must be a concept,
what must not be one (and why), and which spellings must be one concept.

Each vault is a small blog in the shape of a bootcamp series: `DAYS` daily notes and a weekly
retrospective per week, with the pattern planted on top. The background notes say nothing in common
but the series' own words, so only the planted terms decide each case.

Korean nouns come from the rule-based tokenizer, what the default install ships, whether or not
kiwipiepy is installed here (kiwipiepy reads `데이터셋` as `데이터` + `셋`, which is its own business).
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from vault_files import write_files

from vaultgraph.concepts import extract
from vaultgraph.concepts.background import Background
from vaultgraph.concepts.build import Ranking, rank_concepts
from vaultgraph.concepts.field_words import FIELD_FREQUENCY, FIELD_WORDS
from vaultgraph.concepts.korean import FallbackTokenizer
from vaultgraph.concepts.score import ECHO_DISCOUNT
from vaultgraph.vault.load import load_vault

TOPICS = ["NGCF", "LightGCN", "SASRec", "BERT4Rec", "AutoRec", "DeepFM", "Item2Vec", "CatBoost", "EASE", "GRU4Rec"]
DAYS = 10


@pytest.fixture(autouse=True)
def _rule_based_korean(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(extract, "tokenizer", FallbackTokenizer)


def daily(n: int, body: str, *, title: str | None = None, footer: str = "") -> str:
    front = f'---\ntitle: "{title or f"[Day {n}] {TOPICS[n % len(TOPICS)]} 정리"}"\ndate: 2023-04-{n:02d}\n---\n'
    return f"{front}## 오늘 배운 것\n- {TOPICS[n % len(TOPICS)]} 구조를 봄 {'가' * n}\n{body}{footer}"


def blog(tmp_path: Path, extra: dict[int, str] | None = None, files: dict[str, str] | None = None) -> Ranking:
    """The background blog, with `extra` lines in day N's note and other `files` (path -> text)."""
    notes = {f"_posts/2023-04-{n:02d}-day{n}.md": daily(n, (extra or {}).get(n, "")) for n in range(1, DAYS + 1)}
    return rank_concepts(load_vault(write_files(tmp_path, {**notes, **(files or {})})))


def rank(ranking: Ranking, term: str) -> int:
    candidate = ranking.find(term)
    assert candidate is not None and candidate.dropped is None, (term, candidate)
    return next(i for i, c in enumerate(ranking.concepts) if c.key == candidate.key)


def dropped(ranking: Ranking, term: str) -> str:
    candidate = ranking.find(term)
    return "" if candidate is None else candidate.dropped or ""


# --- generic words: frequent here, but frequent in general language too ---------------------------------


@pytest.mark.parametrize("generic", ["데이터", "모델", "강의", "프로젝트", "코드", "성능", "사람"])
def test_a_generic_word_ranks_below_a_rare_topic_used_less(tmp_path: Path, generic: str) -> None:
    extra = {n: f"- {generic}를 다시 봤음, {generic} 정리\n" for n in range(1, 7)}
    extra[3] += "- 경사하강법 유도\n"
    extra[4] += "- 경사하강법 복습\n"
    ranking = blog(tmp_path, extra)
    assert (
        ranking.find(generic) is None
        or ranking.find(generic).dropped
        or rank(ranking, generic) > rank(ranking, "경사하강법")
    )


def test_a_korean_and_an_english_term_of_the_same_weight_rank_side_by_side(tmp_path: Path) -> None:
    """Neither general word list has `멱등성` or `idempotency`: the two start even, script aside."""
    extra = {n: "- 멱등성 확인, idempotency 확인\n- 멱등성, idempotency\n" for n in (2, 5)}
    ranking = blog(tmp_path, extra)
    korean, english = (ranking.find(term).evidence for term in ("멱등성", "idempotency"))
    assert korean is not None and english is not None
    assert abs(korean.score / english.score - 1) < 0.1


def test_a_field_word_in_many_notes_ranks_below_a_topic_of_two(tmp_path: Path) -> None:
    """`getter` in four notes of ten, twice each, against `디미터 법칙` in two, twice each: the field's
    everyday word is spread across the vault, the topic is what two notes are about."""
    extra = {n: f"- getter 사용 {'마' * n}\n- getter 제거 {'바' * n}\n" for n in (1, 3, 6, 8)}
    extra[3] += "- 디미터 법칙 위반\n- 디미터 법칙\n"
    extra[4] = "- 디미터 법칙 정리\n- 디미터 법칙 예시\n"
    ranking = blog(tmp_path, extra)
    assert rank(ranking, "디미터 법칙") < rank(ranking, "getter")


@pytest.mark.parametrize(
    ("field_word", "term"),
    [
        ("메서드", "멱등성"),
        ("쿼리", "멱등성"),
        ("로직", "멱등성"),
        ("getter", "idempotency"),
        ("API", "gRPC"),
        ("문자열", "멱등성"),
        ("컨벤션", "멱등성"),
        ("논문", "멱등성"),
        ("GPU", "gRPC"),
    ],
)
def test_an_everyday_word_of_technical_writing_weighs_less_than_a_term_used_alike(
    tmp_path: Path, field_word: str, term: str
) -> None:
    """Neither word is in general language's lists, but every developer blog writes `메서드` and `쿼리`:
    used exactly alike, the field's everyday word scores well under the term."""
    extra = {n: f"- {field_word} 추가 {'마' * n}\n- {term} 확인 {'바' * n}\n" for n in (1, 3, 6)}
    ranking = blog(tmp_path, extra)
    field, other = (ranking.find(word) for word in (field_word, term))
    assert field is not None and field.evidence is not None and other is not None and other.evidence is not None
    assert field.evidence.score < 0.5 * other.evidence.score


@pytest.mark.parametrize("phrase", ["값 객체", "인수 테스트"])
def test_a_phrase_of_field_words_is_a_name_of_its_own(phrase: str) -> None:
    """`값` and `객체` are everyday words; `값 객체` (value object) is a term: only a whole term is a field word."""
    background = Background(korean=True)
    assert all(background.frequency(word) >= FIELD_FREQUENCY for word in phrase.split() if word in FIELD_WORDS)
    assert background.frequency(phrase) < FIELD_FREQUENCY


# --- the series' own vocabulary --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "term"),
    [
        ("[부스트캠프 AI Tech] Day {n} 학습정리", "Day"),
        ("부스트캠프 {n}일차", "일차"),
        ("[부스트캠프 AI Tech] {n}주차 회고", "부스트캠프"),
        ("[부스트캠프 AI Tech] {n}주차 회고", "AI Tech"),
        ("Boostcamp-{n}weeks", "Boostcamp-1weeks"),
        ("Boostcamp-{n}weeks", "2weeks"),
    ],
)
def test_title_template_and_series_names_are_not_concepts(tmp_path: Path, title: str, term: str) -> None:
    notes = {
        f"_posts/2023-04-{n:02d}-t{n}.md": daily(
            n,
            f"- 부스트캠프 AI Tech {'나' * n}\n- {n}weeks 끝 {'라' * n}\n- 일차 Day {'다' * n}\n",
            title=title.format(n=n),
        )
        for n in range(1, 6)
    }
    ranking = rank_concepts(load_vault(write_files(tmp_path, notes)))
    assert "the series' own vocabulary" in dropped(ranking, term)


def test_categories_filing_many_notes_are_series_names_and_one_posts_category_is_its_subject(tmp_path: Path) -> None:
    notes = {
        f"_posts/2023-04-{n:02d}-d{n}.md": f"---\ncategories: [Boostcamp, Daily]\n---\n- Boostcamp {TOPICS[n]} 봄\n"
        for n in range(1, 9)
    }
    notes["_posts/2023-05-01-docker.md"] = "---\ncategories: [Docker]\n---\n- Docker 설치, Docker compose\n"
    ranking = rank_concepts(load_vault(write_files(tmp_path, notes)))
    assert "the series' own vocabulary" in dropped(ranking, "Boostcamp")
    assert ranking.find("Docker") is not None and ranking.find("Docker").dropped is None


def test_a_filing_tag_is_not_a_concept_but_a_topic_that_is_also_a_tag_is(tmp_path: Path) -> None:
    notes = {f"notes/n{n}.md": f"---\ntags: [paper-review]\n---\n- {TOPICS[n]} 와 PyTorch 코드\n" for n in range(8)}
    notes.update({f"notes/p{n}.md": f"---\ntags: [PyTorch]\n---\n- {TOPICS[n]} 구현\n" for n in range(3)})
    ranking = rank_concepts(load_vault(write_files(tmp_path, notes)))
    assert "the blog's filing" in dropped(ranking, "paper-review")
    assert ranking.find("PyTorch").dropped is None


def test_numbered_stages_are_series_vocabulary_but_numbered_names_are_concepts(tmp_path: Path) -> None:
    ranking = blog(
        tmp_path, {1: "- level1 끝, ResNet18 실험\n", 2: "- level2 시작, ResNet50 실험\n", 3: "- 다음 level 준비\n"}
    )
    assert all("a numbered stage" in dropped(ranking, stage) for stage in ("level1", "level2", "level"))
    assert ranking.find("ResNet18").dropped is None and ranking.find("ResNet50").dropped is None


def steps(titles: list[str], body: str = "- 리뷰 반영\n") -> dict[str, str]:
    """Notes with these titles and `body` (and a line of their own, so that the body is no boilerplate)."""
    return {
        f"_posts/2024-03-{n:02d}-s{n}.md": f'---\ntitle: "{t}"\n---\n{body}- {"라" * n}\n'
        for n, t in enumerate(titles, 1)
    }


def test_a_course_project_numbered_in_steps_is_series_vocabulary(tmp_path: Path) -> None:
    titles = [f"[레벨1] 볼링 점수판 {n}단계 회고" for n in (1, 2)] + [f"[레벨2] 영화 예매 {n}단계" for n in (1, 2)]
    titles[2] += " - JdbcTemplate에서 JPA로"
    notes = steps(titles, "- 볼링 점수판 상태 정리, 영화 예매 API\n")
    notes = {path: f"{text}- 볼링은 {'아' * n}, 영화를 {'어' * n}\n" for n, (path, text) in enumerate(notes.items())}
    notes["_posts/2024-03-20-state.md"] = "---\ntitle: 상태 패턴으로 볼링 프레임 구현하기\n---\n- 상태 패턴 적용\n"
    ranking = blog(tmp_path, files=notes)
    for term in ("볼링 점수판", "볼링", "영화 예매", "영화"):
        assert "a course project" in dropped(ranking, term), term
    for term in ("JdbcTemplate", "JPA", "상태 패턴"):  # a title's other terms, and a post's subject
        assert dropped(ranking, term) == "", term


def test_steps_listed_in_one_title_and_the_compounds_a_project_heads(tmp_path: Path) -> None:
    titles = ["[레벨1] 로또 미션 1, 2단계 회고", "[레벨1] 사다리 1단계", "[레벨1] 사다리 2단계", "[레벨1] 체스 1단계"]
    notes = steps(titles)
    notes = {
        path: f"{text}- 로또 번호 {'아' * n}, 로또는 {'어' * n}, 사다리 {'오' * n}\n"
        for n, (path, text) in enumerate(notes.items())
    }
    ranking = blog(tmp_path, files=notes)
    for term in ("로또 미션", "로또", "로또 번호", "사다리"):
        assert "a course project" in dropped(ranking, term), term


def test_numbered_days_are_no_steps_and_their_subjects_stay(tmp_path: Path) -> None:
    titles = ["[Day 3] NGCF 정리", "[Day 4] NGCF 구현", "[Day 5] LightGCN", "[Day 6] LightGCN 구현"]
    ranking = blog(tmp_path, files=steps(titles, "- NGCF, LightGCN 비교\n"))
    assert dropped(ranking, "NGCF") == dropped(ranking, "LightGCN") == ""


def test_a_project_part_that_titles_a_post_of_its_own_stays(tmp_path: Path) -> None:
    notes = steps(
        [f"JPA 쇼핑몰 {n}단계" for n in (1, 2)] + [f"장바구니 {n}단계" for n in (1, 2)], "- JPA 엔티티, 쇼핑몰 주문\n"
    )
    notes["_posts/2024-04-01-jpa.md"] = "---\ntitle: JPA 연관관계 정리\n---\n- JPA 연관관계\n"
    ranking = blog(tmp_path, files=notes)
    assert "a course project" in dropped(ranking, "쇼핑몰")
    assert dropped(ranking, "JPA") == ""


def test_a_name_written_only_in_the_titles_of_a_series_is_series_vocabulary(tmp_path: Path) -> None:
    """A team name on a third of a course's day titles (`학습기록_minibatch28`) is written nowhere else."""
    notes = {
        f"_posts/2023-04-{n:02d}-day{n}.md": daily(
            n,
            f"- {TOPICS[n % len(TOPICS)]} 복습 {'가' * n}\n",
            title=f"[boostcourse] Day{n} 학습기록" + ("_minibatch28" if n <= 6 else ""),
        )
        for n in range(1, 25)
    }
    ranking = rank_concepts(load_vault(write_files(tmp_path, notes)))
    assert "series" in dropped(ranking, "minibatch28")


def test_a_note_template_is_left_out(tmp_path: Path) -> None:
    template = "---\ndate: {{date}}\n---\n# {{date:YYYY-MM-DD}}\n- Zettelkasten 체크\n"
    ranking = blog(tmp_path, files={"templates/daily.md": template})
    assert ranking.find("Zettelkasten") is None


def test_a_note_in_the_vaults_template_folder_is_left_out(tmp_path: Path) -> None:
    """A template without placeholders is still a template when Obsidian's settings keep it in that folder."""
    files = {".obsidian/templates.json": '{"folder": "tpl"}', "tpl/paper.md": "# 논문 메모\n- Zettelkasten 체크\n"}
    assert blog(tmp_path, files=files).find("Zettelkasten") is None


# --- boilerplate lines and markup ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("footer", "term"),
    [
        ("\nfirst draft: 2023.04.{n}\n", "first draft"),
        ("\n> 네이버 부스트캠프 AI Tech 학습 기록입니다. 틀린 부분이 있을 수 있어요.\n", "학습 기록"),
        ("\n## 피어세션\n- 강의 리마인드\n", "강의 리마인드"),
    ],
)
def test_lines_repeated_across_notes_do_not_count(tmp_path: Path, footer: str, term: str) -> None:
    notes = {
        f"_posts/2023-04-{n:02d}-day{n}.md": daily(n, "", footer=footer.replace("{n}", f"{n:02d}"))
        for n in range(1, DAYS + 1)
    }
    ranking = rank_concepts(load_vault(write_files(tmp_path, notes)))
    assert ranking.find(term) is None or "boilerplate" in dropped(ranking, term)


@pytest.mark.parametrize("word", ["LINK", "링크", "여기", "바로가기"])
def test_a_link_text_that_only_points_is_no_concept(tmp_path: Path, word: str) -> None:
    """`[LINK](https://...)` in every line of a reading list names nothing."""
    extra = {n: f"- 참고 [{word}](https://example.com/{n}) {'하' * n}\n" for n in range(1, 9)}
    ranking = blog(tmp_path, extra)
    assert ranking.find(word) is None or dropped(ranking, word)


@pytest.mark.parametrize(
    "word",
    [
        "P-stage",
        "U-Stage",
        "피어 세션",
        "스페셜 피어세션",
        "Office Hours",
        "Further Questions",
        "레벨",
        "테코톡",
        "AI Math",
        "클로징 세션",
        "커리큘럼",
        "학습 스프린트",
        "AI Production",
        "랩미팅",
    ],
)
def test_a_ritual_of_a_course_is_series_vocabulary_in_any_spelling(tmp_path: Path, word: str) -> None:
    """A blog that writes `P-stage` in the prose of a quarter of its notes is still not about it."""
    extra = {n: f"- 오늘 {word}에서 {'가' * n} 이야기\n" for n in range(1, 9)}
    ranking = blog(tmp_path, extra)
    assert ranking.find(word) is None or "a ritual, role or part of a course" in dropped(ranking, word)


@pytest.mark.parametrize("site", ["백준", "BOJ", "프로그래머스", "LeetCode"])
def test_a_coding_test_site_is_no_concept(tmp_path: Path, site: str) -> None:
    """Where a study blog's problems come from, however often: the problems' algorithms are the topics."""
    topics = ["DFS 탐색", "BFS 최단 경로", "DP 점화식", "그리디 정렬"]
    extra = {n: f"- {site}에서 {topics[n - 1]} 문제 {'가' * n}\n" for n in range(1, 5)}
    ranking = blog(tmp_path, extra)
    assert ranking.find(site) is None or "a coding-test site" in dropped(ranking, site)


def test_a_blog_themes_page_is_no_concept_note(tmp_path: Path) -> None:
    """Chirpy's `_tabs/categories.md` is a page of the theme; `categories` in a post is no concept."""
    files = {
        "_tabs/categories.md": "---\nlayout: categories\n---\n",
        "_tabs/archives.md": "---\nlayout: archives\n---\n",
    }
    extra = {n: "- categories 확인, archives 확인\n" for n in range(1, 5)}
    ranking = blog(tmp_path, extra, files)
    assert all(c.note is None for c in ranking.concepts)
    assert ranking.find("archives") is None or not ranking.find("archives").evidence.known


def test_a_folders_readme_without_a_heading_names_nothing(tmp_path: Path) -> None:
    """GitHub shows `1주차/README.md` as the folder's page: its file name is no title and no concept."""
    files = {f"{n}주차/README.md": f"- Airflow DAG 작성 {'가' * n}\n" for n in range(1, 5)}
    ranking = blog(tmp_path, {}, files)
    assert ranking.find("README") is None or dropped(ranking, "README")
    assert dropped(ranking, "Airflow DAG") == ""


@pytest.mark.parametrize(
    "markup",
    ["{: data-toc-skip='' }", "{: .prompt-info }", "{% raw %} template {% endraw %}", "<img src='x.png' width='600'>"],
)
def test_liquid_kramdown_and_html_are_markup(tmp_path: Path, markup: str) -> None:
    ranking = blog(tmp_path, {1: f"- 설명\n{markup}\n"})
    assert not {"data-toc-skip", "prompt-info", "raw", "endraw", "img", "src", "width"} & {
        c.key for c in ranking.candidates.values()
    }


# --- titles ------------------------------------------------------------------------------------------------


def test_a_title_names_a_concept_even_once(tmp_path: Path) -> None:
    ranking = blog(tmp_path, files={"_posts/2023-05-01-s3rec.md": "---\ntitle: S3Rec 논문 리뷰\n---\n- 읽어봄\n"})
    s3rec = ranking.find("S3Rec")
    assert s3rec is not None and s3rec.dropped is None and s3rec.sources == {"title": 1}


@pytest.mark.parametrize(
    ("title", "wanted", "unwanted"),
    [
        ("JPA N+1 문제", ["JPA", "N+1"], ["JPA N+1"]),  # two names side by side, quoted by links to the note
        ("JUnit5 ParameterizedTest 정리", ["JUnit5", "ParameterizedTest"], ["JUnit5 ParameterizedTest"]),
        ("영속성 컨텍스트 이해하기", ["영속성 컨텍스트"], ["이해하기"]),
        ("일급 컬렉션은 왜 쓸까", ["일급 컬렉션"], ["쓸까"]),
        ("원시값 포장과 값 객체", ["원시값 포장", "값 객체"], ["원시값 포장과 값 객체"]),
        ("equals와 hashCode", ["equals", "hashCode"], ["equals와 hashCode"]),
        ("자바 예외 처리 정리", ["예외 처리"], ["자바 예외 처리", "정리"]),  # the part the vault repeats
    ],
)
def test_a_title_of_the_form_x_jeongri_gives_x(
    tmp_path: Path, title: str, wanted: list[str], unwanted: list[str]
) -> None:
    quoted = f"- 따로 정리함 → [{title}](/posts/topic/)\n"  # later notes link to the post by its title
    post = f"---\ntitle: {title}\n---\n- 예외 처리를 다시 봄\n"
    ranking = blog(tmp_path, {3: quoted, 5: quoted, 7: "- 예외 처리 방식\n"}, {"_posts/2023-05-01-topic.md": post})
    for term in wanted:
        assert ranking.find(term) is not None and ranking.find(term).dropped is None, term
    for term in unwanted:
        assert ranking.find(term) is None or ranking.find(term).key != term.casefold(), term


def test_a_korean_compound_written_once_in_a_title_stays_whole(tmp_path: Path) -> None:
    post = "---\ntitle: 트랜잭션 격리 수준\n---\n- 네 단계가 있다\n"  # no part of it written elsewhere
    ranking = blog(tmp_path, files={"_posts/2023-05-01-isolation.md": post})
    assert ranking.find("트랜잭션 격리 수준").key == "트랜잭션 격리 수준"


def test_a_modifier_heads_a_repeated_compound_and_is_nothing_alone(tmp_path: Path) -> None:
    ranking = blog(tmp_path, {2: "- 방어적 복사를 했다\n", 4: "- 방어적 복사 누락\n", 6: "- 방어적 코딩은 다음에\n"})
    assert ranking.find("방어적 복사").key == "방어적 복사"
    assert ranking.find("방어적") is None  # `방어적 코딩` once: its modifier names nothing alone


# --- verb and adjective forms ----------------------------------------------------------------------------


@pytest.mark.parametrize("verb", ["활용하여", "사용하여", "나태해진", "늦어", "늘린", "정하여", "헷갈림", "바꿔봄"])
def test_verb_and_adjective_forms_are_never_terms(tmp_path: Path, verb: str) -> None:
    ranking = blog(tmp_path, {1: f"- 오늘은 {verb} 보았다\n"})
    assert ranking.find(verb) is None


# --- merges -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("spellings", "body"),
    [
        (["Models", "model"], "- Models 비교\n- model 저장\n"),
        (["팀원들", "팀원"], "- 팀원들과 회의\n- 팀원 코드 리뷰\n"),
        (["queries", "query"], "- queries 최적화\n- query 계획\n"),
        (
            ["batchnorm", "batch normalization", "batchnormalization", "BatchNorm"],
            "- batchnorm 적용\n- batch normalization 논문\n- batch normalization 복습\n- batchnormalization\n- BatchNorm\n",
        ),
        (["batchnorm", "batchnormalization"], "- batchnorm 위치\n- batchnormalization 논문\n"),
        (["layernorm", "layer normalization"], "- layernorm 위치\n- layer normalization 복습, layer normalization\n"),
        (["d2l", "d2l.ai"], "- d2l 코드\n- d2l.ai 11장\n"),
        (["Monte-Carlo", "monte carlo"], "- Monte-Carlo 근사\n- monte carlo 샘플\n"),
        (["k8s", "Kubernetes"], "- k8s 배포\n- Kubernetes 배포\n"),
        (["MF", "Matrix Factorization"], "- MF 구현\n- Matrix Factorization 정리, Matrix Factorization\n"),
        (["NGCF", "Neural Graph Collaborative Filtering"], "- NGCF (Neural Graph Collaborative Filtering) 구현\n"),
        # an acronym of a phrase that holds one: its letters, or from three words on its initial
        (["ESM", "ES Modules"], "- ESM 문법\n- ES Modules 정리, ES Modules\n"),
        (["JWT", "JSON Web Token"], "- JWT 발급\n- JSON Web Token 구조, JSON Web Token\n"),
        # an acronym's words written as a list are its expansion
        (["ETL", "Extract Transform Load"], "- ETL (Extract, Transform and Load) 작성\n- ETL 파이프라인\n"),
        (["역전파", "backpropagation"], "- 역전파(backpropagation) 유도\n- 역전파 복습\n"),
        (["경사하강법", "gradient descent"], "- 경사하강법(gradient descent)\n- 확률적 경사하강법(SGD)\n"),
        (["부캠", "부스트캠프"], "- 부캠 끝나고\n- 부스트캠프를 수료\n"),
        # a loanword and its source, in either script
        (["클로저", "Closure"], "- 클로저를 봤다\n## Closure\n"),
        (["웹소켓", "WebSocket"], "- 웹소켓으로 연결\n- WebSocket 서버\n"),
        (["콜 스택", "call stack"], "- 콜 스택이 빈다\n- call stack 비우기\n"),
        (["트랜잭션", "transaction"], "- 트랜잭션을 건다\n- transaction 롤백\n"),
        (["프로토타입", "prototype"], "- 프로토타입을 본다\n- prototype 상속\n"),
        (["브랜치", "branch"], "- 브랜치를 판다\n- branch 보호\n"),
        (["데이터베이스", "database"], "- 데이터베이스를 설계\n- database 연결\n"),
        (["배깅", "bagging"], "- 배깅은 앙상블\n- bagging 구현\n"),
        (["백터", "벡터"], "- 백터를 정규화\n- 벡터의 내적\n"),  # ㅐ and ㅔ sound alike: a misspelling
        (["기댓값", "기대값"], "- 기댓값을 구함\n- 기대값을 계산\n"),  # 사이시옷, written or left out
        (["고윳값 분해", "고유값 분해"], "- 고윳값 분해 정리, 고윳값 분해\n- 고유값 분해 복습, 고유값 분해\n"),
        # versions of one name: with the bare name, or two versions side by side
        (["DeepLab", "DeepLab v3"], "- DeepLab 구조\n- DeepLab v3 비교\n"),
        (["YOLO v1", "YOLOv8x"], "- YOLO v1 논문\n- YOLOv8x 학습\n"),
        (["GPT", "GPT-3"], "- GPT 계열\n- GPT-3 논문\n"),
        (["MobileNet", "MobileNetV2"], "- MobileNet 구조\n- MobileNetV2 비교\n"),
        (["NDCG", "NDCG@10", "ndcg@k"], "- NDCG 계산\n- NDCG@10 측정\n- ndcg@k 정의\n"),
        (["mAP", "mAP50"], "- mAP 정의\n- mAP50 점수\n"),
    ],
    ids=lambda value: value[0] if isinstance(value, list) else "",
)
def test_spellings_of_one_concept_merge(tmp_path: Path, spellings: list[str], body: str) -> None:
    notes = {"notes/a.md": f"# 메모\n{body}", "notes/b.md": f"# 메모 둘\n{body}"}
    ranking = rank_concepts(load_vault(write_files(tmp_path, notes)))
    keys = {ranking.find(spelling).key for spelling in spellings}
    assert len(keys) == 1, keys


@pytest.mark.parametrize(
    ("a", "b", "body"),
    [
        (
            "병목 해결",
            "attention",
            "- 병목 해결 (attention)\n- attention 복습\n- 병목 해결 방법\n",
        ),  # a remark, not a translation
        ("샘플링", "generation", "- 샘플링(generation)\n- generation 속도\n"),  # a loanword has its own source
        ("데이터셋", "Beauty", "- 데이터셋(Beauty) 사용\n- 데이터셋(ML-1M)도 사용\n- Beauty 결과\n"),  # examples
        ("Fast R-CNN", "Faster R-CNN", "- Fast R-CNN 다음 Faster R-CNN\n"),  # two models
        (
            "경사하강법",
            "SGD",
            "- 확률적 경사하강법(SGD)\n- SGD 구현\n- 경사하강법을 복습\n",
        ),  # one part of a longer name
        ("transform", "transformer", "- transform 함수\n- transformer 구조\n"),  # two words
        ("DB", "DL basic", "- DB 설계\n- DL basic 강의\n"),
        ("DL", "DataLoader", "- DL 강의\n- DataLoader 구현\n"),  # a closed compound is no phrase
        ("UI", "user_id", "- UI 설계\n- user_id 컬럼\n"),  # nor is an identifier
        ("google", "GoogLeNet", "- google 검색\n- GoogLeNet 구조\n"),  # `goo` + `glenet` is no compound
        ("Tensor", "TensorRT", "- Tensor 연산\n- TensorRT 변환\n"),
        # sound-alikes that are two words: voicing (`빌드` is `build`), vowels, a Korean word, an acronym
        ("빌드", "field", "- 빌드가 실패\n- field 추가\n"),
        ("포스팅", "boosting", "- 포스팅을 작성\n- boosting 모델\n"),
        ("판정", "vanishing", "- 판정이 어렵다\n- vanishing 문제\n"),
        ("복합", "backoff", "- 복합은 어렵다\n- backoff 재시도\n"),
        ("스킬", "SQL", "- 스킬이 늘었다\n- SQL 튜닝\n"),
        ("재정", "제정", "- 재정이 문제\n- 제정을 미룸\n"),  # two ordinary words
        ("석사인", "section", "- 그분은 석사인, 멘토님\n- section 나누기\n"),  # a Korean word and its copula
        ("과적합", "과소적합", "- 과적합이 심함\n- 과소적합은 아님\n"),  # an antonym, not an abbreviation
        # no versions: a short name, a lower-case word and its setting, a glued `v` with no capital
        ("IP", "IPv6", "- IP 주소\n- IPv6 주소\n"),
        ("top", "top-5", "- top 정렬\n- top-5 정확도\n"),
        ("exp-03", "exp-07", "- exp-03 결과\n- exp-07 결과\n"),
        ("Con", "Conv2d", "- Con 메모\n- Conv2d 레이어\n"),
        ("ES6", "ES5", "- ES6 문법\n- ES5 문법\n"),
        # the author said which phrase CV stands for: not the other one
        ("Cross Validation", "Computer Vision", "- Cross Validation (CV) 설정\n- CV 점수\n- Computer Vision 강의\n"),
    ],
)
def test_spellings_that_never_merge(tmp_path: Path, a: str, b: str, body: str) -> None:
    notes = {"notes/a.md": f"# 메모\n{body}", "notes/b.md": f"# 메모 둘\n{body}"}
    ranking = rank_concepts(load_vault(write_files(tmp_path, notes)))
    assert ranking.find(a).key != ranking.find(b).key


def test_a_phrase_survives_a_particle_and_outranks_its_parts(tmp_path: Path) -> None:
    ranking = blog(tmp_path, {1: "- KL divergence와 MLE\n- KL 값\n", 2: "- KL divergence를 다시\n- divergence 계산\n"})
    assert ranking.find("KL divergence").key == "kl divergence"
    assert rank(ranking, "KL divergence") < min(rank(ranking, "KL"), rank(ranking, "divergence"))


@pytest.mark.parametrize(
    ("concept", "phrase", "body"),
    [
        ("DETR", "Deformable DETR", "- DETR 구조 {x}\n- DETR 학습 {x}\n- DETR 정리\n- Deformable DETR 비교\n"),
        ("RoI", "RoI Align", "- RoI 구조 {x}\n- RoI 실험 {x}\n- RoI 정리\n- RoI Align 비교\n"),
        ("NMS", "Soft-NMS", "- NMS 적용 {x}\n- NMS 정리 {x}\n- NMS 확인\n- Soft-NMS 비교\n"),
    ],
)
def test_a_phrase_below_a_concept_it_contains_is_an_echo(tmp_path: Path, concept: str, phrase: str, body: str) -> None:
    """`Deformable DETR` below `DETR` is mostly `DETR` again: it gives way to distinct topics."""
    ranking = blog(tmp_path, {n: body.format(x="가" * n) for n in (2, 5)})
    echo = ranking.find(phrase)
    assert echo is not None and echo.evidence is not None
    assert rank(ranking, concept) < rank(ranking, phrase)
    assert echo.evidence.echoes == concept.casefold()
    assert echo.evidence.score == pytest.approx(ECHO_DISCOUNT * replace(echo.evidence, echoes=None).score)


def test_a_phrase_above_its_words_is_no_echo(tmp_path: Path) -> None:
    ranking = blog(tmp_path, {1: "- KL divergence와 MLE\n- KL 값\n", 2: "- KL divergence를 다시\n- divergence 계산\n"})
    phrase = ranking.find("KL divergence")
    assert phrase is not None and phrase.evidence is not None and phrase.evidence.echoes is None


def test_the_series_name_in_a_title_is_not_a_concept(tmp_path: Path) -> None:
    note = "---\ntitle: boostcamp ai tech 4기 2주차 회고\ncategories: boostcamp\n---\n- pytorch 공부\n"
    ranking = rank_concepts(load_vault(write_files(tmp_path, {"week2.md": note})))
    assert "the series' own vocabulary" in dropped(ranking, "boostcamp ai tech")


def test_two_names_side_by_side_are_two_concepts(tmp_path: Path) -> None:
    ranking = blog(tmp_path, {1: "- 끝나고 kaggle dacon 같은 대회도\n"})
    assert ranking.find("kaggle dacon") is None
    assert ranking.find("kaggle") is not None and ranking.find("dacon") is not None


def test_a_word_joins_the_concept_note_named_by_its_ing_form(tmp_path: Path) -> None:
    ranking = blog(
        tmp_path,
        {1: "- partition 나누기\n", 2: "- embed 함수와 embedding 차원\n"},
        {"concepts/Partitioning.md": "# Partitioning\n"},
    )
    assert ranking.find("partition").label == "Partitioning"
    assert ranking.find("embed").key != ranking.find("embedding").key  # no note: `embedding` is its own word


@pytest.mark.parametrize(
    ("title", "label", "spelled"),
    [
        ("DPR (Dense Passage Retrieval)", "DPR", "Dense Passage Retrieval"),
        ("Dense Passage Retrieval (DPR)", "Dense Passage Retrieval", "DPR"),
        ("Adam (예전)", "Adam (예전)", "Adam (예전)"),  # a remark, not a gloss: the title stays the name
    ],
)
def test_a_concept_note_titled_with_its_acronym_is_named_by_its_name(
    tmp_path: Path, title: str, label: str, spelled: str
) -> None:
    ranking = blog(tmp_path, {1: f"- {spelled} 복습\n"}, {f"concepts/{title}.md": f"# {title}\n- 정리\n"})
    assert ranking.find(label).label == ranking.find(spelled).label == label


def test_concept_note_aliases_win_over_merges(tmp_path: Path) -> None:
    concept_note = "---\naliases: [BN, batchnorm]\n---\n# Batch Normalization\n"
    ranking = blog(tmp_path, {1: "- BN 적용\n- batchnorm\n"}, {"concepts/Batch Normalization.md": concept_note})
    assert ranking.find("BN").label == ranking.find("batchnorm").label == "Batch Normalization"


# --- notes that are not about a concept, names glued, sizes, mission names (issue 16, third round) ----------


@pytest.mark.parametrize(
    ("title", "name"),
    [
        ("이벤트 루프 파보기 🔁", "이벤트 루프"),
        ("영속성 컨텍스트 이해하기", "영속성 컨텍스트"),
        ("가비지 컬렉션 톺아보기", "가비지 컬렉션"),  # kiwi reads `톺아보기` as a noun
        ("C++", "C++"),
        ("B+Tree", "B+Tree"),
    ],
)
def test_a_concept_note_is_named_without_what_decorates_its_title(tmp_path: Path, title: str, name: str) -> None:
    """The deep-dive note `이벤트 루프 파보기 🔁` is the concept `이벤트 루프`, which prose elsewhere writes."""
    files = {
        "deep-dive/note.md": f"# {title}\n- {name} 자세히\n",
        "week1/day1.md": f"# 2024.07.15 학습 기록\n- [{title}](../deep-dive/note.md)\n- {name} 복습\n",
        "week1/day2.md": f"# 2024.07.16 학습 기록\n- {name} 다시\n",
    }
    ranking = rank_concepts(load_vault(write_files(tmp_path, files)))
    found = ranking.find(name)
    assert found is not None and found.label == name
    concept = next(c for c in ranking.concepts if c.key == found.key)
    assert concept.note == "deep-dive/note.md"  # the prose mentions joined the note's concept


@pytest.mark.parametrize(
    ("path", "text", "term", "concept_note"),
    [
        ("서버 세팅 (gpu3).md", "# 서버 세팅 (gpu3)\n- CUDA 설치\n", "서버 세팅", False),  # nothing names it
        ("대학원 생활 팁.md", "# 대학원 생활 팁\n- 일찍 자기\n", "대학원 생활 팁", False),
        ("concepts/LoRA.md", "# LoRA\n- low-rank\n", "LoRA", True),  # day 1 writes `LoRA`
        ("concepts/Adapter.md", "# Adapter\n", "Adapter", True),  # day 2 links it
        ("concepts/PEFT.md", "---\naliases: [parameter-efficient]\n---\n# PEFT\n", "PEFT", True),
    ],
)
def test_a_note_without_a_week_is_a_concept_note_only_when_the_vault_names_it(
    tmp_path: Path, path: str, text: str, term: str, concept_note: bool
) -> None:
    """Otherwise its title competes as an ordinary title: no known-concept boost, no termhood floor."""
    ranking = blog(tmp_path, {1: "- LoRA 실험\n", 2: "- [[Adapter]] 비교\n"}, {path: text})
    assert (path in {c.note for c in ranking.concepts}) == concept_note
    candidate = ranking.find(term)
    assert candidate is not None and candidate.evidence.known == concept_note


@pytest.mark.parametrize(
    ("glued", "alone", "parts"),
    [
        ("Kiwi BM25", "- Kiwi 설치\n- BM25 점수\n", ["Kiwi", "BM25"]),
        ("DeepSpeed ZeRO-3", "- DeepSpeed 설정\n- ZeRO-3 설정\n", ["DeepSpeed", "ZeRO-3"]),
        ("LoRA bf16", "- LoRA 적용\n- bf16 학습\n", ["LoRA", "bf16"]),
        ("Dataset & DataLoader", "- Dataset 구현\n- DataLoader 구현\n", ["Dataset", "DataLoader"]),
        ("Producer & Consumer", "- Producer 설정\n- Consumer 그룹\n", ["Producer", "Consumer"]),
    ],
)
def test_names_the_vault_also_writes_apart_are_two_concepts(
    tmp_path: Path, glued: str, alone: str, parts: list[str]
) -> None:
    ranking = blog(tmp_path, {1: f"- {glued}로 실험\n", 2: alone, 3: alone, 4: f"- {glued} 비교\n"})
    assert ranking.find(glued) is None or ranking.find(glued).key == ranking.find(parts[0]).key
    assert all(dropped(ranking, part) == "" for part in parts)


@pytest.mark.parametrize("name", ["Weights & Biases", "Wide & Deep"])
def test_a_name_with_an_ampersand_whose_halves_are_no_names_alone_stays_one(tmp_path: Path, name: str) -> None:
    first = name.split()[0].lower()
    ranking = blog(tmp_path, {1: f"- {name}로 실험\n", 2: f"- {first} 확인\n- {first} 저장\n", 3: f"- {name} 비교\n"})
    assert ranking.find(name) is not None and "&" in ranking.find(name).key


def test_a_run_too_long_for_one_name_parts_at_its_ampersand_into_phrases(tmp_path: Path) -> None:
    """`Neural Networks & Multi-layer Perceptron` fell apart into four words; its sides are two phrases."""
    extra = {n: "- Neural Networks & Multi-layer Perceptron\n- Recurrent Neural Networks\n" for n in (1, 2)}
    ranking = blog(tmp_path, extra)
    assert ranking.find("Neural Networks").key == "neural networks"
    mlp = ranking.find("Multi-layer Perceptron").key
    assert " " in mlp and (ranking.find("Perceptron") is None or ranking.find("Perceptron").key == mlp)


def test_names_written_together_three_times_stay_one(tmp_path: Path) -> None:
    extra = {n: "- Spring Batch 작업\n" for n in (1, 2, 3)} | {
        4: "- Spring 설정\n- Batch 처리\n",
        5: "- Spring, Batch\n",
    }
    ranking = blog(tmp_path, extra)
    assert ranking.find("Spring Batch").key == "spring batch"


@pytest.mark.parametrize(
    ("text", "measure", "name"),
    [
        ("- GPT-3 175B 모델 읽기\n", "175B", "GPT-3"),
        ("- LLaMA 7B로 실험\n", "7B", "LLaMA"),
        ("- A100 두 장으로 학습\n", "A100", None),
        ("- MovieLens 100K 데이터\n", "100K", "MovieLens"),
        ("- lr 1e-4로 학습\n", "1e-4", None),
        ("- 학습에 1h 걸림\n", "1h", None),
        ("- DeepLab v2, v3 비교\n", "v3", "DeepLab"),  # a version alone belongs to the name before it
        ("- 07044dbb982 커밋으로 되돌림\n", "07044dbb982", None),  # a commit hash refers, it names nothing
    ],
)
def test_sizes_and_hardware_numbers_are_no_concepts(tmp_path: Path, text: str, measure: str, name: str | None) -> None:
    ranking = blog(tmp_path, {1: text, 2: text})
    assert ranking.find(measure) is None or dropped(ranking, measure)
    if name is not None:
        assert dropped(ranking, name) == ""


def test_a_merge_conflict_left_in_a_note_gives_no_concepts(tmp_path: Path) -> None:
    conflict = "<<<<<<< HEAD\n- DETR 정리\n=======\n- DETR 논문 리뷰\n>>>>>>> 07044db\n"
    ranking = blog(tmp_path, {1: conflict, 2: conflict})
    assert ranking.find("HEAD") is None and ranking.find("07044db") is None
    assert dropped(ranking, "DETR") == ""


def test_names_with_numbers_stay(tmp_path: Path) -> None:
    ranking = blog(tmp_path, {1: "- G1 GC와 ResNet50, L2 정규화\n", 2: "- ResNet50, G1\n"})
    assert dropped(ranking, "ResNet50") == dropped(ranking, "G1") == ""


@pytest.mark.parametrize(
    ("titles", "projects", "topics"),
    [
        (["체스 미션 리뷰 - DB 적용까지", "레벨1 정리"], ["체스"], ["DB"]),
        (["[우테코] 사다리 타기 미션 리뷰", "레벨1 정리"], ["사다리"], []),  # the fallback reads `타기` as a verb
        (["레벨1 4주차 회고 (블랙잭)", "레벨1 5주차 회고 (Spring)", "블랙잭 리뷰 반영"], ["블랙잭"], ["Spring"]),
    ],
)
def test_mission_names_in_titles_are_series_vocabulary(
    tmp_path: Path, titles: list[str], projects: list[str], topics: list[str]
) -> None:
    """Before a mission word, or closing a week's title and recurring in another title: the course's project.
    A week's parenthesis that no other title repeats (`Spring`) is the week's topic."""
    body = "- 체스 말 이동, 사다리 타기 구현, 블랙잭 카드, DB 연결, Spring 설정\n"
    ranking = blog(tmp_path, files=steps(titles, body))
    for term in projects:
        assert "a course project" in dropped(ranking, term), term
    for term in topics:
        assert dropped(ranking, term) == "", term
