"""Which indexed articles a story may derive from or share a source with.

An indexed article is a candidate when it shares with the story several
shingles (copied or lightly edited wording) or several of the story's rarest
words (a paraphrase or summary keeps the names, places and figures). Keys
held by many articles are stock phrasing or topic words and are not looked
up, so the cost of a query follows the story, not the size of the archive.
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from collections.abc import Iterable, Sequence

from provtrace.index.keys import ArticleKeys, unpack

#: A shingle in more articles than this is stock phrasing ("said in a statement on").
SHINGLE_MAX_ARTICLES = 50
#: Shared shingles that make a candidate: one alone can be a stock phrase under the cap.
MIN_SHARED_SHINGLES = 2
#: A word in more articles than this is a topic word (shares, profits, court),
#: not a story's own name or figure. 30 and the two below were chosen on the
#: METER dev wire (every derived story still finds its PA copy, 7 candidates a
#: story instead of 189 with the run's 100/150) and on generated archives.
WORD_MAX_ARTICLES = 30
#: The story's rarest words that are looked up.
RARE_WORDS = 30
#: Shared rare words that make a candidate.
MIN_SHARED_WORDS = 3
#: Keys sent to SQLite in one statement.
_CHUNK = 500


def _chunks(values: Sequence[int]) -> Iterable[Sequence[int]]:
    for start in range(0, len(values), _CHUNK):
        yield values[start : start + _CHUNK]


def _counts(conn: sqlite3.Connection, keys: Iterable[int], cap: int) -> dict[int, int]:
    """How many indexed articles hold each key, counted up to cap + 2 (keys held by none left out).

    Counting stops past the cap, so a common key costs no more than a rare
    one; the count may include the excluded article, hence the margin.
    """
    found: dict[int, int] = {}
    for key in keys:
        (n,) = conn.execute(
            "SELECT count(*) FROM (SELECT 1 FROM keys WHERE key = ? LIMIT ?)", (key, cap + 2)
        ).fetchone()
        if n:
            found[key] = n
    return found


def _shared(conn: sqlite3.Connection, keys: Sequence[int], skip: int | None) -> Counter[int]:
    """For each indexed article (by number), how many of keys it holds."""
    together: Counter[int] = Counter()
    for chunk in _chunks(keys):
        marks = ",".join("?" * len(chunk))
        rows = conn.execute(f"SELECT article FROM keys WHERE key IN ({marks})", list(chunk))
        together.update(number for (number,) in rows if number != skip)
    return together


def candidates(conn: sqlite3.Connection, keys: ArticleKeys, exclude: str | None) -> tuple[str, ...]:
    """Ids of the candidates for an article with these keys, sorted; exclude is left out."""
    skip: int | None = None
    own: frozenset[int] = frozenset()
    if exclude is not None:
        row = conn.execute("SELECT number, keys FROM articles WHERE id = ?", (exclude,)).fetchone()
        if row is not None:
            skip, own = row[0], frozenset(unpack(row[1]))
    counts = _counts(conn, keys.shingles, SHINGLE_MAX_ARTICLES) | _counts(conn, keys.words, WORD_MAX_ARTICLES)
    df = {k: n - (k in own) for k, n in counts.items()}
    shingles = [k for k in keys.shingles if 1 <= df.get(k, 0) <= SHINGLE_MAX_ARTICLES]
    usable = [k for k in keys.words if 1 <= df.get(k, 0) <= WORD_MAX_ARTICLES]
    words = sorted(usable, key=lambda k: (df[k], k))[:RARE_WORDS]
    chosen = {n for n, c in _shared(conn, shingles, skip).items() if c >= MIN_SHARED_SHINGLES}
    chosen |= {n for n, c in _shared(conn, words, skip).items() if c >= MIN_SHARED_WORDS}
    numbers = sorted(chosen)
    ids: list[str] = []
    for chunk in _chunks(numbers):
        marks = ",".join("?" * len(chunk))
        ids.extend(r[0] for r in conn.execute(f"SELECT id FROM articles WHERE number IN ({marks})", chunk))
    return tuple(sorted(ids))
