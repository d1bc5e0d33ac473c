"""Rule-based sentence splitting for news story text.

The splitter works line by line: a line break always ends a sentence, and
within a line every run of terminal punctuation (``. ! ? …``, the Chinese and
Japanese ``。！？`` and the Arabic ``؟``) is a candidate
boundary that is accepted or rejected by a few local rules (abbreviations,
initials, decimals, quotations, numbered list labels). Every rule only looks
at a bounded window around the candidate, so running time is linear in the
input length.
"""

import re
import unicodedata

from provtrace.abbreviations import TITLES

__all__ = ["split_sentences"]

# A candidate boundary: a whole run of terminal punctuation, optional closing
# quotes or brackets, then either the (already collapsed) single space or a
# glued capitalised word. Candidates followed by an ASCII lowercase word are
# rejected here, in C, because that is by far the most common case. The
# lookbehind and possessive quantifiers keep matching linear on long runs.
_CANDIDATE_RE = re.compile(
    r"(?<![.!?…。！？؟])(?P<term>[.!?…。！？؟]++)(?P<close>[”\"’'»)\]}」』）]*+)"
    r"(?:(?P<space> )(?![a-z](?![A-Z]))|(?=[A-Z][a-z]|[^\x00-\x7f]))"
)
# Full stops of scripts written without spaces (Chinese, Japanese): a boundary
# wherever they stand, glued to the next sentence or not.
_UNSPACED_TERMS = frozenset("。！？")
# The word before a period, read backwards: letters and inner dots.
_REVERSED_TOKEN_RE = re.compile(r"(?:[^\W\d_]|\.)*")
_URL_MARK_RE = re.compile(r"[/@]|www", re.IGNORECASE)
_WORD_RE = re.compile(r"[^\W\d_]+")
_MULTI_DOT_RE = re.compile(r"(?:[^\W\d_]{1,2}\.)+[^\W\d_]{1,2}")
_LIST_LABEL_RE = re.compile(r"\d{1,3}|[^\W\d_]|[IVX]{1,4}")
# Speech verbs after a quoted question/exclamation mark an attribution
# ("Is it over?" Mora asked.) rather than a new sentence.
_ATTRIBUTION_RE = re.compile(
    r"(?:[^\W\d_][\w'’.-]* ){1,3}"
    r"(?:said|says|asked|asks|added|adds|told|wrote|writes|replied|replies"
    r"|shouted|yelled|cried|exclaimed|demanded|wondered|insisted|declared"
    r"|warned|tweeted|posted|recalled|continued|explained|argued|noted)\b"
)

_QUOTES = frozenset("”\"’'»")
_CLOSERS = frozenset("”\"’'»)]}」』）")
_OPENERS = frozenset("“\"‘'«([{¿¡")
_SCAN_LIMIT = 32
_WINDOW = 120

# fmt: off
# Words that usually begin a new sentence; used to decide whether an
# abbreviation that can also end a sentence ("U.S.", "a.m.", "etc.") does.
_SENTENCE_STARTERS = frozenset({
    "The", "A", "An", "In", "On", "At", "It", "He", "She", "They", "We", "I",
    "But", "This", "That", "These", "Those", "There", "His", "Her", "Their",
    "Its", "After", "Before", "While", "When", "As",
})
# Capitalised abbreviations that never end a sentence in news copy.
_CASED_NEVER_FINAL = TITLES | frozenset({
    "mt", "ft", "jan", "feb", "mar", "apr", "jun", "jul",
    "aug", "sep", "sept", "oct", "nov", "dec",
})
# Capitalised abbreviations that may also end a sentence: company suffixes,
# street words and the US state abbreviations used in datelines.
_CASED_AMBIGUOUS = frozenset({
    "st", "jr", "sr", "inc", "corp", "co", "ltd", "bros", "assn", "ave",
    "blvd", "rd", "dept", "univ", "ala", "ariz", "ark", "calif", "colo",
    "conn", "del", "fla", "ga", "ill", "ind", "kan", "kans", "ky", "la", "md",
    "mass", "mich", "minn", "miss", "mo", "mont", "neb", "nev", "okla", "ore",
    "pa", "tenn", "tex", "va", "vt", "wash", "wis", "wyo",
})
# fmt: on
# Abbreviations recognised in any case.
_ANYCASE_NEVER_FINAL = frozenset({"vs", "approx", "est", "cf", "viz"})
_ANYCASE_AMBIGUOUS = frozenset({"etc", "al"})
_MULTI_DOT_NEVER_FINAL = frozenset({"e.g", "i.e"})

_NEVER = "never"
_AMBIGUOUS = "ambiguous"


def split_sentences(text: str) -> list[str]:
    """Split story text (paragraphs separated by newlines) into sentences, in order.

    Line breaks always end a sentence, blank lines are dropped and runs of
    whitespace inside a sentence are collapsed to a single space.
    """
    sentences: list[str] = []
    for raw_line in text.splitlines():
        line = " ".join(raw_line.split())
        if line:
            sentences.extend(_split_line(line))
    return sentences


def _split_line(line: str) -> list[str]:
    """Split one whitespace-normalised line into sentences."""
    pieces: list[str] = []
    start = 0
    for match in _CANDIDATE_RE.finditer(line):
        if _is_boundary(line, match):
            piece = line[start : match.end("close")].strip()
            if piece:
                pieces.append(piece)
            start = match.end()
    rest = line[start:].strip()
    if rest:
        pieces.append(rest)
    return pieces


def _is_boundary(line: str, match: re.Match[str]) -> bool:
    """Decide whether the candidate ``match`` ends a sentence."""
    term, close, space = match.group("term", "close", "space")
    if term[-1] in _UNSPACED_TERMS:
        return True
    if not space:
        return _is_glued_boundary(line, match)
    nxt = match.end()
    if not _is_plausible_start(line, nxt):
        return False
    has_quote = not _QUOTES.isdisjoint(close)
    if has_quote and term[-1] in "?!" and _is_attribution(line, nxt):
        return False
    if term != ".":
        return True
    dot = match.start()
    if dot <= 5 and _LIST_LABEL_RE.fullmatch(line, 0, dot):
        return False
    if has_quote:
        # A closing quote after the period ends the quotation, so even
        # 'He said "No." Then' is a boundary.
        return True
    kind = _abbreviation_kind(line, dot, nxt)
    if kind == _NEVER:
        return False
    if kind == _AMBIGUOUS:
        word = _WORD_RE.match(line, nxt, nxt + _SCAN_LIMIT)
        return word is not None and word.group() in _SENTENCE_STARTERS
    return True


def _is_glued_boundary(line: str, match: re.Match[str]) -> bool:
    """Detect a missing space after a period, as in ``he said.The port``."""
    if match.group("term") != ".":
        return False
    dot = match.start()
    nxt = match.end()
    if dot == 0 or nxt + 1 >= len(line):
        return False
    before = line[dot - 1]
    if not (before.islower() or before in _CLOSERS):
        return False
    if not (_is_upper(line[nxt]) and line[nxt + 1].islower()):
        return False
    if _abbreviation_kind(line, dot, nxt) is not None:
        return False
    # URLs, e-mail addresses and paths contain dots that are not boundaries.
    window = max(0, dot - _WINDOW)
    left = line.rfind(" ", window, dot) + 1 or window
    right = line.find(" ", nxt, nxt + _WINDOW)
    token = line[left : right if right >= 0 else nxt + _WINDOW]
    return _URL_MARK_RE.search(token) is None


def _abbreviation_kind(line: str, dot: int, nxt: int) -> str | None:
    """Classify the word before the period at ``dot`` as an abbreviation.

    Returns ``_NEVER`` for abbreviations that never end a sentence,
    ``_AMBIGUOUS`` for ones that might, and ``None`` for ordinary words.
    """
    window = line[max(0, dot - _SCAN_LIMIT) : dot][::-1]
    reversed_token = _REVERSED_TOKEN_RE.match(window)
    token = reversed_token.group()[::-1].lstrip(".") if reversed_token else ""
    if not token:
        return None
    if "." in token:
        if _MULTI_DOT_RE.fullmatch(token):
            return _NEVER if token.lower() in _MULTI_DOT_NEVER_FINAL else _AMBIGUOUS
        # Only the last word counts when a missing space glued two together.
        token = token.rsplit(".", 1)[1]
    if len(token) == 1:
        # A capital glued to a number or a degree sign is a unit ("40C.", "104°F."), not an initial.
        before = line[dot - 2] if dot >= 2 else ""
        return _AMBIGUOUS if _is_upper(token) and not (before.isdigit() or before == "°") else None
    low = token.lower()
    if low == "no":
        # "No. 1" is an abbreviation; "No. Then" is an answer.
        return _NEVER if nxt < len(line) and line[nxt].isdigit() else None
    if _is_upper(token[0]):
        if low in _CASED_NEVER_FINAL:
            return _NEVER
        if low in _CASED_AMBIGUOUS:
            return _AMBIGUOUS
    if low in _ANYCASE_NEVER_FINAL:
        return _NEVER
    if low in _ANYCASE_AMBIGUOUS:
        return _AMBIGUOUS
    return None


def _is_attribution(line: str, i: int) -> bool:
    """Return whether a speaker and speech verb (``Mora asked``) start at ``i``."""
    return _ATTRIBUTION_RE.match(line, i, i + _WINDOW) is not None


def _is_plausible_start(line: str, i: int) -> bool:
    """Return whether the text at ``i`` can begin a new sentence."""
    ch = line[i]
    if _is_upper(ch) or ch.isdigit() or ch in _OPENERS:
        return True
    if ch.isalpha() and not ch.islower():
        # A letter of a script without case (Arabic, Hebrew, Chinese) can open a sentence.
        return True
    # Lower-camel brand names such as "iPhone" or "eBay" open sentences too.
    return ch.islower() and i + 1 < len(line) and _is_upper(line[i + 1])


def _is_upper(ch: str) -> bool:
    """Return whether ``ch`` is an uppercase or titlecase letter."""
    return ch.isupper() or unicodedata.category(ch) == "Lt"
