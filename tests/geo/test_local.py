"""The divisions the words after a place's name put it in."""

from __future__ import annotations

import pytest

from kg.geo.gazetteer import Gazetteer, default_gazetteer
from kg.geo.local import told_within
from kg.model import Place, PlaceType, Span


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return default_gazetteer()


def _place(text: str, label: str) -> Place:
    start = text.index(label)
    return Place("p", label, PlaceType.TOWN, (Span(start, start + len(label), label),))


@pytest.mark.parametrize(
    ("text", "label", "division"),
    [
        ("Dockworkers marched in Annaba (Annaba) over wages.", "Annaba", ("DZ", "Annaba")),
        ("Farmers rallied in Kota city (Kota, Rajasthan) on Monday.", "Kota", ("IN", "Rajasthan")),
        ("Shells fell near Slavne, Donetsk, at night.", "Slavne", ("UA", "Donetsk")),
        ("Jets struck Nayrab in Idleb countryside.", "Nayrab", ("SY", "Idlib")),
        ("Crowds gathered in Colon (Colon on Friday.", "Colon (Colon", ("PA", "Colón")),
    ],
)
def test_the_province_after_a_town_is_read(
    gazetteer: Gazetteer, text: str, label: str, division: tuple[str, str]
) -> None:
    assert division in told_within(_place(text, label), text, gazetteer)


@pytest.mark.parametrize(
    "text",
    [
        "Gunmen shot two traders in Kotalak, killing both.",
        "Police fired tear gas in Kotalak (TS) at dawn.",
        "Protesters blocked the road in Kotalak and the market.",
    ],
)
def test_words_that_name_no_division_give_none(gazetteer: Gazetteer, text: str) -> None:
    assert told_within(_place(text, "Kotalak"), text, gazetteer) == frozenset()
