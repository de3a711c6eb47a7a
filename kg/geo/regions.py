"""Places GeoNames lacks, put on the map through the province the text names for them.

Many of the villages, fronts and quarters news names are in no gazetteer kg ships, but the
text says where they lie: "Al Arish (Sabir Al Mawadim, Taizz)", "Orikhove, Luhansk",
"Ersam (Ansongo, Gao)", "in Turkana county". Such a place keeps its own name and record; it is
put in that first-level division (a ``PROVINCE`` place, the one the text names or one made for
it), and the division gets the point ACLED gives a province-level event: its namesake town
inside it, else its largest town, usually its capital. An event told only of such a place is
then located at the province with ACLED's geo precision 3 (region), as a coder does when the
village cannot be found (``kg.geo.places``). A place spelt as a division's name and nothing
else GeoNames knows ("Kitui county", "Nimruz") is the division itself. Before that, a place
named as one second-level division of the province the text puts it in ("in Dilovasi
(Kocaeli)", "Biu LGA (Borno)", a "province" inside a province) is that district, placed at its
point with precision 2 (``as_districts``).

A division is taken only when it is the one the text points to: the only one of its name, or
the only one in the countries the article names or points to.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Mapping
from types import MappingProxyType

from kg.geo.admin1 import bare_name, divisions_named
from kg.geo.choice import geocode_of
from kg.geo.gazetteer import Candidate, Gazetteer
from kg.geo.local import close, glued_division, told_within
from kg.geo.names import fold_name
from kg.geo.quarters import is_neighbourhood
from kg.keys import name_key
from kg.model import Extraction, Geocode, Place, PlaceType, Span

__all__ = ["as_districts", "into_divisions", "seat"]

_PLACED_TYPES = frozenset({PlaceType.TOWN, PlaceType.OTHER, PlaceType.DISTRICT, PlaceType.PROVINCE})
# a name taken for the division itself: the text says it is one, or spells it exactly
_DIVISION_TYPES = frozenset({PlaceType.DISTRICT, PlaceType.PROVINCE})
_MIN_LETTERS = 4

Division = tuple[str, str]  # (ISO country code, admin1 name)


def seat(gazetteer: Gazetteer, division: Division) -> Candidate | None:
    """Where a province is placed: its largest namesake town inside it ("Taizz" in Taizz),
    else its largest town."""
    cc, name = division
    inside = [
        c
        for c in gazetteer.lookup_exact(bare_name(name))
        if c.kind == "town" and (c.country_code, c.admin1) == division
    ]
    if inside:
        return max(inside, key=lambda c: c.population)
    return gazetteer.largest_town(cc, name)


def _pick(
    found: Iterable[Division], countries: frozenset[str], strict: bool = False
) -> Division | None:
    """The one division of ``found``, else the one in ``countries``; ``strict``: the one in
    ``countries`` whenever the article points to any."""
    options = sorted(set(found))
    if len(options) > 1 or (strict and countries):
        options = [d for d in options if d[0] in countries]
    return options[0] if len(options) == 1 else None


def _itself(place: Place, countries: frozenset[str], gazetteer: Gazetteer) -> Division | None:
    """The division a place is, by its name: one the text calls a district or province
    ("Kitui county"), or a name no town bears that spells a division's ("Nimruz")."""
    if len(fold_name(place.label)) < _MIN_LETTERS:
        return None
    towns = [c for c in gazetteer.lookup_exact(place.label) if c.kind == "town"]
    folded = fold_name(bare_name(place.label))
    named = [
        d
        for d in divisions_named(place.label)
        if fold_name(bare_name(d[1])) == folded
        or (
            (d[0] in countries or (place.place_type in _DIVISION_TYPES and not countries))
            and close(folded, fold_name(bare_name(d[1])))
        )
    ]
    if towns and place.place_type not in _DIVISION_TYPES:
        # a town's name: the division only where the largest town of the name lies in it
        # ("Meru" in Meru County), or one of them in a country the article points to; not
        # "San Martin", one of many towns, as the Peruvian region
        largest = max(towns, key=lambda c: c.population)
        named = [
            d
            for d in named
            if (largest.country_code, largest.admin1) == d
            or (d[0] in countries and any((c.country_code, c.admin1) == d for c in towns))
        ]
    return _pick(named, countries)


# "Zawal of Shindand district", "Municipality of Fresnillo": a name run on through "of"
_OF = re.compile(r"^(?P<head>[A-Z][^()]*?) of (?P<inner>[A-Z][^()]*)$")
_DIVISION_HEADS = frozenset({"municipality", "district", "county", "province", "governorate"})
_DISTRICT_WORDS = re.compile(r"\s+(?:lga|upazila|tehsil|sub-?county|municipality|district)$", re.I)


def as_districts(
    extraction: Extraction, resolved: dict[str, Geocode], gazetteer: Gazetteer
) -> Extraction:
    """The places ``resolved`` lacks whose name is that of one second-level division of the
    province the text puts them in ("Badah town (Larkana, Sindh)", "in Dilovasi (Kocaeli)",
    "Biu LGA (Borno)", "the Municipality of Fresnillo"): that district, placed at its point
    (``resolved`` gains it). A province inside another province is such a district too. A
    name the model ran on through "of" into such a district ("Zawal of Shindand district
    Herat") is a place inside the district, which becomes a place of its own."""
    text = extraction.article.text
    places = {p.key: p for p in extraction.places}
    retyped: dict[str, Place] = {}
    added: dict[str, Place] = {}
    for p in extraction.places:
        if (
            p.key in resolved
            or p.place_type not in _PLACED_TYPES
            or is_neighbourhood(p, text, gazetteer)
        ):
            continue
        outer = places.get(p.within or "")
        told = set(told_within(p, text, gazetteer))
        if outer is not None and outer.place_type is PlaceType.PROVINCE:
            told.update(divisions_named(outer.label))
        name, glued = _unglued(p.label)  # "Tuhayat Al Hudaydah": Tuhayat, in Al Hudaydah
        told |= glued
        of = _OF.match(name)
        inner = of is not None and of["head"].lower() not in _DIVISION_HEADS
        if of is not None:
            name = of["inner"]  # "Municipality of Fresnillo": Fresnillo
        if not told or (p.place_type is PlaceType.PROVINCE and outer is None and not glued):
            continue
        name = _DISTRICT_WORDS.sub("", bare_name(name))
        found = [c for c in gazetteer.districts(name) if (c.country_code, c.admin1) in told]
        if len(found) != 1 or (found[0].country_code, found[0].admin1) in divisions_named(p.label):
            continue
        if not inner:
            resolved[p.key] = geocode_of(found[0], 1.0)
            retyped[p.key] = dataclasses.replace(p, place_type=PlaceType.DISTRICT)
            continue
        key = name_key(name)
        spans = [
            Span(m.start + i, m.start + i + len(name), name)
            for m in p.mentions
            if (i := m.text.find(name)) > 0
        ]
        if key in places or key in added or not spans:
            continue
        added[key] = Place(key, name, PlaceType.DISTRICT, (spans[0],))
        resolved[key] = geocode_of(found[0], 1.0)
        retyped[p.key] = dataclasses.replace(p, within=key)
    if not retyped:
        return extraction
    return dataclasses.replace(
        extraction,
        places=tuple(retyped.get(p.key, p) for p in extraction.places) + tuple(added.values()),
    )


def _unglued(label: str) -> tuple[str, set[Division]]:
    """A name and the division glued after it in text without commas ("Tuhayat Al Hudaydah",
    "Mohmand Dara Nangarhar"), else the name and no division."""
    glued = glued_division(label)
    words = label.split()
    for n in range(1, min(3, len(words) - 1) + 1):
        if set(divisions_named(" ".join(words[-n:]))) & glued:
            return " ".join(words[:-n]), set(glued)
    return label, set()


def into_divisions(
    extraction: Extraction,
    resolved: dict[str, Geocode],
    countries: frozenset[str],
    gazetteer: Gazetteer,
    far: Mapping[str, Division] = MappingProxyType({}),
) -> Extraction:
    """The places ``resolved`` lacks, each made its division or put inside the division the
    text names for it; ``resolved`` gains the divisions' points. ``countries``: the ISO codes
    the article names or points to; ``far``: place key -> the division of the namesake the
    geocoder left off the map as too far from the article's other places, which is not the
    place's division either ("Elders of Dara ... in Nangarhar": not Syria's Daraa)."""
    text = extraction.article.text
    places = {p.key: p for p in extraction.places}
    by_division: dict[Division, str] = {}  # a division -> the key of its place
    for p in extraction.places:
        if p.place_type is PlaceType.PROVINCE:
            d = _pick(divisions_named(p.label), countries)
            if d is not None:
                by_division.setdefault(d, p.key)
    for p in list(places.values()):
        if (
            p.key in resolved
            or p.place_type not in _PLACED_TYPES
            or is_neighbourhood(p, text, gazetteer)
        ):
            continue
        told = told_within(p, text, gazetteer)
        itself = _itself(p, countries, gazetteer)
        if itself is not None and told and itself[0] not in {cc for cc, _ in told}:
            itself = None  # "Basra (Jowhar, Middle Shabelle)": not Iraq's province
        if itself is not None and far.get(p.key) == itself:
            itself = None
        if itself is not None:
            town = seat(gazetteer, itself)
            if town is not None:
                resolved[p.key] = geocode_of(town, 1.0)
                places[p.key] = dataclasses.replace(p, place_type=PlaceType.PROVINCE)
                by_division.setdefault(itself, p.key)
            continue
        if p.within is not None and p.within in resolved:
            continue
        division = (
            _pick(told, countries) if told else _pick(glued_division(p.label), countries, True)
        )
        if division is None:
            continue
        key = by_division.get(division)
        if key is None:
            town = seat(gazetteer, division)
            if town is None:
                continue
            key = name_key(division[1])
            if key in places:  # the name is another place's of the article
                continue
            places[key] = Place(key, division[1], PlaceType.PROVINCE, ())
            resolved[key] = geocode_of(town, 1.0)
            by_division[division] = key
        if key in resolved and key != p.key:
            target = places[p.key]
            if target.within is None:
                places[p.key] = dataclasses.replace(target, within=key)
            elif target.within in places and places[target.within].within is None:
                parent = places[target.within]  # its district GeoNames lacks: in the province
                if parent.key not in resolved and parent.key != key:
                    places[parent.key] = dataclasses.replace(parent, within=key)
    return dataclasses.replace(extraction, places=tuple(places.values()))
