"""Which of an article's events is the most confident one (its top event), on the real model."""

from __future__ import annotations

from typing import Any

import pytest

from tests.extract.extracted import acled_events, top_event_type

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # what the main clause tells is the event; the "after" clause dates it
        ("Hundreds of villagers rioted in Lowtown on Monday after police shot a trader.",
         "violent-demonstration"),
        ("A day after police dispersed a march of teachers in Lowtown, the union said two of "
         "its leaders had been abducted by gunmen.", "abduction-forced-disappearance"),
    ],
)  # fmt: skip
def test_an_event_told_in_passing_ranks_below_its_sentences_event(
    extractor: Any, text: str, expected: str
) -> None:
    assert top_event_type(extractor, text) == expected


def test_an_event_told_in_passing_is_still_found(extractor: Any) -> None:
    text = "Hundreds of villagers rioted in Lowtown on Monday after police shot a trader."
    assert len(acled_events(extractor, text)) == 2


def test_arrests_told_after_violence_do_not_outrank_it(extractor: Any) -> None:
    # arrests follow what they are told with: the burning is the event, told in passing or not
    text = "Nine students were arrested in Lowtown after they burned the school's library."
    assert top_event_type(extractor, text) != "arrests"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an adjective opening the trigger's words ("toxic", "poisonous", "chemical", "human")
        ("Residents were exposed to poisonous gas used by the rebels in Lowtown.",
         "chemical-weapon"),
        ("The army used toxic gas against the rebels in Lowtown on Monday.", "chemical-weapon"),
        ("The rebels carried out a chemical attack on Lowtown on Monday.", "chemical-weapon"),
        ("Thousands of students formed a human chain in Lowtown on Monday.", "peaceful-protest"),
        ("The rebels gained ground in the north of Lowtown district on Monday.",
         "non-state-actor-overtakes-territory"),
    ],
)  # fmt: skip
def test_triggers_opening_with_an_adjective_are_found(
    extractor: Any, text: str, expected: str
) -> None:
    assert top_event_type(extractor, text) == expected


def test_the_lead_sentence_tells_the_articles_event(extractor: Any) -> None:
    # as sure as what the second sentence tells with a source more: the lead's event
    text = "Protesters marched in Lowtown. Gunmen shot a trader near Lowtown, police said."
    assert top_event_type(extractor, text) == "peaceful-protest"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # damage the main clause tells is the event; the clash only dates it
        ("Fifty shops were destroyed in Lowtown on Monday following a clash between two rival "
         "gangs.", "looting-property-destruction"),
        # damage done in the fighting the main clause tells is that fighting's
        ("Troops destroyed two rebel vehicles in Lowtown during a clash on Monday.",
         "armed-clash"),
    ],
)  # fmt: skip
def test_damage_folds_into_the_fighting_its_sentence_tells_not_into_one_told_in_passing(
    extractor: Any, text: str, expected: str
) -> None:
    assert top_event_type(extractor, text) == expected
