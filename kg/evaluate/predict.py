"""What kg predicts for one article, reduced to the few values that are scored.

Only events of ACLED's 25 sub-event types count (kg's own statement, displacement and
armed-conflict do not). The policy says which of them make the article's prediction:
``top``, the most confident one (ties: the earliest trigger), since an ACLED note codes one
event; ``all``, every one. A ``Prediction`` keeps no spaCy or ``Extraction`` object, so
memory stays flat over any number of articles.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from typing import Literal

from kg.model import ActorType, Event, Extraction, Place
from kg.rdf.taxonomy_ids import ACLED_EVENT_TYPES

__all__ = ["ACLED_SUB_TYPES", "POLICIES", "Policy", "Prediction", "acled_events", "predict"]

Policy = Literal["top", "all"]
POLICIES: tuple[Policy, ...] = ("top", "all")
ACLED_PARENT: dict[str, str] = {s: t for t, subs in ACLED_EVENT_TYPES.items() for s in subs}
ACLED_SUB_TYPES = frozenset(ACLED_PARENT)

Coords = tuple[float, float]


@dataclass(frozen=True, slots=True)
class Prediction:
    """One article's scored predictions."""

    top: str | None  # the most confident ACLED event's sub-event type
    trigger: str | None  # and its trigger's words
    sub_types: frozenset[str]  # of the selected events (the policy's)
    event_types: frozenset[str]  # their ACLED parents
    places: tuple[str, ...]  # labels of the selected events' places and mapped locations
    note_places: tuple[str, ...]  # labels of every place kg found in the article
    coords: tuple[Coords, ...]  # points of the selected events' mapped locations
    date: dt.date | None  # the top event's date
    fatalities: int  # total over all the article's ACLED events (None counts as 0)
    top_fatalities: int  # the top event's
    inters: frozenset[int]  # ACLED actor types of the selected events' agents and targets
    note_inters: frozenset[int]  # of every actor kg found in the article
    failed: str | None = None  # why extraction failed, when it did

    @classmethod
    def empty(cls, failed: str | None = None) -> Prediction:
        nothing: frozenset[int] = frozenset()
        return cls(
            None, None, frozenset(), frozenset(), (), (), (), None, 0, 0, nothing, nothing, failed
        )


def acled_events(extraction: Extraction) -> list[Event]:
    """The article's ACLED events, most confident first (ties: the earliest trigger)."""
    events = [e for e in extraction.events if e.event_type in ACLED_SUB_TYPES]
    return sorted(events, key=lambda e: (-e.confidence, e.trigger.start, e.trigger.end))


def predict(extraction: Extraction, policy: Policy = "top") -> Prediction:
    """Reduce an ``Extraction`` to what is scored."""
    ranked = acled_events(extraction)
    if not ranked:
        return _nothing(extraction)
    chosen = ranked[:1] if policy == "top" else ranked
    top = ranked[0]
    place_by_key = {p.key: p for p in extraction.places}
    actor_inter = {a.key: a.actor_type.acled_inter for a in extraction.actors}
    abroad = ActorType.EXTERNAL_OTHER.acled_inter
    located = [e.location for e in chosen if e.location is not None]
    place_keys = list(dict.fromkeys([*(k for e in chosen for k in e.places), *located]))
    sub_types = frozenset(e.event_type for e in chosen)
    return Prediction(
        top=top.event_type,
        trigger=top.trigger.text,
        sub_types=sub_types,
        event_types=frozenset(ACLED_PARENT[s] for s in sub_types),
        places=tuple(n for k in place_keys if k in place_by_key for n in _names(place_by_key[k])),
        note_places=tuple(n for p in extraction.places for n in _names(p)),
        coords=tuple(dict.fromkeys(p for k in located if (p := _point(place_by_key.get(k))))),
        date=top.time.date if top.time is not None else None,
        fatalities=sum(e.counts.fatalities or 0 for e in ranked),
        top_fatalities=top.counts.fatalities or 0,
        inters=frozenset(  # a state's forces abroad in the event: External/Other there
            c
            for e in chosen
            for k in (*e.agents, *e.targets)
            if (c := abroad if k in e.external else actor_inter.get(k)) is not None
        ),
        note_inters=_note_inters(extraction),
    )


def _names(place: Place) -> tuple[str, ...]:
    """A place's label and its other names in the text (a geocoded place's label is GeoNames')."""
    return (place.label, *place.aliases)


def _point(place: Place | None) -> Coords | None:
    if place is None or place.geo is None:
        return None
    lat, lon = place.geo.latitude, place.geo.longitude
    return (lat, lon) if lat is not None and lon is not None else None


def _note_inters(extraction: Extraction) -> frozenset[int]:
    codes = (a.acled_inter for a in extraction.actors)
    return frozenset(c for c in codes if c is not None)


def _nothing(extraction: Extraction) -> Prediction:
    """No ACLED event: nothing predicted but what the article names anyway (lenient views)."""
    return dataclasses.replace(
        Prediction.empty(),
        note_places=tuple(n for p in extraction.places for n in _names(p)),
        note_inters=_note_inters(extraction),
    )
