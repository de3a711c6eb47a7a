"""One town's name the entity model cut in two becomes one place (kg/geo/glued.py)."""

from __future__ import annotations

import pytest

from kg.geo.gazetteer import Gazetteer, default_gazetteer
from kg.geo.geocode import Geocoder
from kg.geo.glued import joined_names
from kg.model import PlaceType, Span
from tests.geo.fakes import one_event


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return default_gazetteer()


def test_two_pieces_that_are_one_town_become_that_town(gazetteer: Gazetteer) -> None:
    text = "A bomb was found near a school in Ongata Rongai on Sunday."
    pieces = [("Ongata", PlaceType.OTHER), ("Rongai", PlaceType.TOWN)]
    extraction = joined_names(one_event(text, pieces, "found"), gazetteer)
    (place,) = extraction.places
    start = text.index("Ongata")
    assert (place.label, place.place_type) == ("Ongata Rongai", PlaceType.TOWN)
    assert place.mentions == (Span(start, start + len("Ongata Rongai"), "Ongata Rongai"),)
    assert extraction.events[0].places == (place.key,)


def test_the_joined_town_is_geocoded(gazetteer: Gazetteer) -> None:
    text = "A bomb was found near a school in Ongata Rongai on Sunday."
    pieces = [("Ongata", PlaceType.OTHER), ("Rongai", PlaceType.TOWN)]
    extraction = Geocoder(gazetteer).geocode(one_event(text, pieces, "found"))
    (place,) = [p for p in extraction.places if p.place_type is PlaceType.TOWN]
    assert place.geo is not None and place.geo.country_code == "KE"


@pytest.mark.parametrize(
    ("text", "pieces"),
    [
        # a town and its province, no comma: two places (kg.geo.pairs reads them)
        ("Gunmen shot a trader in Fresnillo Zacatecas on Friday.", ["Fresnillo", "Zacatecas"]),
        # two names that make no town together
        ("Shells fell on Lowtown Marsh on Friday.", ["Lowtown", "Marsh"]),
        # a comma between them
        ("A bomb was found in Ongata, Rongai on Sunday.", ["Ongata", "Rongai"]),
    ],
)
def test_other_neighbours_stay_apart(gazetteer: Gazetteer, text: str, pieces: list[str]) -> None:
    extraction = one_event(text, [(p, PlaceType.OTHER) for p in pieces], "on")
    assert joined_names(extraction, gazetteer) is extraction


def test_a_town_and_province_cut_in_the_wrong_place_are_cut_again(gazetteer: Gazetteer) -> None:
    """The model reads "Tijuana Baja" and "California": the town, and Baja California."""
    text = "Police fired on a crowd in Tijuana Baja California on Monday."
    pieces = [("Tijuana Baja", PlaceType.OTHER), ("California", PlaceType.OTHER)]
    extraction = joined_names(one_event(text, pieces, "fired"), gazetteer)
    town, province = extraction.places
    start = text.index("Tijuana")
    assert (town.label, town.place_type, town.within) == ("Tijuana", PlaceType.TOWN, province.key)
    assert town.mentions == (Span(start, start + len("Tijuana"), "Tijuana"),)
    assert (province.label, province.place_type) == ("Baja California", PlaceType.PROVINCE)
    assert province.mentions[0].text == "Baja California"
    assert extraction.events[0].places == (town.key,)  # the keys stay


def test_a_town_glued_to_its_whole_province_is_left_to_the_pairs(gazetteer: Gazetteer) -> None:
    text = "Police fired on a crowd in Tijuana Baja California on Monday."
    pieces = [("Tijuana", PlaceType.OTHER), ("Baja California", PlaceType.OTHER)]
    extraction = one_event(text, pieces, "fired")
    assert joined_names(extraction, gazetteer) is extraction
