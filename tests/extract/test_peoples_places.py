"""kg.extract.entities: a country's demonym the model labels a place ("Ugandan police", GPE)
is the police's country, no place. Invented sentences, on the real model."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from kg.model import Article

pytestmark = pytest.mark.model


def _places(extractor: Any, text: str) -> set[str]:
    told = extractor.extract_one(Article("t", text, published=dt.date(2021, 1, 9)))
    return {p.label for p in told.places}


def test_a_demonym_before_its_noun_is_no_place(extractor: Any) -> None:
    text = "Ugandan police fired tear gas at students in the town of Lira on Thursday."
    places = _places(extractor, text)
    assert "Ugandan" not in places
    assert "Lira" in places


def test_the_country_named_stays_a_place(extractor: Any) -> None:
    assert "Uganda" in _places(extractor, "Police fired tear gas at students in Uganda.")
