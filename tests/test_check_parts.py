"""The pieces provtrace check is built from: quotations, figures, lines, waivers, agencies, the index."""

from __future__ import annotations

import pytest

from provtrace.agencies import agency_of_site, agency_table, canonical_agency, phrase_pattern
from provtrace.check.config import ConfigError
from provtrace.check.figures import changed_figures, find_figures
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


# --- figures ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("Thirty-two Cubans and eleven sources", ["32", "11"]),
        ("a shortfall of 1,200 pesos and $1.2 billion", ["1200", "1200000000"]),
        ("two hundred and fifty people on January 3 and 3 March", ["250", "date 1-3", "date 3-3"]),
        ("a 3 percent rise in 2026", ["3", "2026"]),
        ("a dozen trips", ["12"]),
        ("the younger one kicked the older one, and each one of them hit one man", ["1"]),
        ("songs of the early 1960s, the '70s and the 1980's", ["decade 1960", "decade 70", "decade 1980"]),
        ("Boeing 747s and 1,200s", ["747", "1200"]),
    ],
)
def test_figures_have_canonical_values(text: str, values: list[str]) -> None:
    assert [f.value for f in find_figures(text)] == values


def test_a_figure_in_the_same_place_that_differs_is_a_change() -> None:
    wire = find_figures("Thirty-two Cubans were killed in the attack on January 3.")
    story = find_figures("23 Cubans were killed in the attack on January 3.")
    (change,) = changed_figures(story, wire, close=False)
    assert (change.story.text, change.wire.text) == ("23", "Thirty-two")


def test_a_year_inside_a_decade_the_wire_gives_is_no_changed_figure() -> None:
    """METER: "I Saw Her Standing There from 1962" against "in the early 1960s _ I Saw Her Standing There"."""
    wire = find_figures("He played a song he first performed in the early 1960s, I Saw Her Standing There.")
    story = find_figures("He launched into I Saw Her Standing There from 1962, a song from those years.")
    assert changed_figures(story, wire, close=True) == []
    (change,) = changed_figures(
        find_figures("songs of the 1970s"), find_figures("songs of the 1960s"), close=True
    )
    assert (change.story.text, change.wire.text) == ("1970s", "1960s")


@pytest.mark.parametrize(
    ("text", "units"),
    [
        ("Blake, 27, and Chambers, 33, who were aged ten", ["age", "age", "age"]),
        ("a 24-year-old fined £4m, 50p and 3 percent", ["age", "money", "money", "percent"]),
        ("for 19 long hours, two years ago, at 1.17pm, 40 tonnes", ["hours", "years", "time", "tonnes"]),
        ("On Monday, 12 ships and 32 of its citizens", ["", ""]),
    ],
)
def test_a_figure_knows_what_it_measures_where_its_words_say(text: str, units: list[str]) -> None:
    assert [f.unit for f in find_figures(text)] == units


def test_a_road_or_a_code_is_no_figure_and_a_short_sum_is_one() -> None:
    assert find_figures("at the M25 and M20 interchange, G7 leaders") == []
    assert [f.value for f in find_figures("fined £4m, not $5k")] == ["4000000", "5000"]
    assert [f.value for f in find_figures("a 4m wall")] == ["4"]  # metres, not millions
    assert [f.value for f in find_figures("34. December 5, 1989")] == ["34", "date 12-5", "1989"]


@pytest.mark.parametrize(
    ("story", "wire"),
    [  # METER: one number each side of a loosely reworded sentence, about different things
        ("Blake, 27, said they were still angry.", "The two men's solicitor said they were angry."),
        ("He was awarded the medal two years ago.", "He was awarded the medal in 1997."),
        ("Cameron was ordered to serve 85 months at the M25 site.", "They fought at the M20 site."),
        ("It is more than ten years since millions watched.", "More than 30 million people watched."),
        ("A fracture to the skull about 7in long.", "An 18cm fracture to her skull."),  # converted
    ],
)
def test_figures_of_different_kinds_are_no_change_even_in_a_near_identical_sentence(
    story: str, wire: str
) -> None:
    for close in (False, True):
        assert changed_figures(find_figures(story), find_figures(wire), close=close) == []


def test_in_a_reworded_sentence_figures_pair_by_a_word_shared_near_them() -> None:
    story = find_figures("Three of the sailors were treated for burns.")
    wire = find_figures("Two crew members were treated for burns.")
    (change,) = changed_figures(story, wire, close=False)
    assert (change.story.text, change.wire.text) == ("Three", "Two")
    assert (
        changed_figures(find_figures("Four friends died."), find_figures("It took 17 fans."), close=False)
        == []
    )


def test_an_added_or_dropped_figure_elsewhere_is_not_a_change() -> None:
    wire = find_figures("Officials said 40 ships were waiting outside the port.")
    story = find_figures("In 2026 officials said dozens of vessels were waiting.")
    assert changed_figures(story, wire, close=False) == []
    assert changed_figures(story, wire, close=True) == []  # two figures, nothing in common


def test_a_figure_known_from_another_wire_version_is_not_a_change() -> None:
    wire = find_figures("All 23 crew members were evacuated.")
    story = find_figures("All 25 crew members were evacuated.")
    assert changed_figures(story, wire, known=frozenset({"25"}), close=True) == []


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
