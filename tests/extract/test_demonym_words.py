"""Demonyms of two words (kg/extract/demonym_words.py): "South Sudanese" names South Sudan,
not Sudan, and the "African" of "a Central African town" is no town. Made-up sentences."""

from __future__ import annotations

from typing import Any

import pytest

from kg.extract.demonym_words import demonym_at, opens_demonym
from tests.extract.extracted import acled_events, extract

_DEMONYMS = {"sudanese": "SD", "south sudanese": "SS", "central african": "CF"}


@pytest.mark.parametrize(
    ("words", "i", "iso"),
    [
        (["a", "south", "sudanese", "town"], 2, "SS"),
        (["a", "south", "sudanese", "town"], 1, None),  # the name's first word: counted once
        (["a", "sudanese", "town"], 1, "SD"),
        (["a", "central", "african", "town"], 2, "CF"),
        (["a", "quiet", "town"], 1, None),
    ],
)
def test_the_country_a_word_names(words: list[str], i: int, iso: str | None) -> None:
    assert demonym_at(words, i, _DEMONYMS) == iso


def test_a_demonym_of_two_words_is_opened() -> None:
    assert opens_demonym("central", "african", _DEMONYMS)
    assert not opens_demonym("quiet", "african", _DEMONYMS)


@pytest.mark.model
def test_a_central_african_town_is_no_town_named_african(extractor: Any) -> None:
    text = "Rebels seized a Central African town on Monday, residents said."
    (taking,) = acled_events(extractor, text)
    assert not any("african" in p for p in taking.places)


@pytest.mark.model
def test_south_sudanese_names_south_sudan(extractor: Any) -> None:
    text = "Rebels seized a South Sudanese town on Monday, residents said."
    labels = {a.label for a in extract(extractor, text).actors}
    assert "Rebels (South Sudan)" in labels
