"""A "strike" is a labour strike only where the sentence says so (kg/extract/labour.py)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.extract.extracted import top_event_type

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    "text",
    [
        "On Monday, teachers went on strike in Lowtown over unpaid salaries.",
        "On Monday, a general strike paralysed Lowtown.",
        "On Monday, nurses staged a strike at the Lowtown hospital.",
        "On Monday, shopkeepers in Lowtown went on strike.",  # "on strike" alone says labour
    ],
)
def test_a_strike_of_workers_is_a_protest(extractor: Any, text: str) -> None:
    assert top_event_type(extractor, text) == "peaceful-protest"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "on the location" is no "on strike": aircraft strike from the air
        (
            "On Monday, coalition aircraft conducted a precision strike on the location near "
            "Lowtown.",
            "air-drone-strike",
        ),
        (
            "On Monday, a missile strike on Lowtown killed 4 civilians.",
            "shelling-artillery-missile-attack",
        ),
    ],
)
def test_a_strike_on_a_place_is_an_attack(extractor: Any, text: str, expected: str) -> None:
    assert top_event_type(extractor, text) == expected
