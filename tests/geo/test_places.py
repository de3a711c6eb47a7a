"""Each event's location on the map (kg/geo/places.py)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import random

from kg.geo.locate import Placed
from kg.geo.mentioned import Sentences, Told
from kg.geo.places import assemble
from kg.model import (
    Article,
    Event,
    Extraction,
    Geocode,
    GeoPrecision,
    Place,
    PlaceType,
    Span,
    TimeExpr,
)


def _span(text: str, word: str) -> Span:
    start = text.index(word)
    return Span(start, start + len(word), word)


def test_the_place_told_right_after_the_events_own_comes_first() -> None:
    text = "On Monday, artillery shelled Zzyxq in the countryside of Ein Issa in Raqqa."
    village = Place("zzyxq", "Zzyxq", PlaceType.OTHER, (_span(text, "Zzyxq"),))
    district = Place("ein-issa", "Ein Issa", PlaceType.DISTRICT, (_span(text, "Ein Issa"),))
    town = Place("raqqa", "Raqqa", PlaceType.TOWN, (_span(text, "Raqqa"),))
    resolved = {
        "ein-issa": Geocode(1, "Ein Issa", "SY", 36.38, 38.86, "Ar-Raqqah"),
        "raqqa": Geocode(2, "Ar Raqqah", "SY", 35.95, 39.01, "Ar-Raqqah"),
    }
    sentence = Span(0, len(text), text)
    event = Event("shelling-artillery-missile-attack", _span(text, "shelled"), sentence)
    event = Event(event.event_type, event.trigger, sentence, places=("zzyxq",))
    extraction = Extraction(
        Article("t", text), (sentence,), (), (village, district, town), (event,)
    )
    done = assemble(extraction, resolved, "SY")
    (located,) = done.events
    by_key = {p.key: p for p in done.places}
    assert located.location is not None and by_key[located.location].geo == resolved["ein-issa"]
    assert located.geo_precision is GeoPrecision.NEAR


def test_an_event_with_no_place_takes_the_town_of_its_sentence() -> None:
    text = "On Monday, artillery shelled positions near Raqqa."
    town = Place("raqqa", "Raqqa", PlaceType.TOWN, (_span(text, "Raqqa"),))
    resolved = {"raqqa": Geocode(2, "Ar Raqqah", "SY", 35.95, 39.01, "Ar-Raqqah")}
    sentence = Span(0, len(text), text)
    event = Event("shelling-artillery-missile-attack", _span(text, "shelled"), sentence)
    extraction = Extraction(Article("t", text), (sentence,), (), (town,), (event,))
    (located,) = assemble(extraction, resolved, "SY").events
    assert located.location == "geonames-2"


def test_a_province_of_another_country_than_the_sentence_names_is_not_the_location() -> None:
    text = "In northern Iraq, troops clashed with militants near Zzyxq, the Lowland Region said."
    country = Place("iraq", "Iraq", PlaceType.COUNTRY, (_span(text, "Iraq"),))
    village = Place("zzyxq", "Zzyxq", PlaceType.OTHER, (_span(text, "Zzyxq"),))
    region = Place("lowland", "Lowland", PlaceType.PROVINCE, (_span(text, "Lowland Region"),))
    sentence = Span(0, len(text), text)
    event = Event("armed-clash", _span(text, "clashed"), sentence, places=("zzyxq",))
    extraction = Extraction(
        Article("t", text), (sentence,), (), (country, village, region), (event,)
    )
    elsewhere = {
        "iraq": Geocode(99237, "Iraq", "IQ", None, None, ""),
        "lowland": Geocode(3, "Lowtown", "IR", 35.3, 47.0, "Lowland"),
    }
    (located,) = assemble(extraction, elsewhere, "IQ").events
    assert located.location is None  # not Iran's province: the sentence is in Iraq
    there = {**elsewhere, "lowland": Geocode(3, "Lowtown", "IQ", 35.3, 44.0, "Lowland")}
    (located,) = assemble(extraction, there, "IQ").events
    assert located.location is not None and located.geo_precision is GeoPrecision.REGION


def test_a_district_is_known_within_its_own_province_only() -> None:
    """``_district_names`` folds the district names of the province asked about: each
    district's name is one in its own province (by the province's GeoNames name), not in
    another."""
    from kg.geo.admin1 import admin1_names
    from kg.geo.admin2 import districts
    from kg.geo.names import fold_name
    from kg.geo.places import _district_names

    def is_district(name: str, province: str) -> bool:
        return fold_name(name) in _district_names("AF", province)

    names = admin1_names()
    af = [d for d in districts() if d.country_code == "AF"]
    assert len(af) > 100
    provinces = {names.get(("AF", d.admin1), "") for d in af}
    for d in af:
        province = names.get(("AF", d.admin1), "")
        assert is_district(d.name, province)
        other = next(p for p in sorted(provinces) if p != province)
        folded = {fold_name(x.name) for x in af if names.get(("AF", x.admin1), "") == other}
        assert is_district(d.name, other) == (fold_name(d.name) in folded)
    assert not is_district("Lowtown", province)


def test_the_places_of_some_keys_come_in_the_articles_order_as_a_scan_gives_them() -> None:
    rng = random.Random(19)
    for _ in range(300):
        places = tuple(
            Place(f"k{rng.randrange(6)}", "P", rng.choice(list(PlaceType)), ())
            for _ in range(rng.randint(0, 10))
        )
        placed = Placed(places, {}, frozenset(), Sentences(()), Told(places))
        keys = {f"k{rng.randrange(8)}" for _ in range(rng.randint(0, 4))}
        assert placed.among(keys) == [p for p in places if p.key in keys]


def test_an_event_with_no_town_takes_the_datelines_province_before_a_later_town() -> None:
    """A dateline's town the gazetteer reads as its province (a city-county) is still where
    the story was filed: an event told of no place but the country is put there, not at the
    first town the body names later."""
    text = (
        "LOWTOWN, June 3 (AP) - Police fired at crowds in Hightown. Rights groups said 50 were"
        " taken."
    )
    filed = Place("lowtown", "Lowtown", PlaceType.PROVINCE, (_span(text, "LOWTOWN"),))
    later = Place("hightown", "Hightown", PlaceType.TOWN, (_span(text, "Hightown"),))
    resolved = {
        "lowtown": Geocode(1, "Lowtown County", "KE", -1.28, 36.82, "Lowtown"),
        "hightown": Geocode(2, "Hightown", "KE", 0.51, 35.27, "Rift"),
    }
    first = Span(0, text.index("Rights") - 1, text[: text.index("Rights") - 1])
    second = Span(text.index("Rights"), len(text), text[text.index("Rights") :])
    event = Event("abduction-forced-disappearance", _span(text, "taken"), second)
    extraction = Extraction(Article("t", text), (first, second), (), (filed, later), (event,))
    done = assemble(extraction, resolved, "KE")
    (located,) = done.events
    by_key = {p.key: p for p in done.places}
    assert located.location is not None and by_key[located.location].geo == resolved["lowtown"]
    # written as running text, the first place is no dateline: the first town, as before
    plain = text.replace("LOWTOWN", "Lowtown")
    filed = Place("lowtown", "Lowtown", PlaceType.PROVINCE, (_span(plain, "Lowtown"),))
    extraction = Extraction(Article("t", plain), (first, second), (), (filed, later), (event,))
    (located,) = assemble(extraction, resolved, "KE").events
    assert located.location == "geonames-2"


def test_a_town_another_event_of_the_sentence_took_is_not_this_events_place() -> None:
    text = "Troops took three towns in Hama province a day after the army recaptured Halfaya."
    province = Place("hama", "Hama", PlaceType.PROVINCE, (_span(text, "Hama"),))
    town = Place("halfaya", "Halfaya", PlaceType.TOWN, (_span(text, "Halfaya"),))
    resolved = {
        "hama": Geocode(170017, "Hamah", "SY", 35.13, 36.76, "Hama"),
        "halfaya": Geocode(170044, "Halfaya", "SY", 35.26, 36.61, "Hama"),
    }
    sentence = Span(0, len(text), text)
    saturday = TimeExpr(_span(text, "Troops"), dt.date(2014, 9, 13))  # the words matter not
    friday = TimeExpr(_span(text, "a day after"), dt.date(2014, 9, 12))
    took = Event(
        "government-regains-territory",
        _span(text, "took"),
        sentence,
        places=("hama",),
        time=saturday,
    )
    recaptured = Event(
        "government-regains-territory",
        _span(text, "recaptured"),
        sentence,
        places=("halfaya",),
        time=friday,
    )
    extraction = Extraction(
        Article("t", text), (sentence,), (), (province, town), (took, recaptured)
    )
    first, second = assemble(extraction, resolved, "SY").events
    assert "geonames-170044" not in first.places  # Halfaya is the recapture's, not inside
    assert first.location != "geonames-170044"
    assert second.location == "geonames-170044"
    # alone in its sentence, or with an act of its own day, the province's event is at the
    # town told inside it ("killed and arrested in attacks in Zurmat district, Paktia")
    (alone,) = assemble(dataclasses.replace(extraction, events=(took,)), resolved, "SY").events
    assert alone.places[0] == "geonames-170044" and alone.location == "geonames-170044"
    same_day = dataclasses.replace(recaptured, time=saturday)
    first, _ = assemble(
        dataclasses.replace(extraction, events=(took, same_day)), resolved, "SY"
    ).events
    assert first.places[0] == "geonames-170044" and first.location == "geonames-170044"
