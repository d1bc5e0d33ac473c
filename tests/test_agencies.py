"""The agency table: one place for names, aliases, sites, languages and credit words."""

from __future__ import annotations

from provtrace.agencies import (
    AGENCIES,
    AGENCY_LANGUAGE,
    SITES,
    TABLE,
    agency_of_site,
    credit_words,
    desk_sign_off,
)


def test_every_view_of_the_table_names_only_agencies_of_the_table() -> None:
    names = {a.name for a in TABLE}
    assert set(AGENCIES) == names
    assert set(SITES.values()) <= names
    assert set(AGENCY_LANGUAGE) <= names


def test_credit_words_hold_every_agency_name_word_and_the_generic_credit_words() -> None:
    words = credit_words()
    assert {"reuters", "thomson", "afp", "according", "told", "contributed"} <= words


def test_agencies_added_by_configuration_add_their_names_to_the_credit_words() -> None:
    """A newsroom's own agency is a credit word too, so lineage can ignore it like the built-in ones."""
    words = credit_words({"Nordic Wire": ("NWA", "Nordwire-Agentur")})
    assert {"nordic", "wire", "nwa", "nordwire", "agentur"} <= words
    assert "nordic" not in credit_words()


def test_a_site_of_the_table_names_its_agency() -> None:
    assert agency_of_site("https://www.apnews.com/article/x") == "AP"


def test_a_news_desks_sign_off_closing_the_removed_lines_marks_wire_copy() -> None:
    """ "end", "ends", "more" or the desk editor's initials on a line of their own; nothing else."""
    assert desk_sign_off(("(reopens)", "mfl")) == "mfl"
    assert desk_sign_off(("end",)) == "end"
    assert desk_sign_off(("  ends ",)) == "ends"
    assert desk_sign_off(("The trial continues.",)) is None
    assert desk_sign_off(("mfl", "Share this article")) is None  # not the closing line
    assert desk_sign_off(("MFL",)) is None  # a headline in capitals, not initials
    assert desk_sign_off(("menu",)) is None and desk_sign_off(("top",)) is None  # a page's leftovers
    assert desk_sign_off(()) is None
