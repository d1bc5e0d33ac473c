"""Run independent work on several cores, results in input order.

Used for reading files and for aligning pairs. The results come back in the
order of the inputs whatever the number of processes, so the output of a run
is identical with one worker and with many.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")

#: Below this many items a process pool costs more than it saves.
MIN_ITEMS = 200
#: Items sent to a worker at a time.
CHUNK = 64

# The shared state of the current map, in each worker process: set by the
# pool's initializer there (inherited by fork), never used in the parent.
_state: Any = None


def _init(state: Any) -> None:
    global _state
    _state = state


def _run_chunk(job: tuple[Callable[[Any, Any], Any], list[Any]]) -> list[Any]:
    fn, chunk = job
    return [fn(_state, item) for item in chunk]


def worker_count(requested: int, items: int) -> int:
    """Processes to use: one for small jobs, else the request (0: one per core, up to 8)."""
    if items < MIN_ITEMS:
        return 1
    if requested > 0:
        return requested
    return max(1, min(os.cpu_count() or 1, 8))


def ordered_map(
    fn: Callable[[Any, T], R],
    items: Sequence[T],
    state: Any,
    *,
    workers: int,
    progress: Callable[[int], None] | None = None,
) -> list[R]:
    """[fn(state, item) for item in items], on one core or several.

    fn must be a module-level function (it is sent to worker processes).
    progress, if given, is called with the number of items done so far.
    """
    count = worker_count(workers, len(items))
    if count == 1:
        results: list[R] = []
        for item in items:
            results.append(fn(state, item))
            if progress is not None:
                progress(len(results))
        return results
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    jobs = [(fn, list(items[k : k + CHUNK])) for k in range(0, len(items), CHUNK)]
    context = multiprocessing.get_context("fork")
    results = []
    with ProcessPoolExecutor(count, context, initializer=_init, initargs=(state,)) as pool:
        for chunk_results in pool.map(_run_chunk, jobs):
            results.extend(chunk_results)
            if progress is not None:
                progress(len(results))
    return results
