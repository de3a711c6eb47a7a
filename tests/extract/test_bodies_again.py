"""A body told after the killing that left it is that killing's victim told again, not an
attack of its own (kg/extract/bodies_again.py)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.extract.extracted import acled_events

_KILLING = (
    "On Tuesday night, a mob set fire to a town hall in the city of Arequipa and beat a "
    "guard to death, the interior ministry said."
)


@pytest.mark.model
@pytest.mark.parametrize(
    "told", ["his body was found burned inside a truck", "his charred body was found in a truck"]
)
def test_his_body_found_burned_is_the_killing_told_again(extractor: Any, told: str) -> None:
    text = f"{_KILLING} Police said {told}.\n"
    events = [e for e in acled_events(extractor, text) if e.event_type != "statement"]
    assert [e.trigger.text for e in events] == ["beat"]
    assert events[0].counts.fatalities == 1


@pytest.mark.model
def test_bodies_of_their_own_stay_an_event(extractor: Any) -> None:
    text = f"{_KILLING} The bodies of four farmers were found dumped in a river near Cusco.\n"
    events = [e for e in acled_events(extractor, text) if e.event_type != "statement"]
    assert len(events) >= 2  # four other dead, at another place


@pytest.mark.model
def test_a_body_found_with_no_killing_before_stays_an_attack(extractor: Any) -> None:
    text = "Police said the body of a trader was found dumped near the market in Arequipa.\n"
    events = [e for e in acled_events(extractor, text) if e.event_type != "statement"]
    assert [e.event_type for e in events] == ["attack"]
