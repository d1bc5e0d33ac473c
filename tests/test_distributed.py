"""The Dask engine: the same work on a real two-process LocalCluster, the same output."""

from __future__ import annotations

import faulthandler
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from provtrace import parallel
from provtrace.errors import ProvtraceError
from provtrace.index import ArchiveIndex
from provtrace.options import TraceOptions
from provtrace.pipeline import trace
from provtrace.render import OutputFormat, RenderOptions, renderer

distributed = pytest.importorskip("distributed", reason="the distributed extra is not installed")

#: A hung cluster must not hang CI: past this, the test run dies with every thread's stack.
_HANG_SECONDS = 300


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    """The address of a LocalCluster of two single-threaded worker processes, shut down afterwards."""
    faulthandler.dump_traceback_later(_HANG_SECONDS, exit=True)
    cluster = distributed.LocalCluster(
        n_workers=2,
        processes=True,
        threads_per_worker=1,
        dashboard_address=None,
        worker_dashboard_address=None,
        silence_logs=40,
    )
    try:
        yield cluster.scheduler_address
    finally:
        cluster.close(timeout=30)
        faulthandler.cancel_dump_traceback_later()


def _pid(state: int, item: int) -> tuple[int, int]:
    return item * state, os.getpid()


def _json(paths: list[str], options: TraceOptions) -> str:
    return renderer(OutputFormat.JSON)(trace(paths, options), RenderOptions())


def test_a_cluster_map_runs_on_the_workers_and_keeps_input_order(
    scheduler: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(parallel, "CHUNK", 3)
    results = parallel.ordered_map(_pid, list(range(40)), 7, workers=1, scheduler=scheduler)
    assert [value for value, _ in results] == [7 * k for k in range(40)]
    assert os.getpid() not in {pid for _, pid in results}


def test_a_cluster_map_reports_progress_in_chunks(scheduler: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parallel, "CHUNK", 4)
    done: list[int] = []
    parallel.ordered_map(_pid, list(range(10)), 1, workers=1, progress=done.append, scheduler=scheduler)
    assert done == [4, 8, 10]


def test_trace_on_a_cluster_is_byte_identical_to_a_local_run(
    scheduler: str, examples: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(parallel, "CHUNK", 2)  # spread the work over both workers
    data = Path(__file__).parent / "data" / "bilingual"
    paths = [str(examples), str(data)]
    local = _json(paths, TraceOptions(workers=1))
    assert _json(paths, TraceOptions(scheduler=scheduler)) == local


def test_an_unreachable_scheduler_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parallel, "CONNECT_TIMEOUT", 1)
    with pytest.raises(ProvtraceError, match=r"cannot reach the Dask scheduler at tcp://127\.0\.0\.1:9 "):
        parallel.ordered_map(_pid, [1], 1, workers=1, scheduler="tcp://127.0.0.1:9")


def test_a_missing_dask_is_a_clear_error_naming_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(__import__("sys").modules, "distributed", None)  # as if not installed
    with pytest.raises(ProvtraceError, match=r"pip install 'provtrace\[distributed\]'"):
        parallel.ordered_map(_pid, [1], 1, workers=1, scheduler="tcp://127.0.0.1:8786")


def test_an_index_built_on_a_cluster_stores_what_a_local_build_stores(
    scheduler: str, examples: Path, tmp_path: Path
) -> None:
    stored = []
    for name, where in (("local", None), ("cluster", scheduler)):
        with ArchiveIndex(tmp_path / f"{name}.sqlite", root=str(examples), create=True) as index:
            index.add([str(examples)], scheduler=where)
            stored.append((index.load(index.ids()), index.stats().postings))
    assert stored[0] == stored[1]
