"""Everything provtrace knows about news agencies: names, aliases, sites, languages, credit words.

One table (TABLE) holds it; credit detection (ingest/credits.py), the
direction of translations (infer/forest.py), lineage's list of credit words
(infer/lineage.py) and `provtrace check` all read it from here. `check` also
tells which agency a wire file belongs to (from its site or folder) and
extends the table with a newsroom's own aliases and agencies.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Agency:
    """One news agency: how its name is written, where it publishes, what language it writes in."""

    name: str  # canonical name, as shown to the user
    pattern: str  # regular expression for its names and aliases
    sites: tuple[str, ...] = ()  # web domains of its own sites (site metadata of a saved page)
    language: str | None = None  # the language its main service writes in
    words: str = ""  # the words of its names that outlets write when they credit it
    case_sensitive: bool = False  # an acronym that must keep its case ("ap" is not AP)
    #: Regular expressions (multiline, any case) for the agency's own sign-off that does not name it:
    #: Reuters' "(Reporting by …; Editing by …)". It marks the agency's copy only on a page that
    #: names the agency too (credits.find_credits): outlets sign their own staff's work alike.
    signatures: tuple[str, ...] = ()


#: Every agency provtrace knows, in one table; the mappings below are views of it.
TABLE: tuple[Agency, ...] = (
    Agency("Reuters", r"(?:Thomson[ /]?)?Reuters",
           sites=("reuters.com",), language="en", words="reuters thomson",
           signatures=(r"^[ \t]*\(?[ \t]*(?:additional\s+)?(?:reporting|writing)\s+by\b[^\n]*?;[^\n]*?"
                       r"\bediting\s+by\b",)),
    Agency("AP", r"(?:The\s+)?Associated\s+Press|\bAP\b",
           sites=("apnews.com", "ap.org"), language="en", words="associated press", case_sensitive=True),
    Agency("AFP", r"Agence\s+France[- ]Presse|France[- ]Presse|\bAFP\b",
           sites=("afp.com",), language="fr", words="agence france presse afp", case_sensitive=True),
    Agency("EFE", r"\bEFE\b|Agencia\s+EFE",
           sites=("efe.com",), language="es", words="efe agencia", case_sensitive=True),
    Agency("dpa", r"\bdpa\b|\bDPA\b|Deutsche\s+Presse-Agentur",
           sites=("dpa.com", "dpa-international.com"), language="de", words="dpa deutsche"),
    Agency("ANSA", r"\bANSA\b",
           sites=("ansa.it",), language="it", words="ansa", case_sensitive=True),
    Agency("Xinhua", r"Xinhua",
           sites=("xinhuanet.com", "news.cn"), words="xinhua"),
    # "(PA)" matches inside its brackets, so "LONDON (PA) -" reads like "(Reuters) -"; a bare "PA"
    # is a personal assistant more often than the agency. "By NAME, PA News" is PA's own byline.
    Agency("PA", r"\bPA\s+(?:Media|News|Reporter)\b|Press\s+Association|(?<=\()PA(?=\))",
           sites=("pamediagroup.com",), language="en", words="press", case_sensitive=True),
    Agency("Bloomberg", r"Bloomberg(?:\s+News)?",
           sites=("bloomberg.com",), language="en", words="bloomberg"),
    Agency("Kyodo", r"Kyodo(?:\s+News)?",
           sites=("kyodonews.net",), words="kyodo"),
    Agency("Yonhap", r"Yonhap",
           sites=("yna.co.kr",), words="yonhap"),
    Agency("UPI", r"\bUPI\b|United\s+Press\s+International",
           sites=("upi.com",), language="en", words="upi united press international", case_sensitive=True),
    Agency("Europa Press", r"Europa\s+Press",
           sites=("europapress.es",), language="es", words="europa press"),
    Agency("Anadolu", r"Anadolu(?:\s+Agency)?",
           sites=("aa.com.tr",), words="anadolu"),
    Agency("TASS", r"\bTASS\b",
           sites=("tass.com", "tass.ru"), words="tass", case_sensitive=True),
)  # fmt: skip

#: Canonical agency name -> regular expression for its names and aliases.
AGENCIES: dict[str, str] = {a.name: a.pattern for a in TABLE}

#: Agencies whose acronym must keep its case ("ap" is not AP, "pa" is not PA).
CASE_SENSITIVE = frozenset(a.name for a in TABLE if a.case_sensitive)

#: Web domains of the agencies' own sites (site metadata of a saved page).
SITES: dict[str, str] = {site: a.name for a in TABLE for site in a.sites}

#: The language each agency's main service writes in.
AGENCY_LANGUAGE: dict[str, str] = {a.name: a.language for a in TABLE if a.language}

#: A news desk's sign-off on a line of its own closing an agency's copy (ingest keeps it among the
#: removed furniture): "end", "ends", "more", "-30-", "###", or the filing editor's initials in
#: lower case ("mfl", "mf"; consonants only, so that a page's stray "top" or "menu" never counts).
#: It marks wire copy where a later take of a story carries no byline; outlets' pages never end so.
DESK_SIGN_OFF = re.compile(r"^\s*(?:ends?|more|-30-|#{3}|[b-df-hj-np-tv-z]{2,4})\s*$")


def desk_sign_off(removed: Sequence[str]) -> str | None:
    """The news desk's sign-off closing a text, if its last removed line is one (see DESK_SIGN_OFF)."""
    if removed and DESK_SIGN_OFF.match(removed[-1]):
        return removed[-1].strip()
    return None


#: Words outlets add around any agency's name when they credit a wire story
#: ("according to", "told", "contributed", "agency").
CREDIT_WORDS = (
    "according accordance reported reporting reports told citing cited quoted contributed "
    "writing editing agency agencies wire news press según informó"
)


def credit_words(extra: Mapping[str, Iterable[str]] | None = None) -> frozenset[str]:
    """Every word of a credit line: the generic ones, the agencies' names, and extra names and aliases."""
    words = set(CREDIT_WORDS.split())
    for agency in TABLE:
        words.update(agency.words.split())
    for name, aliases in (extra or {}).items():
        for alias in (name, *aliases):
            words.update(w.casefold() for w in re.findall(r"[^\W_]+", alias))
    return frozenset(words)


def _alias_pattern(alias: str) -> str:
    """A regular expression for one literal alias; short all-capital acronyms keep their case."""
    body = r"\s+".join(re.escape(word) for word in alias.split())
    pattern = rf"(?<!\w){body}(?!\w)"
    letters = alias.replace(" ", "")
    if letters.isalpha() and letters.isupper() and len(letters) <= 6:
        return f"(?-i:{pattern})"
    return pattern


def agency_table(extra: Mapping[str, Iterable[str]] | None = None) -> dict[str, str]:
    """The built-in table extended with extra aliases (new names become new agencies)."""
    table = dict(AGENCIES)
    for name, aliases in (extra or {}).items():
        patterns = [_alias_pattern(a) for a in (name, *aliases) if a.strip()]
        if name in table:
            patterns[0] = table[name]
        table[name] = "|".join(patterns)
    return table


def _flags(name: str) -> int:
    return 0 if name in CASE_SENSITIVE else re.IGNORECASE


def canonical_agency(text: str, table: Mapping[str, str] | None = None) -> str | None:
    """The agency whose name or alias is the whole of text ("thomson reuters" -> "Reuters").

    Case is ignored here, even for acronyms: text is a name someone typed on
    purpose (a configuration value, a folder name), not running prose.
    """
    words = " ".join(re.split(r"[\s_\-]+", text.strip()))
    if not words:
        return None
    for name, pattern in sorted((table or AGENCIES).items()):
        if words.casefold() == name.casefold():
            return name
        relaxed = pattern.replace("(?-i:", "(?:")
        if re.fullmatch(rf"(?:{relaxed})", words, re.IGNORECASE):
            return name
    return None


def agency_of_site(site: str | None, table: Mapping[str, str] | None = None) -> str | None:
    """The agency a page's site metadata names: a known domain or an agency's own name."""
    if not site:
        return None
    host = site.strip().lower().removeprefix("https://").removeprefix("http://").split("/")[0]
    host = host.removeprefix("www.")
    for domain, name in SITES.items():
        if host == domain or host.endswith("." + domain):
            return name
    return canonical_agency(site, table)


def mentions(text: str, table: Mapping[str, str]) -> list[tuple[int, str]]:
    """(offset, agency) for every mention of an agency's name or alias in text, in order."""
    found: list[tuple[int, str]] = []
    for name, pattern in table.items():
        found.extend((m.start(), name) for m in re.finditer(pattern, text, _flags(name)))
    return sorted(found)


def phrase_pattern(phrase: str, name: str, table: Mapping[str, str]) -> re.Pattern[str]:
    """A newsroom credit phrase ("courtesy of {agency}") as a pattern for one agency."""
    alias = table[name]
    pieces: list[str] = []
    for piece in re.split(r"(\{agency\})", phrase):
        if piece == "{agency}":
            pieces.append(f"(?-i:{alias})" if name in CASE_SENSITIVE else f"(?:{alias})")
            continue
        body = r"\s+".join(re.escape(word) for word in piece.split())
        lead = r"\s+" if piece[:1].isspace() and body else ""
        trail = r"\s+" if piece[-1:].isspace() and body else ""
        pieces.append(lead + body + trail if body else (r"\s+" if piece else ""))
    return re.compile("".join(pieces), re.IGNORECASE)
