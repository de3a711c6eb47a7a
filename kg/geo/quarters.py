"""What the words around a place's name say it is (split from :mod:`kg.geo.local`): a district
("Warduj district", "the district of Jurm") or a part of a town ("Primavera neighborhood",
"Colonia Libertad", "the Majengo area of Mombasa"), whose namesakes elsewhere are other towns."""

from __future__ import annotations

import re

from kg.geo.gazetteer import Gazetteer
from kg.geo.suburb_of import container_first
from kg.model import Place, Span

__all__ = ["called_district", "is_neighbourhood"]

_QUARTER_WORDS = frozenset(
    {"neighborhood", "neighbourhood", "neighborhoods", "neighbourhoods", "colonia", "barrio"}
    | {"fraccionamiento", "suburb", "estate", "slum", "quarter", "district's"}
)

# "area" before the name of what it is part of: "area of Mombasa", "area (9 Nissan) in Baghdad",
# "area west of As-Saan"
_AREA_OF = re.compile(
    r"\s*area\b\s*(?:\([^()]{0,40}\)\s*)?"
    r"(?:of|in|,|(?:north|south|east|west)\w*\s+of)\s*\w",
    re.IGNORECASE,
)


def called_district(span: Span, text: str) -> bool:
    """The text calls the name a district: "Warduj district", "the district of Warduj"."""
    after = text[span.end : span.end + 10].lower().split()
    before = text[max(0, span.start - 13) : span.start].lower()
    return (bool(after) and after[0].startswith("district")) or before.endswith("district of ")


def is_neighbourhood(place: Place, text: str, gazetteer: Gazetteer | None = None) -> bool:
    """A part of a town ("Primavera neighborhood", "Colonia Libertad", "the Majengo area"):
    GeoNames' namesakes of it are other towns, so it is placed at a town of its sentence.
    With ``gazetteer``, not the large city "the Nairobi suburb of Kasarani" begins with
    (``kg.geo.suburb_of``)."""
    if place.label.split()[0].lower() in _QUARTER_WORDS:
        return True
    return any(
        _quarter_after(text, m.end)
        and not (
            gazetteer is not None and container_first(text, m.end, text[m.start : m.end], gazetteer)
        )
        for m in place.mentions
    ) or any(_word_before(text, m.start) in _NAMING_QUARTER_WORDS for m in place.mentions)


def _quarter_after(text: str, end: int) -> bool:
    """A quarter's word after a name: "Primavera neighborhood"; "area" only before the place
    the area is part of ("the Majengo area of Mombasa", "al-Jadida area (9 Nissan) in
    Baghdad"), as "the Ein Issa area" alone is the town and its surroundings."""
    word = _next_word(text, end)
    if word == "area":
        return _AREA_OF.match(text, end) is not None
    return word in _QUARTER_WORDS


# words that come before a quarter's name: "in Colonia Libertad" (the model may leave them out)
_NAMING_QUARTER_WORDS = frozenset({"colonia", "barrio", "fraccionamiento"})


def _next_word(text: str, end: int) -> str:
    """The word after a mention, without its punctuation ("neighborhood." -> "neighborhood")."""
    after = text[end : end + 24].lower().split()
    if not after:
        return ""
    bare = after[0].strip(
        ".,;:)]'\""
    )  # "in Santa Rita neighborhood." ("the Tuam area." is no quarter)
    return bare if bare in _NAMING_QUARTER_WORDS or bare.startswith("neighbo") else after[0]


def _word_before(text: str, start: int) -> str:
    before = text[max(0, start - 24) : start].lower().split()
    return before[-1].strip(".,;:([") if before and text[start - 1 : start] == " " else ""
