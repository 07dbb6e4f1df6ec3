"""Recall of the generated vault's answer key: every concept in every week it is mentioned in.

Mentions go through aliases (`batchnorm`, `BN`), Korean particles (`lstm이`), bold, and links with
headings; the canonical name is the concept note's title.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from vaultgraph.concepts.build import build_concepts
from vaultgraph.vault.load import load_vault

SHARED = Path(__file__).resolve().parents[2] / "shared"


def test_recall_of_concepts_by_week(tmp_path: Path) -> None:
    root = tmp_path / "vault"
    subprocess.run(
        [sys.executable, str(SHARED / "bench" / "make_vault.py"), "--notes", "400", "--out", str(root)],
        check=True,
        capture_output=True,
    )
    answers = json.loads((tmp_path / "vault.answers.json").read_text(encoding="utf-8"))
    vault = load_vault(root)
    found = {(vault.notes[c.note].title, week) for c in build_concepts(vault) if c.note for week in c.weeks}
    expected = {
        (name, f"{series}/{week}")
        for series, weeks in answers["concepts_by_week"].items()
        for week, names in weeks.items()
        for name in names
    }
    assert len(expected) > 1000
    recall = len(expected & found) / len(expected)
    assert recall >= 0.95, sorted(expected - found)[:20]
