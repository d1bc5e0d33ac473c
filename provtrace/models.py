"""Frozen dataclasses that flow between the stages of the pipeline.

Nothing here imports a third-party library: these are the only objects that
cross module boundaries.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum

#: Called as progress(stage, done, total) by every long stage; the CLI draws it.
Progress = Callable[[str, int, int], None]
#: A stage that works through many items of one input (the sentences of a long
#: text) reports once per this many: often enough to move, rarely enough to cost nothing.
PROGRESS_EVERY = 1000


class LinkKind(StrEnum):
    """How closely a target sentence reproduces its source sentence(s)."""

    VERBATIM = "verbatim"
    ALTERED = "altered"
    PARAPHRASE = "paraphrase"


class Change(StrEnum):
    """A change between linked sentences that can flip what they say."""

    NEGATION = "negation"  # a "not", "never", "no" added or removed
    NUMBER = "number"
    DATE = "date"
    NAME = "name"
    MODAL = "modal"  # may, will, could, must ...


class CreditKind(StrEnum):
    """Whether a credit marks the article as the agency's own copy or as citing it."""

    OWNER = "owner"  # dateline "(Reuters) -", "© Thomson Reuters", byline
    CITES = "cites"  # "told Reuters", "according to AP", "Reuters reported"


class Relation(StrEnum):
    """How a child article derives from its parent: the label on a tree edge."""

    VERBATIM_COPY = "verbatim copy"
    NEAR_VERBATIM_COPY = "near-verbatim copy"
    EXCERPT = "excerpt"
    SUMMARY = "summary"
    REWRITE = "rewrite"
    TRANSLATION = "translation"
    UNSEEN_SOURCE = "derived from unseen source"


class Derivation(StrEnum):
    """Whether one text of a related pair reused the other's expression."""

    DERIVED = "derived"
    INDEPENDENT = "independent"  # the same story or topic, written separately


@dataclass(frozen=True, slots=True)
class Skip:
    """An input left out, and why: shown to the user as "skipped PATH: REASON"."""

    path: str  # as the user named it; "standard input" for an empty stdin
    reason: str
    lost: bool = True  # False for what was never an article: a non-article file, a looping folder link

    def __str__(self) -> str:
        return f"skipped {self.path}: {self.reason}"


@dataclass(frozen=True, slots=True)
class RawDocument:
    """Bytes read from one input, before any interpretation."""

    path: str  # as shown to the user (relative to the argument it came from)
    data: bytes
    suffix: str  # lower-case file extension without the dot, "" for stdin


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence of an article's story, numbered from 0 in reading order."""

    index: int
    text: str


@dataclass(frozen=True, slots=True)
class Credit:
    """A mention of a news agency in an article: its own credit or a citation."""

    agency: str
    text: str
    kind: CreditKind = CreditKind.CITES


@dataclass(frozen=True, slots=True)
class Article:
    """One article as provtrace reads it: metadata, credits, story sentences and stripped furniture."""

    id: str
    path: str
    title: str | None
    site: str | None
    published: str | None  # ISO date (YYYY-MM-DD) when known
    author: str | None
    credits: tuple[Credit, ...]
    sentences: tuple[Sentence, ...]
    removed: tuple[str, ...]  # page furniture stripped from the text, in order
    language: str | None = None

    def in_other_language(self, other: Article) -> bool:
        """Whether the two articles' languages are both known and differ."""
        return self.language is not None and other.language is not None and self.language != other.language


@dataclass(frozen=True, slots=True)
class Link:
    """Source sentence indices (upstream side) matched to target sentence indices."""

    source: tuple[int, ...]
    target: tuple[int, ...]
    kind: LinkKind
    score: float  # 0..1
    partial: bool  # only part (a clause) of a side is reused
    changes: tuple[Change, ...] = ()  # meaning flips between the sides, in Change order


@dataclass(frozen=True, slots=True)
class Alignment:
    """The sentence links between an upstream article (source) and another (target)."""

    source: str  # article id on the upstream side
    target: str
    links: tuple[Link, ...]
    added: tuple[int, ...]  # target sentences with no counterpart
    dropped: tuple[int, ...]  # source sentences with no counterpart

    def source_linked(self) -> frozenset[int]:
        """The source's sentences that some link holds."""
        return frozenset(i for link in self.links for i in link.source)

    def target_linked(self) -> frozenset[int]:
        """The target's sentences that some link holds."""
        return frozenset(j for link in self.links for j in link.target)

    def reversed(self) -> Alignment:
        """The same alignment seen from the other side (links keep their kind)."""
        links = tuple(
            sorted(
                (Link(l.target, l.source, l.kind, l.score, l.partial, l.changes) for l in self.links),
                key=lambda l: (l.source, l.target),
            )
        )
        return Alignment(self.target, self.source, links, self.dropped, self.added)


@dataclass(frozen=True, slots=True)
class Edge:
    """A derivation in the tree: child derives from parent, with confidence and evidence in words."""

    parent: str
    child: str
    relation: Relation
    confidence: float  # 0..1
    evidence: tuple[str, ...]
    #: False where the texts cannot tell which of the two came first: parent is then
    #: the parent only to draw the tree (the evidence says so in words).
    direction_known: bool = True


@dataclass(frozen=True, slots=True)
class Related:
    """The judgement on one related pair (a < b): derived or written independently, and why."""

    a: str
    b: str
    judgement: Derivation
    probability: float  # that one of the two is derived from the other
    evidence: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Unseen:
    """A source inferred from the evidence but not present among the inputs."""

    id: str
    label: str
    agency: str  # the agency whose original it stands for, as configured ("Reuters")


@dataclass(frozen=True, slots=True)
class Trace:
    """The result of tracing a set of articles: the derivation forest and the evidence for it."""

    articles: tuple[Article, ...]
    edges: tuple[Edge, ...]
    unseen: tuple[Unseen, ...]
    unrelated: tuple[str, ...]
    alignments: tuple[Alignment, ...]
    warnings: tuple[str, ...] = field(default=())
    related: tuple[Related, ...] = field(default=())  # every related pair, judged
    #: Whether sentences were compared by meaning as well as words (--semantic). Without
    #: it, sentences in two languages link only where they share names and figures.
    semantic: bool = False

    def article(self, article_id: str) -> Article | None:
        """The article with this id, or None."""
        for article in self.articles:
            if article.id == article_id:
                return article
        return None

    def unlinked_may_be_translated(self, source: Article, target: Article) -> bool:
        """Whether the sentences of source and target that no link holds may be translations of
        each other's rather than added or dropped: the two are in different languages and their
        sentences were not compared by meaning."""
        return not self.semantic and source.in_other_language(target)

    def alignment(self, source: str, target: str) -> Alignment | None:
        """The alignment stored with this source and target (in that direction), or None."""
        for alignment in self.alignments:
            if alignment.source == source and alignment.target == target:
                return alignment
        return None
