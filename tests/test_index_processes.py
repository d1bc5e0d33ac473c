"""The index with real processes: a writer killed mid-update, readers beside a writer."""

from __future__ import annotations

import os
import select
import shutil
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

import provtrace
from provtrace.index import ArchiveIndex

#: No step of these tests takes more than a few seconds; past this, something hangs.
_TIMEOUT = 120

# A writer that indexes a folder three files per transaction and stops inside
# its second transaction, after writing that batch's rows but before the
# commit, until a line arrives on its standard input.
_WRITER = """
import sys
import provtrace.index.store as store
from provtrace.index import ArchiveIndex

real = store.insert_articles
calls = 0

def paused(conn, batch):
    global calls
    calls += 1
    numbers = real(conn, batch)
    if calls == 2:
        print("paused", flush=True)
        sys.stdin.readline()
    return numbers

store.insert_articles = paused
store.BATCH = 3
with ArchiveIndex(sys.argv[1], create=True) as index:
    index.add([sys.argv[2]], workers=1)
print("done", flush=True)
"""

_READER = """
import sys
from provtrace.index import ArchiveIndex

with ArchiveIndex(sys.argv[1]) as index:
    print(index.stats().articles, len(index.load(index.ids())), flush=True)
"""


def _env() -> dict[str, str]:
    """The environment of a child process that imports this provtrace."""
    package_root = str(Path(provtrace.__file__).resolve().parent.parent)
    return {**os.environ, "PYTHONPATH": package_root}


def _start(script: str, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", script, *args],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=_env(),
    )


def _wait_paused(writer: subprocess.Popen[str]) -> None:
    assert writer.stdout is not None
    ready, _, _ = select.select([writer.stdout], [], [], _TIMEOUT)  # never wait for ever
    line = writer.stdout.readline() if ready else "(nothing in time)"
    if line.strip() != "paused":
        writer.kill()
        pytest.fail(f"the writer did not pause: {line!r} {writer.communicate(timeout=_TIMEOUT)}")


@pytest.fixture
def wire(tmp_path: Path, examples: Path) -> Path:
    folder = tmp_path / "wire"
    shutil.copytree(examples, folder)
    return folder


def test_a_writer_killed_mid_update_leaves_only_whole_committed_articles(wire: Path, tmp_path: Path) -> None:
    path = tmp_path / "wire.sqlite"
    writer = _start(_WRITER, str(path), str(wire))
    try:
        _wait_paused(writer)
        writer.send_signal(signal.SIGKILL)
        writer.wait(timeout=_TIMEOUT)
    finally:
        writer.kill()
    assert writer.returncode == -signal.SIGKILL
    with ArchiveIndex(path) as index:
        assert index.stats().articles == 3  # the first transaction only
        assert len(index.load(index.ids())) == 3
        conn = sqlite3.connect(path)
        try:
            assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            assert conn.execute("SELECT count(*) FROM files").fetchone()[0] == 3
            assert conn.execute("SELECT count(DISTINCT article) FROM sentences").fetchone()[0] == 3
            assert conn.execute("SELECT count(DISTINCT article) FROM keys").fetchone()[0] == 3
            assert (
                conn.execute("SELECT sum(length(keys)) / 8 FROM articles").fetchone()[0]
                == (conn.execute("SELECT count(*) FROM keys").fetchone()[0])
            )
        finally:
            conn.close()
        again = index.add([str(wire)])
        assert (len(again.added), again.unchanged) == (2, 3)
        assert index.stats().articles == 5


def test_two_processes_read_the_committed_index_while_another_writes(wire: Path, tmp_path: Path) -> None:
    path = tmp_path / "wire.sqlite"
    writer = _start(_WRITER, str(path), str(wire))
    try:
        _wait_paused(writer)  # the writer holds an open write transaction
        readers = [_start(_READER, str(path)) for _ in range(2)]
        outputs = [reader.communicate(timeout=_TIMEOUT) for reader in readers]
        assert [r.returncode for r in readers] == [0, 0], outputs
        assert [out for out, _ in outputs] == ["3 3\n", "3 3\n"]
        out, err = writer.communicate("go on\n", timeout=_TIMEOUT)
        assert writer.returncode == 0, err
        assert out == "done\n"
    finally:
        writer.kill()
    finished = _start(_READER, str(path))
    assert finished.communicate(timeout=_TIMEOUT)[0] == "5 5\n"
