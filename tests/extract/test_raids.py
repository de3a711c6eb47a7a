"""A raid told as the way in to an abduction is the abduction (kg/extract/raids.py), on the
real model. Made-up sentences."""

from __future__ import annotations

from typing import Any

import pytest

from tests.extract.extracted import acled_events

pytestmark = pytest.mark.model

_WHERE = " in Lowland state, Nigeria, on Friday and "


@pytest.mark.parametrize(
    "text",
    [
        "Bandits stormed a village" + _WHERE + "abducted 20 people.",
        "Gunmen raided a church" + _WHERE + "abducted the priest, police said.",
    ],
)
def test_a_raid_with_no_victims_and_an_abduction_are_one_abduction(
    extractor: Any, text: str
) -> None:
    events = acled_events(extractor, text)
    assert [e.event_type for e in events] == ["abduction-forced-disappearance"]
    assert "lowland" in events[0].places


def test_an_attack_on_people_beside_an_abduction_stays(extractor: Any) -> None:
    text = "Gunmen attacked villagers" + _WHERE + "abducted 20 people."
    assert len(acled_events(extractor, text)) == 2
