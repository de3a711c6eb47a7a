"""A capital named after its country: "Ciudad de Mexico", "Kuwait City", "Guatemala City".

The entity model often takes only the country's name in such a phrase ("in Cuauhtemoc Ciudad
de Mexico": "Mexico"), so the place would be the country, with no point on the map, instead of
its capital. A country's mention written right after "Ciudad de" (Spanish: "city of") or right
before "City" is read here as the whole phrase, a town the gazetteer knows under that name
(GeoNames lists "Ciudad de México" and "Mexico City" among Mexico City's names). The country
keeps its other mentions, if it has any; the events told in the sentences of the phrase (every
event, when the country has no other mention) have the town instead of the country among their
places.
"""

from __future__ import annotations

import dataclasses
import re

from kg.keys import name_key
from kg.model import Event, Extraction, Place, PlaceType, Span

__all__ = ["capital_cities"]

_BEFORE = re.compile(r"\bciudad\s+de\s+(?:la\s+)?$", re.IGNORECASE)  # "Ciudad de Mexico"
_AFTER = re.compile(r"^\s+city\b", re.IGNORECASE)  # "Kuwait City"


def capital_cities(extraction: Extraction) -> Extraction:
    """The extraction with each country mention inside a city's name made that city (see the
    module docstring); unchanged when no country is named so."""
    text = extraction.article.text
    known = {p.key for p in extraction.places}
    places: list[Place] = []
    moved: dict[str, tuple[str, list[Span]]] = {}  # country key -> (town key, its mentions)
    for place in extraction.places:
        if place.place_type is not PlaceType.COUNTRY:
            places.append(place)
            continue
        cities = [c for m in place.mentions if (c := _city(m, text)) is not None]
        if not cities or name_key(cities[0].text) in known:  # the city is a place already
            places.append(place)
            continue
        town = Place(name_key(cities[0].text), cities[0].text, PlaceType.TOWN, tuple(cities))
        kept = tuple(m for m in place.mentions if _city(m, text) is None)
        if kept:
            places.append(dataclasses.replace(place, mentions=kept))
        places.append(town)
        moved[place.key] = (town.key, cities)
    if not moved:
        return extraction
    left = {p.key for p in places}
    places = [  # nothing lies in a country no longer named
        p if p.within is None or p.within in left else dataclasses.replace(p, within=None)
        for p in places
    ]
    events = tuple(_moved(e, moved, left) for e in extraction.events)
    return dataclasses.replace(extraction, places=tuple(places), events=events)


def _city(mention: Span, text: str) -> Span | None:
    """The city's whole name around a country's mention, or None."""
    before = _BEFORE.search(text, max(0, mention.start - 20), mention.start)
    if before is not None and before.end() == mention.start:
        return Span(before.start(), mention.end, text[before.start() : mention.end])
    after = _AFTER.match(text[mention.end : mention.end + 10])
    if after is not None:
        end = mention.end + after.end()
        return Span(mention.start, end, text[mention.start : end])
    return None


def _moved(event: Event, moved: dict[str, tuple[str, list[Span]]], left: set[str]) -> Event:
    """The event with the town for the country, when the town is named in its sentence or the
    country is named nowhere else (``left``: the keys of the places still there)."""
    places = list(event.places)
    for country, (town, spans) in moved.items():
        if country not in places:
            continue
        inside = any(event.sentence.start <= s.start and s.end <= event.sentence.end for s in spans)
        if inside or country not in left:
            places[places.index(country)] = town
    if places == list(event.places):
        return event
    return dataclasses.replace(event, places=tuple(dict.fromkeys(places)))
