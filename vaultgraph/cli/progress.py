"""Progress for long runs: rich, on stderr, only on a terminal, only after a second.

`parse_progress` is a bar for loading notes; `steps` names the step a command is in after that
(finding concepts, building the graph ...), which on a big vault can take longer than the load.
"""

from __future__ import annotations

import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rich.console import Console

    from vaultgraph.vault.load import Progress as ProgressCallback

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

            self.bar = Progress(
                TextColumn("parsing notes"),
                BarColumn(),
                MofNCompleteColumn(),
                TimeRemainingColumn(),
                console=self.console,
                transient=True,
                auto_refresh=False,
            )
            self.bar.start()
            self.task = self.bar.add_task("parse", total=total)
        self.bar.update(self.task, completed=done, total=total)
        self.bar.refresh()

    def close(self) -> None:
        if self.bar is not None:
            self.bar.stop()


class LazySteps:
    """Names each step as it starts, with a spinner, once `DELAY_SECONDS` have passed since it was made.

    A step that starts before the delay is shown when the delay ends, by a timer started at the first
    step: the steps come after the parse pool, so no thread is alive when the pool forks.
    """

    def __init__(self, console: Console, total: int, delay: float = DELAY_SECONDS):
        self.console = console
        self.total = total
        self.delay = delay
        self.started = time.monotonic()
        self.done = 0
        self.description = ""
        self.bar: Any = None
        self.task = 0
        self.timer: threading.Timer | None = None
        self._lock = threading.Lock()
        self._closed = False

    def __call__(self, label: str) -> None:
        with self._lock:
            self.done += 1
            self.description = f"{label} (step {self.done} of {self.total})" if self.total > 1 else label
            if self.bar is not None:
                self.bar.update(self.task, description=self.description)
                return
        if self.timer is None:
            self.timer = threading.Timer(max(0.0, self.delay - (time.monotonic() - self.started)), self._show)
            self.timer.daemon = True
            self.timer.start()

    def _show(self) -> None:
        with self._lock:
            if self._closed or self.bar is not None:
                return
            from rich.progress import Progress, SpinnerColumn, TextColumn

            self.bar = Progress(SpinnerColumn(), TextColumn("{task.description}"), console=self.console, transient=True)
            self.bar.start()
            self.task = self.bar.add_task(self.description, total=None)

    def close(self) -> None:
        with self._lock:
            self._closed = True
        if self.timer is not None:
            self.timer.cancel()
            self.timer.join()
        if self.bar is not None:
            self.bar.stop()


def _no_step(_label: str) -> None:
    pass


@contextmanager
def steps(total: int) -> Iterator[Callable[[str], None]]:
    """A `step(label)` callback to call as each of `total` steps starts; silent off a terminal.

    Enter it when the command starts, so that the load counts towards the delay.
    """
    if not sys.stderr.isatty():
        yield _no_step
        return
    from rich.console import Console

    shown = LazySteps(Console(stderr=True), total)
    try:
        yield shown
    finally:
        shown.close()


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
