"""provtrace check, rule by rule, on the fictional newsroom under tests/data/check."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from provtrace.check.config import CheckConfig, ConfigError, parse_config
from provtrace.check.formats import FindingsOptions
from provtrace.check.formats.text import render_text, summary
from provtrace.check.judge import REUSE_PROBABILITY
from provtrace.check.model import Severity
from provtrace.check.rules import Rule
from provtrace.check.runner import CheckReport, Finding, check
from provtrace.errors import ExitCode, InputError

DATA = Path(__file__).resolve().parent / "data" / "check"
WIRE = DATA / "wire"
REUTERS = (WIRE / "reuters" / "harbour-fire.txt").read_text(encoding="utf-8")
FIRE_STORY = (DATA / "stories" / "credited.txt").read_text(encoding="utf-8")


def run(*stories: Path, wire: Path = WIRE, config: CheckConfig | None = None) -> CheckReport:
    return check([str(s) for s in stories], [str(wire)], config or CheckConfig())


def rules(report: CheckReport) -> list[tuple[str, int, Rule]]:
    return [(Path(f.path).name, f.line, f.rule) for f in report.findings]


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def only(report: CheckReport) -> Finding:
    assert len(report.findings) == 1, report.findings
    return report.findings[0]


# --- uncredited-reuse ---------------------------------------------------------------------------


def test_uncredited_reuse_names_the_agency_the_wire_file_and_the_first_reused_line() -> None:
    finding = only(run(DATA / "stories" / "uncredited.md"))
    assert finding.rule is Rule.UNCREDITED_REUSE and finding.severity is Severity.ERROR
    assert finding.agency == "Reuters"
    assert finding.line == 5  # the first story paragraph, after the title and byline
    assert "6 of 6 sentences (100%) come from the Reuters copy" in finding.message
    assert "never credits Reuters" in finding.message


def test_uncredited_reuse_from_several_articles_of_one_agency_counts_them_all_and_names_the_main_one(
    tmp_path: Path,
) -> None:
    """The count is over every article of the agency the story reuses: the message says how many
    articles, and how much of it the one it names gives (never the whole count as that one's)."""
    paragraphs = REUTERS.split("\n\n")
    credit = paragraphs[1].split(" - ")[0] + " - "
    first = "\n\n".join(paragraphs[:5])  # the title, the dateline paragraph and three more
    second = "\n\n".join([paragraphs[0] + " (update)", credit + paragraphs[5], *paragraphs[6:]])
    wire = tmp_path / "wire"
    write(wire, "fire-1.txt", first)
    write(wire, "fire-2.txt", second)
    finding = only(run(DATA / "stories" / "uncredited.md", wire=wire))
    assert finding.rule is Rule.UNCREDITED_REUSE
    assert "6 of 6 sentences (100%) come from 2 articles of Reuters copy (most, " in finding.message
    assert finding.source is not None and finding.source in finding.message


def test_of_two_wire_copies_giving_as_many_sentences_the_one_the_story_repeats_exactly_is_named(
    tmp_path: Path,
) -> None:
    # New-user review, session 16: a story identical to b.txt was said to come "most, 6, from a.txt",
    # a.txt winning a tie of sentences only by its name.
    story = REUTERS.split("\n\n")
    wire = tmp_path / "wire"
    write(wire, "a.txt", "\n\n".join(story))
    edited = "\n\n".join(story).replace("The 180-metre vessel", "The 180-metre ship")
    assert edited != "\n\n".join(story)
    write(wire, "b.txt", edited)
    body = edited.split("\n\n")[1:-1]  # no title, no "(Reporting by …)" sign-off
    told = "\n\n".join(part.split(" - ", 1)[-1] for part in body).replace(" told Reuters", " said")
    write(tmp_path, "story.md", told)
    finding = only(run(tmp_path / "story.md", wire=wire))
    assert finding.rule is Rule.UNCREDITED_REUSE
    assert "from 2 articles of Reuters copy (most, " in finding.message
    assert finding.source is not None and finding.source.endswith("b.txt"), finding.message


def test_stories_copied_from_the_wire_are_judged_derived_with_high_probability() -> None:
    """Each fictional story that copies the wire copy is derived from it, with its probability."""
    report = run(DATA / "stories" / "uncredited.md", DATA / "stories" / "credited.txt")
    sources = [s for story in report.stories for s in story.sources]
    assert sources and all(s.derived and s.probability >= 0.9 for s in sources)


#: The harbour fire reported by a paper's own reporter: the same facts, names, figures and
#: quotation everyone heard, in the paper's own words.
OWN_REPORTER = """Blaze on fertiliser ship closes part of Port Selwyn

By Dana Whitlow, Harbour Correspondent

Thick smoke hung over Port Selwyn for most of Tuesday as crews fought a fire aboard the Alba Serena, a freighter moored at berth seven.

All 23 sailors were brought ashore safely, and two of them spent a few hours at San Telmo hospital after breathing in smoke.

"The crew acted quickly and nobody was seriously hurt, which is a small miracle given how fast the fire spread," Reyes said.

Julio Reyes, who runs the harbour, said it took firemen nine hours to put the flames out.

The ship arrived from Rotterdam on Monday with 4,200 tonnes of fertiliser in its holds.

Six vessels waiting nearby were sent on to Bahia Norte while the eastern quay stays shut.
"""


def test_a_story_reported_independently_on_the_same_event_passes_and_says_so(tmp_path: Path) -> None:
    """Shared names, figures and a quotation everyone heard are facts, not copying."""
    report = run(write(tmp_path, "own.txt", OWN_REPORTER))
    assert [f for f in report.findings if f.rule is Rule.UNCREDITED_REUSE] == []
    [source] = report.stories[0].sources
    # Five of its six sentences retell the agency's facts, so the odds of copying are near even;
    # check calls a source derived only from REUSE_PROBABILITY (a false accusation costs more).
    assert not source.derived and source.probability < REUSE_PROBABILITY and source.reused >= 1
    text = render_text(report, FindingsOptions()).plain
    said = f"{report.stories[0].path}: compared with 1 wire article, found independent "
    assert f"{said}(probability of copying {source.probability:.2f}; reuse is called from 0.67)\n" in text


def test_uncredited_reuse_fires_only_for_sources_the_story_derives_from(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A story judged independent of the wire copy it shares sentences with passes, and says so."""
    import provtrace.check.runner

    monkeypatch.setattr(provtrace.check.runner, "judge_source", lambda *args: (False, 0.12))
    report = run(DATA / "stories" / "uncredited.md")
    assert report.findings == () and report.exit_code is ExitCode.OK
    [source] = report.stories[0].sources
    assert (source.derived, source.probability, source.reused) == (False, 0.12, 6)
    text = render_text(report, FindingsOptions()).plain
    said = f"{report.stories[0].path}: compared with 1 wire article, found independent "
    assert f"{said}(probability of copying 0.12; reuse is called from 0.67)\n" in text


def test_a_citing_credit_counts_as_crediting() -> None:
    """'told Reuters' in one paragraph credits the whole story."""
    report = run(DATA / "stories" / "credited.txt")
    assert report.findings == () and report.exit_code is ExitCode.OK
    assert report.stories[0].credits == ("Reuters",)


def test_a_contributed_line_credits_an_html_story() -> None:
    report = run(DATA / "stories" / "council.html")
    assert report.findings == ()
    assert report.stories[0].credits == ("AP",)
    assert report.stories[0].sources[0].agency == "AP"


@pytest.mark.parametrize(
    "credit",
    [
        "PORT SELWYN (Reuters) - ",
        "© 2026 Thomson Reuters. ",
        "With reporting by Reuters. ",
        "Reuters contributed to this report. ",
    ],
)
def test_owner_and_contribution_credits_count(tmp_path: Path, credit: str) -> None:
    story = write(
        tmp_path,
        "s.txt",
        FIRE_STORY.replace("told Reuters", "said").replace("A fire swept", credit + "A fire swept"),
    )
    assert run(story).findings == ()


def test_according_to_the_agency_after_naming_it_counts(tmp_path: Path) -> None:
    text = FIRE_STORY.replace("told Reuters", "said").replace(
        "A fire swept", "Reuters, the news agency, was first with the story. A fire swept"
    )
    text = text.replace("the port authority said.", "the port authority said, according to the agency.")
    assert run(write(tmp_path, "s.txt", text)).findings == ()
    named_after = (
        text.replace("Reuters, the news agency, was first with the story. ", "") + "\nReuters covered it.\n"
    )
    assert only(run(write(tmp_path, "s.txt", named_after))).agency == "Reuters"


def test_a_configured_credit_phrase_counts(tmp_path: Path) -> None:
    story = write(
        tmp_path, "s.txt", FIRE_STORY.replace("told Reuters", "said") + "\nWire copy courtesy of Reuters.\n"
    )
    default = run(story)
    assert "Reuters" in only(default).message  # "courtesy of" is not a credit by default
    config = parse_config({"check": {"credit-phrases": ["courtesy of {agency}"]}})
    assert run(story, config=config).findings == ()


def test_crediting_another_agency_does_not_count(tmp_path: Path) -> None:
    story = write(tmp_path, "s.txt", FIRE_STORY.replace("told Reuters", "told AFP"))
    assert only(run(story)).agency == "Reuters"


def test_reuse_below_both_thresholds_passes_and_the_thresholds_are_configurable(tmp_path: Path) -> None:
    own = " ".join(
        f"Paragraph {w} of our own reporting about the local market and its stalls." for w in "abcdefghij"
    )
    reused = REUTERS.split("\n\n")[1].split("(Reuters) - ")[1]
    story = write(tmp_path, "s.txt", f"{own}\n\n{reused}\n")
    assert run(story).findings == ()  # 1 of 11 sentences
    strict = parse_config({"check": {"reuse-sentences": 1}})
    finding = only(run(story, config=strict))
    assert finding.rule is Rule.UNCREDITED_REUSE
    assert finding.message.startswith("1 of 11 sentences (9%) comes from the Reuters copy")


# --- altered-quote ------------------------------------------------------------------------------


def test_altered_quote_points_at_the_line_of_the_quotation() -> None:
    finding = only(run(DATA / "stories" / "altered-quote.txt"))
    assert finding.rule is Rule.ALTERED_QUOTE
    assert finding.line == 7
    assert "“The crew acted fast and nobody was…”" in finding.message
    assert "“The crew acted quickly and nobody was…”" in finding.message


def test_a_quote_inside_a_sentence_with_one_word_changed_is_found(tmp_path: Path) -> None:
    text = FIRE_STORY.replace(
        "Shipping agents said",
        'Ana Varela said the quay would stay shut "until the hull has been checked and declared safe", '
        "and shipping agents said",
    )
    finding = only(run(write(tmp_path, "s.txt", text)))
    assert finding.rule is Rule.ALTERED_QUOTE and finding.line == 13
    assert "checked" in finding.message and "inspected" in finding.message


REYES_QUOTE = (
    '"The crew acted quickly and nobody was seriously hurt, which is a small miracle given how fast the fire '
    'spread," Reyes said.'
)


def test_a_quotation_given_to_another_speaker_is_found(tmp_path: Path) -> None:
    text = FIRE_STORY.replace(REYES_QUOTE, REYES_QUOTE.replace("Reyes said", "Varela said"))
    finding = only(run(write(tmp_path, "s.txt", text)))
    assert finding.rule is Rule.ALTERED_QUOTE and finding.line == 7
    assert "gives “The crew acted quickly and nobody was seriously hurt, which…” to Varela" in finding.message
    assert finding.message.endswith("where the wire gives it to Reyes")


def test_a_short_quotation_two_people_may_both_say_is_not_checked_for_its_speaker(tmp_path: Path) -> None:
    wire_text = (WIRE / "reuters" / "harbour-fire.txt").read_text(encoding="utf-8")
    said = '"The crew acted quickly and nobody was seriously hurt, which is a small miracle given how fast the fire spread," Reyes said.'
    assert said in wire_text and REYES_QUOTE in FIRE_STORY
    write(
        tmp_path,
        "wire/reuters/harbour-fire.txt",
        wire_text.replace(said, '"We are looking into it," Reyes said.'),
    )
    story = FIRE_STORY.replace(REYES_QUOTE, '"We are looking into it," Varela said.')
    assert run(write(tmp_path, "s.txt", story), wire=tmp_path / "wire").findings == ()
    longer = FIRE_STORY.replace(REYES_QUOTE, REYES_QUOTE.replace("Reyes said", "Varela said"))
    assert (
        only(run(write(tmp_path, "t.txt", longer))).rule is Rule.ALTERED_QUOTE
    )  # the same story, a longer quotation


@pytest.mark.parametrize(
    "said",
    [
        "said Julio Reyes, the harbour master.",  # the same speaker in another shape
        "Julio Reyes, the harbour master, said.",
        "harbour master Julio said.",  # a first name the story's fuller name "Julio Reyes" widens
        "he said.",  # no name: nothing to compare
        "said Ana Varela, citing Reyes.",  # two names: unclear whose words
        "Varela said Reyes told her.",  # speech inside speech
        "police said.",
    ],
)
def test_a_quotation_kept_with_its_speaker_or_an_unclear_one_passes(tmp_path: Path, said: str) -> None:
    text = FIRE_STORY.replace(REYES_QUOTE, REYES_QUOTE.replace("Reyes said.", said))
    assert said in text
    assert run(write(tmp_path, "s.txt", text)).findings == ()


@pytest.mark.parametrize(
    "quote",
    [
        "“the crew acted quickly and nobody was seriously hurt,”",  # case and curly quotes
        '"The  crew acted quickly — and nobody was seriously hurt!"',  # spacing and punctuation
        '"The crew acted quickly ... which is a small miracle"',  # an ellipsis cut
        '"The crew [of the Alba Serena] acted quickly and nobody was seriously hurt"',  # a clarification
        '"nobody was seriously hurt"',  # a shorter excerpt
    ],
)
def test_faithful_quotations_pass(tmp_path: Path, quote: str) -> None:
    text = FIRE_STORY.replace(
        '"The crew acted quickly and nobody was seriously hurt, which is a small miracle given how fast the fire spread,"',
        quote,
    )
    assert run(write(tmp_path, "s.txt", text)).findings == ()


VARELA_SAID = (
    '"We will not reopen the eastern quay until the hull has been inspected and declared safe," port authority '
    "director Ana Varela told reporters."
)


@pytest.mark.parametrize(
    ("said", "altered"),
    [
        # A quotation cut so that it loses the negation before it says the opposite (review, session 13).
        (
            'Ana Varela said: "Reopen the eastern quay until the hull has been inspected and declared safe."',
            True,
        ),
        # Kept outside the quotation marks, the negation is the story's own words: no change.
        ('Ana Varela said she would not "reopen the eastern quay until the hull has been inspected".', False),
    ],
)
def test_a_quotation_cut_off_its_negation_is_altered(tmp_path: Path, said: str, altered: bool) -> None:
    wire = write(tmp_path, "wire/reuters/fire.txt", REUTERS)
    assert VARELA_SAID in REUTERS
    story = write(tmp_path, "s.txt", f"{FIRE_STORY}\n{said}\n")
    found = [f for f in run(story, wire=wire.parent.parent).findings if f.rule is Rule.ALTERED_QUOTE]
    assert bool(found) is altered, found
    if altered:
        assert "where the wire has “We will not reopen" in found[0].message


@pytest.mark.parametrize("written", ["70 per cent", "70%", "70 percent", "seventy percent"])
def test_a_percentage_written_another_way_in_a_quotation_is_the_same_words(
    tmp_path: Path, written: str
) -> None:
    assert REYES_QUOTE in REUTERS and REYES_QUOTE in FIRE_STORY
    wire_text = REUTERS.replace(
        REYES_QUOTE, '"About 70 percent of the cargo was saved in the end," Reyes said.'
    )
    wire = write(tmp_path, "wire/reuters/fire.txt", wire_text)
    story = FIRE_STORY.replace(
        REYES_QUOTE, f'"About {written} of the cargo was saved in the end," Reyes said.'
    )
    assert written in story
    assert run(write(tmp_path, "s.txt", story), wire=wire.parent.parent).findings == ()


# --- changed-figure -----------------------------------------------------------------------------


def test_changed_figure_is_a_warning_by_default_and_equivalent_forms_pass() -> None:
    finding = only(run(DATA / "stories" / "changed-figure.txt"))
    assert finding.rule is Rule.CHANGED_FIGURE and finding.severity is Severity.WARNING
    assert finding.line == 3
    assert "the story has “32” where the wire has “23”" in finding.message  # but "9 hours", "6 ships" pass


def test_a_changed_date_is_a_changed_figure(tmp_path: Path) -> None:
    wire = write(tmp_path, "wire/w.txt", REUTERS.replace("on Wednesday", "on May 15"))
    text = FIRE_STORY.replace(
        "Two crew members",
        "Investigators from the national maritime agency were expected to board the ship on May 16 to establish the cause of the fire. Two crew members",
    )
    finding = only(run(write(tmp_path, "s.txt", text), wire=wire.parent))
    assert "“May 16” where the wire has “May 15”" in finding.message


def test_spanish_number_words_equal_digits_and_a_changed_one_is_found(tmp_path: Path) -> None:
    # Review, session 13: "32" against the wire's "Treinta y dos" was reported as against "dos",
    # and "Veintitrés" against it was missed.
    said = "Treinta y dos estibadores fueron detenidos brevemente el lunes tras los enfrentamientos en el puerto."
    write(tmp_path, "wire/efe/w.txt", f"MADRID (EFE) - {said}\n\nEl puerto sigue cerrado desde el domingo.\n")
    same = write(
        tmp_path, "a.txt", f"Huelga en el puerto\n\n{said.replace('Treinta y dos', '32')} Según EFE.\n"
    )
    assert run(same, wire=tmp_path / "wire").findings == ()
    changed = write(
        tmp_path,
        "b.txt",
        f"Huelga en el puerto\n\n{said.replace('Treinta y dos', 'Veintitrés')} Según EFE.\n",
    )
    finding = only(run(changed, wire=tmp_path / "wire"))
    assert "the story has “Veintitrés” where the wire has “Treinta y dos”" in finding.message


def test_number_words_equal_digits(tmp_path: Path) -> None:
    text = FIRE_STORY.replace("all 23 crew", "all twenty-three crew").replace("nine hours", "9 hours")
    assert run(write(tmp_path, "s.txt", text)).findings == ()


def test_a_figure_another_version_of_the_wire_has_is_not_a_change(tmp_path: Path) -> None:
    """An update of the wire story (23 -> 25 crew) makes either figure right."""
    write(tmp_path, "wire/v1.txt", REUTERS)
    write(tmp_path, "wire/v2.txt", REUTERS.replace("all 23 crew", "all 25 crew"))
    story = write(tmp_path, "s.txt", FIRE_STORY.replace("all 23 crew", "all 25 crew"))
    assert run(story, wire=tmp_path / "wire").findings == ()


#: A wire paragraph holding one figure of each sort issue 12 found misread, for the story to reuse.
TALKS = (
    "Talks resumed on Wednesday, the third day of the dispute, when the owners offered a 6 percent rise "
    "against the nine percent that about 2,400 dockers and thousands of drivers sought, at a cost of "
    "$4.5 million a day since Jan. 14, with temperatures at -5C."
)


def _talks(tmp_path: Path, written: str, rewritten: str) -> CheckReport:
    """check of the fire story with the TALKS paragraph, written otherwise, against the wire with it."""
    assert written in TALKS
    wire = write(
        tmp_path, "wire/reuters/fire.txt", REUTERS.replace("\n\n(Reporting", f"\n\n{TALKS}\n\n(Reporting")
    )
    story = write(tmp_path, "s.txt", f"{FIRE_STORY}\n{TALKS.replace(written, rewritten)}\n")
    return run(story, wire=wire.parent.parent)


@pytest.mark.parametrize(
    ("written", "rewritten", "expected"),
    [
        (
            "a 6 percent rise against the nine",
            "a 9 percent rise against the six",
            [("9", "6"), ("six", "nine")],
        ),
        ("at -5C", "at 5C", [("5", "-5")]),
        ("the third day", "the fifth day", [("fifth", "third")]),
        ("on Wednesday", "on Friday", [("Friday", "Wednesday")]),
        ("thousands of drivers", "hundreds of drivers", [("hundreds", "thousands")]),
        # Digits that would make a year (2040, 2004) were read as one and never paired with the
        # count 2,400 (review, session 13).
        ("about 2,400 dockers", "about 2,040 dockers", [("2,040", "2,400")]),
        ("about 2,400 dockers", "about 2,004 dockers", [("2,004", "2,400")]),
        ("about 2,400 dockers", "about 2040 dockers", [("2040", "2,400")]),
    ],
)
def test_a_swapped_signed_ordinal_weekday_or_vague_figure_is_a_changed_figure(
    tmp_path: Path, written: str, rewritten: str, expected: list[tuple[str, str]]
) -> None:
    """Issue 12: check catches what trace flags, and figures are compared by place, not as a bag."""
    report = _talks(tmp_path, written, rewritten)
    found = [f.message for f in report.findings if f.rule is Rule.CHANGED_FIGURE]
    assert len(found) == len(expected), found
    for message, (mine, theirs) in zip(found, expected, strict=True):
        assert f"the story has “{mine}” where the wire has “{theirs}”" in message


@pytest.mark.parametrize(
    ("written", "rewritten"),
    [
        ("2,400", "2 400"),
        ("2,400", "2\u00a0400"),
        ("2,400", "2400"),
        ("$4.5 million", "$4,500,000"),
        ("$4.5 million", "$4.5m"),
        ("Jan. 14", "January 14"),
        ("Jan. 14", "14 January"),
    ],
)
def test_one_figure_written_otherwise_is_no_changed_figure(
    tmp_path: Path, written: str, rewritten: str
) -> None:
    assert _talks(tmp_path, written, rewritten).findings == ()


def test_a_swap_is_caught_against_two_versions_of_the_wire_that_both_hold_the_sentence(
    tmp_path: Path,
) -> None:
    """Another version vouches for a figure only where it has that figure in the same place."""
    paragraph = f"\n\n{TALKS}\n\n(Reporting"
    write(tmp_path, "wire/reuters/v1.txt", REUTERS.replace("\n\n(Reporting", paragraph))
    write(
        tmp_path,
        "wire/reuters/v2.txt",
        REUTERS.replace("\n\n(Reporting", paragraph).replace("nine hours", "ten hours"),
    )
    swapped = TALKS.replace("a 6 percent", "a 9 percent").replace("the nine percent", "the six percent")
    story = write(tmp_path, "s.txt", f"{FIRE_STORY}\n{swapped}\n")
    found = [f.message for f in run(story, wire=tmp_path / "wire").findings]
    assert len(found) == 2 and "“9” where the wire has “6”" in found[0], found


def test_a_score_reversed_is_one_changed_figure_quoting_the_whole_score(tmp_path: Path) -> None:
    vote = "The harbour board voted 5-2 on Tuesday to sell the north pier to a logistics group, officials said."
    wire = write(tmp_path, "wire/reuters/vote.txt", f"By Reuters\n\n{vote}\n\n{TALKS}\n")
    story = write(tmp_path, "s.txt", f"{vote.replace('5-2', '2-5')}\n\n{TALKS}\n")
    found = [f.message for f in run(story, wire=wire.parent).findings if f.rule is Rule.CHANGED_FIGURE]
    assert len(found) == 1 and "the story has “2-5” where the wire has “5-2”" in found[0], found


def test_a_reversed_score_another_version_writes_in_words_is_no_change(tmp_path: Path) -> None:
    """Another version's '1-nil' backs the story's '1-0' against a version's '0-1' (review, session
    19: requiring both figures of the score to be vouched for made this a finding)."""
    match = "The harbour side lost 0-1 to the visitors on Saturday in front of a crowd of 4,000 fans."
    write(tmp_path, "wire/reuters/v1.txt", f"By Reuters\n\n{match}\n\n{TALKS}\n")
    write(tmp_path, "wire/reuters/v2.txt", f"By Reuters\n\n{match.replace('0-1', '1-nil')}\n\n{TALKS}\n")
    story = write(tmp_path, "s.txt", f"{match.replace('0-1', '1-0')}\n\n{TALKS}\n")
    assert [f for f in run(story, wire=tmp_path / "wire").findings if f.rule is Rule.CHANGED_FIGURE] == []


# --- severities and waivers ---------------------------------------------------------------------


def test_a_rule_set_to_off_does_not_run() -> None:
    config = parse_config({"check": {"severity": {"altered-quote": "off"}}})
    report = run(DATA / "stories" / "altered-quote.txt", config=config)
    assert report.findings == () and Rule.ALTERED_QUOTE not in report.rules


def test_fail_on_warning_fails_on_a_warning() -> None:
    assert run(DATA / "stories" / "changed-figure.txt").exit_code is ExitCode.OK
    config = parse_config({"check": {"fail-on": "warning"}})
    assert run(DATA / "stories" / "changed-figure.txt", config=config).exit_code is ExitCode.FINDINGS


def test_waivers_move_findings_to_the_waived_list_with_their_reason() -> None:
    report = run(DATA / "stories" / "waived.md")
    assert report.findings == () and report.exit_code is ExitCode.OK
    assert [(f.rule, f.line) for f in report.waived] == [(Rule.UNCREDITED_REUSE, 5), (Rule.ALTERED_QUOTE, 10)]
    assert (
        report.waived[0].waiver == "licensed via the Reuters partner deal, credit line in the print edition"
    )


def test_a_waiver_reason_never_counts_as_a_credit(tmp_path: Path) -> None:
    text = (
        FIRE_STORY.replace("told Reuters", "said")
        + "\nprovtrace: allow altered-quote -- quote from Reuters\n"
    )
    report = run(write(tmp_path, "s.txt", text))
    assert only(report).rule is Rule.UNCREDITED_REUSE
    assert any("matches no finding" in w for w in report.warnings)


def test_a_waiver_for_another_agency_does_not_waive(tmp_path: Path) -> None:
    text = "provtrace: allow uncredited-reuse AFP -- AFP partner deal\n\n" + FIRE_STORY.replace(
        "told Reuters", "said"
    )
    assert only(run(write(tmp_path, "s.txt", text))).agency == "Reuters"


@pytest.mark.parametrize(
    ("directive", "problem"),
    [
        ("provtrace: allow altered-quote", "needs a reason"),
        ("provtrace: allow altered-quote --   ", "needs a reason"),
        ("provtrace: allow misquote -- because", "unknown rule 'misquote'"),
        ("provtrace: allow uncredited-reuse Agencia Nada -- deal", "unknown agency 'Agencia Nada'"),
        ("provtrace: allow changed-figure 23 -- correction", "only uncredited-reuse takes an agency"),
    ],
)
def test_a_malformed_waiver_is_a_configuration_error(tmp_path: Path, directive: str, problem: str) -> None:
    story = write(tmp_path, "s.txt", f"{directive}\n\n{FIRE_STORY}")
    with pytest.raises(ConfigError, match=problem) as caught:
        run(story)
    assert caught.value.exit_code is ExitCode.USAGE
    assert f"{story}:1: waiver" in str(caught.value)


# --- agencies of wire files ---------------------------------------------------------------------


def test_a_configured_wire_folder_names_the_agency(tmp_path: Path) -> None:
    plain = (
        REUTERS.replace(" (Reuters)", "")
        .replace("told Reuters", "said")
        .replace("(Reporting by Lucia Ferrer; Editing by Mark Hollis)", "")
    )
    write(tmp_path, "feeds/partner/fire.txt", plain)
    story = write(tmp_path, "s.txt", FIRE_STORY.replace("told Reuters", "said"))
    unknown = run(story, wire=tmp_path / "feeds")
    assert unknown.findings == ()
    assert any("cannot tell which agency" in w for w in unknown.warnings)
    # The summary line says so too, so that a pass does not look like a full check.
    assert "0 errors, 0 warnings, 1 note on the input — check passed" in summary(unknown)
    config = parse_config({"check": {"wire": {"feeds/partner": "kyodo news"}}}, base=str(tmp_path))
    assert only(run(story, wire=tmp_path / "feeds", config=config)).agency == "Kyodo"


def test_a_folder_named_after_an_agency_names_it(tmp_path: Path) -> None:
    plain = (
        REUTERS.replace(" (Reuters)", "")
        .replace("told Reuters", "said")
        .replace("(Reporting by Lucia Ferrer; Editing by Mark Hollis)", "")
    )
    write(tmp_path, "wire/afp/fire.txt", plain)
    story = write(tmp_path, "s.txt", FIRE_STORY.replace("told Reuters", "said"))
    assert only(run(story, wire=tmp_path / "wire")).agency == "AFP"


def test_site_metadata_names_the_agency(tmp_path: Path) -> None:
    body = "".join(f"<p>{p}</p>\n" for p in REUTERS.split("\n\n")[1:-1])
    body = body.replace(" (Reuters)", "").replace("told Reuters", "said")
    page = (
        '<html><head><title>Fire guts cargo ship</title><meta property="og:site_name" content="apnews.com">'
        f"</head><body><article><h1>Fire guts cargo ship</h1>{body}</article></body></html>"
    )
    write(tmp_path, "wire/page.html", page)
    story = write(tmp_path, "s.txt", FIRE_STORY.replace("told Reuters", "said"))
    assert only(run(story, wire=tmp_path / "wire")).agency == "AP"


# --- inputs -------------------------------------------------------------------------------------


def test_an_unreadable_or_empty_input_is_an_input_error_never_a_pass(tmp_path: Path) -> None:
    shutil.copytree(WIRE, tmp_path / "wire")
    (tmp_path / "wire" / "broken.txt").write_bytes(b"\x00\x01binary\x00")
    with pytest.raises(InputError, match=r"1 input file could not be used.*broken.txt: binary data"):
        run(DATA / "stories" / "credited.txt", wire=tmp_path / "wire")
    empty = write(tmp_path, "stories/empty.txt", "  \n")
    with pytest.raises(InputError, match=r"empty\.txt: the file is empty"):
        run(empty)


def test_a_story_folder_without_an_article_is_an_input_error(tmp_path: Path) -> None:
    write(tmp_path, "stories/notes.csv", "a,b\n")
    with pytest.raises(InputError, match="no story found"):
        run(tmp_path / "stories")


def test_ignored_files_are_left_out(tmp_path: Path) -> None:
    shutil.copytree(DATA / "stories", tmp_path / "stories")
    write(tmp_path, "stories/drafts/empty.txt", "")
    config = parse_config({"check": {"ignore": ["stories/drafts/*", "*/uncredited.md"]}}, base=str(tmp_path))
    report = run(tmp_path / "stories", config=config)
    assert "uncredited.md" not in {Path(s.path).name for s in report.stories}
    assert len(report.stories) == 6


def test_a_story_that_is_also_wire_copy_is_treated_as_wire_copy() -> None:
    report = check([str(DATA / "stories" / "credited.txt"), str(WIRE)], [str(WIRE)], CheckConfig())
    assert [Path(s.path).name for s in report.stories] == ["credited.txt"]


def test_stories_that_are_all_wire_copy_are_an_error_not_a_pass() -> None:
    """Nothing was checked, so check must not pass: exit 2, saying why and what to do."""
    with pytest.raises(
        InputError,
        match=r"is itself wire copy under the --wire paths, so nothing was checked: "
        r"give the stories apart from the wire copy",
    ) as caught:
        check([str(WIRE)], [str(WIRE)], CheckConfig())
    assert caught.value.exit_code == ExitCode.USAGE


def test_the_summary_counts_one_pair_in_the_singular(tmp_path: Path) -> None:
    story = write(tmp_path, "s.txt", FIRE_STORY)
    report = run(story, wire=DATA / "wire" / "reuters" / "harbour-fire.txt")
    assert "1 story checked against 1 wire article (1 of 1 pair aligned)" in summary(report)


@pytest.mark.parametrize(
    ("written", "rewritten"),
    [
        ("all 23 crew members to evacuate", "all 32 of the sailors aboard to evacuate"),
        ("all 23 crew members to evacuate", "the 230 people on board to evacuate"),
        ("for nine hours before", "for what became 19 long hours before"),
        ("carrying 4,200 tonnes of fertiliser", "carrying a cargo of 2,400 tonnes of fertiliser"),
        ("Two crew members were treated", "Three of the sailors were treated"),
    ],
)
def test_a_changed_figure_is_caught_whatever_noun_stands_beside_it(
    tmp_path: Path, written: str, rewritten: str
) -> None:
    """A reused sentence keeps its figures, even when the words around them are reworded."""
    assert written in FIRE_STORY
    finding = only(run(write(tmp_path, "s.txt", FIRE_STORY.replace(written, rewritten))))
    assert finding.rule is Rule.CHANGED_FIGURE, finding


def test_a_changed_death_toll_in_the_seed_summary_is_caught(seeds: Path, tmp_path: Path) -> None:
    """Issue 12: "32 of its citizens were killed" made 23 or 320 (the wire says "Thirty-two Cubans")."""
    wire = tmp_path / "wire"
    wire.mkdir()
    shutil.copy(seeds / "001_1d8441e6aa364e4e.txt", wire)
    summary = (seeds / "003_ebb5bced4a154161.txt").read_text(encoding="utf-8")
    assert "32 of its citizens" in summary
    for toll in ("23", "320"):
        story = write(
            tmp_path, f"summary-{toll}.txt", summary.replace("32 of its citizens", f"{toll} of its citizens")
        )
        finding = only(run(story, wire=wire))
        assert finding.rule is Rule.CHANGED_FIGURE
        assert f"the story has “{toll}” where the wire has “Thirty-two”" in finding.message


def test_check_counts_the_reused_sentences_diff_links_for_the_same_pair() -> None:
    """check, trace and diff align a story with a wire article the same way: the pair alone decides."""
    from provtrace.diff import diff_articles

    story = DATA / "stories" / "uncredited.md"
    report = run(story)
    (result,) = report.stories
    assert result.sources
    for use in result.sources:
        (alignment,) = diff_articles(use.path, str(story)).alignments
        assert use.reused == sum(len(link.target) for link in alignment.links), use.path


INDEPENDENT_FIRE = """Blaze on the Alba Serena: how the night unfolded at Port Selwyn

Our reporter spent the evening on the eastern quay as smoke rose over the harbour and fire crews from \
three districts took turns on the hoses.

Neighbours in the old fishing quarter said they first saw flames shortly after lunch and heard a \
series of dull bangs from the hold.

"The crew acted fast and nobody was seriously hurt," harbour master Julio Reyes said when we reached \
him by phone late that night.

A dock worker who asked not to be named said the ship had been waiting for a pilot for most of the morning.

Local traders fear the closure will hit the coffee season just as the first harvest reaches the coast.
"""


def test_a_quotation_differing_from_wire_the_story_is_independent_of_is_a_warning_that_says_so(
    tmp_path: Path,
) -> None:
    """An independent story passes (issue 11): its own rendering of a quote is shown, never failed."""
    report = run(write(tmp_path, "own.txt", INDEPENDENT_FIRE))
    (source,) = report.stories[0].sources
    assert not source.derived
    (finding,) = report.findings
    assert finding.rule is Rule.ALTERED_QUOTE and finding.severity is Severity.WARNING
    assert "found written independently of it" in finding.message
    assert report.failing() == ()
    # --fail-on warning fails on it: the note says what it is, not that it never fails (new-user
    # review, session 19: "a warning, never a failure" was printed above "check failed").
    assert finding.message.endswith("a warning, not an error)")


def test_an_altered_quotation_is_quoted_exactly_as_each_text_writes_it(tmp_path: Path) -> None:
    """A fact-checker quotes the message: the punctuation inside the quotation is kept."""
    altered = REYES_QUOTE.replace("seriously hurt, which is a small", "seriously injured, which is a small")
    finding = only(run(write(tmp_path, "s.txt", FIRE_STORY.replace(REYES_QUOTE, altered))))
    assert finding.rule is Rule.ALTERED_QUOTE
    assert "“…nobody was seriously injured, which is a…”" in finding.message
    assert "“…nobody was seriously hurt, which is a…”" in finding.message


def test_a_sum_put_in_another_currency_is_a_changed_figure(tmp_path: Path) -> None:
    # Review, session 13: "$4.5 million" made "€4.5 million" passed check.
    said = "The strike is costing the economy about $4.5 million a day in lost fees, delayed exports and spoiled cargo."
    write(tmp_path, "wire/afp/w.txt", f"PORT SELWYN, March 3 (AFP) - {said}\n\nThe port stays shut.\n")
    story = write(tmp_path, "s.txt", f"Port strike\n\n{said.replace('$', '€')} AFP reported.\n")
    finding = only(run(story, wire=tmp_path / "wire"))
    assert finding.rule == "changed-figure"
    assert "the story has “€4.5 million” where the wire has “$4.5 million”" in finding.message
    same = write(
        tmp_path,
        "t.txt",
        f"Port strike\n\n{said.replace('$4.5 million', '4.5 million dollars')} AFP reported.\n",
    )
    assert run(same, wire=tmp_path / "wire").findings == ()


def test_a_translation_judged_derived_below_the_reuse_probability_is_a_warning_not_an_error(
    tmp_path: Path,
) -> None:
    # Review, session 13: an uncredited Spanish translation was an error "probability of copying
    # 0.58", though the README (and the policy) make an error only from 0.67.
    spanish = (DATA.parent / "bilingual" / "efe-reescritura-es.txt").read_text(encoding="utf-8")
    for credit, plain in (
        (" (AP).- ", ".- "),
        (", según informó la agencia AP.", "."),
        (" declaró Ortega a AP.", " declaró Ortega."),
        ("declaró a AP Ana", "declaró Ana"),
    ):
        assert credit in spanish
        spanish = spanish.replace(credit, plain)
    story = write(tmp_path, "es.txt", spanish)
    report = run(story, wire=DATA.parent / "bilingual" / "ap-original.txt")
    finding = only(report)
    (source,) = report.stories[0].sources
    assert source.derived and source.probability < REUSE_PROBABILITY
    assert finding.rule == "uncredited-reuse" and finding.severity == "warning"
    assert f"below the {REUSE_PROBABILITY:.2f} at which it is an error" in finding.message


def test_an_altered_quotation_shows_every_change_not_only_the_first(tmp_path: Path) -> None:
    # Review, session 13: "not" dropped and "until … withdrawn" made "once … dropped" showed only
    # "We are going back to…" against "We are not going back to…".
    quoted = '"We are not going back to work until the automation plan is withdrawn," Mora said.'
    write(tmp_path, "wire/afp/w.txt", f"PORT SELWYN, March 3 (AFP) - Dockworkers struck. {quoted}\n")
    changed = quoted.replace("not going", "going").replace("until", "once").replace("withdrawn", "dropped")
    story = write(tmp_path, "s.txt", f"Port strike\n\nDockworkers struck, AFP reported. {changed}\n")
    finding = only(run(story, wire=tmp_path / "wire"))
    assert finding.rule == "altered-quote"
    assert (
        "the story has “We are going back to work once the automation plan is dropped” where the wire has "
        "“We are not going back to work until the automation plan is withdrawn”"
    ) in finding.message


@pytest.mark.parametrize(
    ("wire_quote", "story_quote"),
    [
        ("It was not arson.", "It was arson."),
        ("I will not resign.", "I will resign."),
        ("We are certain of that.", "We are sure of that."),
    ],
)
def test_a_short_quotation_changed_in_its_linked_sentence_is_altered(
    tmp_path: Path, wire_quote: str, story_quote: str
) -> None:
    # Review, session 14: the runs these share are small words only ("It was", "arson"), so no
    # wire quotation was taken for theirs and check passed "It was arson" against "It was not arson".
    lines = [
        "PORT SELWYN (Reuters) - A fire destroyed two warehouses at the port on Tuesday, officials said.",
        "Investigators said the fire started in an electrical cabinet shortly after 2 a.m.",
        f'"{wire_quote}" fire chief Ana Varela told reporters at the scene on Tuesday.',
        "Officials said 23 workers were evacuated from nearby buildings.",
    ]
    write(tmp_path, "wire/reuters/w.txt", "\n\n".join(lines) + "\n")
    story_lines = [*lines[:2], lines[2].replace(wire_quote, story_quote), lines[3]]
    story = write(tmp_path, "s.txt", "Warehouse fire\n\n" + "\n\n".join(story_lines) + "\n")
    finding = only(run(story, wire=tmp_path / "wire"))
    assert finding.rule == "altered-quote"
    assert f"the story has “{story_quote.rstrip('.')}” where the wire has “{wire_quote.rstrip('.')}”" in (
        finding.message
    )


def test_a_short_quotation_of_another_sentence_is_not_taken_for_an_altered_one(tmp_path: Path) -> None:
    # The looser match holds only within linked sentences: two short quotations of one story
    # sharing small words ("We are ready", "We are not going") are not one changed.
    wire = (
        "PORT SELWYN (Reuters) - Dockworkers struck on Tuesday. \"We are ready to talk,\" union leader "
        "Tomas Mora said at the gates of the North Terminal.\n\nThe port authority said talks would resume.\n"
    )
    write(tmp_path, "wire/reuters/w.txt", wire)
    story = write(
        tmp_path,
        "s.txt",
        "Strike\n\nDockworkers struck on Tuesday, Reuters reported. \"We are ready to talk,\" union leader "
        "Tomas Mora said at the gates of the North Terminal.\n\nA shipping agent told us: \"We are not paying "
        "for this strike.\"\n",
    )
    assert [f.rule for f in run(story, wire=tmp_path / "wire").findings] == []


def test_a_story_in_a_language_no_wire_article_is_in_and_linked_to_none_is_warned_of() -> None:
    # Review, session 14: uncredited Russian, Greek or Hebrew translations of wire copy passed
    # check without a word (it aligns across languages only by shared names and figures).
    cyrillic = DATA.parent / "cyrillic"
    report = check([str(cyrillic / "perevod-ru.txt")], [str(cyrillic / "wire-en.txt")], CheckConfig())
    assert report.findings == ()
    assert [w for w in report.warnings if "no wire article is in" in w] == [
        "1 story is in a language no wire article is in and shares no sentence with the wire: check links "
        "sentences across languages only by the names and figures they share, so a translation of wire "
        "copy may pass unseen"
    ]
    english = check([str(cyrillic / "wire-en.txt")], [str(WIRE)], CheckConfig())
    assert not [w for w in english.warnings if "no wire article is in" in w]


def test_a_story_in_a_language_no_indexed_article_is_in_is_warned_of_with_an_index(tmp_path: Path) -> None:
    # Left from the review of session 14: with --index the languages were read from the wire
    # articles the index picked, and a story linked to none picks none, so nothing was said.
    from provtrace.index import ArchiveIndex

    # An index of English wire copy on other stories: the query picks none of it for the story.
    cyrillic = DATA.parent / "cyrillic"
    shutil.copytree(WIRE, tmp_path / "wire")
    with ArchiveIndex(tmp_path / "wire.sqlite", create=True) as index:
        index.add([str(tmp_path / "wire")])
    report = check([str(cyrillic / "perevod-ru.txt")], [], CheckConfig(), index=tmp_path / "wire.sqlite")
    assert report.findings == ()
    assert len([w for w in report.warnings if "1 story is in a language no wire article is in" in w]) == 1
    # A story in the index's own language, linked to nothing, is not warned of.
    english = check([str(DATA / "stories" / "changed-figure.txt")], [], CheckConfig(), index=tmp_path / "wire.sqlite")
    assert not [w for w in english.warnings if "no wire article is in" in w]


@pytest.mark.parametrize(
    ("wire_quote", "story_quote"),
    [("It was a mistake", "It was a success"), ("This is a prudent step", "This is a reckless step")],
)
def test_a_short_quotation_of_small_words_with_its_key_word_replaced_is_altered(
    tmp_path: Path, wire_quote: str, story_quote: str
) -> None:
    # New-user review, session 15: the sentence shared too few rare words with its edited self to
    # be linked at all, so check passed it and diff showed it dropped and added.
    wire = (
        "LIMA, March 4 (Reuters) - Peru's central bank raised its benchmark interest rate to 6.5 percent "
        "on Wednesday, the first increase since 2023.\n\nAnalyst Maria Quispe of Credicorp said the move "
        f'was expected. "{wire_quote}," she said.\n\nBank president Tomas Salcedo said the board had '
        "voted in favour of the move.\n"
    )
    write(tmp_path, "wire/reuters/w.txt", wire)
    story = write(tmp_path, "s.txt", wire.replace(wire_quote, story_quote))
    finding = only(run(story, wire=tmp_path / "wire"))
    assert finding.rule == "altered-quote" and f"“{story_quote}”" in finding.message
