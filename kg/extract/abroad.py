"""Which of an event's actors act outside their own country in it: ACLED codes a state's
forces or government abroad as External/Other forces (inter 8) in that event, and as State
forces at home ("Turkish forces shelled Aqibah in Aleppo": external; "Turkish forces clashed
with the PKK in Hakkari": state forces).

Run after geocoding: an event's country is that of the place that puts it on the map
(``Event.location``), else of the first of its places that has one. An actor of a known
country (``Actor.country``) that is a state's (its own type State forces, or the article found
it acting abroad) is external in an event of another country. An event with no country keeps
the article's word for it (``Actor.external``: the country its events happen in, or its main
country), so a statement of a foreign government in an article on Syria is external too.

Ground a state's forces take abroad is no government's regaining: ACLED codes a foreign state
actor's capture as a non-state actor overtaking territory ("Lowland forces captured a village
in Highland" at war with Highland), as it codes every foreign army's capture it has.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping

from kg.model import ActorType, Event, Extraction, Place, PlaceType

__all__ = ["event_country", "external_in_events"]

_REGAINS = "government-regains-territory"
_OVERTAKES = "non-state-actor-overtakes-territory"


def external_in_events(extraction: Extraction) -> Extraction:
    """The extraction with each event's ``external`` actors."""
    actors = {a.key: a for a in extraction.actors}
    states = {
        a.key: a.country
        for a in extraction.actors
        if a.country and (a.external or a.actor_type is ActorType.STATE_FORCES)
    }
    if not states:
        return extraction
    places = {p.key: p for p in extraction.places}
    events = []
    for event in extraction.events:
        where = event_country(event, places)
        keys = dict.fromkeys((*event.agents, *event.targets))
        if where:
            external = tuple(k for k in keys if k in states and states[k] != where)
        else:
            external = tuple(k for k in keys if k in actors and actors[k].external)
        if not external:
            events.append(event)
            continue
        event = dataclasses.replace(event, external=external)
        if (
            event.event_type == _REGAINS
            and event.agents
            and set(event.agents) <= set(external)
            and event_country(event, places, towns_only=True) == where
        ):  # ground taken abroad, at a town or province of that country (not "near the
            # borders with Syria": the country alone may be a neighbour the text names)
            event = dataclasses.replace(event, event_type=_OVERTAKES)
        events.append(event)
    return dataclasses.replace(extraction, events=tuple(events))


def event_country(event: Event, places: Mapping[str, Place], towns_only: bool = False) -> str:
    """The country the event happens in: its location's, else its first placed place's
    (``towns_only``: of a place below a country's size)."""
    keys = [event.location] if event.location is not None else []
    for key in [*keys, *event.places]:
        place = places.get(key)
        if towns_only and place is not None and place.place_type is PlaceType.COUNTRY:
            continue
        if place is not None and place.geo is not None and place.geo.country_code:
            return place.geo.country_code
    return ""
