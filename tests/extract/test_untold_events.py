"""Events told in words the triggers missed: fires set, shops ransacked, fire fights,
incursions, demos, shells falling, acts joined to another verb, attempted lynchings."""

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
