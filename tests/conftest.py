"""Shared fixtures: the project's examples, the real seeds when present, golden files."""

from __future__ import annotations

import faulthandler
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from provtrace.models import Trace
from provtrace.options import TraceOptions
from provtrace.pipeline import trace

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
SEEDS = ROOT.parent / "shared" / "seeds"
GOLDEN = Path(__file__).resolve().parent / "data" / "golden"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-goldens",
        action="store_true",
        help="Rewrite the golden files under tests/data/golden from the current output (review the diff!).",
    )


@pytest.fixture(scope="session")
def example_trace() -> Trace:
    """The example family traced from the project root, so paths read as in the README session."""
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(ROOT)
        return trace(["examples"], TraceOptions())


#: A hung cluster must not hang CI: past this, the test run dies with every thread's stack.
_HANG_SECONDS = 300


@pytest.fixture(scope="session")
def _cluster() -> Iterator[str]:
    """A LocalCluster of two single-threaded worker processes, started once for the session."""
    distributed = pytest.importorskip("distributed", reason="the distributed extra is not installed")
    with _hang_guard():
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
        with _hang_guard():
            cluster.close(timeout=30)


@pytest.fixture
def scheduler(_cluster: str) -> Iterator[str]:
    """The address of the session's cluster; a test hung on it kills the run with every stack."""
    with _hang_guard():
        yield _cluster


@contextmanager
def _hang_guard() -> Iterator[None]:
    faulthandler.dump_traceback_later(_HANG_SECONDS, exit=True)
    try:
        yield
    finally:
        faulthandler.cancel_dump_traceback_later()


@pytest.fixture
def examples() -> Path:
    return EXAMPLES


@pytest.fixture
def seeds() -> Path:
    if not SEEDS.is_dir():
        if __import__("os").environ.get("CI"):
            pytest.fail("../shared/seeds is missing but CI must have it")
        pytest.skip("../shared/seeds is not present on this machine")
    return SEEDS


@pytest.fixture
def golden(request: pytest.FixtureRequest):  # type: ignore[no-untyped-def]
    """Compare text with a golden file (or rewrite it with --update-goldens)."""
    update = request.config.getoption("--update-goldens")

    def check(name: str, text: str) -> None:
        path = GOLDEN / name
        if update or not path.exists():
            if not update:
                pytest.fail(f"golden file {path} is missing: run pytest --update-goldens and review it")
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        assert text == path.read_text(encoding="utf-8"), f"output differs from {path}"

    return check


def require_tool(command: str, package: str) -> str:
    """Path of an external tool a test needs: fail in CI when it is missing, skip elsewhere."""
    import os
    import shutil

    path = shutil.which(command)
    if path is None:
        message = f"{command} is not installed (apt-get install {package})"
        if os.environ.get("CI"):
            pytest.fail(message + "; .ci/run must install it")
        pytest.skip(message)
    return path
