"""Places GeoNames lacks, placed through the province the text names for them."""

from __future__ import annotations

import dataclasses

import pytest

from kg.geo.gazetteer import Gazetteer, default_gazetteer
from kg.geo.geocode import Geocoder
from kg.geo.local import close, glued_division
from kg.geo.regions import seat
from kg.model import (
    Actor,
    ActorType,
    Extraction,
    GeoPrecision,
    Place,
    PlaceType,
    Span,
)
from tests.geo.fakes import one_event

TAIZZ = "Ta\u2018izz"  # GeoNames' name of the Yemeni governorate


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return default_gazetteer()


def _located(extraction: Extraction) -> tuple[Place | None, GeoPrecision | None]:
    event = extraction.events[0]
    place = next((p for p in extraction.places if p.key == event.location), None)
    return place, event.geo_precision


def test_a_village_gazetteers_lack_is_placed_at_the_province_in_its_bracket(
    gazetteer: Gazetteer,
) -> None:
    text = "Gunmen raided Qaryat Zzyzxq (Wadi Zzq, Taizz) at dawn."
    done = Geocoder(gazetteer).geocode(
        one_event(text, [("Qaryat Zzyzxq", PlaceType.TOWN)], "raided")
    )
    place, precision = _located(done)
    assert place is not None and place.place_type is PlaceType.PROVINCE
    assert place.geo is not None and place.geo.country_code == "YE"
    assert place.geo.admin1 == TAIZZ
    assert precision is GeoPrecision.REGION
    village = next(p for p in done.places if p.label == "Qaryat Zzyzxq")
    assert village.geo is None and village.within == place.key  # its own record, in it


def test_a_county_named_alone_is_the_province(gazetteer: Gazetteer) -> None:
    text = "Raiders from Somalia burned homes in Kitui county overnight."
    places = [("Kitui", PlaceType.DISTRICT), ("Somalia", PlaceType.COUNTRY)]
    done = Geocoder(gazetteer).geocode(one_event(text, places, "burned"))
    place, precision = _located(done)
    assert place is not None and place.geo is not None and place.geo.country_code == "KE"
    assert precision is GeoPrecision.REGION


def test_without_a_province_the_village_stays_off_the_map(gazetteer: Gazetteer) -> None:
    text = "Gunmen raided Qaryat Zzyzxq at dawn."
    done = Geocoder(gazetteer).geocode(
        one_event(text, [("Qaryat Zzyzxq", PlaceType.TOWN)], "raided")
    )
    assert _located(done) == (None, None)


def test_a_town_glued_to_its_province_is_the_town_there(gazetteer: Gazetteer) -> None:
    text = "Armed men shot a trader in Pachuca Hidalgo near the Secretary of Transport."
    places = [("Pachuca Hidalgo", PlaceType.OTHER), ("Secretary", PlaceType.OTHER)]
    done = Geocoder(gazetteer).geocode(one_event(text, places, "shot"))
    place, precision = _located(done)
    assert place is not None and place.geo is not None and place.geo.admin1 == "Hidalgo"
    assert precision is GeoPrecision.PLACE


@pytest.mark.parametrize(
    ("label", "division"),
    [
        ("Pachuca Hidalgo", ("MX", "Hidalgo")),
        ("Zzyzxq in Idleb", ("SY", "Idlib")),
        ("Zzyzxq Middle Shabelle", ("SO", "Middle Shabele")),
        ("Zzyzxq district Urozgan", ("AF", "Oruzgan")),  # a hand-kept alias
    ],
)
def test_the_last_words_of_a_name_may_name_its_province(
    label: str, division: tuple[str, str]
) -> None:
    assert division in glued_division(label)


def test_a_name_s_glued_division_is_read_once() -> None:
    glued_division.cache_clear()  # the geocoder's passes ask it of a name two or three times
    first = glued_division("Zzyzxq district Urozgan")
    assert glued_division("Zzyzxq district Urozgan") is first
    assert glued_division.cache_info().hits == 1


@pytest.mark.parametrize("label", ["Abwab Al-Hadid", "Hidalgo", "Zzyzxq in", "San Martin"])
def test_a_name_s_own_last_words_are_no_province(label: str) -> None:
    assert glued_division(label) == frozenset()


def test_spellings_of_one_name_are_close_and_namesakes_of_one_skeleton_not() -> None:
    assert close("nimruz", "nimroz") and close("idleb", "idlib")
    assert not close("tiruppur", "tripura") and not close("tubas", "tebessa")


def test_a_province_sits_at_its_namesake_town_else_its_largest(gazetteer: Gazetteer) -> None:
    taizz = seat(gazetteer, ("YE", TAIZZ))
    assert taizz is not None and taizz.admin1 == TAIZZ and taizz.population > 100_000
    assert seat(gazetteer, ("ZZ", "Nowhere")) is None


def test_a_name_the_text_calls_a_district_is_the_district(gazetteer: Gazetteer) -> None:
    text = "A sniper killed a guard in Khakrez district Kandahar."
    places = [("Khakrez", PlaceType.OTHER), ("Kandahar", PlaceType.PROVINCE)]
    place, precision = _located(Geocoder(gazetteer).geocode(one_event(text, places, "killed")))
    assert place is not None and place.key == "admin2-af-khakrez"
    assert precision is GeoPrecision.NEAR


def test_a_district_with_its_namesake_town_there_is_the_town(gazetteer: Gazetteer) -> None:
    text = "A sniper killed a guard in Shindand district, Herat."
    places = [("Shindand", PlaceType.OTHER), ("Herat", PlaceType.PROVINCE)]
    place, precision = _located(Geocoder(gazetteer).geocode(one_event(text, places, "killed")))
    assert place is not None and place.key.startswith("geonames-")
    assert precision is GeoPrecision.PLACE


def test_the_district_in_a_bracket_beats_the_model_s_actor(gazetteer: Gazetteer) -> None:
    text = "Men fired at a lawyer in Zzyzxq town (Kandhamal, Odisha) at night."
    extraction = one_event(text, [("Zzyzxq", PlaceType.TOWN)], "fired")
    start = text.index("Kandhamal")
    actor = Actor(
        "kandhamal", "Kandhamal", ActorType.PERSON, (Span(start, start + 9, "Kandhamal"),)
    )
    done = Geocoder(gazetteer).geocode(dataclasses.replace(extraction, actors=(actor,)))
    place, precision = _located(done)
    assert place is not None and place.key == "admin2-in-kandhamal"
    assert precision is GeoPrecision.NEAR


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Herders attacked farmers in Ushongo (Benue) on Monday.", "Ushongo"),
        ("Herders attacked farmers in Konshisha LGA (Benue) on Monday.", "Konshisha LGA"),
        ("Police attacked a march in Basiskele, Kocaeli on Monday.", "Basiskele"),
        ("Herders attacked farmers in Konshisha Benue on Monday.", "Konshisha Benue"),  # glued
    ],
)
def test_a_place_gazetteers_lack_as_a_town_is_the_district_of_its_province(
    gazetteer: Gazetteer, text: str, name: str
) -> None:
    province = "Benue" if "Benue" in text else "Kocaeli"
    places = [(name, PlaceType.OTHER)]
    if province not in name:
        places.append((province, PlaceType.PROVINCE))
    extraction = one_event(text, places, "attacked")
    out = Geocoder(gazetteer).geocode(extraction, {"NG" if province == "Benue" else "TR": 1.0})
    district = next(p for p in out.places if name in (p.label, *p.aliases))
    assert district.place_type is PlaceType.DISTRICT
    assert district.geo is not None and district.key.startswith("admin2-")
    (event,) = out.events
    assert event.location == district.key and event.geo_precision is GeoPrecision.NEAR


def test_a_town_is_not_taken_for_a_district_of_another_province(gazetteer: Gazetteer) -> None:
    text = "Herders attacked farmers in Ushongo (Kocaeli) on Monday."
    extraction = one_event(
        text, [("Ushongo", PlaceType.OTHER), ("Kocaeli", PlaceType.PROVINCE)], "attacked"
    )
    out = Geocoder(gazetteer).geocode(extraction, {"TR": 1.0})
    village = next(p for p in out.places if p.label == "Ushongo")
    assert village.place_type is PlaceType.OTHER and village.geo is None


def test_a_name_run_on_through_of_into_a_district_is_a_place_inside_it(
    gazetteer: Gazetteer,
) -> None:
    text = "Herders attacked Greenfield of Konshisha LGA (Benue) on Monday."
    extraction = one_event(text, [("Greenfield of Konshisha LGA", PlaceType.OTHER)], "attacked")
    out = Geocoder(gazetteer).geocode(extraction, {"NG": 1.0})
    by_label = {p.label: p for p in out.places}
    district = by_label["Konshisha"]
    assert district.place_type is PlaceType.DISTRICT and district.geo is not None
    assert text[district.mentions[0].start : district.mentions[0].end] == "Konshisha"
    assert by_label["Greenfield of Konshisha LGA"].within == district.key
    (event,) = out.events
    assert event.location == district.key and event.geo_precision is GeoPrecision.NEAR


def test_the_municipality_of_a_district_is_the_district(gazetteer: Gazetteer) -> None:
    text = "Herders attacked farmers in the Municipality of Konshisha (Benue) on Monday."
    extraction = one_event(text, [("Municipality of Konshisha", PlaceType.OTHER)], "attacked")
    out = Geocoder(gazetteer).geocode(extraction, {"NG": 1.0})
    (place, *_) = (p for p in out.places if "Municipality of Konshisha" in (p.label, *p.aliases))
    assert place.place_type is PlaceType.DISTRICT and place.key.startswith("admin2-")


def test_a_district_spelt_like_a_province_abroad_is_not_that_province(
    gazetteer: Gazetteer,
) -> None:
    # "Sololo" (Kenya) is spelt close to Solola (Guatemala): the article is on Kenya
    text = "In northern Kenya, rebels attacked a post between Sololo and Wajir North districts."
    places = [("Sololo", PlaceType.DISTRICT), ("Kenya", PlaceType.COUNTRY)]
    places += [("Wajir North", PlaceType.DISTRICT)]
    done = Geocoder(gazetteer).geocode(one_event(text, places, "attacked"))
    assert all(p.geo is None or p.geo.country_code != "GT" for p in done.places)
