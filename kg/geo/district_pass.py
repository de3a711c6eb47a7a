"""The districts of an article placed (``kg.geo.geocode``): a place the model or the text
calls a district ("in Khakrez district, Kandahar", "Kaldar district Balkh") is looked up among
GeoNames' second-level divisions, in the province the text gives for it, and retyped as one."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping

from kg.geo.choice import Context, geocode_of
from kg.geo.gazetteer import Candidate, Gazetteer
from kg.geo.local import told_within
from kg.geo.lookup import GLUED_DISTRICT, district_of
from kg.geo.quarters import called_district
from kg.model import Extraction, Geocode, Place, PlaceType

__all__ = ["GLUED_TYPES", "VARIANT_TYPES", "placed_districts"]

GLUED_TYPES = frozenset({PlaceType.TOWN, PlaceType.OTHER, PlaceType.DISTRICT})
VARIANT_TYPES = frozenset({PlaceType.TOWN, PlaceType.OTHER})  # looked up by variants too


def placed_districts(
    gazetteer: Gazetteer,
    extraction: Extraction,
    provinces: Mapping[str, Place],
    towns: Mapping[str, list[Candidate]],
    context: Context,
) -> tuple[Extraction, dict[str, Geocode]]:
    """The districts placed (by key), a name the text calls a district retyped as one."""
    text = extraction.article.text
    placed: dict[str, Geocode] = {}
    retyped: dict[str, Place] = {}
    for p in extraction.places:
        glued = GLUED_DISTRICT.match(p.label) if p.place_type in GLUED_TYPES else None
        # "in Khakrez district, Kandahar": the text calls the name a district
        called = p.place_type in VARIANT_TYPES and any(called_district(m, text) for m in p.mentions)
        if p.place_type is PlaceType.DISTRICT or glued or called:
            within = provinces.get(p.within or "")
            told = told_within(p, text, gazetteer)
            district = district_of(gazetteer, p, within, context, told)
            if district is not None and called and not glued:
                own_province = (district.country_code, district.admin1)
                if any(
                    c.exact and (c.country_code, c.admin1) == own_province for c in towns[p.key]
                ):
                    district = None  # its namesake town there: "Shindand district": Shindand
            if district is not None:
                placed[p.key] = geocode_of(district, 1.0)
                if glued or called:  # "Kaldar district Balkh": the district, in its province
                    retyped[p.key] = dataclasses.replace(p, place_type=PlaceType.DISTRICT)
    if retyped:
        places = tuple(retyped.get(p.key, p) for p in extraction.places)
        extraction = dataclasses.replace(extraction, places=places)
    return extraction, placed
