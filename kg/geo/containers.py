"""Provinces the extraction took for towns: "Pivnichne, Donetsk", "in Morelia Michoacan",
"Zardana in Idleb", "Halgan (Bulo Burto, Hiraan)".

A name that follows another place's name (after a comma, a bracket, "in", or glued to it as
text without commas writes "Torreon Coahuila") and that names a first-level division
(``kg.geo.admin1``) is that division, not its namesake town: the first place lies in it. Such a
place is retyped ``PROVINCE`` before geocoding, so it narrows the towns of its country to its
own (``kg.geo.geocode``) and is placed at its capital only when the text names nothing closer.
A name written alone ("clashes in Aleppo") keeps its type: it is usually the town.
"""

from __future__ import annotations

import dataclasses
import re

from kg.geo.admin1 import divisions_named
from kg.model import Place, PlaceType

__all__ = ["as_provinces"]

_RETYPED = frozenset({PlaceType.TOWN, PlaceType.OTHER})
# what may stand between a place and the division containing it
_BETWEEN = re.compile(
    r"\)?(?:\s+(?:district|county|lga|municipality|commune|city|town|village|area|camp)s?)?"
    r"\)?\s*(?:,|\(|\bin\b)?\s*(?:,|\(|\bin\b)?\s*",
    re.IGNORECASE,
)


def as_provinces(
    places: tuple[Place, ...], text: str, countries: frozenset[str]
) -> tuple[Place, ...]:
    """``places`` with the ones that name the division of another place retyped PROVINCE;
    ``countries``: the ISO codes the article points to (a division elsewhere is a namesake)."""
    ends = {m.end: p.key for p in places for m in p.mentions}
    inner = {p.within for p in places if p.within is not None}
    retyped: dict[str, Place] = {}
    contained: dict[str, str] = {}  # the place before a division -> the division's key
    for p in places:
        if p.place_type not in _RETYPED:
            continue
        if not any(cc in countries for cc, _ in divisions_named(p.label)):
            continue
        before = [k for m in p.mentions if (k := _follows(m.start, ends, text)) and k != p.key]
        if p.key in inner or before:
            retyped[p.key] = dataclasses.replace(p, place_type=PlaceType.PROVINCE)
            contained.update((k, p.key) for k in before)
    return tuple(
        retyped.get(p.key)
        or (
            dataclasses.replace(p, within=contained[p.key])
            if p.within is None and p.key in contained and p.place_type is not PlaceType.COUNTRY
            else p
        )
        for p in places
    )


def _follows(start: int, ends: dict[int, str], text: str) -> str | None:
    """The key of the place whose mention ends just before ``start`` (see ``_BETWEEN``)."""
    for end in range(start, max(0, start - 40) - 1, -1):
        key = ends.get(end)
        if key is not None and _BETWEEN.fullmatch(text, end, start) is not None:
            return key
    return None
