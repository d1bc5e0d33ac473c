"""The pipeline: the same output with one worker process or several."""

from __future__ import annotations

from pathlib import Path

import pytest

import provtrace.pipeline as pipeline
from provtrace.options import TraceOptions
from provtrace.render import OutputFormat, RenderOptions, renderer


def test_output_is_identical_with_one_worker_and_with_two(
    examples: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pipeline, "_POOL_MIN_PAIRS", 1)  # use the pool even for a small folder
    monkeypatch.setattr(pipeline, "_CHUNK", 2)  # and spread the pairs over several chunks
    data = Path(__file__).parent / "data" / "bilingual"
    outputs = {
        renderer(OutputFormat.JSON)(
            pipeline.trace([str(examples), str(data)], TraceOptions(workers=w)), RenderOptions()
        )
        for w in (1, 2)
    }
    assert len(outputs) == 1


def test_a_pool_is_used_only_when_it_pays() -> None:
    assert pipeline._workers(TraceOptions(workers=2), pairs=10) == 1
    assert pipeline._workers(TraceOptions(workers=2), pairs=10_000) == 2
    assert pipeline._workers(TraceOptions(workers=0), pairs=10_000) >= 1
