"""Raw document -> Article: story text, title, date, site, author, credits.

Saved HTML pages go through trafilatura (imported here and nowhere else);
plain-text and Markdown captures go through the furniture stripper; JSON
may be trafilatura's own output or any object with title and text fields.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from provtrace.controls import control_pictures
from provtrace.ingest.credits import find_credits, find_publisher, is_sign_off
from provtrace.ingest.decoding import decode as decode  # re-exported: check reads raw files with it
from provtrace.ingest.furniture import clean_capture, is_photo_caption
from provtrace.ingest.language import detect_language
from provtrace.ingest.sentences import split_sentences
from provtrace.ingest.types import InputKind, kind_of
from provtrace.models import Article, RawDocument, Sentence, Skip

_MONTHS = {
    m: i + 1
    for i, names in enumerate(
        [
            ("january", "jan", "enero"),
            ("february", "feb", "febrero"),
            ("march", "mar", "marzo"),
            ("april", "apr", "abril"),
            ("may", "mayo"),
            ("june", "jun", "junio"),
            ("july", "jul", "julio"),
            ("august", "aug", "agosto"),
            ("september", "sep", "sept", "septiembre"),
            ("october", "oct", "octubre"),
            ("november", "nov", "noviembre"),
            ("december", "dec", "diciembre"),
        ]
    )
    for m in names
}
_ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})")
_DAY_MONTH_YEAR = re.compile(r"\b(\d{1,2})\s+(?:de\s+)?([a-z]+)\.?,?\s+(?:de\s+)?(\d{4})", re.IGNORECASE)
_MONTH_DAY_YEAR = re.compile(r"\b([a-z]+)\.?\s+(\d{1,2}),?\s+(\d{4})", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Extracted:
    """What one document yields before it gets its final id."""

    path: str
    title: str | None
    site: str | None
    published: str | None
    author: str | None
    text: str
    removed: tuple[str, ...]


def parse_date(text: str | None) -> str | None:
    """The first recognisable calendar date in text, as YYYY-MM-DD."""
    if not text:
        return None
    candidates: list[tuple[int, int, int, int]] = []  # (position, y, m, d)
    for m in _ISO_DATE.finditer(text):
        candidates.append((m.start(), int(m[1]), int(m[2]), int(m[3])))
    for m in _DAY_MONTH_YEAR.finditer(text):
        month = _MONTHS.get(m[2].lower())
        if month:
            candidates.append((m.start(), int(m[3]), month, int(m[1])))
    for m in _MONTH_DAY_YEAR.finditer(text):
        month = _MONTHS.get(m[1].lower())
        if month:
            candidates.append((m.start(), int(m[3]), month, int(m[2])))
    for _, year, month, day in sorted(candidates):
        if 1 <= month <= 12 and 1 <= day <= 31 and 1900 <= year <= 2200:
            return f"{year:04d}-{month:02d}-{day:02d}"
    return None


def _clean_text(text: str) -> str:
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    return control_pictures(text, keep_layout=True)


def _extract_html(raw: RawDocument, text: str) -> Extracted:
    import trafilatura
    from trafilatura.settings import use_config

    config = use_config()
    config.set("DEFAULT", "EXTRACTION_TIMEOUT", "0")  # signals break in worker threads
    result = trafilatura.bare_extraction(
        text,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        favor_precision=True,
        deduplicate=False,
        config=config,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    if result is None:
        return Extracted(raw.path, None, None, None, None, "", ())
    meta: dict[str, Any] = result.as_dict() if hasattr(result, "as_dict") else dict(result)
    body = clean_capture(str(meta.get("text") or ""))
    return Extracted(
        raw.path,
        meta.get("title") or body.title,
        meta.get("sitename") or meta.get("hostname"),
        parse_date(meta.get("date")) or parse_date(body.date_line),
        meta.get("author") or body.author,
        body.text,
        body.removed,
    )


def _extract_json(raw: RawDocument, text: str) -> Extracted | str:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        return f"not valid JSON ({exc.msg} at line {exc.lineno})"
    if not isinstance(data, dict) or not isinstance(data.get("text") or data.get("raw_text"), str):
        return 'JSON without a "text" field (expected trafilatura\'s JSON or {"title", "text"})'
    body = clean_capture(str(data.get("text") or data.get("raw_text")))

    def field(*names: str) -> str | None:
        for name in names:
            value = data.get(name)
            if isinstance(value, str) and value.strip():
                return value.strip()
        return None

    return Extracted(
        raw.path,
        field("title") or body.title,
        field("sitename", "site", "source-hostname", "hostname", "source"),
        parse_date(field("date", "published", "filedate")) or parse_date(body.date_line),
        field("author", "byline"),
        body.text,
        body.removed,
    )


_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MD_EMPHASIS = re.compile(r"(\*{1,3}|_{1,3}|`+)(?=\S)(.+?)(?<=\S)\1")
_MD_PREFIX = re.compile(r"^\s{0,3}(?:>\s?)+|^\s*(?:[-*+]|\d+[.)])\s+(?=\S)")
_MD_RULE = re.compile(r"^\s*(?:[-*_]\s*){3,}$")
_HTML_TAG = re.compile(r"</?[a-zA-Z][^>]*>")


def _markdown_to_text(text: str) -> tuple[str, str | None]:
    """Plain text from Markdown, and the first level-1 heading as a title."""
    title = None
    lines: list[str] = []
    in_fence = False
    for line in text.splitlines():
        if line.lstrip().startswith(("```", "~~~")):
            in_fence = not in_fence
            continue
        if in_fence or _MD_RULE.match(line):
            continue
        heading = re.match(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$", line)
        if heading:
            if title is None and len(heading[1]) == 1:
                title = heading[2]
                continue
            line = heading[2]
        line = _MD_PREFIX.sub("", line)
        line = _MD_LINK.sub(r"\1", line)
        line = _MD_EMPHASIS.sub(r"\2", line)
        lines.append(_HTML_TAG.sub("", line))
    return "\n".join(lines), title


def _looks_like_html(text: str) -> bool:
    head = text[:2000].lstrip().lower()
    return head.startswith(("<!doctype html", "<html")) or ("<body" in head and "</" in text)


def _extract_text(raw: RawDocument, text: str) -> Extracted:
    body = clean_capture(text)
    return Extracted(
        raw.path, body.title, None, parse_date(body.date_line), body.author, body.text, body.removed
    )


def _extract_markdown(raw: RawDocument, text: str) -> Extracted:
    plain, title = _markdown_to_text(text)
    body = clean_capture(plain)
    return Extracted(
        raw.path, title or body.title, None, parse_date(body.date_line), body.author, body.text, body.removed
    )


#: The extractor of each kind of input (ingest/types.py): text -> the story, or why there is none.
_EXTRACTORS: dict[InputKind, Callable[[RawDocument, str], Extracted | str]] = {
    InputKind.HTML: _extract_html,
    InputKind.TEXT: _extract_text,
    InputKind.MARKDOWN: _extract_markdown,
    InputKind.JSON: _extract_json,
}


def _kind(raw: RawDocument, text: str) -> InputKind:
    """The kind named by the suffix; a plain-text or unnamed file that holds a web page is HTML."""
    kind = kind_of(raw.suffix) or InputKind.TEXT
    if kind is InputKind.TEXT and _looks_like_html(text):
        return InputKind.HTML
    return kind


def extract_document(raw: RawDocument) -> Extracted | Skip:
    """Extract one document; say why it was skipped when it holds no story."""
    text = _clean_text(decode(raw.data))
    result = _EXTRACTORS[_kind(raw, text)](raw, text)
    if isinstance(result, str):
        return Skip(raw.path, result)
    if not result.text.strip():
        return Skip(raw.path, "no article text found in it")
    return result


def credit_texts(extracted: Extracted) -> list[str]:
    """Where credits are looked for: the story, the furniture removed from it, the author.

    Photo captions are left out: "REUTERS/Jane Doe" credits a picture, not the text.
    """
    removed = [line for line in extracted.removed if not is_photo_caption(line)]
    return [extracted.text, "\n".join(removed), extracted.author or ""]


def build_article(article_id: str, extracted: Extracted) -> Article:
    """Split the story into sentences and collect its credits."""
    said = [s for s in split_sentences(extracted.text) if not is_sign_off(s)]
    sentences = tuple(Sentence(i, s) for i, s in enumerate(said))
    credits = find_credits(credit_texts(extracted), site=extracted.site)
    # Without site metadata, a publisher's own copyright footer names the site.
    site = extracted.site or find_publisher(["\n".join(extracted.removed)])
    return Article(
        id=article_id,
        path=extracted.path,
        title=extracted.title,
        site=site,
        published=extracted.published,
        author=extracted.author,
        credits=credits,
        sentences=sentences,
        removed=extracted.removed,
        language=detect_language(s.text for s in sentences),
    )
