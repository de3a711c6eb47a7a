"""Which of "the X suburb of Y" contains the other.

English writes the phrase both ways: "the Dandora suburb of Nairobi" (Dandora in Nairobi) and
"the Port-au-Prince suburb of Carrefour", "the Nairobi suburb of Kasarani" (the second in the
first). The words do not say which; the gazetteer does: the first name is the container when
it is a large city (``LARGE_CITY``) larger than every town of the second name in its country
(a quarter GeoNames lacks counts as none). Then the first is no quarter (``kg.geo.local``
geocodes it as the town it is) and the second lies in it (``inside_first``), so its events
are found there when GeoNames lacks it. Else the first is the quarter, as before.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping

from kg.geo.choice import LARGE_CITY
from kg.geo.gazetteer import Gazetteer
from kg.model import Extraction, Geocode, PlaceType

__all__ = ["container_first", "inside_first"]

_QUARTER = (
    r"(?:suburbs?|neighbou?rhoods?|districts?|quarters?|outskirts|slums?|township|areas?"
    r"|estates?)"
)
# the words between the two names: " suburb of ", " neighbourhood of the "
_OF = re.compile(rf"\s+{_QUARTER}\s+of\s+(?:the\s+)?", re.IGNORECASE)
_NAME = re.compile(r"[A-Z][\w'\u2019-]*(?:\s+[A-Z][\w'\u2019-]*)*")
_WINDOW = 40  # characters read after the first name
# a city the text may call a district ("the Mogadishu district of Hodan")
_CONTAINERS = frozenset({PlaceType.TOWN, PlaceType.DISTRICT, PlaceType.OTHER})


def container_first(text: str, end: int, name: str, gazetteer: Gazetteer) -> bool:
    """Whether the name ``name`` ending at ``end`` is followed by " suburb of Y" (or another
    quarter's word) and contains Y by the gazetteer (see the module docstring)."""
    gap = _OF.match(text, end, min(len(text), end + _WINDOW))
    if gap is None:
        return False
    second = _NAME.match(text, gap.end())
    return second is not None and _larger(name, second.group(), gazetteer)


def _larger(first: str, second: str, gazetteer: Gazetteer) -> bool:
    towns = [c for c in gazetteer.lookup_exact(first) if c.kind == "town"]
    if not towns:
        return False
    city = max(towns, key=lambda c: c.population)
    if city.population < LARGE_CITY:
        return False
    rivals = [
        c.population
        for c in gazetteer.lookup_exact(second)
        if c.kind == "town" and c.country_code == city.country_code
    ]
    return city.population > max(rivals, default=0)


def inside_first(
    extraction: Extraction, resolved: Mapping[str, Geocode], gazetteer: Gazetteer
) -> Extraction:
    """The places written after "the X suburb of", where X contains them, put in X (unless
    the text already put them somewhere)."""
    text = extraction.article.text
    starts = {m.start: p.key for p in extraction.places for m in p.mentions}
    inside: dict[str, str] = {}
    for p in extraction.places:
        if p.key not in resolved or p.place_type not in _CONTAINERS:
            continue
        for m in p.mentions:
            gap = _OF.match(text, m.end, min(len(text), m.end + _WINDOW))
            inner = starts.get(gap.end()) if gap is not None else None
            if inner not in (None, p.key) and container_first(
                text, m.end, text[m.start : m.end], gazetteer
            ):
                inside.setdefault(str(inner), p.key)
    if not inside:
        return extraction
    places = tuple(
        dataclasses.replace(p, within=inside[p.key]) if p.key in inside and p.within is None else p
        for p in extraction.places
    )
    return dataclasses.replace(extraction, places=places)
