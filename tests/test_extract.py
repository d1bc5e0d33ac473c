"""Extraction: story text, metadata and page furniture from each input format."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from provtrace.ingest.extract import build_article, decode, extract_document, parse_date
from provtrace.ingest.furniture import clean_capture
from provtrace.models import CreditKind, RawDocument, Skip

CAPTURE = """Skip to main content
Tags: ferries | weather | brennock
Ferry Service Suspended as Storm Batters Brennock Coast
Tuesday, 4 March 2026 08:15 AM
By Lena Brask

The ferry company suspended all crossings on Tuesday as gale-force winds battered the coast, stranding hundreds of travellers.
Harbour master Julio Reyes said waves of up to six metres had been recorded overnight at the mouth of the bay.
Share this article
"We will not risk a single passenger," Reyes told reporters at the terminal on Tuesday morning.
Crossings are expected to resume on Thursday if the forecast holds, the company said in a statement.

© 2026 Brennock Daily. All rights reserved.
Sign up for our newsletter
Privacy Policy | Terms of Use
Storm warning extended across the northern islands
Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor.
Source link
"""


def raw(text: str, suffix: str = "txt", path: str = "x.txt") -> RawDocument:
    return RawDocument(path=path, data=text.encode("utf-8"), suffix=suffix)


def test_capture_keeps_only_the_story_paragraphs() -> None:
    cleaned = clean_capture(CAPTURE)
    lines = cleaned.text.splitlines()
    assert lines[0].startswith("The ferry company suspended")
    assert lines[-1].startswith("Crossings are expected")
    assert len(lines) == 4


def test_capture_furniture_is_kept_as_removed() -> None:
    removed = clean_capture(CAPTURE).removed
    for debris in (
        "Skip to main content",
        "Share this article",
        "Source link",
        "Privacy Policy | Terms of Use",
    ):
        assert debris in removed
    assert any(line.startswith("Lorem ipsum") for line in removed)
    assert "Storm warning extended across the northern islands" in removed


def test_capture_header_gives_title_date_and_author() -> None:
    cleaned = clean_capture(CAPTURE)
    assert cleaned.title == "Ferry Service Suspended as Storm Batters Brennock Coast"
    assert parse_date(cleaned.date_line) == "2026-03-04"
    assert cleaned.author == "Lena Brask"


def test_pull_quote_repeating_a_paragraph_is_removed() -> None:
    text = (
        "The council approved the budget on Monday after a debate that ran past midnight in the town hall.\n"
        "A debate that ran past midnight\n"
        "Councillors voted 7 to 4 in favour of the plan, which cuts road spending by a fifth this year.\n"
    )
    cleaned = clean_capture(text)
    assert "A debate that ran past midnight" in cleaned.removed
    assert len(cleaned.text.splitlines()) == 2


def test_truncated_teaser_after_the_story_is_removed() -> None:
    text = (
        "The council approved the budget on Monday after a debate that ran past midnight in the town hall.\n"
        "Councillors voted 7 to 4 in favour of the plan, which cuts road spending by a fifth this year.\n"
        "© 2026 Brennock Daily\n"
        "The council approved the budget on Monday after a debate that ran past midnight in the...\n"
    )
    assert len(clean_capture(text).text.splitlines()) == 2


def test_dates_in_common_forms_are_parsed() -> None:
    assert parse_date("Saturday, 21 February 2026 09:46 AM EST") == "2026-02-21"
    assert parse_date("Today: February 21, 2026") == "2026-02-21"
    assert parse_date("2026-03-03T10:00:00+00:00") == "2026-03-03"
    assert parse_date("3 de marzo de 2026") == "2026-03-03"
    assert parse_date("no date here") is None


def test_latin1_text_is_decoded_not_rejected() -> None:
    assert (
        decode("Nicolás Díaz said the café was full.".encode("latin-1"))
        == "Nicolás Díaz said the café was full."
    )


def test_utf16_with_bom_is_decoded() -> None:
    assert decode("Ferry crossings resumed.".encode("utf-16")) == "Ferry crossings resumed."


def test_control_characters_are_shown_not_obeyed() -> None:
    extracted = extract_document(
        raw("The ferry \x1b[31mcompany\x1b[0m resumed crossings on Thursday morning.")
    )
    assert not isinstance(extracted, Skip)
    assert "\x1b" not in extracted.text
    assert "␛[31m" in extracted.text


def test_json_with_title_and_text_fields() -> None:
    doc = {"title": "Ferry crossings resume", "text": CAPTURE, "date": "2026-03-05", "author": "L. Brask"}
    extracted = extract_document(raw(json.dumps(doc), "json", "a.json"))
    assert not isinstance(extracted, Skip)
    assert extracted.title == "Ferry crossings resume"
    assert extracted.published == "2026-03-05"
    assert extracted.author == "L. Brask"


def test_json_without_text_is_a_reason_not_a_crash() -> None:
    assert isinstance(extract_document(raw('{"title": "x"}', "json")), Skip)
    assert isinstance(extract_document(raw("{not json", "json")), Skip)


def test_markdown_heading_is_the_title_and_syntax_is_stripped() -> None:
    md = "# Ferry crossings resume\n\n*By Lena Brask*\n\nThe **ferry** company said [crossings](http://x.test) would resume on Thursday.\n"
    extracted = extract_document(raw(md, "md", "a.md"))
    assert not isinstance(extracted, Skip)
    assert extracted.title == "Ferry crossings resume"
    assert "The ferry company said crossings would resume on Thursday." in extracted.text


def test_saved_html_page_yields_story_and_metadata(examples: Path) -> None:
    path = examples / "harbourtimes-syndicated.html"
    extracted = extract_document(RawDocument(str(path), path.read_bytes(), "html"))
    assert not isinstance(extracted, Skip)
    assert extracted.site == "The Harbour Times"
    assert extracted.published == "2026-03-03"
    assert extracted.text.startswith("PORT SELWYN, Marisca, March 3 (AFP)")
    assert "newsletter" not in extracted.text.lower()
    article = build_article("h", extracted)
    assert ("AFP", CreditKind.OWNER) in {(c.agency, c.kind) for c in article.credits}


def test_html_with_no_article_text_is_a_reason() -> None:
    page = "<html><head><script>var a = 1;</script></head><body><nav>Home</nav></body></html>"
    assert isinstance(extract_document(raw(page, "html", "a.html")), Skip)


def test_credits_are_found_in_removed_footer_lines() -> None:
    text = CAPTURE.replace("© 2026 Brennock Daily.", "© 2026 Thomson Reuters.")
    extracted = extract_document(raw(text))
    assert not isinstance(extracted, Skip)
    article = build_article("a", extracted)
    assert [(c.agency, c.kind) for c in article.credits] == [("Reuters", CreditKind.OWNER)]


def test_hard_wrapped_paragraphs_are_joined_before_splitting() -> None:
    text = (
        "Harbour master Julio Reyes said on Tuesday that waves of up to six\n"
        "metres had been recorded overnight at the mouth of the bay, and that\n"
        "crossings would stay suspended.\n"
        "\n"
        '"We will not risk a single passenger on a night like this one," Reyes\n'
        "told reporters at the ferry terminal on Tuesday morning in the town.\n"
    )
    lines = clean_capture(text).text.splitlines()
    assert lines == [
        "Harbour master Julio Reyes said on Tuesday that waves of up to six metres had been recorded "
        "overnight at the mouth of the bay, and that crossings would stay suspended.",
        '"We will not risk a single passenger on a night like this one," Reyes told reporters at the '
        "ferry terminal on Tuesday morning in the town.",
    ]


def test_one_paragraph_per_line_captures_are_not_joined() -> None:
    assert len(clean_capture(CAPTURE).text.splitlines()) == 4


RUSSIAN = (
    "Забастовка в порту парализовала работу терминала\n\n"
    "Докеры крупнейшего контейнерного терминала страны продолжают забастовку третий день подряд. "
    "На рейде стоят одиннадцать судов, тысячи контейнеров скопились на причалах. "
    "Профсоюз требует повышения зарплаты на девять процентов. "
    "Власти порта предлагают шесть процентов в течение двух лет.\n"
)
GREEK = (
    "Απεργία στο λιμάνι\n\n"
    "Οι λιμενεργάτες του μεγαλύτερου τερματικού σταθμού συνεχίζουν την απεργία για τρίτη ημέρα. "
    "Έντεκα πλοία περιμένουν στο αγκυροβόλιο. Το σωματείο ζητά αύξηση μισθών εννέα τοις εκατό.\n"
)


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        (RUSSIAN, "cp1251"),
        (RUSSIAN, "koi8_r"),
        (RUSSIAN, "iso8859_5"),
        (GREEK, "cp1253"),
        (GREEK, "iso8859_7"),
        ("Москва, 3 марта. Власти заявили, что переговоры продолжатся в среду.", "cp1251"),
        ("ЦБ РФ повысил ключевую ставку до 16% годовых.", "koi8_r"),
        ("Привет, мир.", "cp1251"),
        ("Докеры продолжают забастовку.", "koi8_r"),
        ("Київ, 3 березня. Уряд оголосив нові заходи.", "koi8_u"),
        ("Die Straße wurde gesperrt, sagte der Bürgermeister.", "cp1252"),
        ("Strajk w porcie trwa już trzeci dzień, powiedział rzecznik.", "cp1250"),
        # Windows-1250 reads these as words too ("Espańa"), mixing Polish "ń" into Spanish.
        ("La campaña de España sigue, dijo Muñoz. El señor Peña no respondió.", "latin-1"),
        ("¿Qué pasó? ¡La huelga sigue! dijo el niño.", "cp1252"),
        ("Stávka v přístavu pokračuje třetí den, řekl mluvčí odborů.", "cp1250"),
        ("Le cœur du port s'est arrêté, a déclaré le maire.", "cp1252"),
        ("港湾労働者のストライキは三日目に入った。", "shift_jis"),
    ],
)
def test_short_texts_in_an_8_bit_or_legacy_code_page_are_decoded_right(text: str, encoding: str) -> None:
    assert decode(text.encode(encoding)) == text


def test_identical_texts_in_utf8_and_cp1251_give_the_same_sentences() -> None:
    """A Windows-1251 copy of a Russian story is the same story, sentence for sentence."""
    articles = [
        build_article("a", extracted)
        for data in (RUSSIAN.encode("utf-8"), RUSSIAN.encode("cp1251"))
        if not isinstance(extracted := extract_document(RawDocument("ru.txt", data, "txt")), Skip)
    ]
    assert len(articles) == 2
    assert articles[0].sentences == articles[1].sentences and len(articles[0].sentences) == 4
    assert articles[0].title == articles[1].title == "Забастовка в порту парализовала работу терминала"


def test_a_byline_with_a_role_after_the_name_is_the_author_and_never_the_title() -> None:
    """'By NAME, Showbusiness Correspondent, PA News' names the author; the headline stays the title."""
    text = (
        "GLOBAL AUDIENCE FOR THE HARBOUR GIG\n\n"
        "By Anthony Barnes, Showbusiness Correspondent, PA News\n\n"
        "The band tonight rounds off the season by playing its smallest show for three decades in the port.\n"
        "Tickets were handed out through a raffle at the town's record shops on Friday afternoon.\n"
    )
    cleaned = clean_capture(text)
    assert cleaned.author == "Anthony Barnes"
    assert cleaned.title == "GLOBAL AUDIENCE FOR THE HARBOUR GIG"


def test_a_byline_without_its_headline_is_not_taken_as_the_title() -> None:
    text = (
        "By Jonas Berg, The Coastal Post\n\n"
        "The band tonight rounds off the season by playing its smallest show for three decades in the port.\n"
        "Tickets were handed out through a raffle at the town's record shops on Friday afternoon.\n"
    )
    cleaned = clean_capture(text)
    assert cleaned.author == "Jonas Berg"
    assert cleaned.title is None
