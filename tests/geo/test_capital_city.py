"""A capital named after its country is the city, not the country."""

from __future__ import annotations

import dataclasses

from kg.geo.capital_city import capital_cities
from kg.geo.gazetteer import default_gazetteer
from kg.geo.geocode import Geocoder
from kg.model import Article, Event, Extraction, Place, PlaceType, Span


def _extraction(text: str, country: str) -> Extraction:
    mentions = []
    start = text.find(country)
    while start != -1:
        mentions.append(Span(start, start + len(country), country))
        start = text.find(country, start + 1)
    place = Place(country.lower(), country, PlaceType.COUNTRY, tuple(mentions))
    first = text.index(".") + 1
    sentences = (Span(0, first, text[:first]), Span(first + 1, len(text), text[first + 1 :]))
    trigger = text.index("marched")
    event = Event(
        "peaceful-protest",
        Span(trigger, trigger + 7, "marched"),
        sentences[0],
        places=(place.key,),
    )
    return Extraction(Article("t", text), sentences, (), (place,), (event,))


def test_a_country_inside_a_city_name_is_the_city() -> None:
    text = "Nurses marched in Coyoacan, Ciudad de Mexico. Mexico has many nurses."
    done = capital_cities(_extraction(text, "Mexico"))
    by_type = {p.place_type: p for p in done.places}
    town, country = by_type[PlaceType.TOWN], by_type[PlaceType.COUNTRY]
    assert town.label == "Ciudad de Mexico" and [m.text for m in town.mentions] == [town.label]
    assert [m.start for m in country.mentions] == [text.rindex("Mexico")]  # its own mention
    assert done.events[0].places == (town.key,)


def test_a_country_named_alone_stays_the_country() -> None:
    text = "Nurses marched in Mexico. Mexico City was calm."  # "Mexico City": another phrase
    extraction = _extraction(text, "Mexico")
    done = capital_cities(extraction)
    assert [p.place_type for p in done.places] == [PlaceType.COUNTRY, PlaceType.TOWN]
    assert done.events[0].places == ("mexico",)  # its sentence names the country only


def test_the_city_is_geocoded_at_the_capital() -> None:
    text = "Teachers marched in Guatemala City. Police watched."
    done = Geocoder(default_gazetteer()).geocode(_extraction(text, "Guatemala"))
    town = next(p for p in done.places if p.place_type is not PlaceType.PROVINCE)
    assert town.geo is not None and town.geo.country_code == "GT"
    assert town.geo.latitude is not None and done.events[0].location == town.key


def test_an_event_of_a_country_named_only_in_the_city_gets_the_city() -> None:
    text = "Nurses marched in Coyoacan, Ciudad de Mexico. Police came."
    extraction = _extraction(text, "Mexico")
    later = Span(text.index("Police"), len(text), text[text.index("Police") :])
    police = Span(later.start, later.start + 6, "Police")
    told_later = Event("arrests", police, later, places=("mexico",))
    extraction = dataclasses.replace(extraction, events=(*extraction.events, told_later))
    done = capital_cities(extraction)
    assert [p.place_type for p in done.places] == [PlaceType.TOWN]  # the country is gone
    assert done.events[1].places == (done.places[0].key,)  # no event keeps its key
