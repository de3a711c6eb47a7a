"""A protest its own sentence calls peaceful, a pronoun inside a quotation, a witness named
before the noun that makes them one (or one who speaks for the victims), a quote of a riot's
other side, "riot police" (no riot), and a crowd renamed twice by its roles
(kg/extract/classify.py, kg/extract/antecedents.py, kg/extract/quoted.py, kg/extract/told.py,
kg/extract/roles.py), on the real model. Made-up stories."""

from __future__ import annotations

from typing import Any

import pytest

from kg.model import Article
from tests.extract.extracted import acled_events, acled_types

pytestmark = pytest.mark.model

_STORY = (
    "Six killed as Peru protesters clash with police, government declares emergency\n\n"
    "LOWTOWN, Peru, Jan 12 (Reuters) - Six people were killed and dozens injured on Monday "
    "when protesters demanding the resignation of the president clashed with police near the "
    "airport in the southern city of Lowtown, the ombudsman's office said.\n\n"
    "In Hightown, several hundred students marched peacefully through the old town on "
    "Tuesday, chanting slogans against parliament.\n\n"
    "Police arrested 15 people in Midtown on Wednesday after protesters tried to take over "
    "the city's airport, the interior ministry said.\n"
)


def test_a_peaceful_march_after_a_riot_told_before_stays_peaceful(extractor: Any) -> None:
    text = (
        "Protesters threw stones at police in Lowtown on Thursday, witnesses said.\n\n"
        "On Friday, hundreds of people marched peacefully through the city centre."
    )
    assert acled_types(extractor, text) == ["violent-demonstration", "peaceful-protest"]


def test_a_peaceful_march_before_a_mobs_night_stays_peaceful(extractor: Any) -> None:
    text = (
        "Several hundred students marched peacefully through the old town on Tuesday, chanting "
        "slogans against parliament.\n\n"
        "On Tuesday night, a mob set fire to a police station and beat a police officer to "
        "death, the ministry said."
    )
    assert acled_types(extractor, text) == ["peaceful-protest", "mob-violence"]


def test_a_march_that_only_began_peacefully_still_turned_violent(extractor: Any) -> None:
    text = (
        "The march in Lowtown began peacefully on Friday. Later, protesters threw stones at police."
    )
    assert "peaceful-protest" not in acled_types(extractor, text)


def test_a_march_peaceful_before_the_violence_told_is_that_riot(extractor: Any) -> None:
    text = (
        "Protests near the summit in Lowtown turned violent on Saturday. Before, thousands of "
        "activists marched peacefully across the bridge to demand action from the leaders."
    )
    assert "peaceful-protest" not in acled_types(extractor, text)


def test_a_peaceful_march_police_dispersed_is_still_stopped(extractor: Any) -> None:
    text = (
        "Several hundred students marched peacefully through Lowtown on Tuesday. "
        "Police later fired tear gas to disperse them."
    )
    assert acled_types(extractor, text) == ["protest-with-intervention"]


@pytest.mark.parametrize(
    "speaker", ["said Ana Ruiz, a 46-year-old market trader", "a market trader said"]
)
def test_a_witness_quoting_they_is_no_doer_of_a_new_attack(extractor: Any, speaker: str) -> None:
    text = (
        "Protesters threw stones at police in Lowtown on Monday, and police responded with "
        "tear gas and live ammunition, witnesses said.\n\n"
        f'"They shot at us from the bridge like we were animals," {speaker}.'
    )
    assert acled_types(extractor, text) == ["violent-demonstration"]


def test_a_crowd_renamed_twice_leaves_no_event_naming_a_lost_actor(extractor: Any) -> None:
    # students (civilians) made protesters by their march, then rioters by the lead's riot:
    # the lead's victims once named that crowd by a key no actor bears any more
    extraction = extractor.extract_one(Article("t", _STORY))  # raised ValueError (unheld)
    assert extraction.unheld() is None
    (march,) = [e for e in acled_events(extractor, _STORY) if e.trigger.text == "marched"]
    assert march.event_type == "peaceful-protest"


def test_a_students_quote_of_the_police_side_of_a_riot_is_that_riot(extractor: Any) -> None:
    text = (
        "After nightfall, a group of protesters threw bottles at police guarding the "
        "parliament in Lowtown.\n\n"
        '"We came here peacefully, and they attacked us like criminals," said Ana, a '
        "21-year-old law student."
    )
    assert acled_types(extractor, text) == ["violent-demonstration"]


def test_a_community_leaders_quote_of_the_shooting_is_no_new_attack(extractor: Any) -> None:
    text = (
        "A 24-year-old protester was shot dead by gendarmes in Lowtown on Thursday, his family "
        "said.\n\n"
        '"They fired real bullets at young people who had only stones," said Kofi Mensah, a '
        "community leader."
    )
    assert "attack" not in acled_types(extractor, text)


def test_riot_police_are_no_riot(extractor: Any) -> None:
    text = (
        "Riot police fired tear gas at protesters outside parliament in Lowtown late on "
        "Saturday.\n\n"
        "Tens of thousands of people had marched through the capital earlier in the day."
    )
    assert "violent-demonstration" not in acled_types(extractor, text)


def test_rioters_the_police_met_still_riot(extractor: Any) -> None:
    text = "Rioters threw stones at riot police in Lowtown on Saturday."
    assert acled_types(extractor, text) == ["violent-demonstration"]
