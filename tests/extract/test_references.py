"""Mentions of actors named without their name (kg/extract/references.py): a nation, a
government, a leader's regime, a group referred back to."""

from __future__ import annotations

from typing import Any

import pytest

from kg.model import ActorType
from tests.extract.extracted import extract

pytestmark = pytest.mark.model


def test_a_country_s_government_is_an_organisation_mention(extractor: Any) -> None:
    text = "The Government of Iraq welcomed the statement on Sunday."
    actors = {a.key: a for a in extract(extractor, text).actors}
    government = actors["government-of-iraq"]
    assert [m.text for m in government.mentions] == ["The Government of Iraq"]
    assert government.label == "Government of Iraq"


def test_a_plural_demonym_is_a_nation_s_people(extractor: Any) -> None:
    text = "The Iraqis have cleared most of the town, the commander said."
    actors = {a.key: a for a in extract(extractor, text).actors}
    assert [m.text for m in actors["iraqis"].mentions] == ["The Iraqis"]
    assert actors["iraqis"].label == "Iraqis"


def test_the_group_refers_back_to_the_last_group_named(extractor: Any) -> None:
    text = "Al-Shabaab claimed the attack. The group said it killed ten soldiers."
    actors = {a.key: a for a in extract(extractor, text).actors}
    assert [m.text for m in actors["al-shabaab"].mentions] == ["Al-Shabaab", "The group"]


def test_the_government_and_people_of_a_country_are_two_mentions(extractor: Any) -> None:
    text = "The U.S. reaffirms its commitment to support the government and people of Iraq."
    actors = {a.key: a for a in extract(extractor, text).actors}
    assert [m.text for m in actors["government-of-iraq"].mentions] == ["the government"]
    people = next(a for a in actors.values() if a.actor_type is ActorType.CIVILIANS)
    assert [m.text for m in people.mentions] == ["people of Iraq"]
    assert people.label == "Civilians (Iraq)"  # the people "of Iraq", not the speaker's


def test_a_leaders_regime_is_of_the_country_of_the_events(extractor: Any) -> None:
    """ "The UK condemned the Asad regime's strikes ... in Syria": the regime is no British
    body; the country a regime with no country of its own belongs to is where the events are,
    not the one the article names most."""
    text = (
        "The UK condemned the Asad regime's air strikes on Lowtown in Syria. The UK has called "
        "for a ceasefire and the UK will press for talks."
    )
    regime = next(a for a in extract(extractor, text).actors if "regime" in a.label)
    assert regime.country == "SY"


def test_a_leaders_regime_acts_not_the_leader(extractor: Any) -> None:
    """ "The Asad regime bombed Lowtown": the event's agent is the regime (Syria's forces,
    named so elsewhere), not the person Asad, whose name stays a mention of his own."""
    text = "Syrian regime forces shelled Highfield. The Asad regime also bombed Lowtown on Monday."
    extraction = extract(extractor, text)
    actors = {a.key: a for a in extraction.actors}
    agents = {k for e in extraction.events for k in e.agents}
    assert agents == {"military-forces-of-syria"}
    assert any(a.actor_type is ActorType.PERSON and a.label == "Asad" for a in actors.values())
