"""Unnamed actors take the country their places lie in once geocoded
(kg/extract/placed_country.py): records built by hand, and sentences written for the test
(the real cities are facts: their names have namesakes abroad, so no word tells the country
before geocoding)."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest

from kg.extract.placed_country import countryless_templates, event_sides, place_countries
from kg.model import (
    Actor,
    ActorType,
    Article,
    Event,
    Extraction,
    Geocode,
    Place,
    PlaceType,
    Relation,
    RelationKind,
    Span,
)

TEXT = "Police fired on protesters in Lowtown. Lowland police arrested protesters in Upton."
TEMPLATES = countryless_templates(
    [
        "Police Forces of {country}",
        "Protesters ({country})",
        "{people} Ethnic Militia ({{country}})",
    ]
)
NAMES = {"LL": "Lowland", "HH": "Highland"}


def _span(needle: str, nth: int = 0) -> Span:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(needle, start + 1)
    return Span(start, start + len(needle), needle)


def _place(key: str, country: str, mention: Span | None = None) -> Place:
    geo = Geocode(geonames_id=len(key), name=key, country_code=country)
    return Place(key, key, PlaceType.TOWN, (mention,) if mention else (), geo=geo)


def _event(trigger: str, places: tuple[str, ...], nth: int = 0) -> Event:
    return Event("arrests", trigger=_span(trigger, nth), sentence=Span(0, len(TEXT), TEXT),
                 agents=("police-forces",), targets=("protesters",), places=places,
                 location=places[0] if places else None)  # fmt: skip


def _extraction(places: tuple[Place, ...], *events: Event) -> Extraction:
    police = Actor("police-forces", "Police Forces", ActorType.STATE_FORCES,
                   (_span("Police"),), aliases=("police",))  # fmt: skip
    protesters = Actor("protesters", "Protesters", ActorType.PROTESTERS, (_span("protesters"),))
    relation = Relation(RelationKind.FIGHTING_AGAINST, "police-forces", "protesters",
                        Span(0, len(TEXT), TEXT))  # fmt: skip
    return Extraction(Article("a", TEXT), (), (police, protesters), places, events,
                      relations=(relation,))  # fmt: skip


def test_templates_by_their_countryless_labels() -> None:
    assert TEMPLATES == {
        "Police Forces": "Police Forces of {country}",
        "Protesters": "Protesters ({country})",
    }


def test_the_one_country_of_the_places_keys_the_unnamed_actors() -> None:
    places = (_place("lowtown", "LL", _span("Lowtown")),)
    out = place_countries(_extraction(places, _event("fired", ("lowtown",))), TEMPLATES, NAMES)
    actors = {a.key: (a.label, a.country, a.aliases) for a in out.actors}
    assert actors == {
        "police-forces-of-lowland": ("Police Forces of Lowland", "LL", ("police",)),
        "protesters-lowland": ("Protesters (Lowland)", "LL", ()),
    }
    (event,) = out.events
    assert (event.agents, event.targets) == (("police-forces-of-lowland",), ("protesters-lowland",))
    (relation,) = out.relations
    assert (relation.source, relation.target) == ("police-forces-of-lowland", "protesters-lowland")
    assert out.unheld() is None


def test_places_in_two_countries_key_each_actor_by_its_events() -> None:
    places = (_place("lowtown", "LL", _span("Lowtown")), _place("upton", "HH", _span("Upton")))
    one = _extraction(places, _event("fired", ("lowtown",)))
    out = place_countries(one, TEMPLATES, NAMES)
    assert {a.key for a in out.actors} == {"police-forces-of-lowland", "protesters-lowland"}
    two = _extraction(places, _event("fired", ("lowtown",)), _event("arrested", ("upton",)))
    assert place_countries(two, TEMPLATES, NAMES) == two  # in both countries: none


def test_an_event_with_no_place_gives_no_country() -> None:
    places = (_place("lowtown", "LL", _span("Lowtown")), _place("upton", "HH", _span("Upton")))
    two = _extraction(places, _event("fired", ()))
    assert place_countries(two, TEMPLATES, NAMES) == two


def test_a_protests_topic_and_an_added_province_tell_no_country() -> None:
    """Upton named only as what the protest is about; the province the geocoder adds (no
    mention) lies where its town does."""
    upton = _span("Upton")
    places = (
        _place("lowtown", "LL", _span("Lowtown")),
        _place("upton", "HH", upton),
        _place("highland-province", "HH"),
    )
    extraction = _extraction(places)
    out = place_countries(extraction, TEMPLATES, NAMES, [(upton.start, upton.end)])
    assert {a.key for a in out.actors} == {"police-forces-of-lowland", "protesters-lowland"}
    assert place_countries(extraction, TEMPLATES, NAMES) == extraction


def test_an_actor_of_the_new_key_takes_the_others_mentions() -> None:
    """ "police" and "Lowland police" in one article: one actor."""
    extraction = _extraction((_place("lowtown", "LL", _span("Lowtown")),))
    held = Actor("police-forces-of-lowland", "Police Forces of Lowland", ActorType.STATE_FORCES,
                 (_span("Lowland police"),), aliases=("Lowland police",), country="LL")  # fmt: skip
    extraction = dataclasses.replace(extraction, actors=(held, *extraction.actors))
    out = place_countries(extraction, TEMPLATES, NAMES)
    police = next(a for a in out.actors if a.key == "police-forces-of-lowland")
    assert len(out.actors) == 2
    assert police.mentions == (_span("Lowland police"), _span("Police"))
    assert police.aliases == ("Lowland police", "police")


def test_an_actor_keyed_other_than_by_its_label_stays() -> None:
    extraction = _extraction((_place("lowtown", "LL", _span("Lowtown")),))
    named = Actor("protesters-x", "Protesters", ActorType.PROTESTERS, ())  # not its label's key
    mixed = dataclasses.replace(extraction, actors=(*extraction.actors, named))
    out = place_countries(mixed, TEMPLATES, NAMES)
    assert "protesters-x" in {a.key for a in out.actors}


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "keys"),
    [
        ("Police in Dhaka opened fire on protesters.",
         {"police-forces-of-bangladesh", "protesters-bangladesh"}),
        ("Thousands marched in London on Saturday.", {"protesters-united-kingdom"}),
        ("A bomb exploded in Athens.", {"unidentified-armed-group-greece"}),
        # the topic of the protest is not where it happens
        ("Thousands marched through central London calling for a ceasefire in Gaza.",
         {"protesters-united-kingdom"}),
    ],
)  # fmt: skip
def test_a_city_with_namesakes_abroad_gives_its_country(
    geo_extractor: Any, text: str, keys: set[str]
) -> None:
    extraction = geo_extractor.extract_one(Article("t", text))
    assert {a.key for a in extraction.actors} == keys


SIDES_TEXT = (
    "Lowland troops killed soldiers in Upton. Raiders attacked Lowtown. "
    "Highland forces shelled Lowtown; soldiers died."
)
SIDES = countryless_templates(
    ["Military Forces of {country}", "Unidentified Communal Militia ({country})"]
)


def _sides_span(needle: str, nth: int = 0) -> Span:
    start = -1
    for _ in range(nth + 1):
        start = SIDES_TEXT.index(needle, start + 1)
    return Span(start, start + len(needle), needle)


def _sides(
    where: str, *others: Actor, agent: str = "military-forces-of-lowland", targets: str = ""
) -> Extraction:
    """ "Lowland troops killed soldiers" in a town of ``where``: the soldiers countryless."""
    troops = (_sides_span("Lowland troops"),)
    lowland = Actor("military-forces-of-lowland", "Military Forces of Lowland",
                    ActorType.STATE_FORCES, troops, country="LL")  # fmt: skip
    soldiers = Actor("military-forces", "Military Forces", ActorType.STATE_FORCES,
                     (_sides_span("soldiers"),))  # fmt: skip
    town = _place("upton", where, _sides_span("Upton"))
    sentence = _sides_span("Lowland troops killed soldiers in Upton.")
    event = Event("attack", trigger=_sides_span("killed"), sentence=sentence, agents=(agent,),
                  targets=(targets or "military-forces",), places=("upton",),
                  location="upton")  # fmt: skip
    return Extraction(Article("s", SIDES_TEXT), (), (lowland, soldiers, *others), (town,),
                      (event,))  # fmt: skip


def _keys(extraction: Extraction) -> set[str]:
    return {a.key for a in event_sides(extraction, SIDES, NAMES).actors}


def test_forces_abroad_strike_the_forces_of_the_country_they_are_in() -> None:
    out = event_sides(_sides("HH"), SIDES, NAMES)
    soldiers = next(a for a in out.actors if a.label.startswith("Military Forces of High"))
    assert (soldiers.key, soldiers.country) == ("military-forces-of-highland", "HH")
    assert out.events[0].targets == ("military-forces-of-highland",)
    assert out.unheld() is None


def test_forces_at_home_leave_the_soldiers_unknown_where_no_other_state_is_named() -> None:
    # a war's other side left unnamed, or a mutiny: the text does not tell whose they are
    assert _keys(_sides("LL")) == {"military-forces-of-lowland", "military-forces"}


def test_forces_at_home_strike_the_other_state_the_sentence_names() -> None:
    highland = Actor("military-forces-of-highland", "Military Forces of Highland",
                     ActorType.STATE_FORCES, (_sides_span("soldiers"),), country="HH")  # fmt: skip
    # the Highland forces named in the event's sentence (here on the soldiers' own words)
    assert "military-forces-of-highland" in _keys(_sides("LL", highland))
    elsewhere = dataclasses.replace(highland, mentions=(_sides_span("Highland forces"),))
    # named only in another sentence: whose the soldiers are is unknown
    assert "military-forces" in _keys(_sides("LL", elsewhere))


def test_an_unnamed_group_takes_the_country_of_its_events() -> None:
    raiders = Actor("unidentified-communal-militia", "Unidentified Communal Militia",
                    ActorType.IDENTITY_MILITIA, (_sides_span("Raiders"),))  # fmt: skip
    keys = _keys(_sides("HH", raiders, agent="unidentified-communal-militia", targets="x"))
    assert "unidentified-communal-militia-highland" in keys
    assert "military-forces" in keys  # in no event: no country


def test_no_place_or_a_labelled_country_leaves_the_actors() -> None:
    unplaced = dataclasses.replace(_sides("HH"), places=())
    assert event_sides(unplaced, SIDES, NAMES) == unplaced
    assert event_sides(_sides("XX"), SIDES, NAMES) == _sides("XX")  # no name for XX
