"""Places GeoNames lacks, inside the place named right after them (``kg.geo.lesser``)."""

from __future__ import annotations

import pytest

from kg.geo.gazetteer import Gazetteer, default_gazetteer
from kg.geo.geocode import Geocoder
from kg.geo.lesser import inside_next
from kg.model import Extraction, Geocode, GeoPrecision, Place, PlaceType
from tests.geo.fakes import one_event


def _within(extraction: Extraction) -> dict[str, str | None]:
    return {p.key: p.within for p in extraction.places}


@pytest.mark.parametrize(
    "text",
    [
        "Gunmen attacked the Lowfield area of Midmarsh district on Monday.",
        "Gunmen attacked a post on Lowfield hill (local name) in Midmarsh region.",
        "Gunmen attacked a protest at Lowfield market in the Midmarsh district.",
    ],
)
def test_a_place_the_gazetteer_lacks_lies_in_the_place_after_it(text: str) -> None:
    extraction = one_event(
        text, [("Lowfield", PlaceType.TOWN), ("Midmarsh", PlaceType.DISTRICT)], "attacked"
    )
    assert _within(inside_next(extraction, {}))["lowfield"] == "midmarsh"


def test_only_a_place_the_gazetteer_lacks_is_put_inside_another() -> None:
    text = "Gunmen attacked the Lowfield area of Midmarsh district on Monday."
    extraction = one_event(
        text, [("Lowfield", PlaceType.TOWN), ("Midmarsh", PlaceType.DISTRICT)], "attacked"
    )
    resolved = {"lowfield": Geocode(1, "Lowfield", "XX", 1.0, 2.0)}
    assert _within(inside_next(extraction, resolved))["lowfield"] is None


@pytest.mark.parametrize(
    "text",
    [
        "Rebels captured Lowfield, Midmarsh and Hightown on Monday.",  # a list, not a container
        "Rebels captured Lowfield and later Midmarsh on Monday.",
        "Rebels captured Lowfield on Monday; in Midmarsh they met no one.",
        "Rebels captured the Lowfield checkpoint near Midmarsh.",  # near it, not in it
        "Rebels captured Lowfield village on the outskirts of Midmarsh.",
    ],
)
def test_other_words_between_two_places_put_neither_inside_the_other(text: str) -> None:
    extraction = one_event(
        text, [("Lowfield", PlaceType.TOWN), ("Midmarsh", PlaceType.TOWN)], "captured"
    )
    assert _within(inside_next(extraction, {})) == {"lowfield": None, "midmarsh": None}


def test_no_place_ends_up_inside_itself() -> None:
    text = "Gunmen attacked the Lowfield area of Midmarsh district."
    extraction = one_event(
        text, [("Lowfield", PlaceType.TOWN), ("Midmarsh", PlaceType.OTHER)], "attacked"
    )
    places = tuple(
        Place(p.key, p.label, p.place_type, p.mentions, within="lowfield")
        if p.key == "midmarsh"
        else p
        for p in extraction.places
    )
    extraction = Extraction(extraction.article, extraction.sentences, (), places, extraction.events)
    assert _within(inside_next(extraction, {}))["lowfield"] is None


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return default_gazetteer()


def test_the_event_is_located_at_the_town_its_village_lies_in(gazetteer: Gazetteer) -> None:
    text = "Gunmen attacked the Qorvanekh area of Jalalabad city in Nangarhar province."
    extraction = one_event(
        text,
        [
            ("Qorvanekh", PlaceType.TOWN),
            ("Jalalabad", PlaceType.TOWN),
            ("Nangarhar", PlaceType.PROVINCE),
        ],
        "attacked",
    )
    out = Geocoder(gazetteer).geocode(extraction, {"AF": 1.0})
    by_label = {p.label: p for p in out.places}
    jalalabad = by_label["Jalalabad"]
    assert jalalabad.key.startswith("geonames-")
    assert by_label["Qorvanekh"].within == jalalabad.key
    (event,) = out.events
    assert event.location == jalalabad.key
    assert event.geo_precision is GeoPrecision.NEAR
    assert jalalabad.key in event.places
