"""`check --index` and `check --wire` on the same copy: one candidate rule, the same findings."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from provtrace.cli.app import app

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

import generate  # noqa: E402

runner = CliRunner()
METER = ROOT.parent / "shared" / "corpora" / "meter-dev"
METER_PLACES = (METER, ROOT.parent.parent / "shared" / "corpora" / "meter-dev")


def _both(stories: list[str], wire: str, index: str) -> tuple[dict[str, object], dict[str, object]]:
    """The JSON reports of check --wire wire and of check --index index (built from wire)."""
    by_wire = runner.invoke(app, ["check", *stories, "--wire", wire, "--format", "json"])
    assert by_wire.exit_code in (0, 1), by_wire.output
    added = runner.invoke(app, ["index", "add", wire, "--index", index, "--quiet"])
    assert added.exit_code == 0, added.output
    by_index = runner.invoke(app, ["check", *stories, "--index", index, "--format", "json"])
    assert by_index.exit_code == by_wire.exit_code, by_index.output
    assert by_index.stdout == by_wire.stdout
    return json.loads(by_wire.stdout), json.loads(by_index.stdout)


def test_check_with_an_index_of_a_generated_wire_folder_gives_the_findings_of_the_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Sixty wire items of twelve story families: the index picks each story's candidates as --wire does."""
    templates = generate.read_templates(ROOT / "examples")
    files, truth = generate.generate(templates, 80, seed=11)
    wire, stories = tmp_path / "wire" / "reuters", tmp_path / "stories"
    wire.mkdir(parents=True)
    stories.mkdir()
    story_names = sorted(n for n, t in truth.items() if int(str(t.get("depth", 0))) >= 2)[:12]
    for name, text in files.items():
        (stories if name in story_names else wire).joinpath(f"{name}.txt").write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    report, _ = _both(["stories"], "wire", "wire.sqlite")
    assert report["findings"]
    wire_count = len(files) - len(story_names)
    summary = report["summary"]
    assert isinstance(summary, dict)
    assert summary["aligned_pairs"] < len(story_names) * wire_count / 4


@pytest.mark.skipif(
    not any(p.is_dir() for p in METER_PLACES), reason="the METER dev corpus is not in ../shared/corpora"
)
def test_check_with_an_index_of_meter_wire_gives_the_findings_of_the_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Real newspaper stories and PA copy (read in place through links, never copied)."""
    corpus = next(p for p in METER_PLACES if p.is_dir())
    truth = json.loads((corpus / "truth.json").read_text(encoding="utf-8"))
    chosen = sorted(truth)[::25]
    event = {w for s in chosen for w in truth[s]["wire"]}
    others = sorted(f"wire/pa/{n}" for n in os.listdir(corpus / "wire" / "pa"))[::6]
    (tmp_path / "wire" / "pa").mkdir(parents=True)
    for item in sorted(event | set(others)):
        (tmp_path / item).symlink_to(corpus / item)
    monkeypatch.chdir(tmp_path)
    report, _ = _both([str(corpus / s) for s in chosen], "wire", "wire.sqlite")
    assert report["findings"]


def test_ignored_wire_files_count_for_neither_index_nor_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """With `ignore` globs, the index leaves the ignored articles out of its word counts as --wire
    leaves them unread, so the candidates and findings stay the same."""
    templates = generate.read_templates(ROOT / "examples")
    files, truth = generate.generate(templates, 80, seed=11)
    wire, stories = tmp_path / "wire" / "reuters", tmp_path / "stories"
    (wire / "held").mkdir(parents=True)
    stories.mkdir()
    story_names = sorted(n for n, t in truth.items() if int(str(t.get("depth", 0))) >= 2)[:12]
    wire_names = sorted(n for n in files if n not in story_names)
    held = set(wire_names[::3])  # a third of the wire is ignored: enough to move word counts
    for name, text in files.items():
        folder = stories if name in story_names else wire / "held" if name in held else wire
        folder.joinpath(f"{name}.txt").write_text(text, encoding="utf-8")
    (tmp_path / "provtrace.toml").write_text('[check]\nignore = ["wire/reuters/held/*"]\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    report, _ = _both(["stories"], "wire", "wire.sqlite")
    assert report["findings"]
    stories_seen = report["stories"]
    assert isinstance(stories_seen, list)
    paths = [source["path"] for story in stories_seen for source in story["sources"]]
    assert paths and not any("/held/" in path for path in paths)
