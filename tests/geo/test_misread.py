"""Places the entity model read as actors (kg/geo/misread.py)."""

from __future__ import annotations

from kg.geo.gazetteer import Gazetteer, default_gazetteer
from kg.geo.misread import actors_as_places
from kg.model import Actor, ActorType, Article, Event, Extraction, PlaceType, Span


def _extraction(text: str, name: str, actor_type: ActorType) -> Extraction:
    start = text.index(name)
    span = Span(start, start + len(name), name)
    actor = Actor("a-" + name.lower(), name, actor_type, (span,))
    sentence = Span(0, len(text), text)
    trigger = Span(text.index("shelled"), text.index("shelled") + 7, "shelled")
    event = Event("shelling-artillery-missile-attack", trigger, sentence, targets=(actor.key,))
    return Extraction(Article("t", text), (sentence,), (actor,), (), (event,))


def _gazetteer() -> Gazetteer:
    return default_gazetteer()


def test_a_name_followed_by_its_province_is_a_place_of_the_event() -> None:
    text = "On Monday, artillery shelled Kolvaro, Donetsk. Casualties unknown."
    done = actors_as_places(_extraction(text, "Kolvaro", ActorType.ORGANISATION), _gazetteer())
    assert not done.actors
    (place,) = done.places
    assert place.label == "Kolvaro" and place.place_type is PlaceType.OTHER
    assert done.events[0].places == (place.key,) and done.events[0].targets == ()


def test_a_name_with_no_division_after_it_stays_an_actor() -> None:
    text = "On Monday, artillery shelled Kolvaro near the river. Casualties unknown."
    extraction = _extraction(text, "Kolvaro", ActorType.ORGANISATION)
    assert actors_as_places(extraction, _gazetteer()) == extraction


def test_an_actor_with_a_type_stays_an_actor() -> None:
    text = "On Monday, artillery shelled Kolvaro, Donetsk. Casualties unknown."
    extraction = _extraction(text, "Kolvaro", ActorType.REBEL_GROUP)
    assert actors_as_places(extraction, _gazetteer()) == extraction


def test_a_name_right_after_in_or_at_is_a_place() -> None:
    text = "On Monday, artillery shelled positions at Kolvaro. Casualties unknown."
    done = actors_as_places(_extraction(text, "Kolvaro", ActorType.ORGANISATION), _gazetteer())
    assert [p.label for p in done.places] == ["Kolvaro"] and not done.actors


def test_a_person_named_before_a_comma_and_a_province_stays_a_person() -> None:
    text = "On Monday, artillery shelled the home of Maria Kolvaro, Donetsk governor, at dawn."
    extraction = _extraction(text, "Maria Kolvaro", ActorType.PERSON)
    assert actors_as_places(extraction, _gazetteer()) == extraction
    text = "On Monday, Kolvaro, of Donetsk, said that artillery shelled the town."
    extraction = _extraction(text, "Kolvaro", ActorType.PERSON)
    assert actors_as_places(extraction, _gazetteer()) == extraction


def test_a_body_s_name_before_a_province_stays_an_actor() -> None:
    # "Lowtown Ministry of Defence, Donetsk ...": a ministry, an office, a company is no village
    for name in ("Kolvaro Ministry of Defence", "Kolvaro Oil Company", "Office of Kolvaro"):
        text = f"On Monday, artillery shelled the {name}, Donetsk. Casualties unknown."
        extraction = _extraction(text, name, ActorType.ORGANISATION)
        assert actors_as_places(extraction, _gazetteer()) == extraction
