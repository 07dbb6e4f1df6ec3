"""`build_concepts`: alias merging, the glossary, labels, weeks, scores, and bad config input."""

from __future__ import annotations

from pathlib import Path

import pytest
from vault_files import write_files as make_vault

from vaultgraph.concepts.build import build_concepts
from vaultgraph.concepts.settings import validate
from vaultgraph.config import Config, ConfigError
from vaultgraph.model import Concept
from vaultgraph.vault.load import load_vault

RETRO = "---\ntitle: boostcamp {n}주차 회고\ncategories: boostcamp\n---\n# boostcamp {n}주차 회고\n## learned\n{body}"


def retro(n: int, body: str) -> str:
    return RETRO.format(n=n, body=body)


def concepts(root: Path, **section: object) -> dict[str, Concept]:
    config = Config(sections={"concepts": validate(section, "test: concepts")}) if section else None
    return {c.key: c for c in build_concepts(load_vault(root), config)}


@pytest.mark.parametrize("aliases", ["[batchnorm, BN]", "batchnorm, BN", "[[batchnorm], [BN]]"])
def test_concept_note_aliases_merge_mentions(tmp_path: Path, aliases: str) -> None:
    root = make_vault(
        tmp_path,
        {
            "concepts/Batch Normalization.md": f"---\naliases: {aliases}\n---\n# Batch Normalization\n",
            "retros/w1.md": retro(1, "- batchnorm을 좀 더 공부하고 싶음\n- [[Batch Normalization]] 정리\n"),
            "retros/w2.md": retro(2, "- BN 이후 relu를 적용\n- batch-normalization 논문\n"),
        },
    )
    found = concepts(root)
    bn = found["batch normalization"]
    assert bn.label == "Batch Normalization" and bn.note == "concepts/Batch Normalization.md"
    assert {"batchnorm", "BN", "Batch Normalization", "batch-normalization"} <= set(bn.variants)
    assert bn.weeks == ["boostcamp/1", "boostcamp/2"]
    assert {"retros/w1.md", "retros/w2.md"} <= set(bn.notes)
    assert "batchnorm" not in found and "bn" not in found
    assert {o.source for o in bn.occurrences} >= {"link", "prose"}


@pytest.mark.parametrize("aliases", ["", "null", "[]"])
def test_concept_note_without_aliases(tmp_path: Path, aliases: str) -> None:
    root = make_vault(
        tmp_path,
        {
            "concepts/LSTM.md": f"---\naliases: {aliases}\n---\n# LSTM\n",
            "retros/w1.md": retro(1, "- lstm이 transformer보다 느림\n"),
        },
    )
    found = concepts(root)
    assert found["lstm"].note == "concepts/LSTM.md" and found["lstm"].label == "LSTM"
    assert found["transformer"].note is None


def test_glossary_names_a_concept(tmp_path: Path) -> None:
    root = make_vault(tmp_path, {"retros/w1.md": retro(1, "- RF를 써봤음\n- random forest 와 xgboost\n")})
    found = concepts(root, glossary={"Random Forest": ["RF"]})
    assert found["random forest"].label == "Random Forest"
    assert found["random forest"].count == 2 and set(found["random forest"].variants) == {"RF", "random forest"}
    assert "rf" not in found


def test_glossary_joins_a_concept_note(tmp_path: Path) -> None:
    root = make_vault(
        tmp_path,
        {
            "concepts/Batch Normalization.md": "# Batch Normalization\n",
            "retros/w1.md": retro(1, "- bnorm을 적용\n"),
        },
    )
    found = concepts(root, glossary={"Batch Normalization": ["bnorm"]})
    assert found["batch normalization"].note == "concepts/Batch Normalization.md"
    assert "bnorm" in found["batch normalization"].variants


def test_label_is_the_most_used_spelling(tmp_path: Path) -> None:
    root = make_vault(
        tmp_path, {"retros/w1.md": retro(1, "- KL divergence 정리\n- KL divergence 유도\n- kl divergence 다시\n")}
    )
    found = concepts(root)
    assert found["kl divergence"].label == "KL divergence"
    assert found["kl divergence"].variants == ["KL divergence", "kl divergence"]


def test_weeks_in_week_order(tmp_path: Path) -> None:
    bodies = {10: "- smote 복습\n", 2: "- smote 다시\n", 1: "- smote 처음\n"}
    root = make_vault(tmp_path, {f"retros/w{n}.md": retro(n, body) for n, body in bodies.items()})
    assert concepts(root)["smote"].weeks == ["boostcamp/1", "boostcamp/2", "boostcamp/10"]


def test_scores_rank_markup_and_density_over_spread(tmp_path: Path) -> None:
    # `kisti` is in every note once: the series' vocabulary. `smote` is dense in two notes: a topic.
    files = {f"retros/w{n}.md": retro(n, f"- kisti 회의 {'가' * n}\n- 그리고 genielabs\n") for n in range(1, 9)}
    files["retros/w1.md"] += "- smote 적용, smote 비교, smote 결과\n- **focal loss** 와 xgboost\n"
    files["retros/w2.md"] += "- smote 다시\n"
    ranked = build_concepts(load_vault(make_vault(tmp_path, files)))
    assert [c.score for c in ranked] == sorted((c.score for c in ranked), reverse=True)
    keys = [c.key for c in ranked]
    assert keys.index("smote") < keys.index("kisti")  # dense in a few notes beats once in every note
    assert keys.index("focal loss") < keys.index("xgboost")  # bold beats plain


@pytest.mark.parametrize(
    ("name", "word"),
    [
        ("Monte-Carlo", "sequence"),  # a hyphen inside a word
        ("time-step", "sequence"),  # ... in lower case too
        ("ViT", "backend"),  # a capital after a letter
        ("HPO", "sequence"),  # an acronym of three or more capitals
        ("d2l.ai", "templete"),  # letters joined to digits or by a dot
        ("KL divergence", "back translation"),  # a phrase with a name in it beats a plain phrase
    ],
)
def test_name_shaped_spellings_outrank_plain_words(tmp_path: Path, name: str, word: str) -> None:
    # The plain word comes first in reading order, so only the score can put the name ahead.
    root = make_vault(tmp_path, {"retros/w1.md": retro(1, f"- {word} 를 보고 {name} 쪽을 보자\n")})
    keys = [c.key for c in build_concepts(load_vault(root))]
    assert keys.index(name.casefold()) < keys.index(word)


@pytest.mark.parametrize("capitals", ["QZ", "Tolvard"])
def test_two_capitals_or_a_capital_first_weigh_less_than_a_name(tmp_path: Path, capitals: str) -> None:
    # Made-up words in no word list: only their spelling tells them apart.
    root = make_vault(tmp_path, {"retros/w1.md": retro(1, f"- qarnip 와 {capitals} 와 ZorvexNet\n")})
    found = concepts(root)
    assert found["qarnip"].score < found[capitals.casefold()].score < found["zorvexnet"].score


@pytest.mark.parametrize(
    ("hub", "title"),
    [
        ("index.md", "boostcamp ai tech 5기 회고 모음"),  # a long title (and the index)
        ("notes/멘토링 질문 모음.md", "멘토링 질문 모음"),  # ends in a collection word
        ("archive/ray tune 실험 메모.md", "ray tune 실험 메모"),
        ("archive/old.md", "최적화 기법 정리 (예전)"),  # ... before a parenthesis
    ],
)
def test_hub_notes_are_not_concept_notes(tmp_path: Path, hub: str, title: str) -> None:
    root = make_vault(
        tmp_path,
        {
            hub: f"# {title}\n- [[LSTM]]\n",
            "concepts/LSTM.md": "# LSTM\n",
            "retros/w1.md": retro(1, f"- [[{hub[:-3]}|모음]] 에서 [[LSTM]]\n"),
        },
    )
    found = concepts(root)
    assert found["lstm"].note == "concepts/LSTM.md"
    assert all(c.note != hub for c in found.values()) and title.casefold() not in found


@pytest.mark.parametrize(("rare", "common"), [("트랜잭션", "강의"), ("푸리에", "수학"), ("역전파", "연산")])
def test_words_rare_in_general_korean_outrank_common_ones(tmp_path: Path, rare: str, common: str) -> None:
    root = make_vault(tmp_path, {"retros/w1.md": retro(1, f"- {common}, {rare}, genielabs\n")})
    found = concepts(root)
    assert found[common].score < found[rare].score <= found["genielabs"].score


def test_filler_and_front_matter_keys_are_not_concepts(tmp_path: Path) -> None:
    root = make_vault(
        tmp_path,
        {
            "retros/w1.md": retro(
                1, "- 공부 관련 생각, 이해 사용 때 the update\n- title layout categories 는 키\n- pytorch\n"
            )
        },
    )
    found = concepts(root)
    assert "pytorch" in found
    assert not {
        "공부",
        "관련",
        "생각",
        "이해",
        "사용",
        "때",
        "the",
        "update",
        "title",
        "layout",
        "categories",
        "learned",
    } & set(found)


def test_edge_words_used_alone_split_a_run(tmp_path: Path) -> None:
    root = make_vault(tmp_path, {"retros/w1.md": retro(1, "- python 문법\n- python 책\n- python clean code나\n")})
    found = concepts(root)
    assert "clean code" in found and "python clean code" not in found
    assert found["python"].count == 3


def test_links_to_dated_notes_are_navigation(tmp_path: Path) -> None:
    root = make_vault(
        tmp_path,
        {
            "retros/w1.md": retro(1, "- smote\n"),
            "retros/w2.md": retro(2, "- 이전: [[w1]] 그리고 [[Not Written Yet]]\n"),
        },
    )
    found = concepts(root)
    assert "not written yet" in found
    assert not any("회고" in key or key == "w1" for key in found)


def test_stopwords_and_min_count_settings(tmp_path: Path) -> None:
    root = make_vault(tmp_path, {"retros/w1.md": retro(1, "- genielabs 발표, genielabs 끝\n- smote 한번\n")})
    found = concepts(root, stopwords=["genielabs"], **{"min-count": 2})
    assert "genielabs" not in found and "smote" not in found


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ({"glossary": {"Batch Normalization": "batchnorm"}}, "concepts.glossary.Batch Normalization: expected a list"),
        ({"glossary": {"Batch Normalization": None}}, "concepts.glossary.Batch Normalization: expected a list"),
        ({"glossary": {"Batch Normalization": [["batchnorm"]]}}, "expected a list of non-empty strings"),
        (
            {"glossary": {"Batch Normalization": ["BN"], "Bayesian Network": ["bn"]}},
            "'bn' is listed under both 'Batch Normalization' and 'Bayesian Network'",
        ),
        ({"glossary": {"Batch Normalization": ["batch-norm"], "BatchNorm": []}}, "listed under both"),
        ({"glossary": ["x"]}, "concepts.glossary: expected a table"),
        ({"stopwords": "x"}, "concepts.stopwords: expected a list"),
        ({"min-count": 0}, "concepts.min-count: expected an integer >= 1"),
        ({"min-count": True}, "concepts.min-count: expected an integer"),
        ({"Batch Normalization": ["BN"]}, "concepts.Batch Normalization: unknown key"),
    ],
)
def test_bad_settings(table: dict, message: str) -> None:
    with pytest.raises(ConfigError, match=None) as info:
        validate(table, "vaultgraph.toml: concepts")
    assert str(info.value).startswith("vaultgraph.toml: concepts")
    assert message in str(info.value) and "\n" not in str(info.value)


def test_link_variants_are_names_not_paths(tmp_path: Path) -> None:
    root = make_vault(
        tmp_path,
        {
            "concepts/LSTM.md": "# LSTM\n",
            "retros/w1.md": retro(1, "- [정리](../concepts/LSTM.md) 와 [[concepts/LSTM]]\n"),
        },
    )
    lstm = concepts(root)["lstm"]
    assert lstm.variants == ["LSTM"] and lstm.count == 2
