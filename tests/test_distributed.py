"""The Dask engine: the same work on a real two-process LocalCluster, the same output.

The cluster is the session's `scheduler` fixture (conftest.py): one for the whole run.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from provtrace import parallel
from provtrace.cli.app import app
from provtrace.errors import ProvtraceError
from provtrace.index import ArchiveIndex
from provtrace.options import TraceOptions
from provtrace.pipeline import trace
from provtrace.render import OutputFormat, RenderOptions, renderer

distributed = pytest.importorskip("distributed", reason="the distributed extra is not installed")


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


def test_a_spooled_trace_on_a_cluster_reads_the_files_here_and_writes_the_local_json(
    scheduler: str, examples: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With the articles on a shelf: the files are read by this process (a cluster's workers may
    not see them), the packed articles travel, and the JSON is the local run's."""
    import io

    import provtrace.pipeline as pipeline
    from provtrace.spooled import spool_trace

    read: list[str] = []

    def reading(path: str) -> object:
        read.append(path)
        return real(path)

    real = pipeline.read_document
    monkeypatch.setattr(parallel, "CHUNK", 2)
    monkeypatch.setattr(pipeline, "SHELF_ARTICLES", 1)
    monkeypatch.setattr(pipeline, "read_document", reading)
    paths = [str(examples), str(Path(__file__).parent / "data" / "bilingual")]
    local = _json(paths, TraceOptions(workers=1))
    read.clear()  # the local run reads its files through the same function
    with spool_trace(paths, TraceOptions(scheduler=scheduler), budget=1000) as spooled:
        out = io.StringIO()
        spooled.write_json(out)
    assert out.getvalue() == local
    assert len(read) == len(spooled.articles) > 5  # every file read here, none on the cluster


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


def test_cli_trace_with_scheduler_writes_the_same_bytes_as_a_local_run(
    scheduler: str, examples: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(parallel, "CHUNK", 2)
    runner = CliRunner()
    local = runner.invoke(app, ["trace", str(examples), "--format", "json"])
    remote = runner.invoke(app, ["trace", str(examples), "--format", "json", "--scheduler", scheduler])
    assert remote.exit_code == 0, remote.output
    assert remote.stdout_bytes == local.stdout_bytes


def test_the_scheduler_comes_from_provtrace_scheduler_when_not_given(
    scheduler: str, examples: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    runner = CliRunner()
    local = runner.invoke(app, ["trace", str(examples), "--format", "json"])
    used: list[str | None] = []
    real = parallel._cluster_map

    def spy(*args: object) -> object:
        used.append(str(args[3]))
        return real(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(parallel, "_cluster_map", spy)
    monkeypatch.setenv("PROVTRACE_SCHEDULER", scheduler)
    remote = runner.invoke(app, ["trace", str(examples), "--format", "json"])
    assert remote.stdout_bytes == local.stdout_bytes
    assert used and set(used) == {scheduler}


def test_cli_check_and_index_add_run_on_the_cluster_with_the_same_results(
    scheduler: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(Path(__file__).parent / "data" / "check")
    runner = CliRunner()
    argv = ["check", "stories", "--wire", "wire", "--format", "json"]
    local = runner.invoke(app, argv)
    assert runner.invoke(app, [*argv, "--scheduler", scheduler]).stdout_bytes == local.stdout_bytes
    for name, extra in (("local", []), ("cluster", ["--scheduler", scheduler])):
        added = runner.invoke(app, ["index", "add", "wire", "-i", str(tmp_path / f"{name}.sqlite"), *extra])
        assert added.exit_code == 0, added.output
    stored = [ArchiveIndex(tmp_path / f"{n}.sqlite", root="wire") for n in ("local", "cluster")]
    try:
        assert stored[0].load(stored[0].ids()) == stored[1].load(stored[1].ids())
    finally:
        for index in stored:
            index.close()
