"""Paths -> raw documents. The only module that touches the filesystem.

Folders are searched recursively. Hidden files, editor back-ups and files
with an unsupported extension inside a folder are skipped; a file that cannot
be used (unreadable, binary, too large, a broken link) becomes a warning and
the run goes on. provtrace's own reports are never read as articles: each is
skipped with a note saying so.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from provtrace.errors import InputError
from provtrace.ingest.reports import HEAD_BYTES, INDEX_REASON, REPORT_REASON, report_format
from provtrace.ingest.types import kind_of, named_suffixes
from provtrace.models import RawDocument, Skip

#: A single article larger than this (20 MiB) is refused (a saved page is rarely over 5 MB).
MAX_FILE_BYTES = 20 * 1024 * 1024

_BACKUP_ENDINGS = ("~", ".swp", ".swo", ".bak", ".orig", ".tmp", ".part", ".crdownload")

_MAGIC = (
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"%PDF", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or an office document)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"RIFF", "a RIFF media file"),
    (b"\x7fELF", "a program"),
)


@dataclass(frozen=True, slots=True)
class LoadResult:
    """The documents read from the given paths, and the inputs skipped (with why)."""

    documents: tuple[RawDocument, ...]
    skipped: tuple[Skip, ...]


def _is_skipped_name(name: str) -> bool:
    return name.startswith((".", "#", "~$")) or name.endswith(_BACKUP_ENDINGS)


def _suffix(path: Path) -> str:
    return path.suffix[1:].lower()


def _binary_kind(data: bytes) -> str | None:
    """Describe data that is clearly not text, or return None."""
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            return kind
    head = data[:8192]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None  # UTF-16 with a byte-order mark: text
    if b"\x00" in head:
        return "binary data"
    return None


def _walk(root: Path, skipped: list[Skip]) -> list[Path]:
    """Files below root, skipping hidden entries and never looping on links."""
    found: list[Path] = []
    seen_dirs: set[str] = set()
    for dirpath, dirnames, filenames in os.walk(root, followlinks=True, onerror=None):
        real = os.path.realpath(dirpath)
        if real in seen_dirs:
            above = os.path.realpath(os.path.dirname(dirpath))
            loops = above == real or above.startswith(real.rstrip(os.sep) + os.sep)
            why = "a folder link that loops back on itself" if loops else "a link to a folder already read"
            skipped.append(Skip(str(dirpath), why, lost=False))
            dirnames[:] = []
            continue
        seen_dirs.add(real)
        dirnames[:] = sorted(d for d in dirnames if not _is_skipped_name(d))
        for name in sorted(filenames):
            if _is_skipped_name(name):
                continue
            path = Path(dirpath) / name
            if path.is_symlink() and not path.exists():
                skipped.append(Skip(str(path), "a broken link"))
                continue
            if kind_of(_suffix(path)) is None:
                other = f"not an article file (expected {named_suffixes()})"
                reason = REPORT_REASON if _is_report(path) else INDEX_REASON if _is_index(path) else other
                skipped.append(Skip(str(path), reason, lost=False))
                continue
            found.append(path)
    return found


def _is_report(path: Path) -> bool:
    """Whether a file of another type is one of provtrace's own reports (.csv, .dot, .sarif…)."""
    try:
        with path.open("rb") as handle:
            return report_format(handle.read(HEAD_BYTES)) is not None
    except OSError:
        return False


#: An SQLite file starts so; its page size follows (big-endian; 1 stands for 65,536).
_SQLITE_HEADER = b"SQLite format 3\x00"
#: What SQLite adds to a database's name for the files it keeps beside it.
_SQLITE_SIDECARS = ("-wal", "-shm", "-journal")


def _is_index(path: Path) -> bool:
    """Whether a file of another type is a provtrace index (or one's journal): an SQLite file
    whose first two pages, which hold its meta table, name the index's kind."""
    from provtrace.index.schema import KIND

    for sidecar in _SQLITE_SIDECARS:
        if path.name.endswith(sidecar) and len(path.name) > len(sidecar):
            return _is_index(path.with_name(path.name.removesuffix(sidecar)))
    try:
        with path.open("rb") as handle:
            head = handle.read(18)
            if not head.startswith(_SQLITE_HEADER) or len(head) < 18:
                return False
            page = int.from_bytes(head[16:18], "big")
            return KIND.encode() in head + handle.read(2 * (65536 if page == 1 else page))
    except OSError:
        return False


def _size(size: int) -> str:
    """A file's size in MiB (1,048,576 bytes) to one decimal, or in bytes where that would read as
    the limit itself."""
    mebibytes = f"{size / 1024 / 1024:.1f}"
    return f"{size:,} bytes" if float(mebibytes) * 1024 * 1024 <= MAX_FILE_BYTES else f"{mebibytes} MiB"


def read_document(path: str | Path) -> RawDocument | Skip:
    """The bytes of one article file, or why it cannot be used (never raises)."""
    path = Path(path)
    try:
        status = path.stat()
        if not stat.S_ISREG(status.st_mode):
            # A named pipe would wait for a writer for ever; a device may never end.
            return Skip(str(path), "not a regular file (a named pipe, device or socket)")
        size = status.st_size
        if size > MAX_FILE_BYTES:
            limit = MAX_FILE_BYTES // 1024 // 1024
            return Skip(str(path), f"{_size(size)} is over the limit of {limit} MiB for one article")
        data = path.read_bytes()
    except PermissionError:
        return Skip(str(path), "permission denied")
    except OSError as exc:
        return Skip(str(path), f"cannot be read ({exc.strerror or exc})")
    if not data.strip():
        return Skip(str(path), "the file is empty")
    kind = _binary_kind(data)
    if kind is not None:
        return Skip(str(path), f"{kind}, not text")
    if report_format(data) is not None:
        return Skip(str(path), REPORT_REASON, lost=False)
    return RawDocument(path=str(path), data=data, suffix=_suffix(path))


@dataclass(frozen=True, slots=True)
class Found:
    """The inputs named by the given paths, not yet read: files (by path) and standard input's
    document, in path order; and the inputs skipped so far (with why)."""

    sources: tuple[str | RawDocument, ...]
    skipped: tuple[Skip, ...]


def find_documents(paths: Iterable[str], stdin: BinaryIO | None = None) -> Found:
    """load_documents without reading the files: each is read with read_document when needed,
    so that a large folder's bytes need not be held at once."""
    skipped: list[Skip] = []
    files: list[Path] = []
    sources: list[str | RawDocument] = []
    for raw in sorted(set(paths)):
        if raw == "-":
            if stdin is None:
                raise InputError("'-' names standard input, but none is available")
            data = stdin.read()
            kind = _binary_kind(data)
            if not data.strip():
                skipped.append(Skip("standard input", "it is empty"))
            elif kind is not None:
                skipped.append(Skip("standard input", f"{kind}, not text"))
            elif report_format(data) is not None:
                skipped.append(Skip("standard input", REPORT_REASON, lost=False))
            else:
                sources.append(RawDocument(path="-", data=data, suffix=""))
            continue
        path = Path(raw)
        if path.is_dir():
            files.extend(_walk(path, skipped))
        elif path.is_symlink() and not path.exists():
            skipped.append(Skip(str(path), "a broken link"))
        elif path.exists():
            files.append(path)
        else:
            raise InputError(f"{raw}: no such file or folder")
    seen: set[str] = set()
    # Each file's real path worked out once (it is most of the cost of finding a large folder's files).
    for name, real in sorted((str(p), os.path.realpath(p)) for p in files):
        if real not in seen:
            seen.add(real)
            sources.append(name)
    sources.sort(key=lambda d: d if isinstance(d, str) else d.path)
    return Found(tuple(sources), tuple(skipped))


def load_documents(paths: Iterable[str], stdin: BinaryIO | None = None) -> LoadResult:
    """Read every article named by paths (files, folders, or "-" for stdin).

    Raises InputError when a named path does not exist. Duplicate paths
    (the same file named twice) are read once. Documents come back sorted by
    path so that the order of the arguments never matters.
    """
    return read_found(find_documents(paths, stdin))


def read_found(found: Found) -> LoadResult:
    """Every document find_documents found, read."""
    skipped = list(found.skipped)
    documents: list[RawDocument] = []
    for source in found.sources:
        document = source if isinstance(source, RawDocument) else read_document(source)
        if isinstance(document, Skip):
            skipped.append(document)
        else:
            documents.append(document)
    return LoadResult(tuple(documents), tuple(dict.fromkeys(skipped)))
