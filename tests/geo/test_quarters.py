"""What the words around a name say it is (kg/geo/quarters.py): a district or a part of a
town. Made-up sentences."""

from __future__ import annotations

import pytest

from kg.geo.quarters import called_district, is_neighbourhood
from kg.model import Place, PlaceType, Span


def test_the_words_around_a_name_say_it_is_a_district_or_a_part_of_a_town() -> None:
    text = (
        "Clashes in Warduj district and in the district of Jurm. Shots in Primavera area of "
        "Lowtown on Monday."
    )
    warduj = Span(text.index("Warduj"), text.index("Warduj") + 6, "Warduj")
    jurm = Span(text.index("Jurm"), text.index("Jurm") + 4, "Jurm")
    start = text.index("Primavera")
    primavera = Span(start, start + 9, "Primavera")
    assert called_district(warduj, text) and called_district(jurm, text)
    assert not called_district(primavera, text)
    place = Place("primavera", "Primavera", PlaceType.OTHER, (primavera,))
    colonia = Place("colonia-libertad", "Colonia Libertad", PlaceType.OTHER, ())
    assert is_neighbourhood(place, text) and is_neighbourhood(colonia, text)
    assert not is_neighbourhood(Place("jurm", "Jurm", PlaceType.OTHER, (jurm,)), text)


@pytest.mark.parametrize(
    ("text", "quarter"),
    [
        ("Shots in the Midfield area of Lowtown on Monday.", True),
        ("Shots in the Midfield area (Block 9) in Lowtown on Monday.", True),
        ("Shots in the Midfield area west of Lowtown on Monday.", True),
        ("Rebels clashed in the Midfield area with no casualties.", False),  # a town and around
        ("Rebels clashed in the Midfield area.", False),
    ],
)
def test_an_area_is_a_part_of_the_place_named_after_it(text: str, quarter: bool) -> None:
    start = text.index("Midfield")
    place = Place("midfield", "Midfield", PlaceType.OTHER, (Span(start, start + 8, "Midfield"),))
    assert is_neighbourhood(place, text) is quarter


def test_a_quarter_is_known_by_the_word_before_it_or_after_it_with_punctuation() -> None:
    text = "A man was found dead in Colonia Las Flores. Shots in Santa Rita neighborhood."
    flores = Span(text.index("Las Flores"), text.index("Las Flores") + 10, "Las Flores")
    start = text.index("Santa Rita")
    rita = Span(start, start + 10, "Santa Rita")
    assert is_neighbourhood(Place("las-flores", "Las Flores", PlaceType.OTHER, (flores,)), text)
    assert is_neighbourhood(Place("santa-rita", "Santa Rita", PlaceType.OTHER, (rita,)), text)
    dead = Span(text.index("dead"), text.index("dead") + 4, "dead")
    assert not is_neighbourhood(Place("dead", "dead", PlaceType.OTHER, (dead,)), text)
