"""The article's countries from the evidence of its words (``kg.geo.evidence``)."""

from __future__ import annotations

import pytest

from kg.geo.evidence import home_country, weak_votes
from kg.geo.gazetteer import Candidate
from kg.model import Geocode


def _town(cc: str, *, exact: bool = True) -> Candidate:
    return Candidate(1, "Lowtown", "town", cc, 1.0, 2.0, 5_000, "", True, exact)


def test_a_name_spelt_exactly_shares_one_vote_among_its_namesakes_countries() -> None:
    towns = {
        "lowtown": [_town("AA"), _town("BB"), _town("BB")],
        "hightown": [_town("AA"), _town("CC", exact=False)],
    }
    weak = weak_votes({"AA": 2.0, "": 5.0}, towns)
    assert weak == pytest.approx({"AA": 2.0 + 0.5 + 1.0, "BB": 0.5})


def _geocode(cc: str, *, point: bool = True) -> Geocode:
    return Geocode(1, "Lowtown", cc, 1.0 if point else None, 2.0 if point else None)


@pytest.mark.parametrize(
    ("resolved", "named", "expected"),
    [
        ({"a": _geocode("AA"), "b": _geocode("AA"), "c": _geocode("BB")}, frozenset(), "AA"),
        ({"a": _geocode("AA"), "b": _geocode("BB")}, frozenset({"CC"}), "CC"),  # a tie
        ({"a": _geocode("AA", point=False)}, frozenset({"AA", "BB"}), ""),  # a country, no town
    ],
)
def test_the_home_country_is_where_most_towns_lie_else_the_one_named(
    resolved: dict[str, Geocode], named: frozenset[str], expected: str
) -> None:
    assert home_country(resolved, named) == expected


def test_a_town_the_text_puts_in_a_country_counts_and_the_votes_break_a_tie() -> None:
    """Regression: "... the southern Lebanese village of X" (no GeoNames entry) and a
    geocoded town across the border: the one geocoded town's country keyed an unknown town of
    the article's own country as its neighbour's."""
    resolved = {"a": _geocode("BB"), "land": _geocode("AA", point=False)}
    named = frozenset({"AA", "BB"})
    assert home_country(resolved, named) == "BB"
    said = {"village": "AA"}
    assert home_country(resolved, named, said, {"AA": 13.0, "BB": 3.0}) == "AA"
    assert home_country(resolved, named, said, {"AA": 3.0, "BB": 3.0}) == ""
