"""`vaultgraph concepts` end to end: the JSON contract, the text table, --top, --explain, and exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from vault_files import write_files

from vaultgraph.cli import cli

NOTES = {
    "concepts/Batch Normalization.md": "---\naliases: [batchnorm, BN]\n---\n# Batch Normalization\n",
    "_posts/2022-09-23-boostcamp1.md": "---\ntitle: boostcamp 1주차 회고\ncategories: boostcamp\n---\n"
    "## learned\n- batchnorm을 공부했음\n- KL divergence, Monte-Carlo\n",
    "_posts/2022-09-30-boostcamp2.md": "---\ntitle: boostcamp 2주차 회고\ncategories: boostcamp\n---\n"
    "## learned\n- [[Batch Normalization|BN]] 다시\n- **smote**\n",
}


def make_vault(root: Path, notes: dict[str, str] = NOTES) -> Path:
    return write_files(root, notes)


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["concepts", *args])
    return result.exit_code, result.stdout, result.stderr


def test_json_contract(tmp_path: Path) -> None:
    code, out, _ = run(str(make_vault(tmp_path)), "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert list(data) == ["concepts"]
    rows = data["concepts"]
    assert all(list(row) == ["key", "label", "score", "count", "variants", "notes", "weeks"] for row in rows)
    assert [r["score"] for r in rows] == sorted((r["score"] for r in rows), reverse=True)
    bn = next(r for r in rows if r["key"] == "batch normalization")
    assert bn["label"] == "Batch Normalization" and bn["weeks"] == ["boostcamp/1", "boostcamp/2"]
    assert {"batchnorm", "BN"} <= set(bn["variants"])
    assert "_posts/2022-09-30-boostcamp2.md" in bn["notes"]
    assert isinstance(bn["score"], float) and isinstance(bn["count"], int)
    assert {"kl divergence", "monte-carlo", "smote"} <= {r["key"] for r in rows}


def test_top_limits_the_list(tmp_path: Path) -> None:
    code, out, _ = run(str(make_vault(tmp_path)), "--format", "json", "--top", "2")
    assert code == 0 and len(json.loads(out)["concepts"]) == 2


def test_text_table(tmp_path: Path) -> None:
    code, out, _ = run(str(make_vault(tmp_path)), "--top", "3")
    lines = out.splitlines()
    assert code == 0 and len(lines) == 5 and lines[-1].startswith("(3 of ")
    assert lines[0].split()[:6] == ["#", "score", "count", "notes", "weeks", "concept"]
    assert lines[1].split()[0] == "1"


def many_concepts(root: Path, count: int) -> Path:
    names = [f"Zorvex{chr(65 + i // 26)}{chr(65 + i % 26)}" for i in range(count)]  # ZorvexAA, ZorvexAB, ...
    return write_files(root, {"notes/a.md": "".join(f"- {name}\n" for name in names)})


@pytest.mark.parametrize(
    ("args", "rows", "footer"),
    [
        ([], 50, "(50 of 60 concepts; --top 0 shows all)"),  # text: the top 50 by default
        (["--top", "0"], 60, None),
        (["--top", "5"], 5, "(5 of 60 concepts; --top 0 shows all)"),
    ],
)
def test_text_shows_the_top_50_by_default(tmp_path: Path, args: list[str], rows: int, footer: str | None) -> None:
    code, out, _ = run(str(many_concepts(tmp_path, 60)), *args)
    lines = out.splitlines()
    assert code == 0 and len(lines) == 1 + rows + (footer is not None)
    assert (lines[-1] == footer) if footer else lines[-1].split()[0] == str(rows)


def test_json_keeps_all(tmp_path: Path) -> None:
    code, out, _ = run(str(many_concepts(tmp_path, 60)), "--format", "json")
    assert code == 0 and len(json.loads(out)["concepts"]) == 60


@pytest.mark.parametrize(
    ("term", "expected"),
    [
        ("batchnorm을", ["Batch Normalization  (key: batch normalization)  #", "spellings: ", "termhood = ln("]),
        (
            "KL divergence",
            ["KL divergence  (key: kl divergence)  #", "uses in 1 notes and 1 weeks", "sources: prose 1"],
        ),
        ("boostcamp", ["not a concept", "dropped: the series' own vocabulary (series name)"]),
    ],
)
def test_explain_says_why(tmp_path: Path, term: str, expected: list[str]) -> None:
    code, out, err = run(str(make_vault(tmp_path)), "--explain", term)
    assert code == 0 and err == ""
    assert all(part in out for part in expected), out


def test_explain_an_unknown_term_suggests_close_ones(tmp_path: Path) -> None:
    code, out, err = run(str(make_vault(tmp_path)), "--explain", "smoet")
    assert code == 1 and out == ""
    assert err.count("\n") == 1 and "'smoet' is not a term of any note" in err and "'smote'" in err


def test_empty_vault(tmp_path: Path) -> None:
    code, out, _ = run(str(tmp_path), "--format", "json")
    assert code == 0 and json.loads(out) == {"concepts": []}


@pytest.mark.parametrize("args", [["--top", "-1"], ["--format", "csv"], ["no/such/folder"]])
def test_usage_errors_exit_2(tmp_path: Path, args: list[str]) -> None:
    code, _, err = run(*args) if args[0] == "no/such/folder" else run(str(make_vault(tmp_path)), *args)
    assert code == 2 and err.startswith("vaultgraph: error: ") and err.count("\n") == 1


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        (
            '[concepts.glossary]\n"Batch Normalization" = ["BN"]\n"Bayesian Network" = ["bn"]\n',
            "concepts.glossary: 'bn' is listed under both 'Batch Normalization' and 'Bayesian Network'",
        ),
        (
            '[concepts.glossary]\n"Batch Normalization" = "batchnorm"\n',
            "concepts.glossary.Batch Normalization: expected a list",
        ),
        ('[concepts.glossary]\n"Batch Normalization" = [["batchnorm"]]\n', "expected a list of non-empty strings"),
        ("[concepts]\nmin-count = -1\n", "concepts.min-count: expected an integer >= 1"),
    ],
)
def test_config_errors_are_one_line(tmp_path: Path, toml: str, message: str) -> None:
    root = make_vault(tmp_path / "vault")
    (root / "vaultgraph.toml").write_text(toml, encoding="utf-8")
    code, out, err = run(str(root))
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and message in err and "vaultgraph.toml: " in err and "Traceback" not in err


def test_glossary_from_config_file(tmp_path: Path) -> None:
    root = make_vault(tmp_path / "vault")
    config = tmp_path / "custom.toml"
    config.write_text('[concepts.glossary]\n"Monte Carlo" = ["Monte-Carlo"]\n', encoding="utf-8")
    code, out, _ = run(str(root), "--format", "json", "--config", str(config))
    assert code == 0
    assert {"key": "monte carlo", "label": "Monte Carlo"}.items() <= next(
        r for r in json.loads(out)["concepts"] if r["key"] == "monte carlo"
    ).items()
