"""Second-level divisions (districts): the data file, the index and the geocoder using them."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from kg.geo.admin2 import derive, districts
from kg.geo.gazetteer import Gazetteer, default_gazetteer
from kg.geo.geocode import Geocoder
from kg.model import Article, Event, Extraction, GeoPrecision, Place, PlaceType, Span


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return default_gazetteer()


def test_derive_takes_the_mean_point_and_the_largest_town(tmp_path: Path) -> None:
    towns = [
        {"country_code": "XX", "city": "Alpha", "latitude": 10.0, "longitude": 20.0,
         "state": "North", "county": "Beta"},
        {"country_code": "XX", "city": "Gamma", "latitude": 12.0, "longitude": 22.0,
         "state": "North", "county": "Beta"},
        {"country_code": "XX", "city": "Delta", "latitude": 5.0, "longitude": 5.0,
         "state": "North"},
    ]  # fmt: skip
    path = tmp_path / "geocode.gz"
    with gzip.open(path, "wt", encoding="utf-8") as f:
        json.dump(towns, f)
    cities = {
        "1": {"geonameid": 1, "countrycode": "XX", "latitude": "10.0", "longitude": "20.0",
              "population": 500, "admin1code": "07"},
        "2": {"geonameid": 2, "countrycode": "XX", "latitude": "12.0", "longitude": "22.0",
              "population": 9000, "admin1code": "07"},
    }  # fmt: skip
    assert derive(path, cities) == [("XX", "07", "Beta", "11.0000", "21.0000", "2", "2")]


def test_the_data_file_covers_the_countries_acled_codes_by_district() -> None:
    per_country: dict[str, int] = {}
    for d in districts():
        per_country[d.country_code] = per_country.get(d.country_code, 0) + 1
    assert per_country["AF"] >= 150 and per_country["YE"] >= 200 and per_country["NG"] >= 400


def test_a_district_is_found_by_its_name_without_its_kind_word(gazetteer: Gazetteer) -> None:
    found = gazetteer.districts("Zurmi district")
    assert [(c.kind, c.country_code) for c in found] == [("district", "NG")]
    assert found[0].admin1 == gazetteer.districts("Zurmi")[0].admin1
    assert all(c.kind != "district" for c in gazetteer.lookup("Zurmi"))  # towns stay towns


def _extraction(text: str, places: list[tuple[str, str, PlaceType, str | None]]) -> Extraction:
    records = []
    for key, label, place_type, within in places:
        start = text.index(label)
        span = Span(start, start + len(label), label)
        records.append(Place(key, label, place_type, (span,), within=within))
    sentence = Span(0, len(text), text)
    trigger = text.index("attacked")
    event = Event(
        "attack",
        Span(trigger, trigger + 8, "attacked"),
        sentence,
        places=tuple(p[0] for p in places if p[2] is not PlaceType.PROVINCE),
    )
    return Extraction(Article("t", text), (sentence,), (), tuple(records), (event,))


def test_a_district_in_its_province_is_placed_at_the_district(gazetteer: Gazetteer) -> None:
    text = "Gunmen attacked a village in Zurmi district, Zamfara state, on Monday."
    extraction = _extraction(
        text,
        [
            ("zurmi", "Zurmi", PlaceType.DISTRICT, "zamfara"),
            ("zamfara", "Zamfara", PlaceType.PROVINCE, None),
        ],
    )
    out = Geocoder(gazetteer).geocode(extraction)
    district = next(p for p in out.places if p.place_type is PlaceType.DISTRICT)
    assert district.key == "admin2-ng-zurmi"
    assert district.within is not None and district.within.startswith("admin1-ng-zamfara")
    assert district.geo is not None and district.geo.latitude is not None
    town = gazetteer.lookup("Zurmi")[0]  # its point is the district's, not its seat town's
    assert (district.geo.latitude, district.geo.longitude) != (town.latitude, town.longitude)
    event = out.events[0]
    assert (event.location, event.geo_precision) == ("admin2-ng-zurmi", GeoPrecision.NEAR)


def test_the_namesake_town_wins_unless_the_text_says_district(gazetteer: Gazetteer) -> None:
    text = "Gunmen attacked a market in Zurmi, Zamfara state, on Monday."
    extraction = _extraction(
        text,
        [
            ("zurmi", "Zurmi", PlaceType.TOWN, "zamfara"),
            ("zamfara", "Zamfara", PlaceType.PROVINCE, None),
        ],
    )
    out = Geocoder(gazetteer).geocode(extraction)
    event = out.events[0]
    assert event.location is not None and event.location.startswith("geonames-")
    assert event.geo_precision is GeoPrecision.PLACE


def test_a_district_glued_to_its_province_is_the_district(gazetteer: Gazetteer) -> None:
    text = "Gunmen attacked a checkpoint in Zurmi district Zamfara on Monday."
    extraction = _extraction(
        text, [("zurmi-zamfara", "Zurmi district Zamfara", PlaceType.OTHER, None)]
    )
    out = Geocoder(gazetteer).geocode(extraction)
    district = next(p for p in out.places if p.key == "admin2-ng-zurmi")
    assert district.place_type is PlaceType.DISTRICT and district.label == "Zurmi"
    assert district.within is not None and district.within.startswith("admin1-ng-zamfara")


def test_an_unclaimed_name_the_text_calls_a_district_is_spotted(gazetteer: Gazetteer) -> None:
    text = "Gunmen attacked a village in Kaldar district of Afghanistan on Monday."
    extraction = _extraction(text, [("afghanistan", "Afghanistan", PlaceType.COUNTRY, None)])
    start = text.index("Kaldar")
    span = Span(start, start + 6, "Kaldar")
    out = Geocoder(gazetteer).geocode(extraction, unclaimed=[span])
    district = next(p for p in out.places if p.key == "admin2-af-kaldar")
    assert district.place_type is PlaceType.DISTRICT and district.within == "admin1-af-balkh"
