"""Verb triggers the object splits or stretches (kg/extract/split_triggers.py), on the real
model: the trigger is found on the verb, and the events it anchors are typed as the joined
phrase's."""

from __future__ import annotations

from typing import Any

import pytest

from kg.extract.lexicon import Trigger
from kg.extract.split_triggers import SplitTriggers
from tests.extract.extracted import acled_events, top_event_type

pytestmark = pytest.mark.model

_TRIGGERS = (
    Trigger(("set", "on", "fire"), "VERB", "looting-property-destruction"),
    Trigger(("throw", "stone"), "VERB", "violence"),
)


def test_the_object_between_a_verb_and_its_complement(extractor: Any) -> None:
    doc = extractor.nlp("Youths set the old market hall on fire in Lowtown.")
    assert SplitTriggers(_TRIGGERS)(doc) == [(0, 1, 2)]  # on "set"


def test_modifiers_between_a_verb_and_its_object_noun(extractor: Any) -> None:
    doc = extractor.nlp("A man threw a large stone at the bus.")
    assert SplitTriggers(_TRIGGERS)(doc) == [(1, 2, 3)]  # on "threw"


@pytest.mark.parametrize(
    "text",
    [
        "Youths set the fire alarm off in Lowtown.",  # the object is no part of the phrase
        "The council set a date on fire safety in Lowtown.",  # "on fire" inside the object
        "A man threw the bag of stones into the river.",  # "stones" is not the object's noun
    ],
)
def test_no_split_trigger_where_the_words_only_follow(extractor: Any, text: str) -> None:
    assert SplitTriggers(_TRIGGERS)(extractor.nlp(text)) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("On 3 May 2021, rioters set a bank on fire in Lowtown.", "mob-violence"),
        (
            "On 3 May 2021, gunmen set two trucks ablaze near Lowtown.",
            "looting-property-destruction",
        ),
        ("On 3 May 2021, a man threw a rock at a nurse in Lowtown and injured her.", "attack"),
    ],
)
def test_split_phrases_tell_their_events(extractor: Any, text: str, expected: str) -> None:
    assert top_event_type(extractor, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("On 3 May 2021, soldiers forcibly disappeared a trader in Lowtown.",
         "abduction-forced-disappearance"),
        ("On 3 May 2021, a soldier sexually assaulted a woman in Lowtown.", "sexual-violence"),
    ],
)  # fmt: skip
def test_triggers_opening_on_an_adverb(extractor: Any, text: str, expected: str) -> None:
    # the adverb is no verb: a VERB trigger whose first word is the adverb never matched
    assert top_event_type(extractor, text) == expected


@pytest.mark.model
def test_weapons_destroyed_beside_a_push_do_not_type_the_fighting(extractor: Any) -> None:
    """ "pushing the rebels back" (a territory word: fighting, no ground taken) is a clash,
    whatever weapons the same sentence says were destroyed (subtypes.toml not_for_trigger)."""
    text = (
        "On Monday, government troops advanced near Lowtown, pushing the rebels back and "
        "destroying their heavy weapons, IED workshops and caches."
    )
    kinds = {e.event_type for e in acled_events(extractor, text)}
    assert "armed-clash" in kinds
    assert not kinds & {"remote-explosive-landmine-ied", "shelling-artillery-missile-attack"}
