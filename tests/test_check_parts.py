"""The pieces provtrace check is built from: quotations, lines, waivers, agencies, the index (figures:
test_figures.py)."""

from __future__ import annotations

import pytest

from provtrace.agencies import agency_of_site, agency_table, canonical_agency, phrase_pattern
from provtrace.check.config import ConfigError
from provtrace.check.quotes import altered_from, find_quotes
from provtrace.check.rules import Rule
from provtrace.check.waivers import find_waivers, strip_waivers
from provtrace.check.wireindex import build_index, candidates
from provtrace.ingest.sourcemap import SourceMap
from provtrace.models import Sentence

from .helpers import article


def sentences(*texts: str) -> list[Sentence]:
    return [Sentence(i, t) for i, t in enumerate(texts)]


# --- quotations ---------------------------------------------------------------------------------


def test_straight_curly_angle_and_german_quotes_are_found() -> None:
    found = find_quotes(
        sentences(
            '"Straight quote here," he said.',
            "She said “curly quote here” and left.",
            "Il a dit «guillemets ici» hier.",
            "Er sagte „deutsche Anführung hier“ gestern.",
            "He called it ‘a single quote’ twice, and the workers’ union agreed.",
        )
    )
    assert [q.text for q in found] == [
        "Straight quote here,",
        "curly quote here",
        "guillemets ici",
        "deutsche Anführung hier",
        "a single quote",
    ]


def test_a_quotation_running_over_sentences_is_carried() -> None:
    found = find_quotes(
        sentences("“We will stay. We will not move.", "Nobody can make us,” she said.", "Later, calm.")
    )
    assert [(q.sentence, q.text) for q in found] == [
        (0, "We will stay. We will not move."),
        (1, "Nobody can make us,"),
    ]


def test_nested_single_quotes_stay_inside_the_double_quotation() -> None:
    (quote,) = find_quotes(sentences("“Cuba provided ‘Security Services’ for years,” he wrote."))
    assert quote.text == "Cuba provided ‘Security Services’ for years,"


def test_a_changed_word_is_an_alteration_and_a_cut_is_not() -> None:
    wire = find_quotes(sentences('"The crew acted quickly and nobody was seriously hurt," Reyes said.'))
    changed = find_quotes(sentences('"The crew acted fast and nobody was seriously hurt," Reyes said.'))[0]
    alteration = altered_from(changed, wire)
    assert alteration is not None
    assert (alteration.story_excerpt, alteration.wire_excerpt) == (
        "The crew acted fast and nobody was seriously hurt",  # short: shown whole
        "The crew acted quickly and nobody was seriously hurt",
    )
    for faithful in (
        '"nobody was seriously hurt"',
        '"The crew acted quickly … seriously hurt"',
        '"THE CREW ACTED QUICKLY"',
    ):
        assert altered_from(find_quotes(sentences(faithful))[0], wire) is None


_NOT_BACK = '"We are not going back to work until the automation plan is withdrawn," Mora said.'
_TABLE = '"Everything is on the table, and we will have to throw out the old plan," she said.'


@pytest.mark.parametrize(
    ("wire_text", "story_text", "excerpts"),
    [
        # an ellipsis standing for the wire's negation (new-user review, session 19: check passed
        # these while diff flagged the negation)
        (_NOT_BACK, '"We are ... going back to work until the automation plan is withdrawn," he said.',
         ("We are ... going back to work…", "We are not going back to work…")),
        # a [negation] the wire has not there
        (_TABLE, '"Everything is [not] on the table," she said.',
         ("Everything is [not] on the table", "Everything is on the table, and…")),
        (_TABLE, '"Everything is on the table … we will [not] have to throw out the old plan."',
         ("…the table … we will [not] have to throw out…", "…table, and we will have to throw out…")),
    ],
)  # fmt: skip
def test_a_cut_that_drops_or_adds_a_negation_alters_a_quotation(
    wire_text: str, story_text: str, excerpts: tuple[str, str]
) -> None:
    alteration = altered_from(find_quotes(sentences(story_text))[0], find_quotes(sentences(wire_text)))
    assert alteration is not None and (alteration.story_excerpt, alteration.wire_excerpt) == excerpts


@pytest.mark.parametrize(
    ("wire_text", "story_text"),
    [
        (_NOT_BACK, '"We are [not] going back to work," he said.'),  # the wire's own negation
        (_NOT_BACK, '"We are … not going back to work," he said.'),
        (_NOT_BACK, '"We are not going back to work … until the automation plan is withdrawn."'),
        (_TABLE, '"Everything is [still] on the table," she said.'),
        (_TABLE, '"Everything is on the table … we will have to throw out the old plan."'),
        # a longer cut is a passage left out, not a word turned round
        ('"It is not only the pay, it is the plan," he said.', '"It is … the plan," he said.'),
    ],
)
def test_a_cut_that_keeps_the_sense_does_not_alter_a_quotation(wire_text: str, story_text: str) -> None:
    assert altered_from(find_quotes(sentences(story_text))[0], find_quotes(sentences(wire_text))) is None


def test_number_forms_and_hyphens_do_not_alter_a_quotation() -> None:
    wire = find_quotes(sentences('"Thirty-two people were evacuated by well-trained crews," she said.'))
    story = find_quotes(sentences('"32 people were evacuated by well trained crews," she said.'))[0]
    assert altered_from(story, wire) is None


def test_tex_quote_marks_of_wire_copy_are_found_and_an_alteration_in_them_is_caught() -> None:
    """PA files quotations ``like this'' (METER): the rule was blind to every one of them."""
    wire = find_quotes(
        sentences("He said: ``Before we got big we started out playing rock'n'roll at The Cavern.''")
    )
    assert [q.text for q in wire] == ["Before we got big we started out playing rock'n'roll at The Cavern."]
    story = find_quotes(
        sentences('He said: "Before we got big we started out playing rock and roll at the Cavern."')
    )
    alteration = altered_from(story[0], wire)
    assert alteration is not None and "rock and roll" in alteration.story_excerpt


def test_a_compound_written_as_one_word_or_two_does_not_alter_a_quotation() -> None:
    wire = find_quotes(sentences('"They are trapped in the bearhug of their monopolistic rival," he said.'))
    story = find_quotes(sentences('"They are trapped in the bear hug of their monopolistic rival," he said.'))
    assert altered_from(story[0], wire) is None


def test_a_quotation_sharing_only_single_words_with_another_does_not_correspond() -> None:
    """'I just want to die' is no alteration of 'I did not want promotion straight away'."""
    wire = find_quotes(sentences('"I did not want promotion straight away," he said.'))
    story = find_quotes(sentences('"I just want to die," she said.'))
    assert altered_from(story[0], wire) is None


def test_an_unrelated_quotation_does_not_correspond() -> None:
    wire = find_quotes(sentences('"The crew acted quickly and nobody was seriously hurt," Reyes said.'))
    other = find_quotes(sentences('"We are proud of the bakers of this town," the mayor said.'))[0]
    assert altered_from(other, wire) is None


# --- lines --------------------------------------------------------------------------------------


def test_a_passage_is_found_by_its_first_words_through_markup() -> None:
    html = "<html>\n<body>\n<p>First para.</p>\n<p>The council&rsquo;s <b>vote</b> was\nclose.</p>\n</body></html>"
    source = SourceMap(html, "html")
    assert source.line(source.find("The council’s vote was close.")) == 4
    markdown = "# Title\n\nSee [the report](https://x.org/a) about **the port**.\n"
    md = SourceMap(markdown, "md")
    assert md.line(md.find("See the report about the port.")) == 3


def test_a_repeated_phrase_resolves_from_the_hint_on() -> None:
    text = "He said no.\nLater:\nHe said no.\n"
    source = SourceMap(text)
    first = source.find("He said no.")
    assert source.line(first) == 1
    assert source.line(source.find("He said no.", (first or 0) + 1)) == 3


def test_an_unfound_passage_is_line_1() -> None:
    source = SourceMap("nothing here\n")
    assert source.find("completely different words") is None
    assert source.line(None) == 1


# --- waivers ------------------------------------------------------------------------------------


def test_waivers_are_parsed_in_text_and_html_comments() -> None:
    text = (
        "Intro.\n"
        "<!-- provtrace: allow uncredited-reuse Thomson Reuters -- partner deal -->\n"
        "provtrace: allow altered-quote — quote checked with the speaker\n"
        "\n"
        "“A quote,” she said.\n"
    )
    table = agency_table()
    uncredited, quote = find_waivers("s.md", text, table)
    assert (uncredited.rule, uncredited.agency, uncredited.reason, uncredited.line) == (
        Rule.UNCREDITED_REUSE,
        "Reuters",
        "partner deal",
        2,
    )
    assert (quote.rule, quote.scope, quote.reason) == (
        Rule.ALTERED_QUOTE,
        (3, 5),
        "quote checked with the speaker",
    )
    assert quote.covers(Rule.ALTERED_QUOTE, 5, None) and not quote.covers(Rule.ALTERED_QUOTE, 6, None)
    assert uncredited.covers(Rule.UNCREDITED_REUSE, 99, "Reuters") and not uncredited.covers(
        Rule.UNCREDITED_REUSE, 1, "AP"
    )
    assert strip_waivers(text) == "Intro.\n\n“A quote,” she said.\n"


def test_a_waiver_without_reason_is_refused() -> None:
    with pytest.raises(ConfigError, match=r"s\.txt:2: waiver for changed-figure needs a reason"):
        find_waivers("s.txt", "Text.\nprovtrace: allow changed-figure\n", agency_table())


# --- agencies -----------------------------------------------------------------------------------


def test_agency_names_folders_and_sites_resolve_to_the_canonical_name() -> None:
    assert canonical_agency("thomson-reuters") == "Reuters"
    assert canonical_agency("ap") == "AP"
    assert canonical_agency("agence_france_presse") == "AFP"
    assert canonical_agency("local") is None
    assert agency_of_site("https://www.reuters.com/world/") == "Reuters"
    assert agency_of_site("apnews.com") == "AP"
    assert agency_of_site("The Harbour Times") is None


def test_configured_aliases_extend_the_table() -> None:
    table = agency_table({"Agencia Nova": ["Nova", "AN"], "Reuters": ["TR Wire"]})
    assert canonical_agency("nova", table) == "Agencia Nova"
    assert canonical_agency("TR Wire", table) == "Reuters"
    assert phrase_pattern("courtesy of {agency}", "Agencia Nova", table).search("Photo courtesy of Nova.")
    assert not phrase_pattern("courtesy of {agency}", "AP", table).search("courtesy of ap")


# --- the wire index -----------------------------------------------------------------------------


def test_the_index_keeps_only_wire_articles_sharing_a_sentence() -> None:
    wire = [
        article(
            "fire", ["Firefighters battled the blaze aboard the Alba Serena for nine hours in Port Selwyn."]
        ),
        article("budget", ["The Velmora council approved the budget after a long debate on libraries."]),
        article("loose", ["Firefighters in Velmora held a training day."]),
    ]
    story = article("s", ["The blaze aboard the Alba Serena burned for nine hours, firefighters said."])
    assert candidates(build_index(wire), story) == [0]
