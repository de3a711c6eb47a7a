"""Names looked up in the gazetteer for the geocoder (kg/geo/lookup.py)."""

from __future__ import annotations

import pytest

from kg.geo import lookup
from kg.geo.choice import LARGE_CITY, SMALL_TOWN
from kg.geo.gazetteer import Candidate, Gazetteer, default_gazetteer
from kg.geo.lookup import candidates, capitals, sole_country


def test_acronyms_are_no_towns() -> None:
    # GeoNames lists airport codes among alternate names ("PP": Proserpine)
    gazetteer = default_gazetteer()
    assert candidates(gazetteer, "PP") == [] and candidates(gazetteer, "MLA") == []
    assert candidates(gazetteer, "Goma") != []


def test_a_name_glued_to_its_province_is_looked_up_by_its_leading_words() -> None:
    found = candidates(default_gazetteer(), "Torreon Coahuila")
    assert found and all(c.country_code == "MX" for c in found)


def test_a_province_named_without_its_kind_word_is_found_only_for_foreign_villages() -> None:
    gazetteer = default_gazetteer()
    benowa = candidates(gazetteer, "Benue")  # a village of Queensland by that name
    assert {c.admin1 for c in capitals(gazetteer, "Benue", frozenset(), benowa)} == {"Benue State"}
    assert capitals(gazetteer, "Benue", frozenset({"AU"}), benowa) == []  # Australia's own


def test_a_province_named_without_its_kind_word_is_found_past_another_name_of_a_town() -> None:
    gazetteer = default_gazetteer()
    towns = candidates(gazetteer, "Somogy")  # GeoNames also calls Pecs, in Baranya, so
    assert towns and not any(c.main_name for c in towns)
    found = capitals(gazetteer, "Somogy", frozenset({"HU"}), towns)
    assert {(c.country_code, c.admin1) for c in found} == {("HU", "Somogy County")}


def test_a_province_of_the_country_pointed_to_beats_a_city_abroad_of_its_bare_name() -> None:
    gazetteer = default_gazetteer()
    towns = candidates(gazetteer, "Gaza")  # the city in Palestine; Mozambique's Gaza Province
    found = capitals(gazetteer, "Gaza", frozenset({"MZ"}), towns)
    assert {(c.country_code, c.admin1) for c in found} == {("MZ", "Gaza Province")}
    assert capitals(gazetteer, "Gaza", frozenset({"IL"}), towns) == []  # the city's war


def test_a_names_candidates_are_looked_up_once_for_each_gazetteer(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    asked: list[tuple[Gazetteer, str]] = []
    looked_up = lookup._candidates_of

    def counted(gazetteer: Gazetteer, label: str) -> list[Candidate]:
        asked.append((gazetteer, label))
        return looked_up(gazetteer, label)

    monkeypatch.setattr(lookup, "_candidates_of", counted)
    gazetteer = default_gazetteer()
    first = candidates(gazetteer, "Lowtown Goma")
    assert candidates(gazetteer, "Lowtown Goma") is first
    assert asked == [(gazetteer, "Lowtown Goma")]
    other = Gazetteer(gazetteer.path)  # another index: its own answers
    try:
        assert candidates(other, "Lowtown Goma") == first
        assert asked == [(gazetteer, "Lowtown Goma"), (other, "Lowtown Goma")]
    finally:
        other.close()


def test_the_candidate_cache_is_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(lookup, "CACHE_SIZE", 2)
    gazetteer = Gazetteer(default_gazetteer().path)
    try:
        for name in ("Goma", "Bunia", "Beni", "Goma"):
            assert candidates(gazetteer, name) == candidates(default_gazetteer(), name)
        assert len(lookup._CANDIDATES[gazetteer]) <= 2
    finally:
        gazetteer.close()


def test_a_names_sole_country_is_worked_out_once_for_each_gazetteer(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    asked: list[tuple[str, bool]] = []
    uncached = lookup._sole_country

    def counted(gazetteer: Gazetteer, label: str, towns: bool, alone: bool) -> str:
        asked.append((label, towns))
        return uncached(gazetteer, label, towns, alone)

    monkeypatch.setattr(lookup, "_sole_country", counted)
    monkeypatch.setattr(lookup, "CACHE_SIZE", 2)
    gazetteer = Gazetteer(default_gazetteer().path)  # a fresh cache
    try:
        assert sole_country(gazetteer, "Garissa") == "KE"
        assert sole_country(gazetteer, "Garissa") == "KE"
        assert sole_country(gazetteer, "Garissa", towns=False) == uncached(
            gazetteer, "Garissa", False, False
        )
        assert asked == [("Garissa", True), ("Garissa", False)]
        assert sole_country(gazetteer, "Lowtown") == ""  # a third name: the cache starts again
        assert len(lookup._SOLE[gazetteer]) <= 2
        assert sole_country(gazetteer, "Garissa") == "KE"
        assert asked[-1] == ("Garissa", True) and len(asked) == 4
    finally:
        gazetteer.close()


def test_placed_by_preposition_is_the_locative_search_of_the_whole_text() -> None:
    from kg.geo.lookup import _LOCATIVE, placed_by_preposition

    text = (
        "Gunmen struck in Lowtown, within  al Hamra and near\tas  Sahil; (at Ridgefield) "
        "fighting at\n\nEastvale in  at  ar  the town near an Uplands"
    )
    hits = 0
    for end in range(len(text) + 1):
        expected = _LOCATIVE.search(text, 0, end) is not None
        assert placed_by_preposition(text, end) == expected, end
        hits += expected
    assert hits > 8  # after "in", "near\tas  ", "(at ", "at\n\n", "in  at  ar  " ...
    assert not placed_by_preposition("within ", 7)  # a word's end is no preposition
    assert placed_by_preposition("in ", 3)


@pytest.mark.parametrize(
    ("name", "country"),
    [("Garissa", "KE"), ("Garissa County", "KE"), ("Thika", "KE"), ("Kismayo", "SO")],
)
def test_a_name_of_one_countrys_towns_and_provinces_tells_that_country(
    name: str, country: str
) -> None:
    assert sole_country(default_gazetteer(), name) == country


@pytest.mark.parametrize("name", ["Paris", "Hyderabad", "Lowtown"])
def test_a_name_with_namesakes_abroad_or_unknown_tells_no_country(name: str) -> None:
    assert sole_country(default_gazetteer(), name) == ""


def test_a_name_the_text_calls_a_province_tells_its_provinces_country_alone() -> None:
    gazetteer = default_gazetteer()
    assert sole_country(gazetteer, "Garissa", towns=False) == "KE"  # Garissa County
    assert sole_country(gazetteer, "Thika", towns=False) == ""  # a town, no province


def test_villages_and_lesser_towns_tell_no_country() -> None:
    """A village the gazetteer lacks may bear the name of a town elsewhere: only a province
    or a city of ``LARGE_CITY`` or more tells its country, among towns of ``SMALL_TOWN`` or
    more of one country ("Hays" is a town of Kansas only, of 20,000 people)."""
    gazetteer = default_gazetteer()
    hays = [c for c in candidates(gazetteer, "Hays") if c.exact and c.population >= SMALL_TOWN]
    assert {c.country_code for c in hays} == {"US"}
    assert all(c.population < LARGE_CITY for c in hays)
    assert sole_country(gazetteer, "Hays") == ""
    assert all(c.population < SMALL_TOWN for c in candidates(gazetteer, "Zamfara"))
    assert sole_country(gazetteer, "Zamfara") == "NG"  # the state, not Romania's village


@pytest.mark.parametrize(
    ("name", "city"),
    [
        ("Maraand", "Marand"),  # a near spelling: fold_name merges doubled letters
        ("Bab", "Al Bab"),  # a part of many a name: fold_name drops the article
    ],
)
def test_a_city_only_folded_alike_tells_no_country(name: str, city: str) -> None:
    """The one large city folded like the name is spelt otherwise: the name may well be a
    village the gazetteer lacks, or a piece of a longer name, and tells no country; the
    city's own spelling does."""
    gazetteer = default_gazetteer()
    assert sole_country(gazetteer, name) == ""
    assert sole_country(gazetteer, city) != ""


def test_a_city_glued_to_its_province_tells_its_country() -> None:
    assert sole_country(default_gazetteer(), "Tijuana Baja California") == "MX"


@pytest.mark.parametrize(
    ("label", "town"), [("Mombasas CBD", "Mombasa"), ("Kisumus Kondele", "Kisumu")]
)
def test_a_possessive_without_its_apostrophe_names_its_town(label: str, town: str) -> None:
    found = candidates(default_gazetteer(), label)
    assert found and all(c.name == town and c.exact for c in found), found


def test_a_word_in_s_that_is_a_towns_own_name_or_a_villages_is_no_possessive() -> None:
    gazetteer = default_gazetteer()
    athens = candidates(gazetteer, "Athens Lowtown")  # the towns Athens, not a town "Athen"
    assert athens
    assert {c.geonames_id for c in athens} <= {c.geonames_id for c in gazetteer.lookup("Athens")}
    assert lookup._owner(gazetteer, "Witus", []) == []  # Witu: a village, no named parts
    assert lookup._owner(gazetteer, "Nairobi", []) == []


def test_a_large_city_by_its_own_name_is_enough_only_when_nothing_else_speaks() -> None:
    """GeoNames spells Ethiopia's Harar "Harare" too, as an alternate name: the name tells no
    country among others, but alone it is Zimbabwe's capital; a name shared by towns of their
    own names in several countries tells none even so."""
    gazetteer = default_gazetteer()
    assert sole_country(gazetteer, "Harare") == ""
    assert sole_country(gazetteer, "Harare", alone=True) == "ZW"
    assert sole_country(gazetteer, "Tripoli", alone=True) == ""  # Libya's and Lebanon's


def test_a_town_a_border_divides_tells_its_larger_halfs_country() -> None:
    # Rafah: Gaza's town and Egypt's smaller one, across the border from each other
    assert sole_country(default_gazetteer(), "Rafah") == "PS"
