"""The linter against the bench generator's answer key (`../shared/bench/make_vault.py`).

A small generated vault (400 notes) must give exactly the key's broken links, embeds and heading
links, empty list items and bad front matter files, and no rule may report a decoy line (a `[[..]]`
or `#tag` look-alike inside code, math or a URL).
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import pytest

from vaultgraph.config import Config
from vaultgraph.lint.engine import Selection, lint_vault, select_rules
from vaultgraph.vault.load import load_vault

MAKE_VAULT = Path(__file__).resolve().parents[2] / "shared" / "bench" / "make_vault.py"


@pytest.fixture(scope="module")
def bench(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, set[tuple[str, int]]], dict]:
    assert MAKE_VAULT.is_file(), f"{MAKE_VAULT} is missing: the shared folder must sit next to the repository"
    out = tmp_path_factory.mktemp("bench") / "v400"
    subprocess.run(
        [sys.executable, str(MAKE_VAULT), "--notes", "400", "--out", str(out)], check=True, capture_output=True
    )
    key = json.loads(out.with_suffix(".answers.json").read_text(encoding="utf-8"))
    config = Config()
    found: dict[str, set[tuple[str, int]]] = defaultdict(set)
    for diagnostic in lint_vault(load_vault(out), config, select_rules(config, Selection(select=("ALL",)))):
        found[diagnostic.code].add((diagnostic.path, diagnostic.line))
    return found, key


@pytest.mark.parametrize(
    ("code", "entry"),
    [
        ("VG101", "broken_links"),
        ("VG102", "broken_embeds"),
        ("VG103", "broken_headings"),
        ("VG301", "empty_list_items"),
    ],
)
def test_findings_equal_the_key(bench: tuple[dict, dict], code: str, entry: str) -> None:
    found, key = bench
    expected = {(item["file"], item["line"]) for item in key[entry]}
    assert expected, f"the key lists no {entry}: the test would prove nothing"
    assert found[code] == expected


def test_invalid_front_matter_on_exactly_the_bad_files(bench: tuple[dict, dict]) -> None:
    found, key = bench
    assert {path for path, _ in found["VG201"]} == {item["file"] for item in key["bad_front_matter"]}


def test_no_decoy_is_reported(bench: tuple[dict, dict]) -> None:
    found, key = bench
    decoys = {(item["file"], item["line"]) for item in key["decoys"]}
    assert decoys
    assert {code: hits & decoys for code, hits in found.items() if hits & decoys} == {}
