"""kg.extract.class_cues.position_destroyed: armed men's destruction of what armed men hold is
a fight, on the real model."""

from __future__ import annotations

from typing import Any

import pytest

from tests.extract.extracted import acled_types

pytestmark = pytest.mark.model


def test_a_position_armed_men_destroy_is_a_fight(extractor: Any) -> None:
    text = "Government troops destroyed a rebel outpost near Lowtown on Monday."
    assert acled_types(extractor, text) == ["armed-clash"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # what armed men's men own, not what they hold in arms
        ("Soldiers destroyed the homes of rebel commanders in Lowtown on Monday.",
         "looting-property-destruction"),
        # a crowd is no armed side
        ("Rioters destroyed a police post in Midtown on Monday.", "violent-demonstration"),
    ],
)  # fmt: skip
def test_other_destruction_stays_as_it_was(extractor: Any, text: str, expected: str) -> None:
    assert acled_types(extractor, text) == [expected]
