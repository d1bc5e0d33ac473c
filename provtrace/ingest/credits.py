"""Find the news agencies an article credits, and how.

An article either *is* an agency's copy or *cites* one ("told Reuters",
"according to AP", "Reuters reported"). The first is evidence of being
upstream, the second of being derived. Agency copy shows in a dateline
("WASHINGTON (Reuters) -", "(AP) —"), a copyright line ("© Thomson
Reuters"), a byline ("By AFP", "By NAME, PA News", "By NAME, Associated
Press", a bare "Reuters" line, "Source: Reuters", "EFE | Madrid"), a
sign-off closing the story ("— Reuters", "(Reuters)", "PA Media", "— AFP/ks",
a lower-case "(afp)") or, on a page that names the agency too, the agency's
own signature (Reuters' "Reporting by …; Editing by …"). A site republishing
agency copy with its sign-off carries agency copy too. A citation is an
attribution of the article's reporting to the agency; a name in passing
("criticised AFP's coverage") is none.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache

from provtrace.agencies import AGENCIES, TABLE, agency_of_site
from provtrace.agencies import CASE_SENSITIVE as _CASE_SENSITIVE
from provtrace.models import Credit, CreditKind
from provtrace.regexstart import first_characters

_DASH = r"\s*[-–—]"
_VERBS = (
    r"(?:reported|said|says|added|quoted|wrote|noted|indicated|disclosed|concluded|revealed"
    r"|learned|learnt|confirmed|understands|reports|notes|adds)"
)
# What follows reads a credit only where the agency is named as the source of the story's reporting
# ("according to AFP", "AFP reported", "told AFP", "an AFP report said"): a name in passing ("the
# union has criticised AFP's coverage") credits nothing, however often it occurs.
#: How an agency may be introduced before its name: "the French news agency AFP", "wire service
#: AFP", "an AFP report" (a determiner, then up to three words and the kind of service).
_DESCRIBED = (
    r"(?:(?:the|a|an)\s+)?"
    r"(?:(?:[\w'’-]+\s+){0,3}?(?:news\s+agency|agency|wire\s+service|news\s+service|news\s*wire)\s+)?"
)
#: What an agency's reporting is called: "an AFP report", "a Reuters tally", "AFP's investigation".
_WORK = (
    r"(?:reports?|reporting|investigations?|tally|count|analysis|dispatch(?:es)?|story|stories|survey"
    r"|interview|calculations?|figures|data|review|files|material|information|inputs?|copy)"
)
#: Its people on the story: "told an AFP reporter", "seen by a Reuters photographer".
_STAFF = r"(?:reporters?|correspondents?|journalists?|photographers?|crew|team|staff)"
#: After the name, a possessive reads a credit only before the agency's work or people ("AFP's tally",
#: "AFP's correspondent"), not before anything else ("familiar with AFP's plans").
_NOT_OWNING = rf"(?!['’]s?\s+(?!(?:{_WORK}|{_STAFF})\b))"
#: Saying something to someone: "spoke to Reuters", "confirmed to AFP".
_TO = (
    r"(?:said|says|spoke|speaks|speaking|talking|talked|explained|confirmed|admitted|revealed|disclosed"
    r"|insisted|stated|described|declared|complained|denied|acknowledged|conceded|recounted|wrote|writing"
    r"|tells|telling|confided)"
)
#: What is said to someone, a few words before them: "in an interview with AFP", "in a statement
#: issued after the case to PA News".
_SAID = r"(?:interview|statement|comments?|remarks|e-?mail|phone\s+call|conversation|briefing)"
#: What an agency does to reporting that an outlet then credits "by" it: "published by the Reuters
#: agency", "documents seen by Reuters", "contacted by AFP", "figures compiled by AFP".
_DONE = (
    r"(?:reported|published|released|distributed|carried|quoted|cited|seen|reviewed|obtained|compiled"
    r"|revealed|conducted|tallied|counted|gathered|collected|calculated|verified|confirmed|analy[sz]ed"
    r"|geolocated|authenticated|provided|supplied|shared|written|translated|broadcast|aired|filmed"
    r"|photographed|contacted|asked|questioned|reached|approached|interviewed)"
)
#: Verbs an agency's report is the subject of: "an AFP report said", "a Reuters tally showed".
_SHOWS = rf"(?:{_VERBS}|found|finds|showed|shows|suggested|suggests|cited|citing|quoting|estimated)"
#: Verbs an agency's people on the spot are the subject of: "an AFP correspondent saw".
_WITNESSED = r"(?:saw|counted|witnessed|observed|heard|reported|found)"
#: Of an agency that could not check something itself: "AFP could not independently verify".
_COULD_NOT = (
    r"(?:could\s+not|couldn['’]t|cannot|can\s+not|was\s+unable\s+to|was\s+not\s+able\s+to"
    r"|has\s+not\s+been\s+able\s+to|is\s+unable\s+to)\s+(?:(?:immediately|independently)\s+)*"
    r"(?:verify|confirm|reach|contact|establish|determine|access|see)"
)


#: What a credit line of its own may say before the agency: "Source: Reuters", "Credit: AP",
#: "Courtesy of AFP", "Fuente: EFE" (not "Photo:", which credits the picture, not the text).
_LINE_LABEL = (
    r"(?:by|source|sources|via|from|story|text|credit|credits|courtesy(?:[ \t]+of)?|fuente|fuentes"
    r"|v[ií]a|por|texto|cr[eé]dito)"
)
#: Where a credit line may end: blanks and a full stop, then the end of the line.
_LINE_END = r"[ \t]*\.?[ \t]*$"
#: A news desk's initials after an agency's name in a sign-off, in lower case: "/ks", "/ks/jm".
_DESK = r"(?:[ \t]*/[ \t]*(?-i:[a-z]{1,5}))+"
#: A reporter's role after the agency in a byline, with up to three words of desk before it and a
#: place after it: "Associated Press Writer", "PA News Reporter", "PA News Showbusiness
#: Correspondent", "PA News Home Affairs Editor in London".
_ROLE = (
    r"(?:[ \t]+(?:[\w&'-]+[ \t]+){0,3}?(?:writers?|correspondents?|reporters?|staff|editor))?"
    r"(?:[ \t]+in[ \t]+[\w.'-]+(?:[ \t]+[\w.'-]+)?)?"
)


def _owner_shapes(a: str, any_case: str) -> list[str]:
    """How an agency's own copy names it: dateline, copyright, byline, sign-off (a: its name pattern;
    any_case: the same in any case, for the one shape that outlets write in lower case)."""
    return [
        rf"\(\s*{a}\s*\)\s*\.?{_DASH}",  # dateline: WASHINGTON (Reuters) - / Madrid, 3 may (EFE).-
        # A dateline with a colon, slashes or no dash before the story: "LONDON (Reuters): A fire",
        # "MOSCOW /Reuters/ - A fire", "Port Selwyn, May 14 (Reuters) A fire".
        rf"/[ \t]*{a}[ \t]*/[ \t]*(?:\.?{_DASH}|:)",
        rf"\([ \t]*{a}[ \t]*\)[ \t]*(?::|(?=[ \t]+(?-i:[A-Z«\"“¿¡])))",
        rf"(?:©|\(c\)|copyright)\s*(?:\d{{4}}\s*)?[^.\n]{{0,30}}{a}",
        # A credit line of its own: "Reuters", "By Reuters", "Source: Reuters", "PA Media".
        rf"^[ \t]*(?:{_LINE_LABEL}[ \t]*:?[ \t]+)?{a}{_ROLE}{_LINE_END}",
        # A byline naming the reporter: "By Sinead McIntyre, PA News", "By JANE DOE, Associated Press Writer".
        rf"^[ \t]*by[ \t]+[^\n]{{1,100}}?[ \t]*[,|–—-][ \t]*{a}{_ROLE}{_LINE_END}",
        # A sign-off closing a paragraph or a line of its own: "… on Friday. — Reuters", "Madrid | EFE".
        rf"(?:^|\s)(?:[-–—]{{1,2}}|\|)[ \t]*{a}{_LINE_END}",
        rf"\(\s*{a}\s*\){_LINE_END}",  # a closing "(Reuters)"
        rf"^[ \t]*(?:[^\n|]{{0,40}}?\s)?{a}[ \t]*\|",  # a dateline before a bar: "EFE | Madrid"
        # A sign-off with the desk's initials after the agency, closing the story: "— AFP/ks", "AFP/mfl".
        rf"(?:^|\s)(?:[-–—]{{1,2}}[ \t]*|\([ \t]*)?{a}{_DESK}[ \t]*\)?{_LINE_END}",
        # A closing "(afp)" in lower case, after a sentence's end (not "£20,000 (pa)").
        rf"[.!?\"”’'][ \t]*\([ \t]*{any_case}[ \t]*\)[ \t]*$",
    ]


def _any_case(alias: str) -> str:
    """An agency's name pattern matching in any case, even an acronym's ("(afp)")."""
    return f"(?:{alias.replace('(?-i:', '(?:')})"


@lru_cache(maxsize=256)  # compiling ~20 patterns per agency dominated extraction time
def _patterns(name: str, alias: str) -> tuple[tuple[re.Pattern[str], CreditKind], ...]:
    # Acronyms must keep their case ("ap" is not AP); everything else may vary.
    a = f"(?-i:{alias})" if name in _CASE_SENSITIVE else f"(?:{alias})"
    named = f"{_DESCRIBED}{a}"
    cites = [
        rf"\baccording\s+to\s+{named}{_NOT_OWNING}",  # according to (the French news agency) AFP
        # according to a report by AFP / documents seen by Reuters
        rf"\baccording\s+to\s+(?:(?:the|a|an)\s+)?(?:[\w'’-]+\s+){{0,3}}?(?:{_WORK}|{_DONE})\s+"
        rf"(?:by|from|of)\s+{named}{_NOT_OWNING}",
        rf"{a}(?:\s+news)?(?:\s+agency)?\s+(?:has\s+|had\s+|have\s+)?{_VERBS}\b",  # AFP reported
        rf"{a}\s*,?\s+(?:citing|quoting)\b",
        rf"{a}\s+(?:was|were|has\s+been|had\s+been)\s+(?:told|shown|given|sent)\b",
        rf"{a}\s+{_COULD_NOT}\b",
        # an AFP report said / a Reuters tally showed / an AFP correspondent saw
        rf"{a}(?:['’]s?)?\s+(?:news\s+)?{_WORK}\s+(?:[\w'’-]+\s+){{0,4}}?{_SHOWS}\b",
        rf"{a}(?:['’]s?)?\s+{_STAFF}\s+(?:[\w'’-]+\s+){{0,4}}?{_WITNESSED}\b",
        rf"\bin\s+(?:a|an|the)\s+{a}(?:['’]s?)?\s+(?:{_WORK}|{_STAFF})\b",  # in an AFP interview
        rf"\btold\s+{named}",  # told (the news agency) AFP / told an AFP reporter
        rf"\b{_TO}\s+(?:(?:exclusively|only|earlier|later|separately)\s+)?(?:to|with)\s+{named}{_NOT_OWNING}",
        rf"\b{_SAID}\s+(?:[\w'’-]+\s+){{0,4}}?(?:to|with)\s+{named}{_NOT_OWNING}",
        rf"\b{_DONE}\s+(?:[\w'’-]+\s+){{0,3}}?by\s+{named}{_NOT_OWNING}",  # published on Friday by AFP
        rf"\b(?:{_WORK}|{_STAFF})\s+(?:by|from)\s+{named}{_NOT_OWNING}",  # with reporting by AFP
        rf"\bcit(?:ing|ed|es|e)\s+{named}",  # citing (an) AFP (report)
        # a closing "— with AFP", "(With AFP)", a line "With AFP"
        rf"(?:(?:^|\s)[-–—]{{1,2}}[ \t]*|\([ \t]*|^[ \t]*)with\s+(?:the\s+)?{a}[ \t]*\)?{_LINE_END}",
        # "AFP contributed to this report", "Reuters contributed reporting"
        rf"\b{a}\s+contributed\s+(?:to\s+this\s+(?:report|story|article)|(?:additional\s+)?reporting)",
        rf"(?:,|\s)\s*per\s+{named}{_NOT_OWNING}[ \t]*[.;)]",  # "…, per Reuters."
        # Spanish: "(Con información de EFE)", "con información de la agencia EFE"
        rf"\bcon\s+(?:informaci[oó]n|datos)\s+de\s+(?:la\s+agencia\s+)?{a}",
        # Spanish: "según informó la agencia AP", "declaró a AP", "AP informó"
        rf"\bsegún\s+(?:(?:informó|publicó|reportó|dijo)\s+)?(?:la\s+agencia\s+)?{a}",
        rf"\b(?:declaró|dijo|explicó|afirmó|aseguró|indicó|señaló|informó|contó|confirmó)\s+a\s+"
        rf"(?:la\s+agencia\s+)?{a}",
        rf"{a}\s+(?:informó|publicó|reportó|señaló)\b",
    ]
    flags = re.IGNORECASE | re.MULTILINE
    out = [(re.compile(p, flags), CreditKind.OWNER) for p in _owner_shapes(a, _any_case(alias))]
    out += [(re.compile(p, flags), CreditKind.CITES) for p in cites]
    return tuple(out)


@lru_cache(maxsize=1)
def _signatures() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """Each agency's own sign-off that marks its copy without naming it (agencies.TABLE)."""
    flags = re.IGNORECASE | re.MULTILINE
    return tuple((a.name, re.compile(p, flags)) for a in TABLE for p in a.signatures)


def excerpt(text: str, start: int, end: int) -> str:
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
    # An acronym keeps its case, except in the closing "(afp)" that outlets write in lower case.
    bodies = [
        f"(?-i:{alias})|\\(\\s*{_any_case(alias)}\\s*\\)" if name in _CASE_SENSITIVE else f"(?:{alias})"
        for name, alias in names
    ]
    parts = [f"(?P<g{n}>{body})" for n, body in enumerate(bodies)]
    starts: set[str] = set()
    for body in bodies:
        first = first_characters(body)
        if first is None:
            return re.compile("|".join(parts), re.IGNORECASE)
        starts |= first
    guard = "".join(sorted(re.escape(c) for c in starts))
    # Every name starts a word (or follows a digit, as in a capture's "© 2026Reuters"): a place
    # just after a Latin letter is passed over at once, which makes the pass about four times
    # faster; not a word boundary, which a CJK character before the name would defeat.
    return re.compile(f"{_NOT_AFTER_A_LETTER}(?=[{guard}])(?:{'|'.join(parts)})", re.IGNORECASE)


#: How far before a mention of an agency a citing phrase naming it may start: its longest forms
#: ("according to figures compiled over the weekend by the French news agency AFP") fit well inside.
_CITE_BEFORE = 200
#: How far after the mention it may end ("AFP's tally of the dead published on Sunday showed").
_CITE_AFTER = 120


def _windows(text: str, mentions: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """The stretches of text around the mentions where a citing phrase naming the agency can be,
    cut at blanks (never inside a word, where a pattern's word boundary would be wrong), merged."""
    out: list[tuple[int, int]] = []
    for start, end in mentions:
        lo, hi = max(0, start - _CITE_BEFORE), min(len(text), end + _CITE_AFTER)
        while 0 < lo < start and not text[lo - 1].isspace():
            lo += 1
        while end < hi < len(text) and not text[hi].isspace():
            hi -= 1
        if out and lo <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], hi))
        else:
            out.append((lo, hi))
    return out


def _credits_of(name: str, alias: str, text: str, mentions: Sequence[tuple[int, int]]) -> list[Credit]:
    """The first credit of each kind to one agency in text (the earliest in the text), given where
    the text mentions the agency: citing phrases are looked for only around the mentions.

    A citing phrase inside the agency's own credit is not a second credit:
    "By Reuters" is a byline, not "by Reuters".
    """
    owned: list[tuple[int, int]] = []
    out: dict[CreditKind, Credit] = {}
    first: tuple[int, int] | None = None  # the earliest citing phrase
    windows = _windows(text, mentions)
    for pattern, kind in _patterns(name, alias):
        if kind is CreditKind.OWNER:
            for match in pattern.finditer(text):
                owned.append(match.span())
                out.setdefault(kind, Credit(name, excerpt(text, match.start(), match.end()), kind))
            continue
        for lo, hi in windows:
            if first is not None and lo >= first[0]:
                break  # nothing later can come first
            found = (
                m.span()
                for m in pattern.finditer(text, lo, hi)
                if not any(start <= m.start() and m.end() <= end for start, end in owned)
            )
            span = next(found, None)
            if span is not None:
                first = span if first is None else min(first, span)
                break  # later windows come later in the text
    if first is not None:
        out[CreditKind.CITES] = Credit(name, excerpt(text, *first), CreditKind.CITES)
    return list(out.values())


def find_credits(
    texts: Iterable[str], aliases: dict[str, str] | None = None, site: str | None = None
) -> tuple[Credit, ...]:
    """Credits found in texts: the first mention of each (agency, kind), sorted.

    An agency's signature (agencies.Agency.signatures: Reuters' "Reporting by …; Editing by …")
    names no agency, and outlets sign their own staff's work the same way: it marks the agency's
    own copy only where the page names the agency too, in its texts or as its site.
    """
    table = dict(AGENCIES)
    table.update(aliases or {})
    found: dict[tuple[str, CreditKind], Credit] = {}
    names = tuple(sorted(table.items()))
    mentions = _mentions(names)
    named: set[str] = set()
    signed: dict[str, Credit] = {}
    for text in texts:
        where: dict[str, list[tuple[int, int]]] = {}
        for m in mentions.finditer(text):
            if m.lastgroup:
                where.setdefault(names[int(m.lastgroup[1:])][0], []).append(m.span())
        named |= where.keys()
        for name in sorted(where):
            for credit in _credits_of(name, table[name], text, where[name]):
                found.setdefault((name, credit.kind), credit)
        for name, pattern in _signatures():
            match = pattern.search(text) if name not in signed else None
            if match:
                signed[name] = Credit(name, excerpt(text, match.start(), match.end()), CreditKind.OWNER)
    on_site = agency_of_site(site, table)
    for name, credit in signed.items():
        if name in named or name == on_site:
            found.setdefault((name, CreditKind.OWNER), credit)
    return tuple(found[key] for key in sorted(found, key=lambda k: (k[0], k[1].value)))


@lru_cache(maxsize=1)
def _sign_off_alone() -> re.Pattern[str]:
    names = "|".join(_any_case(alias) for alias in AGENCIES.values())
    return re.compile(rf"[-–—\s]*\(?\s*(?:{names})(?:{_DESK})?\s*\)?\s*\.?\s*", re.IGNORECASE)


def is_sign_off(sentence: str) -> bool:
    """The sentence is nothing but an agency's sign-off split from the story's last sentence
    ("(Reuters)", "— AFP/ks", "(afp)"): a credit, not a sentence of the story."""
    return _sign_off_alone().fullmatch(sentence) is not None


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
                # The stop that ends the line also ends a company's abbreviation: "Newsmax Media, Inc."
                stopped = text.startswith(".", match.end("holder"))
                return holder + "." if stopped and _ABBREVIATED.search(holder) else holder
    return None


#: A company's name that ends in an abbreviation written with a stop.
_ABBREVIATED = re.compile(r"\b(?:Inc|Ltd|Co|Corp|Bros|Cia|Ltda)$", re.IGNORECASE)
