"""Hostile, broken and unexpected input: warnings per file, never a traceback."""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

from typer.testing import CliRunner

from provtrace.cli.app import app
from provtrace.errors import ExitCode
from provtrace.options import TraceOptions
from provtrace.pipeline import trace

from .helpers import NEWSMAX, SUMMARY, TRANSLATION, parents

runner = CliRunner()
STORY = (
    "The ferry company suspended all crossings on Tuesday as gale-force winds battered the coast.\n"
    "Harbour master Julio Reyes said waves of up to six metres had been recorded overnight.\n"
)


def nasty_folder(root: Path) -> dict[str, str]:
    """Write a corpus of awkward files; return name -> what provtrace should do with it."""
    root.mkdir(parents=True, exist_ok=True)
    files: dict[str, tuple[bytes, str]] = {
        "utf16.txt": (STORY.encode("utf-16"), "read"),
        "cp1252.txt": (STORY.replace("Reyes", "Reyés “quoted”").encode("cp1252"), "read"),
        "mixed-endings.txt": (STORY.replace("\n", "\r\n", 1).encode(), "read"),
        "one-sentence.txt": (b"Only one sentence stands in this file and nothing else at all.", "read"),
        "long-line.txt": (("word " * 200_000).encode(), "read"),
        "script-only.html": (
            b"<html><head><script>" + b"var x = 1;" * 500 + b"</script></head><body></body></html>",
            "warn",
        ),
        "no-text.html": (b"<html><body><nav><a href='/'>Home</a></nav></body></html>", "warn"),
        "truncated.html": (b"<html><body><article><p>" + STORY.encode() + b"</p><p>Cut off mid", "read"),
        "bomb.html": (
            b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
            b'<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]><html><body><p>&lol3;</p></body></html>',
            "any",
        ),
        "external.html": (
            b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><html><body><p>&xxe;</p></body></html>',
            "any",
        ),
        "empty.md": (b"", "warn"),
        "zip.txt": (b"PK\x03\x04" + bytes(64), "warn"),
        "bad.json": (b'{"title": "x", "text": 3}', "warn"),
        ".hidden.txt": (STORY.encode(), "skip"),
        "story.txt~": (STORY.encode(), "skip"),
        "photo.png": (b"\x89PNG\r\n\x1a\n" + bytes(64), "warn"),
    }
    for name, (data, _) in files.items():
        (root / name).write_bytes(data)
    os.symlink(root / "nowhere.txt", root / "broken.txt")
    os.symlink(root, root / "loop")
    return {name: what for name, (_, what) in files.items()} | {"broken.txt": "warn"}


def test_every_nasty_file_is_read_or_warned_about_once(tmp_path: Path) -> None:
    expected = nasty_folder(tmp_path / "nasty")
    started = time.monotonic()
    result = trace([str(tmp_path / "nasty")], TraceOptions())
    assert time.monotonic() - started < 60  # bounded, not a benchmark
    read = {Path(a.path).name for a in result.articles}
    warned = [w for w in result.warnings if "loops back" not in w]
    for name, what in expected.items():
        hits = [w for w in warned if f"/{name}:" in w]
        if what == "read":
            assert name in read, name
        elif what == "warn":
            assert len(hits) == 1 and name not in read, (name, hits)
        elif what == "skip":
            assert not hits and name not in read, name
    assert len(warned) == sum(1 for w in expected.values() if w == "warn") + sum(
        1 for n, w in expected.items() if w == "any" and n not in read
    )
    for article in result.articles:
        assert "root:" not in " ".join(s.text for s in article.sentences)  # no external entity was read


def test_seeds_mixed_with_bad_files_still_give_the_right_tree(seeds: Path, tmp_path: Path) -> None:
    folder = tmp_path / "mixed"
    shutil.copytree(seeds, folder)
    (folder / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100))
    (folder / "empty.txt").write_bytes(b"")
    (folder / "latin1.txt").write_bytes(
        "Le café de la gare a fermé ses portes après quarante ans.".encode("latin-1")
    )
    os.symlink(folder / "gone.txt", folder / "broken.txt")
    with (folder / "huge.txt").open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    result = runner.invoke(app, ["trace", str(folder), "--format", "json"])
    assert result.exit_code == 0
    assert "Traceback" not in result.stderr
    warnings = result.stderr.strip().splitlines()
    assert len(warnings) == 4, warnings  # png, empty, broken link, huge; the Latin-1 file is read
    assert all(line.startswith("warning: skipped") for line in warnings)
    traced = trace([str(folder)], TraceOptions())
    assert parents(traced) == {TRANSLATION: NEWSMAX, SUMMARY: NEWSMAX}


def test_identical_duplicates_are_a_verbatim_copy_of_the_first_by_id(tmp_path: Path) -> None:
    text = STORY * 2
    (tmp_path / "b.txt").write_text(text)
    (tmp_path / "a.txt").write_text(text)
    result = trace([str(tmp_path)], TraceOptions())
    assert [(e.parent, e.child, e.relation) for e in result.edges] == [("a", "b", "verbatim copy")]
    assert any("identical" in item for item in result.edges[0].evidence)


def test_two_identical_copies_of_an_edited_version_have_no_direction_between_them(tmp_path: Path) -> None:
    # New-user review, session 15: b and c identical, both carrying an edit of a. Lineage put c
    # under b with direction known ("so it came through b") at 0.74; renamed, the other way round.
    original = (
        "Peru's central bank raised its benchmark interest rate to 6.5 percent on Wednesday, the first "
        "increase since 2023.\n\nAnalyst Maria Quispe of Credicorp said the move was expected.\n\n"
        "Bank president Tomas Salcedo said the board had voted in favour of the move.\n\n"
        "Exporters welcomed the decision. The bank will announce its next decision on April 8.\n"
    )
    edited = original.replace("welcomed", "cheered")
    (tmp_path / "a.txt").write_text(original)
    for names in (("b", "c"), ("b", "0c")):
        for name in names:
            (tmp_path / f"{name}.txt").write_text(edited)
        result = trace([str(tmp_path)], TraceOptions())
        between = [e for e in result.edges if {e.parent, e.child} == set(names)]
        assert len(between) == 1 and not between[0].direction_known, result.edges
        assert not any("so it came through" in line for line in between[0].evidence)
        for name in names:
            (tmp_path / f"{name}.txt").unlink()


def test_no_usable_article_at_all_is_exit_2(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "photo.png").write_bytes(b"\x89PNG\r\n")
    result = runner.invoke(app, ["trace", str(tmp_path)])
    assert result.exit_code == ExitCode.USAGE
    assert result.stderr.strip().splitlines()[-1].startswith("error: no usable article found")
