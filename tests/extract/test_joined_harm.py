"""Harm joined to a killing is the killing's (kg/extract/folding.py ``fold_killings``), on
sentences written for the test."""

from __future__ import annotations

from typing import Any

import pytest

from tests.extract.extracted import acled_events

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    "text",
    [
        "Soldiers killed 3 militants and injured 6 in Lowtown on Monday.",
        "Soldiers killed 3 militants and wounded 6 others in Lowtown on Monday.",
    ],
)
def test_the_wounded_joined_to_a_killing_are_its_own(extractor: Any, text: str) -> None:
    events = acled_events(extractor, text)
    assert [(e.event_type, e.counts.fatalities, e.counts.injuries) for e in events] == [
        ("armed-clash", 3, 6)
    ]


def test_harm_with_a_doer_of_its_own_stays_an_event(extractor: Any) -> None:
    text = "Soldiers killed 3 militants on Monday and rebels wounded 6 soldiers in Lowtown."
    assert len(acled_events(extractor, text)) == 2
