"""`load_vault(skip=...)`: fields a command never reads are left empty, the cache still keeps them whole."""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

import pytest

from vaultgraph.codec import note_decoder
from vaultgraph.vault import load as load_module
from vaultgraph.vault import note as note_module
from vaultgraph.vault import parallel
from vaultgraph.vault.load import load_vault

SAMPLE_VAULT = Path(__file__).resolve().parents[1] / "sample_vault"
POOL, SERIAL = 0, 10**12  # parallel_min_bytes


@pytest.fixture(autouse=True)
def two_workers(user_cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parallel, "worker_count", lambda: 2)


@pytest.fixture
def vault(tmp_path: Path) -> Path:
    root = tmp_path / "vault"
    shutil.copytree(SAMPLE_VAULT, root)
    return root


def _without(note, names):  # type: ignore[no-untyped-def]
    return dataclasses.replace(note, **{name: [] for name in names})


@pytest.mark.parametrize("how", [POOL, SERIAL], ids=["pool", "serial"])
@pytest.mark.parametrize("cache", [True, False], ids=["cache", "no-cache"])
def test_skipped_fields_are_empty_and_the_rest_is_unchanged(vault: Path, how: int, cache: bool) -> None:
    full = load_vault(vault, parallel_min_bytes=SERIAL)
    lean = load_vault(vault, cache=cache, parallel_min_bytes=how, skip=("terms",))
    assert any(note.terms for note in full.notes.values())
    assert all(note.terms == [] for note in lean.notes.values())
    assert lean.notes == {path: _without(note, ("terms",)) for path, note in full.notes.items()}


@pytest.mark.parametrize("how", [POOL, SERIAL], ids=["pool", "serial"])
def test_terms_nobody_reads_are_not_computed_without_a_cache(
    vault: Path, how: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(note):  # type: ignore[no-untyped-def]
        raise AssertionError(f"terms computed for {note.path}")  # raised in a forked worker too

    monkeypatch.setattr(note_module, "extract_terms", refuse)
    assert load_vault(vault, parallel_min_bytes=how, skip=("terms",)).notes
    with pytest.raises(AssertionError, match="terms computed"):  # the cache keeps them for `graph`
        load_vault(vault, cache=True, parallel_min_bytes=SERIAL, skip=("terms",))


@pytest.mark.parametrize("how", [POOL, SERIAL], ids=["pool", "serial"])
def test_cache_written_by_a_lean_load_serves_a_full_one(vault: Path, how: int, monkeypatch: pytest.MonkeyPatch) -> None:
    fresh = load_vault(vault, parallel_min_bytes=SERIAL)
    load_vault(vault, cache=True, parallel_min_bytes=how, skip=("terms", "segments"))  # fills the cache
    (vault / "new.md").write_text("# New\n\n[[LSTM]]을 다시 봤다\n", encoding="utf-8")  # one shard rewritten
    load_vault(vault, cache=True, parallel_min_bytes=how, skip=("terms",))
    parsed: list[str] = []
    real = load_module.load_note
    monkeypatch.setattr(
        load_module, "load_note", lambda path, data, **options: parsed.append(path) or real(path, data, **options)
    )
    warm = load_vault(vault, cache=True, parallel_min_bytes=SERIAL)
    assert parsed == []
    assert {p: n for p, n in warm.notes.items() if p != "new.md"} == fresh.notes
    assert warm.notes["new.md"].terms


def test_unknown_field_is_refused() -> None:
    with pytest.raises(ValueError, match="no field 'term'"):
        note_decoder(("term",))
