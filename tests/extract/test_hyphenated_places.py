"""Place names whose particle hyphens glue on both sides, "Port-au-Prince", "Aix-en-Provence"
(kg/extract/place_spans.py ``joined``, kg/extract/place_names.py ``_join_hyphenated``)."""

from __future__ import annotations

from typing import Any

import pytest

from kg.model import Article

pytestmark = pytest.mark.model


def _places(extractor: Any, text: str) -> list[str]:
    result = extractor.extract_one(Article("t", text))
    return [m.text for p in result.places for m in p.mentions]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Port-au-Prince was paralysed on Friday as protesters burned tyres.", "Port-au-Prince"),
        ("Thousands rallied in Aix-en-Provence on Saturday to demand higher wages.",
         "Aix-en-Provence"),
        ("Gangs attacked the Croix-des-Bouquets district on Monday, killing five.",
         "Croix-des-Bouquets"),
        ("Police fired tear gas at protesters in Stratford-upon-Avon on Sunday.",
         "Stratford-upon-Avon"),
        ("Residents of Stratford-upon-Avon protested on Sunday against the closure.",
         "Stratford-upon-Avon"),
        ("Rioters burned cars in Lowton-on-Marsh on Saturday.", "Lowton-on-Marsh"),
    ],
)  # fmt: skip
def test_a_name_hyphens_join_by_a_particle_is_one_place(
    extractor: Any, text: str, name: str
) -> None:
    places = _places(extractor, text)
    assert name in places, places
    assert not any(p != name and p in name for p in places), places


def test_a_group_s_name_is_not_made_a_place(extractor: Any) -> None:
    text = "Fighters of Ahrar-al-Sham attacked a checkpoint in Idlib on Monday."
    assert "Ahrar-al-Sham" not in _places(extractor, text)


def test_a_title_hyphens_join_is_no_place(extractor: Any) -> None:
    text = "Journalists protested in Lowtown against the arrest of the Editor-in-Chief on Monday."
    assert not any("Chief" in p for p in _places(extractor, text))


def test_a_person_s_hyphenated_first_name_is_no_place(extractor: Any) -> None:
    text = "Jean-de-Dieu Lowande, a rebel leader, was killed in Lowtown on Monday."
    assert not any("Jean" in p for p in _places(extractor, text))


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Gunmen kidnapped five teachers in Lowland's restive North-West region on Tuesday.",
         "North-West"),
        ("Separatists burned a school in the South-West region of Lowland on Monday.",
         "South-West"),
    ],
)  # fmt: skip
def test_two_capitalised_halves_glued_by_a_hyphen_are_one_name(
    extractor: Any, text: str, name: str
) -> None:
    places = _places(extractor, text)
    assert any(p.startswith(name) for p in places), places
    assert "West" not in places and "West region" not in places, places


def test_two_places_a_hyphen_joins_at_a_border_stay_two(extractor: Any) -> None:
    places = _places(extractor, "Bandits burned 70 houses on the Lowtown-Upper Marsh border.")
    assert "Lowtown-Upper Marsh" not in places, places
