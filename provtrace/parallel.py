"""Run independent work on several cores, or on a Dask cluster, results in input order.

Used for reading files and for aligning pairs. The results come back in the
order of the inputs whatever the number of processes, so the output of a run
is identical with one worker and with many, and on one machine or a cluster.

Given a scheduler address, the same chunks go to a Dask distributed cluster
(the optional extra provtrace[distributed]) through the standard Executor
interface of ``distributed.Client.get_executor``. No Dask object leaves this
module.
"""

from __future__ import annotations

import gc
import os
import re
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from itertools import islice
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")

#: Below this many items a process pool costs more than it saves.
MIN_ITEMS = 200
#: Items sent to a worker at a time.
CHUNK = 64
#: Chunks handed to the pool ahead of the one the caller is using: enough to
#: keep every worker busy while the caller works, few enough that the results
#: waiting for it stay a small part of memory (about 4,000 items).
AHEAD = 64
#: Modules the fork server imports once: each fresh worker is forked from it with them loaded.
PRELOAD = ["provtrace.pipeline", "provtrace.index.store", "provtrace.check.inputs"]
#: Seconds to wait for a Dask scheduler before saying it cannot be reached.
CONNECT_TIMEOUT = 10
#: A Dask scheduler address: [tcp|tls|ws|wss|ucx://]HOST:PORT (HOST a name, an IPv4 address or an
#: IPv6 one in brackets), or inproc://... for a scheduler in the same process.
_ADDRESS = re.compile(
    r"(?:(?:tcp|tls|ws|wss|ucx)://)?(?:\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9._-]+):[0-9]{1,5}|inproc://\S+"
)

#: Collections of the middle generation between two full collections of the garbage collector
#: (Python's default: 10) while provtrace works. A run holds many long-lived small objects (the
#: caches of sentences read, a component's alignments), and every full collection walks all of
#: them to find the few cycles: at 10,000 articles it was a tenth of each worker's time. The
#: younger generations are collected as often as ever, so cyclic garbage is still freed.
FULL_COLLECTION_EVERY = 100

# The shared state of the current map, in each worker process: set by the
# pool's initializer there (sent once to each worker), never used in the parent.
_state: Any = None


def _init(state: Any) -> None:
    global _state
    _state = state
    _collect_fully_less()


def _collect_fully_less() -> tuple[int, ...]:
    """Full garbage collections no more often than FULL_COLLECTION_EVERY says; the thresholds before."""
    before = gc.get_threshold()
    gc.set_threshold(before[0], before[1], max(before[2], FULL_COLLECTION_EVERY))
    return before


@contextmanager
def fewer_full_collections() -> Iterator[None]:
    """Within the block, full garbage collections as FULL_COLLECTION_EVERY says (the thresholds
    are the caller's again after it)."""
    before = _collect_fully_less()
    try:
        yield
    finally:
        gc.set_threshold(*before)


def _run_chunk(job: tuple[Callable[[Any, Any], Any], list[Any]]) -> list[Any]:
    fn, chunk = job
    return [fn(_state, item) for item in chunk]


def _run_chunk_with(state: Any, job: tuple[Callable[[Any, Any], Any], list[Any]]) -> list[Any]:
    """One chunk on a Dask worker, where the shared state arrives as an argument."""
    fn, chunk = job
    return [fn(state, item) for item in chunk]


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
    scheduler: str | None = None,
) -> list[R]:
    """[fn(state, item) for item in items], on one core, several, or a Dask cluster.

    fn must be a module-level function (it is sent to worker processes).
    progress, if given, is called with the number of items done so far.
    scheduler, if given, is the address of a Dask scheduler ("tcp://host:8786"):
    every item then runs on that cluster, whose workers must have provtrace
    installed; the results are the same as on one core.
    """
    results: list[R] = []
    for chunk in ordered_chunks(fn, items, state, workers=workers, scheduler=scheduler):
        results.extend(chunk)
        if progress is not None:
            progress(len(results))
    return results


def ordered_chunks(
    fn: Callable[[Any, T], R],
    items: Sequence[T],
    state: Any,
    *,
    workers: int,
    scheduler: str | None = None,
    chunk: int | None = None,
    amount: int | None = None,
    fresh: bool = False,
) -> Iterator[list[R]]:
    """ordered_map's results a chunk at a time, in input order, as they are ready.

    The workers go on with up to AHEAD later chunks while the caller uses one
    (writes it to an index, say), so the caller's work overlaps theirs.
    chunk is the number of items sent at a time (default CHUNK); amount, the size of the work
    that decides whether a pool is worth starting (default: the number of items).

    With fresh, the workers are forked from a fork server (provtrace preloaded), not
    from the caller, and the state is sent to each. A worker forked from the caller
    shares its memory only until the caller writes to it, and a caller that runs long
    writes to all of it (every object it pickles for the workers has its reference
    count changed): each worker ends up with a private copy of the caller's memory
    (2 GiB each at 100,000 articles). A fresh worker holds what it is sent. It
    starts slower, and the caller's script must guard its own work with
    `if __name__ == "__main__":` (the fork server imports it).
    """
    chunk = chunk or CHUNK
    if scheduler is not None:
        yield from _cluster_map(fn, items, state, scheduler, chunk)
        return
    count = worker_count(workers, len(items) if amount is None else amount)
    if count == 1:
        for k in range(0, len(items), chunk):
            yield [fn(state, item) for item in items[k : k + chunk]]
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    jobs = ((fn, list(items[k : k + chunk])) for k in range(0, len(items), chunk))
    if fresh:
        context: Any = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(PRELOAD)
    else:
        context = multiprocessing.get_context("fork")
    pool = ProcessPoolExecutor(count, context, initializer=_init, initargs=(state,))
    try:
        # Forked workers start at the first submit. Objects frozen then are left alone by
        # their garbage collector, so their memory stays shared with this process as long
        # as this process leaves it alone.
        gc.freeze()
        try:
            pending = deque(pool.submit(_run_chunk, job) for job in islice(jobs, AHEAD))
        finally:
            gc.unfreeze()
        while pending:
            done = pending.popleft().result()
            pending.extend(pool.submit(_run_chunk, job) for job in islice(jobs, 1))
            yield done
    finally:
        # A caller that stops early (an error while using a chunk) must not wait for the rest.
        pool.shutdown(wait=True, cancel_futures=True)


def check_address(scheduler: str) -> None:
    """Raise an InputError (exit 2) for a Dask scheduler address that is not one, before any work:
    asked to connect to one, Dask waits out its timeout."""
    from provtrace.errors import InputError

    if not _ADDRESS.fullmatch(scheduler):
        raise InputError(
            f"malformed Dask scheduler address {scheduler!r}: give it as tcp://HOST:PORT "
            "(for example tcp://127.0.0.1:8786), the address `dask scheduler` prints"
        )


def _connect(scheduler: str) -> Any:
    """A Dask client for the scheduler, or a ProvtraceError saying what to do."""
    from provtrace.errors import ProvtraceError

    check_address(scheduler)

    try:
        import distributed
    except ImportError:
        raise ProvtraceError(
            "running on a Dask cluster needs the distributed extra: pip install 'provtrace[distributed]'"
        ) from None
    try:
        client_class: Any = distributed.Client  # untyped third-party class
        return client_class(scheduler, timeout=CONNECT_TIMEOUT, set_as_default=False)
    except (OSError, ValueError, TypeError) as exc:
        raise ProvtraceError(
            f"cannot reach the Dask scheduler at {scheduler} ({exc.__class__.__name__}: {exc}); "
            "start one with `dask scheduler` or give the address it prints"
        ) from None


def _cluster_map(
    fn: Callable[[Any, T], R],
    items: Sequence[T],
    state: Any,
    scheduler: str,
    chunk: int,
) -> Iterator[list[R]]:
    """ordered_chunks on a Dask cluster, a chunk at a time: the state is sent once to every worker."""
    client = _connect(scheduler)
    try:
        # Wrapped in a list so that a dict or tuple state is sent as one object.
        shared = client.scatter([state], broadcast=True, hash=False)[0]
        jobs = [(fn, list(items[k : k + chunk])) for k in range(0, len(items), chunk)]
        with client.get_executor(pure=False) as executor:
            futures = [executor.submit(_run_chunk_with, shared, job) for job in jobs]
            for future in futures:
                yield future.result()
    finally:
        client.close()
