"""Place mentions that name no place of the article (kg/extract/placeless.py), on the real
model. Made-up sentences."""

from __future__ import annotations

from typing import Any

import pytest

from kg.extract.found import Found
from kg.extract.lexicon import load
from kg.extract.placeless import Placeless
from kg.model import PlaceType

pytestmark = pytest.mark.model


def _country(doc: Any, word: str) -> Found:
    i = next(t.i for t in doc if t.text == word)
    return Found("place", i, i + 1, word.lower(), word, place_type=PlaceType.COUNTRY)


@pytest.mark.parametrize(
    ("text", "word", "placeless"),
    [
        ("The shilling fell against the Lowland dollar on Monday.", "Lowland", True),
        ("Pro-Lowland factions shelled the town on Monday.", "Lowland", True),
        ("The Lowland Justice Movement (LJM) held a rally on Monday.", "Lowland", True),
        ("Rebels shelled a town in Lowland on Monday.", "Lowland", False),
    ],
)
def test_a_country_that_names_no_place_is_placeless(
    extractor: Any, text: str, word: str, placeless: bool
) -> None:
    doc = extractor.nlp(text)
    assert Placeless(load()).names_no_place(doc, _country(doc, word)) is placeless
