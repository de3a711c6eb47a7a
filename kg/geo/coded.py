"""Where a conflict-data coder says an event was placed: "(coordinates for Mau Narok used)",
"(location coded as Garba Tula with GP2, for unfound El Digale)", "in Tavros [coded as
Athens-Central Athens]", "coded in Lowtown (Hill District)", "Mt Elgon District (district
capital = Kapsakwony)".

ACLED's notes carry such remarks when the place the report names is not in their gazetteer;
the name given is where the coder put the event, so it is the place of every event of the
text, first. News never writes them, so the rule changes nothing elsewhere. A remark that names
no place ("coded as Security Belt Forces by default", "coded as Darfur communal militia",
"coded at district level") is left alone: the name must be capitalised words ending at a
bracket (a closing one, or one opening the place's containers), a comma, a full stop, or before
"with", "for" or "used".
"""

from __future__ import annotations

import dataclasses
import functools
import re

from kg.geo.blind import may_hold
from kg.keys import name_key
from kg.model import Extraction, Place, PlaceType, Span
from kg.resources import data_dir

__all__ = ["coded_places"]

_NAME = r"(?P<name>[A-Z][\w'\u2019]*(?:[ -](?:[A-Z][\w'\u2019]*|al|el|de|wa|of|ash|as|ad))*)"
_REMARKS = re.compile(
    r"(?i:coordinates (?:for|of)) " + _NAME + r" (?i:(?:were |was )?used)"
    r"|(?i:coded (?:as|to|at|in)) " + _NAME.replace("name", "coded") + r"(?=\s*(?:[\](),.;]|with\b"
    r"|for\b|$))"
    r"|(?i:(?:district|divisional|provincial) (?:capital|headquarters)) ?= ?"
    + _NAME.replace("name", "seat")
    + r"\s*\)"
)
# a word each remark has ("=": a seat's)
_REMARK_WORDS = ("coordinates", "coded", "=")
_NOT_PLACES = frozenset({"forces", "force", "militia", "group", "gangs", "gang", "army"})


def coded_places(extraction: Extraction) -> Extraction:
    """The extraction with the places the coder's remarks name made every event's first
    place (see the module docstring); unchanged when the text has no such remark."""
    text = extraction.article.text
    if not may_hold(text, _REMARK_WORDS):  # most articles: no search of the whole text
        return extraction
    names: list[Span] = []
    for m in _REMARKS.finditer(text):
        group = next(g for g in ("name", "coded", "seat") if m.group(g))
        words = m.group(group).lower().split()
        if _an_actors(text, m.end(group)):
            continue  # "coded as Al Shabaab (Somalia)": ACLED's name of an actor
        if m.group(group)[0].isupper() and not _NOT_PLACES.intersection(words):
            names.append(Span(m.start(group), m.end(group), m.group(group)))
    if not names:
        return extraction
    places = list(extraction.places)
    keys: list[str] = []
    for span in names:
        same = next(
            (
                p
                for p in places
                if any((m.start, m.end) == (span.start, span.end) for m in p.mentions)
            ),
            None,
        )
        if same is None:
            key = name_key(span.text)
            old = next((p for p in places if p.key == key), None)
            if old is None:
                places.append(Place(key, span.text, PlaceType.OTHER, (span,)))
            else:
                places[places.index(old)] = dataclasses.replace(old, mentions=(*old.mentions, span))
            keys.append(key)
        else:
            keys.append(same.key)
    first = tuple(dict.fromkeys(keys))
    return dataclasses.replace(
        extraction,
        places=tuple(places),
        events=tuple(
            dataclasses.replace(e, places=tuple(dict.fromkeys((*first, *e.places))))
            for e in extraction.events
        ),
    )


def _an_actors(text: str, end: int) -> bool:
    """Whether the name ending at ``end`` is followed by a bracket holding only a country or
    a span of years, as ACLED names an actor ("Civilians (Kenya)", "Police Forces of Kenya
    (2013-)"), not a place's containers ("Wadi Bara (Hill, Midland)")."""
    bracket = _BRACKET.match(text, end)
    if bracket is None:
        return False
    inside = bracket.group(1).strip()
    return inside.casefold() in _country_names() or bool(_YEARS.fullmatch(inside))


_BRACKET = re.compile(r"\s*\(([^()]*)\)")
_YEARS = re.compile(r"\d{4}\s*-\s*(?:\d{4})?")


@functools.cache
def _country_names() -> frozenset[str]:
    """The English names of the countries (``kg/data/countries.tsv``), case-folded."""
    rows = (data_dir() / "countries.tsv").read_text(encoding="utf-8").splitlines()
    cells = (row.split("\t") for row in rows if row and not row.startswith("#"))
    return frozenset(c[1].casefold() for c in cells if len(c) > 1)
