"""The scene a sentence opens with: "On 2 May 2020, in Simojovel, Chiapas, armed men held up
a truck", "In Monterrey Nuevo Leon a group of women demonstrated at the metro station".

A place in a locative phrase put before the clause (after at most a date and a label such as
"Security measures:") sets the scene of the whole sentence: what the clause tells happened
there. The events of that sentence whose own places put them at no town GeoNames has (a
street, a square, a village it lacks, a province, a country they act for) take the scene's
place as one of theirs, after their own, so they are located at it (``kg.geo.places``): at
the town itself when they had no place of their own but countries, near it otherwise (a
square or a village of it: ACLED's precision 2). An event placed at a town of its own keeps
it: the town is the more specific place.
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
_SCENE_TYPES = frozenset({PlaceType.TOWN, PlaceType.OTHER, PlaceType.DISTRICT})
_TOWN_TYPES = frozenset({PlaceType.TOWN, PlaceType.OTHER})


def scene_of(
    event: Event, places: Mapping[str, Place], mapped: frozenset[str], text: str
) -> str | None:
    """The key of the place ``event``'s sentence opens with, when none of the event's own
    places is a town on the map (``mapped``: the keys of the places with a point) and the
    scene is not one of them already."""
    if any(k in mapped and places[k].place_type in _TOWN_TYPES for k in event.places):
        return None
    opening = [
        p.key
        for p in places.values()
        if p.place_type in _SCENE_TYPES
        and p.key not in event.places
        and any(_opens(event.sentence, m, text) for m in p.mentions)
    ]
    return opening[0] if opening else None


def with_scene(event: Event, scene: str) -> Event:
    """``event`` given its sentence's scene (``scene_of``) as its last place."""
    return dataclasses.replace(event, places=(*event.places, scene))


def scene_precision(event: Event, places: Mapping[str, Place]) -> GeoPrecision:
    """The precision of a location at the scene: the town itself for an event with no place
    of its own but countries, near it otherwise."""
    own = [places[k] for k in event.places if k in places]
    if any(p.place_type is not PlaceType.COUNTRY for p in own):
        return GeoPrecision.NEAR
    return GeoPrecision.PLACE


def _opens(sentence: Span, mention: Span, text: str) -> bool:
    return sentence.start < mention.start < sentence.end and bool(
        _OPENING.fullmatch(text, sentence.start, mention.start)
    )
