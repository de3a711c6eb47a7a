"""A witness's quoted account of the attack told before it is that attack again, not another
(kg/extract/quoted.py), on the real model. Made-up stories."""

from __future__ import annotations

from typing import Any

import pytest

from tests.extract.extracted import acled_types

pytestmark = pytest.mark.model

_STRIKE = (
    "LOWTOWN, March 4 (Reuters) - Kenyan soldiers killed at least 21 civilians in a drone strike "
    "on a gold mine near Hightown on Monday, residents said.\n\n"
)
_RAID = (
    "LOWTOWN, March 4 (AFP) - Militants raided the village of Hightown in Lowland district on "
    "Sunday, burning dozens of homes, police said.\n\n"
)


@pytest.mark.parametrize(
    ("lead", "quote"),
    [
        (_STRIKE, '"They struck the miners while they were working," a resident said by phone.'),
        (
            _RAID,
            '"They came at night and set fire to the houses," a survivor told AFP by telephone.',
        ),
    ],
)
def test_a_witness_quoted_telling_the_attack_tells_it_again(
    extractor: Any, lead: str, quote: str
) -> None:
    assert len(acled_types(extractor, lead + quote)) == len(acled_types(extractor, lead))


def test_an_act_told_outside_quotation_marks_stays_its_own(extractor: Any) -> None:
    """Unquoted, the writer tells it: the rule reads only a witness's own words."""
    quote = "Soldiers also struck the miners at the site, a resident said by phone."
    assert len(acled_types(extractor, _STRIKE + quote)) > len(acled_types(extractor, _STRIKE))


def test_a_quote_by_no_witness_is_not_read_as_one(extractor: Any) -> None:
    quote = '"They struck the miners while they were working," the rebel spokesman said.'
    assert len(acled_types(extractor, _STRIKE + quote)) > len(acled_types(extractor, _STRIKE))


def test_a_quote_naming_its_own_place_may_tell_another(extractor: Any) -> None:
    quote = '"They struck the miners in Farville too," a resident said by phone.'
    assert len(acled_types(extractor, _STRIKE + quote)) > len(acled_types(extractor, _STRIKE))


_RIOT = (
    "LOWTOWN, March 4 (AP) - Protesters stormed the town hall in Lowtown on Tuesday and set "
    "part of it on fire, police said.\n\nThe mayor's office was also set ablaze.\n\n"
)


@pytest.mark.parametrize(
    "quote",
    [
        '"We are not afraid," said a protester. "They are shooting at unarmed people."',
        '"They beat us like animals while the police watched," said a student.',
    ],
)
def test_a_protesters_quote_telling_the_riot_tells_it_again(extractor: Any, quote: str) -> None:
    """A protester is a witness of the riot; an act quoted after one whose doers are not
    named may be told by any doer."""
    assert len(acled_types(extractor, _RIOT + quote)) == len(acled_types(extractor, _RIOT))


def test_a_paragraphs_tokens_are_those_starting_in_its_characters(extractor: Any) -> None:
    from kg.extract.quoted import paragraph_tokens

    doc = extractor.nlp('Gunmen raided Lowtown.\n"They shot at us," a farmer said.\nPolice came.')
    start = doc.text.index('"')
    end = doc.text.index("\n", start)
    expected = [t.i for t in doc if start <= t.idx < end]  # what every token read once gave
    assert list(paragraph_tokens(doc, (start, end))) == expected
    assert doc[expected[0]].text == '"' and doc[expected[-1]].text == "."
    assert list(paragraph_tokens(doc, (len(doc.text), len(doc.text)))) == []


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ('"They shot at us," a trader said.', "shot", True),
        ('"They shot at us," a trader said.', "trader", False),
        ("\u201cThey shot at us,\u201d a trader said.", "shot", True),
        # a quotation mark left open in one paragraph does not reach the next
        ('He said: "They came.\nThey shot at us, a trader said.', "shot", False),
        ("The trader's shop was shot at.", "shot", False),  # an apostrophe quotes nothing
    ],
)
def test_a_word_is_quoted_inside_the_quotation_marks_of_its_paragraph(
    text: str, word: str, expected: bool
) -> None:
    from kg.extract.quoted import quoted_in_paragraph

    assert quoted_in_paragraph(text, text.rindex(word)) is expected
