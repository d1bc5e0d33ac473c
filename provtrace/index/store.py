"""ArchiveIndex: a wire archive kept in one SQLite file, updated incrementally.

Each file is known by its id, its path relative to the index's root (by
default the folder holding the index file), so the same file gets the same id
whatever the working folder and however it was named on the command line.
A file whose bytes have not changed since it was indexed is skipped; a changed
one is replaced; each batch of files is written in one transaction.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import sqlite3
from collections.abc import Collection, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

from provtrace.errors import InputError
from provtrace.index.codec import delete_article, insert_articles, read_articles
from provtrace.index.keys import article_keys
from provtrace.index.query import RARE_WORDS, LeftOut, candidates, left_out
from provtrace.index.schema import IndexFileError, open_database, schema_version, use_error
from provtrace.ingest.extract import build_article, extract_document
from provtrace.ingest.load import load_documents
from provtrace.models import Article, Progress, RawDocument, Skip
from provtrace.parallel import ordered_chunks

#: Files extracted and written per transaction: a crash loses at most one batch
#: of work, and memory holds one batch of articles.
BATCH = 1000
#: SQLite's page cache while adding (KiB): the key postings of a large archive
#: are written all over their B-tree, and pages read once stay at hand
#: (SQLite's default, 2 MiB, made adding to 100,000 articles disk-bound).
ADD_CACHE_KIB = 256 * 1024
#: Ids looked up in one statement.
_CHUNK = 500


@dataclass(frozen=True, slots=True)
class AddReport:
    """What one add did, file by file (ids sorted)."""

    added: tuple[str, ...]
    replaced: tuple[str, ...]
    unchanged: int
    skipped: tuple[Skip, ...]  # read or extracted, but holding no article
    gone: tuple[str, ...] = ()  # indexed files under a folder given that are no longer in it


@dataclass(frozen=True, slots=True)
class RemoveReport:
    """What `remove` took out of the index, and which given paths matched nothing."""

    removed: tuple[str, ...]  # ids of the files taken out (articles or skipped files)
    not_indexed: tuple[str, ...]  # paths given that matched nothing in the index


@dataclass(frozen=True, slots=True)
class IndexStats:
    """The size and state of an index file, for `provtrace index stats`."""

    articles: int
    sentences: int
    keys: int  # distinct candidate keys
    postings: int  # (key, article) rows
    files: int  # files known, with or without an article
    file_bytes: int  # the database and its write-ahead log
    schema: str
    updated: str  # ISO time of the last change, UTC; "" if never changed


def _index_one(state: None, item: tuple[str, RawDocument]) -> tuple[Article | Skip, tuple[int, ...]]:
    """Extract one file into its article (with the file's id) and its keys, all of them sorted
    (runs in a worker, so that the writing process has the least to do)."""
    file_id, document = item
    result = extract_document(document)
    if isinstance(result, Skip):
        return result, ()
    article = build_article(file_id, result)
    return article, article_keys(article).all()


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class ArchiveIndex:
    """An open index file. Use as a context manager, or call close()."""

    def __init__(self, path: str | os.PathLike[str], *, root: str | None = None, create: bool = False):
        self.path = Path(path)
        # Real paths, links resolved: one file reached by two paths (a linked folder) is one file.
        self.root = Path(os.path.realpath(root if root is not None else self.path.absolute().parent))
        self._conn: sqlite3.Connection = open_database(self.path, create=create)

    def __enter__(self) -> ArchiveIndex:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def close(self) -> None:
        """Close the connection to the index file."""
        self._conn.close()

    def file_id(self, path: str) -> str:
        """The id of the file at path: relative to the root, or absolute outside it."""
        # Its folder's real path (a folder reached through a link is one folder), and its own name
        # (a linked file keeps the name it is filed under, as --wire shows it).
        given = os.path.abspath(path)
        absolute = Path(os.path.realpath(os.path.dirname(given))) / os.path.basename(given)
        try:
            return absolute.relative_to(self.root).as_posix()
        except ValueError:
            return absolute.as_posix()

    def file_path(self, file_id: str) -> str:
        """Where the file with this id is (or was): below the root, or the id itself when absolute."""
        return file_id if Path(file_id).is_absolute() else str(self.root / file_id)

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One write transaction: all of it is stored, or none of it."""
        with self._told():
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                yield self._conn
                stamp = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
                self._conn.execute("UPDATE meta SET value = ? WHERE name = 'updated'", (stamp,))
                self._conn.execute("COMMIT")
            except BaseException:
                if self._conn.in_transaction:
                    self._conn.execute("ROLLBACK")
                raise

    @contextmanager
    def _read(self) -> Iterator[sqlite3.Connection]:
        """One read transaction: every query sees the same committed state."""
        with self._told():
            self._conn.execute("BEGIN")
            try:
                yield self._conn
            finally:
                if self._conn.in_transaction:
                    self._conn.execute("COMMIT")

    @contextmanager
    def _told(self) -> Iterator[None]:
        """An SQLite error met in use (a damaged file, a read-only one, a lock held too long)
        as an IndexFileError that says what to do."""
        try:
            yield
        except sqlite3.Error as exc:
            raise use_error(self.path, exc) from None

    def add(
        self,
        paths: Iterable[str],
        *,
        workers: int = 0,
        scheduler: str | None = None,
        progress: Progress | None = None,
    ) -> AddReport:
        """Index the articles under paths: new files added, changed ones replaced, the rest skipped.

        Raises InputError when a path does not exist or names standard input.
        """
        paths = list(paths)
        if "-" in paths:
            raise InputError("the index reads files, not standard input")
        loaded = load_documents(paths)
        with self._read() as conn:
            known = dict(conn.execute("SELECT id, sha256 FROM files").fetchall())
        todo: list[tuple[str, RawDocument, str]] = []
        unchanged = 0
        for document in loaded.documents:
            file_id, sha = self.file_id(document.path), _sha256(document.data)
            if known.get(file_id) == sha:
                unchanged += 1
            else:
                todo.append((file_id, document, sha))
        added: list[str] = []
        replaced: list[str] = []
        own = {os.path.abspath(f"{self.path}{end}") for end in ("", "-wal", "-shm", "-journal")}
        skipped = [s for s in loaded.skipped if os.path.abspath(s.path) not in own]
        self._conn.execute(f"PRAGMA cache_size = -{ADD_CACHE_KIB}")
        # The workers extract later files while this process writes a batch.
        chunks = ordered_chunks(
            _index_one, [(i, d) for i, d, _ in todo], None, workers=workers, scheduler=scheduler
        )
        results: list[tuple[Article | Skip, tuple[int, ...]]] = []
        done = 0
        for chunk in chunks:
            results.extend(chunk)
            while len(results) >= BATCH or (results and done + len(results) == len(todo)):
                batch, ready, results = todo[done : done + BATCH], results[:BATCH], results[BATCH:]
                with self._write() as conn:
                    _store(conn, [(i, sha) for i, _, sha in batch], ready)
                for (file_id, _, _), (result, _) in zip(batch, ready, strict=True):
                    (replaced if file_id in known else added).append(file_id)
                    if isinstance(result, Skip):
                        skipped.append(result)
                done += len(batch)
                if progress is not None:
                    progress("indexing", done, len(todo))
        seen = {self.file_id(d.path) for d in loaded.documents}
        seen |= {self.file_id(k.path) for k in loaded.skipped}
        gone = [i for i in self._under(paths, known) if i not in seen]
        gone = sorted(i for i in gone if not os.path.lexists(self.file_path(i)))
        return AddReport(
            tuple(sorted(added)), tuple(sorted(replaced)), unchanged, tuple(skipped), tuple(gone)
        )

    def _under(self, paths: Iterable[str], known: Iterable[str]) -> list[str]:
        """The known file ids below the folders among paths."""
        prefixes = [self.file_id(p) for p in paths if os.path.isdir(p)]

        def below(i: str, prefix: str) -> bool:
            return not i.startswith("/") if prefix == "." else i.startswith(prefix + "/")

        return [i for i in known if any(below(i, p) for p in prefixes)]

    def remove(self, paths: Iterable[str]) -> RemoveReport:
        """Take the files at paths (or under them, for folders) out of the index.

        The files need not exist any more: paths are matched by id.
        """
        removed: list[str] = []
        missing: list[str] = []
        with self._write() as conn:
            for path in paths:
                prefix = self.file_id(path)
                if prefix == ".":  # the root itself: every file below it
                    rows = conn.execute("SELECT id, article FROM files WHERE id NOT LIKE '/%'").fetchall()
                else:
                    rows = conn.execute(
                        "SELECT id, article FROM files WHERE id = ? OR (id >= ? AND id < ?)",
                        (prefix, prefix + "/", prefix + "0"),  # "0" sorts right after "/"
                    ).fetchall()
                if not rows:
                    missing.append(path)
                for file_id, number in rows:
                    if number is not None:
                        delete_article(conn, number)
                    conn.execute("DELETE FROM files WHERE id = ?", (file_id,))
                    removed.append(file_id)
        return RemoveReport(tuple(sorted(set(removed))), tuple(missing))

    def stats(self) -> IndexStats:
        """Counts and sizes of the index."""
        with self._read() as conn:
            counts = [
                conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
                for table in ("articles", "sentences", "(SELECT DISTINCT key FROM keys)", "keys", "files")
            ]
            updated = conn.execute("SELECT value FROM meta WHERE name = 'updated'").fetchone()[0]
        wal = Path(f"{self.path}-wal")
        size = self.path.stat().st_size + (wal.stat().st_size if wal.exists() else 0)
        articles, sentences, keys, postings, files = counts
        return IndexStats(articles, sentences, keys, postings, files, size, schema_version(), updated)

    def ids(self) -> tuple[str, ...]:
        """The ids of every indexed article, sorted."""
        with self._read() as conn:
            return tuple(r[0] for r in conn.execute("SELECT id FROM articles ORDER BY id"))

    def languages(self, leave_out: Collection[str] = ()) -> frozenset[str]:
        """The languages the indexed articles are in (where told), those of the ids in leave_out left out."""
        with self._read() as conn:
            if not leave_out:
                rows = conn.execute("SELECT DISTINCT language FROM articles WHERE language IS NOT NULL")
                return frozenset(r[0] for r in rows)
            skip = set(leave_out)
            rows = conn.execute("SELECT id, language FROM articles WHERE language IS NOT NULL")
            return frozenset(language for i, language in rows if i not in skip)

    def load(self, ids: Sequence[str]) -> tuple[Article, ...]:
        """The stored articles, in the order of ids, without reading or extracting any file.

        Raises IndexFileError naming the first id that is not in the index.
        """
        with self._read() as conn:
            found = read_articles(conn, ids)
        for article_id in ids:
            if article_id not in found:
                raise IndexFileError(f"{article_id} is not in the index {self.path}")
        return tuple(found[i] for i in ids)

    def leave_out(self, ids: Collection[str]) -> LeftOut:
        """The indexed articles among ids, read once, for queries that leave them out."""
        with self._read() as conn:
            return left_out(conn, ids)

    def query(
        self, article: Article, *, exclude: str | LeftOut | None = None, rare_words: int = RARE_WORDS
    ) -> tuple[str, ...]:
        """Ids of the indexed articles sharing enough keys with article to be worth aligning.

        exclude names indexed articles to leave out of the answer and of the key counts:
        the article's own id when it is itself in the index, or what leave_out returned
        (the articles a check's ignore globs leave out, read once for every story).
        rare_words is how many of the article's rarest words are looked up.
        """
        with self._read() as conn:
            if not isinstance(exclude, LeftOut):
                exclude = left_out(conn, () if exclude is None else (exclude,))
            return candidates(conn, article_keys(article), exclude, rare_words)


def _store(
    conn: sqlite3.Connection,
    files: Sequence[tuple[str, str]],
    results: Sequence[tuple[Article | Skip, tuple[int, ...]]],
) -> None:
    """Replace whatever the index held for each file (id, sha256) by its result (an article
    with that id and its keys, or a Skip)."""
    ids = [file_id for file_id, _ in files]
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        marks = ",".join("?" * len(chunk))
        held = conn.execute(f"SELECT article FROM files WHERE id IN ({marks})", chunk).fetchall()
        for (number,) in held:
            if number is not None:
                delete_article(conn, number)
    articles = [(result, keys) for result, keys in results if isinstance(result, Article)]
    numbers = iter(insert_articles(conn, articles))
    rows: list[tuple[str, str, int | None, str | None]] = []
    for (file_id, sha), (result, _) in zip(files, results, strict=True):
        if isinstance(result, Skip):
            rows.append((file_id, sha, None, result.reason))
        else:
            rows.append((file_id, sha, next(numbers), None))
    conn.executemany("INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?)", rows)
