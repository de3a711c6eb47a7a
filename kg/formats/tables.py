"""Events as ACLED-style CSV and as a GeoJSON FeatureCollection.

ACLED CSV (``acled-csv``): one row per event, ACLED's columns in ACLED's order, then kg's
IRIs. Where each column comes from (what kg cannot know stays empty, never invented):

==================  ===========================================================================
event_date          ``sem:hasTimeStamp``, ISO ``YYYY-MM-DD`` as ACLED's files; empty if undated
event_type          the label of the ``sem:eventType`` concept's ``skos:broader`` (ACLED's type),
                    or of the concept itself for kg's own types (Statement, Displacement...)
sub_event_type      the ``sem:eventType`` concept's label when it has a broader type, else empty
actor1              the first ``kg:agent`` (those with an ACLED actor type first, then by name;
                    in a protest or a riot its crowd, as ACLED codes "Houthi supporters
                    rallied": Protesters (Yemen), the Houthis associated)
assoc_actor_1       the other agents, ``; ``-separated as in ACLED
inter1              actor1's ``sem:actorType`` ``skos:notation`` (ACLED's 1-8), 8 (External/Other
                    forces) where the event states it acts abroad (``kg:externalActor``);
                    empty for kg's own types (Media, Organisation, Person)
actor2              the first ``kg:target``; assoc_actor_2 the others. An armed clash with two
                    agents and no target (kg states both sides as agents) has one per side
inter2              actor2's code; ``0`` when the event has an actor1 and no actor2 (as ACLED)
interaction         the two codes, smaller first (``12``, ``60``); empty unless both are known
country, admin1     the country and province that ``kg:location`` lies in
                    (``schema:containedInPlace``, ``gn:countryCode``)
location            the label of ``kg:location``
latitude, longitude from its ``geo:asWKT`` point (WGS 84)
geo_precision       ``kg:geoPrecision`` (1 its own place, 2 near it, 3 its region, as ACLED)
source              the labels of ``kg:reportedBy``, ``; ``-separated
notes               the supporting sentence (``kg:sentence`` / ``nif:anchorOf``)
fatalities          ``kg:fatalities``; empty when the text gives no figure (ACLED would say 0)
event, article      kg's IRIs of the event and of its article
==================  ===========================================================================
"""

from __future__ import annotations

import csv
import io
import json
import logging
from collections.abc import Iterable
from typing import Any, BinaryIO

from kg.formats.events import Actor, Event

__all__ = ["ACLED_COLUMNS", "acled_row", "write_acled_csv", "write_geojson"]

log = logging.getLogger(__name__)

# ACLED's event types whose actor 1 is the crowd (Rioters 5, Protesters 6) when it is an agent
_CROWD_EVENTS = frozenset({"Protests", "Riots"})
_CROWD_CODES = frozenset({"5", "6"})

ACLED_COLUMNS = (
    "event_date", "event_type", "sub_event_type", "actor1", "assoc_actor_1", "inter1",
    "actor2", "assoc_actor_2", "inter2", "interaction", "country", "admin1", "location",
    "latitude", "longitude", "geo_precision", "source", "notes", "fatalities",
    "event", "article",
)  # fmt: skip


def _names(actors: list[Actor]) -> str:
    return "; ".join(a.label for a in actors)


def acled_row(event: Event) -> dict[str, str]:
    """One event as ACLED's columns (all strings; "" for what kg does not know)."""
    agents, targets = event.agents, event.targets
    if event.event_type in _CROWD_EVENTS:  # the crowd first, whom it follows associated
        agents = sorted(agents, key=lambda a: a.inter not in _CROWD_CODES)
    if not targets and len(agents) == 2 and event.sub_event_type == "Armed clash":
        agents, targets = agents[:1], agents[1:]  # the two sides of a clash, as ACLED codes it
    actor1 = agents[0] if agents else None
    actor2 = targets[0] if targets else None
    inter1 = actor1.inter if actor1 else ""
    inter2 = actor2.inter if actor2 else ("0" if actor1 else "")
    interaction = "".join(sorted((inter1, inter2))) if inter1 and inter2 else ""
    if inter2 == "0" and inter1:
        interaction = inter1 + "0"  # ACLED: the actor's code then 0
    return {
        "event_date": event.date,
        "event_type": event.event_type,
        "sub_event_type": event.sub_event_type,
        "actor1": actor1.label if actor1 else "",
        "assoc_actor_1": _names(agents[1:]),
        "inter1": inter1,
        "actor2": actor2.label if actor2 else "",
        "assoc_actor_2": _names(targets[1:]),
        "inter2": inter2,
        "interaction": interaction,
        "country": event.country,
        "admin1": event.admin1,
        "location": event.place,
        "latitude": _coordinate(event.latitude),
        "longitude": _coordinate(event.longitude),
        "geo_precision": event.geo_precision,
        "source": "; ".join(event.sources),
        "notes": event.sentence,
        "fatalities": "" if event.fatalities is None else str(event.fatalities),
        "event": event.iri,
        "article": event.article,
    }


def _coordinate(value: float | None) -> str:
    return "" if value is None else f"{value:.4f}"


def write_acled_csv(events: Iterable[Event], out: BinaryIO) -> int:
    """Write a header and one row per event (RFC 4180, UTF-8, LF); return the row count."""
    text = io.TextIOWrapper(out, encoding="utf-8", newline="", write_through=True)
    writer = csv.DictWriter(text, fieldnames=ACLED_COLUMNS, lineterminator="\n")
    writer.writeheader()
    count = 0
    for event in events:
        writer.writerow(acled_row(event))
        count += 1
    text.flush()
    text.detach()
    return count


def feature(event: Event) -> dict[str, Any]:
    """One located event as a GeoJSON Feature (RFC 7946: [longitude, latitude])."""
    return {
        "type": "Feature",
        "id": event.iri,
        "geometry": {"type": "Point", "coordinates": [event.longitude, event.latitude]},
        "properties": {
            "event": event.iri,
            "article": event.article,
            "article_id": event.article_id,
            "date": event.date or None,
            "event_type": event.event_type,
            "sub_event_type": event.sub_event_type or None,
            "agents": [a.label for a in event.agents],
            "targets": [a.label for a in event.targets],
            "place": event.place,
            "place_iri": event.place_iri,
            "country": event.country or None,
            "admin1": event.admin1 or None,
            "geo_precision": int(event.geo_precision) if event.geo_precision else None,
            "fatalities": event.fatalities,
            "sources": event.sources,
            "sentence": event.sentence,
        },
    }


def write_geojson(events: Iterable[Event], out: BinaryIO) -> tuple[int, int]:
    """Write a FeatureCollection of the located events, one feature a line; return
    (written, left out for want of coordinates)."""
    written = skipped = 0
    out.write(b'{"type": "FeatureCollection", "features": [')
    for event in events:
        if event.latitude is None or event.longitude is None:
            skipped += 1
            continue
        data = json.dumps(feature(event), ensure_ascii=False)
        out.write((",\n" if written else "\n").encode() + data.encode("utf-8"))
        written += 1
    out.write(b"\n]}\n")
    return written, skipped
