"""Both sides of a fight in common phrasings, with the real model (kg/extract/arguments.py):
the "between" phrase of the verb a fight noun is the subject of ("fighting erupted between X
and Y"), "fighting pitting X against Y", the passive subject of "engaged in fighting with Y",
an actor's own means ("its air defences"), and a past tense the parser reads as a participle
("strikes killed 20 people"), whose object is no victim of the noun before it."""

from __future__ import annotations

from typing import Any

import pytest

from kg.model import Article

pytestmark = pytest.mark.model


def _events(extractor: Any, text: str) -> list[tuple[str, tuple[str, ...], tuple[str, ...]]]:
    extraction = extractor.extract_one(Article("t", text))
    return [(e.event_type, e.agents, e.targets) for e in extraction.events]


def _first(extractor: Any, text: str, kind: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The agents and targets of the first event of ``kind`` the text gives."""
    events = _events(extractor, text)
    found = [(agents, targets) for k, agents, targets in events if k == kind]
    assert found, events
    return found[0]


@pytest.mark.parametrize(
    "text",
    [
        "Fighting erupted between the army and rebels near Lowtown on Monday.",
        "Heavy fighting raged between government troops and the rebels near Lowtown.",
        "Battles continued between the army and militias near Lowtown on Sunday.",
        "Fierce fighting pitting the army against rebels continued in Lowtown.",
    ],
)
def test_a_fight_has_both_its_sides(extractor: Any, text: str) -> None:
    agents, targets = _first(extractor, text, "armed-clash")
    sides = {*agents, *targets}
    assert any(k.startswith("military-forces") for k in sides), sides
    assert any(k.startswith(("rebels", "militia")) for k in sides), sides


def test_a_clash_of_police_and_protesters_keeps_the_police(extractor: Any) -> None:
    text = "Clashes broke out between police and protesters in Lowtown."
    agents, targets = _first(extractor, text, "violent-demonstration")
    sides = {*agents, *targets}
    assert any(k.startswith("police") for k in sides), sides
    assert any(k.startswith("rioters") for k in sides), sides


def test_a_verb_without_between_lends_no_sides(extractor: Any) -> None:
    events = _events(extractor, "Fighting erupted near Lowtown as rebels advanced on Monday.")
    assert not any("military-forces" in agents for _, agents, _ in events), events


@pytest.mark.parametrize(
    "text",
    [
        "Government forces were engaged in heavy fighting with rebels near Lowtown.",
        "The army has been locked in fierce battles with rebels near Lowtown.",
    ],
)
def test_who_is_engaged_in_a_fight_is_a_side(extractor: Any, text: str) -> None:
    agents, targets = _first(extractor, text, "armed-clash")
    assert any(k.startswith("military-forces") for k in agents), agents
    assert "rebels" in targets, targets


def test_who_is_killed_in_a_fight_is_no_side(extractor: Any) -> None:
    events = _events(extractor, "Two farmers were killed in fighting with rebels near Lowtown.")
    assert not any(k.startswith("civilians") for _, agents, _ in events for k in agents), events


def test_a_strike_that_killed_people_is_the_strikers(extractor: Any) -> None:
    text = "Israeli air strikes killed at least 20 Palestinians in Lowtown."
    agents, targets = _first(extractor, text, "air-drone-strike")
    assert "military-forces-of-israel" in agents, agents
    assert "military-forces-of-israel" not in targets, targets


def test_a_participle_after_its_victim_still_names_the_victim(extractor: Any) -> None:
    events = _events(extractor, "Suspected gang member killed at a slum in Lowtown.")
    assert any(targets for _, _, targets in events), events


def test_its_air_defences_are_the_speakers_forces(extractor: Any) -> None:
    text = "The Ukrainian military said its air defences shot down 25 of 30 Russian drones."
    agents, targets = _first(extractor, text, "disrupted-weapons-use")
    assert "military-forces-of-ukraine" in agents, agents
    assert "military-forces-of-russia" in targets, targets
