"""Towns written with their province, found whatever the entity model made of them."""

from __future__ import annotations

import random

import pytest

from kg.geo import pairs
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


def test_a_run_met_again_is_read_from_the_cache_at_its_new_offset(
    gazetteer: Gazetteer, monkeypatch: pytest.MonkeyPatch
) -> None:
    from kg.geo import pairs

    read: list[tuple[str, str]] = []
    town_in_run = pairs._town_in_run

    def counted(run: str, after: str, g: Gazetteer) -> tuple[int, ...]:
        read.append((run, after))
        return town_in_run(run, after, g)

    monkeypatch.setattr(pairs, "_town_in_run", counted)
    monkeypatch.setitem(pairs._TOWNS_IN, gazetteer, {})
    first = "Gunmen shot a trader in Reynosa Tamaulipas at night."
    again = "On Friday, Lowtown police said a second trader was shot in Reynosa Tamaulipas."
    assert [p.label for p in towns_with_province(first, (), gazetteer)] == ["Reynosa Tamaulipas"]
    (place,) = towns_with_province(again, (), gazetteer)
    start = again.index("Reynosa")
    assert place.mentions == (Span(start, start + 18, "Reynosa Tamaulipas"),)
    assert read.count(("Reynosa Tamaulipas", "")) == 1


def _overlapping_by_scan(places: list[Place], start: int, end: int) -> list[int]:
    return [
        i for i, p in enumerate(places) if any(m.start < end and start < m.end for m in p.mentions)
    ]


def test_the_mentions_index_answers_as_reading_every_mention() -> None:
    rng = random.Random(13)
    for _ in range(300):

        def spans() -> tuple[Span, ...]:
            out = []
            for _ in range(rng.randint(0, 3)):
                start = rng.randrange(100)
                out.append(Span(start, start + rng.randint(0, 12), "x"))
            return tuple(out)

        places = [Place(f"p{i}", "P", PlaceType.TOWN, spans()) for i in range(rng.randint(0, 8))]
        index = pairs._Spans(places)
        for _ in range(20):
            start = rng.randrange(110)
            end = start + rng.randint(0, 15)
            assert index.overlapping(start, end) == _overlapping_by_scan(places, start, end)
            exact = any(m.start == start and m.end == end for p in places for m in p.mentions)
            assert index.has(start, end) == exact
            if places and rng.random() < 0.3:  # a place's mentions replaced, as a cut town's
                i = rng.randrange(len(places))
                index.remove(i, places[i].mentions)
                places[i] = Place(places[i].key, "P", PlaceType.TOWN, spans())
                index.add(i, places[i].mentions)
            elif rng.random() < 0.3:  # a town added
                places.append(Place(f"p{len(places)}", "P", PlaceType.TOWN, spans()))
                index.add(len(places) - 1, places[-1].mentions)
