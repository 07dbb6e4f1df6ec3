"""Parsing in parallel (vaultgraph.vault.parallel) gives exactly what a serial parse gives, and says so
when a worker fails instead of waiting for it."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from vaultgraph.vault import note as note_module
from vaultgraph.vault import parallel
from vaultgraph.vault.load import load_vault

pytestmark = pytest.mark.usefixtures("user_cache")
SAMPLE_VAULT = Path(__file__).resolve().parents[1] / "sample_vault"
SERIAL, PARALLEL = 10**12, 0  # parallel_min_bytes


@pytest.fixture(autouse=True)
def small_chunks(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parallel, "worker_count", lambda: 3)  # two workers beside this process
    monkeypatch.setattr(parallel, "CHUNK_BYTES", 2_000)  # many chunks, taken by whoever is free


@pytest.mark.parametrize("cache", [False, True], ids=["no-cache", "cache"])
def test_parallel_parse_equals_serial_parse(tmp_path: Path, cache: bool) -> None:
    serial = load_vault(SAMPLE_VAULT, parallel_min_bytes=SERIAL)
    shared = load_vault(SAMPLE_VAULT, cache=cache, parallel_min_bytes=PARALLEL)
    assert len(serial.notes) > 20
    assert list(shared.notes) == list(serial.notes)
    assert shared.notes == serial.notes


def test_spawned_pool_equals_serial_parse(monkeypatch: pytest.MonkeyPatch) -> None:
    """Where fork is not used (macOS, Windows): a spawned pool that is sent each chunk's bytes."""
    monkeypatch.setattr(parallel, "fork_context", lambda: None)
    assert load_vault(SAMPLE_VAULT, parallel_min_bytes=PARALLEL).notes == load_vault(SAMPLE_VAULT).notes


def test_progress_counts_every_note_once() -> None:
    seen: list[tuple[int, int]] = []
    vault = load_vault(
        SAMPLE_VAULT, parallel_min_bytes=PARALLEL, progress=lambda done, total: seen.append((done, total))
    )
    assert seen[-1] == (len(vault.notes), len(vault.notes))
    assert [done for done, _ in seen] == sorted(done for done, _ in seen)


def _fail_in_workers(monkeypatch: pytest.MonkeyPatch, how: str) -> None:
    """Make `load_note` fail in forked workers only (this process parses its share normally)."""
    parent = os.getpid()
    real = note_module.load_note

    def load_note(path: str, data: bytes, **options):  # type: ignore[no-untyped-def]
        if os.getpid() != parent:
            if how == "raise":
                raise ValueError(f"boom in {path}")
            os._exit(9)  # killed: no word to the parent
        return real(path, data, **options)

    monkeypatch.setattr(parallel, "load_note", load_note)


@pytest.mark.parametrize(
    "how,message", [("raise", "(?s)a parsing worker failed:.*ValueError: boom in"), ("die", "a parsing worker died")]
)
def test_a_failing_worker_is_an_error_not_a_hang(monkeypatch: pytest.MonkeyPatch, how: str, message: str) -> None:
    _fail_in_workers(monkeypatch, how)
    with pytest.raises(RuntimeError, match=message):
        load_vault(SAMPLE_VAULT, parallel_min_bytes=PARALLEL)
