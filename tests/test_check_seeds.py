"""Acceptance of provtrace check on the real saved articles in ../shared/seeds.

The seed texts are copied into a temporary folder by each test, never into the repository.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from typer.testing import CliRunner

from provtrace.check.config import CheckConfig
from provtrace.check.rules import Rule
from provtrace.check.runner import CheckReport, check
from provtrace.cli.app import app
from provtrace.errors import ExitCode

REUTERS_COPY, SUMMARY = "001_1d8441e6aa364e4e.txt", "003_ebb5bced4a154161.txt"
DATA = Path(__file__).resolve().parent / "data" / "check"

#: Every way the summary credits Reuters, reworded without the credit.
UNCREDIT = [
    ("told Reuters", "said"),
    ("stated to Reuters", "stated"),
    ("suggested to Reuters", "suggested"),
    ("Reuters reported that", "it was reported that"),
    ("Reuters added that", "it was added that"),
    ("Reuters disclosed that", "it was disclosed that"),
    ("Reuters quoted", "Reports quoted"),
    ("Reuters indicated that", "it was indicated that"),
    ("Reuters concluded by noting", "It was noted"),
    ("responded to Reuters’ requests", "responded to requests"),
]


def wire_folder(seeds: Path, tmp_path: Path) -> Path:
    wire = tmp_path / "wire"
    wire.mkdir()
    shutil.copy(seeds / REUTERS_COPY, wire / REUTERS_COPY)
    return wire


def uncredited_summary(seeds: Path) -> str:
    text = (seeds / SUMMARY).read_text(encoding="utf-8")
    for credit, plain in UNCREDIT:
        text = text.replace(credit, plain)
    assert not re.search("reuters", text, re.IGNORECASE)
    return text


def run(story: Path, wire: Path) -> CheckReport:
    return check([str(story)], [str(wire)], CheckConfig())


def test_the_summary_without_its_reuters_credits_fails_with_uncredited_reuse(
    seeds: Path, tmp_path: Path
) -> None:
    story = tmp_path / "summary.txt"
    story.write_text(uncredited_summary(seeds), encoding="utf-8")
    report = run(story, wire_folder(seeds, tmp_path))
    assert report.exit_code is ExitCode.FINDINGS
    assert [(f.rule, f.agency, f.line) for f in report.findings] == [(Rule.UNCREDITED_REUSE, "Reuters", 1)]
    assert "never credits Reuters" in report.findings[0].message


def test_the_untouched_summary_passes(seeds: Path, tmp_path: Path) -> None:
    story = tmp_path / "summary.txt"
    shutil.copy(seeds / SUMMARY, story)
    report = run(story, wire_folder(seeds, tmp_path))
    assert report.findings == () and report.exit_code is ExitCode.OK
    assert report.stories[0].sources[0].share > 0.8  # it is reuse, but credited


def test_an_unrelated_story_passes(seeds: Path, tmp_path: Path) -> None:
    report = check(
        [str(DATA / "stories" / "own-reporting.txt"), str(DATA / "stories" / "credited.txt")],
        [str(wire_folder(seeds, tmp_path))],
        CheckConfig(),
    )
    assert report.findings == () and report.aligned_pairs == 0
    assert all(story.sources == () for story in report.stories)


def test_a_reuters_quotation_with_one_word_changed_fails_at_its_line(seeds: Path, tmp_path: Path) -> None:
    story = tmp_path / "mora.md"
    story.write_text(
        "# Cuban advisers leave Venezuela\n"
        "\n"
        "Cuban security advisers have been leaving Venezuela, Reuters reported on Saturday.\n"
        "\n"
        "Our correspondent in Caracas saw two military flights leave for Havana this week.\n"
        "\n"
        "Frank Mora, who served as U.S. ambassador to the Organization of American States, said "
        "“Rodriguez is treading very cautiously.”\n",
        encoding="utf-8",
    )
    report = run(story, wire_folder(seeds, tmp_path))
    assert [(f.rule, f.line) for f in report.findings] == [(Rule.ALTERED_QUOTE, 7)]
    assert "“Rodriguez is treading very cautiously”" in report.findings[0].message
    assert "“Rodriguez is treading very carefully”" in report.findings[0].message


def test_the_command_exits_1_on_the_uncredited_summary_and_0_on_the_original(
    seeds: Path, tmp_path: Path
) -> None:
    wire = wire_folder(seeds, tmp_path)
    bad, good = tmp_path / "bad.txt", tmp_path / "good.txt"
    bad.write_text(uncredited_summary(seeds), encoding="utf-8")
    shutil.copy(seeds / SUMMARY, good)
    runner = CliRunner()
    failed = runner.invoke(
        app, ["check", str(bad), "--wire", str(wire), "--config", str(DATA / "provtrace.toml")]
    )
    assert failed.exit_code == ExitCode.FINDINGS, failed.output
    assert f"{bad}:1: error:" in failed.stdout and "[uncredited-reuse]" in failed.stdout
    passed = runner.invoke(
        app, ["check", str(good), "--wire", str(wire), "--config", str(DATA / "provtrace.toml")]
    )
    assert passed.exit_code == ExitCode.OK, passed.output
    assert "check passed" in passed.stdout
