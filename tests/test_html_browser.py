"""The HTML report in a real headless Chromium: it renders the tree and panels, quietly, offline.

Chromium's console messages (script errors, blocked requests: the page's
Content-Security-Policy forbids every fetch) are logged to stderr as
"CONSOLE" lines; the page has no scripts, so there must be none at all.
In CI (CI set) a missing Chromium fails the test; elsewhere it skips.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from provtrace.diff import diff_articles
from provtrace.models import Trace
from provtrace.render import DiffFormat, OutputFormat, RenderOptions, diff_renderer, renderer

from .conftest import ROOT

_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--hide-scrollbars",
    "--host-resolver-rules=MAP * ~NOTFOUND",  # no name resolves: nothing could leave the machine anyway
    "--enable-logging=stderr",
    "--v=0",
]


@pytest.fixture(scope="module")
def chromium() -> str:
    found = next((shutil.which(n) for n in ("chromium", "chromium-browser") if shutil.which(n)), None)
    if found is None:
        if os.environ.get("CI"):
            pytest.fail("chromium is not installed, but CI must run the browser test (see .ci/run)")
        pytest.skip("chromium is not installed (apt-get install chromium)")
    return found


def run_chromium(chromium: str, tmp_path: Path, page: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    profile = tmp_path / "profile"
    profile.mkdir(exist_ok=True)
    return subprocess.run(
        [chromium, *_FLAGS, f"--user-data-dir={profile}", *extra, page.as_uri()],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def console_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if ":CONSOLE" in line or "Uncaught" in line]


def write(tmp_path: Path, name: str, text: object) -> Path:
    assert isinstance(text, str)
    page = tmp_path / name
    page.write_text(text, encoding="utf-8")
    return page


def test_report_renders_the_tree_and_panels_without_console_errors(
    chromium: str, tmp_path: Path, example_trace: Trace
) -> None:
    page = write(tmp_path, "report.html", renderer(OutputFormat.HTML)(example_trace, RenderOptions()))
    done = run_chromium(chromium, tmp_path, page, "--dump-dom")
    assert done.returncode == 0, done.stderr[-2000:]
    dom = done.stdout
    assert console_lines(done.stderr) == []
    svg = re.search(r"<svg class=\"tree\".*?</svg>", dom, re.S)
    assert svg is not None, "the tree is not in the rendered page"
    nodes = re.findall(r'<g class="node (\w+)', svg.group(0))
    assert len(nodes) == len(example_trace.articles) + len(example_trace.unseen) == 5
    assert nodes.count("source") == 1 and nodes.count("unrelated") == 1
    assert len(re.findall(r"<path class=\"edge ", svg.group(0))) == len(example_trace.edges)
    assert len(re.findall(r'<section class="panel ', dom)) == len(example_trace.edges)
    assert len(re.findall(r'<table class="sbs">', dom)) == len(example_trace.edges)


def test_screenshot_of_the_report(chromium: str, tmp_path: Path, example_trace: Trace) -> None:
    page = write(tmp_path, "report.html", renderer(OutputFormat.HTML)(example_trace, RenderOptions()))
    shot = tmp_path / "report.png"
    done = run_chromium(chromium, tmp_path, page, f"--screenshot={shot}", "--window-size=1280,1600")
    assert done.returncode == 0, done.stderr[-2000:]
    assert console_lines(done.stderr) == []
    data = shot.read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    assert len(data) > 30_000  # a blank or nearly blank page compresses far smaller


def test_diff_page_renders_without_console_errors(
    chromium: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)
    pair = diff_articles("examples/wire-original.txt", "examples/coastalpost-rewrite.txt")
    page = write(tmp_path, "diff.html", diff_renderer(DiffFormat.HTML)(pair, RenderOptions()))
    done = run_chromium(chromium, tmp_path, page, "--dump-dom")
    assert done.returncode == 0, done.stderr[-2000:]
    assert console_lines(done.stderr) == []
    rows = re.findall(r'<tr class="r-(\w+)"', done.stdout)
    alignment = pair.alignments[0]
    assert len(rows) == len(alignment.links) + len(alignment.added) + len(alignment.dropped)


def test_hostile_report_runs_no_script(chromium: str, tmp_path: Path) -> None:
    from .helpers import hostile_trace

    page = write(tmp_path, "hostile.html", renderer(OutputFormat.HTML)(hostile_trace(), RenderOptions()))
    done = run_chromium(chromium, tmp_path, page, "--dump-dom")
    assert done.returncode == 0, done.stderr[-2000:]
    assert console_lines(done.stderr) == []
    assert "<script" not in done.stdout and "&lt;script&gt;alert(1)&lt;/script&gt;" in done.stdout


def test_the_console_check_sees_script_errors_and_blocked_requests(chromium: str, tmp_path: Path) -> None:
    """Guards the check above: Chromium must report what the report pages are checked for."""
    page = write(
        tmp_path,
        "broken.html",
        '<!DOCTYPE html><html><head><meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        'script-src \'unsafe-inline\'"></head><body><img src="https://example.com/x.png">'
        "<script>undefinedFunction()</script></body></html>",
    )
    done = run_chromium(chromium, tmp_path, page, "--dump-dom")
    lines = console_lines(done.stderr)
    assert any("Uncaught ReferenceError" in line for line in lines)
    assert any("Content Security Policy" in line for line in lines)
