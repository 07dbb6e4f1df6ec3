"""The process pool gives exactly what a serial parse gives (vaultgraph.vault.parallel, load.py)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from vaultgen import AnswerKey

from vaultgraph.config import Config
from vaultgraph.lint.engine import Selection, lint_vault, select_rules
from vaultgraph.vault import parallel
from vaultgraph.vault.load import load_vault

SAMPLE_VAULT = Path(__file__).resolve().parents[1] / "sample_vault"


def test_pool_result_equals_serial_result(generated: tuple[Path, AnswerKey], monkeypatch: pytest.MonkeyPatch) -> None:
    root, key = generated
    monkeypatch.setattr(parallel, "worker_count", lambda: 2)
    monkeypatch.setattr(parallel, "CHUNK_BYTES", 20_000)  # many chunks: order must survive the pool
    serial = load_vault(root, parallel_min_bytes=10**12)
    pooled = load_vault(root, parallel_min_bytes=0)
    assert len(serial.notes) == key.notes
    assert list(pooled.notes) == list(serial.notes)
    assert pooled.notes == serial.notes
    config = Config()
    rules = select_rules(config, Selection(select=("ALL",)))
    assert lint_vault(pooled, config, rules) == lint_vault(serial, config, rules)


def test_pool_feeds_the_cache_and_reports_progress(
    tmp_path: Path, generated: tuple[Path, AnswerKey], monkeypatch: pytest.MonkeyPatch
) -> None:
    vault = shutil.copytree(generated[0], tmp_path / "vault")  # the cache is written into the vault
    monkeypatch.setattr(parallel, "worker_count", lambda: 2)
    calls: list[tuple[int, int]] = []
    first = load_vault(
        vault, cache=True, parallel_min_bytes=0, progress=lambda done, total: calls.append((done, total))
    )
    total = len(first.notes)
    assert calls and calls[-1] == (total, total)
    assert [done for done, _ in calls] == sorted(done for done, _ in calls)
    calls.clear()
    again = load_vault(vault, cache=True, parallel_min_bytes=0, progress=lambda *a: calls.append(a))
    assert again.notes == first.notes
    assert calls == []  # nothing left to parse


@pytest.mark.parametrize(
    ("sizes", "limit", "expected"),
    [
        ([10, 10, 10], 15, [[10, 10], [10]]),
        ([40], 15, [[40]]),
        ([], 15, []),
        ([5, 5, 5], 100, [[5, 5, 5]]),
    ],
)
def test_chunks_are_cut_by_bytes(sizes: list[int], limit: int, expected: list[list[int]]) -> None:
    items = [(f"n{i}.md", b"x" * size) for i, size in enumerate(sizes)]
    assert [[len(data) for _, data in chunk] for chunk in parallel.chunks(items, limit)] == expected


@pytest.mark.parametrize("which", ["generated", "sample"])
def test_memoised_resolution_equals_the_index(generated: tuple[Path, AnswerKey], which: str) -> None:
    """`Vault.resolve` shares answers between notes of one folder; it must agree with `LinkIndex`."""
    vault = load_vault(generated[0] if which == "generated" else SAMPLE_VAULT)
    for note in vault.notes.values():
        for link in note.links:
            assert vault.resolve(link, note) == vault.index.resolve(link.target, note.path, link.kind)
    assert vault.resolved  # the memo was used
