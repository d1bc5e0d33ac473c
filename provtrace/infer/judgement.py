"""Derived or independent: did one text of a related pair reuse the other's expression at all?

Copying shows as shared expression beyond what shared facts force. Two
reports of one event share names, figures and the quotations everyone heard,
but not their wording; a copy, even a reworded one, keeps runs of the
source's wording and its uncommon word choices, and follows the source
sentence by sentence. So the judgement rests on three features of the
shorter text (the one that could have been taken from the longer):

- copied: the share of its words (outside quotation marks) covered by runs
  of five or more words that the other text has too;
- rare: the rarity-weighted share of its distinctive words (outside
  quotation marks; names and figures left out) that the other text uses;
- linked: the share of its sentences the aligner links to the other text,
  each counted for its link's score (any kind of link): a copy retells the
  source's sentences, an independent report of one event only some of them,
  with its own in between; one weak paraphrase link is no retold sentence.

A small logistic regression turns them into a probability; its coefficients
are fitted by ``benchmarks/fit_judgement.py`` on the real dev corpora
(METER, Clough-Stevenson, NTREX) and written here as constants.

A text compiled from several versions of one story (a paper's report drawing
on successive agency items of one event) shares with each a little, with all
of them together a lot: it is judged against their union too
(``union_features``, ``judge_union``); the model is the same, a single text
being a union of one.

Two kinds of evidence overrule the wording: a text that cites an agency
whose own copy is the other text says it used that copy; two texts in
different languages are compared by their aligned sentences instead (they
share no wording), and two translations of one original are siblings unless
they share far more wording than translating one text forces.
"""

from __future__ import annotations

import math
import re
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import compress, count

from provtrace.align.normalize import has_unspaced, split_unspaced, stem
from provtrace.infer.credited import agencies, wire_copy
from provtrace.infer.lineage import Profile
from provtrace.infer.pickup import picked_up
from provtrace.infer.retelling import PARALLEL_SHARE, retold_in_order
from provtrace.models import Alignment, Article, CreditKind, Sentence
from provtrace.wording import possessive

# --- The model: fitted by benchmarks/fit_judgement.py (see its output for the data) ---------
#: Intercept: with no shared wording and no shared word choices, independence is likely.
INTERCEPT = -2.64
#: Per unit of `copied`: runs of five identical words outside quotations.
COPIED_WEIGHT = 2.54
#: Per unit of `rare`: shared uncommon word choices (names, figures and quotations left out).
RARE_WEIGHT = 3.02
#: Per unit of `linked`: sentences the aligner links to the other text, each for its link score.
LINKED_WEIGHT = 3.34

#: A pair is called derived from this probability: in a tree a missing edge and a wrong one cost alike
#: (check, where a false accusation of copying costs more, calls from its own REUSE_PROBABILITY).
DERIVED_PROBABILITY = 0.5
#: A run of this many identical words outside quotations is wording, not a shared fact.
RUN = 5
#: Two translations of one original share wording the original forces (up to about 0.6
#: of the shorter's words on NTREX); beyond this share one reused the other's wording.
SIBLING_TRANSLATION_COPIED = 0.8
#: A translation is judged derived from its original with this share of the shorter
#: text's content aligned (below, the two only share a topic).
TRANSLATED_COVER = 0.3
#: Identical story texts: one is a copy of the other (or both of a third), however short.
IDENTICAL = 0.99

_WORD = re.compile(r"\w+(?:['’]\w+)?")
#: Quotations: ``wire'', "straight", “curly”, ‘curly single’, «angled», and single-quoted
#: spans that open after a non-word character and close before one.
_QUOTATION = re.compile(
    r"``.*?''|\"[^\"]*\"|“[^”]*”|‘[^’]*’|«[^»]*»|(?<!\w)'(?=\w)(?:[^']|'(?=\w))*?'(?!\w)", re.S
)


@dataclass(frozen=True, slots=True)
class Features:
    """What the judgement of one pair rests on (all shares of the shorter text)."""

    copied: float
    rare: float
    linked: float


@dataclass(frozen=True, slots=True)
class Judgement:
    """Whether a related pair is derived (one reused the other's expression), how likely, and why."""

    derived: bool
    probability: float  # that one of the two is derived from the other
    evidence: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class _Wording:
    """One text's words outside quotations, read once however many pairs it is in."""

    size: int  # how many words
    content: frozenset[str]  # stems of its word choices
    runs: tuple[str, ...]  # every RUN consecutive words, lower-cased, in order, joined by spaces
    run_set: frozenset[str]


#: Texts whose wording is kept: a judged pair's texts recur in the pairs of one story's family.
_TEXTS_KEPT = 512


#: The wordings of the articles judged last, by the identity of their sentences, each entry holding
#: the sentences (so that no other tuple can take their identity while it is kept): an article is
#: judged in every pair of its family, and joining and hashing its whole text each time cost more
#: than the rest of a judgement.
_BY_SENTENCES: dict[int, tuple[tuple[Sentence, ...], _Wording]] = {}


def _wording(article: Article) -> _Wording:
    sentences = article.sentences
    kept = _BY_SENTENCES.get(id(sentences))
    if kept is not None and kept[0] is sentences:
        return kept[1]
    found = _wording_of("\n".join(s.text for s in sentences))
    if len(_BY_SENTENCES) >= _TEXTS_KEPT:
        _BY_SENTENCES.clear()
    _BY_SENTENCES[id(sentences)] = (sentences, found)
    return found


@lru_cache(maxsize=_TEXTS_KEPT)
def _wording_of(text: str) -> _Wording:
    words = _words_outside_quotes(text)
    lower = [w.lower() for w in words]
    runs = _runs(lower)
    return _Wording(len(words), frozenset(_content(words)), runs, frozenset(runs))


def _words_outside_quotes(text: str) -> list[str]:
    """The text's words outside quotations, as written (case kept)."""
    words: list[str] = _WORD.findall(_QUOTATION.sub(" | ", text))
    if not has_unspaced(text):
        return words
    # Chinese and Japanese write no spaces: each character counts as a word of a run.
    return [unit for word in words for unit in split_unspaced(word)]


def _content(words: Sequence[str]) -> set[str]:
    """Stems of the words that are neither names (capitalised) nor figures: word choices."""
    found = set(map(_choice, set(words)))
    found.discard("")
    return found


@lru_cache(maxsize=1 << 16)
def _choice(word: str) -> str:
    """The stem of a word that is neither a name (capitalised) nor a figure, else ""."""
    # A letter is never a digit: most words are told by isalpha() without looking at each character.
    if not word[0].isupper() and (word.isalpha() or not any(c.isdigit() for c in word)):
        return stem(word.lower())
    return ""


def _runs(words: Sequence[str]) -> tuple[str, ...]:
    # Joined by a space no word holds: a string keeps its hash, so looking runs up is cheap.
    # Each run's words side by side: the word at each place zipped with the RUN - 1 after it.
    return tuple(map(" ".join, zip(*(words[k:] for k in range(RUN)), strict=False)))


def _covered(text: _Wording, other: Collection[str]) -> float:
    """Share of the text's words covered by a run of RUN words that is in other."""
    if text.size < RUN:
        return 0.0
    covered = 0
    end = 0  # the end of the words covered so far
    # Only the runs found in other count: their places, picked out in C.
    for k in compress(count(), map(other.__contains__, text.runs)):
        covered += k + RUN - max(k, end)
        end = k + RUN
    return covered / text.size


def _rare(content: frozenset[str], short: Profile, other: Collection[str]) -> float:
    """Rarity-weighted share of the shorter text's uncommon word choices the other uses too."""
    # Content holds words, so no sentence mark (lineage.MARK holds a space); fsum is exact in any order,
    # so the stems may be taken as a set.
    stems = short.keys() & content
    total = math.fsum(map(short.__getitem__, stems))
    return math.fsum([short[s] for s in stems if s in other]) / total if total else 0.0


def linked_share(text: Article, alignments: Iterable[Alignment]) -> float:
    """Share of text's sentences linked (on its side of the alignments) to some other text, each
    counted for the score of its best link: one weak paraphrase is not a retold sentence."""
    best: dict[int, float] = {}
    for alignment in alignments:
        on_target = alignment.target == text.id
        for link in alignment.links:
            for i in link.target if on_target else link.source:
                best[i] = max(best.get(i, 0.0), link.score)
    return math.fsum(best.values()) / len(text.sentences) if text.sentences else 0.0


def features(
    a: Article, b: Article, profiles: Mapping[str, Profile], alignment: Alignment, text: Article | None = None
) -> Features:
    """The features of a pair, measured on text (the side that could have been taken from the other;
    by default the shorter); alignment: the pair's, either way."""
    short = text if text is not None else shorter(a, b)
    long_ = b if short.id == a.id else a
    runs = _wording(long_).run_set
    return _measured(short, _wording(short), runs, profiles, profiles[long_.id], [alignment])


def shorter(a: Article, b: Article) -> Article:
    """The shorter of a pair by its words outside quotations (ties to the first id): the side whose
    wording is measured by default."""
    return min((a, b), key=lambda x: (_wording(x).size, x.id))


def _measured(
    text: Article,
    own: _Wording,
    runs: Collection[str],
    profiles: Mapping[str, Profile],
    used: Collection[str],
    alignments: Iterable[Alignment],
) -> Features:
    """text's features against others' runs of wording and word choices (used), given its alignments."""
    copied = _covered(own, runs)
    rare = _rare(own.content, profiles[text.id], used)
    return Features(round(copied, 6), round(rare, 6), round(linked_share(text, alignments), 6))


def probability(f: Features) -> float:
    """The fitted probability that one text of the pair is derived from the other."""
    score = INTERCEPT + COPIED_WEIGHT * f.copied + RARE_WEIGHT * f.rare + LINKED_WEIGHT * f.linked
    return 1 / (1 + math.exp(-score))


def _pct(x: float) -> str:
    return f"{round(100 * x)}%"


def _agency_used(a: Article, b: Article) -> str | None:
    for up, down in ((a, b), (b, a)):
        owned, cited = agencies(up, CreditKind.OWNER), agencies(down, CreditKind.CITES)
        for agency in sorted(owned.keys() & cited.keys()):
            return f"{down.id} cites {agency}, and {up.id} is {possessive(agency)} own copy"
    return None


def taker(a: Article, b: Article) -> Article | None:
    """The side of a pair whose wording is measured for having been taken from the other: of an
    agency's copy and a text that is none, the latter (outlets take from agencies, and check
    measures its story against the wire the same way), unless the agency's copy credits the
    other's outlet for its story (infer/pickup.py: then the agency's copy); else None (the
    shorter of the two)."""
    a_wire, b_wire = wire_copy(a), wire_copy(b)
    if a_wire == b_wire:
        return None
    wire, other = (a, b) if a_wire else (b, a)
    return wire if picked_up(wire, other) is not None else other


def _across(a: Article, b: Article, cover: float, alignment: Alignment) -> Judgement:
    """A pair in two languages: they share no wording, so the aligned content tells whether one
    translates the other: as much of the shorter's content as a copy would, or each text retold
    sentence by sentence, in order, by the other (what a translation is; the aligner links sentences
    across languages only where names, figures or borrowed words show, so content reads low)."""
    source, target = (a, b) if alignment.source == a.id else (b, a)
    retold = retold_in_order(alignment, source, target)
    p = round(min(0.95, max(0.05, cover, retold)), 2)
    said = [f"{_pct(cover)} of the shorter text’s content is aligned with the other, across languages"]
    if retold >= PARALLEL_SHARE:
        said.append(
            f"each retells the other sentence by sentence, in order ({_pct(retold)} of the sentences of "
            "each are linked to the other’s), as a translation retells its original"
        )
    return Judgement(cover >= TRANSLATED_COVER or retold >= PARALLEL_SHARE, p, tuple(said))


def judge(
    a: Article,
    b: Article,
    profiles: Mapping[str, Profile],
    cover: float,
    alignment: Alignment,
    cut: float = DERIVED_PROBABILITY,
    text: Article | None = None,
) -> Judgement:
    """Judge a related pair; cover is the share of the shorter text's content the alignment links.

    The pair is called derived from probability cut (the probability itself does not depend on it).
    text: the side whose wording is measured, where the question is whether it was taken from the
    other (check's story); by default the shorter of the two.
    """
    if a.sentences and [s.text for s in a.sentences] == [s.text for s in b.sentences]:
        return Judgement(True, IDENTICAL, ("the two story texts are identical",))
    if a.in_other_language(b):
        found = _across(a, b, cover, alignment)
        derived, p, said = found.derived, found.probability, found.evidence
    else:
        f = features(a, b, profiles, alignment, text)
        p = round(probability(f), 2)
        side = (
            f"{possessive(text.id)} words ("
            if text
            else f"{possessive(shorter(a, b).id)} words (the shorter text’s, "
        )
        said = (
            f"{_pct(f.copied)} of {side}outside quotations) are in runs of {RUN} or more "
            f"words the other has too; it shares {_pct(f.rare)} of its uncommon words; its sentences "
            f"linked to the other’s make {_pct(f.linked)} of it (each weighed by its link’s score)",
        )
        derived = p >= cut
    used = _agency_used(a, b)
    if used is not None and not derived:
        return Judgement(True, max(p, 0.5), (used, *said))
    return Judgement(derived, p, said)


def sibling_translations(a: Article, b: Article, original: str) -> Judgement:
    """Two translations of one original: siblings unless one reused the other's wording."""
    texts = sorted(((a.id, _wording(a)), (b.id, _wording(b))), key=lambda t: (t[1].size, t[0]))
    (_, short), (_, long_) = texts
    copied = _covered(short, long_.run_set)
    derived = copied >= SIBLING_TRANSLATION_COPIED
    said = (
        f"both translate {original}; they share {_pct(copied)} of the shorter’s wording in runs of "
        f"{RUN} or more words, "
        + ("more than" if derived else "no more than")
        + " translating one text forces"
    )
    return Judgement(derived, 0.9 if derived else 0.1, (said,))


def union_features(
    text: Article, others: Sequence[Article], profiles: Mapping[str, Profile], alignments: Iterable[Alignment]
) -> Features:
    """The features of text measured against the union of others (versions of one story), given
    its alignments with them."""
    runs: set[str] = set()
    for other in others:
        runs |= _wording(other).run_set
    used = {s for other in others for s in profiles[other.id]}
    return _measured(text, _wording(text), runs, profiles, used, alignments)


def judge_union(
    text: Article,
    others: Sequence[Article],
    profiles: Mapping[str, Profile],
    alignments: Iterable[Alignment],
    cut: float = DERIVED_PROBABILITY,
) -> Judgement:
    """Whether text is derived from several versions of one story taken together (from probability cut)."""
    f = union_features(text, others, profiles, alignments)
    p = round(probability(f), 2)
    names = ", ".join(o.id for o in others)
    said = (
        f"taken together with the other versions of its story ({names}): {_pct(f.copied)} of "
        f"{possessive(text.id)} words (outside quotations) are in runs of {RUN} or more words they have too; "
        f"it shares {_pct(f.rare)} of its uncommon words; its sentences linked to theirs make "
        f"{_pct(f.linked)} of it (each weighed by its link’s score)"
    )
    return Judgement(p >= cut, p, (said,))


@dataclass(frozen=True, slots=True)
class Together:
    """A text judged against the union of its related texts, and which of them are its sources."""

    judgement: Judgement  # of the text against the union
    sources: tuple[int, ...]  # positions (in others) of the texts judged its sources, if derived


def judge_together(
    text: Article,
    others: Sequence[Article],
    probabilities: Sequence[float],
    profiles: Mapping[str, Profile],
    alignments: Sequence[Alignment],
    cut: float = DERIVED_PROBABILITY,
) -> Together:
    """text judged against others (its related texts, one language) together; probabilities: the
    pairwise probability that text derives from each, alignments: each pair's.

    A paper's report compiled from successive agency items of an event shares a
    little with each and a lot with all: taken together they may show the copying
    no one of them does. Where text derives from them together, its sources are
    those it shares a run of wording with that no more probable source holds too
    (most probable first; of equally probable ones, see _age), or failing any, the
    most probable one. A wire item on another story of the same port shares
    "the Port Selwyn Dockworkers' Union" with a copy of the strike story, but so
    does the strike story itself: it adds no wording of its own to the copy.
    """
    together = judge_union(text, others, profiles, alignments, cut)
    if not together.derived:
        return Together(together, ())
    order = sorted(range(len(others)), key=lambda k: (-probabilities[k], *_age(others[k])))
    mine = _wording(text).run_set
    covered: set[str] = set()
    runs: list[int] = []
    for k in order:
        shared = mine & _wording(others[k]).run_set
        if not shared <= covered:
            runs.append(k)
            covered |= shared
    return Together(together, tuple(sorted(runs)) if runs else (order[0],))


def _age(article: Article) -> tuple[bool, str, str]:
    """The order of equally probable sources: the earliest dated first (a story compiled from
    successive takes of an event starts from the first one issued; undated ones come after dated
    ones), else the smallest id (no evidence either way: the choice is only made deterministic,
    whatever order the sources come in)."""
    return (article.published is None, article.published or "", article.id)
