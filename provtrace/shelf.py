"""Articles held packed: what a large run keeps of each article while it aligns the others.

An Article as objects takes about 6.6 KB (its sentences, credits and page
furniture as strings and dataclasses); packed (pack_article: its fields as
plain tuples, pickled and zlib'd) about 1.6 KB. A Shelf holds a run's articles
so, sorted by id, and unpacks one when it is asked for: a sequence of
articles like any other to the stages that read them, at a quarter of the
memory, for the price of unpacking an article each time it is read.

Beside each packed article a shelf holds its Head, unpacked: what the stages
before aligning read of every article of the run (its title, language, number
of sentences and the agencies it credits). Made by the worker that packs the
article, it spares the run a pass unpacking every article for each of them.
"""

from __future__ import annotations

import pickle
import zlib
from bisect import bisect_left
from collections.abc import Iterable, Iterator, Sequence
from typing import NamedTuple, overload

from provtrace.models import Article, Credit, CreditKind, Sentence

#: zlib level: the fastest, which already packs an article's pickle to about half.
PACK_LEVEL = 1


class Head(NamedTuple):
    """What the stages before aligning read of an article (see the module)."""

    title: str | None
    language: str | None
    sentences: int  # how many
    credits: tuple[tuple[str, CreditKind], ...]  # (agency, kind) of each credit, in order


def head_of(article: Article) -> Head:
    """The article's Head."""
    credits = tuple((c.agency, c.kind) for c in article.credits)
    return Head(article.title, article.language, len(article.sentences), credits)


def pack_article(article: Article) -> bytes:
    """Every field of an article but its id, in a few bytes (see unpack_article)."""
    indices = tuple(s.index for s in article.sentences)
    plain = (
        article.path,
        article.title,
        article.site,
        article.published,
        article.author,
        article.language,
        tuple((c.agency, c.text, c.kind.value) for c in article.credits),
        None if indices == tuple(range(len(indices))) else indices,
        tuple(s.text for s in article.sentences),
        article.removed,
    )
    return zlib.compress(pickle.dumps(plain, protocol=pickle.HIGHEST_PROTOCOL), PACK_LEVEL)


def unpack_article(article_id: str, data: bytes) -> Article:
    """The article pack_article packed, with this id."""
    path, title, site, published, author, language, credits, indices, texts, removed = pickle.loads(
        zlib.decompress(data)
    )
    numbers = range(len(texts)) if indices is None else indices
    return Article(
        id=article_id,
        path=path,
        title=title,
        site=site,
        published=published,
        author=author,
        credits=tuple(Credit(agency, text, CreditKind(kind)) for agency, text, kind in credits),
        sentences=tuple(Sentence(k, text) for k, text in zip(numbers, texts, strict=True)),
        removed=removed,
        language=language,
    )


class Shelf(Sequence[Article]):
    """Articles sorted by id, held packed and unpacked when read."""

    def __init__(self, articles: Iterable[tuple[str, bytes, Head]] = ()) -> None:
        """articles: (id, pack_article(article), head_of(article)) in any order; ids must be unique."""
        entries = sorted(articles, key=lambda entry: entry[0])
        self.ids: tuple[str, ...] = tuple(entry[0] for entry in entries)
        self._packed: tuple[bytes, ...] = tuple(entry[1] for entry in entries)
        #: Each article's Head, in the order of ids.
        self.heads: tuple[Head, ...] = tuple(entry[2] for entry in entries)

    @classmethod
    def of(cls, articles: Iterable[Article]) -> Shelf:
        """A shelf of these articles."""
        return cls((a.id, pack_article(a), head_of(a)) for a in articles)

    def __len__(self) -> int:
        return len(self.ids)

    @overload
    def __getitem__(self, at: int) -> Article: ...

    @overload
    def __getitem__(self, at: slice) -> Sequence[Article]: ...

    def __getitem__(self, at: int | slice) -> Article | Sequence[Article]:
        if isinstance(at, slice):
            return [unpack_article(self.ids[k], self._packed[k]) for k in range(*at.indices(len(self)))]
        return unpack_article(self.ids[at], self._packed[at])

    def __iter__(self) -> Iterator[Article]:
        return map(unpack_article, self.ids, self._packed)

    def items(self) -> Iterator[tuple[str, bytes]]:
        """Each article's id and packed self (unpack_article unpacks it), in the order of ids."""
        return zip(self.ids, self._packed, strict=True)

    def packed(self, article_id: str) -> bytes:
        """The packed article with this id (KeyError if there is none)."""
        k = bisect_left(self.ids, article_id)
        if k == len(self.ids) or self.ids[k] != article_id:
            raise KeyError(article_id)
        return self._packed[k]

    def get(self, article_id: str) -> Article:
        """The article with this id, unpacked (KeyError if there is none)."""
        return unpack_article(article_id, self.packed(article_id))


def heads(articles: Sequence[Article]) -> Iterator[tuple[str, Head]]:
    """Each article's id and Head, in order: a shelf's as it holds them (no article unpacked),
    other articles' read off each."""
    if isinstance(articles, Shelf):
        return zip(articles.ids, articles.heads, strict=True)
    return ((a.id, head_of(a)) for a in articles)


def is_shelf(articles: Sequence[Article]) -> bool:
    """Whether these articles are held packed."""
    return isinstance(articles, Shelf)
