"""The persistent wire index: incremental adds, exact round trips, candidates, clear errors."""

from __future__ import annotations

import shutil
import sqlite3
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from provtrace.errors import InputError, ProvtraceError
from provtrace.index import ArchiveIndex, IndexFileError, schema_version
from provtrace.index.keys import sentence_keys, stable_hash
from provtrace.pipeline import load_articles

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"
sys.path.insert(0, str(BENCHMARKS))

import generate  # noqa: E402


@pytest.fixture
def wire(tmp_path: Path, examples: Path) -> Path:
    """A copy of the examples in a folder of their own, beside where the index goes."""
    folder = tmp_path / "wire"
    shutil.copytree(examples, folder)
    return folder


def _consistent(index_path: Path) -> None:
    """Every stored article is whole and every key count matches its postings."""
    conn = sqlite3.connect(index_path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        bad_counts = conn.execute(
            "SELECT count(*) FROM articles a WHERE sentences !="
            " (SELECT count(*) FROM sentences s WHERE s.article = a.number)"
        ).fetchone()[0]
        assert bad_counts == 0
        stored = {n: len(keys) // 8 for n, keys in conn.execute("SELECT number, keys FROM articles")}
        postings = dict(conn.execute("SELECT article, count(*) FROM keys GROUP BY article"))
        assert stored == postings
        orphans = conn.execute(
            "SELECT count(*) FROM files WHERE article IS NOT NULL"
            " AND article NOT IN (SELECT number FROM articles)"
        ).fetchone()[0]
        assert orphans == 0
    finally:
        conn.close()


def test_an_indexed_article_loads_back_equal_to_a_fresh_extraction(wire: Path, tmp_path: Path) -> None:
    with ArchiveIndex(tmp_path / "wire.sqlite", create=True) as index:
        index.add([str(wire)])
        fresh, _ = load_articles([str(wire)])
        for article in fresh:
            stored_id = index.file_id(article.path)
            assert index.load([stored_id]) == (replace(article, id=stored_id),)


def test_ids_are_paths_relative_to_the_index_folder_however_the_files_are_named(
    wire: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with ArchiveIndex(tmp_path / "wire.sqlite", create=True) as index:
        index.add([str(wire / "wire-original.txt")])
        monkeypatch.chdir(wire)
        report = index.add(["."])
        assert index.ids()[0] == "wire/coastalpost-rewrite.txt"
        assert "wire/wire-original.txt" in index.ids()
        assert report.unchanged == 1 and len(report.added) == 4


def test_a_second_add_skips_unchanged_files_replaces_changed_ones_and_adds_new_ones(
    wire: Path, tmp_path: Path
) -> None:
    path = tmp_path / "wire.sqlite"
    with ArchiveIndex(path, create=True) as index:
        first = index.add([str(wire)])
        assert len(first.added) == 5 and first.replaced == () and first.unchanged == 0
        changed = wire / "wire-original.txt"
        changed.write_text(changed.read_text().replace("All were released", "All were freed"))
        (wire / "late.txt").write_text("A new item arrived. It has two sentences.\n")
        second = index.add([str(wire)])
        assert second.added == ("wire/late.txt",)
        assert second.replaced == ("wire/wire-original.txt",)
        assert second.unchanged == 4
        (stored,) = index.load(["wire/wire-original.txt"])
        assert any(s.text.startswith("All were freed without charge") for s in stored.sentences)
        assert index.stats().articles == 6
    _consistent(path)


def test_a_file_without_an_article_is_reported_once_and_not_reread(wire: Path, tmp_path: Path) -> None:
    (wire / "empty-page.json").write_text('{"title": "A headline and no text"}')
    with ArchiveIndex(tmp_path / "wire.sqlite", create=True) as index:
        first = index.add([str(wire)])
        assert [s.path for s in first.skipped] == [str(wire / "empty-page.json")]
        again = index.add([str(wire)])
        assert again.skipped == () and again.unchanged == 6
        assert index.stats().files == 6 and index.stats().articles == 5


def test_removing_a_file_or_a_folder_takes_out_its_articles_and_their_keys(
    wire: Path, tmp_path: Path
) -> None:
    path = tmp_path / "wire.sqlite"
    with ArchiveIndex(path, create=True) as index:
        index.add([str(wire)])
        keys_before = index.stats().keys
        gone = index.remove([str(wire / "unrelated-council-budget.txt"), str(tmp_path / "nothing.txt")])
        assert gone.removed == ("wire/unrelated-council-budget.txt",)
        assert gone.not_indexed == (str(tmp_path / "nothing.txt"),)
        assert index.stats().articles == 4 and index.stats().keys < keys_before
        _consistent(path)
        shutil.rmtree(wire)  # files already deleted from disk can still be removed
        assert len(index.remove([str(wire)]).removed) == 4
        stats = index.stats()
        assert (stats.articles, stats.sentences, stats.keys, stats.postings, stats.files) == (0, 0, 0, 0, 0)
    _consistent(path)


def test_removing_the_root_folder_empties_the_index(wire: Path, tmp_path: Path) -> None:
    with ArchiveIndex(tmp_path / "wire.sqlite", root=str(wire), create=True) as index:
        index.add([str(wire)])
        assert len(index.remove([str(wire)]).removed) == 5
        assert index.stats().files == 0


def test_stats_count_what_is_stored_and_say_when_it_changed(wire: Path, tmp_path: Path) -> None:
    with ArchiveIndex(tmp_path / "wire.sqlite", create=True) as index:
        assert index.stats().updated == ""
        index.add([str(wire)])
        stats = index.stats()
        fresh, _ = load_articles([str(wire)])
        assert stats.articles == 5
        assert stats.sentences == sum(len(a.sentences) for a in fresh)
        assert stats.postings >= stats.keys > 0
        assert stats.file_bytes > 0 and stats.schema == schema_version()
        assert stats.updated.startswith("20")


def test_a_long_add_reports_progress_by_batch(
    wire: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("provtrace.index.store.BATCH", 2)
    seen: list[tuple[str, int, int]] = []
    with ArchiveIndex(tmp_path / "wire.sqlite", create=True) as index:
        index.add([str(wire)], progress=lambda *p: seen.append(p))
    assert seen == [("indexing", 2, 5), ("indexing", 4, 5), ("indexing", 5, 5)]


def test_standard_input_and_missing_paths_are_input_errors(tmp_path: Path) -> None:
    with ArchiveIndex(tmp_path / "wire.sqlite", create=True) as index:
        with pytest.raises(InputError, match="not standard input"):
            index.add(["-"])
        with pytest.raises(InputError, match="no such file"):
            index.add([str(tmp_path / "absent")])


def test_loading_an_id_not_in_the_index_names_it(wire: Path, tmp_path: Path) -> None:
    with ArchiveIndex(tmp_path / "wire.sqlite", create=True) as index:
        index.add([str(wire)])
        with pytest.raises(IndexFileError, match=r"wire/nope\.txt is not in the index"):
            index.load(["wire/wire-original.txt", "wire/nope.txt"])


def test_the_related_examples_are_candidates_of_the_wire_original(wire: Path, tmp_path: Path) -> None:
    with ArchiveIndex(tmp_path / "wire.sqlite", create=True) as index:
        index.add([str(wire)])
        (original,) = index.load(["wire/wire-original.txt"])
        found = index.query(original, exclude=original.id)
        assert {"wire/coastalpost-rewrite.txt", "wire/harbourtimes-syndicated.html"} <= set(found)
        assert original.id not in found
        assert index.query(original) == tuple(sorted((*found, original.id)))


def test_candidates_find_every_true_edge_of_a_generated_archive_and_few_others(tmp_path: Path) -> None:
    templates = generate.read_templates(Path(__file__).resolve().parent.parent / "examples")
    files, truth = generate.generate(templates, 150, seed=3)
    folder = tmp_path / "archive"
    folder.mkdir()
    for name, text in files.items():
        (folder / f"{name}.txt").write_text(text)
    with ArchiveIndex(tmp_path / "archive.sqlite", root=str(folder), create=True) as index:
        index.add([str(folder)], workers=1)
        found = {frozenset((a.id, c)) for a in index.load(index.ids()) for c in index.query(a, exclude=a.id)}
    edges = {frozenset((f"{k}.txt", f"{v['parent']}.txt")) for k, v in truth.items() if v.get("parent")}
    assert edges <= found
    assert len(found) <= 5 * len(files)


def test_keys_are_the_same_in_every_run() -> None:
    """Stored keys must not drift: a change here needs a new KEYS_VERSION."""
    assert stable_hash(b"s\0", "the minister said on monday") == -7728473292101976304
    keys = sentence_keys(["The minister said on Monday that rates would rise."])
    assert keys.shingles == (5841241747742126104,)
    assert len(keys.words) == 4


def test_a_missing_index_says_how_to_build_one(tmp_path: Path) -> None:
    with pytest.raises(IndexFileError, match=r"no index at .*provtrace index add"):
        ArchiveIndex(tmp_path / "absent.sqlite")


def test_a_file_that_is_not_sqlite_is_refused_clearly(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite"
    path.write_text("these are my notes, not a database\n" * 100)
    with pytest.raises(IndexFileError, match="not a provtrace index \\(not an SQLite database\\)"):
        ArchiveIndex(path, create=True)
    assert path.read_text().startswith("these are my notes")


def test_an_sqlite_file_of_another_program_is_refused_clearly(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite"
    sqlite3.connect(path).execute("CREATE TABLE meta (name TEXT, value TEXT)").connection.close()
    with pytest.raises(IndexFileError, match="an SQLite database but not a provtrace index"):
        ArchiveIndex(path, create=True)


@pytest.mark.parametrize(
    ("version", "says"),
    [
        ("999.1", r"newer provtrace \(index schema 999\.1; .*upgrade provtrace"),
        ("0.1", r"older provtrace \(index schema 0\.1; .*rebuild it"),
        # Written before ingestion changed what it stores (the same layout and keys).
        ("1.1", r"older provtrace \(index schema 1\.1; .*rebuild it"),
    ],
)
def test_an_index_of_another_schema_version_is_refused_with_what_to_do(
    tmp_path: Path, version: str, says: str
) -> None:
    path = tmp_path / "wire.sqlite"
    ArchiveIndex(path, create=True).close()
    conn = sqlite3.connect(path)
    conn.execute("UPDATE meta SET value = ? WHERE name = 'schema'", (version,))
    conn.commit()
    conn.close()
    with pytest.raises(IndexFileError, match=f"{says}") as raised:
        ArchiveIndex(path)
    assert isinstance(raised.value, ProvtraceError)
    assert "provtrace index add" in str(raised.value)


def test_an_index_is_in_write_ahead_log_mode(tmp_path: Path) -> None:
    path = tmp_path / "wire.sqlite"
    ArchiveIndex(path, create=True).close()
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    conn.close()
