"""The lazy progress bar of the CLI: silent for quick loads, a rich bar on stderr for slow ones."""

from __future__ import annotations

import io

from rich.console import Console

from vaultgraph.cli.progress import LazyBar


def terminal() -> tuple[Console, io.StringIO]:
    out = io.StringIO()
    return Console(file=out, force_terminal=True, width=80), out


def test_bar_stays_hidden_before_its_delay() -> None:
    console, out = terminal()
    bar = LazyBar(console, delay=3600)
    for done in range(1, 10):
        bar(done, 10)
    bar.close()
    assert out.getvalue() == ""


def test_bar_appears_after_its_delay_and_counts() -> None:
    console, out = terminal()
    bar = LazyBar(console, delay=0)
    bar(3, 10)
    bar(7, 10)
    bar.close()
    assert "parsing notes" in out.getvalue() and "7/10" in out.getvalue()


def test_bar_is_not_started_for_a_load_that_already_finished() -> None:
    console, out = terminal()
    bar = LazyBar(console, delay=0)
    bar(10, 10)
    bar.close()
    assert out.getvalue() == ""
