"""Small builders shared by the tests."""

from __future__ import annotations

from provtrace.models import Article, Credit, CreditKind, Sentence


def article(
    article_id: str,
    sentences: list[str],
    *,
    owns: str | None = None,
    cites: str | None = None,
    published: str | None = None,
    site: str | None = None,
) -> Article:
    credits = []
    if owns:
        credits.append(Credit(owns, f"© {owns}", CreditKind.OWNER))
    if cites:
        credits.append(Credit(cites, f"told {cites}", CreditKind.CITES))
    return Article(
        id=article_id,
        path=f"{article_id}.txt",
        title=None,
        site=site,
        published=published,
        author=None,
        credits=tuple(credits),
        sentences=tuple(Sentence(i, s) for i, s in enumerate(sentences)),
        removed=(),
    )
