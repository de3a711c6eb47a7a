"""Towns written with their province, found whatever the entity model made of them."""

from __future__ import annotations

import pytest

from kg.geo.gazetteer import Gazetteer, default_gazetteer
from kg.geo.geocode import Geocoder
from kg.geo.pairs import districts_with_province, towns_with_province
from kg.model import Article, Extraction, Place, PlaceType, Span


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return default_gazetteer()


def _place(text: str, label: str, place_type: PlaceType = PlaceType.OTHER) -> Place:
    start = text.index(label)
    return Place(label.lower(), label, place_type, (Span(start, start + len(label), label),))


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("On 3 March gunmen shot a trader in Reynosa Tamaulipas at night.", "Reynosa Tamaulipas"),
        ("Crowds marched in Salamanca, Guanajuato, on Sunday.", "Salamanca"),
        ("Police fired on a crowd in Monterrey Nuevo Leon.", "Monterrey Nuevo Leon"),
    ],
)
def test_a_town_followed_by_its_province_is_a_place(
    gazetteer: Gazetteer, text: str, label: str
) -> None:
    places = towns_with_province(text, (), gazetteer)
    assert [(p.label, p.place_type) for p in places] == [(label, PlaceType.TOWN)]
    start = text.index(label)
    assert places[0].mentions == (Span(start, start + len(label), label),)


@pytest.mark.parametrize(
    "text",
    [
        "Gunmen shot a trader in Reynosa Guerrero at night.",  # no Reynosa in Guerrero
        "Crowds marched down Salamanca Street on Sunday.",
        "Jets struck Zzyzxq, Idleb, at dawn.",  # a village GeoNames lacks
    ],
)
def test_names_that_do_not_agree_are_left_alone(gazetteer: Gazetteer, text: str) -> None:
    assert towns_with_province(text, (), gazetteer) == ()


def test_a_place_the_model_cut_from_the_town_takes_its_full_name(gazetteer: Gazetteer) -> None:
    text = "Gunmen shot a trader in Leon de los Aldama Guanajuato on Friday."
    cut = _place(text, "Aldama Guanajuato")
    (place,) = towns_with_province(text, (cut,), gazetteer)
    assert place.key == cut.key  # events that name it still do
    assert place.label == "Leon de los Aldama Guanajuato"


def test_a_town_and_province_the_model_has_apart_stay_apart(gazetteer: Gazetteer) -> None:
    text = "Gunmen shot a trader in Fresnillo Zacatecas on Friday."
    places = (_place(text, "Fresnillo"), _place(text, "Zacatecas"))
    assert towns_with_province(text, places, gazetteer) == places


def test_the_town_is_geocoded_in_its_province(gazetteer: Gazetteer) -> None:
    text = "On 3 March gunmen shot a trader in Nogales Veracruz at night."
    extraction = Extraction(Article("t", text), (Span(0, len(text), text),), (), (), ())
    done = Geocoder(gazetteer).geocode(extraction)
    town = next(p for p in done.places if p.place_type is PlaceType.TOWN)
    assert town.geo is not None and town.geo.admin1 == "Veracruz"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Snipers shot a guard in Surobi district Kabul at dawn.", "Surobi"),
        ("Jets struck Chaparhar district, Nangarhar.", "Chaparhar"),
    ],
)
def test_a_district_followed_by_its_province_is_that_district(
    gazetteer: Gazetteer, text: str, name: str
) -> None:
    places, districts = districts_with_province(text, (), gazetteer)
    assert [(p.label, p.place_type) for p in places] == [(name, PlaceType.DISTRICT)]
    assert districts[places[0].key].country_code == "AF"


def test_a_district_in_another_province_is_not_taken(gazetteer: Gazetteer) -> None:
    text = "Snipers shot a guard in Surobi district Helmand at dawn."
    assert districts_with_province(text, (), gazetteer) == ((), {})
