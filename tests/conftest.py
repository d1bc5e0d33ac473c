"""Shared fixtures: the project's examples, the real seeds when present, golden files."""

from __future__ import annotations

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
