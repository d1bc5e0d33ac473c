"""Derived or independent: did one text of a related pair reuse the other's expression at all?

Copying shows as shared expression beyond what shared facts force. Two
reports of one event share names, figures and the quotations everyone heard,
but not their wording; a copy, even a reworded one, keeps runs of the
source's wording and its uncommon word choices. So the judgement rests on
two features of the shorter text (the one that could have been taken from
the longer), outside quotation marks:

- copied: the share of its words covered by runs of five or more words that
  the other text has too;
- rare: the rarity-weighted share of its distinctive words that the other
  text uses.

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
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from provtrace.align.normalize import has_unspaced, split_unspaced, stem
from provtrace.infer.direction import agencies, translated
from provtrace.infer.lineage import MARK, Profile
from provtrace.models import Article, CreditKind

# --- The model: fitted by benchmarks/fit_judgement.py (see its output for the data) ---------
#: Intercept: with no shared wording and no shared word choices, independence is likely.
INTERCEPT = -2.35
#: Per unit of `copied`: runs of five identical words outside quotations.
COPIED_WEIGHT = 3.30
#: Per unit of `rare`: shared uncommon word choices (names, figures and quotations left out).
RARE_WEIGHT = 4.84

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
    """What the judgement of one pair rests on (both shares of the shorter text)."""

    copied: float
    rare: float


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


def _wording(article: Article) -> _Wording:
    return _wording_of("\n".join(s.text for s in article.sentences))


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
    # A letter is never a digit: most words are told by isalpha() without looking at each character.
    return {
        stem(w.lower())
        for w in set(words)
        if not w[0].isupper() and (w.isalpha() or not any(c.isdigit() for c in w))
    }


def _runs(words: Sequence[str]) -> tuple[str, ...]:
    # Joined by a space no word holds: a string keeps its hash, so looking runs up is cheap.
    return tuple(" ".join(words[k : k + RUN]) for k in range(len(words) - RUN + 1))


def _covered(text: _Wording, other: Collection[str]) -> float:
    """Share of the text's words covered by a run of RUN words that is in other."""
    if text.size < RUN:
        return 0.0
    covered = 0
    end = 0  # the end of the words covered so far
    for k, run in enumerate(text.runs):
        if run in other:
            covered += k + RUN - max(k, end)
            end = k + RUN
    return covered / text.size


def _rare(content: frozenset[str], short: Profile, other: Collection[str]) -> float:
    """Rarity-weighted share of the shorter text's uncommon word choices the other uses too."""
    stems = {s: w for s, w in short.items() if not s.startswith(MARK) and s in content}
    total = math.fsum(stems.values())
    return math.fsum(w for s, w in stems.items() if s in other) / total if total else 0.0


def features(a: Article, b: Article, profiles: Mapping[str, Profile]) -> Features:
    """The wording features of a pair, measured on the shorter text."""
    wa, wb = _wording(a), _wording(b)
    (short, ws), (long_, wl) = sorted(((a, wa), (b, wb)), key=lambda item: (item[1].size, item[0].id))
    copied = _covered(ws, wl.run_set)
    return Features(round(copied, 6), round(_rare(ws.content, profiles[short.id], profiles[long_.id]), 6))


def probability(f: Features) -> float:
    """The fitted probability that one text of the pair is derived from the other."""
    score = INTERCEPT + COPIED_WEIGHT * f.copied + RARE_WEIGHT * f.rare
    return 1 / (1 + math.exp(-score))


def _pct(x: float) -> str:
    return f"{round(100 * x)}%"


def _agency_used(a: Article, b: Article) -> str | None:
    for up, down in ((a, b), (b, a)):
        owned, cited = agencies(up, CreditKind.OWNER), agencies(down, CreditKind.CITES)
        for agency in sorted(owned.keys() & cited.keys()):
            return f"{down.id} cites {agency}, and {up.id} is {agency}'s own copy"
    return None


def judge(a: Article, b: Article, profiles: Mapping[str, Profile], cover: float) -> Judgement:
    """Judge a related pair; cover is the share of the shorter text's content the alignment links."""
    if a.sentences and [s.text for s in a.sentences] == [s.text for s in b.sentences]:
        return Judgement(True, IDENTICAL, ("the two story texts are identical",))
    if translated(a, b):
        p = round(min(0.95, max(0.05, cover)), 2)
        said = f"{_pct(cover)} of the shorter text's content is aligned with the other, across languages"
    else:
        f = features(a, b, profiles)
        p = round(probability(f), 2)
        said = (
            f"{_pct(f.copied)} of the shorter text's words (outside quotations) are in runs of "
            f"{RUN} or more words the other has too; it shares {_pct(f.rare)} of its uncommon words"
        )
    derived = p >= 0.5 if not translated(a, b) else cover >= TRANSLATED_COVER
    used = _agency_used(a, b)
    if used is not None and not derived:
        return Judgement(True, max(p, 0.5), (used, said))
    return Judgement(derived, p, (said,))


def sibling_translations(a: Article, b: Article, profiles: Mapping[str, Profile], original: str) -> Judgement:
    """Two translations of one original: siblings unless one reused the other's wording."""
    f = features(a, b, profiles)
    derived = f.copied >= SIBLING_TRANSLATION_COPIED
    said = (
        f"both translate {original}; they share {_pct(f.copied)} of the shorter's wording in runs of "
        f"{RUN} or more words, "
        + ("more than" if derived else "no more than")
        + " translating one text forces"
    )
    return Judgement(derived, 0.9 if derived else 0.1, (said,))


def union_features(text: Article, others: Sequence[Article], profiles: Mapping[str, Profile]) -> Features:
    """The wording features of text measured against the union of others (versions of one story)."""
    own = _wording(text)
    runs: set[str] = set()
    for other in others:
        runs |= _wording(other).run_set
    used = {s for other in others for s in profiles[other.id]}
    copied = _covered(own, runs)
    return Features(round(copied, 6), round(_rare(own.content, profiles[text.id], used), 6))


def judge_union(text: Article, others: Sequence[Article], profiles: Mapping[str, Profile]) -> Judgement:
    """Whether text is derived from several versions of one story taken together."""
    f = union_features(text, others, profiles)
    p = round(probability(f), 2)
    names = ", ".join(o.id for o in others)
    said = (
        f"taken together with the other versions of its story ({names}): {_pct(f.copied)} of "
        f"{text.id}'s words (outside quotations) are in runs of {RUN} or more words they have too; "
        f"it shares {_pct(f.rare)} of its uncommon words"
    )
    return Judgement(p >= 0.5, p, (said,))
