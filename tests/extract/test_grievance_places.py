"""A protest's topic is no place of the protest where its sentence tells where it marched
("marched through the capital demanding justice for a killing in Upton"), in the rules'
places (kg/extract/event_places.py) and in the geocoder's location (kg/geo/places.py)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from kg.model import Article

pytestmark = pytest.mark.model

_LEAD = "Police fired tear gas at students in Belgrade, Serbia, on Saturday. "
_MARCH = (
    "Thousands of people had marched through the capital earlier, carrying banners demanding "
    "justice for the collapse of a bridge in Novi Sad that killed 15 people."
)


def _events(extractor: Any, text: str) -> list[tuple[str, list[str], str | None]]:
    result = extractor.extract_one(Article("t", text, published=dt.date(2025, 3, 16)))
    labels = {p.key: p.label for p in result.places}
    return [
        (e.trigger.text, [labels[k] for k in e.places], labels.get(e.location or ""))
        for e in result.events
    ]


def test_a_march_told_through_the_capital_is_not_at_its_grievance_s_town(
    extractor: Any,
) -> None:
    (march,) = [e for e in _events(extractor, _LEAD + _MARCH) if e[0] == "marched"]
    assert "Novi Sad" not in march[1], march


def test_the_geocoder_does_not_locate_the_march_at_its_grievance_s_town(
    geo_extractor: Any,
) -> None:
    (march,) = [e for e in _events(geo_extractor, _LEAD + _MARCH) if e[0] == "marched"]
    assert march[2] == "Belgrade", march


def test_a_protest_whose_topic_names_its_only_place_stays_there(extractor: Any) -> None:
    text = _LEAD + "Hundreds of residents protested over the killing of a teacher in Novi Sad."
    (protest,) = [e for e in _events(extractor, text) if e[0] == "protested"]
    assert protest[1][:1] == ["Novi Sad"], protest
