"""Extractions built by hand for the geocoder's tests."""

from __future__ import annotations

from kg.model import Article, Event, Extraction, Place, PlaceType, Span


def place_records(text: str, places: list[tuple[str, PlaceType]]) -> tuple[Place, ...]:
    """A place per (label, type), keyed by its label in lower case, at its first mention."""
    records = []
    for label, place_type in places:
        start = text.index(label)
        key = label.lower().replace(" ", "-")
        records.append(Place(key, label, place_type, (Span(start, start + len(label), label),)))
    return tuple(records)


def one_event(text: str, places: list[tuple[str, PlaceType]], trigger: str) -> Extraction:
    """An extraction of ``text`` with one attack at ``trigger``, whose place is the first of
    ``places`` (``place_records``)."""
    records = place_records(text, places)
    sentence = Span(0, len(text), text)
    start = text.index(trigger)
    event = Event(
        "attack",
        Span(start, start + len(trigger), trigger),
        sentence,
        places=(records[0].key,),
    )
    return Extraction(Article("t", text), (sentence,), (), records, (event,))
