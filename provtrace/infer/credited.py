"""What credits say of direction: an agency's own copy against an outlet's text.

An agency's byline or copyright marks its own copy; a news desk's sign-off
closing a later take does too. Outlets take from agencies far more often than
the reverse, so such copy is upstream of a text that cites the agency or
credits none, unless it credits that text's own outlet for its story
(infer/pickup.py). infer.direction weighs these signals with the others.
"""

from __future__ import annotations

from provtrace.agencies import desk_sign_off
from provtrace.models import Article, CreditKind
from provtrace.wording import possessive

#: A signal: its weight for a -> b and its sentence of evidence.
Signal = tuple[float, str]

#: An agency's own credit against a text citing that agency: strong, but a rewrite
#: can keep a byline, so it does not outweigh a large containment asymmetry alone.
OWN_CREDIT_WEIGHT = 1.5
#: An agency's own copy (its byline, e.g. "By NAME, PA News") against a text crediting no agency
#: at all: outlets take from agencies far more often than the reverse (the uncredited reuse
#: check exists for this). Only pairs judged derived get a direction, so a paper's own reporter
#: covering the same event no longer argues for less; on METER a story merging several agency
#: items otherwise looks like their source (2026-12-01: 4 of 15 such reversals set right).
AGENCY_COPY_WEIGHT = 2.0
#: An agency's copy republished by a site: weak, sites also republish each other.
REPUBLISHED_WEIGHT = 0.5


def agencies(article: Article, kind: CreditKind) -> dict[str, str]:
    """The agencies credited by the article in that way, each with the credit's text."""
    return {c.agency: c.text for c in article.credits if c.kind is kind}


def quote(text: str) -> str:
    """Text in curly quotes, cut to 120 characters."""
    return "“" + (text if len(text) <= 120 else text[:119] + "…") + "”"


def credit_signals(a: Article, b: Article) -> list[Signal]:
    """An agency's own copy against a text citing it, republished by a site, or against a text
    crediting no agency: each says which way the pair runs."""
    signals: list[Signal] = []
    for up, down, sign in ((a, b, 1.0), (b, a, -1.0)):
        owned, cited = agencies(up, CreditKind.OWNER), agencies(down, CreditKind.CITES)
        down_owned = agencies(down, CreditKind.OWNER)
        for agency in sorted(owned):
            if agency in cited and agency not in down_owned:
                signals.append(
                    (
                        sign * OWN_CREDIT_WEIGHT,
                        f"{up.id} carries {possessive(agency)} own credit "
                        f"({quote(owned[agency])}); {down.id} cites {agency} ({quote(cited[agency])})",
                    )
                )
            elif agency in down_owned and up.site is None and down.site:
                signals.append(
                    (sign * REPUBLISHED_WEIGHT, f"{down.id} is {agency} copy republished by {down.site}")
                )
            elif agency not in down_owned and agency not in cited and not wire_copy(down):
                signals.append(
                    (
                        sign * AGENCY_COPY_WEIGHT,
                        f"{up.id} is {possessive(agency)} own copy ({quote(owned[agency])}); "
                        f"{down.id} carries no agency’s credit: outlets take from agencies",
                    )
                )
    return signals


def owns_any(article: Article) -> bool:
    """The article carries some agency's own credit (a byline, a copyright)."""
    return any(c.kind is CreditKind.OWNER for c in article.credits)


def sign_off(article: Article) -> str | None:
    """The news desk's sign-off closing the article: its last line of furniture, or its last
    "sentence" where the text around it was too short to be told from furniture (a set list)."""
    last = article.sentences[-1].text if article.sentences else None
    return desk_sign_off(article.removed) or (desk_sign_off((last,)) if last else None)


def wire_copy(article: Article) -> bool:
    """The article is an agency's copy: it carries an agency's own credit or a news desk's sign-off."""
    return owns_any(article) or sign_off(article) is not None


def desk_signals(a: Article, b: Article) -> list[Signal]:
    """A later take of an agency's story carries no byline, only the desk's sign-off: it is wire copy
    all the same, and outlets take from agencies (as AGENCY_COPY_WEIGHT) where the other is no wire copy."""
    for up, down, sign in ((a, b, 1.0), (b, a, -1.0)):
        mark = sign_off(up)
        if mark is not None and not owns_any(up) and not wire_copy(down) and not down.credits:
            return [
                (
                    sign * AGENCY_COPY_WEIGHT,
                    f"{up.id} is wire copy (it closes with a news desk’s sign-off, {quote(mark)}); "
                    f"{down.id} carries no agency’s credit: outlets take from agencies",
                )
            ]
    return []
