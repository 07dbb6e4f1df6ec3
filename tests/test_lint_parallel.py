"""Linting on every core (vaultgraph.lint.parallel) finds exactly what one process finds, in the same order."""

from __future__ import annotations

import importlib
import os
from pathlib import Path

import pytest

from vaultgraph.config import Config
from vaultgraph.lint.engine import Selection, lint_vault, select_rules
from vaultgraph.lint.memo import FindingsMemo
from vaultgraph.vault.load import load_vault

# `vaultgraph.lint` is also the API's function, so the module is looked up by its full name.
lint_parallel = importlib.import_module("vaultgraph.lint.parallel")
SAMPLE_VAULT = Path(__file__).resolve().parents[1] / "sample_vault"


@pytest.fixture
def forked(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(lint_parallel, "worker_count", lambda: 3)
    monkeypatch.setattr(lint_parallel, "PARALLEL_MIN_BYTES", 0)


@pytest.mark.parametrize("select", [None, ("ALL",)], ids=["default", "all-rules"])
def test_parallel_findings_equal_serial_findings(forked: None, select: tuple[str, ...] | None) -> None:
    vault = load_vault(SAMPLE_VAULT)
    config = Config()
    rules = select_rules(config, Selection(select=select))
    parallel = lint_vault(vault, config, rules)
    with pytest.MonkeyPatch.context() as serial:
        serial.setattr(lint_parallel, "PARALLEL_MIN_BYTES", 10**12)
        assert lint_vault(vault, config, rules) == parallel
    assert parallel


def test_the_memo_keeps_what_the_children_found(forked: None) -> None:
    vault = load_vault(SAMPLE_VAULT)
    config = Config()
    rules = select_rules(config)
    digests = {path: path.encode() for path in vault.notes}
    memo = FindingsMemo.for_vault(vault, digests, {})
    first = lint_vault(vault, config, rules, memo=memo)
    assert set(memo.current) == set(vault.notes)
    again = FindingsMemo.for_vault(vault, digests, memo.current)
    assert lint_vault(vault, config, rules, memo=again) == first


def test_a_failing_child_is_an_error(forked: None, monkeypatch: pytest.MonkeyPatch) -> None:
    parent = os.getpid()
    real = lint_parallel._check_share

    def failing(share, check, send):  # type: ignore[no-untyped-def]
        def broken(note):  # type: ignore[no-untyped-def]
            if os.getpid() != parent:
                raise ValueError(f"rule broke on {note.path}")
            return check(note)

        real(share, broken, send)

    monkeypatch.setattr(lint_parallel, "_check_share", failing)
    config = Config()
    with pytest.raises(RuntimeError, match="(?s)a lint worker failed:.*rule broke on"):
        lint_vault(load_vault(SAMPLE_VAULT), config, select_rules(config))
