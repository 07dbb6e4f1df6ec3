"""How many processes to run, and how to start them: shared by the parallel parse and the parallel lint.

Kept apart from both so that choosing costs no imports: `lint.parallel` must not load the parser.
"""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import multiprocessing.context


def worker_count() -> int:
    """The processors this process may run on."""
    if hasattr(os, "process_cpu_count"):  # Python 3.13+
        return os.process_cpu_count() or 1
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def fork_context() -> multiprocessing.context.ForkContext | None:
    """Fork, where it is safe (Linux): children share this process's memory (the notes, the parser)
    for free. macOS and Windows default to spawn because fork is unsafe with their system libraries."""
    if sys.platform != "linux":
        return None
    import multiprocessing  # here: a lint served from the cache forks nothing

    return multiprocessing.get_context("fork") if "fork" in multiprocessing.get_all_start_methods() else None
