"""Crowds of a party's followers and men of a multinational mission, on the real model:
"Hezbollah demonstrators marched" is a protest of protesters, two parties' supporters fighting
each other riot, and "Kenyan peacekeepers" are Kenya's forces. Made-up sentences."""

from __future__ import annotations

from typing import Any

import pytest

from tests.extract.extracted import acled_events, actor_labels, extract

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    "text",
    [
        "Hundreds of Hezbollah demonstrators marched through Beirut on Friday.",
        "Hezbollah supporters marched in Beirut on Friday.",
    ],
)
def test_a_partys_crowd_marching_protests(extractor: Any, text: str) -> None:
    (event,) = acled_events(extractor, text)
    assert event.event_type == "peaceful-protest"
    assert "Protesters (Lebanon)" in actor_labels(extract(extractor, text), event.agents)


def test_armed_men_marching_stay_no_protest(extractor: Any) -> None:
    text = "Hundreds of rebels marched on Lowtown on Friday."
    assert not [e for e in acled_events(extractor, text) if e.event_type == "peaceful-protest"]


@pytest.mark.parametrize(
    "text",
    [
        "Hamas supporters clashed with Fatah supporters in Nablus on Friday.",
        "Hamas supporters attacked Fatah supporters in Nablus on Friday.",
    ],
)
def test_partisan_crowds_fighting_riot(extractor: Any, text: str) -> None:
    (event,) = acled_events(extractor, text)
    assert event.event_type == "mob-violence"
    assert actor_labels(extract(extractor, text), event.agents) == {"Rioters (Palestine)"}


def test_a_partys_fighters_against_a_crowd_stay_armed(extractor: Any) -> None:
    text = "Hamas fighters clashed with Fatah supporters in Nablus on Friday."
    (event,) = acled_events(extractor, text)
    assert event.event_type == "armed-clash"


@pytest.mark.parametrize(
    ("text", "forces"),
    [
        (
            "Kenyan peacekeepers of AMISOM killed five al-Shabaab fighters in Kismayo on Friday.",
            "Military Forces of Kenya",
        ),
        ("UN peacekeepers from Nepal were attacked in Juba on Friday.", "Military Forces of Nepal"),
        ("Peacekeepers from Nepal were attacked in Juba on Friday.", "Military Forces of Nepal"),
    ],
)
def test_a_contingents_peacekeepers_are_its_countrys_forces(
    extractor: Any, text: str, forces: str
) -> None:
    extraction = extract(extractor, text)
    (event,) = [e for e in extraction.events if e.event_type == "armed-clash"]
    assert forces in actor_labels(extraction, (*event.agents, *event.targets))


def test_peacekeepers_of_no_country_are_no_states(extractor: Any) -> None:
    extraction = extract(extractor, "UN peacekeepers were attacked in Lowtown on Friday.")
    assert not [a for a in extraction.actors if a.label.startswith("Military Forces")]
