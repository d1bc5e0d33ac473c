"""`provtrace index add|remove|stats` and `check --index`: thin commands over the wire index."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from provtrace.cli.app import app

runner = CliRunner()
CHECK_DATA = Path(__file__).resolve().parent / "data" / "check"


@pytest.fixture
def wire(tmp_path: Path, examples: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the examples under ./wire, with the current folder beside it."""
    shutil.copytree(examples, tmp_path / "wire")
    monkeypatch.chdir(tmp_path)
    return tmp_path / "wire"


@pytest.fixture
def check_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the check fixtures (stories, wire, provtrace.toml), made the current folder."""
    shutil.copytree(CHECK_DATA, tmp_path / "check")
    monkeypatch.chdir(tmp_path / "check")
    return tmp_path / "check"


def test_index_add_defaults_to_provtrace_index_sqlite_in_the_current_folder(wire: Path) -> None:
    result = runner.invoke(app, ["index", "add", "wire"])
    assert result.exit_code == 0, result.output
    assert Path("provtrace-index.sqlite").is_file()
    assert result.stderr.strip() == "added 5, replaced 0, unchanged 0"


def test_index_add_again_reports_unchanged_and_replaced_files(wire: Path) -> None:
    runner.invoke(app, ["index", "add", "wire", "--index", "idx.sqlite"])
    first = sorted(wire.iterdir())[0]
    first.write_text(first.read_text(encoding="utf-8") + "\nA new closing sentence was added here.\n")
    result = runner.invoke(app, ["index", "add", "wire", "--index", "idx.sqlite"])
    assert result.exit_code == 0, result.output
    assert result.stderr.strip() == "added 0, replaced 1, unchanged 4"


def test_index_add_warns_of_indexed_files_deleted_since_and_remove_takes_them_out(wire: Path) -> None:
    """A file deleted from an indexed folder stays in the index (it can still match) until
    `index remove`: add says so rather than counting it unchanged in silence."""
    runner.invoke(app, ["index", "add", "wire", "-i", "idx.sqlite"])
    (wire / "coastalpost-rewrite.txt").unlink()
    result = runner.invoke(app, ["index", "add", "wire", "-i", "idx.sqlite"])
    assert result.exit_code == 0
    warning, summary = result.stderr.strip().splitlines()
    assert warning.startswith("warning: 1 indexed file no longer there") and "wire/coastalpost-rewrite.txt" in warning
    assert summary == "added 0, replaced 0, unchanged 4"
    assert runner.invoke(app, ["index", "remove", "wire/coastalpost-rewrite.txt", "-i", "idx.sqlite"]).exit_code == 0
    again = runner.invoke(app, ["index", "add", "wire", "-i", "idx.sqlite"])
    assert again.stderr.strip() == "added 0, replaced 0, unchanged 4"


def test_index_add_names_provtrace_reports_together_as_trace_does(wire: Path) -> None:
    for name in ("r.md", "r.csv"):
        assert runner.invoke(app, ["trace", "wire", "-o", f"wire/{name}"]).exit_code == 0
    result = runner.invoke(app, ["index", "add", "wire", "-i", "idx.sqlite"])
    lines = result.stderr.strip().splitlines()
    assert lines[0] == "warning: skipped 2 provtrace reports, not articles: wire/r.csv, wire/r.md"
    assert lines[-1] == "added 5, replaced 0, unchanged 0, skipped 2 (see warnings)"


def test_index_add_warns_about_each_skipped_file_and_counts_it(wire: Path) -> None:
    (wire / "empty.txt").write_text("")
    result = runner.invoke(app, ["index", "add", "wire", "-i", "idx.sqlite"])
    assert result.exit_code == 0
    lines = result.stderr.strip().splitlines()
    assert lines[0].startswith("warning: skipped wire/empty.txt")
    assert lines[-1] == "added 5, replaced 0, unchanged 0, skipped 1 (see warnings)"
    quiet = runner.invoke(app, ["index", "add", "wire", "-i", "idx2.sqlite", "--quiet"])
    assert "warning:" not in quiet.stderr


def test_an_index_inside_the_indexed_folder_does_not_index_itself(wire: Path) -> None:
    runner.invoke(app, ["index", "add", "wire", "-i", "wire/idx.sqlite"])
    result = runner.invoke(app, ["index", "add", "wire", "-i", "wire/idx.sqlite"])
    assert result.stderr.strip() == "added 0, replaced 0, unchanged 5"


def test_index_add_of_a_missing_path_is_exit_2_with_one_line(wire: Path) -> None:
    result = runner.invoke(app, ["index", "add", "nowhere", "-i", "idx.sqlite"])
    assert result.exit_code == 2
    assert result.stderr.startswith("error: ") and result.stderr.count("\n") == 1


def test_a_file_that_is_not_an_index_is_exit_2_with_one_line(wire: Path) -> None:
    Path("notes.sqlite").write_text("not a database at all, just some words" * 20)
    for argv in (["add", "wire"], ["remove", "wire"], ["stats"]):
        result = runner.invoke(app, ["index", *argv, "--index", "notes.sqlite"])
        assert result.exit_code == 2, argv
        assert result.stderr == "error: notes.sqlite is not a provtrace index (not an SQLite database)\n"


def test_index_stats_of_a_missing_index_says_how_to_build_one(wire: Path) -> None:
    result = runner.invoke(app, ["index", "stats", "-i", "none.sqlite"])
    assert result.exit_code == 2
    assert "build one with `provtrace index add`" in result.stderr


def test_index_stats_text_and_json_give_the_counts(wire: Path) -> None:
    runner.invoke(app, ["index", "add", "wire"])
    text = runner.invoke(app, ["index", "stats"])
    assert text.exit_code == 0
    assert "articles:  5\n" in text.stdout and "index:     provtrace-index.sqlite\n" in text.stdout
    data = json.loads(runner.invoke(app, ["index", "stats", "--format", "json"]).stdout)
    assert data["schema_name"] == "provtrace.index-stats/1"
    assert (data["articles"], data["files"]) == (5, 5)
    assert data["sentences"] > 0 and data["file_bytes"] > 0


def test_index_remove_takes_a_folder_out_and_warns_about_unknown_paths(wire: Path) -> None:
    runner.invoke(app, ["index", "add", "wire", "-i", "idx.sqlite"])
    result = runner.invoke(app, ["index", "remove", "wire", "elsewhere", "-i", "idx.sqlite"])
    assert result.exit_code == 0
    assert result.stderr == "warning: elsewhere: not in the index\nremoved 5 files\n"
    stats = json.loads(runner.invoke(app, ["index", "stats", "-i", "idx.sqlite", "-f", "json"]).stdout)
    assert stats["articles"] == 0


def test_index_remove_that_matches_nothing_is_exit_2(wire: Path) -> None:
    runner.invoke(app, ["index", "add", "wire", "-i", "idx.sqlite"])
    result = runner.invoke(app, ["index", "remove", "elsewhere", "-i", "idx.sqlite", "-q"])
    assert result.exit_code == 2
    assert result.stderr == "error: nothing in idx.sqlite matches the given paths\n"


@pytest.mark.parametrize(
    ("command", "options"),
    [
        ("add", ("--index", "--workers", "--scheduler", "--quiet", "--traceback")),
        ("remove", ("--index", "--quiet", "--traceback")),
        ("stats", ("--index", "--format", "--traceback")),
    ],
)
def test_every_index_command_explains_its_options(command: str, options: tuple[str, ...]) -> None:
    result = runner.invoke(app, ["index", command, "--help"])
    assert result.exit_code == 0
    for option in options:
        assert option in result.stdout


def _findings(argv: list[str]) -> tuple[int, str]:
    result = runner.invoke(app, ["check", "stories", "--format", "json", *argv])
    return result.exit_code, result.stdout


@pytest.mark.parametrize("where", ["idx.sqlite", "wire/idx.sqlite"])
def test_check_with_an_index_gives_the_same_report_as_with_the_wire_folder(
    check_copy: Path, where: str
) -> None:
    """The index beside the wire folder or inside it: same findings, sources, agencies and counts."""
    expected = _findings(["--wire", "wire"])
    assert expected[0] == 1 and json.loads(expected[1])["findings"]
    assert runner.invoke(app, ["index", "add", "wire", "-i", where]).exit_code == 0
    assert _findings(["--index", where]) == expected


def test_check_with_an_index_maps_configured_wire_folders_to_agencies(check_copy: Path) -> None:
    (check_copy / "wire" / "reuters").rename(check_copy / "wire" / "desk-two")
    config = (check_copy / "provtrace.toml").read_text(encoding="utf-8")
    (check_copy / "provtrace.toml").write_text(config + '\n[check.wire]\n"wire/desk-two" = "Reuters"\n')
    expected = _findings(["--wire", "wire"])
    assert '"agency": "Reuters"' in expected[1]
    runner.invoke(app, ["index", "add", "wire", "-i", "idx.sqlite"])
    assert _findings(["--index", "idx.sqlite"]) == expected


def test_check_with_both_wire_and_index_or_neither_is_a_usage_error(check_copy: Path) -> None:
    runner.invoke(app, ["index", "add", "wire", "-i", "idx.sqlite"])
    for argv in (["--wire", "wire", "--index", "idx.sqlite"], []):
        result = runner.invoke(app, ["check", "stories", *argv])
        assert result.exit_code == 2
        assert "give the wire copy with --wire PATH or an index with --index FILE" in result.output


def test_check_with_a_missing_index_is_exit_2_with_one_line(check_copy: Path) -> None:
    result = runner.invoke(app, ["check", "stories", "--index", "none.sqlite"])
    assert result.exit_code == 2
    assert result.stderr == "error: no index at none.sqlite: build one with `provtrace index add`\n"


def test_check_with_an_index_whose_every_article_is_ignored_says_so(check_copy: Path) -> None:
    """As with --wire, no wire left to check against is an input error (exit 2) naming the cause."""
    config = (check_copy / "provtrace.toml").read_text(encoding="utf-8")
    config = config.replace("[check]\n", '[check]\nignore = ["wire/*"]\n', 1)
    (check_copy / "provtrace.toml").write_text(config, encoding="utf-8")
    assert runner.invoke(app, ["index", "add", "wire", "-i", "idx.sqlite"]).exit_code == 0
    by_wire = runner.invoke(app, ["check", "stories", "--wire", "wire"])
    by_index = runner.invoke(app, ["check", "stories", "--index", "idx.sqlite"])
    assert by_wire.exit_code == by_index.exit_code == 2
    for result in (by_wire, by_index):
        assert "ignore globs leave out every one" in result.stderr
        assert len(result.stderr.splitlines()) == 1


def test_another_index_inside_the_indexed_folder_is_left_out_without_a_word(wire: Path) -> None:
    runner.invoke(app, ["index", "add", "wire", "-i", "wire/old.sqlite"])
    result = runner.invoke(app, ["index", "add", "wire", "-i", "new.sqlite"])
    assert result.exit_code == 0
    assert result.stderr.strip() == "added 5, replaced 0, unchanged 0"


def test_a_damaged_index_of_this_schema_is_exit_2_not_an_internal_error(wire: Path) -> None:
    import sqlite3

    runner.invoke(app, ["index", "add", "wire", "-i", "idx.sqlite"])
    with sqlite3.connect("idx.sqlite") as conn:
        conn.execute("DROP TABLE sentences")
    for argv in (["index", "stats"], ["index", "add", "wire"], ["check", "wire/wire-original.txt", "--index"]):
        result = runner.invoke(app, [*argv, "idx.sqlite"] if argv[0] == "check" else [*argv, "-i", "idx.sqlite"])
        assert result.exit_code == 2, argv
        assert result.stderr.endswith(
            "idx.sqlite is a damaged index (no table sentences): delete it and rebuild it with "
            "`provtrace index add`\n"
        ), argv


def _no_writing_in(folder: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """os.access says nothing in folder may be written, as on a read-only mount (the tests may
    run as root, who may write anything, so the permission is what is simulated; SQLite's
    opening of the file is real)."""
    real = os.access
    banned = os.path.abspath(folder)

    def access(path: str | os.PathLike[str], mode: int, **kwargs: object) -> bool:
        here = os.path.abspath(path)
        if mode & os.W_OK and (here == banned or here.startswith(banned + os.sep)):
            return False
        return real(path, mode, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "access", access)


def test_an_index_in_a_folder_that_cannot_be_written_is_read_as_it_stands(
    wire: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    Path("ro").mkdir()
    runner.invoke(app, ["index", "add", "wire", "-i", "ro/idx.sqlite"])
    assert sorted(p.name for p in Path("ro").iterdir()) == ["idx.sqlite"]  # the writer checkpointed
    _no_writing_in("ro", monkeypatch)
    stats = runner.invoke(app, ["index", "stats", "-i", "ro/idx.sqlite", "-f", "json"])
    assert stats.exit_code == 0, stats.stderr
    assert json.loads(stats.stdout)["articles"] == 5
    assert sorted(p.name for p in Path("ro").iterdir()) == ["idx.sqlite"]  # no -wal or -shm made
    shutil.copy("wire/harbourtimes-syndicated.html", "story.html")
    found = runner.invoke(app, ["check", "story.html", "--index", "ro/idx.sqlite"])
    assert found.exit_code in (0, 1), found.stderr
    add = runner.invoke(app, ["index", "add", "wire", "-i", "ro/idx.sqlite"])
    assert add.exit_code == 2
    assert add.stderr == "error: cannot write the index ro/idx.sqlite: it or its folder is read-only\n"


def test_an_index_whose_folder_does_not_exist_says_so(wire: Path) -> None:
    result = runner.invoke(app, ["index", "add", "wire", "-i", "nowhere/idx.sqlite"])
    assert result.exit_code == 2
    assert result.stderr.rstrip().endswith("does not exist")


def test_a_story_that_is_itself_in_the_index_is_wire_copy_as_under_wire(check_copy: Path) -> None:
    """Never checked against itself: a file given as a story and indexed is wire copy."""
    runner.invoke(app, ["index", "add", "wire", "-i", "idx.sqlite"])
    wire_file = next(p for p in sorted(Path("wire").rglob("*.txt")))
    alone = runner.invoke(app, ["check", str(wire_file), "--index", "idx.sqlite"])
    assert alone.exit_code == 2
    assert alone.stderr.startswith("error: every story given (1 file) is itself in the index idx.sqlite")
    by_wire = runner.invoke(app, ["check", str(wire_file), "--wire", "wire"])
    assert by_wire.exit_code == 2 and "is itself wire copy" in by_wire.stderr
    # Among other stories it is left out, and none of them is matched with itself.
    mixed = runner.invoke(app, ["check", "stories", str(wire_file), "--index", "idx.sqlite", "-f", "json"])
    report = json.loads(mixed.stdout)
    checked = [story["path"] for story in report["stories"]]
    assert str(wire_file) not in checked
    for story in report["stories"]:
        assert all(source["path"] != story["path"] for source in story["sources"]), story["path"]


def test_files_reached_through_a_linked_folder_are_indexed_once(wire: Path) -> None:
    assert runner.invoke(app, ["index", "add", "wire", "-i", "idx.sqlite"]).exit_code == 0
    Path("wire-link").symlink_to(wire.resolve(), target_is_directory=True)
    again = runner.invoke(app, ["index", "add", "wire-link", "-i", "idx.sqlite"])
    assert again.stderr.strip() == "added 0, replaced 0, unchanged 5"
