"""The index file: one SQLite database in WAL mode, its tables and its schema version.

WAL lets any number of processes read while one writes, and a writer killed
mid-update leaves the last committed state (SQLite rolls the rest back on the
next open). The meta table names the file's kind and schema version; a file
of another version is refused with what to do, never read as if it fitted.
"""

from __future__ import annotations

import os
import re
import sqlite3
from pathlib import Path

from provtrace.errors import ProvtraceError
from provtrace.index.keys import KEYS_VERSION

#: The layout of the tables; with KEYS_VERSION and EXTRACTION_VERSION it makes the schema version.
LAYOUT_VERSION = 1
#: What ingestion stores of each file (its sentences, credits, furniture removed, title): raised
#: whenever a change to provtrace.ingest would store something else for the same file, so that
#: `check --index` never reads what an older provtrace extracted where `--wire` would read anew.
#: 2: credits only where reporting is attributed, sign-offs with desk initials, more furniture,
#: temperatures ending sentences, Latin code pages by alphabet (session 10).
#: 3: datelines, credit lines and citations of more shapes (session 13); the language of a text
#: in another script than Latin, and more titles before a name that end no sentence (session 14).
EXTRACTION_VERSION = 3
#: What a provtrace index file says it is, in its meta table.
KIND = "provtrace wire index"
#: A writer waits this long (seconds) for another writer before giving up.
BUSY_SECONDS = 60

REBUILD = "delete it and rebuild it with `provtrace index add`"

_TABLES = """
CREATE TABLE meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE files (
    id TEXT PRIMARY KEY,          -- path relative to the index's root
    sha256 TEXT NOT NULL,         -- of the file's bytes when it was indexed
    article INTEGER,              -- articles.number, NULL when the file holds no article
    skipped TEXT                  -- why it holds none
);
CREATE TABLE articles (
    number INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    path TEXT NOT NULL,
    title TEXT, site TEXT, published TEXT, author TEXT, language TEXT,
    credits TEXT NOT NULL,        -- JSON [[agency, text, kind], ...]
    removed TEXT NOT NULL,        -- JSON [text, ...]
    sentences INTEGER NOT NULL,   -- how many rows it has in sentences
    keys BLOB NOT NULL            -- its keys (keys.pack), to take them out again
);
CREATE TABLE sentences (
    article INTEGER NOT NULL, idx INTEGER NOT NULL, text TEXT NOT NULL,
    PRIMARY KEY (article, idx)
) WITHOUT ROWID;
-- No table of key counts: a query counts a key's articles only up to its cap.
CREATE TABLE keys (key INTEGER NOT NULL, article INTEGER NOT NULL, PRIMARY KEY (key, article)) WITHOUT ROWID;
"""


class IndexFileError(ProvtraceError):
    """The index file is missing, not an index, or of another schema version."""


#: The tables an index has (a file of this schema that lacks one is damaged).
TABLE_NAMES = frozenset(re.findall(r"CREATE TABLE (\w+)", _TABLES))


def schema_version() -> str:
    """The version this provtrace reads and writes, "LAYOUT.KEYS.EXTRACTION"."""
    return f"{LAYOUT_VERSION}.{KEYS_VERSION}.{EXTRACTION_VERSION}"


def _connect(path: Path, read_only: bool = False) -> sqlite3.Connection:
    if read_only:
        # Nothing can write it here, so SQLite may read it as it stands, without the shared
        # memory file it would otherwise create beside it (and cannot, on a read-only mount).
        uri = f"{path.absolute().as_uri()}?mode=ro&immutable=1"
        return sqlite3.connect(uri, uri=True, isolation_level=None)
    conn = sqlite3.connect(str(path), timeout=BUSY_SECONDS, isolation_level=None)
    conn.execute(f"PRAGMA busy_timeout = {BUSY_SECONDS * 1000}")
    # In WAL mode NORMAL never corrupts and never loses a commit to a crashed
    # process; only a power cut may undo the last commits. FULL would fsync each.
    conn.execute("PRAGMA synchronous = NORMAL")
    return conn


def _create(conn: sqlite3.Connection) -> None:
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("BEGIN IMMEDIATE")
    try:
        if conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] == 0:
            # One statement at a time: executescript would commit the open transaction.
            for statement in _TABLES.split(";"):
                if statement.strip():
                    conn.execute(statement)
            conn.executemany(
                "INSERT INTO meta VALUES (?, ?)",
                [("kind", KIND), ("schema", schema_version()), ("updated", "")],
            )
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise


def _check(conn: sqlite3.Connection, path: Path) -> None:
    """Raise IndexFileError unless the file is an index of this schema version."""
    try:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    except sqlite3.DatabaseError:
        raise IndexFileError(f"{path} is not a provtrace index (not an SQLite database)") from None
    meta = dict(conn.execute("SELECT name, value FROM meta")) if "meta" in tables else {}
    if meta.get("kind") != KIND:
        raise IndexFileError(f"{path} is an SQLite database but not a provtrace index")
    found, ours = meta.get("schema", "?"), schema_version()
    if found != ours:
        newer = _version_tuple(found) > _version_tuple(ours)
        advice = "upgrade provtrace to read it, or " + REBUILD if newer else REBUILD
        age = "a newer" if newer else "an older"
        raise IndexFileError(
            f"{path} was written by {age} provtrace (index schema {found}; this one reads {ours}): {advice}"
        )
    missing = sorted(TABLE_NAMES - tables)
    if missing:
        raise IndexFileError(f"{path} is a damaged index (no table {', '.join(missing)}): {REBUILD}")


def _version_tuple(text: str) -> tuple[int, ...]:
    try:
        return tuple(int(part) for part in text.split("."))
    except ValueError:
        return (0,)


def open_database(path: Path, *, create: bool) -> sqlite3.Connection:
    """A connection to the index at path, checked; created first when create is set."""
    if not path.exists() and not create:
        raise IndexFileError(f"no index at {path}: build one with `provtrace index add`")
    if path.is_dir():
        raise IndexFileError(f"{path} is a folder, not an index file")
    read_only = path.absolute().parent.is_dir() and _read_only(path)
    if create and read_only:
        raise IndexFileError(f"cannot write the index {path}: it or its folder is read-only")
    try:
        conn = _connect(path, read_only=read_only)
    except sqlite3.Error as exc:
        raise _open_error(path, exc) from None
    try:
        if create:
            _create(conn)
        _check(conn, path)
    except BaseException as exc:
        conn.close()
        if isinstance(exc, sqlite3.Error):
            raise _open_error(path, exc) from None
        raise
    return conn


def _open_error(path: Path, exc: sqlite3.Error) -> IndexFileError:
    if isinstance(exc, sqlite3.DatabaseError) and "not a database" in str(exc):
        return IndexFileError(f"{path} is not a provtrace index (not an SQLite database)")
    if "readonly" in str(exc):
        return use_error(path, exc)
    return IndexFileError(f"{path} cannot be opened as an index ({exc}){_advice(path, exc)}")


def use_error(path: Path, exc: sqlite3.Error) -> IndexFileError:
    """What an SQLite error met while reading or writing an open index tells the user."""
    if "readonly" in str(exc) or "read-only" in str(exc):
        return IndexFileError(f"cannot write the index {path}: it or its folder is read-only")
    if isinstance(exc, sqlite3.OperationalError) and "locked" in str(exc):
        return IndexFileError(
            f"the index {path} stayed locked by another process for {BUSY_SECONDS} s: try again later"
        )
    return IndexFileError(f"{path} is a damaged index ({exc}): {REBUILD}")


def _advice(path: Path, exc: sqlite3.Error) -> str:
    if "unable to open" in str(exc) and not path.absolute().parent.is_dir():
        return f": the folder {path.absolute().parent} does not exist"
    return ""


def _read_only(path: Path) -> bool:
    """Whether the index must be opened without writing: its folder (where SQLite keeps the
    files of its write-ahead log) or the file itself cannot be written, as on a read-only mount."""
    folder = path.absolute().parent
    return not os.access(folder, os.W_OK) or (path.exists() and not os.access(path, os.W_OK))
