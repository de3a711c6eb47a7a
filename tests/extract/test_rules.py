"""Extraction rules on the real model: places, regions, containment, category labels."""

from __future__ import annotations

from typing import Any

import pytest

from kg.model import Article

pytestmark = pytest.mark.model


def _places(extractor: Any, text: str) -> dict[str, Any]:
    return {p.key: p for p in extractor.extract_one(Article("t", text)).places}


def test_a_place_after_a_comma_or_in_brackets_is_the_region(extractor: Any) -> None:
    places = _places(
        extractor, "On 1 February 2020 a bomb injured 3 civilians in Tarinkot city, Urozgan."
    )
    assert places["tarinkot"].within == "urozgan"


def test_containment_does_not_go_round_in_circles(extractor: Any) -> None:
    # regression: a cycle of regions once made the record builder loop forever
    text = (
        "Gunmen attacked a market in Kabul, Afghanistan on Friday. "
        "Police in Afghanistan (Kabul) said 3 people were killed."
    )
    places = _places(extractor, text)
    for place in places.values():
        seen = {place.key}
        outer = place.within
        while outer is not None:
            assert outer not in seen
            seen.add(outer)
            outer = places[outer].within if outer in places else None


def test_calendar_words_are_not_places(extractor: Any) -> None:
    places = _places(extractor, "On Thursday, Dec. 15, aircraft struck tanks near Palmyra.")
    assert "dec" not in places and "thursday" not in places
    assert "palmyra" in places


def test_a_category_label_gives_the_event_type(extractor: Any) -> None:
    text = "Movement of forces: On 7 May 2020, a Turkish column entered Syria via Kafr Lusin."
    events = extractor.extract_one(Article("t", text)).events
    assert [e.event_type for e in events if e.event_type != "statement"] == [
        "change-to-group-activity"
    ]
