"""Where each war is fought (``kg.geo.fronts``) and how the geocoder weighs it
(``kg.geo.choice.FRONT_BONUS``, ``off_front``)."""

from __future__ import annotations

import datetime as dt

import pytest

from kg.geo.admin1 import admin1_names
from kg.geo.choice import Context, geocode_of, weight
from kg.geo.evidence import context_of
from kg.geo.fronts import front_divisions, fronts, off_front
from kg.geo.gazetteer import Candidate
from kg.model import Article, Event, Extraction, PlaceType, Span
from tests.geo.fakes import place_records

TEXT = "Shelling was reported near Lowtivka."


def _extraction(event_type: str, published: dt.date | None) -> Extraction:
    sentence = Span(0, len(TEXT), TEXT)
    event = Event(event_type, Span(0, 8, "Shelling"), sentence)
    return Extraction(Article("t", TEXT, published=published), (sentence,), (), (), (event,))


def test_every_front_is_divisions_of_its_country() -> None:
    fighting, all_fronts = fronts()
    assert {"armed-clash", "shelling-artillery-missile-attack"} <= fighting
    known = set(admin1_names().values())
    for front in all_fronts:
        assert front.divisions
        assert len({cc for cc, _ in front.divisions}) == 1
        assert all(name in known for _, name in front.divisions)
    donbas = {("UA", "Donetsk"), ("UA", "Luhansk")}
    assert any(f.divisions == donbas for f in all_fronts)


def test_fronts_count_for_a_report_of_fighting_published_since_they_opened() -> None:
    in_2020 = front_divisions(
        _extraction("shelling-artillery-missile-attack", dt.date(2020, 5, 1)), {}
    )
    assert {("UA", "Donetsk"), ("UA", "Luhansk")} <= in_2020
    assert ("UA", "Kherson") not in in_2020  # the front opened in 2022
    in_2023 = front_divisions(_extraction("armed-clash", dt.date(2023, 3, 1)), {})
    assert {("UA", "Donetsk"), ("UA", "Kherson")} <= in_2023
    undated = front_divisions(_extraction("armed-clash", None), {})
    assert ("UA", "Kherson") in undated


def test_no_front_counts_for_a_report_of_no_fighting() -> None:
    assert front_divisions(_extraction("peaceful-protest", dt.date(2020, 5, 1)), {}) == frozenset()


def test_no_front_counts_in_a_country_whose_provinces_the_text_names() -> None:
    named = {"UA": frozenset({"Poltava"})}
    found = front_divisions(_extraction("armed-clash", dt.date(2020, 5, 1)), named)
    assert not any(cc == "UA" for cc, _ in found)
    assert ("SY", "Idlib") in found  # another war's fronts still count


def _village(gid: int, admin1: str, population: int, lat: float = 48.0) -> Candidate:
    return Candidate(gid, "Lowtivka", "town", "UA", lat, 38.0, population, admin1, True, True)


FRONTS = Context(frozenset(), {"UA": 1.0}, 1.0, {}, frozenset({("UA", "Donetsk")}))


def test_the_namesake_at_the_front_outweighs_a_larger_one_elsewhere() -> None:
    front, quiet = _village(1, "Donetsk", 900), _village(2, "Poltava", 4_000)
    own = frozenset({"UA"})
    assert weight(front, FRONTS, own, "lowtivka") > weight(quiet, FRONTS, own, "lowtivka")
    no_war = Context(frozenset(), {"UA": 1.0}, 1.0)
    assert weight(front, no_war, own, "lowtivka") < weight(quiet, no_war, own, "lowtivka")


def test_a_province_the_text_names_outweighs_the_front() -> None:
    named = Context(frozenset(), {"UA": 1.0}, 1.0, {"UA": frozenset({"Poltava"})},
                    frozenset({("UA", "Donetsk")}))  # fmt: skip
    front, quiet = _village(1, "Donetsk", 900), _village(2, "Poltava", 900)
    own = frozenset({"UA"})
    assert weight(quiet, named, own, "lowtivka") > weight(front, named, own, "lowtivka")


@pytest.mark.parametrize(
    ("village", "context", "expected"),
    [
        (_village(1, "Poltava", 900), FRONTS, True),  # a quiet province's village: off
        (_village(1, "Donetsk", 900), FRONTS, False),  # at the front
        (_village(1, "Poltava", 40_000), FRONTS, False),  # a town, not a village
        (_village(1, "Poltava", 900), Context(frozenset(), {"UA": 1.0}, 1.0), False),  # no war
    ],
)
def test_a_village_off_the_front_in_a_report_of_fighting_is_left_off_the_map(
    village: Candidate, context: Context, expected: bool
) -> None:
    assert off_front(village, context, []) is expected


def test_a_village_off_the_front_near_a_place_resolved_surely_stays() -> None:
    village = _village(1, "Poltava", 900, lat=49.5)
    beside = geocode_of(_village(2, "Poltava", 20_000, lat=49.6), 1.0)
    far_away = geocode_of(_village(3, "Lviv", 20_000, lat=52.0), 1.0)
    assert not off_front(village, FRONTS, [beside])
    assert off_front(village, FRONTS, [far_away])


@pytest.mark.parametrize(
    ("label", "place_type", "counts"),
    [
        ("Lowtivka", PlaceType.OTHER, True),
        ("Mykolaiv", PlaceType.TOWN, False),  # a province's name, taken for its town
        ("Lowtivka Mykolaiv", PlaceType.OTHER, False),  # a province's name as last word
    ],
)
def test_a_province_any_place_s_name_ends_in_cancels_its_country_s_fronts(
    label: str, place_type: PlaceType, counts: bool
) -> None:
    text = f"Shelling was reported near {label}."
    sentence = Span(0, len(text), text)
    event = Event("armed-clash", Span(0, 8, "Shelling"), sentence)
    places = place_records(text, [(label, place_type)])
    extraction = Extraction(Article("t", text), (sentence,), (), places, (event,))
    context = context_of(extraction, frozenset(), {"UA": 1.0})
    assert (("UA", "Donetsk") in context.fronts) is counts
