"""Events told in words the triggers missed: fires set, shops ransacked, fire fights,
incursions, demos, shells falling, acts joined to another verb, attempted lynchings, vehicles
running over mines, roads blocked by townspeople, forces arriving, people hurt by someone."""

from __future__ import annotations

from typing import Any

import pytest

from tests.extract.extracted import acled_events, top_event_type

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "On 3 March 2021, two houses were set on fire in Lowtown.",
            "looting-property-destruction",
        ),
        (
            "On 3 March 2021, unknown men set alight a lorry in Lowtown.",
            "looting-property-destruction",
        ),
        ("On 3 March 2021, bandits ransacked a shop in Lowtown.", "looting-property-destruction"),
        ("On 3 March 2021, three traders were slashed to death in Lowtown.", "attack"),
        (
            "On 3 March 2021, army troops engaged in a fire fight with the river militia in "
            "Lowtown.",
            "armed-clash",
        ),
        (
            "On 3 March 2021, the northern brigade conducted an incursion against the positions "
            "of the river militia near Lowtown.",
            "armed-clash",
        ),
        (
            "On 3 March 2021, opposition supporters held their demos peacefully in Lowtown.",
            "peaceful-protest",
        ),
        (
            "On 3 March 2021, one shell fell into Lowtown village and two shells fell near a "
            "school.",
            "shelling-artillery-missile-attack",
        ),
        (
            "On 3 March 2021, rockets fell on the village of Lowtown.",
            "shelling-artillery-missile-attack",
        ),
        (
            "On 3 March 2021, gunmen stopped and looted a bus travelling from Lowtown to Hightown.",
            "looting-property-destruction",
        ),
        (
            "On 3 March 2021, a crowd in Lowtown attempted to lynch a man accused of theft.",
            "mob-violence",
        ),
    ],
)
def test_untold_events_are_found(extractor: Any, text: str, expected: str) -> None:
    assert top_event_type(extractor, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The company was a shell for the minister's money, the court in Lowtown heard.",
        "Gunmen tried to enter and loot the market in Lowtown on Monday.",  # not done
        "The army will stop and search every bus leaving Lowtown.",
    ],
)
def test_no_event_where_none_happened(extractor: Any, text: str) -> None:
    assert [e.event_type for e in acled_events(extractor, text)] == []


def test_a_town_that_fell_to_a_taker_is_still_lost(extractor: Any) -> None:
    text = "On 3 March 2021, Lowtown fell to the rebels after heavy shelling."
    assert top_event_type(extractor, text) == "non-state-actor-overtakes-territory"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "On 3 March 2021, two officers were hurt when their truck ran over an IED planted "
            "on the road near Lowtown.",
            "remote-explosive-landmine-ied",
        ),
        # a topic still: "over" governed by a verb that is no way of going
        ("On 3 March 2021, traders protested over the bombing of the market in Lowtown.",
         "peaceful-protest"),
    ],
)  # fmt: skip
def test_over_after_a_verb_of_going_is_the_way_not_a_topic(
    extractor: Any, text: str, expected: str
) -> None:
    assert top_event_type(extractor, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "On 3 March 2021, inhabitants of Lowtown blocked the main road to call for water.",
        "On 3 March 2021, merchants blocked the street around the Lowtown market.",
        "On 3 March 2021, vendors gathered outside the town hall of Lowtown.",
    ],
)
def test_a_road_blocked_by_townspeople_or_to_call_for_something_is_a_protest(
    extractor: Any, text: str
) -> None:
    assert top_event_type(extractor, text) == "peaceful-protest"


def test_a_road_blocked_by_forces_tells_no_protest(extractor: Any) -> None:
    text = "On 3 March 2021, soldiers blocked the main road into Lowtown."
    assert top_event_type(extractor, text) != "peaceful-protest"


def test_forces_arriving_change_their_activity(extractor: Any) -> None:
    text = "On 3 March 2021, government forces reportedly arrived in Lowtown."
    assert top_event_type(extractor, text) == "change-to-group-activity"


def test_people_arriving_tell_no_event(extractor: Any) -> None:
    text = "On 3 March 2021, 200 refugees arrived in Lowtown from the coast."
    assert top_event_type(extractor, text) is None


def test_people_hurt_by_someone_tell_violence(extractor: Any) -> None:
    text = "On 3 March 2021, five reporters were injured by traders in the Lowtown market."
    assert top_event_type(extractor, text) == "mob-violence"


def test_people_hurt_by_a_thing_tell_no_event(extractor: Any) -> None:
    text = "On 3 March 2021, a girl was injured by a car in Lowtown."
    assert top_event_type(extractor, text) is None


def test_a_stated_toll_goes_to_the_violence_not_to_forces_arriving(extractor: Any) -> None:
    text = (
        "On 3 March 2021, in Lowtown, an armed individual who arrived with an accomplice shot "
        "and killed a man in the market. 1 fatality."
    )
    events = acled_events(extractor, text)
    assert [e.counts.fatalities for e in events] == [1]
