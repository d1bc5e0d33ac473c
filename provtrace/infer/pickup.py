"""An agency's pick-up of an outlet's own story: the outlet came first.

Outlets take from agencies far more often than the reverse, but an agency also
picks up a paper's scoop, and then says so in its first sentences: "…, the local
newspaper The Coastal Post reported on Wednesday", "according to The Coastal
Post". Where agency copy credits an outlet that way and the other text of the pair
is that outlet's own page, the agency took the story from the outlet: the direction
runs outlet -> agency copy, and `check` must not call the outlet's story a reuse of
the agency's copy.

Which outlet a page is comes from what is reliable about it, in this order: its
site (HTML metadata, or the holder of its copyright line: "The Coastal Post",
"coastalpost.com", "The Coastal Post Media Group"), its byline ("By NAME, The
Coastal Post"), its own words ("The Coastal Post has learned", "… can reveal"),
the name of its folder, and the start of its file's name ("coastalpost-….txt",
only for names of two words or more: "times-square-fire.txt" is no page of The
Times). The agency copy must name the outlet as the source of its story in its
first LEAD_SENTENCES sentences, with a verb only outlets take ("The Coastal Post
reported", "a report in The Coastal Post"), or with one any speaker takes ("said",
"according to", "told") where the copy also calls it a newspaper, broadcaster,
site or the like somewhere ("the local newspaper The Coastal Post"): a person is
said to say things, an outlet is also said to report them.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from functools import lru_cache

from provtrace.agencies import canonical_agency
from provtrace.infer.credited import wire_copy
from provtrace.ingest.credits import excerpt
from provtrace.models import Article

#: The sentences of agency copy where it credits the outlet whose story it picked up: the lead.
#: An outlet credited further down is the source of one fact in the agency's own story.
LEAD_SENTENCES = 3

#: An outlet's name as running text writes it: capitalised words, "of"/"de"/"&" between them.
_NAME = r"(?P<o>(?:[Tt]he\s+)?[A-Z][\w&'’.-]*(?:\s+(?:(?:of|de|del|la|le|and|&)\s+)?[A-Z][\w&'’.-]*){0,5})"
#: What an outlet is called before its name: "the local newspaper", "the broadcaster", "news site".
_MEDIA = (
    r"\b(?:newspaper|daily|paper|weekly|tabloid|broadsheet|broadcaster|station|channel|outlet|website"
    r"|news\s+site|news\s+portal|magazine|radio|television|TV|network|publication)\s+"
)
#: Attributions only an outlet takes ("reported", "a report in").
_OUTLET_FRAMES = (
    rf"{_NAME}\s+(?:has\s+|had\s+)?(?:first\s+)?(?:reported|reports|revealed|published|broke\s+the\s+news)\b",
    rf"\b(?:reported|published|revealed)\s+(?:(?:first|earlier|on\s+\w+)\s+)?(?:by|in)\s+{_NAME}",
    rf"\b(?:report|story|article|investigation|exclusive|interview)\s+(?:by|in|from|with)\s+{_NAME}",
    rf"{_NAME}['’]s?\s+(?:report|story|article|investigation|website|exclusive)\b",
)
#: Attributions any speaker takes: they name an outlet only where the copy calls it one (_MEDIA).
_ANY_FRAMES = (
    rf"\baccording\s+to\s+(?:(?:the|a)\s+)?(?:[\w-]+\s+){{0,3}}?{_NAME}",
    rf"{_NAME}\s*,?\s+(?:said|says|added|wrote|quoted|cited)\b",
    rf"\btold\s+(?:(?:the|a)\s+)?(?:[\w-]+\s+){{0,3}}?{_NAME}",
)
#: An outlet's own words about its reporting: "The Coastal Post has learned", "… can reveal".
_SELF = re.compile(
    rf"{_NAME}\s+(?:(?:has|have)\s+(?:learned|learnt|established|been\s+told)|can\s+(?:now\s+)?reveal)\b"
)
#: A byline naming the outlet after the reporter: "By Daniela Ruiz, The Coastal Post".
_BYLINE = re.compile(r"^\s*by\s+[^,|\n]{1,80}?\s*[,|–—-]\s*(?P<o>[^,|\n]{2,80}?)\s*$", re.IGNORECASE)
#: Words after an outlet's name in its company's name: "The Coastal Post Media Group".
_COMPANY = frozenset(
    [
        "media",
        "group",
        "inc",
        "ltd",
        "llc",
        "plc",
        "co",
        "company",
        "corporation",
        "corp",
        "limited",
        "holdings",
        "publishing",
        "newspapers",
        "digital",
        "online",
    ]
)


@dataclass(frozen=True, slots=True)
class Pickup:
    """Agency copy that credits another text's outlet for its story."""

    outlet: str  # the outlet's name, as the agency copy writes it
    credit: str  # the agency copy's words that credit it, with a few either side
    known_by: str  # how the other text is known to be the outlet's own ("its site", ...)


def _words(name: str) -> tuple[str, ...]:
    """A name as comparable words: lower case, no leading "the", no possessive, no company words."""
    words = [w for w in re.split(r"[^\w&]+", name.casefold().replace("’", "'").replace("'s ", " ")) if w]
    if words and words[-1] == "s" and re.search(r"['’]s\W*$", name):
        words.pop()
    while words and words[0] == "the":
        words.pop(0)
    while len(words) > 1 and words[-1] in _COMPANY:
        words.pop()
    return tuple(words)


def _site_words(site: str) -> tuple[str, ...]:
    """A site's name as words; a domain gives its main label ("www.coastalpost.com" -> coastalpost)."""
    host = site.strip().casefold().removeprefix("https://").removeprefix("http://").split("/")[0]
    if " " not in host and "." in host:
        labels = [label for label in host.split(".") if label not in {"www", "m", "amp"}]
        return (labels[0],) if labels else ()
    return _words(site)


def _same(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    return bool(a) and bool(b) and (a == b or "".join(a) == "".join(b))


def _readings(captured: str) -> list[tuple[str, ...]]:
    """The names a captured run of capitalised words may be: itself, and what follows each "the"
    in it ("On Wednesday The Coastal Post" is The Coastal Post)."""
    raw = [w for w in re.split(r"[^\w&'’]+", captured) if w]
    out = [_words(captured)]
    out += [_words(" ".join(raw[k + 1 :])) for k, w in enumerate(raw) if w.casefold() == "the"]
    return [r for r in out if r and canonical_agency(" ".join(r)) is None]


def credited_outlets(wire: Article) -> list[tuple[str, tuple[str, ...], str]]:
    """(name as written, its words, the credit in its sentence) for each outlet the copy's lead credits."""
    return list(_credited_in(tuple(s.text for s in wire.sentences)))


#: Texts whose credited outlets a process remembers: a text is weighed against each it relates to.
_TEXTS_KEPT = 4096


@lru_cache(maxsize=_TEXTS_KEPT)
def _credited_in(texts: tuple[str, ...]) -> tuple[tuple[str, tuple[str, ...], str], ...]:
    """credited_outlets of the text whose sentences are texts, read once for each text."""
    media: set[tuple[str, ...]] | None = None  # the names the copy calls media, read once if needed
    found: list[tuple[str, tuple[str, ...], str]] = []
    for sentence in texts[:LEAD_SENTENCES]:
        for frame in _OUTLET_FRAMES:
            for m in re.finditer(frame, sentence):
                said = excerpt(sentence, m.start(), m.end())
                found += [(m["o"].strip(" .,"), r, said) for r in _readings(m["o"])]
        for frame in _ANY_FRAMES:
            for m in re.finditer(frame, sentence):
                if media is None:
                    media = _media_named(texts)
                said = excerpt(sentence, m.start(), m.end())
                found += [(m["o"].strip(" .,"), r, said) for r in _readings(m["o"]) if r in media]
    return tuple(found)


def _media_named(texts: tuple[str, ...]) -> set[tuple[str, ...]]:
    """The names the copy anywhere calls media ("the local newspaper The Coastal Post")."""
    described = (m["o"] for text in texts for m in re.finditer(_MEDIA + _NAME, text))
    return {r for name in described for r in _readings(name)}


def outlet_names(article: Article) -> list[tuple[tuple[str, ...], str]]:
    """The names the article's own outlet goes by, each with how it is known (most reliable first)."""
    names: list[tuple[tuple[str, ...], str]] = []
    if article.site:
        names.append((_site_words(article.site), "its site"))
    for line in article.removed:
        match = _BYLINE.match(line)
        if match:
            names.append((_words(match["o"]), f"its byline, “{line.strip()}”"))
    for sentence in article.sentences:
        if " has " in sentence.text or " have " in sentence.text or " reveal" in sentence.text:
            for m in _SELF.finditer(sentence.text):
                said = m.group(0)
                names += [(r, f"its own words, “{said}”") for r in _readings(m["o"])]
    folder = os.path.basename(os.path.dirname(os.path.normpath(article.path)))
    if folder:
        names.append((_words(folder), f"its folder’s name, {folder}"))
    stem = os.path.splitext(os.path.basename(article.path))[0]
    tokens = [t for t in re.split(r"[-_.\s]+", stem.casefold()) if t]
    tokens = tokens[1:] if tokens[:1] == ["the"] else tokens
    names += [(tuple(tokens[:k]), f"its file’s name, {stem}") for k in range(1, len(tokens) + 1)]
    return [(words, how) for words, how in names if words]


def _matches(words: tuple[str, ...], name: tuple[str, ...], how: str) -> bool:
    if how.startswith("its file’s name"):
        # A file's name may start with the outlet's name written as one word or as several; an
        # outlet of one word is not told from a topic that way ("times-square-fire.txt").
        return len(words) >= 2 and "".join(words) == "".join(name)
    return _same(words, name)


def picked_up(wire: Article, outlet: Article, *, known_wire: bool = False) -> Pickup | None:
    """How wire (agency copy) credits outlet's own outlet for its story in its lead, if it does.

    known_wire: wire is known to be agency copy (check's --wire) whatever its credits; else it must
    carry an agency's own credit or a desk's sign-off, and outlet neither.
    """
    if not known_wire and (not wire_copy(wire) or wire_copy(outlet)):
        return None
    credited = credited_outlets(wire)
    if not credited:
        return None
    for name, how in outlet_names(outlet):
        for written, words, sentence in credited:
            if _matches(words, name, how):
                return Pickup(written, sentence, how)
    return None
