"""Direct quotations: find them in sentences and tell when one was altered.

Quotations are read sentence by sentence with straight, curly and angle
quotes (“…”, "…", «…», „…“, and ‘…’ outside a double quotation). A
quotation still open at the end of a sentence continues into the next one,
so a quote running over several sentences yields one passage per sentence.

Two quotations are compared on their words only: case, quote marks,
punctuation, spacing, diacritics, hyphenation and number forms ("thirty-two"
against "32", "70 per cent", "70%" and "70 percent") never make a difference. A story may shorten a quotation,
cut it with an ellipsis or insert a [bracketed] clarification; what it may
not do is change, add or drop words inside the quoted stretch, or cut a
negation off its start that its own words before the quotation do not keep.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise

from provtrace.align.flipwords import NEGATIONS
from provtrace.align.normalize import STOPWORDS, fold, numbers_to_digits
from provtrace.align.speakers import name_words, quoted_speaker
from provtrace.models import Sentence

_OPENERS = frozenset("“«„‹")
_CLOSERS = frozenset('”»›"')
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*(?:-[^\W_]+)*|%")
#: Ways of writing "percent", read as one word: "per cent", "%", "por ciento" (English, Spanish).
_PERCENT_PAIRS = frozenset({("per", "cent"), ("por", "ciento")})
_PERCENT = "percent"
#: Words of the story's sentence just before a quotation that are read with it: "not “going back”"
#: keeps the negation the quotation was cut from.
_LEAD_WORDS = 3
_CUT = re.compile(r"\.\.\.|…|\[[^\]]*\]")

#: A story quotation shorter than this is not checked (too little to tell).
MIN_WORDS = 3
#: A story quotation shorter than this is not checked for its speaker: two people may well both say
#: "We are looking into it".
MIN_ATTRIBUTED_WORDS = 6
#: A quotation this short is shown whole in a message; a longer one around its first change.
_WHOLE = 10


@dataclass(frozen=True, slots=True)
class Quote:
    """One quoted stretch inside one sentence."""

    sentence: int  # index of the sentence it is in
    text: str  # the words between the quote marks, as written
    words: tuple[str, ...]  # normalised words, for comparison
    surface: tuple[int, ...]  # for each word, the index of the written token it comes from
    lead: tuple[str, ...] = ()  # the normalised words of its sentence just before it (_LEAD_WORDS)


def _tokens(text: str) -> tuple[tuple[str, ...], tuple[int, ...]]:
    """Normalised words (folded, number words as digits, hyphenated words split),
    each with the index of the written token it comes from."""
    words: list[str] = []
    origin: list[int] = []
    for k, token in enumerate(_WORD.findall(text)):
        folded = fold(token).replace("’", "'").strip()  # fold reads "%" and "percent" as " percent "
        if folded == _PERCENT or (words and (words[-1], folded) in _PERCENT_PAIRS):
            if folded != _PERCENT:
                words.pop()
                origin.pop()
            words.append(_PERCENT)
            origin.append(k)
            continue
        as_number = numbers_to_digits(folded)
        parts = [as_number] if "-" in folded and as_number.isdigit() else folded.split("-")
        for part in parts:
            if part:
                words.append(numbers_to_digits(part))
                origin.append(k)
    return tuple(words), tuple(origin)


def quote_words(text: str) -> tuple[str, ...]:
    """Normalised words: folded, number words as digits, hyphenated words split."""
    return _tokens(text)[0]


def _spans(text: str, carry: bool) -> tuple[list[tuple[int, int]], bool]:
    """(start, end) of quoted stretches in one sentence, and whether one is still open at its end."""
    spans: list[tuple[int, int]] = []
    start: int | None = None
    single = False
    # TeX-style quote marks, as some wire services file them: ``like this'' (same length, so that
    # positions still index text).
    text = text.replace("``", " “").replace("''", "” ")
    if carry and text.lstrip()[:1] not in _OPENERS | {'"'}:
        start = 0  # a quotation carried over from the previous sentence
    for k, char in enumerate(text):
        before = text[k - 1] if k else " "
        after = text[k + 1] if k + 1 < len(text) else " "
        if start is None:
            if char in _OPENERS or (char == '"' and not after.isspace()):
                start, single = k + 1, False
            elif char == "‘" and not before.isalnum() and after.isalnum():
                start, single = k + 1, True
        elif single:
            if char == "’" and not after.isalnum():
                spans.append((start, k))
                start = None
        elif char in _CLOSERS or (char == "“" and not after.isalnum()):
            spans.append((start, k))
            start = None
    if start is not None:
        spans.append((start, len(text)))
    return spans, start is not None


def find_quotes(sentences: Sequence[Sentence]) -> tuple[Quote, ...]:
    """Every quoted stretch, sentence by sentence, with quotations carried across sentences."""
    quotes: list[Quote] = []
    carry = False
    for sentence in sentences:
        spans, carry = _spans(sentence.text, carry)
        for start, end in spans:
            text = sentence.text[start:end].strip()
            words, surface = _tokens(text)
            if words:
                lead = _tokens(sentence.text[: max(0, start - 1)])[0][-_LEAD_WORDS:]
                quotes.append(Quote(sentence.index, text, words, surface, lead))
    return tuple(quotes)


def lower_case_words(sentences: Sequence[Sentence]) -> frozenset[str]:
    """The words (folded) written in lower case somewhere in sentences: common words, not names."""
    return frozenset(fold(w) for s in sentences for w in _WORD.findall(s.text) if w.islower())


def speakers(sentences: Sequence[Sentence], common: frozenset[str]) -> dict[int, str]:
    """For each sentence holding a quotation whose words outside quotation marks name one
    speaker, that speaker's name as written (align.speakers.quoted_speaker; common as there)."""
    out: dict[int, str] = {}
    carry = False
    for sentence in sentences:
        spans, carry = _spans(sentence.text, carry)
        if not spans:
            continue
        unquoted, at = [], 0
        for start, end in spans:
            unquoted.append(sentence.text[at:start])
            at = end
        unquoted.append(sentence.text[at:])
        name = quoted_speaker(" … ".join(unquoted), common)
        if name is not None:
            out[sentence.index] = name
    return out


#: A name as written: two to four capitalised words ("Ana Varela", "Jose Luis Mora").
_FULL_NAME = re.compile(r"\b[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){1,3}")


@dataclass(frozen=True, slots=True)
class Speakers:
    """Who says each quotation of an article, and the fuller names the article gives them."""

    by_sentence: dict[int, str]
    full_names: tuple[frozenset[str], ...]  # the name words of each longer name it writes
    common: frozenset[str]

    @classmethod
    def of(cls, sentences: Sequence[Sentence], common: frozenset[str]) -> Speakers:
        """common: words written in lower case in the texts compared (lower_case_words)."""
        names = {
            words
            for s in sentences
            for m in _FULL_NAME.finditer(s.text)
            if len(words := name_words(m.group(), common)) > 1
        }
        return cls(speakers(sentences, common), tuple(sorted(names, key=sorted)), common)

    def words(self, sentence: int) -> frozenset[str]:
        """The name words of the speaker of sentence's quotations (none if unknown), with those of
        every fuller name the article gives them ("Varela" is also "Ana Varela")."""
        name = self.by_sentence.get(sentence)
        if name is None:
            return frozenset()
        words = name_words(name, self.common)
        return words.union(*(full for full in self.full_names if not full.isdisjoint(words)))


@dataclass(frozen=True, slots=True)
class Misattribution:
    """A story quotation found word for word in the wire, put in another speaker's mouth."""

    story: Quote
    wire: Quote
    story_speaker: str
    wire_speaker: str
    excerpt: str  # the story's quotation, or its first words


def misattributed(
    story: Quote,
    said: Speakers,
    wire_quotes: Sequence[tuple[Quote, Speakers]],
    wire: WireQuotes | None = None,
) -> Misattribution | None:
    """The wire quotation that story repeats word for word but gives to someone else, or None.

    Only when the story's sentence names one speaker, and every wire quotation holding the
    story's words names one too, none of them sharing a name word with the story's (first
    names and surnames are widened to the fuller names each text gives). wire: the quotations
    of wire_quotes, in their order, read once (WireQuotes) where many story quotations are checked.
    """
    mine = said.words(story.sentence)
    if len(story.words) < MIN_ATTRIBUTED_WORDS or not mine:
        return None
    wire = wire if wire is not None else WireQuotes([q for q, _ in wire_quotes])
    holding = [(q, by, by.words(q.sentence)) for q, by in (wire_quotes[n] for n in wire.holding(story))]
    if not holding or any(not words or not words.isdisjoint(mine) for _, _, words in holding):
        return None
    quote, theirs, _ = holding[0]
    tokens = list(_WORD.finditer(story.text))
    excerpt = _as_written(story.text, tokens, 0, _WHOLE) + ("…" if len(tokens) > _WHOLE else "")
    speaker, wire_speaker = said.by_sentence[story.sentence], theirs.by_sentence[quote.sentence]
    return Misattribution(story, quote, speaker, wire_speaker, excerpt)


#: Quotations whose runs are kept: one is read for several rules (faithful, a cut, a speaker).
_RUNS_KEPT = 1 << 12


@lru_cache(maxsize=_RUNS_KEPT)
def _runs(text: str) -> tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]:
    """The words of a quotation in the runs an ellipsis or a [bracket] separates, each with the
    words the [brackets] after it add before the next run (none for an ellipsis)."""
    out: list[tuple[tuple[str, ...], tuple[str, ...]]] = []
    added: list[str] = []
    at = 0
    for cut in [*_CUT.finditer(text), None]:
        words = quote_words(text[at : cut.start() if cut else len(text)])
        if words:
            if out:
                out[-1] = (out[-1][0], tuple(added))
            out.append((words, ()))
            added = []
        if cut is None:
            break
        if cut.group().startswith("["):
            added += quote_words(cut.group()[1:-1])
        at = cut.end()
    return tuple(out)


def _segments(text: str) -> list[tuple[str, ...]]:
    """The words of a quotation in the runs an ellipsis or a [bracket] separates."""
    return [words for words, _ in _runs(text)]


#: Stands between words where runs of words are looked for in one string: no word holds it (words
#: are runs of letters, digits, apostrophes and hyphens, or "%"), so a run is found in the joined
#: words exactly where it stands word for word, never inside a word or across a part of one.
_SEP = "\0"


def _joined(words: Iterable[str]) -> str:
    """words, each between two separators: one run of words is in another when its string is."""
    return _SEP + _SEP.join(words) + _SEP


def is_faithful(story: Quote, stream: Sequence[str]) -> bool:
    """Whether each run of the story's quotation appears word for word in stream."""
    joined = _joined(stream)
    return all(_joined(segment) in joined for segment in _segments(story.text))


class WireQuotes:
    """The wire's quotations, read once for every story quotation compared with them.

    A story quotation is looked for in each wire quotation only where the wire quotation holds
    its words (see holding, starts, in_runs): a long story checked against a long wire copy
    compares each of its quotations with the few that can match, not with all.
    """

    def __init__(self, quotes: Sequence[Quote]) -> None:
        self.quotes = tuple(quotes)
        #: Every word of every quotation, in order, as is_faithful reads the wire: a run may go on
        #: from one quotation into the next.
        self.stream = _joined(w for q in self.quotes for w in q.words)
        self._joined = [_joined(q.words) for q in self.quotes]
        self._pairs = [frozenset(pairwise(q.words)) for q in self.quotes]
        #: word -> (quotation, place) of each time a quotation has it, in order.
        self._places: dict[str, list[tuple[int, int]]] = {}
        for n, quote in enumerate(self.quotes):
            for k, word in enumerate(quote.words):
                self._places.setdefault(word, []).append((n, k))
        self._place = {id(q): n for n, q in reversed(list(enumerate(self.quotes)))}

    def place(self, quote: Quote) -> int:
        """The first place of this very quotation (not an equal one) among the wire's."""
        return self._place[id(quote)]

    def faithful(self, story: Quote) -> bool:
        """is_faithful(story, every wire word in order)."""
        return all(_joined(segment) in self.stream for segment in _segments(story.text))

    def holding(self, story: Quote) -> list[int]:
        """The wire quotations holding each run of story word for word (is_faithful), in order."""
        segments = _segments(story.text)
        if not segments:
            return list(range(len(self.quotes)))
        # Each holds every word of the runs: only those holding the word held least are read.
        rarest = min((w for segment in segments for w in segment), key=lambda w: len(self._places.get(w, ())))
        wanted = [_joined(segment) for segment in segments]
        return [
            n
            for n in sorted({n for n, _ in self._places.get(rarest, ())})
            if all(run in self._joined[n] for run in wanted)
        ]

    def starts(self, words: Sequence[str]) -> list[tuple[int, int]]:
        """(quotation, place) of each time a wire quotation has words word for word, in order."""
        wanted = tuple(words)
        # Found through the word of words the wire holds least often ("the" is everywhere).
        at = min(range(len(wanted)), key=lambda j: len(self._places.get(wanted[j], ())))
        return [
            (q, k - at)
            for q, k in self._places.get(wanted[at], ())
            if k >= at and self.quotes[q].words[k - at : k - at + len(wanted)] == wanted
        ]

    def in_runs(self, words: Sequence[str], least: float) -> list[Quote]:
        """The wire quotations that may share runs of two words or more with words (a story
        quotation's) covering at least least of them and holding a content word (see _in_runs),
        in order. Each word of such a run stands beside another word of it in both texts: only
        the words of pairs of words the wire quotation has too are counted."""
        pairs = list(pairwise(words))
        found = sorted({n for w in set(words) if w not in STOPWORDS for n, _ in self._places.get(w, ())})
        out = []
        for n in found:
            shared = [pair in self._pairs[n] for pair in pairs]
            covered = [
                k for k in range(len(words)) if (k > 0 and shared[k - 1]) or (k < len(pairs) and shared[k])
            ]
            if len(covered) >= least and any(words[k] not in STOPWORDS for k in covered):
                out.append(self.quotes[n])
        return out


@dataclass(frozen=True, slots=True)
class Alteration:
    """A story quotation and the wire quotation it was altered from."""

    story: Quote
    wire: Quote
    story_excerpt: str  # the differing stretch of the story's quotation, with some context
    wire_excerpt: str


def _excerpt(quote: Quote, lo: int, hi: int, context: int = 3) -> str:
    """The written words of quote around its normalised words lo..hi."""
    tokens = list(_WORD.finditer(quote.text))
    if not quote.surface or len(tokens) <= _WHOLE:
        return _as_written(quote.text, tokens, 0, len(tokens))
    first = quote.surface[min(lo, len(quote.surface) - 1)]
    last = quote.surface[hi - 1] if hi > lo else first - 1
    a, b = max(0, first - context), min(len(tokens), max(last, first - 1) + 1 + context)
    return ("…" if a > 0 else "") + _as_written(quote.text, tokens, a, b) + ("…" if b < len(tokens) else "")


def _as_written(text: str, tokens: Sequence[re.Match[str]], a: int, b: int) -> str:
    """The words tokens[a:b] of text as the text writes them, the punctuation between them kept
    (a fact-checker quotes the message: it must quote the story exactly)."""
    b = min(b, len(tokens))
    if a >= b:
        return ""
    return " ".join(text[tokens[a].start() : tokens[b - 1].end()].split())


#: The shortest run of words in common that counts toward a quotation's correspondence.
_RUN = 2
#: The share of a story quotation's words a wire quotation must share with it to correspond.
_COVER = 0.6


def _negation_cut(story: Quote, wire: WireQuotes) -> Alteration | None:
    """A story quotation whose first run of words a wire quotation has right after a negation the
    story does not keep, in the quotation or in the few words before it ("No vamos a volver" quoted
    as "Vamos a volver", or "we are not going back" as they were “going back”): a cut that says
    the opposite, the one cut that is a change."""
    segments = _segments(story.text)
    if not segments or NEGATIONS & set(story.lead):
        return None
    found = [(wire.quotes[n], k) for n, k in wire.starts(segments[0])]
    # Where the wire has the words without a negation before them too, the story may quote that.
    if not found or any(k == 0 or quote.words[k - 1] not in NEGATIONS for quote, k in found):
        return None
    quote, k = found[0]
    return Alteration(story, quote, _excerpt(story, 0, 1), _excerpt(quote, k - 1, k + 1))


#: The most words an ellipsis or a [bracket] may stand for where a cut is read for a negation
#: dropped or added: a cut of a few words inside a clause, not of a passage.
_SHORT_CUT = 2


def _negation_across_cut(story: Quote, wire: WireQuotes) -> Alteration | None:
    """A story quotation whose cut turns what a wire quotation says round: an ellipsis standing for
    a few words of the wire that hold its negation ("We are not going back" quoted as "We are …
    going back"), or a [negation] the wire's words have not there ("Everything is on the table"
    quoted as "Everything is [not] on the table"). Only where every place the wire has the two runs
    a short cut apart says so."""
    for (first, added), (then, _) in pairwise(_runs(story.text)):
        negated = any(word in NEGATIONS for word in added)
        places = []  # (quotation, where the cut starts, the wire's words there)
        for n, k in wire.starts(first):
            words, end = wire.quotes[n].words, k + len(first)
            places += [
                (n, end, words[end : end + gap])
                for gap in range(_SHORT_CUT + 1)
                if words[end + gap : end + gap + len(then)] == then
            ]
        if not places:
            continue
        held = [any(word in NEGATIONS for word in gap) for _, _, gap in places]
        if not any(held) if negated else all(held):
            n, end, gap = places[0]
            quote = wire.quotes[n]
            cut = _end_of(story.words, first)
            story_excerpt = _excerpt(story, cut - 1, cut + len(added) + 1)
            return Alteration(story, quote, story_excerpt, _excerpt(quote, end - 1, end + len(gap) + 1))
    return None


def _end_of(words: Sequence[str], run: Sequence[str]) -> int:
    """Where the first time words has run word for word ends (0 if it never does)."""
    n = len(run)
    return next((k + n for k in range(len(words) - n + 1) if tuple(words[k : k + n]) == tuple(run)), 0)


#: A wire quotation a story's corresponds to, how many words they share, and their matcher.
_Match = tuple[int, Quote, difflib.SequenceMatcher[str]]


def _best_match(
    story: Quote, quotes: Sequence[Quote], shared: Callable[[Quote, difflib.SequenceMatcher[str]], int]
) -> _Match | None:
    """The quotation of quotes sharing most of story's words as shared counts them (0 where they
    do not correspond), with its matcher; or None."""
    best: _Match | None = None
    for quote in quotes:
        matcher = difflib.SequenceMatcher(a=story.words, b=quote.words, autojunk=False)
        matched = shared(quote, matcher)
        if matched and (best is None or matched > best[0]):
            best = (matched, quote, matcher)
    return best


def _in_runs(story: Quote) -> Callable[[Quote, difflib.SequenceMatcher[str]], int]:
    """The words a wire quotation shares with story in runs of two or more, when they cover at
    least 60% of story's quotation and hold a content word; else 0."""

    def shared(quote: Quote, matcher: difflib.SequenceMatcher[str]) -> int:
        # Only runs of two words or more count: single words in common ("I", "want") are chance.
        blocks = [b for b in matcher.get_matching_blocks() if b.size >= _RUN or b.size == len(story.words)]
        matched = sum(b.size for b in blocks)
        content = sum(1 for b in blocks for w in story.words[b.a : b.a + b.size] if w not in STOPWORDS)
        return matched if matched >= 2 and content >= 1 and matched >= _COVER * len(story.words) else 0

    return shared


def _of_each(story: Quote) -> Callable[[Quote, difflib.SequenceMatcher[str]], int]:
    """The words a counterpart quotation shares with story, when they are at least 60% of each
    quotation's (and two words or more); else 0."""

    def shared(quote: Quote, matcher: difflib.SequenceMatcher[str]) -> int:
        matched = sum(b.size for b in matcher.get_matching_blocks())
        return matched if matched >= 2 and matched >= _COVER * max(len(story.words), len(quote.words)) else 0

    return shared


def altered_from(
    story: Quote, wire_quotes: WireQuotes | Sequence[Quote], counterparts: Sequence[Quote] = ()
) -> Alteration | None:
    """The wire quotation story corresponds to but changes, or None.

    It corresponds to the wire quotation sharing most of its words in runs of
    two or more, when those cover at least 60% of the story's quotation
    including a content word; failing one, to the quotation of counterparts
    (those in the wire sentences linked to the story's) sharing most words,
    when those cover at least 60% of each: the sentence is the wire's, so a
    short quotation whose runs in common are all small words ("It was [not]
    arson", "We are [certain] sure of that") is its counterpart changed.
    """
    if len(story.words) < MIN_WORDS:
        return None
    wire = wire_quotes if isinstance(wire_quotes, WireQuotes) else WireQuotes(wire_quotes)
    cut = _negation_cut(story, wire) or _negation_across_cut(story, wire)
    if cut is not None:
        return cut
    if wire.faithful(story):
        return None
    candidates = wire.in_runs(story.words, max(2, _COVER * len(story.words)))
    best = _best_match(story, candidates, _in_runs(story))
    best = best or _best_match(story, counterparts, _of_each(story))
    if best is None:
        return None
    _, quote, matcher = best
    # Wire words before or after the stretch the story quotes are a cut, not a change.
    edges = {0, len(story.words)}
    # Nor is a compound written as one word or two ("bear hug", "bearhug").
    changes = [
        (tag, i1, i2, j1, j2)
        for tag, i1, i2, j1, j2 in matcher.get_opcodes()
        if tag != "equal"
        and not (tag == "insert" and i1 in edges)
        and not (tag == "replace" and "".join(story.words[i1:i2]) == "".join(quote.words[j1:j2]))
    ]
    if not changes:  # the same words, only cut differently at an ellipsis
        return None
    # The excerpts run from the first change to the last, so every change is shown.
    (_, i1, _, j1, _), (_, _, i2, _, j2) = changes[0], changes[-1]
    return Alteration(story, quote, _excerpt(story, i1, i2), _excerpt(quote, j1, j2))
