"""Where a statement the text places nowhere is put (``kg.geo.places``): where the story was
filed, else at its country's capital (precision 3); not at the first town of the story."""

from __future__ import annotations

import pytest

from kg.geo.gazetteer import Gazetteer, default_gazetteer
from kg.geo.geocode import Geocoder
from kg.model import Article, Event, Extraction, GeoPrecision, PlaceType, Span
from tests.geo.fakes import place_records

_FIGHT = "Soldiers clashed with rebels in Mosul on Monday."
_SAID = "A ministry spokesman said on Tuesday that more advisers would be sent."


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return default_gazetteer()


def _story(head: str, places: list[tuple[str, PlaceType]]) -> Extraction:
    text = f"{head}{_FIGHT}\n\n{_SAID}"
    records = place_records(text, places)
    fight_at, said_at = text.index(_FIGHT), text.index(_SAID)
    fight = Span(fight_at, fight_at + len(_FIGHT), _FIGHT)
    said = Span(said_at, said_at + len(_SAID), _SAID)
    mosul = next(p.key for p in records if p.label == "Mosul")
    clash_at, spoke_at = text.index("clashed"), text.index("said")
    events = (
        Event("armed-clash", Span(clash_at, clash_at + 7, "clashed"), fight, places=(mosul,)),
        Event("statement", Span(spoke_at, spoke_at + 4, "said"), said),
    )
    return Extraction(Article("t", text), (fight, said), (), records, events)


def _located(gazetteer: Gazetteer, extraction: Extraction) -> dict[str, tuple[str | None, ...]]:
    out = Geocoder(gazetteer).geocode(extraction, {"IQ": 1.0})
    labels = {p.key: p.label for p in out.places}
    return {
        e.event_type: (labels.get(e.location or ""), e.geo_precision and e.geo_precision.name)
        for e in out.events
    }


def test_a_statement_placed_nowhere_is_not_put_at_the_story_s_first_town(
    gazetteer: Gazetteer,
) -> None:
    located = _located(gazetteer, _story("", [("Mosul", PlaceType.TOWN)]))
    assert located["armed-clash"] == ("Mosul", GeoPrecision.PLACE.name)
    # at the country's capital, as ACLED puts a country's strategic developments
    assert located["statement"] == ("Baghdad", GeoPrecision.REGION.name)


def test_a_statement_placed_nowhere_is_put_where_the_story_was_filed(
    gazetteer: Gazetteer,
) -> None:
    story = _story("BAGHDAD - ", [("BAGHDAD", PlaceType.TOWN), ("Mosul", PlaceType.TOWN)])
    located = _located(gazetteer, story)
    assert located["statement"] == ("Baghdad", GeoPrecision.REGION.name)


def test_a_statement_told_of_another_country_is_not_at_the_articles_capital(
    gazetteer: Gazetteer,
) -> None:
    """ "Officials in Jordan said ...": said in another country than the story's, it is not
    put at the story's capital (Baghdad), whatever else the text leaves unsaid."""
    text = f"{_FIGHT}\n\nOfficials in Jordan said on Tuesday that more advisers would be sent."
    records = place_records(text, [("Mosul", PlaceType.TOWN), ("Jordan", PlaceType.COUNTRY)])
    fight = Span(0, len(_FIGHT), _FIGHT)
    said_at = text.index("Officials")
    said = Span(said_at, len(text), text[said_at:])
    spoke = text.index("said")
    events = (
        Event("armed-clash", Span(7, 14, "clashed"), fight, places=("mosul",)),
        Event("statement", Span(spoke, spoke + 4, "said"), said, places=("jordan",)),
    )
    extraction = Extraction(Article("t", text), (fight, said), (), records, events)
    located = _located(gazetteer, extraction)
    assert located["armed-clash"] == ("Mosul", GeoPrecision.PLACE.name)
    assert located["statement"] == (None, None)
