"""Places people flee to (kg/extract/refuge.py) tell no country of the events, on sentences
written for the test."""

from __future__ import annotations

from typing import Any

import pytest

from kg.model import ActorType, Article


def _countries(extractor: Any, text: str) -> dict[str, str]:
    """Each actor's type with its key, for the unnamed actors' countries."""
    extraction = extractor.extract_one(Article("t", text))
    return {a.actor_type.value: a.key for a in extraction.actors}


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "Lowtown refugees fled to Kenya after soldiers burned their village.",
        "Thousands of villagers crossed into Kenya after soldiers burned their homes.",
        "Families sought refuge in Kenya after soldiers burned their homes.",
    ],
)
def test_a_destination_of_flight_gives_no_country(extractor: Any, text: str) -> None:
    actors = _countries(extractor, text)
    assert not any(key.endswith("kenya") for key in actors.values())
    assert ActorType.STATE_FORCES.value in actors


@pytest.mark.model
def test_a_place_of_the_events_still_gives_its_country(extractor: Any) -> None:
    """The same words with the place of the burning named: the soldiers are Uganda's."""
    text = "Soldiers burned homes in Uganda, and families fled to Kenya."
    actors = _countries(extractor, text)
    assert actors[ActorType.STATE_FORCES.value] == "military-forces-of-uganda"
    assert actors[ActorType.CIVILIANS.value] == "civilians-uganda"


def _topics(extractor: Any, text: str) -> list[str]:
    doc = extractor.nlp(text)
    found = extractor.mentions.find(doc).found
    return [f.label for f in extractor.mentions.refuges.topics(doc, found)]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "topics"),
    [
        ("Thousands marched through Lowtown calling for a ceasefire in Upland.", ["Upland"]),
        ("Students rallied in Lowtown in solidarity with Kenya.", ["Kenya"]),
        ("Hundreds protested in Lowtown against the war in Upland.", ["Upland"]),
        ("Hundreds protested in Lowtown on Friday.", []),
        ("Soldiers fought rebels in Lowtown for control of Upland.", []),  # no protest
    ],
)
def test_a_protests_topic(extractor: Any, text: str, topics: list[str]) -> None:
    assert _topics(extractor, text) == topics


@pytest.mark.model
def test_a_protests_topic_gives_no_country_where_another_place_is_named(extractor: Any) -> None:
    text = "Police in Lowtown arrested protesters calling for peace in Kenya."
    assert not any(key.endswith("kenya") for key in _countries(extractor, text).values())
    # the topic's place the only one: likely the protest's too
    text = "Police arrested protesters calling for peace in Kenya."
    assert _countries(extractor, text)[ActorType.STATE_FORCES.value] == "police-forces-of-kenya"


@pytest.mark.model
def test_a_topic_is_read_at_a_token_of_the_doc(extractor: Any) -> None:
    doc = extractor.nlp("Thousands marched through Lowtown calling for a ceasefire in Upland.")
    at = {t.text: t.i for t in doc}
    assert extractor.mentions.refuges._topic(doc, at["Upland"])
    assert not extractor.mentions.refuges._topic(doc, at["Lowtown"])
