"""The geocoder's output: place records keyed and labelled by the gazetteer, and each event's
location on the map.

``assemble`` turns the places of an extraction and what ``kg.geo.geocode`` resolved them to into
new records: a town keyed ``geonames-<id>`` (two spellings merge, and the same town has the
same IRI in every article), a province keyed by its GeoNames division, labels taken from the
gazetteer with the text's spellings as aliases, each geocoded town inside its province and
country; then it gives each event its ``location`` with ACLED's geo precision (``kg.geo.locate``).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
from collections.abc import Callable, Iterable, Mapping

from kg.geo.admin1 import admin1_names, divisions_named
from kg.geo.admin2 import districts
from kg.geo.locate import IDENTIFIED_TYPES, Placed, ancestors, locate
from kg.geo.mentioned import Sentences, Told, filed_apart, filed_from
from kg.geo.names import fold_name, fold_words, plain_latin
from kg.geo.scene import Scenes, scene_precision, with_scene
from kg.keys import name_key
from kg.model import Event, Extraction, Geocode, GeoPrecision, Place, PlaceType

__all__ = ["IDENTIFIED_TYPES", "assemble"]

# Places GeoNames lacks that are keyed within the article's country (regions can span borders)
_LOCAL_TYPES = frozenset({PlaceType.TOWN, PlaceType.OTHER, PlaceType.DISTRICT, PlaceType.PROVINCE})
_TOWN_TYPES = frozenset({PlaceType.TOWN, PlaceType.OTHER})


def assemble(
    extraction: Extraction,
    resolved: dict[str, Geocode],
    home: str = "",
    said: Mapping[str, str] | None = None,
    district_names: Callable[[str, str], frozenset[str]] | None = None,
    aside: frozenset[tuple[int, int]] = frozenset(),
    capital: Geocode | None = None,
) -> Extraction:
    """New place records keyed by GeoNames id (merging spellings), events given locations.
    ``home``: the article's country (ISO code); a place GeoNames lacks is keyed by its name and
    that country ("rawadi-sy"), as actors are, so namesakes in two countries stay apart, or by
    the country the text gives it (``said``: place key -> ISO code, "the Syrian town of X").
    ``district_names``: the folded names of a province's districts (ISO code, its name), by
    default read from ``kg.geo.admin2``'s data file; the geocoder passes its gazetteer's
    (``Gazetteer.district_names``, the same names, read by country from its index).
    ``aside``: character spans of place mentions that tell no place of their sentence's
    events (a protest's topic: ``Told``). ``capital``: the article's country's capital, where
    a statement the text places nowhere is put (precision 3), as ACLED puts a country's
    strategic developments; not one of the statement's places."""
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
    above = {p.key: frozenset(q.key for q in ancestors(p, by_key)) for p in places}
    mapped = frozenset(p.key for p in places if p.geo is not None and p.geo.latitude is not None)
    text = extraction.article.text

    sentences, told = Sentences(extraction.sentences), Told(places, aside)
    apart = filed_apart(places, text)  # "YEREVAN/BAKU, Sept 15 (Reuters) -": no one town
    placed = Placed(
        places,
        by_key,
        mapped,
        sentences,
        told,
        filed=None if apart else filed_from(places, text),
        apart=apart,
    )
    scenes = Scenes(by_key, mapped, text)

    others = [  # their towns: a province may hold both days' acts
        frozenset(k for k in o if k in by_key and by_key[k].place_type in _TOWN_TYPES)
        for o in _others_places(extraction.events, new_key)
    ]

    def located(event: Event, others: frozenset[str]) -> Event:
        event = _with_inner(event, new_key, placed, above, others)
        scene = scenes.of(event)  # "On 2 May, in Simojovel, ..."
        if scene is None:
            return locate(event, placed, others)
        done = locate(with_scene(event, scene), placed, others)
        if done.location != scene:
            return done
        return dataclasses.replace(done, geo_precision=scene_precision(event, by_key))

    events = tuple(
        _with_chain(located(e, o), by_key) for e, o in zip(extraction.events, others, strict=True)
    )

    home_codes = {capital.country_code} if capital is not None else set()

    def unplaced(e: Event) -> bool:  # a statement placed nowhere, nor in another country
        codes = {g.country_code for k in e.places if k in by_key and (g := by_key[k].geo)}
        return e.event_type == "statement" and e.location is None and codes <= home_codes

    if capital is not None and any(unplaced(e) for e in events):
        key = f"geonames-{capital.geonames_id}"
        if key not in by_key:  # the capital, with the province made for it if none was
            made = set(divisions)
            within = division_of(capital) or country_keys.get(capital.country_code)
            seat = Place(key, capital.name, PlaceType.TOWN, (), within=within, geo=capital)
            seat = dataclasses.replace(seat, label=_canonical_label(seat, key, capital))
            places += tuple(d for k, d in divisions.items() if k not in made and k not in by_key)
            places += (seat,)
        events = tuple(
            dataclasses.replace(e, location=key, geo_precision=GeoPrecision.REGION)
            if unplaced(e)
            else e
            for e in events
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
    placed: Placed,
    above: dict[str, frozenset[str]],
    others: frozenset[str] = frozenset(),
) -> Event:
    """The event's places (new keys), led by the places of its sentence that lie in one of them:
    "in Zurmat district, Paktika" is told of Zurmat, whichever of the two the parse gave it;
    not one the parse gave an event of the sentence dated another day and not this one
    (``others``: "took three towns in Hama province, a day after it recaptured Halfaya":
    Halfaya is the second act's). ``above``: the keys of the places each place lies in
    (``kg.geo.locate.ancestors``)."""
    own = _dedup(new_key[k] for k in event.places)
    named = placed.told.named_in([event.sentence])
    inner = [
        p.key
        for p in placed.among(named)
        if not above[p.key].isdisjoint(own)
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
