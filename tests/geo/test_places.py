"""Each event's location on the map (kg/geo/places.py)."""

from __future__ import annotations

from kg.geo.places import assemble
from kg.model import Article, Event, Extraction, Geocode, GeoPrecision, Place, PlaceType, Span


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
