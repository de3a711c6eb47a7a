"""The towns a road is named by or told between (kg/extract/roads.py)."""

from __future__ import annotations

from typing import Any

import pytest

from kg.model import Article

pytestmark = pytest.mark.model


def _places(extractor: Any, text: str) -> list[str]:
    result = extractor.extract_one(Article("t", text))
    return [m.text for p in result.places for m in p.mentions]


@pytest.mark.parametrize(
    ("text", "ends"),
    [
        (
            "On Monday, bandits ambushed a lorry on the Lowtown-Hightown road.",
            ["Lowtown", "Hightown"],
        ),
        ("On Monday, gunmen shot a trader on Lowtown - Hightown road.", ["Lowtown", "Hightown"]),
        ("On Monday, a body was found on the Lowtown-Las Palmas road.", ["Lowtown", "Las Palmas"]),
        (
            "On Monday, a mine exploded on the road connecting Al Lowtah and Ar-Rafeen.",
            ["Al Lowtah", "Ar-Rafeen"],
        ),
        (
            "On Monday, farmers blocked the highway that links Lowtown to Hightown.",
            ["Lowtown", "Hightown"],
        ),
        (
            "On Monday, gunmen ambushed a bus on the road between Lowtown and Hightown.",
            ["Lowtown", "Hightown"],
        ),
    ],
)
def test_a_road_names_the_towns_at_its_ends(extractor: Any, text: str, ends: list[str]) -> None:
    places = _places(extractor, text)
    assert all(end in places for end in ends), places


def test_compass_words_name_no_road_ends(extractor: Any) -> None:
    places = _places(extractor, "On Monday, troops clashed with rebels on the East-West highway.")
    assert not any(w in " ".join(places) for w in ("East", "West"))


def test_a_prefix_a_hyphen_joins_to_a_roads_name_makes_no_two_towns(extractor: Any) -> None:
    """ "the Pan-American Highway" is one name, not a road from "Pan" to "American"."""
    places = _places(extractor, "On Monday, farmers blocked the Pan-American Highway near Puno.")
    assert "Pan" not in places and "American" not in places
