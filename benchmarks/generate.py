"""Build a benchmark corpus of wire-story families with recorded ground truth.

    python benchmarks/generate.py --input examples --articles 1000 --seed 1 --out DIR

Any folder of plain-text articles (.txt, .md) can be the input. Its prose
sentences become a pool of sentence *templates*; every story samples and
reorders templates and then gets a vocabulary of its own: each content word
(not a function word) is replaced by a pronounceable pseudo-word drawn from
hash(seed, story, word), numbers are shifted by a story-specific offset. So a
few input texts give any number of distinct stories whose sentences read like
news but share no rare word with another story, while every version within a
family keeps its story's vocabulary. Words a rewrite adds come from the
version's own vocabulary key, so they match nothing upstream.

Each family is a wire original (owner dateline "CITY, March 3 (AFP) - " and a
"© 2026 AFP" footer) and versions derived from it or from one another (chains
up to three deep): syndicated copies wrapped in page furniture, excerpts,
rewrites (drops, additions, reordering, word edits, merges, splits) and
summaries; derived versions cite the agency. About 5% of the articles are
unrelated singletons. Files get opaque random names; ``truth.json`` maps each
id (file name without extension) to {"parent", "kind", "family", "depth"}.
The same seed always gives byte-identical output.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import random
import re
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

KINDS = ("original", "copy", "excerpt", "rewrite", "summary", "unrelated")
#: Relative frequency of each kind of version inside a family.
VERSION_WEIGHTS = {"copy": 0.3, "excerpt": 0.1, "rewrite": 0.38, "summary": 0.22}
#: Kinds that can be the parent of a further version (a chain).
CAN_BE_PARENT = frozenset({"original", "copy", "rewrite"})
MAX_DEPTH = 3

# Kept as they are in every story: they carry the sentence structure.
FUNCTION_WORDS = frozenset(
    """a about above across after again against ago all almost along also although always am among an
    and another any are around as at away back be because been before being below between both but by
    can cannot could did do does doing done down during each either else enough even ever every few
    for from further had has have having he her here hers herself him himself his how however i if in
    into is it its itself just last least less like many may me might more most much must my near
    neither never next no nor not now of off often on once one only or other others our ours out over
    own per perhaps quite rather same several shall she should since so some still such than that the
    their theirs them themselves then there these they this those though through thus to too toward
    towards under unless until up upon us very via was we well were what whatever when where whether
    which while who whom whose why will with within without would yet you your yours
    said says say told tell added asked according
    zero two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen
    sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred
    thousand million billion dozen dozens half percent first second third
    monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow
    january february march april june july august september october november december
    mr mrs ms dr gov sen rep gen st jr inc corp ltd co jan feb mar apr jun jul aug sep sept oct nov dec
    """.split()  # noqa: SIM905 (a word list reads better as text)
)
AGENCIES = ("AFP", "Reuters", "AP", "EFE", "dpa")
_AGENCY_RE = re.compile(
    r"\b(?:AFP|Agence France[- ]Presse|Reuters|AP|Associated Press|EFE|dpa|Xinhua|Bloomberg|ANSA|Kyodo)\b"
)
OUTLETS = (
    "The Harbour Times", "The Coastal Post", "Morning Briefing", "The Daily Ledger", "Valley Courier",
    "Northern Herald", "The Capital Gazette", "Metro Observer", "The River Tribune", "Pacific Chronicle",
    "The Summit Record", "Evening Dispatch", "The Lakeside Journal", "Market Watchman", "The Plains Sentinel",
)  # fmt: skip
REPORTERS = (
    "Daniela Ruiz", "Lena Hartigan", "Tom Okafor", "Priya Nair", "Jonas Berg", "Claire Dubois",
    "Mateo Silva", "Hannah Kowalski", "Samuel Adeyemi", "Ines Moreau", "Paul Fischer", "Aiko Tanaka",
)  # fmt: skip
NAVIGATION = ("Menu", "Search", "Home", "News", "World", "Business", "Politics", "Sport", "Opinion",
              "Weather", "Subscribe", "Log in")  # fmt: skip
SHARE_LINES = ("Share this article", "Share on Facebook   Share on X   Email   Copy link")
NEWSLETTER_LINES = (
    "Sign up for our newsletter",
    "Sign up for our morning newsletter and get the day's top stories in your inbox.",
)
ADVERBS = ("also", "still", "now", "already", "reportedly")

_TOKEN = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*|\d+(?:[.,]\d+)*")
_SUFFIXES = ("ings", "ing", "ers", "er", "ies", "es", "ed", "s", "ly")
_POSSESSIVE = re.compile(r"^(.*?)(['’]s)$")
# Single consonants twice as often as clusters, plain vowels twice as often as
# pairs: words read easily, and there are enough of them for 10,000 articles.
_ONSETS = ("b", "d", "f", "g", "h", "j", "k", "l", "m", "n", "p", "r", "s", "t", "v", "w", "z") * 2 + (
    "br", "dr", "kr", "tr", "pr", "gr", "fl", "pl", "st", "sk", "sh", "ch", "th")  # fmt: skip
_VOWELS = ("a", "e", "i", "o", "u") * 2 + ("ai", "au", "ou", "ia", "io")
_SYLLABLES = tuple(onset + vowel for onset in _ONSETS for vowel in _VOWELS)
# A pseudo-word ends in one of these, never in s, r, e or y, so no English
# suffix (-s, -es, -er, -ed, -ing, -ly) can be mistaken for part of it.
_FINALS = ("k", "l", "m", "n", "t")
_DATELINE = re.compile(
    r"^(?:[A-Z][A-Z'’. -]+(?:,[^()\n]{0,40}?)?\s*(?:\([^)]{1,40}\))?\s*[-–—]+\s+"
    r"|[A-Z][A-Za-z .'’-]{1,40}/\s*(?=[A-Z]))"
)
_FURNITURE = re.compile(
    r"©|all rights reserved|sign up|newsletter|share this|subscribe|advertis|cookie|source link|inbox"
    r"|privacy|lorem ipsum|terms of (?:use|service)|comments? (?:are|is)",
    re.IGNORECASE,
)
_ABBREVIATION_END = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Gov|Sen|Rep|Gen|St|Jr|Inc|Corp|Ltd|Co|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept"
    r"|Oct|Nov|Dec|No|vs)|\b[A-Z]|\b(?:[A-Za-z]\.)+[A-Za-z])\.$"
)


# --------------------------------------------------------------------- input


def split_sentences(paragraph: str) -> list[str]:
    """A plain splitter: ., ! or ? (and closing quotes) before a capital, not after an abbreviation."""
    out, start = [], 0
    for m in re.finditer(r"[.!?]+[\"”’)]*\s+(?=[\"“‘(]?[A-Z0-9])", paragraph):
        piece = paragraph[start : m.end()].strip()
        if m.group().startswith(".") and _ABBREVIATION_END.search(piece.rstrip('"”’)')):
            continue
        out.append(piece)
        start = m.end()
    rest = paragraph[start:].strip()
    return [*out, rest] if rest else out


def _content(text: str) -> set[str]:
    return {t.lower() for t in _TOKEN.findall(text) if t.isalpha() and t.lower() not in FUNCTION_WORDS}


def _strip_agencies(sentence: str) -> str:
    sentence = re.sub(r",?\s+according to (?:the )?" + _AGENCY_RE.pattern, "", sentence)
    sentence = re.sub(r",?\s+(?:the )?" + _AGENCY_RE.pattern + r" (?:reported|said)(?=[.,])", "", sentence)
    return re.sub(r"\btold (?:the )?" + _AGENCY_RE.pattern, "said", sentence)


def read_templates(folder: Path) -> list[str]:
    """Distinct prose sentences of every .txt and .md file under folder, in a stable order."""
    files = sorted(p for p in folder.rglob("*") if p.suffix.lower() in {".txt", ".md", ".markdown"})
    pool: list[str] = []
    seen: list[set[str]] = []
    for path in files:
        text = path.read_text(encoding="utf-8", errors="replace")
        for raw in text.splitlines():
            line = re.sub(r"[*_`]+", "", " ".join(raw.split()))
            line = re.sub(r"(?<=[a-z])([.!?][\"”’]?)(?=[A-Z][a-z])", r"\1 ", line)  # "said.The"
            if line.startswith("#") or len(line.split()) < 8 or not re.search(r"[.!?][\"”’)]*$", line):
                continue
            if _FURNITURE.search(line):
                continue
            for sentence in split_sentences(_DATELINE.sub("", line, count=1)):
                sentence = _strip_agencies(sentence)
                words = _content(sentence)
                if not 8 <= len(sentence.split()) <= 60 or _AGENCY_RE.search(sentence) or len(words) < 4:
                    continue
                # A near-duplicate of a kept sentence (a rewrite in the input) adds nothing.
                if any(len(words & other) / len(words | other) >= 0.4 for other in seen):
                    continue
                seen.append(words)
                pool.append(sentence[0].upper() + sentence[1:])
    return pool


# ---------------------------------------------------------------- vocabulary


class Vocabulary:
    """Pseudo-words per vocabulary key, never shared between keys.

    Words are never reused. Two words also collide when their first six letters
    agree (a stemmer that truncates would merge them), so a fresh prefix is
    preferred; only when three draws in a row hit taken prefixes (a corpus of
    many thousand articles fills the space) is a fresh word enough.
    """

    def __init__(self, seed: int, reserved: Iterable[str] = ()) -> None:
        self._seed = seed
        self._cache: dict[tuple[str, str], str] = {}
        self._prefixes: set[str] = {w[:6] for w in reserved}
        self._words: set[str] = set(reserved)

    def _hash(self, key: str, text: str, salt: int = 0) -> int:
        data = f"{self._seed}\x1f{key}\x1f{text}\x1f{salt}".encode()
        return int.from_bytes(hashlib.blake2b(data, digest_size=16).digest(), "big")

    def offset(self, key: str) -> int:
        """The story-specific shift applied to its numbers."""
        return 1 + self._hash(key, "\x00offset") % 37

    def stem(self, key: str, stem: str) -> str:
        cached = self._cache.get((key, stem))
        if cached is not None:
            return cached
        syllables = 2 if len(stem) <= 4 else 3 if len(stem) <= 9 else 4
        h, salt, draws = self._hash(key, stem), 0, 0
        while True:
            if h < 1 << 40:  # used up: draw again, and go longer, this length is crowded
                salt += 1
                h, syllables = self._hash(key, stem, salt), syllables + 1
            parts = []
            for _ in range(syllables):
                h, k = divmod(h, len(_SYLLABLES))
                parts.append(_SYLLABLES[k])
            h, k = divmod(h, len(_FINALS))
            word = "".join(parts) + _FINALS[k]
            draws += 1
            if word not in self._words and (draws > 3 or word[:6] not in self._prefixes):
                break
        self._prefixes.add(word[:6])
        self._words.add(word)
        self._cache[key, stem] = word
        return word

    def word(self, token: str, key: str) -> str:
        """token in vocabulary key: function words kept, content words replaced, numbers shifted."""
        if token[0].isdigit():
            return _shift_number(token, self.offset(key))
        lower = token.lower()
        if lower in FUNCTION_WORDS or len(token) <= 2:
            return token
        possessive = _POSSESSIVE.match(token)
        tail = ""
        if possessive and possessive[1].lower() not in FUNCTION_WORDS:
            lower, tail = possessive[1].lower(), possessive[2]
        suffix = next((s for s in _SUFFIXES if lower.endswith(s) and len(lower) - len(s) >= 4), "")
        new = self.stem(key, lower[: len(lower) - len(suffix)]) + suffix
        if token.isupper() and len(token) > 1:
            new = new.upper()
        elif token[0].isupper():
            new = new.capitalize()
        return new + tail

    def apply(self, text: str, key: str) -> str:
        return _TOKEN.sub(lambda m: self.word(m[0], key), text)


def _shift_number(token: str, offset: int) -> str:
    digits = token.replace(",", "")
    whole, dot, fraction = digits.partition(".")
    if not whole.isdigit() or (fraction and not fraction.isdigit()):
        return token
    value = str(int(whole) + offset)
    if "," in token:
        value = f"{int(value):,}"
    return value + dot + fraction


def is_content(token: str, reserved: frozenset[str]) -> bool:
    """A word a story owns (not a function word, number or template word)."""
    lower = token.lower()
    return token.isalpha() and len(token) > 2 and lower not in FUNCTION_WORDS and lower not in reserved


def template_words() -> frozenset[str]:
    """Every word the generator writes outside story vocabularies (furniture, outlets, credits)."""
    texts = [
        *OUTLETS,
        *REPORTERS,
        *NAVIGATION,
        *SHARE_LINES,
        *NEWSLETTER_LINES,
        *ADVERBS,
        *AGENCIES,
        "Skip to main content Tags Advertisement Source link Related stories Read more By",
        "All rights reserved",
        "reported according Published Updated PM AM",
    ]
    return frozenset(t.lower() for text in texts for t in re.findall(r"[^\W\d_]+", text))


# ------------------------------------------------------------------- stories


@dataclass
class Version:
    """One article of the corpus, before it is rendered to text."""

    family: int
    kind: str
    key: str  # vocabulary key of the words this version itself adds
    title: str
    paragraphs: list[list[str]]
    agency: str | None
    dateline: str = ""  # prefix of the first sentence
    published: dt.date | None = None
    outlet: str | None = None
    furniture: bool = False
    parent: int | None = None  # index into the corpus list
    depth: int = 0
    id: str = ""

    @property
    def sentences(self) -> list[str]:
        return [s for p in self.paragraphs for s in p]

    @property
    def cites(self) -> bool:
        mention = re.compile(rf"\b{self.agency}\b")
        return self.agency is not None and any(mention.search(s) for s in self.sentences)


def _group(sentences: Sequence[str], rng: random.Random) -> list[list[str]]:
    paragraphs: list[list[str]] = []
    k = 0
    while k < len(sentences):
        n = rng.choice((1, 1, 2, 2, 3))
        paragraphs.append(list(sentences[k : k + n]))
        k += n
    return paragraphs


def _title(sentence: str) -> str:
    """A headline from a sentence: its first clause of four words or more, at most ten words."""
    clauses = [c.split() for c in re.split(r"[,;:]", re.sub(r"[\"“”‘’]|\b[A-Z]\.", "", sentence))]
    words = next((c for c in clauses if len(c) >= 4), sentence.split())[:10]
    while len(words) > 4 and (words[-1].lower().strip(".") in FUNCTION_WORDS or len(words[-1]) < 3):
        words.pop()
    return " ".join(words).rstrip(".!?")


class Generator:
    def __init__(self, templates: Sequence[str], seed: int) -> None:
        if len(templates) < 6:
            raise ValueError(f"need at least 6 prose sentences in the input, found {len(templates)}")
        self.templates = list(templates)
        self.rng = random.Random(seed)
        self.reserved = template_words()
        self.vocab = Vocabulary(seed, self.reserved)
        self._keys = 0

    def new_key(self, prefix: str) -> str:
        self._keys += 1
        return f"{prefix}{self._keys}"

    # -- word-level operations on rendered sentences --------------------------

    def reword(self, sentence: str, key: str, share: float, keep_names: float = 0.0) -> str:
        """Replace about share of the content words with words of vocabulary key."""
        rng = self.rng

        def swap(m: re.Match[str]) -> str:
            token = m[0]
            if token[0].isdigit():
                return token if rng.random() < 0.6 else _round_number(token)
            if not is_content(token, self.reserved) or rng.random() >= share:
                return token
            if token[0].isupper() and rng.random() < keep_names:
                return token
            return self.vocab.word(token, key)

        return _TOKEN.sub(swap, sentence)

    def edit(self, sentence: str, key: str) -> str:
        """A light word-level edit: a word swapped, dropped or inserted."""
        rng = self.rng
        tokens = [m for m in _TOKEN.finditer(sentence) if is_content(m[0], self.reserved)]
        if not tokens:
            return sentence
        op = rng.random()
        m = rng.choice(tokens)
        if op < 0.6:
            n = rng.randint(1, min(3, len(tokens)))
            for m in sorted(rng.sample(tokens, n), key=lambda t: -t.start()):
                sentence = sentence[: m.start()] + self.vocab.word(m[0], key) + sentence[m.end() :]
            return sentence
        if op < 0.8 and len(tokens) > 4 and m.start() > 0:
            return re.sub(r" (?=[,.;:])", "", sentence[: m.start()] + sentence[m.end() :].lstrip())
        if m.start() == 0 or sentence[m.start() - 1] != " ":
            return sentence
        return sentence[: m.start()] + rng.choice(ADVERBS) + " " + sentence[m.start() :]

    def new_sentences(self, n: int, key: str, avoid: Sequence[str]) -> list[str]:
        fresh = [t for t in self.templates if t not in avoid] or self.templates
        return [self.vocab.apply(t, key) for t in self.rng.sample(fresh, min(n, len(fresh)))]

    # -- stories and versions -------------------------------------------------

    def base_story(self, family: int, agency: str | None) -> tuple[Version, list[str]]:
        rng = self.rng
        key = f"story{family}"
        n = min(len(self.templates), rng.randint(12, 20))
        chosen = rng.sample(self.templates, n)
        sentences = [self.vocab.apply(t, key) for t in chosen]
        day = dt.date(2026, 1, 1) + dt.timedelta(days=rng.randint(0, 330))
        city = self.vocab.stem(key, " city").upper()
        dateline = f"{city}, {day:%B} {day.day} ({agency}) - " if agency else f"{city} - "
        version = Version(
            family,
            "original" if agency else "unrelated",
            key,
            _title(sentences[0]),
            _group(sentences, rng),
            agency,
            dateline,
            day,
        )
        if not agency:
            version.published, version.furniture = day, rng.random() < 0.5
            version.outlet = rng.choice(OUTLETS)
        return version, chosen

    def derive(self, parent: Version, kind: str, templates: Sequence[str]) -> Version:
        rng = self.rng
        key = self.new_key("v")
        sentences = parent.sentences
        # Syndicated copy keeps the dateline (and so the agency's own credit) as a rule.
        keeps = kind in {"copy", "excerpt"} and (parent.kind != "original" or rng.random() < 0.7)
        child = Version(parent.family, kind, key, parent.title, [], parent.agency)
        child.dateline = parent.dateline if keeps else ""
        child.published = (parent.published or dt.date(2026, 6, 1)) + dt.timedelta(
            days=0 if kind in {"copy", "excerpt"} else rng.choice((0, 0, 1))
        )
        child.outlet = rng.choice(OUTLETS)
        if kind == "copy":
            paragraphs = [list(p) for p in parent.paragraphs]
            for _ in range(rng.choice((0, 0, 1, 2))):
                if len(paragraphs) > 3:
                    paragraphs[-1].pop()
                    paragraphs = [p for p in paragraphs if p]
            # At least one change, so that a copy of this copy can be told from a copy of its parent.
            edits, attempts = rng.choice((0, 1, 1, 2)), 20
            while attempts and (edits or paragraphs == parent.paragraphs):
                p = rng.randrange(len(paragraphs))
                s = rng.randrange(len(paragraphs[p]))
                paragraphs[p][s] = self.edit(paragraphs[p][s], key)
                edits, attempts = max(0, edits - 1), attempts - 1
            child.paragraphs, child.furniture = paragraphs, True
        elif kind == "excerpt":
            n = max(4, round(len(sentences) * rng.uniform(0.35, 0.7)))
            child.paragraphs, child.furniture = _group(sentences[:n], rng), rng.random() < 0.6
        elif kind == "rewrite":
            child.paragraphs = _group(self._rewrite(sentences, key, templates), rng)
            child.title = self.reword(parent.title, key, 0.5)
            child.furniture = rng.random() < 0.7
            city = re.match(r"[A-Z][A-Z'’. -]*[A-Z]", parent.dateline)
            if city and rng.random() < 0.4:
                child.dateline = city[0] + "/ "
        else:  # summary
            child.paragraphs = _group(self._summary(sentences, key), rng)
            child.title = self.reword(parent.title, key, 0.8)
            child.furniture = rng.random() < 0.5
        if child.agency and f"({child.agency})" not in child.dateline and not child.cites:
            self._cite(child, summary=kind == "summary")
        return child

    def _rewrite(self, sentences: Sequence[str], key: str, templates: Sequence[str]) -> list[str]:
        rng = self.rng
        out = [sentences[0]] + [s for s in sentences[1:] if rng.random() >= 0.15]
        out = [
            self.reword(s, key, 0.5) if (r := rng.random()) < 0.08 else self.edit(s, key) if r < 0.5 else s
            for s in out
        ]
        out = _merge_and_split(out, rng, 0.08)
        for _ in range(rng.randint(1, 3)):  # reorder: move a sentence elsewhere
            if len(out) > 3:
                s = out.pop(rng.randrange(1, len(out)))
                out.insert(rng.randrange(1, len(out) + 1), s)
        for s in self.new_sentences(rng.randint(1, 4), key, templates):
            out.insert(rng.randrange(1, len(out) + 1), s)
        return out

    def _summary(self, sentences: Sequence[str], key: str) -> list[str]:
        rng = self.rng
        n = max(3, round(len(sentences) * rng.uniform(0.25, 0.45)))
        keep = sorted([0, *rng.sample(range(1, len(sentences)), min(n - 1, len(sentences) - 1))])
        out = [self.reword(sentences[k], key, 0.5, keep_names=0.7) for k in keep]
        out = [  # keep only the main clause of some sentences
            s.split(", ")[0].rstrip(".") + "."
            if ", " in s[:-20] and not re.search('["“”]', s) and rng.random() < 0.3
            else s
            for s in out
        ]
        return _merge_and_split(out, rng, 0.25, split=0.0)

    def _cite(self, version: Version, *, summary: bool) -> None:
        agency, sentences = version.agency, version.sentences
        assert agency is not None
        said = [k for k, s in enumerate(sentences[:6]) if " said " in s]
        if summary:
            k, new = 0, re.sub(r"([.!?])([\"”’]?)$", rf", {agency} reported\1\2", sentences[0])
        elif said and self.rng.random() < 0.5:
            k = said[0]
            new = sentences[k].replace(" said ", f" told {agency} ", 1)
        else:
            k = next((k for k, s in enumerate(sentences[:3]) if s.endswith(".")), 0)
            new = re.sub(r"([.!?])([\"”’]?)$", rf", according to {agency}\1\2", sentences[k])
        for paragraph in version.paragraphs:
            if k < len(paragraph):
                paragraph[k] = new
                return
            k -= len(paragraph)


def _story_words(version: Version) -> set[str]:
    words = _content(" ".join(_strip_agencies(s) for s in version.sentences))
    return words - {a.lower() for a in ADVERBS}


def carries_changes(child: Version, parent: Version, grandparent: Version) -> bool:
    """Whether child's text shows anything its parent changed in the grandparent's.

    A word the parent brought in (credits and the common adverbs aside, which
    anyone may add) or one of its sentences not in the grandparent, word for
    word. When it shows nothing, no reading of the text can tell the parent
    from the grandparent as the child's source.
    """
    new_words = _story_words(parent) - _story_words(grandparent)
    if new_words & _story_words(child):
        return True
    before = {_strip_agencies(s) for s in grandparent.sentences}
    changed = {_strip_agencies(s) for s in parent.sentences} - before
    return bool(changed & {_strip_agencies(s) for s in child.sentences})


def _round_number(token: str) -> str:
    digits = token.replace(",", "").split(".")[0]
    if not digits.isdigit() or len(digits) < 2 or 1900 <= int(digits) <= 2100:  # keep years
        return token
    rounded = round(int(digits), -(len(digits) - 1))
    return f"{rounded:,}" if "," in token or rounded >= 10_000 else str(rounded)


def _merge_and_split(
    sentences: list[str], rng: random.Random, merge: float, split: float = 0.08
) -> list[str]:
    out: list[str] = []
    for s in sentences:
        if out and out[-1].endswith(".") and not out[-1].endswith("..") and rng.random() < merge:
            first = s.split(" ", 1)[0]
            joined = s[0].lower() + s[1:] if first.lower() in FUNCTION_WORDS and first != "I" else s
            out[-1] = f"{out[-1][:-1]}, and {joined}"
            continue
        m = re.search(r"[,;] (?:and |but |while )?(?=[a-z])", s)
        head = s[: m.start()] if m else ""
        if (
            m
            and rng.random() < split
            and len(head.split()) >= 6
            and len(s[m.end() :].split()) >= 5
            and head.count('"') % 2 == 0  # not inside a quotation
            and head.count("“") == head.count("”")
        ):
            out += [head + ".", s[m.end()].upper() + s[m.end() + 1 :]]
            continue
        out.append(s)
    return out


# ----------------------------------------------------------------- rendering


def _date_line(day: dt.date, rng: random.Random) -> str:
    hour, minute = rng.randint(1, 12), rng.randint(0, 59)
    return rng.choice(
        (
            f"{day:%A}, {day.day} {day:%B} {day.year} {hour:02d}:{minute:02d} {rng.choice(('AM', 'PM'))}",
            f"{day:%B} {day.day}, {day.year}",
            f"Published: {day.isoformat()}",
            f"Updated {day.day} {day:%B} {day.year}",
        )
    )


def render(version: Version, gen: Generator) -> str:
    """The text of one article file."""
    rng = gen.rng
    lines: list[str] = []
    body = [list(p) for p in version.paragraphs]
    if version.dateline:
        body[0][0] = version.dateline + body[0][0]
    if version.furniture:
        assert version.outlet is not None
        lines += ["Skip to main content", version.outlet, *rng.sample(NAVIGATION, rng.randint(3, 7))]
        tags = [w.lower() for w in version.title.split() if is_content(w, gen.reserved)][:3]
        if tags and rng.random() < 0.7:
            lines.append("Tags: " + " | ".join(tags))
        lines += ["", version.title, ""]
    else:
        lines += [version.title, ""]
    if version.kind != "original":
        lines.append(f"By {rng.choice(REPORTERS)}" + (f", {version.outlet}" if version.outlet else ""))
        if version.published and rng.random() < 0.85:
            lines.append(_date_line(version.published, rng))
        if version.furniture and rng.random() < 0.6:
            lines.append(rng.choice(SHARE_LINES))
        lines.append("")
    advert = rng.randrange(1, len(body)) if version.furniture and len(body) > 2 and rng.random() < 0.4 else -1
    for k, paragraph in enumerate(body):
        if k == advert:
            lines += ["Advertisement", ""]
        lines += [" ".join(paragraph), ""]
    if version.kind == "original":
        lines.append(
            f"© {version.published.year if version.published else 2026} {version.agency}"
            + rng.choice((". All rights reserved.", ""))
        )
    if version.furniture:
        lines += [
            rng.choice(SHARE_LINES),
            rng.choice(NEWSLETTER_LINES),
            f"© 2026 {version.outlet}. All rights reserved.",
            "Source link",
            "",
            rng.choice(("Related stories", "Read more")),
        ]
        for _ in range(rng.randint(2, 4)):
            headline = _title(gen.vocab.apply(rng.choice(gen.templates), gen.new_key("related")))
            lines.append(headline)
    return "\n".join(lines).rstrip() + "\n"


# ---------------------------------------------------------------- the corpus


def _family_sizes(total: int, family_size: int, rng: random.Random) -> list[int]:
    if total <= 0:
        return []
    count = max(1, round(total / family_size))
    sizes = [total // count + (1 if k < total % count else 0) for k in range(count)]
    for _ in range(count):  # vary sizes without changing the total
        a, b = rng.randrange(count), rng.randrange(count)
        move = rng.randint(0, 3)
        if a != b and sizes[a] - move >= 3:
            sizes[a] -= move
            sizes[b] += move
    return sizes


def generate(
    templates: Sequence[str],
    articles: int,
    seed: int = 1,
    family_size: int = 10,
    unrelated_share: float = 0.05,
) -> tuple[dict[str, str], dict[str, dict[str, object]]]:
    """The corpus as {id: text} and its ground truth {id: {parent, kind, family, depth}}.

    An article whose parent has a parent also gets "silent": for how many
    generations, from its parent up, its text shows none of the changes each
    version made (see carries_changes): 0 when it shows its parent's, 1 when
    only the grandparent's or none up to the grandparent, and so on. An
    article silent for k generations can only be placed k levels too high.
    """
    gen = Generator(templates, seed)
    rng = gen.rng
    unrelated = min(articles, round(articles * unrelated_share + 0.49)) if articles > 2 else 0
    corpus: list[Version] = []
    families = 0
    for family, size in enumerate(_family_sizes(articles - unrelated, family_size, rng)):
        original, used = gen.base_story(family, rng.choice(AGENCIES))
        members = [len(corpus)]
        corpus.append(original)
        for _ in range(size - 1):
            kind = rng.choices(list(VERSION_WEIGHTS), weights=list(VERSION_WEIGHTS.values()))[0]
            upstream = [m for m in members if corpus[m].kind in CAN_BE_PARENT and corpus[m].depth < MAX_DEPTH]
            parent = members[0] if rng.random() < 0.55 else rng.choice(upstream)
            child = gen.derive(corpus[parent], kind, used)
            child.parent, child.depth = parent, corpus[parent].depth + 1
            members.append(len(corpus))
            corpus.append(child)
        families += 1
    for k in range(unrelated):
        corpus.append(gen.base_story(families + k, None)[0])
    names: set[str] = set()
    for version in corpus:
        while not version.id or version.id in names:
            version.id = f"{rng.getrandbits(48):012x}"
        names.add(version.id)
    texts = {v.id: render(v, gen) for v in corpus}
    truth: dict[str, dict[str, object]] = {
        v.id: {
            "parent": None if v.parent is None else corpus[v.parent].id,
            "kind": v.kind,
            "family": v.family,
            "depth": v.depth,
        }
        for v in corpus
    }
    for v in corpus:
        # How many generations up from its parent the article's text shows no change of.
        silent, node = 0, v.parent
        while node is not None and corpus[node].parent is not None:
            above = corpus[node].parent
            assert above is not None
            if carries_changes(v, corpus[node], corpus[above]):
                break
            silent, node = silent + 1, above
        if v.depth >= 2:
            truth[v.id]["silent"] = silent
    return dict(sorted(texts.items())), dict(sorted(truth.items()))


def write_corpus(
    texts: dict[str, str], truth: dict[str, dict[str, object]], out: Path, truth_path: Path
) -> None:
    out.mkdir(parents=True, exist_ok=True)
    for article_id, text in texts.items():
        (out / f"{article_id}.txt").write_text(text, encoding="utf-8")
    truth_path.write_text(json.dumps(truth, indent=1, sort_keys=True) + "\n", encoding="utf-8")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--input",
        type=Path,
        default=Path(__file__).resolve().parent.parent / "examples",
        help="folder of plain-text articles (.txt, .md) to take sentences from",
    )
    parser.add_argument("--articles", type=int, default=100, help="how many articles to write")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--family-size", type=int, default=10, help="articles per family, on average")
    parser.add_argument("--out", type=Path, required=True, help="output folder (must be empty or absent)")
    parser.add_argument("--truth", type=Path, help="where to write the ground truth (default OUT/truth.json)")
    args = parser.parse_args(argv)
    if args.out.exists() and any(args.out.iterdir()):
        parser.error(f"{args.out} is not empty")
    templates = read_templates(args.input)
    try:
        texts, truth = generate(templates, args.articles, args.seed, args.family_size)
    except ValueError as exc:
        parser.error(str(exc))
    write_corpus(texts, truth, args.out, args.truth or args.out / "truth.json")
    families = len({t["family"] for t in truth.values()})
    print(
        f"{len(texts)} articles in {families} families from {len(templates)} sentences -> {args.out}",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
