"""A progress bar for long loads: rich, on stderr, only on a terminal, only after a second."""

from __future__ import annotations

import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from vaultgraph.vault.load import Progress as ProgressCallback

if TYPE_CHECKING:
    from rich.console import Console

DELAY_SECONDS = 1.0


class LazyBar:
    """Shows nothing until `DELAY_SECONDS` have passed, so quick runs print no bar at all.

    It refreshes only when told (no refresh thread), so the parse pool forks a thread-free process.
    """

    def __init__(self, console: Console, delay: float = DELAY_SECONDS):
        self.console = console
        self.delay = delay
        self.started = time.monotonic()
        self.bar: Any = None  # a rich Progress once shown
        self.task = 0

    def __call__(self, done: int, total: int) -> None:
        if self.bar is None:
            if time.monotonic() - self.started < self.delay or done >= total:
                return
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

            self.bar = Progress(TextColumn("parsing notes"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                                console=self.console, transient=True, auto_refresh=False)
            self.bar.start()
            self.task = self.bar.add_task("parse", total=total)
        self.bar.update(self.task, completed=done, total=total)
        self.bar.refresh()

    def close(self) -> None:
        if self.bar is not None:
            self.bar.stop()


@contextmanager
def parse_progress() -> Iterator[ProgressCallback | None]:
    """A callback for `load_vault(progress=...)` when stderr is a terminal, else None."""
    if not sys.stderr.isatty():
        yield None
        return
    from rich.console import Console  # imported only for a terminal: rich costs ~0.1 s of start-up

    bar = LazyBar(Console(stderr=True))
    try:
        yield bar
    finally:
        bar.close()
