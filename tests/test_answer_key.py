"""The linter and the parser against the generated vault's answer key (`tests/vaultgen.py`).

A 400-note vault must give exactly the key's findings (broken links, embeds, heading links and block
refs, empty list items, unparseable front matter, gaps and duplicates in weekly series) and nothing else
from the rules that are on by default; no rule may report a decoy line (a `[[..]]` or `#tag`
look-alike inside code, math, a URL or a comment); every good link leads where the key says, and every
note has the key's tags and headings.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pytest
from vaultgen import AnswerKey

from vaultgraph.config import Config
from vaultgraph.lint.engine import Selection, lint_vault, select_rules
from vaultgraph.lint.rule import all_rules
from vaultgraph.model import Vault
from vaultgraph.vault.load import load_vault

Found = dict[str, set[tuple[str, int]]]
PLANTED = ["VG101", "VG102", "VG103", "VG104", "VG201", "VG301", "VG501", "VG502"]


@pytest.fixture(scope="module")
def vault(generated: tuple[Path, AnswerKey]) -> Vault:
    return load_vault(generated[0])


@pytest.fixture(scope="module")
def found(vault: Vault) -> Found:
    """Every rule's findings, the ones off by default included, as (file, line) per code."""
    config = Config()
    by_code: Found = defaultdict(set)
    for diagnostic in lint_vault(vault, config, select_rules(config, Selection(select=("ALL",)))):
        by_code[diagnostic.code].add((diagnostic.path, diagnostic.line))
    return by_code


def test_the_key_plants_every_kind_of_problem(generated: tuple[Path, AnswerKey]) -> None:
    assert sorted(generated[1].findings) == PLANTED
    assert all(generated[1].findings.values()), "a planted kind with no instance proves nothing"


@pytest.mark.parametrize("code", PLANTED)
def test_findings_equal_the_key(found: Found, generated: tuple[Path, AnswerKey], code: str) -> None:
    assert found[code] == {(place.file, place.line) for place in generated[1].findings[code]}


def test_rules_on_by_default_find_nothing_else(found: Found) -> None:
    off_by_default = {rule.code for rule in all_rules() if not rule.enabled}
    assert {code: sorted(hits)[:5] for code, hits in found.items() if code not in {*PLANTED, *off_by_default}} == {}


def test_no_decoy_is_reported(found: Found, generated: tuple[Path, AnswerKey]) -> None:
    decoys = {(place.file, place.line) for place in generated[1].decoys}
    assert len(decoys) > 20
    assert {code: hits & decoys for code, hits in found.items() if hits & decoys} == {}


def test_every_good_link_leads_where_the_key_says(vault: Vault, generated: tuple[Path, AnswerKey]) -> None:
    links = generated[1].links
    assert len(links) > 300
    wrong = []
    for expected in links:
        note = vault.notes[expected.file]
        (link,) = [link for link in note.links if link.span.line == expected.line and link.raw == expected.raw]
        resolution = vault.resolve(link, note)
        if resolution.path != expected.path:
            wrong.append((expected, resolution))
    assert wrong == []


def test_tags_and_headings_equal_the_key(vault: Vault, generated: tuple[Path, AnswerKey]) -> None:
    key = generated[1]
    assert set(vault.notes) == set(key.tags) == set(key.headings)
    assert {path: sorted({tag.name for tag in note.tags}) for path, note in vault.notes.items()} == key.tags
    assert {path: [(h.level, h.text) for h in note.headings] for path, note in vault.notes.items()} == key.headings
