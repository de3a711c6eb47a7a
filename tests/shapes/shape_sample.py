"""A hand-made extraction whose graph is the valid base of every shape case.

Names and titles carry characters that break naive Turtle or SPARQL building
(``<``, ``"``, ``\\``, ``{``), so the cases also check that hostile text survives the mapping.
"""

from __future__ import annotations

import datetime as dt

from rdflib import Graph

from kg.model import (
    Actor,
    ActorType,
    Article,
    Counts,
    DatePrecision,
    Event,
    Extraction,
    Geocode,
    GeoPrecision,
    Place,
    PlaceType,
    Relation,
    RelationKind,
    Span,
    TimeExpr,
)
from kg.rdf.mapping import to_graph

HOSTILE = 'A <b> "c" \\ d {e}'
TEXT = (
    f"Fighters of {HOSTILE} shelled Hama, Syria, on Monday, killing 3 civilians, SANA said. "
    "Thousands fled."
)


def span(needle: str, text: str = TEXT) -> Span:
    start = text.index(needle)
    return Span(start, start + len(needle), needle)


def sample_extraction() -> Extraction:
    first = span(TEXT.split(" Thousands")[0])
    second = span("Thousands fled.")
    article = Article(
        id="art-1",
        text=TEXT,
        title=f"{HOSTILE} shell Hama",
        url="https://example.org/news/1?a=b&c=d",
        published=dt.datetime(2024, 3, 5, 9, 30, tzinfo=dt.UTC),
        source='Agence {X} "Y"',
        origin="tests/shapes/sample.py",
    )
    actors = (
        Actor(
            "a-b-c-d-e",
            HOSTILE,
            ActorType.STATE_FORCES,
            (span(HOSTILE),),
            ('{e} "c"',),
            wikidata="Q123456789",  # made up
        ),
        Actor("civilians", "civilians", ActorType.CIVILIANS, (span("civilians"),)),
        Actor("sana", "SANA", ActorType.MEDIA, (span("SANA"),)),
    )
    places = (
        Place(
            "geonames-170017",
            "Hama",
            PlaceType.TOWN,
            (span("Hama"),),
            within="geonames-163843",
            geo=Geocode(170017, "Hama", "SY", 35.13179, 36.75783, 0.9),
        ),
        Place(
            "geonames-163843",
            "Syria",
            PlaceType.COUNTRY,
            (span("Syria"),),
            geo=Geocode(163843, "Syria", "SY", score=1.0),
        ),
    )
    events = (
        Event(
            "shelling-artillery-missile-attack",
            trigger=span("shelled"),
            sentence=first,
            agents=("a-b-c-d-e",),
            targets=("civilians",),
            places=("geonames-170017",),
            location="geonames-170017",
            geo_precision=GeoPrecision.PLACE,
            time=TimeExpr(span("Monday"), dt.date(2024, 3, 4), DatePrecision.DAY),
            counts=Counts(fatalities=3),
            reported_by=("sana",),
            confidence=0.85,
        ),
        Event("statement", trigger=span("said"), sentence=first, agents=("sana",), confidence=0.9),
        Event("displacement", trigger=span("fled"), sentence=second),
    )
    relations = (
        Relation(RelationKind.FIGHTING_AGAINST, "a-b-c-d-e", "civilians", first, "30-37"),
        Relation(RelationKind.ALLIES_OF, "a-b-c-d-e", "sana", first),
    )
    return Extraction(article, (first, second), actors, places, events, relations=relations)


def sample_graph() -> Graph:
    """The valid base graph: what the mapping writes for ``sample_extraction()``."""
    return to_graph(sample_extraction(), model_name="test-model")
