"""Changes between two linked sentences that can flip what they say.

A word diff (case folded) between the two sides is read edit by edit. Each
edit is checked for what it touches: a negation added or removed, a name or a
modal verb whose value differs between the sides. A long edit is a clause
gained or lost or a stretch reworded: what it says is new or gone, and no word
in it can be said to flip, so it flags nothing; nor does a name only added or
only removed (one flips when another replaces it). Names compare without
accents: "Rodriguez" and "Rodríguez" are one name. English and Spanish word
lists; names are capitalised words that do not open a sentence.

Numbers and dates are figures, read and paired as check's changed-figure rule
reads and pairs them (align.figures, align.figurepairs): a figure standing
where the other side had another of its kind flags a changed number, or date.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from provtrace.abbreviations import TITLES
from provtrace.align.figurepairs import LOCAL_WORDS, changed_figures
from provtrace.align.figures import DATE_KINDS
from provtrace.align.figurewords import MAGNITUDES, MONTH_NUMBERS, UNITS, WEEKDAY_NUMBERS, YEARS
from provtrace.align.flipwords import (
    IRREGULAR,
    MODAL_CONTRACTIONS,
    MODAL_SUFFIXES,
    MODALS,
    NEGATING_VERBS,
    NEGATION_SUFFIXES,
    NEGATIONS,
    OPPOSITES,
)
from provtrace.align.measures import CURRENCY_CODES
from provtrace.align.names import GENERIC_NOUNS, QUALIFIERS, SUBJECT_NOUNS, one_name
from provtrace.align.normalize import STOPWORDS, fold, numbers_to_digits, stem, surface
from provtrace.models import Change

#: Edits this few unchanged words apart are one phrase when a modal is weighed ("could not confirm").
PHRASE_GAP = 2
#: Two words agreeing on this many first letters (or on the whole of the shorter) are taken as forms
#: of one verb when only a modal beside them changed: "could shave" -> "shaves" hedges less.
VERB_ROOT = 4
#: Texts (and pairs of texts) whose reading is kept: a story's sentences recur in many links.
_TEXTS_KEPT = 1 << 14
#: The stretches between words whose reading is kept: a space, a comma, a full stop ... are most.
_GAPS_KEPT = 1 << 12

_TOKEN = re.compile(r"\d+(?:[.,]\d+)*|\w+(?:['’]\w+)*")
_POSSESSIVE = re.compile(r"'s?$")
#: Capitalised, still no name: a common word, a negation, a modal, or a generic noun ("the Island").
_COMMON = STOPWORDS | NEGATIONS | MODALS | GENERIC_NOUNS
#: Short words whose stop opens no name after them: titles, and "St." of a saint's or a street's.
_BEFORE_NAMES = TITLES | {"st", "fr", "sr", "jr"}
#: A word opens a sentence at the start, after a full stop and a space (not after
#: a closing quote: in '"... not anymore!" Trump wrote' the name is mid-sentence), or on a new
#: line (the sentences of a link are read one a line).
_SENTENCE_OPENING = re.compile(r"(?:^|[.!?:;]\s+|\n\s*)[\"“‘'«(\[—–-]*$")


@dataclass(frozen=True, slots=True)
class _Token:
    key: str  # case-folded, as compared
    kinds: frozenset[Change]
    value: str  # what is compared within a kind: the word without case, accents or possessive
    #: A capitalised common noun standing for a name ("the Island" for Cuba): see align.names.
    epithet: bool = False


def _is_number(word: str) -> bool:
    return word[0].isdigit() or numbers_to_digits(word) != word


def _month(words: Sequence[str], n: int) -> bool:
    return 0 <= n < len(words) and words[n].casefold() in MONTH_NUMBERS


def _of(words: Sequence[str], n: int) -> bool:
    """ "3 of March", "3 de marzo"."""
    return 0 <= n < len(words) and words[n].casefold() in ("of", "de")


def _counted(words: Sequence[str], n: int) -> bool:
    """The word follows a figure or its scale: "nine days", "4.5 million years"."""
    if n == 0:
        return False
    before = words[n - 1].casefold()
    return _is_number(before) or before in MAGNITUDES


def _kinds(words: Sequence[str], n: int, opening: bool) -> frozenset[Change]:
    """What a word may flip; opening: it opens a sentence."""
    word = words[n]
    key = word.casefold()
    out: set[Change] = set()
    after_digits = n + 1 < len(words) and words[n + 1][0].isdigit()
    before_digits = n > 0 and words[n - 1][0].isdigit()
    if word == "No" and after_digits:
        pass  # "No. 10 Downing Street", "ranked No. 4": a number's sign, no negation
    elif key in NEGATIONS or key.endswith(NEGATION_SUFFIXES):
        out.add(Change.NEGATION)
    elif key in NEGATING_VERBS and n + 1 < len(words) and words[n + 1].casefold() == "to":
        out.add(Change.NEGATION)  # "failed to protect": "did not protect"
    month = word == "May" and (after_digits or before_digits)  # "May 14", "14 May": no modal
    if (key in MODALS or key in MODAL_CONTRACTIONS or key.endswith(MODAL_SUFFIXES)) and not month:
        out.add(Change.MODAL)
    near_month = _month(words, n - 1) or _month(words, n + 1) or (_month(words, n + 2) and _of(words, n + 1))
    if word[0].isdigit() and (near_month or (word.isdecimal() and int(word) in YEARS)):
        out.add(Change.DATE)
    elif (
        _is_number(key)
        or key in MAGNITUDES
        or (key in UNITS and _counted(words, n))
        or (word in CURRENCY_CODES and (after_digits or before_digits))  # "EUR 4.5 million": no name
    ):
        out.add(Change.NUMBER)  # a figure, its scale ("million") or the unit it counts in
    elif (key in MONTH_NUMBERS or key in WEEKDAY_NUMBERS) and (word[0].isupper() or key != "may"):
        out.add(Change.DATE)
    elif word[0].isupper() and (
        key in QUALIFIERS  # "South" of "South Sudan", "New" of "New York", wherever it stands
        or (
            # an opening word in capitals before a capitalised one is a dateline's place ("KINGSPORT,
            # Maine"); an opening word in lower case letters may be a name ("Ricardo Salcedo") or not
            # ("Senior Democrats", "Early Monday"), which no rule without a dictionary tells
            (not opening or (len(word) > 2 and word.isupper() and _name_follows(words, n)))
            and key not in _COMMON
        )
    ):
        out.add(Change.NAME)
    return frozenset(out)


def _name_follows(words: Sequence[str], n: int) -> bool:
    """Whether the next word after word n is capitalised too, where a sentence no longer asks for it
    (after an opening "KINGSPORT", the "Maine" of a dateline)."""
    if n + 1 >= len(words):
        return False
    following = words[n + 1]
    return following[0].isupper() and following.casefold() not in STOPWORDS and not _is_number(following)


@dataclass(frozen=True, slots=True)
class _Scanned:
    """A text's words, whether each opens a sentence, and each as compared."""

    words: tuple[str, ...]
    openings: tuple[bool, ...]
    keys: tuple[str, ...]
    #: The tokens read so far, by position: a scanned text is shared by every link it is in.
    read: dict[int, _Token] = field(default_factory=dict, compare=False)

    def tokens(self, start: int, end: int) -> list[_Token]:
        """The words start..end with their kinds (read only where an edit is, as it costs)."""
        out = []
        for n in range(start, end):
            token = self.read.get(n)
            if token is None:
                word, opening = self.words[n], self.openings[n]
                key, value = _forms(word)
                epithet = key in GENERIC_NOUNS and word[0].isupper() and not opening
                token = self.read[n] = _Token(key, _kinds(self.words, n, opening), value, epithet)
            out.append(token)
        return out


#: What may stand between two words of one name: spaces, and the quote marks of a nickname
#: (Paul "Bonehead" Arthurs); not a comma ("Cuba, Venezuela and Bolivia").
_NAME_GAP = frozenset(" \u00a0\"“”'‘’")
#: What may stand between two words of one stretch of a sentence (see _article_words).
_PLAIN_GAP = frozenset(" \t\u00a0,.”’»")


@lru_cache(maxsize=_TEXTS_KEPT)
def _scan(text: str) -> _Scanned:
    """The text's words (a sentence is in many links: it is read once)."""
    words, gaps = _split(text)
    return _Scanned(words, _openings(words, gaps), tuple(map(_key, words)))


def _split(text: str) -> tuple[tuple[str, ...], list[str]]:
    """The text's words, and the stretch before each (none of it a word character)."""
    text = unicodedata.normalize("NFC", text)
    return tuple(_TOKEN.findall(text)), _TOKEN.split(text)[:-1]


def _openings(words: Sequence[str], gaps: Sequence[str]) -> tuple[bool, ...]:
    """Whether each word opens a sentence (see _SENTENCE_OPENING)."""
    # Only the stretch since the previous word can hold the opening: the stretches between
    # words, read once each for the few there are.
    openings = (*map(_opens_text, gaps[:1]), *map(_opens_after_word, gaps[1:]))
    # The stop of an initial or a title opens nothing: "Ana J. Varela", "Dr. Mora".
    return tuple(
        opens
        and not (
            n and gaps[n].startswith(".") and _abbreviation(words[n - 1]) and not _initialism(words, gaps, n)
        )
        for n, opens in enumerate(openings)
    )


def _initialism(words: Sequence[str], gaps: Sequence[str], n: int) -> bool:
    """Whether the word before word n ends an initialism written with stops and no spaces ("U.S.",
    "D.C."), which may end a sentence ("He moved to the U.S. Officials said"), unlike an initial."""
    return n >= 2 and gaps[n - 1] == "." and len(words[n - 2]) == 1 and words[n - 2].isupper()


def _abbreviation(word: str) -> bool:
    """An initial ("J") or a title written short before a name ("Dr", "Gen", "Sen")."""
    return (len(word) == 1 and word.isupper()) or (word[:1].isupper() and word.lower() in _BEFORE_NAMES)


@lru_cache(maxsize=_GAPS_KEPT)
def _opens_text(gap: str) -> bool:
    """Whether the word after gap, the text's first, opens a sentence (nothing but gap before it)."""
    return _SENTENCE_OPENING.search(gap) is not None


@lru_cache(maxsize=_GAPS_KEPT)
def _opens_after_word(gap: str) -> bool:
    """Whether the word after gap, which follows another word, opens a sentence.

    Searched as in the text itself: from just after the word (where "^" cannot match) to the next.
    """
    return _SENTENCE_OPENING.search(" " + gap, 1) is not None


@lru_cache(maxsize=1 << 16)
def _key(word: str) -> str:
    """A word as compared (see _forms)."""
    return _forms(word)[0]


#: Letters of Ukrainian and Belarusian Cyrillic (after fold: "ї" is "і") to the Russian letter
#: a name is spelled with there ("Ірина" is "Ирина", "Євгенія" "Евгения"): a name in a
#: translation between the two is no other name.
_EAST_SLAVIC = str.maketrans("ієґў", "иегу")


@lru_cache(maxsize=1 << 16)
def _forms(word: str) -> tuple[str, str]:
    """A word as compared (case, quotes and dashes folded) and as valued (also accents and possessive,
    and a Ukrainian or Belarusian letter as its Russian counterpart)."""
    # A word (_TOKEN) holds no space, dash or quote mark but "'" and "’": in ASCII, surface() is lower().
    if word.isascii():
        key = word.lower()
        return key, _POSSESSIVE.sub("", fold(key))
    key = surface(word)
    return key, _POSSESSIVE.sub("", fold(key)).translate(_EAST_SLAVIC)


def _values(tokens: Iterable[_Token], kind: Change) -> Counter[str]:
    picked = [t.value for t in tokens if kind in t.kinds]
    if kind is Change.NEGATION:
        picked = ["negation"] * len(picked)  # "not" for "never" keeps the sense
    elif kind is Change.NAME:
        picked = [stem(name) for name in picked]  # "Cubans" and "Cuban" are one name
    elif kind is Change.MODAL:
        picked = [_modal(word) for word in picked]  # "won't" is "will" (and a negation)
    return Counter(picked)


#: Contracted modals whose form is not the modal and "n't": "won't" is "will".
_CONTRACTED = {"won't": "will", "cannot": "can", "can't": "can", "shan't": "shall"}


def _modal(word: str) -> str:
    """The modal a word holds, its contraction undone: "won't" and "we'll" are "will", "can't" and
    "cannot" are "can", "couldn't" is "could"."""
    word = word.replace("’", "'")
    if word in _CONTRACTED:
        return _CONTRACTED[word]
    if word.endswith("'ll"):
        return "will"
    return word.removesuffix("n't")


@dataclass(frozen=True, slots=True)
class ArticleWords:
    """How an article writes its words (each as valued: see _forms): those it writes capitalised
    after another word with only spaces between and never in lower case (its names), and those
    it writes in lower case."""

    names: frozenset[str]
    lower: frozenset[str]
    #: Two capitalised words it writes side by side, in order: parts of one name ("tomas", "salcedo").
    joined: frozenset[tuple[str, str]]

    def one_person(self, a: str, b: str) -> bool:
        """Whether the article writes a and b as parts of one name ("Tomas Salcedo")."""
        return (a, b) in self.joined or (b, a) in self.joined


#: A line of this many words or more none of which but stopwords is in lower case is in title case
#: ("Port Strike Ends As Union Accepts Offer"): its capitals say nothing of names.
_TITLE_WORDS = 3


def article_words(sentences: Sequence[str]) -> ArticleWords:
    """ArticleWords of an article's sentences."""
    return _article_words(tuple(sentences))


@lru_cache(maxsize=256)
def _article_words(sentences: tuple[str, ...]) -> ArticleWords:
    names: set[str] = set()
    lower: set[str] = set()
    joined: set[tuple[str, str]] = set()
    for text in sentences:
        words, gaps = _split(text)  # not kept by _scan: each sentence is read once here
        openings = _openings(words, gaps)
        # Nothing but spaces, a comma, the stop of an initial or a closing quote mark before a word
        # (no opening quote mark, bracket, dash or colon: what may open a quotation or follow a
        # dateline), after another word: a capitalised word there is mid-sentence.
        spaced = [n > 0 and _PLAIN_GAP.issuperset(gap) for n, gap in enumerate(gaps)]
        values = [_forms(w)[1] for w in words]
        capital = [w[0].isalpha() and w[0].isupper() for w in words]
        common = [v for w, v in zip(words, values, strict=True) if w[0].islower() and v not in STOPWORDS]
        titled = not common and sum(capital) >= _TITLE_WORDS
        for n, word in enumerate(words):
            if word[0].islower():
                lower.add(values[n])
            elif capital[n] and spaced[n] and not openings[n] and not titled:
                names.add(values[n])
        joined.update(
            (values[n], values[n + 1])
            for n in range(len(words) - 1)
            if capital[n] and capital[n + 1] and _NAME_GAP.issuperset(gaps[n + 1])
        )
    return ArticleWords(frozenset(names - lower), frozenset(lower), frozenset(joined))


#: How each side's article writes its words, read only when asked (it reads the whole articles).
WordsOf = Callable[[], tuple[ArticleWords, ArticleWords]]


def meaning_changes(
    old: str, new: str, *, close: bool = True, words: WordsOf | None = None
) -> tuple[Change, ...]:
    """The meaning flips between two versions of a sentence, in Change order.

    What the edits remove is weighed against what they add, over the whole
    sentence, so a name that only moved flags nothing. Numbers and dates are
    figures, compared as check compares them (align.figurepairs): close says
    the two are near-identical (an altered link, not a paraphrase). words, how
    each side's article writes its words, also tells a name opening a sentence
    ("Salcedo said" made "Salazar said"; see _opening_swaps).
    """
    found, openings = _changes(old, new, close)
    if words is None or not openings or Change.NAME in found or not close:
        return found
    old_words, new_words = words()
    if not any(_names_swapped(gone, came, old_words, new_words) for gone, came in openings):
        return found
    return tuple(kind for kind in Change if kind in found or kind is Change.NAME)


def _names_swapped(gone: str, came: str, old: ArticleWords, new: ArticleWords) -> bool:
    """Whether a word opening a sentence, put in place of another opening it (see _opening_swaps),
    swaps one name for another: one of the two is a name its article writes elsewhere, neither
    article writes either in lower case, and neither article writes the two as one name."""
    if not (gone in old.names or came in new.names):
        return False
    if any(word in lower for word in (gone, came) for lower in (old.lower, new.lower)):
        return False
    return not old.one_person(gone, came) and not new.one_person(gone, came)


#: Words that are never a name on their own, whatever their case: common words, a short title
#: ("Mr", "Miss"), a month or a day, and nouns that often open a sentence as its subject.
_NO_NAMES = (
    _COMMON
    | SUBJECT_NOUNS
    | TITLES
    | {"miss", "sir", "dame", "lord", "lady"}
    | MONTH_NUMBERS.keys()
    | WEEKDAY_NUMBERS.keys()
)
#: A word of letters (an apostrophe between them: "O'Brien"), with a possessive or not.
_LETTERS = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")


#: The most words either side of an edit opening a sentence may hold for its names to be read as
#: put in place of one another ("Salcedo said" -> "Tomas Salazar said", "Mr Salazar said").
_OPENING_EDIT = 3


def _opening_swaps(
    a: _Scanned, b: _Scanned, opcodes: Iterable[tuple[str, int, int, int, int]]
) -> tuple[tuple[str, str], ...]:
    """The words that may be names put in place of one another where an edit of a few words
    (_OPENING_EDIT) replaces the opening of a sentence, the words after it kept ("Salcedo said" ->
    "Salazar said", "Tomas Salazar said", "Salazar, 54, said"; see _last_name): by their writing
    alone, capitalised, letters only, not all in capitals (a tabloid's lead, "SOCCER star"), no
    common word, short title, month or day, and not one name (see names.one_name). Each as valued."""
    found = []
    for tag, i1, i2, j1, j2 in opcodes:
        if tag != "replace" or max(i2 - i1, j2 - j1) > _OPENING_EDIT or min(i2 - i1, j2 - j1) != 1:
            continue
        if not (a.openings[i1] and b.openings[j1]):
            continue
        gone, came = _last_name(a.words[i1:i2]), _last_name(b.words[j1:j2])
        if gone and came and not one_name([gone], [came]):
            found.append((gone, came))
    return tuple(found)


def _last_name(words: Sequence[str]) -> str:
    """The last word that may be a name of words that hold nothing in lower case (a name with its
    title, first name or age: "Mr Salazar", "Tomas Salazar", "Salazar, 54"), as valued; else ""."""
    if any(word[0].islower() for word in words):
        return ""  # "Miss Evans said", "The Bath player": more than a name put in place of one
    names = [word for word in words if _may_name(word)]
    return _forms(names[-1])[1] if names else ""


def _may_name(word: str) -> bool:
    return (
        word[0].isupper()
        and _LETTERS.fullmatch(word) is not None
        and not (len(word) > 1 and word.isupper())
        and _forms(word)[1] not in _NO_NAMES
    )


@lru_cache(maxsize=_TEXTS_KEPT)
def _changes(old: str, new: str, close: bool) -> tuple[tuple[Change, ...], tuple[tuple[str, str], ...]]:
    """meaning_changes without the articles, and the opening words that may be names put in place
    of one another (_opening_swaps), read once for each pair of texts (a pair recurs across
    versions of a story)."""
    found = {
        Change.DATE if p.old.kind in DATE_KINDS and p.new.kind in DATE_KINDS else Change.NUMBER
        for p in changed_figures(old, new, close=close)
    }
    a, b = _scan(old), _scan(new)
    if a.keys == b.keys:  # only case, quotes, punctuation or a figure's sign differ
        return tuple(kind for kind in Change if kind in found), ()
    matcher = difflib.SequenceMatcher(a=a.keys, b=b.keys, autojunk=False)
    removed: list[_Token] = []
    added: list[_Token] = []
    edits: list[tuple[list[_Token], list[_Token]]] = []
    local: list[tuple[int, int, int, int]] = []  # where each edit is
    opcodes = matcher.get_opcodes()
    for tag, i1, i2, j1, j2 in opcodes:
        if tag == "equal" or max(i2 - i1, j2 - j1) > LOCAL_WORDS:
            continue
        old_words, new_words = a.tokens(i1, i2), b.tokens(j1, j2)
        removed += old_words
        added += new_words
        edits.append((old_words, new_words))
        local.append((i1, i2, j1, j2))
    touched = {kind for token in removed + added for kind in token.kinds}
    if Change.NEGATION in touched and _values(removed, Change.NEGATION) != _values(added, Change.NEGATION):
        found.add(Change.NEGATION)
    elif any(_reversed(old_words, new_words) for old_words, new_words in edits):
        found.add(Change.NEGATION)  # "said" -> "denied": the sense turned round, as by "not"
    elif any(_up_or_down(a, b, *where) for where in local):
        found.add(Change.NEGATION)  # "up 5 percent" -> "down 5 percent"
    modal_moved = Change.MODAL in touched and _values(removed, Change.MODAL) != _values(added, Change.MODAL)
    if modal_moved and any(_modal_flipped(old, new) for old, new in _phrases(a, b, opcodes)):
        found.add(Change.MODAL)
    names = Change.NAME in touched
    swapped = names and _name_swapped(
        a, b, edits, _values(removed, Change.NAME), _values(added, Change.NAME), epithets=close
    )
    if swapped or (names and any(_requalified(a, b, *where) for where in local)):
        found.add(Change.NAME)
    return tuple(kind for kind in Change if kind in found), _opening_swaps(a, b, opcodes)


def _up_or_down(a: _Scanned, b: _Scanned, i1: int, i2: int, j1: int, j2: int) -> bool:
    """Whether an edit puts "up" for "down" (or the reverse) before a figure: "shares were up 5
    percent" -> "down 5 percent"; not in a phrasal verb ("broke down" -> "broke up")."""
    if i2 - i1 != 1 or j2 - j1 != 1 or {a.keys[i1], b.keys[j1]} != {"up", "down"}:
        return False
    return i2 < len(a.words) and _is_number(a.words[i2]) and j2 < len(b.words) and _is_number(b.words[j2])


def _reversed(old: Sequence[_Token], new: Sequence[_Token]) -> bool:
    """Whether an edit puts a word in the place of its opposite ("rose" -> "fell")."""
    if not old or not new or len(old) != len(new):
        return False
    return any(frozenset((a.key, b.key)) in OPPOSITES for a, b in zip(old, new, strict=True))


def _phrases(
    a: _Scanned, b: _Scanned, opcodes: Sequence[tuple[str, int, int, int, int]]
) -> Iterable[tuple[list[_Token], list[_Token]]]:
    """The edits, those apart by at most PHRASE_GAP unchanged words taken as one: "could [not] confirm"
    -> "were [not] clear on" is one reworded phrase, not a modal swapped for "were"."""
    old: list[_Token] = []
    new: list[_Token] = []
    for tag, i1, i2, j1, j2 in opcodes:
        if tag != "equal":
            old += a.tokens(i1, i2)
            new += b.tokens(j1, j2)
        elif i2 - i1 > PHRASE_GAP and (old or new):
            yield old, new
            old, new = [], []
    if old or new:
        yield old, new


def _modal_flipped(old: Sequence[_Token], new: Sequence[_Token]) -> bool:
    """Whether one edit changes a modal and nothing else: "could shave" -> "shaves", "may" -> "will".
    A modal reworded away with its verb ("could not confirm" -> "were not clear on") is a paraphrase."""
    before, after = _values(old, Change.MODAL), _values(new, Change.MODAL)
    if before == after:
        return False
    if before and after:  # one modal in place of another
        return True
    old_rest, new_rest = (
        [t.value for t in side if not t.kinds and t.key not in STOPWORDS] for side in (old, new)
    )
    return len(old_rest) == len(new_rest) and all(map(_one_verb, old_rest, new_rest))


def _one_verb(a: str, b: str) -> bool:
    """Two forms of one word: "shave" and "shaves", "went" and "gone", "firmar" and "firma"."""
    a, b = IRREGULAR.get(a, a), IRREGULAR.get(b, b)
    shorter = min(len(a), len(b))
    return a[: min(shorter, VERB_ROOT)] == b[: min(shorter, VERB_ROOT)]


def _name_swapped(
    a: _Scanned,
    b: _Scanned,
    edits: Sequence[tuple[list[_Token], list[_Token]]],
    removed: Counter[str],
    added: Counter[str],
    *,
    epithets: bool,
) -> bool:
    """Whether one edit puts a name in place of another (a name that only moved does not count).

    Where epithets, a name and an epithet put in place of each other ("the Island" and
    "Halvorsen") are a swap too, unless the epithet's text names the name elsewhere, as the
    thing the epithet stands for ("Cuba" and "the Cuban Government ... the Island"). Only in
    near-identical sentences: a paraphrase's edits are loose, and a name it adds ("told
    Reuters") seldom stands where the epithet stood ("returned to the Island").
    """
    for old, new in edits:
        gone = _values(old, Change.NAME) - added
        came = _values(new, Change.NAME) - removed
        if gone and came and not one_name(_spelled(old, gone), _spelled(new, came)):
            return True
        if not epithets:
            continue
        if came and not gone and any(t.epithet for t in old) and not _named(a, _spelled(new, came)):
            return True
        if gone and not came and any(t.epithet for t in new) and not _named(b, _spelled(old, gone)):
            return True
    return False


def _named(text: _Scanned, names: Sequence[str]) -> bool:
    """Whether the text names each of names (lower-cased words) somewhere, in some form of it."""
    held = [t.value for t in text.tokens(0, len(text.words)) if Change.NAME in t.kinds]
    return all(any(one_name([name], [other]) for other in held) for name in names)


def _spelled(tokens: Sequence[_Token], names: Counter[str]) -> list[str]:
    """The names of tokens whose stems are among names, as written (lower-cased): a stem has
    lost the ending that tells "Indiana" from "India"."""
    return sorted(t.value for t in tokens if Change.NAME in t.kinds and stem(t.value) in names)


def _requalified(a: _Scanned, b: _Scanned, i1: int, i2: int, j1: int, j2: int) -> bool:
    """Whether the edit a[i1:i2] -> b[j1:j2] puts a qualifier before a name, takes one away or
    changes it, so that the name names another place: "Sudan" -> "South Sudan", "North Korea" -> "Korea"."""
    if _qualifiers(a, i1, i2) == _qualifiers(b, j1, j2):
        return False
    return _capitalised(a, i2) or _capitalised(b, j2)


def _qualifiers(text: _Scanned, start: int, end: int) -> list[str]:
    """The capitalised qualifiers ("South", "New") among the words start..end, sorted."""
    return sorted(
        k
        for k, w in zip(text.keys[start:end], text.words[start:end], strict=True)
        if k in QUALIFIERS and w[0].isupper()
    )


def _capitalised(text: _Scanned, n: int) -> bool:
    """Whether the text's word n exists and is capitalised, not opening a sentence (a name)."""
    return n < len(text.words) and text.words[n][0].isupper() and not text.openings[n]
