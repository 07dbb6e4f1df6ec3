"""Recall of the generated vault's answer key: every concept in every week it is mentioned in.

Mentions go through aliases (`batchnorm`, `BN`, `파이토치`), Korean particles (`lstm이`), bold and
highlight, and links of every kind (alias, lower case, path, heading, block, relative Markdown link);
the canonical name is the concept note's title. Weeks are series weeks (`boostcamp/3`) and, for daily
notes, ISO weeks (`2022-W39`).
"""

from __future__ import annotations

from pathlib import Path

from vaultgen import AnswerKey

from vaultgraph.concepts.build import build_concepts
from vaultgraph.vault.load import load_vault


def test_recall_of_concepts_by_week(generated: tuple[Path, AnswerKey]) -> None:
    root, key = generated
    vault = load_vault(root)
    found = {(vault.notes[c.note].title, week) for c in build_concepts(vault) if c.note for week in c.weeks}
    expected = {(title, week) for week, titles in key.concepts_by_week.items() for title in titles}
    assert len(expected) > 1000
    assert any("-W" in week for _, week in expected), "daily notes count by ISO week"
    recall = len(expected & found) / len(expected)
    assert recall >= 0.95, sorted(expected - found)[:20]
