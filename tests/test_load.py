"""Loading: folders searched recursively, bad files warned about, never a crash."""

from __future__ import annotations

import io
import os
import re
from pathlib import Path

import pytest

from provtrace.errors import InputError
from provtrace.ingest.load import MAX_FILE_BYTES, load_documents

STORY = "The ferry company suspended all crossings on Tuesday as winds battered the coast.\n"


def write(path: Path, data: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)
    return path


def test_folders_are_searched_recursively_and_sorted(tmp_path: Path) -> None:
    write(tmp_path / "b.txt", STORY)
    write(tmp_path / "sub" / "a.md", STORY)
    result = load_documents([str(tmp_path)])
    assert [Path(d.path).name for d in result.documents] == ["b.txt", "a.md"]
    assert result.skipped == ()


def test_hidden_files_and_editor_backups_are_skipped_silently(tmp_path: Path) -> None:
    write(tmp_path / "story.txt", STORY)
    write(tmp_path / ".hidden.txt", STORY)
    write(tmp_path / "story.txt~", STORY)
    write(tmp_path / ".git" / "x.txt", STORY)
    result = load_documents([str(tmp_path)])
    assert [Path(d.path).name for d in result.documents] == ["story.txt"]
    assert result.skipped == ()


def test_unsupported_binary_and_empty_files_are_warned_about(tmp_path: Path) -> None:
    write(tmp_path / "story.txt", STORY)
    write(tmp_path / "photo.png", b"\x89PNG\r\n\x1a\n" + bytes(100))
    write(tmp_path / "empty.txt", "")
    write(tmp_path / "blob.txt", b"abc\x00def")
    result = load_documents([str(tmp_path)])
    assert len(result.documents) == 1
    text = "\n".join(map(str, result.skipped))
    assert "photo.png: not an article file" in text
    assert "empty.txt: the file is empty" in text
    assert "blob.txt: binary data, not text" in text


def test_an_explicit_file_with_any_extension_is_read(tmp_path: Path) -> None:
    path = write(tmp_path / "story.article", STORY)
    assert len(load_documents([str(path)]).documents) == 1


def test_a_missing_path_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file or folder"):
        load_documents([str(tmp_path / "nope")])


def test_the_same_file_named_twice_is_read_once(tmp_path: Path) -> None:
    path = write(tmp_path / "story.txt", STORY)
    result = load_documents([str(path), str(tmp_path), str(path)])
    assert len(result.documents) == 1


def test_broken_links_and_link_loops_are_warned_about(tmp_path: Path) -> None:
    write(tmp_path / "story.txt", STORY)
    os.symlink(tmp_path / "missing.txt", tmp_path / "broken.txt")
    os.symlink(tmp_path, tmp_path / "loop")
    result = load_documents([str(tmp_path)])
    assert len(result.documents) == 1
    assert any("broken.txt: a broken link" in w for w in map(str, result.skipped))
    assert any("loops back" in w for w in map(str, result.skipped))


def test_a_file_over_the_size_limit_is_refused_with_a_warning(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    with big.open("wb") as handle:
        handle.truncate(MAX_FILE_BYTES + 1)
    result = load_documents([str(big)])
    assert result.documents == ()
    assert str(result.skipped[0]).endswith(": 20,971,521 bytes is over the limit of 20 MiB for one article")


def test_an_unreadable_file_is_warned_about(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A permission error (simulated: CI runs as root, who can read anything) is a warning."""
    write(tmp_path / "secret.txt", STORY)
    write(tmp_path / "open.txt", STORY)

    real = Path.read_bytes

    def read_bytes(self: Path) -> bytes:
        if self.name == "secret.txt":
            raise PermissionError(13, "Permission denied")
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    result = load_documents([str(tmp_path)])
    assert [Path(d.path).name for d in result.documents] == ["open.txt"]
    assert tuple(map(str, result.skipped)) == (f"skipped {tmp_path / 'secret.txt'}: permission denied",)


def test_dash_reads_standard_input() -> None:
    result = load_documents(["-"], stdin=io.BytesIO(STORY.encode()))
    assert result.documents[0].path == "-"
    assert result.documents[0].data == STORY.encode()


def test_argument_order_never_changes_the_result(tmp_path: Path) -> None:
    a = write(tmp_path / "a" / "s.txt", STORY)
    b = write(tmp_path / "b" / "s.txt", STORY + "More.\n")
    assert load_documents([str(a), str(b)]) == load_documents([str(b), str(a)])


def test_a_skipped_non_article_file_is_not_a_lost_input(tmp_path: Path) -> None:
    """check tells a file it cannot use (lost) from one that was never an article, by type, not by wording."""
    write(tmp_path / "photo.png", b"\x89PNG\r\n\x1a\n" + bytes(100))
    write(tmp_path / "empty.txt", "")
    result = load_documents([str(tmp_path)])
    lost = {Path(s.path).name: s.lost for s in result.skipped}
    assert lost == {"photo.png": False, "empty.txt": True}


def test_every_suffix_of_the_input_table_is_read_from_a_folder(tmp_path: Path) -> None:
    """The one table of input types decides what a folder search takes."""
    from provtrace.ingest.types import INPUT_TYPES

    suffixes = [s for row in INPUT_TYPES for s in row.suffixes]
    for suffix in suffixes:
        write(tmp_path / f"story.{suffix}", STORY)
    write(tmp_path / "notes.log", STORY)
    result = load_documents([str(tmp_path)])
    assert sorted(d.suffix for d in result.documents) == sorted(suffixes)
    assert [Path(s.path).name for s in result.skipped] == ["notes.log"]


def test_the_readme_and_the_skip_note_name_every_suffix_of_the_input_table(tmp_path: Path) -> None:
    from provtrace.ingest.types import INPUT_TYPES

    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    reads = readme.split("## What it reads", 1)[1].split("\n## ", 1)[0]
    write(tmp_path / "notes.log", STORY)
    (skip,) = load_documents([str(tmp_path)]).skipped
    for suffix in (s for row in INPUT_TYPES for s in row.suffixes):
        assert f"`.{suffix}`" in reads
        assert f".{suffix}" in re.findall(r"\.\w+", skip.reason)


def test_a_file_far_over_the_size_limit_gives_its_size_in_mib(tmp_path: Path) -> None:
    """22,020,185 bytes is 21.0 MiB (it would be 22.0 MB): the unit says which."""
    big = tmp_path / "big.txt"
    with big.open("wb") as handle:
        handle.truncate(22_020_185)
    result = load_documents([str(big)])
    assert str(result.skipped[0]).endswith(": 21.0 MiB is over the limit of 20 MiB for one article")


def test_a_link_to_a_folder_already_read_is_not_called_a_loop(tmp_path: Path) -> None:
    write(tmp_path / "wire" / "a.txt", STORY)
    (tmp_path / "wire-again").symlink_to(tmp_path / "wire", target_is_directory=True)
    result = load_documents([str(tmp_path)])
    assert [Path(d.path).name for d in result.documents] == ["a.txt"]
    assert [s.reason for s in result.skipped] == ["a link to a folder already read"]


def test_a_named_pipe_is_skipped_with_a_warning_not_waited_on(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", STORY)
    os.mkfifo(tmp_path / "pipe.txt")
    result = load_documents([str(tmp_path)])  # reading the pipe would block for ever
    assert [Path(d.path).name for d in result.documents] == ["a.txt"]
    assert [(Path(s.path).name, s.reason) for s in result.skipped] == [
        ("pipe.txt", "not a regular file (a named pipe, device or socket)")
    ]
    named = load_documents([str(tmp_path / "pipe.txt")])
    assert not named.documents and len(named.skipped) == 1


def test_binary_data_on_standard_input_is_skipped_as_a_binary_file_is(tmp_path: Path) -> None:
    result = load_documents(["-"], stdin=io.BytesIO(b"\x89\x00\x13garbage\x00" * 50))
    assert not result.documents
    assert [(s.path, s.reason) for s in result.skipped] == [("standard input", "binary data, not text")]
