"""Each event's location on the map, with ACLED's geo precision (``kg.geo.places.assemble``
calls ``locate`` once an event, its places already keyed as the gazetteer's): its own town,
else a town or district near it, else its region; a war or a displacement never at a town the
text does not give it, a statement only at the town the story was filed from (else
``kg.geo.places.assemble`` puts it at its country's capital)."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable

from kg.geo.admin1 import divisions_named
from kg.geo.mentioned import Sentences, Told, inside
from kg.model import Event, GeoPrecision, Place, PlaceType

__all__ = ["COUNTRYWIDE", "IDENTIFIED_TYPES", "Placed", "ancestors", "locate"]

# Event types told of a whole country ("the war in Syria"), never put at one of its towns
COUNTRYWIDE = frozenset({"armed-conflict", "displacement", "statement"})
# Places that *are* their GeoNames feature (a district or province is only placed at one).
IDENTIFIED_TYPES = frozenset({PlaceType.TOWN, PlaceType.OTHER, PlaceType.COUNTRY})
_DIVISION_TYPES = frozenset({PlaceType.DISTRICT, PlaceType.PROVINCE})


def ancestors(p: Place, by_key: dict[str, Place]) -> list[Place]:
    """The places ``p`` lies in (``within``, then theirs), the nearest first."""
    out: list[Place] = []
    while p.within is not None and p.within in by_key and by_key[p.within] not in out:
        p = by_key[p.within]
        out.append(p)
    return out


@dataclasses.dataclass(frozen=True, slots=True)
class Placed:
    """An article's places as ``locate`` reads them for each of its events."""

    places: tuple[Place, ...]
    by_key: dict[str, Place]
    mapped: frozenset[str]  # the keys of the places with a point
    sentences: Sentences
    told: Told
    # each key's places' positions in ``places``: the few places a sentence names are picked
    # from them, not from every place of the article once an event
    positions: dict[str, list[int]] = dataclasses.field(default_factory=dict)
    filed: str | None = None  # the key of the dateline's place ("NAIROBI, June 26 (AP) -")
    # where a story filed from two towns names them ("YEREVAN/BAKU"): the offsets of those
    # mentions, which tell no event's town
    apart: frozenset[int] = frozenset()

    def __post_init__(self) -> None:
        for i, p in enumerate(self.places):
            self.positions.setdefault(p.key, []).append(i)

    def among(self, keys: Iterable[str]) -> list[Place]:
        """The places of the given keys, in their order in ``places``."""
        return [self.places[i] for i in sorted(i for k in keys for i in self.positions.get(k, ()))]


def locate(event: Event, placed: Placed, others: frozenset[str] = frozenset()) -> Event:
    """The event's kg:location, the best first: its own town (precision 1); the town or the
    district its own place lies in, a town of its sentence inside its own province ("in
    As-Sanamayn city in the countryside of Dar'a"), its own district's namesake town, or a
    town (else a district) of its sentence or of its own places' sentences, the one told
    right after its own places first (2); the namesake town of its own
    province, of the province its place lies in, or of a province of those sentences (3); and
    for an event the text gives no place at all, the article's first town (3), as a
    dateline's (the dateline's province where the gazetteer reads its town as one). A town
    the parse gave an event of its sentence dated another day (``others``) is not one of its
    sentence's."""
    places, by_key, mapped = placed.places, placed.by_key, placed.mapped
    own = [by_key[k] for k in event.places if k in by_key]
    spans = [event.sentence]
    told = [m for p in own if p.place_type is not PlaceType.COUNTRY for m in p.mentions]
    if event.event_type not in COUNTRYWIDE and not any(inside(m, spans[0]) for m in told):
        # its places were told in other sentences ("... at the mall in Soweto. Police came.")
        spans += placed.sentences.holding(told)
    spans += placed.sentences.continued(event.sentence)  # "on Eighth Ave. in New York"
    near = placed.told.named_in(spans)

    countries = {p.geo.country_code for p in own if p.place_type is PlaceType.COUNTRY and p.geo}

    def located(p: Place, precision: GeoPrecision) -> Event:
        return dataclasses.replace(event, location=p.key, geo_precision=precision)

    def town(p: Place | None) -> bool:
        return p is not None and p.key in mapped and p.place_type in IDENTIFIED_TYPES

    def fits(p: Place) -> bool:  # a town or district in the event's country
        near = town(p) or (p.key in mapped and p.place_type is PlaceType.DISTRICT)
        return near and (not countries or (p.geo is not None and p.geo.country_code in countries))

    containers = {p.within for p in own}
    for p in own:  # the most specific: not a place another of its places lies in
        if town(p) and p.key not in containers:
            return located(p, GeoPrecision.PLACE)
    for p in own:
        parent = by_key.get(p.within) if p.within is not None else None
        if parent is not None and town(parent):
            return located(parent, GeoPrecision.NEAR)
    for p in own:  # the district its own place lies in ("Azwar village ... of Tell Abiad")
        parent = by_key.get(p.within) if p.within is not None else None
        if parent is not None and _district(parent) and parent.key in mapped:
            return located(parent, GeoPrecision.NEAR)
    regions = {  # its own provinces (a "district" may be one: "Kilifi county", "Dar'a")
        (p.geo.country_code, p.geo.admin1)
        for p in own
        if p.place_type in _DIVISION_TYPES
        and p.geo is not None
        and (p.geo.country_code, p.geo.admin1) in divisions_named(p.label)
    }
    # the places told near it, in their order in ``places``: those the loops below look at
    nearby = [p for p in placed.among(near) if p.key not in others]
    for p in nearby:  # a town of its sentence inside its own province
        in_region = p.geo is not None and (p.geo.country_code, p.geo.admin1) in regions
        if in_region and town(p):
            return located(p, GeoPrecision.NEAR)
    for p in own:
        if p.place_type is PlaceType.DISTRICT and p.key in mapped:
            return located(p, GeoPrecision.NEAR)
    # a town of its sentence, else a district there ("in Zinar in Tell Abiad countryside");
    # first the one told right after its own places ("shelled Debs in the countryside of Ein
    # Isa in Ar-Raqqa": Ein Isa)
    anchor = max((m.end for m in told if inside(m, event.sentence)), default=-1)

    def order(p: Place) -> tuple[int, int]:
        after = [m.start for m in p.mentions if m.start >= anchor >= 0]
        if after and inside(p.mentions[0], event.sentence):
            return (0, min(after))
        return (1, int(p.place_type is PlaceType.DISTRICT))

    for p in sorted((p for p in nearby if fits(p)), key=order):
        return located(p, GeoPrecision.NEAR)  # the first in that order (a stable sort)
    for p in own:  # its own province, or the province its own place lies in
        for q in (p, *ancestors(p, by_key)):
            if q.place_type is PlaceType.PROVINCE and q.key in mapped:
                return located(q, GeoPrecision.REGION)
    if event.event_type not in COUNTRYWIDE:
        # a province told with it ("at the Public Library in New York"), in the country its
        # sentence names if it names one ("In northern Iraq, ... near Makhmour, the Kurdistan
        # Region's ministry said": not Iran's Kurdistan Province)
        named = countries | {
            p.geo.country_code
            for p in nearby
            if p.place_type is PlaceType.COUNTRY and p.geo is not None
        }
        for p in nearby:
            if p.place_type is not PlaceType.PROVINCE or p.key not in mapped:
                continue
            if not named or (p.geo is not None and p.geo.country_code in named):
                return located(p, GeoPrecision.REGION)
    if any(p.place_type is not PlaceType.COUNTRY for p in own) or (
        own and event.event_type in COUNTRYWIDE
    ):
        return event  # its own places (a region; a country for a war) are not at a town
    filed = by_key.get(placed.filed) if placed.filed is not None else None
    if (  # the dateline's town read as its province, a city-county ("NAIROBI": Nairobi County)
        filed is not None
        and filed.place_type is PlaceType.PROVINCE
        and filed.key in mapped
        and (not countries or (filed.geo is not None and filed.geo.country_code in countries))
    ):
        return located(filed, GeoPrecision.REGION)
    if event.event_type == "statement":  # said where the text does not tell: where the story
        # was filed (else at the capital, by assemble), not at its first town ("clashes in
        # Mosul ... A Pentagon spokesman said")
        return located(filed, GeoPrecision.REGION) if filed and fits(filed) else event
    named_at = {  # where the text names each place, not in a dateline of two towns
        p.key: [m.start for m in p.mentions if m.start not in placed.apart] for p in places
    }
    first = sorted(places, key=lambda p: min(named_at[p.key], default=0))
    for p in first:  # no place of its own but a country: the article's first town there
        if fits(p) and (named_at[p.key] or not p.mentions):  # not named only in a dateline
            return located(p, GeoPrecision.REGION)
    for p in first:  # else its first province
        if p.place_type is PlaceType.PROVINCE and p.key in mapped:
            return located(p, GeoPrecision.REGION)
    return event


def _district(place: Place) -> bool:
    """A second-level division, not a province the text calls a district ("Kakamega")."""
    geo = place.geo
    return (
        place.place_type is PlaceType.DISTRICT
        and geo is not None
        and (geo.country_code, geo.admin1) not in divisions_named(place.label)
    )
