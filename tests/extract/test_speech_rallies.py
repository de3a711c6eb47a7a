"""A rally told as where someone spoke, on the real model. Made-up sentences."""

from __future__ import annotations

from typing import Any

import pytest

from tests.extract.extracted import acled_events

pytestmark = pytest.mark.model

_DAY = (
    "On 3 March 2021, police fired tear gas at protesters in Lima, Peru. "
    "Protesters threw stones at police near the main square. "
)


@pytest.mark.parametrize(
    "speech",
    [
        '"We will stay in the streets," said Ana Quispe, the head of the farmers union, at a '
        "rally in the north of the city.",
        '"We will stay," Ana Quispe told a rally in the north of the city.',
    ],
)
def test_a_rally_spoken_at_is_the_days_protest_there(extractor: Any, speech: str) -> None:
    events = acled_events(extractor, _DAY + speech)
    assert all(e.trigger.text != "rally" for e in events)


def test_a_rally_in_another_town_stays_its_own(extractor: Any) -> None:
    text = _DAY + (
        '"We will stay," said Ana Quispe at a rally in the southern city of Arequipa, Peru.'
    )
    assert any(e.trigger.text == "rally" for e in acled_events(extractor, text))
