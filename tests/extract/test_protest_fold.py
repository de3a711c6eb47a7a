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
