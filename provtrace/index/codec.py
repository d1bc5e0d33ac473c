"""Article <-> rows of the index, exactly: what goes in comes back equal."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from itertools import repeat
from operator import itemgetter

from provtrace.index.keys import pack, unpack
from provtrace.models import Article, Credit, CreditKind, Sentence


def _credits_json(credits: Sequence[Credit]) -> str:
    return json.dumps([[c.agency, c.text, c.kind.value] for c in credits], ensure_ascii=False)


def _credits(text: str) -> tuple[Credit, ...]:
    return tuple(Credit(agency, body, CreditKind(kind)) for agency, body, kind in json.loads(text))


def insert_articles(conn: sqlite3.Connection, batch: Sequence[tuple[Article, tuple[int, ...]]]) -> list[int]:
    """Write articles, their sentences and their keys (ArticleKeys.all()); return their numbers.

    Keys are written sorted, in one statement per table, so that SQLite fills
    its key index in order rather than at random.
    """
    numbers: list[int] = []
    sentences: list[tuple[int, int, str]] = []
    postings: list[tuple[int, int]] = []
    for article, every in batch:
        number = _insert_row(conn, article, pack(every))
        numbers.append(number)
        sentences.extend((number, s.index, s.text) for s in article.sentences)
        postings.extend(zip(every, repeat(number)))
    # By key alone: a stable sort keeps each key's articles in number order, as a full sort would.
    postings.sort(key=itemgetter(0))
    conn.executemany("INSERT INTO sentences VALUES (?, ?, ?)", sentences)
    conn.executemany("INSERT INTO keys VALUES (?, ?)", postings)
    return numbers


def _insert_row(conn: sqlite3.Connection, article: Article, keys: bytes) -> int:
    cursor = conn.execute(
        "INSERT INTO articles (id, path, title, site, published, author, language, credits, removed,"
        " sentences, keys) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            article.id,
            article.path,
            article.title,
            article.site,
            article.published,
            article.author,
            article.language,
            _credits_json(article.credits),
            json.dumps(list(article.removed), ensure_ascii=False),
            len(article.sentences),
            keys,
        ),
    )
    number = cursor.lastrowid
    assert number is not None  # an INSERT always sets it
    return number


def delete_article(conn: sqlite3.Connection, number: int) -> None:
    """Take an article, its sentences and its keys out."""
    row = conn.execute("SELECT keys FROM articles WHERE number = ?", (number,)).fetchone()
    if row is None:
        return
    every = unpack(row[0])
    conn.executemany("DELETE FROM keys WHERE key = ? AND article = ?", [(k, number) for k in every])
    conn.execute("DELETE FROM sentences WHERE article = ?", (number,))
    conn.execute("DELETE FROM articles WHERE number = ?", (number,))


def read_articles(conn: sqlite3.Connection, ids: Sequence[str]) -> dict[str, Article]:
    """The stored articles among ids, by id (ids not in the index are left out)."""
    found: dict[str, Article] = {}
    for start in range(0, len(ids), 500):
        chunk = list(ids[start : start + 500])
        marks = ",".join("?" * len(chunk))
        rows = conn.execute(
            "SELECT number, id, path, title, site, published, author, language, credits, removed"
            f" FROM articles WHERE id IN ({marks})",
            chunk,
        ).fetchall()
        for number, article_id, path, title, site, published, author, language, credits, removed in rows:
            sentences = tuple(
                Sentence(idx, text)
                for idx, text in conn.execute(
                    "SELECT idx, text FROM sentences WHERE article = ? ORDER BY idx", (number,)
                )
            )
            found[article_id] = Article(
                id=article_id,
                path=path,
                title=title,
                site=site,
                published=published,
                author=author,
                credits=_credits(credits),
                sentences=sentences,
                removed=tuple(json.loads(removed)),
                language=language,
            )
    return found
