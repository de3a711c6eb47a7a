"""One town's name the entity model cut in two becomes one place (kg/geo/glued.py)."""

from __future__ import annotations

import pytest

from kg.geo.gazetteer import Gazetteer, default_gazetteer
from kg.geo.geocode import Geocoder
from kg.geo.glued import joined_names, widened_names
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


def test_a_name_cut_at_its_start_is_widened_to_the_town(gazetteer: Gazetteer) -> None:
    """The model reads "Ismail Khan", a man's name; the words before it make the town."""
    text = "Militants stormed a checkpoint in Dera Ismail Khan on Monday."
    extraction = widened_names(
        one_event(text, [("Ismail Khan", PlaceType.OTHER)], "stormed"), gazetteer
    )
    (place,) = extraction.places
    start = text.index("Dera")
    assert (place.label, place.place_type) == ("Dera Ismail Khan", PlaceType.TOWN)
    assert place.mentions == (Span(start, start + len("Dera Ismail Khan"), "Dera Ismail Khan"),)
    assert extraction.events[0].places == (place.key,)


@pytest.mark.parametrize(
    "text",
    [
        "Militants stormed a checkpoint in Lowtown Ismail Khan on Monday.",  # no such town
        "Militants stormed a checkpoint in dera Ismail Khan on Monday.",  # not capitalised
        "Militants stormed a checkpoint in Dera, Ismail Khan on Monday.",  # a comma between
    ],
)
def test_other_words_before_a_name_stay_out(gazetteer: Gazetteer, text: str) -> None:
    extraction = one_event(text, [("Ismail Khan", PlaceType.OTHER)], "stormed")
    assert widened_names(extraction, gazetteer) is extraction


def test_words_an_actor_claims_are_not_taken_into_a_place(gazetteer: Gazetteer) -> None:
    text = "Militants stormed a checkpoint in Dera Ismail Khan on Monday."
    extraction = one_event(
        text, [("Dera", PlaceType.OTHER), ("Ismail Khan", PlaceType.OTHER)], "in"
    )
    assert widened_names(extraction, gazetteer) is extraction  # "Dera" is a place of its own


@pytest.mark.parametrize(
    ("text", "pieces", "name", "country"),
    [  # a short lower-case word joins the pieces; a country may end the name
        (
            "Gunmen robbed a bank in Port of Spain on Friday.",
            [("Port", PlaceType.OTHER), ("Spain", PlaceType.COUNTRY)],
            "Port of Spain",
            "TT",
        ),
        (
            "Gangs burned houses in Croix-des-Bouquets on Friday.",
            [("Croix", PlaceType.OTHER), ("Bouquets", PlaceType.OTHER)],
            "Croix-des-Bouquets",
            "HT",
        ),
        (  # one capitalised word between, which nothing claims, in a large town's name
            "A bomb went off at a market in Dera Ghazi Khan on Friday.",
            [("Dera", PlaceType.OTHER), ("Khan", PlaceType.OTHER)],
            "Dera Ghazi Khan",
            "PK",
        ),
    ],
)
def test_pieces_with_joining_words_between_are_one_town(
    gazetteer: Gazetteer, text: str, pieces: list[tuple[str, PlaceType]], name: str, country: str
) -> None:
    extraction = joined_names(one_event(text, pieces, text.split()[1]), gazetteer)
    (place,) = extraction.places
    start = text.index(name)
    assert (place.label, place.place_type) == (name, PlaceType.TOWN)
    assert place.mentions == (Span(start, start + len(name), name),)
    assert extraction.events[0].places == (place.key,)
    geocoded = Geocoder(gazetteer).geocode(one_event(text, pieces, text.split()[1]))
    (town,) = [p for p in geocoded.places if p.place_type is PlaceType.TOWN]
    assert town.geo is not None and town.geo.country_code == country


@pytest.mark.parametrize(
    ("text", "pieces"),
    [
        (  # no town is so called: a town and its country
            "Police fired on a crowd in Madrid of Spain on Friday.",
            [("Madrid", PlaceType.OTHER), ("Spain", PlaceType.COUNTRY)],
        ),
        (  # a country does not begin a town's name
            "Police fired on a crowd in Spain of Port on Friday.",
            [("Spain", PlaceType.COUNTRY), ("Port", PlaceType.OTHER)],
        ),
        (  # a longer word between: two places
            "Police fired on crowds in Kabul and Herat on Friday.",
            [("Kabul", PlaceType.OTHER), ("Herat", PlaceType.OTHER)],
        ),
        (  # the middle word is a place of its own
            "Police fired on a crowd in Dera Ghazi Khan on Friday.",
            [("Dera", PlaceType.OTHER), ("Khan", PlaceType.OTHER), ("Ghazi", PlaceType.PROVINCE)],
        ),
    ],
)
def test_other_words_between_places_keep_them_apart(
    gazetteer: Gazetteer, text: str, pieces: list[tuple[str, PlaceType]]
) -> None:
    extraction = one_event(text, pieces, "fired")
    assert joined_names(extraction, gazetteer) is extraction
