"""kg.geo.namesakes: a name with no context stands for one town only when that town is the
only one spelt so, or far larger than the others, or the larger half of a divided town."""

from __future__ import annotations

from kg.geo.gazetteer import Candidate
from kg.geo.names import fold_name
from kg.geo.namesakes import greater_halves, margin, sole, unambiguous


def _lat(cc: str) -> float:
    """A latitude of its own for each made-up country (namesakes abroad lie far apart)."""
    return float(ord(cc[0]) - ord("A") + 1)


def _named(name: str, cc: str, population: int, main: bool = True) -> Candidate:
    return Candidate(1, name, "town", cc, _lat(cc), 1.0, population, "", main, True)


def test_a_city_abroad_with_the_name_only_as_a_foreign_name_does_not_outweigh_its_owners() -> None:
    city = _named("Varrna", "BB", 300_000, main=False)  # "wana" is one of its other names
    towns = [_named("Wana", "AA", 2_000), _named("Wana", "CC", 2_400)]  # the name is theirs
    assert unambiguous([city, *towns], "wana") == []
    assert unambiguous([city, *towns]) == [city]  # without the name looked up: as before
    spelling = _named("Shtipp", "BB", 300_000, main=False)  # "shtip" spelt "stip"
    assert unambiguous([spelling, *towns], "shtip") == [spelling]
    same_country = _named("Varrna", "AA", 300_000, main=False)
    assert unambiguous([same_country, towns[0]], "wana") == [same_country]


def test_a_famous_city_outweighs_villages_whose_own_name_its_old_name_is() -> None:
    city = _named("Mumbbai", "BB", 12_000_000, main=False)  # "bombbay": its old name
    village = _named("Bombbay", "AA", 800)
    assert unambiguous([city, village], "bombbay", "Bombbay") == [city]
    phrase = _named("Lowe House", "AA", 800)  # a phrase: the city's name's meaning in words
    assert unambiguous([city, phrase], fold_name("Lowe House"), "Lowe House") == []
    town = _named("Bombbay", "AA", 200_000)  # a hundred times more: not so famous
    assert unambiguous([city, town], "bombbay", "Bombbay") == []
    smaller = _named("Mumbbai", "BB", 900_000, main=False)  # no city of a million
    assert unambiguous([smaller, village], "bombbay", "Bombbay") == []


def test_the_sole_town_by_its_own_name_outweighs_villages_by_another_name() -> None:
    city = _named("Lowtown", "AA", 400_000)
    villages = [_named("Lowtawn", "BB", 5_000, main=False), _named("Lowtn", "CC", 500, False)]
    assert sole(city, [city, *villages])
    assert not sole(villages[0], [city, *villages])
    assert not sole(city, [city, _named("Lowtown", "BB", 600)])  # another's own name
    assert not sole(city, [city, _named("Lowtawn", "BB", 500_000, main=False)])  # large
    assert sole(villages[1], [villages[1]])  # the only town spelt so, whatever its size
    small = _named("Lowtown", "AA", 12_000)  # no large city: the villages stay namesakes
    assert not sole(small, [small, villages[1]])


def test_a_large_city_spelt_as_written_outweighs_a_city_spelt_otherwise_at_a_tenth() -> None:
    city = _named("Lowmasi", "AA", 2_500_000)
    other = _named("Lowmassi", "BB", 400_000)  # its own name, folded alike only
    assert unambiguous([city, other], fold_name("Lowmasi"), "Lowmasi") == [city]
    same = _named("Lowmasi", "BB", 600_000)  # spelt the same: two cities of the name
    assert unambiguous([city, same], fold_name("Lowmasi"), "Lowmasi") == []


def _city(gid: int, cc: str, population: int) -> Candidate:
    return Candidate(gid, "Lowtown", "town", cc, _lat(cc), 1.0, population, "", True, True)


def test_the_better_known_a_city_the_smaller_the_margin_it_needs_over_its_namesakes() -> None:
    folded = fold_name("Lowtown")
    capital, namesake = _city(1, "AA", 600_000), _city(2, "BB", 200_000)  # three times
    assert unambiguous([capital, namesake], folded, "Lowtown", frozenset({1})) == [capital]
    assert unambiguous([capital, namesake], folded, "Lowtown") == []  # no capital: 10 times
    close = _city(3, "CC", 300_000)  # twice: a capital's namesake of some size
    assert unambiguous([capital, close], folded, "Lowtown", frozenset({1})) == []
    small = _city(4, "AA", 40_000)  # a small capital five times a village
    assert unambiguous([small, _city(5, "BB", 8_000)], folded, "Lowtown", frozenset({4})) == [small]
    # a capital smaller than a namesake abroad is not it ("Victoria")
    assert unambiguous([small, namesake], folded, "Lowtown", frozenset({4})) == []
    famous, second = _city(6, "AA", 1_200_000), _city(7, "BB", 200_000)  # six times
    assert unambiguous([famous, second], folded, "Lowtown") == [famous]
    rival = _city(8, "BB", 300_000)  # four times: "Merida", "Hyderabad" may be either
    assert unambiguous([famous, rival], folded, "Lowtown") == []
    large = _city(9, "AA", 600_000)  # six times, no city of a million nor a capital
    assert unambiguous([large, _city(10, "BB", 100_000)], folded, "Lowtown") == []


def test_a_city_s_margin_falls_with_how_well_known_it_is() -> None:
    assert margin(_city(1, "AA", 20_000), frozenset({1})) == 2.5  # any capital
    assert margin(_city(1, "AA", 2_000_000)) == 5.0
    assert margin(_city(1, "AA", 200_000)) == 10.0
    assert margin(_city(1, "AA", 20_000)) is None  # a town never stands alone by its size


def _at(gid: int, name: str, cc: str, lat: float, population: int) -> Candidate:
    return Candidate(gid, name, "town", cc, lat, 30.0, population, "", True, True)


def test_the_lesser_half_of_a_town_a_border_divides_is_no_rival() -> None:
    greater = _at(1, "Lowtown", "AA", 10.0, 120_000)
    lesser = _at(2, "Lowtown", "BB", 10.01, 40_000)  # 1.1 km away, across the border
    far = _at(3, "Lowtown", "CC", 12.0, 40_000)  # a namesake 220 km away is a rival
    assert greater_halves([greater, lesser]) == [greater]
    assert greater_halves([greater, far]) == [greater, far]
    # without context the name is the larger half's; with a far namesake, no one's
    assert unambiguous([greater, lesser], "lowtown", "Lowtown") == [greater]
    assert unambiguous([greater, far], "lowtown", "Lowtown") == []
    assert sole(greater, [greater, lesser])
    assert not sole(lesser, [greater, lesser])
    assert not sole(greater, [greater, far])


def test_a_village_only_folded_alike_weighs_a_tenth_against_a_sole_city() -> None:
    city = _named("Lowtown", "AA", 120_000)
    village = _named("Lowtaun", "BB", 1_500)  # its own name, spelt otherwise
    assert sole(city, [city, village], "Lowtown")
    assert not sole(city, [city, village])  # the name as written unknown: a rival
    assert not sole(city, [city, _named("Lowtown", "BB", 1_500)], "Lowtown")  # spelt alike
