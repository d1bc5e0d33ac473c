"""Find the news agencies an article credits, and how.

An article either *is* an agency's copy or *cites* one ("told Reuters",
"according to AP", "Reuters reported"). The first is evidence of being
upstream, the second of being derived. Agency copy shows in a dateline
("WASHINGTON (Reuters) -", "(AP) —"), a copyright line ("© Thomson
Reuters"), a byline ("By AFP", "By NAME, PA News", "By NAME, Associated
Press", a bare "Reuters" line, "Source: Reuters", "EFE | Madrid"), a
sign-off closing the story ("— Reuters", "(Reuters)", "PA Media") or the
agency's own signature (Reuters' "Reporting by …; Editing by …"). A site
republishing agency copy with its sign-off carries agency copy too.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from provtrace.agencies import AGENCIES, TABLE
from provtrace.agencies import CASE_SENSITIVE as _CASE_SENSITIVE
from provtrace.models import Credit, CreditKind
from provtrace.regexstart import first_characters

_DASH = r"\s*[-–—]"
_VERBS = (
    r"(?:reported|said|says|added|quoted|wrote|noted|indicated|disclosed|concluded|revealed"
    r"|learned|learnt|confirmed|understands|reports|notes|adds)"
)


#: Where a credit line may end: blanks and a full stop, then the end of the line.
_LINE_END = r"[ \t]*\.?[ \t]*$"
#: A reporter's role after the agency in a byline, with up to three words of desk before it and a
#: place after it: "Associated Press Writer", "PA News Reporter", "PA News Showbusiness
#: Correspondent", "PA News Home Affairs Editor in London".
_ROLE = (
    r"(?:[ \t]+(?:[\w&'-]+[ \t]+){0,3}?(?:writers?|correspondents?|reporters?|staff|editor))?"
    r"(?:[ \t]+in[ \t]+[\w.'-]+(?:[ \t]+[\w.'-]+)?)?"
)


def _owner_shapes(a: str) -> list[str]:
    """How an agency's own copy names it: dateline, copyright, byline, sign-off (a: its name pattern)."""
    return [
        rf"\(\s*{a}\s*\)\s*\.?{_DASH}",  # dateline: WASHINGTON (Reuters) - / Madrid, 3 may (EFE).-
        rf"(?:©|\(c\)|copyright)\s*(?:\d{{4}}\s*)?[^.\n]{{0,30}}{a}",
        # A credit line of its own: "Reuters", "By Reuters", "Source: Reuters", "PA Media".
        rf"^[ \t]*(?:(?:by|source|via|from)[ \t]*:?[ \t]+)?{a}{_ROLE}{_LINE_END}",
        # A byline naming the reporter: "By Sinead McIntyre, PA News", "By JANE DOE, Associated Press Writer".
        rf"^[ \t]*by[ \t]+[^\n]{{1,100}}?[ \t]*[,|–—-][ \t]*{a}{_ROLE}{_LINE_END}",
        # A sign-off closing a paragraph or a line of its own: "… on Friday. — Reuters", "Madrid | EFE".
        rf"(?:^|\s)(?:[-–—]{{1,2}}|\|)[ \t]*{a}{_LINE_END}",
        rf"\(\s*{a}\s*\){_LINE_END}",  # a closing "(Reuters)"
        rf"^[ \t]*(?:[^\n|]{{0,40}}?\s)?{a}[ \t]*\|",  # a dateline before a bar: "EFE | Madrid"
    ]


@lru_cache(maxsize=256)  # compiling ~20 patterns per agency dominated extraction time
def _patterns(name: str, alias: str) -> tuple[tuple[re.Pattern[str], CreditKind], ...]:
    # Acronyms must keep their case ("ap" is not AP); everything else may vary.
    a = f"(?-i:{alias})" if name in _CASE_SENSITIVE else f"(?:{alias})"
    cites = [
        rf"\b(?:told|to|by|from|with)\s+(?:the\s+)?{a}",
        rf"\baccording\s+to\s+(?:the\s+)?{a}",
        rf"{a}(?:\s+news)?(?:\s+agency)?\s+(?:has\s+|had\s+)?{_VERBS}\b",
        rf"{a}['’]s?\b",
        rf"\b{a}\s+contributed\s+to\s+this\s+report",
        rf"\b(?:cited|consulted|seen|reviewed|obtained|quoted)\s+by\s+(?:the\s+)?{a}",
        # Spanish: "según informó la agencia AP", "declaró a AP", "AP informó"
        rf"\bsegún\s+(?:(?:informó|publicó|reportó|dijo)\s+)?(?:la\s+agencia\s+)?{a}",
        rf"\b(?:declaró|dijo|explicó|afirmó|aseguró|indicó|señaló|informó|contó|confirmó)\s+a\s+"
        rf"(?:la\s+agencia\s+)?{a}",
        rf"{a}\s+(?:informó|publicó|reportó|señaló)\b",
    ]
    flags = re.IGNORECASE | re.MULTILINE
    out = [(re.compile(p, flags), CreditKind.OWNER) for p in _owner_shapes(a)]
    out += [(re.compile(p, flags), CreditKind.CITES) for p in cites]
    return tuple(out)


@lru_cache(maxsize=1)
def _signatures() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """Each agency's own sign-off that marks its copy without naming it (agencies.TABLE)."""
    flags = re.IGNORECASE | re.MULTILINE
    return tuple((a.name, re.compile(p, flags)) for a in TABLE for p in a.signatures)


def _excerpt(text: str, start: int, end: int) -> str:
    """The credit phrase with a few words either side on its own line, cut at word boundaries."""
    while start < end and text[start].isspace():  # a match may start at the line break before it
        start += 1
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    before = [m.start() for m in re.finditer(r"\S+", text[line_start:start])]
    after = [m.end() for m in re.finditer(r"\S+", text[end:line_end])]
    lo = line_start + (before[-6] if len(before) >= 6 else 0)
    hi = end + (after[4] if len(after) >= 5 else line_end - end)
    head = "…" if len(before) > 6 else ""
    tail = "…" if len(after) > 5 else ""
    return head + " ".join(text[lo:hi].split()) + tail


#: Where no agency's name can start: right after a Latin letter (inside a word).
_NOT_AFTER_A_LETTER = r"(?<![A-Za-z])"


@lru_cache(maxsize=16)
def _mentions(names: tuple[tuple[str, str], ...]) -> re.Pattern[str]:
    """One pattern that finds which agencies a text mentions at all (a cheap first pass).

    A lookahead for the characters a mention can start with comes first: the alternatives are
    then tried only there, which makes the pass several times faster on long texts and finds
    the same matches (the lookahead only rules out places where no alternative could match).
    """
    parts = [
        f"(?P<g{n}>{f'(?-i:{alias})' if name in _CASE_SENSITIVE else f'(?:{alias})'})"
        for n, (name, alias) in enumerate(names)
    ]
    starts: set[str] = set()
    for _, alias in names:
        first = first_characters(alias)
        if first is None:
            return re.compile("|".join(parts), re.IGNORECASE)
        starts |= first
    guard = "".join(sorted(re.escape(c) for c in starts))
    # Every name starts a word (or follows a digit, as in a capture's "© 2026Reuters"): a place
    # just after a Latin letter is passed over at once, which makes the pass about four times
    # faster; not a word boundary, which a CJK character before the name would defeat.
    return re.compile(f"{_NOT_AFTER_A_LETTER}(?=[{guard}])(?:{'|'.join(parts)})", re.IGNORECASE)


def _credits_of(name: str, alias: str, text: str) -> list[Credit]:
    """The first credit of each kind to one agency in text.

    A citing phrase inside the agency's own credit is not a second credit:
    "By Reuters" is a byline, not "by Reuters".
    """
    owned: list[tuple[int, int]] = []
    out: dict[CreditKind, Credit] = {}
    for pattern, kind in _patterns(name, alias):
        if kind is CreditKind.CITES and kind in out:
            break  # owner patterns come first: every owner span is known
        for match in pattern.finditer(text):
            if kind is CreditKind.OWNER:
                owned.append(match.span())
            elif any(start <= match.start() and match.end() <= end for start, end in owned):
                continue
            out.setdefault(kind, Credit(name, _excerpt(text, match.start(), match.end()), kind))
            if kind is CreditKind.CITES:
                break
    return list(out.values())


def find_credits(texts: Iterable[str], aliases: dict[str, str] | None = None) -> tuple[Credit, ...]:
    """Credits found in texts: the first mention of each (agency, kind), sorted."""
    table = dict(AGENCIES)
    table.update(aliases or {})
    found: dict[tuple[str, CreditKind], Credit] = {}
    names = tuple(sorted(table.items()))
    mentions = _mentions(names)
    for text in texts:
        mentioned = {names[int(m.lastgroup[1:])][0] for m in mentions.finditer(text) if m.lastgroup}
        for name in sorted(mentioned):
            for credit in _credits_of(name, table[name], text):
                found.setdefault((name, credit.kind), credit)
        for name, pattern in _signatures():
            match = pattern.search(text) if (name, CreditKind.OWNER) not in found else None
            if match:
                found[(name, CreditKind.OWNER)] = Credit(
                    name, _excerpt(text, match.start(), match.end()), CreditKind.OWNER
                )
    return tuple(found[key] for key in sorted(found, key=lambda k: (k[0], k[1].value)))


_COPYRIGHT = re.compile(
    r"^\s*(?:©|\(c\)|copyright\b)\s*(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*,?\s*)?"
    r"(?P<holder>[^.|\n]{2,60}?)\s*\.?\s*(?:all rights reserved\.?)?\s*$",
    re.IGNORECASE | re.MULTILINE,
)


def find_publisher(texts: Iterable[str], aliases: dict[str, str] | None = None) -> str | None:
    """The holder of a copyright line that names no news agency: the publishing site."""
    table = dict(AGENCIES)
    table.update(aliases or {})
    agency = _mentions(tuple(sorted(table.items())))
    for text in texts:
        for match in _COPYRIGHT.finditer(text):
            holder = match["holder"].strip(" ,;:-")
            if holder and not agency.search(holder):
                return holder
    return None
