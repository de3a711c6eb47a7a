"""The periods a toll is counted over (kg/extract/toll_periods.py), on the real model."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from kg.extract import parse_tree
from kg.extract.toll_periods import TollWords, long_stretch, one_year, period

pytestmark = pytest.mark.model

_WORDS = TollWords(
    conflicts=frozenset({"war", "conflict"}),
    units=frozenset({"year", "decade"}),
    tally_adverbs=frozenset({"so", "far", "alone"}),
    habit_adverbs=frozenset(),
    claim_nouns=frozenset(),
    waves=frozenset({"protests"}),
)
_REFERENCE = dt.date(2024, 3, 4)


def _child(extractor: Any, text: str, word: str) -> tuple[parse_tree.Tree, int]:
    doc = extractor.nlp(text)
    return parse_tree.tree(doc), next(t.i for t in doc if t.lower_ == word)


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("The conflict has killed 5,000 people since 2011.", "since", True),
        ("Clashes have raged in Lowtown since Sunday.", "since", False),
        ("Bandits have killed thousands of people over the past decade.", "over", True),
        ("The group has carried out 40 attacks to date.", "to", True),
    ],
)
def test_a_period_is_long_from_a_year_ago_or_over_a_stretch(
    extractor: Any, text: str, word: str, expected: bool
) -> None:
    t, c = _child(extractor, text, word)
    assert period(t, c, _WORDS, _REFERENCE) is expected


def test_a_stretch_in_the_past_and_one_year(extractor: Any) -> None:
    t, c = _child(extractor, "Bandits killed 300 people during the war in Lowland.", "during")
    assert long_stretch(t, c, _WORDS)
    t, c = _child(extractor, "Bandits killed 300 people in 2023 in Lowland.", "in")
    assert one_year(t, c) and not long_stretch(t, c, _WORDS)
