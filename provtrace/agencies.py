"""What provtrace knows about news agencies: names, aliases, web sites.

The table of names and aliases is shared by credit detection (credits.py)
and by `provtrace check`, which also needs to tell which agency a wire file
belongs to (from its site or folder) and to extend the table with a
newsroom's own aliases and agencies.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

#: Canonical agency name -> regular expression for its names and aliases.
AGENCIES: dict[str, str] = {
    "Reuters": r"(?:Thomson[ /]?)?Reuters",
    "AP": r"(?:The\s+)?Associated\s+Press|\bAP\b",
    "AFP": r"Agence\s+France[- ]Presse|France[- ]Presse|\bAFP\b",
    "EFE": r"\bEFE\b|Agencia\s+EFE",
    "dpa": r"\bdpa\b|\bDPA\b|Deutsche\s+Presse-Agentur",
    "ANSA": r"\bANSA\b",
    "Xinhua": r"Xinhua",
    "PA": r"\bPA\s+Media\b|Press\s+Association|\(PA\)",
    "Bloomberg": r"Bloomberg(?:\s+News)?",
    "Kyodo": r"Kyodo(?:\s+News)?",
    "Yonhap": r"Yonhap",
    "UPI": r"\bUPI\b|United\s+Press\s+International",
    "Europa Press": r"Europa\s+Press",
    "Anadolu": r"Anadolu(?:\s+Agency)?",
    "TASS": r"\bTASS\b",
}

#: Agencies whose acronym must keep its case ("ap" is not AP, "pa" is not PA).
CASE_SENSITIVE = frozenset({"AP", "AFP", "EFE", "ANSA", "PA", "UPI", "TASS"})

#: Web domains of the agencies' own sites (site metadata of a saved page).
SITES: dict[str, str] = {
    "reuters.com": "Reuters",
    "apnews.com": "AP",
    "ap.org": "AP",
    "afp.com": "AFP",
    "efe.com": "EFE",
    "dpa.com": "dpa",
    "dpa-international.com": "dpa",
    "ansa.it": "ANSA",
    "xinhuanet.com": "Xinhua",
    "news.cn": "Xinhua",
    "pamediagroup.com": "PA",
    "bloomberg.com": "Bloomberg",
    "kyodonews.net": "Kyodo",
    "yna.co.kr": "Yonhap",
    "upi.com": "UPI",
    "europapress.es": "Europa Press",
    "aa.com.tr": "Anadolu",
    "tass.com": "TASS",
    "tass.ru": "TASS",
}


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
