"""An event whose sentence names no place is where the paragraph's previous event of armed
violence was (kg/extract/carried_places.py)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from kg.model import Article

pytestmark = pytest.mark.model

_LEAD = "Gunmen attacked a police checkpoint in Garissa, Kenya, on Monday."


def _labels(extractor: Any, text: str) -> list[list[str]]:
    result = extractor.extract_one(Article("t", text, published=dt.date(2021, 5, 7)))
    labels = {p.key: p.label for p in result.places}
    return [[labels[k] for k in e.places] for e in result.events]


def test_an_event_its_sentence_places_nowhere_is_where_the_attack_before_it_was(
    extractor: Any,
) -> None:
    places = _labels(extractor, f"{_LEAD} Soldiers returned fire, killing two of the attackers.")
    assert len(places) == 2
    assert places[1][:1] == ["Garissa"]  # not Kenya


@pytest.mark.parametrize(
    "rest",
    [
        " Separately, soldiers killed two bandits.",  # another happening
        "\nSoldiers killed two bandits on Tuesday.",  # another paragraph
        " On Wednesday, soldiers killed two bandits.",  # another day
    ],
)
def test_another_happening_paragraph_or_day_keeps_the_country(extractor: Any, rest: str) -> None:
    places = _labels(extractor, _LEAD + rest)
    assert len(places) == 2
    assert places[1] == ["Kenya"]


def test_a_site_named_again_is_where_its_event_was_on_another_day(extractor: Any) -> None:
    text = (
        "A strike on Monday hit two vehicles that had left a large militant headquarters near "
        "Garissa, Kenya.\nOn Wednesday, a strike hit the headquarters compound itself."
    )
    places = _labels(extractor, text)
    assert len(places) == 2
    assert places[1][:1] == places[0][:1] == ["Garissa"]


def test_a_site_not_named_before_keeps_the_country(extractor: Any) -> None:
    text = (
        "A strike on Monday hit two vehicles near Garissa, Kenya.\nOn Wednesday, a strike hit "
        "the headquarters compound."
    )
    places = _labels(extractor, text)
    assert places[1] == ["Kenya"]


def test_a_division_named_again_by_its_noun_alone_is_the_one_named_with_it(
    extractor: Any,
) -> None:
    text = (
        "LOWTOWN, Lowland, May 7 (AFP) - Police dispersed protesters in Lowtown on Friday.\n"
        "Rebels ambushed soldiers in the Upton regency on Thursday, killing three. "
        "The army said it had launched an operation.\n"
        "On Saturday, troops raided a village in the regency and killed two rebels."
    )
    places = _labels(extractor, text)
    assert places[-1][:1] == ["Upton"], places  # not the town the story was filed from
