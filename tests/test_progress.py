"""The lazy progress bar of the CLI: silent for quick loads, a rich bar on stderr for slow ones."""

from __future__ import annotations

import io

from rich.console import Console

from vaultgraph.cli.progress import LazyBar, LazySteps


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


def test_steps_stay_hidden_before_their_delay() -> None:
    console, out = terminal()
    step = LazySteps(console, total=2, delay=3600)
    step("finding concepts")
    step("building the graph")
    step.close()
    assert out.getvalue() == ""


def shown_after_delay(step: LazySteps) -> None:
    assert step.timer is not None
    step.timer.join(timeout=10)


def test_a_long_step_is_shown_when_the_delay_ends() -> None:
    console, out = terminal()
    step = LazySteps(console, total=3, delay=0.01)
    step("finding concepts")  # still running when the delay ends
    shown_after_delay(step)
    step("building the graph")
    step.close()
    shown = out.getvalue()
    assert "finding concepts (step 1 of 3)" in shown and "building the graph (step 2 of 3)" in shown


def test_a_single_step_is_not_counted() -> None:
    console, out = terminal()
    step = LazySteps(console, total=1, delay=0)
    step("finding concepts")
    shown_after_delay(step)
    step.close()
    assert "finding concepts" in out.getvalue() and "step" not in out.getvalue()
