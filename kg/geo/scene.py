"""Where the text sets an event that is at no town GeoNames has: the scene its sentence opens
with ("On 2 May 2020, in Simojovel, Chiapas, armed men held up a truck", "In Monterrey Nuevo
Leon a group of women demonstrated at the metro station"), else the place one of its villages
is told near ("attacked Korogo, near Berunda", "shelled Al Mantha Camp west of Tal
Elkaramej", "Rio Atari, 10 Kms from Arimba").

A place in a locative phrase put before the clause (after at most a date and a label such as
"Security measures:") sets the scene of the whole sentence: what the clause tells happened
there. A place GeoNames lacks is found on a map by the place it is told near, and a coder
records the event there (ACLED's precision 2, "near"). The events whose own places put them at
no town GeoNames has (a street, a square, a village it lacks, a province, a country they act
for) take that place as one of theirs, after their own, so they are located at it
(``kg.geo.places``): at the town itself when they had no place of their own but countries,
near it otherwise. An event placed at a town of its own keeps it: the town is the more
specific place.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping

from kg.model import Event, GeoPrecision, Place, PlaceType, Span

__all__ = ["scene_of", "scene_precision", "with_scene"]

# from the sentence's start to the scene's name: a label, a date, then "in" ("On 2 May 2020,
# in", "Security measures: On 1 December 2023, in", "Around 6 May 2020 (as reported), in")
_OPENING = re.compile(
    r"(?:[A-Z][\w ]{0,30}:\s+)?"
    r"(?:(?:On|Around|As reported on|Reported on|Between|Overnight on)\b[^,;:]{0,60}?,?\s+)?"
    r"[Ii]n\s+(?:the\s+)?(?:(?:city|town|village|municipality)\s+of\s+)?",
)
# between a place and the place it is told near: "Korogo, near", "al Sheikhi area on the
# outskirts of", "Rio Atari, 10 Kms from", "Al Mantha Camp west of"
_NEAR = re.compile(
    r"\s*(?:(?:area|village|camp|locality|valley|hill|town)\s*)?,?\s*"
    r"(?:(?:which|that)\s+lies\s+)?"
    r"(?:near|outside|close\s+to|on\s+the\s+outskirts\s+of|in\s+the\s+vicinity\s+of"
    r"|(?:about\s+|some\s+)?\d+\s*(?:km|kms|kilometers|kilometres)\s+(?:from|of|away\s+from)"
    r"|(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)\s+of)"
    r"\s+(?:the\s+)?(?:(?:village|town|city)\s+of\s+)?",
    re.IGNORECASE,
)
_WINDOW = 60  # characters between the two names, at most
_SCENE_TYPES = frozenset({PlaceType.TOWN, PlaceType.OTHER, PlaceType.DISTRICT})
_TOWN_TYPES = frozenset({PlaceType.TOWN, PlaceType.OTHER})


def scene_of(
    event: Event, places: Mapping[str, Place], mapped: frozenset[str], text: str
) -> str | None:
    """The key of the place ``event``'s sentence opens with, else of the place one of its own
    places GeoNames lacks is told near, when none of the event's own places is a town on the
    map (``mapped``: the keys of the places with a point) and that place is not one of them
    already."""
    if any(k in mapped and places[k].place_type in _TOWN_TYPES for k in event.places):
        return None
    opening = [
        p.key
        for p in places.values()
        if p.place_type in _SCENE_TYPES
        and p.key not in event.places
        and any(_opens(event.sentence, m, text) for m in p.mentions)
    ]
    return opening[0] if opening else _near(event, places, mapped, text)


def _near(
    event: Event, places: Mapping[str, Place], mapped: frozenset[str], text: str
) -> str | None:
    """The key of the place an unmapped place of the event is told near (``_NEAR``)."""
    starts = {
        m.start: p.key for p in places.values() if p.place_type in _SCENE_TYPES for m in p.mentions
    }
    for key in event.places:
        if key in places and key not in mapped and places[key].place_type in _TOWN_TYPES:
            for m in places[key].mentions:
                gap = _NEAR.match(text, m.end, min(len(text), m.end + _WINDOW))
                found = starts.get(gap.end()) if gap is not None else None
                if found is not None and found not in event.places:
                    return found
    return None


def with_scene(event: Event, scene: str) -> Event:
    """``event`` given its sentence's scene (``scene_of``) as its last place."""
    return dataclasses.replace(event, places=(*event.places, scene))


def scene_precision(event: Event, places: Mapping[str, Place]) -> GeoPrecision:
    """The precision of a location at the scene (``scene_of``): the town itself for an event
    with no place of its own but countries, near it otherwise."""
    own = [places[k] for k in event.places if k in places]
    if any(p.place_type is not PlaceType.COUNTRY for p in own):
        return GeoPrecision.NEAR
    return GeoPrecision.PLACE


def _opens(sentence: Span, mention: Span, text: str) -> bool:
    return sentence.start < mention.start < sentence.end and bool(
        _OPENING.fullmatch(text, sentence.start, mention.start)
    )
