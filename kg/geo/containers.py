"""Provinces the extraction took for towns: "Pivnichne, Donetsk", "in Morelia Michoacan",
"Zardana in Idleb", "Halgan (Bulo Burto, Hiraan)".

A name that follows another place's name (after a comma, a bracket, "in", or glued to it as
text without commas writes "Torreon Coahuila") and that names a first-level division
(``kg.geo.admin1``) is that division, not its namesake town: the first place lies in it. Such a
place is retyped ``PROVINCE`` before geocoding, so it narrows the towns of its country to its
own (``kg.geo.geocode``) and is placed at its capital only when the text names nothing closer.
A name written alone ("clashes in Aleppo") keeps its type: it is usually the town; a name
written with its kind ("Kakamega County", "Kandahar Province") is the division.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from collections.abc import Callable, Mapping

from kg.geo.admin1 import bare_name, divisions_named
from kg.geo.choice import LARGE_CITY, SMALL_TOWN
from kg.geo.gazetteer import Candidate
from kg.geo.names import fold_name
from kg.model import Place, PlaceType

__all__ = [
    "as_provinces",
    "division_over_villages",
    "in_own_division",
    "inside_itself",
    "outgrown",
    "regions_as_provinces",
]

_RETYPED = frozenset({PlaceType.TOWN, PlaceType.OTHER})
# what may stand between a place and the division containing it
_BETWEEN = re.compile(
    r"\)?(?:\s+(?:district|county|lga|municipality|commune|city|town|village|area|camp)s?)?"
    # "Maruf district (administration) center, Kandahar": the district's seat, in its province
    r"(?:\s+admin\w*)?(?:\s+(?:center|centre))?"
    r"\)?\s*(?:,|\(|\bin\b)?\s*(?:,|\(|\bin\b)?\s*",
    re.IGNORECASE,
)

_COMPASS_WORDS = frozenset(
    {"the", "north", "south", "east", "west", "northern", "southern", "eastern", "western"}
)

_WORD_BEFORE = re.compile(r"([^\W\d_]+) $")
OUTGROWN = 10  # a city this many times its namesake province's largest town is the name's


def as_provinces(
    places: tuple[Place, ...],
    text: str,
    countries: frozenset[str],
    towns_in: Mapping[str, frozenset[str]],
    capital_in: Mapping[str, frozenset[str]],
) -> tuple[Place, ...]:
    """``places`` with the ones that name the division of another place retyped PROVINCE, and
    a division's very name with no town of it ("in Nuevo Leon"). ``countries``: the ISO codes
    the article names or its actors point to; ``towns_in``: place key -> the countries of its
    namesake towns; ``capital_in``: those where such a town lies in a division of its name
    ("Idlib" in Idlib) or is a large city ("Buenos Aires"). The division must lie in a country
    of the place before it ("Tijuana Baja" + "California" is no Californian town), or one the
    article points to, or its namesake town's."""
    ends = {m.end: p.key for p in places for m in p.mentions}
    inner = {p.within for p in places if p.within is not None}
    retyped: dict[str, Place] = {}
    contained: dict[str, str] = {}  # the place before a division -> the division's key
    many, once = _towns_countries(towns_in)
    for p in places:
        if p.place_type not in _RETYPED:
            continue
        own = {cc for cc, _ in divisions_named(p.label)}
        # the countries of the other places' namesake towns
        elsewhere = countries | many | (once - towns_in.get(p.key, frozenset()))
        capital = capital_in.get(p.key, frozenset())
        if not towns_in.get(p.key, frozenset()) & countries:  # no namesake where it points
            elsewhere |= capital
        before = [
            k
            for m in p.mentions
            if (found := _follows(m.start, ends, text))
            and (k := found[0]) != p.key
            and not _longer_division(text, m.start, p.label)
            # written as a container ("X, Donetsk"): its capital's country will do
            and own & (towns_in.get(k, frozenset()) | elsewhere | (capital if found[1] else set()))
        ]
        alone = _alone(p, capital_in) and not any(
            _longer_division(text, m.start, p.label) for m in p.mentions
        )
        if ((p.key in inner or alone) and own & elsewhere) or _titled(p.label, own, elsewhere):
            before.append("")
        if before:
            retyped[p.key] = dataclasses.replace(p, place_type=PlaceType.PROVINCE)
            contained.update((k, p.key) for k in before if k)
    for key in set(retyped) & set(contained):  # "San Cristobal, Tachira": a town in a province
        del retyped[key]
    contained = {k: v for k, v in contained.items() if v in retyped}
    return tuple(
        retyped.get(p.key)
        or (
            dataclasses.replace(p, within=contained[p.key])
            if p.within is None and p.key in contained and p.place_type is not PlaceType.COUNTRY
            else p
        )
        for p in places
    )


def _towns_countries(
    towns_in: Mapping[str, frozenset[str]],
) -> tuple[frozenset[str], frozenset[str]]:
    """The countries of two places' namesake towns or more, and those of one place's: the
    countries of all places' but one's, without a union over the others for each place."""
    places = Counter(cc for ccs in towns_in.values() for cc in ccs)
    many = frozenset(cc for cc, n in places.items() if n > 1)
    return many, frozenset(places) - many


def _titled(label: str, own: set[str], elsewhere: frozenset[str]) -> bool:
    """A division named with its kind ("Kakamega County", "Kandahar Province") in one country,
    or in one the article points to: GeoNames' towns of its bare name are its capital."""
    if bare_name(label) == label or label.lower().endswith("district"):
        return False  # districts are second-level divisions, not admin1
    return len(own) == 1 or bool(own & elsewhere)


def _alone(place: Place, capital_in: Mapping[str, frozenset[str]]) -> bool:
    """A division's very name with no namesake town inside it ("in Nuevo Leon")."""
    folded = fold_name(place.label)
    spelt = any(fold_name(name) == folded for _, name in divisions_named(place.label))
    return spelt and not capital_in.get(place.key)


def _follows(start: int, ends: dict[int, str], text: str) -> tuple[str, bool] | None:
    """The key of the place whose mention ends just before ``start`` on its line (see
    ``_BETWEEN``; a headline's last place is not inside the dateline's town on the next line),
    and whether a comma, a bracket or "in" stands between them (not mere juxtaposition)."""
    for end in range(start, max(0, start - 40) - 1, -1):
        key = ends.get(end)
        if key is None:  # no mention ends there: no slice of the text made
            continue
        between = text[end:start]
        if "\n" not in between and _BETWEEN.fullmatch(between):
            return key, "," in between or "(" in between or " in " in f" {between} "
    return None


def _longer_division(text: str, start: int, label: str) -> bool:
    """Whether the word before the name makes a division's name with it: "Baja California"
    split as "Tijuana Baja" + "California" is no Californian place."""
    word = _WORD_BEFORE.search(text, max(0, start - 30), start)
    return word is not None and bool(divisions_named(f"{word.group(1)} {label}"))


def inside_itself(province: Place, towns: list[Candidate]) -> bool:
    """Whether one of the towns lies in a division the province's name denotes."""
    divisions = set(divisions_named(province.label))
    return any((c.country_code, c.admin1) in divisions for c in towns)


def in_own_division(
    place: Place, towns: list[Candidate], province: Place | None
) -> list[Candidate]:
    """A province is placed at a namesake town inside it, when GeoNames has one ("Donetsk"
    the oblast: Donetsk in Ukraine, not Donetsk in Rostov oblast); a place the text puts in a
    province ("Orikhove, Luhansk") is one of the towns in it, or none GeoNames has."""
    if place.place_type is PlaceType.PROVINCE:
        divisions = set(divisions_named(place.label))
        return [c for c in towns if (c.country_code, c.admin1) in divisions] or towns
    if province is not None and (divisions := set(divisions_named(province.label))):
        countries = {cc for cc, _ in divisions}
        return [
            c
            for c in towns
            if c.country_code not in countries or (c.country_code, c.admin1) in divisions
        ]
    return towns


def division_over_villages(
    place: Place,
    towns: list[Candidate],
    countries: frozenset[str],
    largest: Callable[[str, str], Candidate | None] = lambda cc, admin1: None,
) -> bool:
    """Whether a name spelt as a first-level division's, none of whose namesake towns lies in
    it, is that division: when no namesake in the division's country (nor in ``countries``,
    those the article names or points to) is a town of ``SMALL_TOWN`` by that very name
    ("Michoacan": a village of 574 in Chiapas, not the state; "Jalisco": Xalisco, Nayarit,
    only by an alternate name) or a large city that has the name, if only as an alternate,
    and outgrows the division (``outgrown``: "Kiev" is the capital, its own division, not
    the oblast around it), and the division lies in a country of ``countries``, or every
    namesake does ("Samburu": a village of Kwale County, Kenya, not Samburu County).
    ``largest``: a division's largest town, by (ISO code, admin1 name)."""
    if place.place_type not in _RETYPED or not towns:
        return False
    folded = fold_name(place.label)
    divisions = {
        d
        for d in divisions_named(place.label)
        if folded in (fold_name(d[1]), fold_name(bare_name(d[1])))
    }
    if not divisions or any((c.country_code, c.admin1) in divisions for c in towns):
        return False  # its town inside it: ``as_provinces`` tells the town from the division
    own = {cc for cc, _ in divisions}
    if not (own & countries or all(c.country_code in own for c in towns)):
        return False
    return not any(
        c.exact
        and (
            (c.main_name and c.population >= SMALL_TOWN)
            or outgrown(c, [d for d in divisions if d[0] == c.country_code], largest)
        )
        for c in towns
        if c.country_code in own | countries
    )


def outgrown(
    city: Candidate,
    divisions: list[tuple[str, str]],
    largest: Callable[[str, str], Candidate | None],
) -> bool:
    """Whether a large city (``LARGE_CITY``) is ``OUTGROWN`` times the largest town of each
    of the ``divisions`` of its name in its country: news writes "Kiev" for the capital,
    not for the oblast GeoNames also names so, whose largest town (Bila Tserkva) is a
    fourteenth of it; "Henan" stays the province, though Hengyang is also called so.
    A division with no town known is not outgrown."""
    if city.population < LARGE_CITY or not divisions:
        return False
    seats = [largest(cc, admin1) for cc, admin1 in divisions]
    return all(s is not None and city.population >= OUTGROWN * s.population for s in seats)


def regions_as_provinces(
    places: tuple[Place, ...],
    pointed: frozenset[str],
    beside: Callable[[str, str], bool] = lambda cc, admin1: False,
) -> tuple[Place, ...]:
    """``places`` with each region (a name ending in a word such as "strip", "valley",
    "bank") that is spelt as one country's first-level division retyped ``PROVINCE``: "the
    Gaza Strip" and "the Aosta Valley" are divisions GeoNames has, placed at their largest
    town. A name of compass words and its head only ("the West Bank", "the West Coast") is
    the division only in an article that names or points to its country (``pointed``), or
    to a country beside it (``beside``: whether a country's division, by ISO code and name,
    lies near a country the article points to): "Israeli forces raided the West Bank", not
    New Zealand's West Coast in an article on the United States."""
    retyped = []
    for p in places:
        if p.place_type is PlaceType.REGION:
            label = re.sub(r"^the\s+", "", p.label.strip(), flags=re.I)
            spelt = [d for d in divisions_named(label) if fold_name(d[1]) == fold_name(label)]
            proper = any(w.lower() not in _COMPASS_WORDS for w in label.split()[:-1])
            if len({cc for cc, _ in spelt}) == 1 and (
                proper or spelt[0][0] in pointed or beside(*spelt[0])
            ):
                p = dataclasses.replace(p, place_type=PlaceType.PROVINCE)
        retyped.append(p)
    return tuple(retyped)
