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
from bisect import bisect_right
from collections.abc import Mapping

from kg.model import Event, GeoPrecision, Place, PlaceType, Span

__all__ = ["Scenes", "scene_of", "scene_precision", "with_scene"]

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
    already. For the events of one article, :class:`Scenes` answers the same, faster."""
    return Scenes(places, mapped, text).of(event)


class Scenes:
    """The scenes of one article's events (:func:`scene_of`), read from indexes of its places'
    mentions built once an article: a scan of every place's every mention, twice for each
    event, was ~7 % of the geocoder's time over the bench articles (~16 events each)."""

    def __init__(self, places: Mapping[str, Place], mapped: frozenset[str], text: str) -> None:
        self.places, self.mapped, self.text = places, mapped, text
        scene_places = [p for p in places.values() if p.place_type in _SCENE_TYPES]
        self._keys = [p.key for p in scene_places]
        # the mentions' starts, sorted, with the place's position among the scene places
        self._rows = sorted((m.start, i) for i, p in enumerate(scene_places) for m in p.mentions)
        self._row_starts = [start for start, _ in self._rows]
        # the place a mention starting there names (the last place's, as a scan would keep)
        self._starts = {m.start: p.key for p in scene_places for m in p.mentions}

    def of(self, event: Event) -> str | None:
        """:func:`scene_of` for an event of the article."""
        if any(k in self.mapped and self.places[k].place_type in _TOWN_TYPES for k in event.places):
            return None
        opening = [k for k in self._opening(event.sentence) if k not in event.places]
        return opening[0] if opening else self._near(event)

    def _opening(self, sentence: Span) -> list[str]:
        """The keys of the places a mention of which the sentence opens with, in their order
        among the places."""
        found = set()
        i = bisect_right(self._row_starts, sentence.start)
        while i < len(self._rows) and self._rows[i][0] < sentence.end:
            start, position = self._rows[i]
            if _OPENING.fullmatch(self.text, sentence.start, start):
                found.add(position)
            i += 1
        return [self._keys[position] for position in sorted(found)]

    def _near(self, event: Event) -> str | None:
        """The key of the place an unmapped place of the event is told near (``_NEAR``)."""
        places, text = self.places, self.text
        for key in event.places:
            if key in places and key not in self.mapped and places[key].place_type in _TOWN_TYPES:
                for m in places[key].mentions:
                    gap = _NEAR.match(text, m.end, min(len(text), m.end + _WINDOW))
                    found = self._starts.get(gap.end()) if gap is not None else None
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
