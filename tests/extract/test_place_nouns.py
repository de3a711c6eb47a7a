""" "The area" points back to the place named before it, a town rather than a country that
names whose an actor is. Made-up sentences."""

from __future__ import annotations

from typing import Any

import pytest

from tests.extract.extracted import extract

pytestmark = pytest.mark.model


def _area_of(extractor: Any, text: str) -> str:
    extraction = extract(extractor, text)
    (place,) = [p for p in extraction.places if any(m.text == "the area" for m in p.mentions)]
    return place.label


@pytest.mark.parametrize(
    "text",
    [
        "Gunmen attacked a market in Lowtown on Tuesday. Lebanon's health ministry said two "
        "people were killed in the area.",
        "Fighting broke out in Lowtown on Tuesday. Lebanon's army said its soldiers were "
        "deployed to the area.",
    ],
)
def test_the_area_is_the_town_not_an_actors_country(extractor: Any, text: str) -> None:
    assert _area_of(extractor, text) == "Lowtown"


def test_the_area_is_a_country_named_alone(extractor: Any) -> None:
    text = "Clashes erupted across Lebanon on Tuesday. Two people were killed in the area."
    assert _area_of(extractor, text) == "Lebanon"
