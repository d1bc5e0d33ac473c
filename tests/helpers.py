"""Small builders and texts shared by the tests (test modules import from here, never from each other)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from provtrace.models import Article, Credit, CreditKind, LinkKind, Sentence, Trace
from provtrace.options import TraceOptions
from provtrace.pipeline import trace_articles


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


# --- a wire story and unrelated filler (alignment, inference, lineage) ------------------

WIRE = [
    "Dockworkers at Port Selwyn walked out on Sunday after wage talks with the port authority collapsed.",
    "The union says the automation plan would eliminate up to 900 jobs at the East and West terminals.",
    "Thirty-two strikers were briefly detained after scuffles with police outside the North Terminal gates.",
    "Flower exporters warned that 40 tonnes of roses were spoiling in refrigerated containers on the quays.",
    "Labour Minister Carla Montiel will meet union leaders in the capital on Wednesday morning.",
    "Shipping lines have begun diverting vessels to Puerto Cabral, a smaller harbour further south.",
]
FILLER = [
    "A bakery in the old quarter won a regional prize for its rye bread this spring.",
    "The municipal orchestra announced a new season of open-air concerts in August.",
]

EXTRA = [
    "Police said three officers were lightly injured in the scuffles outside the gates on Monday.",
    "The port handles nearly 70 percent of the country's trade, according to the central bank.",
    "Gov. Rodrigo Salcedo offered to act as a mediator between the union and the authority.",
]
FULL = WIRE + EXTRA


def run(*articles: Article) -> Trace:
    return trace_articles(list(articles), TraceOptions())


def parents(result: Trace) -> dict[str, str]:
    return {e.child: e.parent for e in result.edges}


# --- the real seeds: article ids ---------------------------------------------------------

NEWSMAX, TRANSLATION, SUMMARY = "001_1d8441e6aa364e4e", "000_8604864dd5df0757", "003_ebb5bced4a154161"


# --- hostile article text (formats, diff, the browser) ------------------------------------

ESC = "\x1b[31mred\x1b[0m \x1b]8;;http://evil.example\x07link\x1b]8;;\x07"
HOSTILE = "[bold red]x[/] <script>alert(1)</script> | # * _ ` ~~ &amp; " + ESC
NEUTRAL = [
    "The Brennock council approved a lean budget after a debate that ran past midnight.",
    "Councillors voted seven to four for the plan, which cuts road maintenance by a fifth.",
    "Mayor Lena Brask said the library opening hours would be protected despite the cuts.",
    "Opposition councillors warned that potholes would multiply across the northern districts.",
    "The budget also freezes hiring at the town hall until the end of next year.",
]


def hostile_files(folder: Path) -> tuple[Path, Path]:
    """Two related article files, each with a hostile sentence the other lacks."""
    paths = []
    for name, line in (
        ("a", f"Councillors said {HOSTILE} was typed into the comment box of the budget page on Monday."),
        ("b", f"Residents complained on Tuesday that {HOSTILE} appeared on the library noticeboard."),
    ):
        path = folder / f"{name}.txt"
        path.write_text("\n\n".join([*NEUTRAL, line]), encoding="utf-8")
        paths.append(path)
    return paths[0], paths[1]


FORMULAS = ['=HYPERLINK("http://evil.example","x") was typed in the box.', "@SUM(A1) too", "+1+1", "-2+3"]


def hostile_trace() -> Trace:
    """A pair whose ids, titles, sites, altered, added and dropped sentences carry hostile text."""
    bad_id = 'evil"<blink>|#*`' + "\x1b[2J"
    parent = article(bad_id, [*NEUTRAL, f"Dropped line {HOSTILE}"], owns="AFP", site=f"Site {HOSTILE}")
    child_sentences = [*NEUTRAL, *(f"{f}" for f in FORMULAS), f"Added line {HOSTILE}"]
    child_sentences[2] = f"Mayor Lena Brask said the library opening hours {HOSTILE} would be protected."
    child = article("child", child_sentences, cites="AFP")
    parent = replace(parent, title=f"Title {HOSTILE}", path=f"{bad_id}.txt")
    child = replace(child, title=f"Other {HOSTILE}")
    result = trace_articles([parent, child], TraceOptions(all_pairs=True))
    assert len(result.edges) == 1 and result.edges[0].parent == bad_id
    kinds = {l.kind for al in result.alignments for l in al.links}
    assert LinkKind.ALTERED in kinds or LinkKind.PARAPHRASE in kinds
    return result
