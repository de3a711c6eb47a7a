"""kg.extract.protest_fold: a protest's crowd acts fold into the protest."""

from __future__ import annotations

from typing import Any

import pytest

from tests.extract.extracted import acled_events

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the crowd's attack is the protest's, made violent: one event
        (
            "Protesters burned tyres and attacked a police station in Lowtown on Monday.",
            ["violent-demonstration"],
        ),
        # what the protest is about is its setting, not an event
        (
            "Hundreds of residents protested the release of a jailed officer in Lowtown.",
            ["peaceful-protest"],
        ),
        # a fight among the crowd is the event, the rally its setting
        (
            "Supporters of two rival parties threw stones at each other during a rally in Lowtown.",
            ["mob-violence"],
        ),
    ],
)
def test_a_protests_crowd_acts_fold_into_it(extractor: Any, text: str, expected: list[str]) -> None:
    assert [e.event_type for e in acled_events(extractor, text)] == expected


@pytest.mark.parametrize(
    "text",
    [
        # what the crowd demands tells the abduction it protests, no event of its own
        "On 5 May, traders staged a sit-in in Lowtown to demand the release of a driver who was "
        "abducted by gunmen.",
        # who the protesters are: a relative clause of the protest's subject
        "On 3 March, families who say their sons were kidnapped by rebels continued their sit-in "
        "outside the governor's office.",
    ],
)
def test_a_protests_grievance_is_no_event(extractor: Any, text: str) -> None:
    assert [e.event_type for e in acled_events(extractor, text)] == ["peaceful-protest"]


def test_what_follows_a_demand_is_told(extractor: Any) -> None:
    # the dispersal joined to "demanded" happened; it is not what the crowd demanded
    text = (
        "On 9 January, residents protested in Lowtown. Protesters demanded the release of "
        "their leader but they were dispersed by police."
    )
    types = {e.event_type for e in acled_events(extractor, text)}
    assert types == {"protest-with-intervention"}
