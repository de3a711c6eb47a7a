"""Places GeoNames lacks, inside another place the text names right after them.

News places a small place by a better-known one: "the Ghari Kamarband area of Chora
district", "a checkpoint on Partizan hill in Haftanin region", "a protest at Hofgartenwiesen
in Bonn". When the gazetteer has no entry for the first name, the second is where the event
is found on a map, and the one a coder records (ACLED codes the nearest place it can find).
So a place GeoNames lacks, written right before another place of the article with only a
kind word, a short bracket and "in", "of" or "at" between them, lies in that place: its
events take it as one of their places and, when it is a town GeoNames has, are located there
(``kg.geo.places``).

"Near" and "outside" are no such link (the place is not inside the other), nor is a comma
alone: it also separates the items of a list ("captured A, B and C"), and the divisions after
a comma are read elsewhere (``kg.geo.local``, ``kg.geo.regions``).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping

from kg.model import Extraction, Geocode, Place, PlaceType

__all__ = ["inside_next"]

_KIND = (
    r"(?:area|areas|village|villages|hamlet|town|city|camp|camps|hill|hills|mountain|mountains"
    r"|valley|front|frontline|region|sector|neighbou?rhood|quarter|locality|settlement|farm"
    r"|farms|junction|crossing|checkpoint|bridge|road|market|base|outpost|post|district|county"
    r"|sub-?district|municipality|commune|zone)"
)
# what may stand between a place and the place it lies in: "area of", "hill (Kurdish name)
# in", "village in the"
_GAP = re.compile(
    rf"\s*(?:{_KIND}\s*)?(?:\([^()]{{1,30}}\)\s*)?"
    r"(?:in|of|at)"
    rf"\s+(?:the\s+)?(?:(?:{_KIND})\s+of\s+(?:the\s+)?)?",
    re.IGNORECASE,
)
_LESSER_TYPES = frozenset({PlaceType.TOWN, PlaceType.OTHER})
_CONTAINER_TYPES = frozenset(
    {PlaceType.TOWN, PlaceType.OTHER, PlaceType.DISTRICT, PlaceType.PROVINCE}
)
_WINDOW = 60  # characters between the two names, at most


def inside_next(extraction: Extraction, resolved: Mapping[str, Geocode]) -> Extraction:
    """The places ``resolved`` lacks put in the town or district named right after them."""
    text = extraction.article.text
    places = {p.key: p for p in extraction.places}
    starts = {
        m.start: p.key
        for p in extraction.places
        if p.place_type in _CONTAINER_TYPES
        for m in p.mentions
    }
    inside: dict[str, str] = {}
    for p in extraction.places:
        if p.key in resolved or p.within is not None or p.place_type not in _LESSER_TYPES:
            continue
        outer = _next_place(p, text, starts)
        if outer is None or outer == p.key or _contains(places, outer, p.key):
            continue
        inside[p.key] = outer
    if not inside:
        return extraction
    return dataclasses.replace(
        extraction,
        places=tuple(
            dataclasses.replace(p, within=inside[p.key]) if p.key in inside else p
            for p in extraction.places
        ),
    )


def _next_place(place: Place, text: str, starts: Mapping[int, str]) -> str | None:
    """The key of the place whose mention follows one of ``place``'s across a gap (``_GAP``)."""
    for m in place.mentions:
        gap = _GAP.match(text, m.end, min(len(text), m.end + _WINDOW))
        if gap is not None and gap.end() in starts:
            return starts[gap.end()]
    return None


def _contains(places: Mapping[str, Place], key: str, inner: str) -> bool:
    """Whether ``inner`` is ``key`` or one of the places ``key`` lies in (no cycle)."""
    seen: set[str] = set()
    while key in places and key not in seen:
        if key == inner:
            return True
        seen.add(key)
        key = places[key].within or ""
    return key == inner
