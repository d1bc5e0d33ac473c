"""Who a sentence gives its quotation to (align.speakers.quoted_speaker): named once, or not at all."""

from __future__ import annotations

import pytest

from provtrace.align.speakers import name_words, quoted_speaker

NOTHING_COMMON: frozenset[str] = frozenset()


@pytest.mark.parametrize(
    ("unquoted", "speaker"),
    [
        ("“ … ,” Reyes said.", "Reyes"),
        ("“ … ,” said Jose Mora, a lawyer.", "Jose Mora"),
        ("Port authority director Ana Varela told reporters: “ … ”", "Ana Varela"),
        ("Jose Mora, a lawyer for the family, said “ … ”", "Jose Mora"),
        ("“ … ,” according to Mr Smith.", "Mr Smith"),
        ("Jose Mora said “ … ” and Mora added “ … ”", "Jose Mora"),  # one speaker, named twice
    ],
)
def test_the_one_named_speaker_is_read(unquoted: str, speaker: str) -> None:
    assert quoted_speaker(unquoted, NOTHING_COMMON) == speaker


@pytest.mark.parametrize(
    "unquoted",
    [
        "“ … ,” he said.",  # a pronoun
        "“ … ,” the minister said.",
        "Mora said Varela told him “ … ”",  # speech inside speech
        "Mrs Owen, of Meriden, Solihull, West Midlands, told the hearing: “ … ”",  # places, not a description
        "“ … ,” said Varela, quoting Reyes.",
        "Mora told Reuters “ … ” and Varela said “ … ”",  # two speakers
        "“ … ,” the former MP told the jury.",  # a title
        "“ … ,” said Tuesday's statement.",
    ],
)
def test_no_speaker_or_an_unclear_one_is_none(unquoted: str) -> None:
    assert quoted_speaker(unquoted, NOTHING_COMMON) is None


def test_a_word_also_written_in_lower_case_is_not_a_name() -> None:
    assert quoted_speaker("“ … ,” Rescuers said.", NOTHING_COMMON) == "Rescuers"
    assert quoted_speaker("“ … ,” Rescuers said.", frozenset({"rescuers"})) is None
    assert name_words("Mr Jose Mora", NOTHING_COMMON) == {"jose", "mora"}
