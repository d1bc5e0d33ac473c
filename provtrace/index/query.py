"""Which wire articles a story may derive from or share a source with: the one candidate rule.

An article is a candidate when it shares with the story several shingles
(copied or lightly edited wording) or several of the story's rarest words (a
paraphrase or summary keeps the names, places and figures). Keys held by many
articles are stock phrasing or topic words and are not looked up, so the cost
of a query follows the story, not the size of the archive.

The rule (choose) reads the wire's keys through a KeyTable, so the same rule
runs over an index file (SqliteKeys) and over a folder of wire copy read for
one `check --wire` run (MemoryKeys): on the same copy both pick the same
candidates. `check` then keeps those with a sentence sharing several content
words with one of the story's (sharing_a_sentence), on the articles it loads
either way, so both give the same findings. Counting by article finds a
paraphrase; the sentence test drops an article that shares a few words
scattered over unrelated sentences, which an archive too small to tell topic
words from rare ones would otherwise keep.
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Protocol, TypeVar

from provtrace.index.keys import ArticleKeys, content_words, unpack
from provtrace.models import Article

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
#: The story's rarest words `check` looks up: more than RARE_WORDS, as the
#: sentence test (sharing_a_sentence) then drops the articles sharing only
#: scattered words. On the METER dev copy, 60 keeps 1,550 (story, PA item of
#: its event) pairs where 30 keeps 1,177, and check's derived F1 where the
#: sentence-by-sentence rule before it had it (0.828, against 0.824 with 30).
CHECK_RARE_WORDS = 60
#: Content words a story sentence and a wire sentence must share for the wire
#: article to be aligned: the least a reused sentence keeps of its source.
SENTENCE_WORDS = 3
T = TypeVar("T")

#: Keys sent to SQLite in one statement.
_CHUNK = 500


class KeyTable(Protocol):
    """The wire's keys as the rule reads them: articles are numbers."""

    def counts(self, keys: Iterable[int], cap: int, left_out: Counter[int]) -> dict[int, int]:
        """How many articles hold each key, exact up to cap once left_out[key] of them are
        taken away (keys held by none left out)."""
        ...

    def holders(self, keys: Sequence[int]) -> Iterable[int]:
        """The article numbers holding each key, one per (key, article)."""
        ...


def choose(
    table: KeyTable,
    keys: ArticleKeys,
    skip: frozenset[int] = frozenset(),
    own: Counter[int] | None = None,
    rare: int = RARE_WORDS,
) -> list[int]:
    """Numbers of the candidate articles for an article with these keys, sorted.

    skip are articles of the table to leave out of the answer, and own how many
    of them hold each key, left out of the counts (the article itself when it is
    indexed; the articles a check's ignore globs leave out, which --wire never reads);
    rare is how many of its rarest words are looked up.
    """
    left_out: Counter[int] = own if own is not None else Counter()
    counts = table.counts(keys.shingles, SHINGLE_MAX_ARTICLES, left_out) | table.counts(
        keys.words, WORD_MAX_ARTICLES, left_out
    )
    df = {k: n - left_out[k] for k, n in counts.items()}
    shingles = [k for k in keys.shingles if 1 <= df.get(k, 0) <= SHINGLE_MAX_ARTICLES]
    usable = [k for k in keys.words if 1 <= df.get(k, 0) <= WORD_MAX_ARTICLES]
    words = sorted(usable, key=lambda k: (df[k], k))[:rare]
    chosen = {n for n, c in _shared(table, shingles, skip).items() if c >= MIN_SHARED_SHINGLES}
    chosen |= {n for n, c in _shared(table, words, skip).items() if c >= MIN_SHARED_WORDS}
    return sorted(chosen)


def _shared(table: KeyTable, keys: Sequence[int], skip: frozenset[int]) -> Counter[int]:
    """For each article (by number), how many of keys it holds."""
    return Counter(number for number in table.holders(keys) if number not in skip)


class MemoryKeys:
    """The keys of a list of articles held in memory; articles are numbered in list order."""

    def __init__(self, articles: Iterable[ArticleKeys]) -> None:
        postings: dict[int, list[int]] = {}
        for number, found in enumerate(articles):
            for key in found.all():
                postings.setdefault(key, []).append(number)
        self._postings: Mapping[int, list[int]] = postings

    def counts(self, keys: Iterable[int], cap: int, left_out: Counter[int]) -> dict[int, int]:
        """How many articles hold each key (exact, whatever the cap)."""
        return {k: len(self._postings[k]) for k in keys if k in self._postings}

    def holders(self, keys: Sequence[int]) -> Iterable[int]:
        """The article numbers holding each key."""
        return (n for k in keys for n in self._postings.get(k, ()))


class SqliteKeys:
    """The keys table of an index file."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn

    def counts(self, keys: Iterable[int], cap: int, left_out: Counter[int]) -> dict[int, int]:
        """How many indexed articles hold each key, counted up to cap + 2 + left_out[key].

        Counting stops past the cap, so a common key costs no more than a rare
        one; the count includes the articles left out (the caller takes them
        away), hence the margin.
        """
        found: dict[int, int] = {}
        for key in keys:
            limit = cap + 2 + left_out[key]
            (n,) = self._conn.execute(
                "SELECT count(*) FROM (SELECT 1 FROM keys WHERE key = ? LIMIT ?)", (key, limit)
            ).fetchone()
            if n:
                found[key] = n
        return found

    def holders(self, keys: Sequence[int]) -> Iterable[int]:
        """The article numbers holding each key."""
        for chunk in _chunks(keys):
            marks = ",".join("?" * len(chunk))
            rows = self._conn.execute(f"SELECT article FROM keys WHERE key IN ({marks})", list(chunk))
            yield from (number for (number,) in rows)


def _chunks(values: Sequence[T]) -> Iterable[Sequence[T]]:
    for start in range(0, len(values), _CHUNK):
        yield values[start : start + _CHUNK]


@dataclass(frozen=True, slots=True, eq=False)
class LeftOut:
    """Indexed articles a query leaves out of its answer and of its key counts."""

    numbers: frozenset[int] = frozenset()
    keys: Counter[int] = field(default_factory=Counter)  # how many of them hold each key


def left_out(conn: sqlite3.Connection, ids: Collection[str]) -> LeftOut:
    """The indexed articles among ids, read once for any number of queries."""
    numbers: set[int] = set()
    keys: Counter[int] = Counter()
    for names in _chunks(sorted(ids)):
        marks = ",".join("?" * len(names))
        for number, packed in conn.execute(f"SELECT number, keys FROM articles WHERE id IN ({marks})", names):
            numbers.add(number)
            keys.update(frozenset(unpack(packed)))
    return LeftOut(frozenset(numbers), keys)


def candidates(
    conn: sqlite3.Connection, keys: ArticleKeys, exclude: LeftOut, rare: int = RARE_WORDS
) -> tuple[str, ...]:
    """Ids of the indexed candidates for an article with these keys, sorted (exclude left out)."""
    numbers = choose(SqliteKeys(conn), keys, exclude.numbers, exclude.keys, rare)
    ids: list[str] = []
    for chunk in _chunks(numbers):
        marks = ",".join("?" * len(chunk))
        ids.extend(r[0] for r in conn.execute(f"SELECT id FROM articles WHERE number IN ({marks})", chunk))
    return tuple(sorted(ids))


def sharing_a_sentence(story: Article, wire: Sequence[Article]) -> list[int]:
    """Positions (in wire) of the articles with a sentence sharing SENTENCE_WORDS content words
    with a sentence of the story."""
    found = (content_words(s.text) for s in story.sentences)
    mine = [words for words in found if len(words) >= SENTENCE_WORDS]
    return [k for k, article in enumerate(wire) if mine and _shares(mine, article)]


def _shares(story: Sequence[frozenset[str]], article: Article) -> bool:
    where: dict[str, list[int]] = {}
    for number, sentence in enumerate(article.sentences):
        for word in content_words(sentence.text):
            where.setdefault(word, []).append(number)
    for words in story:
        hits = Counter(n for word in words for n in where.get(word, ()))
        if hits and max(hits.values()) >= SENTENCE_WORDS:
            return True
    return False
