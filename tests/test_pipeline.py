"""The pipeline: the same output with one worker process or several."""

from __future__ import annotations

import gc
from dataclasses import replace
from pathlib import Path

import pytest

import provtrace.parallel as parallel
from provtrace.options import TraceOptions
from provtrace.pipeline import trace
from provtrace.render import OutputFormat, RenderOptions, renderer


def test_output_is_identical_with_one_worker_and_with_two(
    examples: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(parallel, "MIN_ITEMS", 1)  # use the pool even for a small folder
    monkeypatch.setattr(parallel, "CHUNK", 2)  # and spread the work over several chunks
    data = Path(__file__).parent / "data" / "bilingual"
    outputs = {
        renderer(OutputFormat.JSON)(
            trace([str(examples), str(data)], TraceOptions(workers=w)), RenderOptions()
        )
        for w in (1, 2)
    }
    assert len(outputs) == 1


def test_a_pool_is_used_only_when_it_pays() -> None:
    assert parallel.worker_count(2, items=10) == 1
    assert parallel.worker_count(2, items=10_000) == 2
    assert parallel.worker_count(0, items=10_000) >= 1


def test_ordered_map_keeps_the_input_order_across_processes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parallel, "CHUNK", 3)
    items = list(range(500))
    assert parallel.ordered_map(_scaled, items, 7, workers=2) == [7 * i for i in items]


def _scaled(factor: int, item: int) -> int:
    return factor * item


def _full_collection_threshold(state: None, item: int) -> int:
    return gc.get_threshold()[2]


@pytest.mark.parametrize("fresh", [False, True])
def test_workers_collect_all_garbage_less_often(fresh: bool) -> None:
    found = parallel.ordered_chunks(_full_collection_threshold, range(300), None, workers=2, fresh=fresh)
    assert {x for chunk in found for x in chunk} == {parallel.FULL_COLLECTION_EVERY}


def test_a_trace_collects_all_garbage_less_often_and_leaves_the_callers_thresholds(
    examples: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen = []
    real = parallel.ordered_map

    def watched(*args: object, **kwargs: object) -> object:
        seen.append(gc.get_threshold()[2])
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr("provtrace.pipeline.ordered_map", watched)
    before = gc.get_threshold()
    trace([str(examples)])
    assert seen and set(seen) == {parallel.FULL_COLLECTION_EVERY}
    assert gc.get_threshold() == before


def test_progress_is_reported_in_every_stage(examples: Path) -> None:
    """Reading, comparing sentences, aligning and inferring each report progress, up to their total."""
    seen: dict[str, list[tuple[int, int]]] = {}
    trace(
        [str(examples)],
        TraceOptions(workers=1),
        progress=lambda s, d, t: seen.setdefault(s, []).append((d, t)),
    )
    assert list(seen) == ["reading", "comparing sentences", "aligning", "inferring"]
    for calls in seen.values():
        assert calls[-1][0] == calls[-1][1] > 0


def test_a_long_text_moves_the_progress_within_comparing_and_aligning(tmp_path: Path, examples: Path) -> None:
    """With one long story in a folder, comparing sentences and aligning report more often than
    once per article or pair, never go back, and end at their totals."""
    from provtrace.diff import diff_articles

    paragraph = (examples / "wire-original.txt").read_text(encoding="utf-8")
    story = "\n\n".join(paragraph.replace("Port", f"Port{n}") for n in range(120))
    (tmp_path / "long.txt").write_text(story, encoding="utf-8")
    (tmp_path / "copy.txt").write_text(story.replace(" the ", " a "), encoding="utf-8")
    for run in (
        lambda report: trace([str(tmp_path)], TraceOptions(workers=1), progress=report),
        lambda report: diff_articles(str(tmp_path / "long.txt"), str(tmp_path / "copy.txt"), progress=report),
    ):
        seen: dict[str, list[tuple[int, int]]] = {}
        run(lambda s, d, t, seen=seen: seen.setdefault(s, []).append((d, t)))
        for stage in ("comparing sentences", "aligning"):
            calls = seen[stage]
            done = [d for d, _ in calls]
            assert len(calls) > 3 and done == sorted(done), stage
            assert calls[-1][0] == calls[-1][1] == calls[0][1], stage


def test_every_shown_alignment_is_the_pairs_own_with_its_meaning_flips(examples: Path, tmp_path: Path) -> None:
    """trace reads meaning flips only for the alignments it keeps: they are those of the pair aligned alone."""
    from provtrace.align.core import align_pair

    for path in examples.iterdir():
        (tmp_path / path.name).write_bytes(path.read_bytes())
    wire = (examples / "wire-original.txt").read_text(encoding="utf-8")
    # A copy with a figure changed and a negation added, so that some link has flips to read.
    copy = wire.replace("leaving 11 ships", "leaving 14 ships").replace("broke down", "did not break down")
    assert copy.count("14 ships") == 1 and "did not break" in copy
    (tmp_path / "wire-copy.txt").write_text(copy, encoding="utf-8")
    result = trace([str(tmp_path)], TraceOptions(workers=1, all_pairs=True))
    by_id = {a.id: a for a in result.articles}
    assert any(link.changes for al in result.alignments for link in al.links)
    for shown in result.alignments:
        up, down = sorted((shown.source, shown.target))
        alone, _ = align_pair(by_id[up], by_id[down], TraceOptions(workers=1))
        assert shown == (alone if shown.source == up else alone.reversed())


@pytest.mark.parametrize("fresh", [False, True])
@pytest.mark.parametrize("whole", [0, 10**6])
def test_output_is_identical_whoever_aligns_and_infers_a_component(
    examples: Path, monkeypatch: pytest.MonkeyPatch, whole: int, fresh: bool
) -> None:
    """A component is aligned and inferred by one worker, or its pairs shared out and inferred
    here; by workers forked from the caller, or (a large run) from a fork server and sent what
    they work on: the same trace."""
    import provtrace.align.corpus as corpus

    monkeypatch.setattr(parallel, "MIN_ITEMS", 1)
    monkeypatch.setattr(parallel, "CHUNK", 2)
    monkeypatch.setattr(corpus, "SLICE_PAIRS", 3)
    data = Path(__file__).parent / "data" / "bilingual"
    render = renderer(OutputFormat.JSON)
    options = TraceOptions(workers=1, all_pairs=True)
    alone = render(trace([str(examples), str(data)], options), RenderOptions())
    monkeypatch.setattr(corpus, "FRESH_ARTICLES", 1 if fresh else 10**6)
    monkeypatch.setattr(corpus, "WHOLE_PAIRS", whole)
    spread = render(trace([str(examples), str(data)], replace(options, workers=2)), RenderOptions())
    assert spread == alone


def test_fresh_workers_keep_the_input_order(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parallel, "CHUNK", 3)
    items = list(range(500))
    chunks = parallel.ordered_chunks(_scaled, items, 7, workers=2, fresh=True)
    assert [x for chunk in chunks for x in chunk] == [7 * i for i in items]


def test_a_spooled_trace_writes_the_json_of_the_whole_one(
    examples: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Byte for byte, whether its parts stay in memory or are spilled to many files (removed after)."""
    import io
    import tempfile

    from provtrace.spooled import spool_trace

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    data = Path(__file__).parent / "data" / "bilingual"
    paths = [str(examples), str(data)]
    for all_pairs in (False, True):
        options = TraceOptions(workers=1, all_pairs=all_pairs)
        whole = renderer(OutputFormat.JSON)(trace(paths, options), RenderOptions())
        for budget in (10**9, 500):
            with spool_trace(paths, options, budget=budget) as spooled:
                out = io.StringIO()
                spooled.write_json(out)
                assert out.getvalue() == whole
                assert spooled.edges == whole.count('"parent":')
                assert bool(list(tmp_path.iterdir())) == (budget == 500)
            assert not list(tmp_path.iterdir())


@pytest.mark.parametrize("workers", [1, 2])
def test_a_trace_of_articles_held_on_a_shelf_is_the_trace_of_the_articles(
    examples: Path, monkeypatch: pytest.MonkeyPatch, workers: int
) -> None:
    """Read from the shelf's heads and unpacked by the workers that survey them (keyed, as a large
    run is), the articles give the same JSON, progress or not."""
    import io

    import provtrace.align.corpus as corpus
    import provtrace.pipeline as pipeline
    from provtrace.shelf import Shelf
    from provtrace.spooled import spool_trace

    data = Path(__file__).parent / "data" / "bilingual"
    paths = [str(examples), str(data)]
    options = TraceOptions(workers=1, all_pairs=True)
    whole = renderer(OutputFormat.JSON)(trace(paths, options), RenderOptions())
    monkeypatch.setattr(pipeline, "SHELF_ARTICLES", 1)
    monkeypatch.setattr(parallel, "MIN_ITEMS", 1)
    monkeypatch.setattr(corpus, "ALL_PAIRS_UP_TO", 1)
    keyed = renderer(OutputFormat.JSON)(trace(paths, options), RenderOptions())
    for progress in (None, lambda stage, done, total: None):
        with spool_trace(paths, replace(options, workers=workers), progress=progress) as spooled:
            assert isinstance(spooled.articles, Shelf)
            out = io.StringIO()
            spooled.write_json(out)
            assert out.getvalue() == keyed
    # Keyed candidates find every related pair of these few articles: the same trace.
    assert keyed == whole


def test_writing_a_spooled_trace_reports_its_progress_up_to_every_item(
    examples: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The same bytes with a progress callback; it hears 'writing' rise to the number of items."""
    import io
    import json

    import provtrace.align.progress as counting
    from provtrace.spooled import WRITING, spool_trace

    monkeypatch.setattr(counting, "PROGRESS_EVERY", 3)
    heard: list[tuple[str, int, int]] = []
    outputs = []
    for progress in (None, lambda stage, done, total: heard.append((stage, done, total))):
        with spool_trace([str(examples)], TraceOptions(workers=1)) as spooled:
            out = io.StringIO()
            spooled.write_json(out, progress)
            outputs.append(out.getvalue())
    assert outputs[0] == outputs[1]
    assert {stage for stage, _, _ in heard} == {WRITING}
    done = [d for _, d, _ in heard]
    total = heard[-1][2]
    items = sum(len(v) for v in json.loads(outputs[0]).values() if isinstance(v, list))
    assert done == sorted(done) and len(done) > 2
    assert done[-1] == total == items


def test_a_spooled_trace_leaves_no_temporary_file_when_it_fails(
    examples: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    import tempfile

    import provtrace.spooled as spooled

    def failing(*args: object, **kwargs: object) -> object:
        parts = real(*args, **kwargs)  # type: ignore[arg-type]
        yield next(parts)
        raise RuntimeError("a worker died")

    real = spooled.infer_parts
    monkeypatch.setattr(spooled, "infer_parts", failing)
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    with pytest.raises(RuntimeError):
        spooled.spool_trace([str(examples)], TraceOptions(workers=1), budget=1)
    assert not list(tmp_path.iterdir())


def test_a_shelf_holds_the_articles_and_warnings_load_articles_gives(
    examples: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Files read by the workers, articles packed: the same articles, ids and skips, in order."""
    import shutil

    import provtrace.pipeline as pipeline
    from provtrace.shelf import Shelf, head_of

    for k, story in enumerate(sorted(examples.iterdir())[:4]):
        shutil.copy(story, tmp_path / f"{k}-{story.name}")
        shutil.copy(story, tmp_path / f"{k}-{story.stem}.txt")  # two ids from one name: "x", "x-2"
    (tmp_path / "empty.txt").write_text("  \n", encoding="utf-8")
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n....")
    (tmp_path / "one.txt").write_text("Yes.", encoding="utf-8")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4")
    paths = [str(tmp_path), str(examples / "wire-original.txt")]
    whole = pipeline.load_articles(paths, workers=1)
    monkeypatch.setattr(pipeline, "SHELF_ARTICLES", 1)
    shelved, warnings = pipeline.load_shelved(paths, workers=1)
    assert isinstance(shelved, Shelf)
    assert (tuple(shelved), warnings) == whole
    assert shelved.heads == tuple(head_of(a) for a in whole[0])
    assert len(whole[1]) >= 3
    assert shelved.get(whole[0][3].id) == whole[0][3] and shelved[1:3] == list(whole[0][1:3])
