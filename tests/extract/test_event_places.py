"""Which of a sentence's places an event is at (kg/extract/events.py, ``_places``)."""

from __future__ import annotations

from typing import Any

import pytest

from kg.model import Article

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    "text",
    [
        "Hundreds of women in Lowtown [Coast Province] took to the streets protesting drug abuse.",
        "Hundreds of traders in Lowtown [Hill Province] took to the streets over taxes.",
        "On 3 May 2021, gunmen attacked the police station in Lowtown (Lowtown, Hightown), and "
        "wounded three policemen.",
    ],
)
def test_a_place_in_brackets_after_a_place_is_where_it_lies_the_event_is_there_first(
    extractor: Any, text: str
) -> None:
    result = extractor.extract_one(Article("t", text))
    assert result.events and result.events[0].places[0] == "lowtown"


def test_a_place_in_brackets_after_a_preposition_is_no_container(extractor: Any) -> None:
    text = "Supporters held protests in Hightown (in Lowtown town) over the rigged primaries."
    result = extractor.extract_one(Article("t", text))
    assert result.events and result.events[0].places[0] == "lowtown"
