"""The persistent wire index: a wire archive in one SQLite file.

    with ArchiveIndex("wire.sqlite", create=True) as index:
        report = index.add(["wire/"])         # incremental, by content hash
        ids = index.query(story)              # archive articles worth aligning with story
        articles = index.load(ids)            # stored extractions, nothing re-read

store (ArchiveIndex and its reports), schema (the file, its version and its
errors), codec (Article <-> rows), keys (the candidate keys) and query (the
candidate rule).
"""

from __future__ import annotations

from provtrace.index.schema import IndexFileError, schema_version
from provtrace.index.store import AddReport, ArchiveIndex, IndexStats, RemoveReport

__all__ = ["AddReport", "ArchiveIndex", "IndexFileError", "IndexStats", "RemoveReport", "schema_version"]
