"""Which of "the X suburb of Y" contains the other (``kg.geo.suburb_of``), and what the
geocoder makes of both."""

from __future__ import annotations

import pytest

from kg.geo.gazetteer import Gazetteer, default_gazetteer
from kg.geo.geocode import Geocoder
from kg.geo.quarters import is_neighbourhood
from kg.geo.suburb_of import container_first, inside_first
from kg.model import Geocode, PlaceType
from tests.geo.fakes import one_event, place_records


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return default_gazetteer()


def _first(text: str, gazetteer: Gazetteer) -> bool:
    name = text.split(" the ", 1)[1].split(" ")[0]
    end = text.index(name) + len(name)
    return container_first(text, end, name, gazetteer)


@pytest.mark.parametrize(
    ("text", "first_contains"),
    [
        ("Gunmen struck in the Nairobi suburb of Lowfield on Monday.", True),
        ("Gunmen struck in the Port-au-Prince suburb of Carrefour on Monday.", True),
        ("Gunmen struck in the Nairobi neighbourhood of Lowfield on Monday.", True),
        ("Gunmen struck in the Lowfield suburb of Nairobi on Monday.", False),
        # the second is the larger city: the first is its suburb
        ("Gunmen struck in the Carrefour suburb of Port-au-Prince on Monday.", False),
        ("Gunmen struck in the Nairobi area on Monday.", False),  # no second name
    ],
)
def test_the_larger_city_of_the_two_is_the_container(
    gazetteer: Gazetteer, text: str, first_contains: bool
) -> None:
    assert _first(text, gazetteer) is first_contains


def test_a_large_city_before_suburb_of_is_no_neighbourhood(gazetteer: Gazetteer) -> None:
    text = "Gunmen struck in the Nairobi suburb of Lowfield on Monday."
    nairobi, _ = place_records(text, [("Nairobi", PlaceType.TOWN), ("Lowfield", PlaceType.TOWN)])
    assert is_neighbourhood(nairobi, text)  # without the gazetteer, as before
    assert not is_neighbourhood(nairobi, text, gazetteer)
    text = "Gunmen struck in the Lowfield suburb of Nairobi on Monday."
    lowfield, _ = place_records(text, [("Lowfield", PlaceType.TOWN), ("Nairobi", PlaceType.TOWN)])
    assert is_neighbourhood(lowfield, text, gazetteer)


def test_the_place_after_suburb_of_lies_in_the_city_before(gazetteer: Gazetteer) -> None:
    text = "Gunmen struck in the Nairobi suburb of Lowfield on Monday."
    extraction = one_event(
        text, [("Nairobi", PlaceType.TOWN), ("Lowfield", PlaceType.TOWN)], "struck"
    )
    resolved = {"nairobi": Geocode(1, "Nairobi", "KE", -1.28, 36.82)}
    within = {p.key: p.within for p in inside_first(extraction, resolved, gazetteer).places}
    assert within == {"nairobi": None, "lowfield": "nairobi"}
    assert inside_first(extraction, {}, gazetteer) is extraction  # the city unresolved


def test_the_event_in_a_suburb_the_gazetteer_lacks_is_located_at_the_city(
    gazetteer: Gazetteer,
) -> None:
    text = "Gunmen struck in the Nairobi suburb of Lowfield on Monday."
    extraction = one_event(
        text, [("Lowfield", PlaceType.TOWN), ("Nairobi", PlaceType.TOWN)], "struck"
    )
    out = Geocoder(gazetteer).geocode(extraction, {"KE": 1.0})
    by_label = {p.label: p for p in out.places}
    nairobi = by_label["Nairobi"]
    assert nairobi.key.startswith("geonames-")
    assert by_label["Lowfield"].within == nairobi.key
    (event,) = out.events
    assert event.location == nairobi.key


def test_the_event_in_a_suburb_the_gazetteer_has_is_located_at_the_suburb(
    gazetteer: Gazetteer,
) -> None:
    text = "Gunmen struck in the Port-au-Prince suburb of Carrefour on Monday."
    extraction = one_event(
        text, [("Port-au-Prince", PlaceType.TOWN), ("Carrefour", PlaceType.TOWN)], "struck"
    )
    out = Geocoder(gazetteer).geocode(extraction, {"HT": 1.0})
    by_label = {p.label: p for p in out.places}
    city, suburb = by_label["Port-au-Prince"], by_label["Carrefour"]
    assert city.key.startswith("geonames-") and suburb.key.startswith("geonames-")
    assert suburb.within == city.key
    (event,) = out.events
    assert event.location == suburb.key
