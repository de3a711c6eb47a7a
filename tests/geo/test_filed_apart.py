"""A story filed from two towns ("YEREVAN/BAKU, Sept 15 (Reuters) -") has no town of its own:
an event the text puts only in a country is not put at either (``kg.geo.mentioned``)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from kg.model import Article, GeoPrecision

pytestmark = pytest.mark.model

_LEAD = (
    "Azerbaijani forces shelled Armenian positions along the border overnight, killing 15 "
    "soldiers, Armenia's defence ministry said on Tuesday."
)


def _shelling(geo_extractor: Any, text: str) -> Any:
    events = geo_extractor.extract_one(Article("t", text, published=dt.date(2022, 9, 15))).events
    return next(e for e in events if e.event_type == "shelling-artillery-missile-attack")


def test_a_story_filed_from_two_towns_puts_no_event_at_either(geo_extractor: Any) -> None:
    shelling = _shelling(geo_extractor, f"YEREVAN/BAKU, Sept 15 (Reuters) - {_LEAD}")
    assert shelling.location is None


def test_a_story_filed_from_one_town_puts_a_countrys_event_there(geo_extractor: Any) -> None:
    shelling = _shelling(geo_extractor, f"YEREVAN, Sept 15 (Reuters) - {_LEAD}")
    assert shelling.location == "geonames-616052"  # Yerevan
    assert shelling.geo_precision is GeoPrecision.REGION


def test_a_town_of_a_two_town_dateline_the_text_names_again_is_a_place(geo_extractor: Any) -> None:
    text = f"YEREVAN/BAKU, Sept 15 (Reuters) - {_LEAD} Protesters rallied in Yerevan on Friday."
    events = geo_extractor.extract_one(Article("t", text, published=dt.date(2022, 9, 15))).events
    rally = next(e for e in events if e.event_type == "peaceful-protest")
    assert rally.location == "geonames-616052"


def test_a_two_town_dateline_after_a_headline_is_no_events_town(geo_extractor: Any) -> None:
    text = (
        "Armenia and Azerbaijan trade blame over border shelling\n\n"
        f"YEREVAN/BAKU, Sept 15 (Reuters) - {_LEAD} Shells fell near Jermuk, a spa town. "
        "Protesters rallied in Yerevan on Friday."
    )
    assert _shelling(geo_extractor, text).location == "geonames-174884"  # Jermuk, told first


def test_a_place_the_text_implies_without_naming_it_may_still_place_an_event(
    geo_extractor: Any,
) -> None:
    # the bug: only places named outside a two-town dateline counted, so a place the
    # geocoder added with no mention of its own (here the town a road leads to) lost the event
    text = "On Monday, on the road that leads to La Flor, Durango, a man was found dead."
    events = geo_extractor.extract_one(Article("t", text, published=dt.date(2020, 5, 8))).events
    assert [e.location for e in events] == ["geonames-4002376"]


def test_the_towns_of_a_dateline_of_three_are_all_set_apart() -> None:
    from kg.geo.mentioned import filed_apart
    from kg.model import Place, PlaceType, Span

    text = "KYIV/MOSCOW/MINSK, March 3 (Reuters) - Talks in Lowtown failed."
    places = [
        Place(name.lower(), name, PlaceType.TOWN, (Span(at, at + len(name), name),))
        for name in ("KYIV", "MOSCOW", "MINSK", "Lowtown")
        for at in (text.index(name),)
    ]
    assert filed_apart(places, text) == {0, 5, 12}
