"""A place an apposition puts in another: "Lowfield, a suburb of Hightown"
(kg/extract/place_settling.py ``_told_in``): the event is at the first, inside the second."""

from __future__ import annotations

from typing import Any

import pytest

from kg.model import Article, PlaceType

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    "text",
    [
        "Gunmen killed two people in Lowfield, a suburb of Hightown, on Monday.",
        "Gunmen killed two people in Lowfield, a poor neighbourhood of Hightown, on Monday.",
    ],
)
def test_the_event_is_at_the_place_the_apposition_puts_in_another(
    extractor: Any, text: str
) -> None:
    result = extractor.extract_one(Article("t", text))
    by_label = {p.label: p for p in result.places}
    assert by_label["Lowfield"].within == by_label["Hightown"].key
    (event,) = [e for e in result.events if e.event_type == "attack"]
    assert event.places[0] == by_label["Lowfield"].key


def test_a_suburb_the_gazetteer_has_is_where_the_event_is_found(geo_extractor: Any) -> None:
    text = "Gunmen killed two people in Carrefour, a suburb of Port-au-Prince, on Monday."
    result = geo_extractor.extract_one(Article("t", text))
    by_key = {p.key: p for p in result.places}
    (event,) = [e for e in result.events if e.event_type == "attack"]
    assert event.location is not None and by_key[event.location].label == "Carrefour"


@pytest.mark.parametrize(
    ("text", "place_type"),
    [
        ("Gunmen killed two people in Lowfield, a suburb of Hightown, on Monday.",
         PlaceType.TOWN),
        ("Gunmen killed two people in Lowfield, a remote district of Hightown, on Monday.",
         PlaceType.DISTRICT),
    ],
)  # fmt: skip
def test_the_apposition_s_noun_says_what_kind_of_place_it_is(
    extractor: Any, text: str, place_type: PlaceType
) -> None:
    """A suburb is a town's part; "a district of" makes no town of it."""
    result = extractor.extract_one(Article("t", text))
    by_label = {p.label: p for p in result.places}
    assert by_label["Lowfield"].place_type is place_type
