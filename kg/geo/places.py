"""The geocoder's output: place records keyed and labelled by the gazetteer, and each event's
location on the map.

``assemble`` turns the places of an extraction and what ``kg.geo.geocode`` resolved them to into
new records: a town keyed ``geonames-<id>`` (two spellings merge, and the same town has the
same IRI in every article), a province keyed by its GeoNames division, labels taken from the
gazetteer with the text's spellings as aliases, each geocoded town inside its province and
country; then it gives each event its ``location`` with ACLED's geo precision (``_locate``).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
from collections.abc import Callable, Iterable, Mapping

from kg.geo.admin1 import admin1_names, divisions_named
from kg.geo.admin2 import districts
from kg.geo.mentioned import Sentences, Told, filed_from, inside
from kg.geo.names import fold_name, fold_words, plain_latin
from kg.geo.scene import Scenes, scene_precision, with_scene
from kg.keys import name_key
from kg.model import Event, Extraction, Geocode, GeoPrecision, Place, PlaceType

__all__ = ["IDENTIFIED_TYPES", "assemble"]

# Event types told of a whole country ("the war in Syria"), never put at one of its towns
COUNTRYWIDE = frozenset({"armed-conflict", "displacement", "statement"})
# Places GeoNames lacks that are keyed within the article's country (regions can span borders)
_LOCAL_TYPES = frozenset({PlaceType.TOWN, PlaceType.OTHER, PlaceType.DISTRICT, PlaceType.PROVINCE})
# Places that *are* their GeoNames feature (a district or province is only placed at one).
IDENTIFIED_TYPES = frozenset({PlaceType.TOWN, PlaceType.OTHER, PlaceType.COUNTRY})
_DIVISION_TYPES = frozenset({PlaceType.DISTRICT, PlaceType.PROVINCE})
_TOWN_TYPES = frozenset({PlaceType.TOWN, PlaceType.OTHER})


def assemble(
    extraction: Extraction,
    resolved: dict[str, Geocode],
    home: str = "",
    said: Mapping[str, str] | None = None,
    district_names: Callable[[str, str], frozenset[str]] | None = None,
    aside: frozenset[tuple[int, int]] = frozenset(),
) -> Extraction:
    """New place records keyed by GeoNames id (merging spellings), events given locations.
    ``home``: the article's country (ISO code); a place GeoNames lacks is keyed by its name and
    that country ("rawadi-sy"), as actors are, so namesakes in two countries stay apart, or by
    the country the text gives it (``said``: place key -> ISO code, "the Syrian town of X").
    ``district_names``: the folded names of a province's districts (ISO code, its name), by
    default read from ``kg.geo.admin2``'s data file; the geocoder passes its gazetteer's
    (``Gazetteer.district_names``, the same names, read by country from its index).
    ``aside``: character spans of place mentions that tell no place of their sentence's
    events (a protest's topic: ``Told``)."""
    said = said or {}
    in_province = district_names or _district_names
    new_key = {
        p.key: _key(p, resolved.get(p.key), said.get(p.key, home), in_province)
        for p in extraction.places
    }
    division_named: dict[tuple[str, str], str] = {}  # (cc, admin1 name) -> province key
    for p in extraction.places:
        if p.place_type is PlaceType.PROVINCE:
            division = _division(p, resolved.get(p.key))
            if division is not None:
                new_key[p.key] = _division_key(*division)  # "Idleb", "Idlib": one province
                division_named[division] = new_key[p.key]
    country_keys = {
        resolved[p.key].country_code: new_key[p.key]
        for p in extraction.places
        if p.place_type is PlaceType.COUNTRY and p.key in resolved
    }
    province_keys = division_named
    divisions: dict[str, Place] = {}  # provinces GeoNames gives and the text does not name

    def division_of(geo: Geocode) -> str | None:
        """The key of the town's province: the one the text names, else one made for it."""
        if not geo.admin1:
            return None
        named = province_keys.get((geo.country_code, geo.admin1))
        if named is not None:
            return named
        key = _division_key(geo.country_code, geo.admin1)
        if key not in divisions:
            within = country_keys.get(geo.country_code)
            divisions[key] = Place(key, geo.admin1, PlaceType.PROVINCE, (), within=within)
        return key

    merged: dict[str, Place] = {}
    for p in extraction.places:
        key = new_key[p.key]
        geo = resolved.get(p.key)
        label = _canonical_label(p, key, geo)
        within = new_key.get(p.within) if p.within is not None else None
        town = geo is not None and p.place_type in (PlaceType.TOWN, PlaceType.OTHER)
        town = town or key.startswith("admin2-")  # a district lies in its province too
        if town and geo is not None and within in (None, country_keys.get(geo.country_code)):
            within = division_of(geo) or within
        if within is None and geo is not None and p.place_type is not PlaceType.COUNTRY:
            within = country_keys.get(geo.country_code)
        if within == key:
            within = None
        spellings = tuple(s for s in (p.label, *p.aliases) if s != label)
        if key in merged:
            old = merged[key]
            mentions = tuple(sorted({*old.mentions, *p.mentions}, key=lambda s: (s.start, s.end)))
            aliases = _dedup((*old.aliases, *spellings))
            merged[key] = dataclasses.replace(
                old, mentions=mentions, within=old.within or within, aliases=aliases
            )
        else:
            merged[key] = dataclasses.replace(
                p, key=key, label=label, within=within, geo=geo, aliases=spellings
            )
    places = tuple(merged.values()) + tuple(d for k, d in divisions.items() if k not in merged)
    by_key = {p.key: p for p in places}
    ancestors = {p.key: frozenset(q.key for q in _ancestors(p, by_key)) for p in places}
    mapped = frozenset(p.key for p in places if p.geo is not None and p.geo.latitude is not None)
    text = extraction.article.text

    sentences, told = Sentences(extraction.sentences), Told(places, aside)
    placed = _Placed(places, by_key, mapped, sentences, told, filed=filed_from(places, text))
    scenes = Scenes(by_key, mapped, text)

    others = [  # their towns: a province may hold both days' acts
        frozenset(k for k in o if k in by_key and by_key[k].place_type in _TOWN_TYPES)
        for o in _others_places(extraction.events, new_key)
    ]

    def located(event: Event, others: frozenset[str]) -> Event:
        event = _with_inner(event, new_key, placed, ancestors, others)
        scene = scenes.of(event)  # "On 2 May, in Simojovel, ..."
        if scene is None:
            return _locate(event, placed, others)
        done = _locate(with_scene(event, scene), placed, others)
        if done.location != scene:
            return done
        return dataclasses.replace(done, geo_precision=scene_precision(event, by_key))

    events = tuple(
        _with_chain(located(e, o), by_key) for e, o in zip(extraction.events, others, strict=True)
    )
    return dataclasses.replace(extraction, places=places, events=events)


def _key(
    place: Place,
    geo: Geocode | None,
    home: str,
    district_names: Callable[[str, str], frozenset[str]],
) -> str:
    if geo is not None and place.place_type in IDENTIFIED_TYPES:
        return f"geonames-{geo.geonames_id}"
    if (
        geo is not None
        and place.place_type is PlaceType.DISTRICT
        # the gazetteer's entry is a second-level division (its name is one's in its
        # province): a district placed at its namesake town is keyed as the division too
        and fold_name(geo.name) in district_names(geo.country_code, geo.admin1)
    ):
        return _district_key(geo.country_code, geo.name)
    if geo is None and home and place.place_type in _LOCAL_TYPES:
        # a place GeoNames lacks: its folded spelling within the country, so "Hamidiyeh" and
        # "Al Ḩamīdīyah" are one node in every article (``hamidiya-sy``)
        return f"{name_key('-'.join(fold_words(place.label)) or place.label)}-{home.lower()}"
    return place.key


def _canonical_label(place: Place, key: str, geo: Geocode | None) -> str:
    """A resolved place's label is the gazetteer's, so every article gives its node the same
    one: GeoNames' name in plain Latin letters ("Halfaya" for "Ḩalfāyā"), or the province's
    name; the text's spellings become aliases."""
    if key.startswith("admin1-"):
        return next(
            (name for cc, name in divisions_named(place.label) if _division_key(cc, name) == key),
            place.label,
        )
    if geo is not None and key.startswith(("geonames-", "admin2-")):
        return plain_latin(geo.name) or place.label
    return place.label


def _division(place: Place, geo: Geocode | None) -> tuple[str, str] | None:
    """The GeoNames division (cc, admin1 name) a province named in the text is: the one of its
    namesake town's country, else the only one of that name."""
    divisions = divisions_named(place.label)
    if geo is not None:
        divisions = tuple(d for d in divisions if d[0] == geo.country_code)
    return divisions[0] if len(divisions) == 1 else None


@functools.cache
def _district_names(country_code: str, admin1: str) -> frozenset[str]:
    """The folded names of one province's districts (``admin1``: its GeoNames name), folded
    when first asked: an ingest asks of a few provinces, folding all 22,580 names took ~0.5 s."""
    return frozenset(fold_name(n) for n in _districts_by_province().get((country_code, admin1), ()))


@functools.cache
def _districts_by_province() -> dict[tuple[str, str], tuple[str, ...]]:
    names = admin1_names()
    grouped: dict[tuple[str, str], list[str]] = {}
    for d in districts():
        province = (d.country_code, names.get((d.country_code, d.admin1), ""))
        grouped.setdefault(province, []).append(d.name)
    return {province: tuple(named) for province, named in grouped.items()}


def _district_key(country_code: str, name: str) -> str:
    return f"admin2-{country_code}-{name_key(plain_latin(name) or name)}".lower()


def _division_key(country_code: str, admin1: str) -> str:
    return f"admin1-{country_code}-{name_key(admin1)}".lower()


def _dedup(keys: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(keys))


def _others_places(events: tuple[Event, ...], new_key: dict[str, str]) -> list[frozenset[str]]:
    """For each event, the places (new keys) the events of its sentence dated another day have
    and it has not: where the parse put another day's act ("took three towns on Saturday, a
    day after it recaptured Halfaya"; not the arrests of "killed and arrested in attacks in
    Zurmat district, Paktia", one happening)."""
    by_sentence: dict[tuple[int, int], list[int]] = {}
    for n, e in enumerate(events):
        by_sentence.setdefault((e.sentence.start, e.sentence.end), []).append(n)
    out = []
    for e in events:
        sentence = by_sentence[(e.sentence.start, e.sentence.end)]
        day = _day(e)
        theirs = {
            new_key[k]
            for o in sentence
            if day is not None and _day(events[o]) not in (None, day)
            for k in events[o].places
        }
        out.append(frozenset(theirs - {new_key[k] for k in e.places}))
    return out


def _day(event: Event) -> dt.date | None:
    return event.time.date if event.time is not None else None


def _with_inner(
    event: Event,
    new_key: dict[str, str],
    placed: _Placed,
    ancestors: dict[str, frozenset[str]],
    others: frozenset[str] = frozenset(),
) -> Event:
    """The event's places (new keys), led by the places of its sentence that lie in one of them:
    "in Zurmat district, Paktika" is told of Zurmat, whichever of the two the parse gave it;
    not one the parse gave an event of the sentence dated another day and not this one
    (``others``: "took three towns in Hama province, a day after it recaptured Halfaya":
    Halfaya is the second act's). ``ancestors``: the keys of the places each place lies in
    (``_ancestors``)."""
    own = _dedup(new_key[k] for k in event.places)
    named = placed.told.named_in([event.sentence])
    inner = [
        p.key
        for p in placed.among(named)
        if not ancestors[p.key].isdisjoint(own)
        and p.key not in own
        and p.key not in others
        and p.place_type is not PlaceType.COUNTRY
    ]
    places = _dedup((*inner, *own))
    return event if places == event.places else dataclasses.replace(event, places=places)


def _with_chain(event: Event, by_key: dict[str, Place]) -> Event:
    """The event's places with the ones they lie in (a village's district and province): the
    event happened in each of them."""
    chain = list(event.places)
    for key in event.places:
        seen = {key}
        p = by_key.get(key)
        while p is not None and p.within is not None and p.within not in seen:
            seen.add(p.within)
            p = by_key.get(p.within)
            if p is not None and p.place_type is not PlaceType.COUNTRY:
                chain.append(p.key)
    places = _dedup(chain)
    return event if places == event.places else dataclasses.replace(event, places=places)


def _ancestors(p: Place, by_key: dict[str, Place]) -> list[Place]:
    out: list[Place] = []
    while p.within is not None and p.within in by_key and by_key[p.within] not in out:
        p = by_key[p.within]
        out.append(p)
    return out


@dataclasses.dataclass(frozen=True, slots=True)
class _Placed:
    """An article's places as ``_locate`` reads them for each of its events."""

    places: tuple[Place, ...]
    by_key: dict[str, Place]
    mapped: frozenset[str]  # the keys of the places with a point
    sentences: Sentences
    told: Told
    # each key's places' positions in ``places``: the few places a sentence names are picked
    # from them, not from every place of the article once an event
    positions: dict[str, list[int]] = dataclasses.field(default_factory=dict)
    filed: str | None = None  # the key of the dateline's place ("NAIROBI, June 26 (AP) -")

    def __post_init__(self) -> None:
        for i, p in enumerate(self.places):
            self.positions.setdefault(p.key, []).append(i)

    def among(self, keys: Iterable[str]) -> list[Place]:
        """The places of the given keys, in their order in ``places``."""
        return [self.places[i] for i in sorted(i for k in keys for i in self.positions.get(k, ()))]


def _locate(event: Event, placed: _Placed, others: frozenset[str] = frozenset()) -> Event:
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

    def told_near(p: Place) -> bool:  # named in the event's sentence or its places'
        return p.key in near and p.key not in others

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
    for p in places:  # a town of its sentence inside its own province
        in_region = p.geo is not None and (p.geo.country_code, p.geo.admin1) in regions
        if in_region and town(p) and told_near(p):
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

    for p in sorted((p for p in places if told_near(p) and fits(p)), key=order):
        return located(p, GeoPrecision.NEAR)  # the first in that order (a stable sort)
    for p in own:  # its own province, or the province its own place lies in
        for q in (p, *_ancestors(p, by_key)):
            if q.place_type is PlaceType.PROVINCE and q.key in mapped:
                return located(q, GeoPrecision.REGION)
    if event.event_type not in COUNTRYWIDE:
        # a province told with it ("at the Public Library in New York"), in the country its
        # sentence names if it names one ("In northern Iraq, ... near Makhmour, the Kurdistan
        # Region's ministry said": not Iran's Kurdistan Province)
        named = countries | {
            p.geo.country_code
            for p in places
            if p.place_type is PlaceType.COUNTRY and p.geo is not None and told_near(p)
        }
        for p in places:
            if p.place_type is not PlaceType.PROVINCE or p.key not in mapped:
                continue
            if told_near(p) and (not named or (p.geo is not None and p.geo.country_code in named)):
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
        # was filed, else in its country, not at its first town ("clashes in Mosul ... A
        # Pentagon spokesman said")
        return located(filed, GeoPrecision.REGION) if filed and fits(filed) else event
    first = sorted(places, key=lambda p: min((m.start for m in p.mentions), default=0))
    for p in first:  # no place of its own but a country: the article's first town there
        if fits(p):
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
