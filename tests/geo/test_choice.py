"""Choosing among namesakes without context (synthetic candidates)."""

from __future__ import annotations

import random
from typing import Any

import pytest

from kg.geo import options
from kg.geo.choice import (
    NEIGHBOURHOOD_KM,
    Context,
    abroad_than_said,
    bears,
    beside_pointed,
    borrowed,
    elsewhere_than_said,
    haversine_km,
    lone_abroad,
    stray,
    weight,
)
from kg.geo.gazetteer import Candidate, Gazetteer, default_gazetteer
from kg.geo.names import fold_name
from kg.geo.namesakes import unambiguous
from kg.geo.neighbours import Neighbours, near
from kg.geo.options import weighed_candidates
from kg.model import Geocode, Place, PlaceType


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return default_gazetteer()


def _lat(cc: str) -> float:
    """A latitude of its own for each made-up country, namesakes abroad lying far apart (not
    one town a border divides, ``greater_halves``)."""
    return float(ord(cc[0]) - ord("A") + 1)


def _town(gid: int, cc: str, population: int, main: bool = True, exact: bool = True) -> Candidate:
    return Candidate(gid, f"T{gid}", "town", cc, 1.0, 1.0, population, "", main, exact)


def test_a_town_bears_a_name_as_its_own_or_a_spelling_of_it() -> None:
    def named(name: str, main: bool) -> Candidate:
        return Candidate(1, name, "town", "AA", 1.0, 1.0, 5_000, "", main, True)

    assert bears(named("Lowtown", True), "Lowtown")
    assert bears(named("Lowtawn", False), "Lowtown")  # a transliteration of its own name
    assert bears(named("Al Qalbatirah", False), "Qalbeitra")  # the same consonants
    assert not bears(named("Zzyzx", False), "Lowshire")  # only another name listed for it


def test_a_namesake_by_an_alternate_name_weighs_less() -> None:
    main = _town(1, "AA", 300_000)
    alternate = _town(2, "BB", 120_000, main=False)  # the name is only one of its other names
    assert unambiguous([main, alternate]) == [main]


def test_two_towns_by_their_main_name_stay_ambiguous() -> None:
    assert unambiguous([_town(1, "AA", 300_000), _town(2, "BB", 120_000)]) == []


def test_a_large_city_s_own_name_outweighs_a_larger_city_that_has_it_as_another_name() -> None:
    def named(name: str, cc: str, population: int, main: bool = True) -> Candidate:
        return Candidate(population, name, "town", cc, _lat(cc), 1.0, population, "", main, True)

    capital = named("Lowabad", "AA", 600_000)  # the name is its own
    larger = named("Zzyzx", "BB", 3_900_000, main=False)  # the name is one of its other names
    village = named("Lowabad", "CC", 50_000)  # its own too, but a twelfth of the capital
    assert unambiguous([capital, larger, village], "lowabad", "Lowabad") == [capital]
    assert unambiguous([capital, larger, village]) == []  # the name as written not given
    # spelt otherwise, only folded alike ("Maasai" for Masai): a people's name, not the city
    assert unambiguous([capital, larger, village], "lowabad", "Lowaabad") == []
    rival = named("Lowabad", "CC", 100_000)  # another town by that name, more than a tenth
    assert unambiguous([capital, larger, rival], "lowabad", "Lowabad") == []
    small = named("Lowabad", "AA", 90_000)  # below a large city: no claim of its name alone
    assert unambiguous([small, named("Zzyzx", "BB", 800_000, False)], "lowabad", "Lowabad") == []
    giant = named("Zzyzy", "DD", 7_000_000, main=False)  # stands higher, though not by far
    assert unambiguous([capital, larger, giant], "lowabad", "Lowabad") == []


def test_the_far_largest_is_taken_whatever_its_name() -> None:
    large = _town(1, "AA", 120_000, main=False)
    assert unambiguous([large, _town(2, "AA", 2_000)]) == [large]


def test_a_lone_town_abroad_is_doubtful_only_when_the_article_points_elsewhere() -> None:
    town = _town(1, "AA", 20_000)
    elsewhere = Context(frozenset(), {"BB": 3.0, "AA": 1.0}, 3.0)
    own_vote_only = Context(frozenset(), {"AA": 1.0}, 1.0)
    assert lone_abroad(town, elsewhere)
    assert not lone_abroad(town, own_vote_only)


def test_a_loose_spelling_abroad_needs_a_whole_vote_behind_its_support() -> None:
    # "Lowtan Mara": its loose namesakes in BB and CC, and a third of a vote each for BB, CC
    # and DD from another name's namesakes: the largest vote, but no evidence of a country
    split = Context(frozenset(), {"BB": 1 / 3, "CC": 1 / 3, "DD": 1 / 3}, 1 / 3)
    actors = Context(frozenset(), {"BB": 2.0, "CC": 1 / 3}, 2.0)  # two mentions of BB's actors
    assert split.support("BB", frozenset()) == 1.0  # the largest vote: full support
    assert not split.backs_loosely("BB", frozenset())
    assert actors.backs_loosely("BB", frozenset()) and not actors.backs_loosely("CC", frozenset())


def test_a_loose_namesake_abroad_on_a_share_of_votes_is_no_candidate(gazetteer: Gazetteer) -> None:
    loose = [_town(1, "BB", 700, exact=False), _town(2, "CC", 5_000, exact=False)]
    split = Context(frozenset(), {"BB": 1 / 3, "CC": 1 / 3, "DD": 1 / 3}, 1 / 3)
    actors = Context(frozenset(), {"BB": 2.0, "CC": 1 / 3}, 2.0)
    place = Place("lowtan-mara", "Lowtan Mara", PlaceType.OTHER, ())
    assert weighed_candidates(gazetteer, place, loose, split) == []
    assert [c for c, _ in weighed_candidates(gazetteer, place, loose, actors)] == [loose[0]]


def test_a_namesake_outside_the_division_the_text_names_is_elsewhere() -> None:
    said = frozenset({("AA", "North")})
    village = _town(1, "AA", 3_000)  # the same name in another province (its admin1 is "")
    close_only = _town(3, "AA", 200_000, exact=False)  # only the consonants agree
    large = _town(4, "AA", 2_000_000)  # a large city: maybe the next item of a list
    abroad = _town(2, "BB", 40_000)  # a division's name matched loosely names some abroad
    assert elsewhere_than_said(village, said) and elsewhere_than_said(close_only, said)
    assert not elsewhere_than_said(large, said) and not elsewhere_than_said(abroad, said)
    assert not elsewhere_than_said(village, frozenset())  # the text names no division


def test_a_namesake_abroad_of_the_division_the_text_names_loses_unless_pointed_to() -> None:
    said = frozenset({("AA", "North")})  # "Zzq, North County": a division of AA
    sure = frozenset({"AA"})  # the article is sure of AA (names it, or a district of it)
    city = _town(1, "BB", 2_000_000)  # however large, in a country nothing points to
    nothing = Context(frozenset(), {"AA": 1.0}, 1.0)
    assert abroad_than_said(city, said, nothing, frozenset({"BB"}), sure)
    assert not abroad_than_said(_town(2, "AA", 300), said, nothing, frozenset({"AA"}), sure)
    named = Context(frozenset({"BB"}), {}, 0.0)  # the article names BB: maybe a list
    pointed = Context(frozenset(), {"BB": 2.0, "AA": 1.0}, 2.0)  # its actors point to BB
    assert not abroad_than_said(city, said, named, frozenset({"BB"}), sure)
    assert not abroad_than_said(city, said, pointed, frozenset({"BB"}), sure)
    # the name's own namesake is no vote for its country
    own_vote = Context(frozenset(), {"BB": 1.0, "AA": 1.0}, 1.0)
    assert abroad_than_said(city, said, own_vote, frozenset({"BB"}), sure)
    # a division of a country the article is not sure of: words read loosely after a name
    assert not abroad_than_said(city, said, nothing, frozenset({"BB"}), frozenset())
    assert not abroad_than_said(city, frozenset(), nothing, frozenset({"BB"}), sure)


def test_a_province_placed_already_anchors_a_stray_village() -> None:
    def at(cc: str, lat: float, admin1: str = "") -> Candidate:
        return Candidate(1, "T1", "town", cc, lat, 30.0, 500, admin1, True, True)

    province = Geocode(7, "Seat", "AA", -1.5, 30.0, "East")  # a province's point
    assert stray(at("BB", 2.0), [province])  # about 390 km away, in another country
    assert not stray(at("AA", -1.0), [province])  # nearby
    assert not stray(at("AA", 3.0, "East"), [province])  # far, but in the same province


def test_a_division_glued_to_the_name_rules_out_only_loose_namesakes() -> None:
    glued = frozenset({("AA", "North")})  # "Zzq North": maybe the town's own name
    assert not elsewhere_than_said(_town(1, "AA", 3_000), frozenset(), glued)
    assert elsewhere_than_said(_town(2, "AA", 3_000, exact=False), frozenset(), glued)


def test_a_town_beside_a_country_the_actors_point_to_is_near_their_war() -> None:
    def at(gid: int, cc: str, lat: float, lon: float) -> Candidate:
        return Candidate(gid, f"T{gid}", "town", cc, lat, lon, 500, "", True, True)

    seats = {"BB": [at(10, "BB", 47.2, 39.7)]}  # one province's largest town
    context = Context(frozenset(), {"BB": 3.0}, 3.0)  # the actors point to BB
    across_the_border = at(1, "AA", 47.3, 35.6)  # about 310 km away
    far_away = at(2, "CC", 53.5, -8.9)  # about 3,300 km away
    assert beside_pointed(across_the_border, context, lambda cc: seats.get(cc, []))
    assert not beside_pointed(far_away, context, lambda cc: seats.get(cc, []))
    nobody = Context(frozenset(), {}, 0.0)  # no country pointed to
    assert not beside_pointed(across_the_border, nobody, lambda cc: seats.get(cc, []))


def _named(name: str, cc: str, population: int, main: bool = True) -> Candidate:
    return Candidate(1, name, "town", cc, _lat(cc), 1.0, population, "", main, True)


def test_a_name_only_another_name_of_a_town_unlike_its_own_counts_a_tenth_of_its_size() -> None:
    nobody = Context(frozenset(), {}, 0.0)
    folded = fold_name("Lowtown")
    city = _named("Lowtown", "AA", 300_000)
    larger = _named("Highburgh", "AA", 2_000_000, main=False)  # GeoNames also calls it so
    assert weight(city, nobody, frozenset(), folded) > weight(larger, nobody, frozenset(), folded)
    spelling = _named("Lowtaun", "AA", 2_000_000, main=False)  # a transliteration: full size
    assert weight(spelling, nobody, frozenset(), folded) > weight(
        larger, nobody, frozenset(), folded
    )


def _any_near_by_scan(c: Candidate, points: list[tuple[str, Candidate]], own: str) -> bool:
    """The scan ``Neighbours`` replaces: the distance to every other place's point."""
    return any(
        haversine_km((c.latitude or 0.0, c.longitude or 0.0), (o.latitude, o.longitude))
        <= NEIGHBOURHOOD_KM
        for key, o in points
        if key != own and o is not c and o.latitude is not None and o.longitude is not None
    )


def _nearest_by_scan(c: Candidate, points: list[tuple[str, Candidate]], own: str) -> float | None:
    found = [
        km
        for key, o in points
        if key != own and o is not c and o.latitude is not None and o.longitude is not None
        if (km := haversine_km((c.latitude or 0.0, c.longitude or 0.0), (o.latitude, o.longitude)))
        <= NEIGHBOURHOOD_KM
    ]
    return min(found, default=None)


def test_neighbours_find_what_measuring_to_every_point_finds() -> None:
    rng = random.Random(7)
    for _ in range(40):
        # clustered points, some on the band's edge, some near the poles and the date line
        centre = (rng.uniform(-89, 89), rng.uniform(-180, 180))
        points = []
        for gid in range(rng.randint(1, 60)):
            lat = min(90.0, max(-90.0, centre[0] + rng.gauss(0, 2)))
            lon = (centre[1] + rng.gauss(0, 3) + 180) % 360 - 180
            located = rng.random() > 0.1
            c = Candidate(
                gid, f"T{gid}", "town", "AA", lat if located else None, lon, 500, "", True, True
            )
            points.append((f"k{gid % 20}", c))
        index = Neighbours(points)
        for key, c in points:
            if c.latitude is None:
                continue
            for own in (key, "", "k1"):
                assert index.any_near(c, own) == _any_near_by_scan(c, points, own)
                assert index.nearest_km(c, own) == _nearest_by_scan(c, points, own)
            edge = Candidate(
                0, "E", "town", "AA", c.latitude + 1.3490, c.longitude, 1, "", True, True
            )
            assert index.any_near(edge, "") == _any_near_by_scan(edge, points, "")


def test_a_namesake_near_another_place_gains_weight() -> None:
    here = Candidate(1, "Lowtown", "town", "AA", 10.0, 10.0, 500, "", True, True)
    far = Candidate(2, "Lowtown", "town", "BB", 40.0, 40.0, 500, "", True, True)
    other = Candidate(3, "Hightown", "town", "AA", 10.5, 10.5, 500, "", True, True)
    index = Neighbours([("lowtown", here), ("hightown", other)])
    weights = dict((c.geonames_id, w) for c, w in near([(here, 1.0), (far, 1.0)], index, "lowtown"))
    assert weights[1] > weights[2] == 1.0


def test_of_two_namesakes_near_the_articles_places_the_nearer_gains_more() -> None:
    # "Zzq village (Lowtown)": two Zzqs of one country within reach of Lowtown
    beside = Candidate(1, "Zzq", "town", "AA", 10.05, 10.0, 500, "", True, True)
    off = Candidate(2, "Zzq", "town", "AA", 10.9, 10.0, 900, "", True, True)  # ~100 km
    lowtown = Candidate(3, "Lowtown", "town", "AA", 10.0, 10.0, 50_000, "", True, True)
    index = Neighbours([("zzq", beside), ("lowtown", lowtown)])
    weights = dict((c.geonames_id, w) for c, w in near([(beside, 1.0), (off, 1.0)], index, "zzq"))
    assert weights[1] > weights[2] > 1.0
    loose = Candidate(4, "Zzqa", "town", "AA", 10.05, 10.0, 500, "", True, False)
    halved = dict((c.geonames_id, w) for c, w in near([(loose, 1.0)], index, "zzq"))
    assert halved[4] - 1.0 == pytest.approx((weights[1] - 1.0) / 2)


def test_an_alternate_name_borrowed_from_a_large_city_is_no_rival_to_it() -> None:
    capital = _town(1, "AA", 4_000_000)
    small = _town(2, "BB", 2_000, main=False)
    assert borrowed(small, [capital, small])
    assert not borrowed(capital, [capital, small])
    assert not borrowed(small, [_town(3, "AA", 90_000), small])  # no large city owns the name
    assert not borrowed(_town(4, "BB", 2_000), [capital])  # its own name
    assert not borrowed(_town(5, "BB", 500_000, main=False), [capital])  # a city, not a village


def test_the_dominant_namesake_is_worked_out_only_for_a_large_city_named_otherwise(
    gazetteer: Gazetteer, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[int] = []
    uncounted = options.unambiguous

    def counted(towns: list[Candidate], *args: Any) -> list[Candidate]:
        asked.append(len(towns))
        return uncounted(towns, *args)

    monkeypatch.setattr(options, "unambiguous", counted)
    named = Context(frozenset({"AA"}), {}, 0.0)  # the article names AA
    place = Place("lowtown", "Lowtown", PlaceType.TOWN, ())
    own_names = [_town(1, "AA", 5_000), _town(2, "BB", 900_000)]  # each its own name
    assert [c for c, _ in weighed_candidates(gazetteer, place, own_names, named)] == own_names
    assert asked == []  # the large city bears the name as its own: no need to weigh rivals
    other_name = [_town(1, "AA", 5_000), _town(3, "BB", 900_000, main=False)]
    assert [c for c, _ in weighed_candidates(gazetteer, place, other_name, named)] == [
        other_name[0]
    ]
    assert asked == [2]
