"""Provinces written after the place they contain, and events given their place's chain."""

from __future__ import annotations

import random
from collections.abc import Callable
from pathlib import Path

import pytest

from kg.errors import ResourceError
from kg.geo import containers
from kg.geo.containers import as_provinces, division_over_villages, outgrown
from kg.geo.gazetteer import Candidate, default_gazetteer
from kg.geo.geocode import Geocoder
from kg.model import Article, Event, Extraction, GeoPrecision, PlaceType, Span
from tests.geo.fakes import place_records


def test_a_division_after_a_place_is_its_province() -> None:
    text = "Shells fell near Novosilka, Donetsk on Monday."
    places = place_records(text, [("Novosilka", PlaceType.OTHER), ("Donetsk", PlaceType.TOWN)])
    village, oblast = as_provinces(places, text, frozenset({"UA"}), {}, {})
    assert oblast.place_type is PlaceType.PROVINCE
    assert village.within == oblast.key


@pytest.mark.parametrize(
    "text",
    [
        "Two guards were killed in Lowtown district center, Kandahar on Monday.",
        "Militants attacked Lowtown district administration center Kandahar at dawn.",
        "A bomb went off near Lowtown district centre (Kandahar).",
    ],
)
def test_the_province_after_a_district_s_center_is_its_province(text: str) -> None:
    places = place_records(text, [("Lowtown", PlaceType.DISTRICT), ("Kandahar", PlaceType.OTHER)])
    district, province = as_provinces(places, text, frozenset({"AF"}), {}, {})
    assert province.place_type is PlaceType.PROVINCE
    assert district.within == province.key


def test_glued_and_bracketed_divisions() -> None:
    for text in ("A march in Jamay Jalisco ended.", "A march in Jamay (Jalisco) ended."):
        places = place_records(text, [("Jamay", PlaceType.OTHER), ("Jalisco", PlaceType.OTHER)])
        assert (
            as_provinces(places, text, frozenset({"MX"}), {}, {})[1].place_type
            is PlaceType.PROVINCE
        )


def test_a_division_named_alone_or_of_another_country_stays() -> None:
    text = "Protesters gathered in Aleppo; later in Marea, Aleppo."
    places = place_records(text, [("Aleppo", PlaceType.TOWN)])
    capital_in = {"aleppo": frozenset({"SY"})}  # GeoNames' Aleppo lies in Aleppo province
    assert as_provinces(places, text, frozenset({"SY"}), {}, capital_in)[0].place_type is (
        PlaceType.TOWN
    )
    text = "Shells fell near Novosilka, Donetsk on Monday."
    places = place_records(text, [("Novosilka", PlaceType.OTHER), ("Donetsk", PlaceType.TOWN)])
    towns_in = {"novosilka": frozenset({"MX"})}
    retyped = as_provinces(places, text, frozenset(), towns_in, {})
    assert retyped[1].place_type is PlaceType.TOWN


def test_a_division_split_from_a_longer_name_stays() -> None:
    text = "A body was found in Ensenada Baja California on Monday."
    places = place_records(
        text, [("Ensenada Baja", PlaceType.OTHER), ("California", PlaceType.OTHER)]
    )
    retyped = as_provinces(places, text, frozenset({"US", "MX"}), {}, {})
    assert retyped[1].place_type is PlaceType.OTHER


def test_the_province_is_placed_inside_itself_and_the_event_gets_the_chain() -> None:
    text = "Russian jets bombed Kafr Zaytoun Sharqi, Donetsk at dawn."
    places = place_records(
        text, [("Kafr Zaytoun Sharqi", PlaceType.OTHER), ("Donetsk", PlaceType.TOWN)]
    )
    sentence = Span(0, len(text), text)
    start = text.index("bombed")
    event = Event(
        "air-drone-strike",
        Span(start, start + 6, "bombed"),
        sentence,
        places=("kafr-zaytoun-sharqi",),
    )
    extraction = Extraction(Article("t", text), (sentence,), (), places, (event,))
    out = Geocoder(default_gazetteer()).geocode(extraction, votes={"RU": 1.0})
    oblast = next(p for p in out.places if p.place_type is PlaceType.PROVINCE)
    assert oblast.geo is not None and oblast.geo.country_code == "UA"
    (located,) = out.events
    assert located.location == oblast.key and located.geo_precision is GeoPrecision.REGION
    assert located.places == ("kafr-zaytun-sharki-ua", oblast.key)  # folded name + country


def test_a_division_named_alone_without_a_town_of_its_name_is_the_province() -> None:
    text = "Gunmen shot two men in Nuevo Leon on Monday."
    places = place_records(text, [("Nuevo Leon", PlaceType.OTHER)])
    (state,) = as_provinces(places, text, frozenset({"MX"}), {}, {})
    assert state.place_type is PlaceType.PROVINCE
    (city,) = as_provinces(places, text, frozenset({"MX"}), {}, {"nuevo-leon": frozenset({"MX"})})
    assert city.place_type is PlaceType.OTHER


def _village(cc: str, admin1: str, population: int, main: bool = True) -> Candidate:
    return Candidate(1, "V", "town", cc, 1.0, 1.0, population, admin1, main, True)


def test_a_division_s_name_whose_namesakes_are_villages_elsewhere_is_the_division() -> None:
    text = "Police found a mass grave in Michoacan on Monday."
    (place,) = place_records(text, [("Michoacan", PlaceType.OTHER)])
    village = _village("MX", "Chiapas", 574)
    assert division_over_villages(place, [village], frozenset())  # every namesake in Mexico
    assert division_over_villages(place, [village], frozenset({"MX"}))
    town = _village("MX", "Chiapas", 50_000)
    assert not division_over_villages(place, [town], frozenset({"MX"}))  # a town by that name
    by_alternate = _village("MX", "Chiapas", 50_000, main=False)
    assert division_over_villages(place, [by_alternate], frozenset({"MX"}))
    inside = _village("MX", "Michoacán", 574)
    assert not division_over_villages(place, [inside], frozenset({"MX"}))  # as_provinces' case
    abroad = _village("GT", "Peten", 574)
    assert not division_over_villages(place, [abroad], frozenset())  # nothing points to Mexico


def test_a_city_far_larger_than_the_division_of_its_name_is_the_city() -> None:
    text = "Missiles struck Kiev on Monday."  # GeoNames' name of Kyiv Oblast too
    (place,) = place_records(text, [("Kiev", PlaceType.OTHER)])
    seats = {("UA", "Kiev"): _village("UA", "Kiev", 200_000)}  # the oblast's largest town
    capital = _village("UA", "Kyiv City", 2_900_000, main=False)  # "Kiev" for Kyiv
    assert not division_over_villages(place, [capital], frozenset({"UA"}), _largest(seats))
    smaller = _village("UA", "Kyiv City", 1_500_000, main=False)  # only 7.5 times the seat
    assert division_over_villages(place, [smaller], frozenset({"UA"}), _largest(seats))
    assert division_over_villages(place, [capital], frozenset({"UA"}))  # no seat known


def test_outgrown_needs_a_large_city_larger_than_every_division_of_its_name() -> None:
    city = _village("AA", "Zzq City", 900_000, main=False)
    seats = {("AA", "Zzq"): _village("AA", "Zzq", 80_000)}
    assert outgrown(city, [("AA", "Zzq")], _largest(seats))
    assert not outgrown(city, [("AA", "Zzq"), ("AA", "Other")], _largest(seats))  # no seat
    town = _village("AA", "Zzq City", 90_000, main=False)  # below a large city
    assert not outgrown(town, [("AA", "Zzq")], _largest({("AA", "Zzq"): _village("AA", "Zzq", 10)}))


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        ("Missiles struck Kiev on Monday.", "Kyiv", PlaceType.OTHER),  # the capital
        ("Protesters rallied in Kiev, Ukraine.", "Kyiv", PlaceType.OTHER),
        ("Shelling hit villages in Kiev oblast.", "Bila Tserkva", PlaceType.PROVINCE),
        ("Floods struck Henan, China.", "Zhengzhou", PlaceType.PROVINCE),  # Hengyang: smaller
    ],
)
def test_a_bare_name_of_a_province_and_a_far_larger_city_is_the_city(
    text: str, name: str | None, kind: PlaceType
) -> None:
    label = next(w for w in ("Kiev oblast", "Kiev", "Henan") if w in text)
    country = next((w for w in ("Ukraine", "China") if w in text), "")
    places = [(label, PlaceType.OTHER)] + ([(country, PlaceType.COUNTRY)] if country else [])
    sentence = Span(0, len(text), text)
    extraction = Extraction(Article("t", text), (sentence,), (), place_records(text, places), ())
    done = Geocoder(default_gazetteer()).geocode(extraction)
    place = next(p for p in done.places if p.mentions and p.mentions[0].text == label)
    assert place.place_type is kind
    if name is not None:
        assert place.geo is not None and place.geo.name == name


def _largest(
    seats: dict[tuple[str, str], Candidate],
) -> Callable[[str, str], Candidate | None]:
    return lambda cc, admin1: seats.get((cc, admin1))


def test_a_division_s_name_is_placed_in_the_division_not_at_a_village_elsewhere() -> None:
    text = "Police found a mass grave in Michoacan on Monday."  # no country named
    places = place_records(text, [("Michoacan", PlaceType.OTHER)])
    extraction = Extraction(Article("t", text), (Span(0, len(text), text),), (), places, ())
    out = Geocoder(default_gazetteer()).geocode(extraction)
    state = next(p for p in out.places if "Michoacan" in [m.text for m in p.mentions])
    assert state.place_type is PlaceType.PROVINCE
    assert state.geo is not None and state.geo.admin1 == "Michoacán"


def test_a_province_named_without_its_kind_word_is_placed_at_its_capital() -> None:
    text = "Herders clashed with farmers in Benue on Monday."  # GeoNames: "Benue State"
    places = place_records(text, [("Benue", PlaceType.PROVINCE)])
    extraction = Extraction(Article("t", text), (Span(0, len(text), text),), (), places, ())
    out = Geocoder(default_gazetteer()).geocode(extraction)  # not Benowa, Queensland
    state = next(p for p in out.places if p.mentions)
    assert state.geo is not None and state.geo.admin1 == "Benue State"


def test_a_province_named_as_a_town_of_the_article_s_country_is_not_a_division_abroad() -> None:
    text = "Militiamen abducted six fishermen in Beni on Monday."  # Beni territory, Congo
    places = place_records(text, [("Beni", PlaceType.PROVINCE)])
    extraction = Extraction(Article("t", text), (Span(0, len(text), text),), (), places, ())
    out = Geocoder(default_gazetteer()).geocode(extraction, votes={"CD": 2.0})
    (beni,) = (p for p in out.places if p.mentions)
    assert beni.geo is not None and beni.geo.country_code == "CD"  # not Beni Department, Bolivia


def test_a_foreign_air_force_does_not_unplace_a_provincial_capital() -> None:
    text = "Russian jets bombed Idleb at dawn."
    places = place_records(text, [("Idleb", PlaceType.OTHER)])
    extraction = Extraction(Article("t", text), (Span(0, len(text), text),), (), places, ())
    out = Geocoder(default_gazetteer()).geocode(extraction, votes={"RU": 2.0})
    town = next(p for p in out.places if p.label == "Idlib" and p.geo is not None)
    assert town.geo is not None and town.geo.country_code == "SY"


def test_an_event_told_in_a_later_sentence_is_placed_at_a_town_of_its_place_s() -> None:
    text = "Crowds gathered at Riverside Mall in Soweto. Police dispersed the crowd."
    places = place_records(text, [("Riverside Mall", PlaceType.OTHER), ("Soweto", PlaceType.TOWN)])
    first, second = Span(0, 44, text[:44]), Span(45, len(text), text[45:])
    start = text.index("dispersed")
    event = Event(
        "protest-with-intervention",
        Span(start, start + 9, "dispersed"),
        second,
        places=("riverside-mall",),
    )
    extraction = Extraction(Article("t", text), (first, second), (), places, (event,))
    out = Geocoder(default_gazetteer()).geocode(extraction, votes={"ZA": 1.0})
    (located,) = out.events
    soweto = next(p for p in out.places if p.label == "Soweto")
    assert located.location == soweto.key and located.geo_precision is GeoPrecision.NEAR


def test_divisions_are_found_without_their_kind_word() -> None:
    from kg.geo.admin1 import divisions_named

    assert ("KE", "Garissa County") in divisions_named("Garissa")
    assert ("AF", "Paktika") in divisions_named("Paktika province")
    assert ("YE", "Şa‘dah") in divisions_named("Sadah")  # noqa: RUF001


def test_divisions_are_found_by_the_hand_kept_aliases(tmp_path: Path) -> None:
    from kg.geo.admin1 import admin1_aliases, divisions_named

    assert divisions_named("Wardak") == (("AF", "Maidan Wardak Province"),)
    assert ("IQ", "Salah ad Din") in divisions_named("Salahuddin")
    assert all(cc and alias and name for cc, alias, name in admin1_aliases())
    bad = tmp_path / "aliases.tsv"
    bad.write_text("AF\tWardak\tNo Such Province\n", encoding="utf-8")
    with pytest.raises(ResourceError, match="no division of AF"):
        admin1_aliases(bad)


@pytest.mark.parametrize("oblast", ["Zaporizhia", "Zaporizhzhia"])
def test_a_town_is_the_namesake_in_the_division_an_alias_names(oblast: str) -> None:
    text = f"Shells fell on Mykhailivka, {oblast}, on Tuesday."
    places = place_records(text, [("Mykhailivka", PlaceType.OTHER)])
    extraction = Extraction(Article("t", text), (Span(0, len(text), text),), (), places, ())
    out = Geocoder(default_gazetteer()).geocode(extraction, votes={"UA": 1.0})
    village = next(p for p in out.places if "Mykhailivka" in (p.label, *p.aliases))
    assert village.geo is not None and village.geo.admin1 == "Zaporizhzhia"


def test_a_province_known_by_an_alias_is_placed_at_its_largest_town() -> None:
    text = "Taliban fighters attacked a checkpoint in Wardak province."
    places = place_records(text, [("Wardak", PlaceType.PROVINCE)])
    extraction = Extraction(Article("t", text), (Span(0, len(text), text),), (), places, ())
    out = Geocoder(default_gazetteer()).geocode(extraction, votes={"AF": 1.0})
    (wardak,) = out.places
    assert wardak.key == "admin1-af-maidan-wardak-province"
    assert wardak.geo is not None and wardak.geo.country_code == "AF"


def test_the_other_places_countries_are_the_union_over_the_others() -> None:
    rng = random.Random(5)
    codes = ["AA", "BB", "CC", "DD", "EE"]
    for _ in range(500):
        towns_in = {
            f"k{i}": frozenset(rng.sample(codes, rng.randint(0, 3)))
            for i in range(rng.randint(0, 6))
        }
        many, once = containers._towns_countries(towns_in)
        for key in [*towns_in, "unknown"]:
            union = frozenset().union(*(c for k, c in towns_in.items() if k != key))
            assert many | (once - towns_in.get(key, frozenset())) == union


@pytest.mark.parametrize(
    ("text", "name", "pointed", "province"),
    [
        ("Tanks crossed into the Gaza Strip.", "Gaza Strip", frozenset(), True),
        ("Floods hit the Aosta Valley.", "Aosta Valley", frozenset(), True),
        # compass words and a head only: the division only where the article points
        ("Fires burned along the West Coast.", "West Coast", frozenset(), False),
        ("Fires burned along the West Coast.", "West Coast", frozenset({"NZ"}), True),
        ("Herders crossed the Lowtown Valley.", "Lowtown Valley", frozenset(), False),  # none
    ],
)
def test_a_region_spelt_as_a_division_is_that_province(
    text: str, name: str, pointed: frozenset[str], province: bool
) -> None:
    places = place_records(text, [(name, PlaceType.REGION)])
    (place,) = containers.regions_as_provinces(places, pointed)
    assert (place.place_type is PlaceType.PROVINCE) is province


def test_a_compass_region_beside_a_country_pointed_to_is_the_division() -> None:
    places = place_records("Fires burned along the West Coast.", [("West Coast", PlaceType.REGION)])
    (near,) = containers.regions_as_provinces(places, frozenset({"AU"}), lambda cc, a: cc == "NZ")
    assert near.place_type is PlaceType.PROVINCE
    (far,) = containers.regions_as_provinces(places, frozenset({"US"}), lambda cc, a: False)
    assert far.place_type is PlaceType.REGION


def test_a_headline_s_last_place_is_not_inside_the_dateline_s_town() -> None:
    text = "Militants kill soldiers near Tillaberi\n\nNIAMEY, May 22 (Reuters) - Militants killed."
    places = place_records(text, [("Tillaberi", PlaceType.TOWN), ("NIAMEY", PlaceType.TOWN)])
    headline, _ = as_provinces(places, text, frozenset({"NE"}), {}, {})
    assert headline.within is None
