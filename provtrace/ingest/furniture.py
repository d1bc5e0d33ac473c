"""Strip page furniture from a plain-text capture of a web page.

A "select all, copy" of a news page brings navigation, tag lines, share and
newsletter prompts, related-story teasers and copyright footers along with
the story. The story itself is the run of prose paragraphs in the middle;
everything around it, and debris lines inside it, is furniture. What is
removed is kept so the JSON and explanations can show it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache

from provtrace.ingest.directives import strip_directives
from provtrace.ingest.pullquotes import Paragraphs
from provtrace.scripts import SENTENCE_END, word_count

_DEBRIS = re.compile(
    r"""^(?:
        skip\ to\ (?:main\ )?content | jump\ to | go\ ?to\ ?top | back\ to\ top | top
      | menu | search | home | log\ ?in | sign\ ?in | subscribe(?:\ now)? | toggle\ navigation
      | sign\ ?up(?:\ (?:now|today|here|free))?[.!]? | click\ here\b.{0,60}
      | tags?\s*: .* | topics?\s*: .* | filed\ under\s*: .* | categor(?:y|ies)\s*:? .*
      | (?:share|tweet|email|print|copy\ link)\b.{0,60}
      | .{0,40}\b(?:newsletter|sign\ up\ for|subscribe\ to)\b.*
      | receive\ breaking\ news.* | enter\ your\ e-?mail.* | comments?\ (?:are|is)\ moderated.*
      | \(?optional\b.{0,40}\)?
      | privacy(?:\ policy)?\b.*
      | (?:interest-based\ )?advertis(?:e|ement|ing)\b.{0,80} | sponsored(?:\ content)?
      | (?:©|\(c\)|copyright\b).{0,120}
      | source\ link | source\s*: .{0,60} | read\ more.{0,80} | continue\ reading.{0,40}
      | related(?:\ (?:stories|articles|posts|news|coverage|topics))?\s*:?.{0,0}
      | (?:more|latest)\ (?:from|posts|news|stories|from\ (?:the\ )?blog).{0,40}
      | (?:previous|next)\ (?:story|article|post)
      | (?:join|read\ and\ post|leave\ a|post\ a|view|show)\b.{0,20}\bcomments?\b.*
      | please\ review\ (?:our\ )?community\ guidelines.* | comments?\s*\(?\d*\)?
      | download\ (?:the|our)\b.{0,30}\bapp\b.* | follow\ us\b.* | get\ the\ app.*
      | terms\ of\ (?:use|service)\b.* | contact\ us | about\ us | \d+\ mins?\ read
      | listen\ to\ (?:this\ )?article.* | photo\s*: .{0,80} | image\s*: .{0,80}
      | (?:by\ )?staff\ and\ wire\ reports | .{0,40}\bloading\b\.{0,3}
      | (?:(?:last\ )?(?:updated|published|posted)\s*:?\s*)?(?:an?|\d+)\s*
        (?:s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?|weeks?|months?|years?)\ ago\.?
      | our\ standards\s*:.{0,100} | .{0,40}\btrust\ principles\b.{0,20}
      | (?:(?:do\ you\ )?have|got)\ a\ (?:news\ )?(?:tip|story)\b.{0,200}
    )$""",
    re.IGNORECASE | re.VERBOSE,
)
#: Debris that can stand anywhere in a line: kept apart from _DEBRIS, and tried only on a line
#: holding one of _ANYWHERE_WORDS (each of its forms needs one), as scanning a long paragraph
#: for them is most of the cost of telling a line is no debris.
_DEBRIS_ANYWHERE = re.compile(
    r"""^(?:
        .*\b(?:to|in)\ your\ inbox\b.* | .*\bcommunity\ (?:rules|guidelines)\b.*
      | .*\bcookies?\b.{0,80} | .*\bdo\ not\ sell\b.*
      | .*\ball\ rights\ reserved\b.* | .*\b(?:registered\ )?trademarks?\ of\b.*
    )$""",
    re.IGNORECASE | re.VERBOSE,
)
_ANYWHERE_WORDS = re.compile(
    r"your\ inbox | community\  | cookie | do\ not\ sell | all\ rights\ reserved | trademark",
    re.IGNORECASE | re.VERBOSE,
)
#: Debris that sites put inside the story, between its paragraphs: it must not split the story.
_INTERRUPTION = re.compile(
    r"""^(?:
        (?:the\ )?(?:story|article)\ continues\ (?:below|after)\b.{0,40} | continue\ reading\ below.{0,40}
      | (?:related|see\ also|also\ read|read\ also|more\ on\ this(?:\ story)?|must\ read)\s*:.{0,200}
      | (?:don['’]?t\ miss|watch|video|listen|recommended|trending|up\ next|read\ next)\s*:.{0,200}
      | editors?['’]?\ ?s?\ note\s*[:—–-].{0,600}
      | (?:click|tap)\ (?:here\ )?(?:on\ )?(?:the\ )?(?:(?:image|photo|picture|graphic|map)\ )?
        to\ (?:enlarge|expand|zoom|view\ (?:larger|full|the\ full)).{0,40}
    )$""",
    re.IGNORECASE | re.VERBOSE,
)
#: The photographer's or agency's credit that ends a photo caption: "REUTERS/Jane Doe",
#: "(AP Photo/Jane Doe, File)", "NAME/AFP via Getty Images", "Photo: Jane Doe/AFP".
#: Agency names keep their case here: "Reuters/Ipsos poll" ends a sentence, not a caption.
_PHOTO_CREDIT = re.compile(
    r"""(?:
        \bREUTERS/\s*[A-Z][\w.'’-]*(?:[\s-]+[A-Z][\w.'’-]*){0,4}(?:\s*/\s*[A-Z][\w ]{0,20}){0,2}
      | \b(?:AP|AFP|EPA|PA|UPI|Xinhua)\s+(?:Photo|Images?)\s*(?:/|\bby\b)[^\n]{1,80}
      | \b(?:EPA(?:-EFE)?|AFP|ANSA|EFE)\s*/\s*[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,4}
      | (?:/|\bvia\b|\bfor\b)\s*Getty\s+Images | ^Getty\s+Images
      | (?i:\b(?:photo(?:graph)?|picture|image|credit)s?\s*(?::|\bby\b))\s*[^\n]{0,60}/\s*[A-Z][\w .&-]{1,40}
      | \((?i:photo(?:graph)?|picture|image)\s*:\s*[^()\n]{1,60}\)
    )[\s.,;)\]]*$""",
    re.VERBOSE,
)
_DATE_LINE = re.compile(
    r"^(?:(?:today|updated|published|posted)\s*:?\s*)?"
    r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s*)?"
    r"(?:\d{1,2}\s+[a-z]+\.?\s+\d{4}|[a-z]+\.?\s+\d{1,2},?\s+\d{4}|\d{4}-\d{2}-\d{2})"
    r"(?:(?:[\sT,|]+|\s+at\s+)\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?\s*[a-z]{0,4})?\.?$",
    re.IGNORECASE,
)
# Words typical of lorem-ipsum style placeholder text that sites leave in templates.
_PLACEHOLDER = frozenset(
    [
        "lorem",
        "ipsum",
        "dolor",
        "amet",
        "consectetur",
        "adipiscing",
        "elit",
        "sed",
        "eiusmod",
        "tempor",
        "incididunt",
        "labore",
        "dolore",
        "magna",
        "aliqua",
        "enim",
        "minim",
        "veniam",
        "quis",
        "nostrud",
        "exercitation",
        "ullamco",
        "laboris",
        "nisi",
        "aliquip",
        "commodo",
        "consequat",
        "tation",
        "nominavi",
        "qualisque",
        "possit",
        "clita",
        "latine",
        "vel",
        "quo",
        "mea",
        "eam",
        "nam",
        "ius",
        "cum",
        "te",
    ]
)
_TRUNCATED = re.compile(r"(?:\.\.\.|…)$")
_WORD = re.compile(r"\w+")
#: A wire desk's note to editors above the story, wholly in brackets: "(corrected repetition,
#: correcting name of police operation in 10th par)", "(ADVISORY: Note correct spelling …)",
#: "[Eds: adds quotes]". It is never the headline.
_EDITORS_NOTE = re.compile(r"^(?:\([^()]*\)|\[[^\[\]]*\])$")
#: A byline: "By Jane Doe", and with a role or desk after a comma, "By Jane Doe, Showbusiness
#: Correspondent, PA News" (the author is the name).
_BYLINE = re.compile(
    r"^(?:By|BY|by)\s+([A-Z][\w.'’-]*(?:\s+(?:and\s+)?[A-Z][\w.'’-]*){0,5})(?:\s*,\s*[^.!?]{1,80})?$"
)


@dataclass(frozen=True, slots=True)
class Cleaned:
    """The story text of a capture, and what was taken out of it."""

    text: str
    removed: tuple[str, ...]
    title: str | None
    date_line: str | None
    author: str | None = None


def is_placeholder(line: str) -> bool:
    """True for lorem-ipsum style template text."""
    words = _WORD.findall(line)
    if len(words) < 4:
        return False
    hits = sum(map(_PLACEHOLDER.__contains__, map(str.lower, words)))
    return hits >= max(3, len(words) // 3)


def _may_hold_photo_credit(line: str) -> bool:
    """A cheap test that every _PHOTO_CREDIT match passes: each of its forms has one of these in it."""
    return (
        "/" in line
        or "Getty" in line
        or "Photo" in line
        or "Image" in line
        or ("(" in line and ":" in line)
    )


def is_photo_caption(line: str) -> bool:
    """True for a photo caption: a line ending with the photographer's or agency's photo credit."""
    return _may_hold_photo_credit(line) and bool(_PHOTO_CREDIT.search(line))


def is_interruption(line: str) -> bool:
    """True for furniture found between a story's paragraphs: a photo caption, "Story continues below",
    "Click to enlarge", a teaser ("Don't miss: …", "Watch: …"), an editor's note, a date line."""
    return bool(_INTERRUPTION.match(line)) or bool(_DATE_LINE.match(line)) or is_photo_caption(line)


#: Lines whose reading a process keeps: the copies of a story repeat its paragraphs, and
#: outlets their furniture.
_LINES_KEPT = 1 << 14


@lru_cache(maxsize=_LINES_KEPT)
def is_debris(line: str) -> bool:
    """True for a line that is page furniture whatever its position."""
    return (
        bool(_DEBRIS.match(line))
        or (_ANYWHERE_WORDS.search(line) is not None and _DEBRIS_ANYWHERE.match(line) is not None)
        or is_placeholder(line)
        or is_interruption(line)
    )


@lru_cache(maxsize=_LINES_KEPT)
def _is_prose(line: str) -> bool:
    words = word_count(line)
    if _TRUNCATED.search(line):
        return False  # a teaser cut short ("... familiar with the...")
    return (words >= 8 and bool(SENTENCE_END.search(line))) or words >= 25


def _is_short_sentence(line: str) -> bool:
    """A line too short for prose that is still a sentence: a capital first, an end mark last."""
    return (
        word_count(line) >= _SHORT_SENTENCE_WORDS
        and line[:1].isupper()
        and bool(SENTENCE_END.search(line))
        and not _TRUNCATED.search(line)
        and not _CREDIT_LINE.search(line)
    )


#: What a line of furniture costs the run of prose it sits in: enough that a footer of prompts
#: and teasers ends the story, while an "Advertisement" between paragraphs is bridged.
_DEBRIS_COST = -15.0
#: Captions and "Story continues below" sit between paragraphs by nature: several never end the story.
_INTERRUPTION_COST = -1.0
#: A short line that is neither prose nor furniture (a headline, a label).
_SHORT_LINE_COST = -3.0
#: A short line that is a whole sentence ("Police said no one was hurt."): a story's short last
#: paragraph. It adds a little, so that it is kept where it follows the story directly, yet
#: never carries the story across furniture.
_SHORT_SENTENCE_SCORE = 1.0
#: The fewest words of such a sentence (a subject, a verb and more).
_SHORT_SENTENCE_WORDS = 3
#: A short line that credits the reporting is no sentence of the story ("The Associated Press
#: contributed to this report.", "Reporting by Jane Doe; Editing by John Roe."): credits.py reads it.
_CREDIT_LINE = re.compile(
    r"\bcontributed\s+(?:to\s+)?(?:this\s+)?(?:report|story|article)|\b(?:reporting|editing|writing)\s+by\b",
    re.IGNORECASE,
)


def _story_span(lines: list[str], debris: Mapping[str, bool]) -> tuple[int, int] | None:
    """The densest run of prose: the maximum-sum run of line scores.

    A prose paragraph scores its word count; furniture costs a lot and other
    short lines (headlines, labels) a little, so a lone "Advertisement" inside
    the story is bridged while a footer of prompts and teasers is not.
    """
    best: tuple[float, int, int] | None = None
    total, begin = 0.0, 0
    for i, line in enumerate(lines):
        if debris[line]:
            score = _INTERRUPTION_COST if is_interruption(line) else _DEBRIS_COST
        elif _is_prose(line):
            score = float(min(word_count(line), 80))
        elif _is_short_sentence(line):
            score = _SHORT_SENTENCE_SCORE
        else:
            score = _SHORT_LINE_COST
        if total <= 0:
            total, begin = 0.0, i
        total += score
        if score > 0 and (best is None or total > best[0]):
            best = (total, begin, i)
    if best is None:
        return None
    _, start, end = best
    while start < end and not _is_prose(lines[start]):
        start += 1
    return start, end


def unwrap(lines: list[str]) -> list[str]:
    """Join the lines of hard-wrapped paragraphs ("fill" at 72 or 80 columns).

    A file is hard-wrapped when its long lines share a maximum width; there, a
    line that reaches near that width without ending a sentence continues on
    the next line. Captures with one paragraph per line are left alone.
    """
    lengths = sorted(len(line) for line in lines if line)
    if len(lengths) < 4:
        return lines
    width = lengths[int(0.9 * (len(lengths) - 1))]
    if width > 100 or width < 30:
        return lines
    out: list[str] = []
    joining = False
    for line in lines:
        if joining and line:
            out[-1] = out[-1] + " " + line
        else:
            out.append(line)
        joining = bool(line) and len(line) >= 0.8 * width and not SENTENCE_END.search(out[-1])
    return out


def clean_capture(text: str) -> Cleaned:
    """Separate the story from the page furniture around and inside it.

    provtrace's own directives (waiver lines) are dropped first: they are
    neither story nor furniture, and never a title, a sentence or a credit.
    """
    lines = unwrap([" ".join(line.split()) for line in strip_directives(text).splitlines()])
    lines = [line for line in lines if line]
    debris = {line: is_debris(line) for line in set(lines)}  # the pattern is long: test each line once
    span = _story_span(lines, debris)
    if span is None:
        story = [line for line in lines if not debris[line]]
        return Cleaned("\n".join(story), tuple(line for line in lines if debris[line]), None, None, None)
    start, end = span
    header, body, trailer = lines[:start], lines[start : end + 1], lines[end + 1 :]
    date_line = next((line for line in header if _DATE_LINE.match(line)), None)
    author = next((m[1] for line in header if (m := _BYLINE.match(line))), None)
    # The headline: the longest remaining header line of four words or more, not an editor's note.
    titles = [
        line
        for line in header
        if not debris[line]
        and not _DATE_LINE.match(line)
        and not _BYLINE.match(line)
        and not _EDITORS_NOTE.match(line)
        and word_count(line) >= 4
        and not SENTENCE_END.search(line)
    ]
    title = max(titles, key=len) if titles else None
    removed: list[str] = list(header)
    kept: list[str] = []
    paragraphs = Paragraphs(body)
    for line in body:
        if debris[line] or paragraphs.is_pull_quote(line) or (title is not None and line == title):
            removed.append(line)
        else:
            kept.append(line)
    removed.extend(trailer)
    return Cleaned("\n".join(kept), tuple(removed), title, date_line, author)
