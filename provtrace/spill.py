"""Texts gathered out of order and read back sorted, spilled to temporary files past a budget.

A streamed result (see provtrace.spooled) is made one connected component at
a time, but written in the order of global keys (edges by parent and child,
say). A Spill holds each text with its key in memory up to a budget; past it
the texts held are sorted and written to a temporary file (a run), and when
read back the runs and what is still held are merged by key (heapq.merge),
so what is held at once is the budget and one record batch per run.
"""

from __future__ import annotations

import heapq
import os
import pickle
import shutil
import tempfile
import weakref
from collections.abc import Iterator
from types import TracebackType

#: Characters of text held in memory before the texts held are spilled to a run.
SPILL_BUDGET = 32 * 1024 * 1024
#: Records pickled (and read back) together in a run file.
BATCH = 512

#: A record: the sort key, the order of arrival (ties keep it, as a stable sort does), the text.
_Record = tuple[tuple[str, ...], int, str]


class Spill:
    """Texts in named sections, each read back sorted by key (ties in the order they were added).

    Use as a context manager, or call close(): the temporary files go with it
    (and, failing that, when the Spill is collected or the interpreter ends).
    """

    def __init__(self, budget: int = SPILL_BUDGET, folder: str | None = None) -> None:
        """budget: characters held before spilling; folder: where the temporary folder goes."""
        self.budget = budget
        self._parent = folder
        self._folder: str | None = None
        self._held: dict[str, list[_Record]] = {}
        self._runs: dict[str, list[str]] = {}
        self._size = 0
        self._added = 0
        self._cleanup: weakref.finalize[..., Spill] | None = None

    def add(self, section: str, key: tuple[str, ...], text: str) -> None:
        """Hold text under section, to be read back in key order."""
        self._held.setdefault(section, []).append((key, self._added, text))
        self._added += 1
        self._size += len(text)
        if self._size > self.budget:
            self._spill()

    def sorted(self, section: str) -> Iterator[str]:
        """The section's texts in key order (once: what is held is merged as it is read)."""
        held = sorted(self._held.pop(section, []))
        runs = [_read_run(path) for path in self._runs.get(section, [])]
        return (text for _key, _order, text in heapq.merge(*runs, iter(held)))

    @property
    def added(self) -> int:
        """The number of texts added, in every section."""
        return self._added

    @property
    def runs(self) -> int:
        """The number of run files written so far."""
        return sum(len(paths) for paths in self._runs.values())

    def _spill(self) -> None:
        """Write every section's held texts, sorted, to a run file of its own."""
        if self._folder is None:
            self._folder = tempfile.mkdtemp(prefix="provtrace-spill-", dir=self._parent)
            self._cleanup = weakref.finalize(self, shutil.rmtree, self._folder, ignore_errors=True)
        for section, records in self._held.items():
            records.sort()
            paths = self._runs.setdefault(section, [])
            path = os.path.join(self._folder, f"{len(paths)}-{section}.run")
            with open(path, "wb") as handle:
                for k in range(0, len(records), BATCH):
                    pickle.dump(records[k : k + BATCH], handle, protocol=pickle.HIGHEST_PROTOCOL)
            paths.append(path)
        self._held = {}
        self._size = 0

    def close(self) -> None:
        """Remove the temporary files (it is safe to call more than once)."""
        self._held, self._runs = {}, {}
        if self._cleanup is not None:
            self._cleanup()

    def __enter__(self) -> Spill:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.close()


def _read_run(path: str) -> Iterator[_Record]:
    """The records of one run file, a batch at a time."""
    with open(path, "rb") as handle:
        while True:
            try:
                batch: list[_Record] = pickle.load(handle)
            except EOFError:
                return
            yield from batch
