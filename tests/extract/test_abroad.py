"""Which actors act abroad in each event (kg/extract/abroad.py): ACLED's External/Other forces
in that event, State forces at home."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest

from kg.extract.abroad import external_in_events
from kg.model import Actor, ActorType, Article, Event, Extraction, Geocode, Place, PlaceType, Span

_REGAINS = "government-regains-territory"
TEXT = "Lowland forces shelled Hightown. Lowland forces clashed with rebels in Lowtown."


def _span(needle: str, nth: int = 0) -> Span:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(needle, start + 1)
    return Span(start, start + len(needle), needle)


def _place(key: str, country: str) -> Place:
    geo = Geocode(geonames_id=len(key), name=key, country_code=country)
    return Place(key, key, PlaceType.TOWN, (), geo=geo)


def _extraction(*events: Event, external: bool = False) -> Extraction:
    forces = Actor("military-forces-of-lowland", "Military Forces of Lowland",
                   ActorType.STATE_FORCES, (), external=external, country="LL")  # fmt: skip
    rebels = Actor("rebels-ll", "Rebels (Lowland)", ActorType.REBEL_GROUP, (), country="LL")
    places = (_place("hightown", "HH"), _place("lowtown", "LL"))
    article = Article("a", TEXT)
    return Extraction(article, (), (forces, rebels), places, events)


def _event(trigger: Span, places: tuple[str, ...], location: str | None = None) -> Event:
    return Event("attack", trigger=trigger, sentence=Span(0, len(TEXT), TEXT),
                 agents=("military-forces-of-lowland",), targets=("rebels-ll",),
                 places=places, location=location)  # fmt: skip


def test_a_states_forces_are_external_where_the_event_is_in_another_country() -> None:
    abroad = _event(_span("shelled"), ("hightown",), "hightown")
    home = _event(_span("clashed"), ("lowtown",), "lowtown")
    events = external_in_events(_extraction(abroad, home, external=True)).events
    assert events[0].external == ("military-forces-of-lowland",)  # rebels are no state's
    assert events[1].external == ()  # at home, whatever the article's main country


def test_an_event_with_no_country_keeps_the_articles_word() -> None:
    unplaced = _event(_span("shelled"), ())
    (event,) = external_in_events(_extraction(unplaced, external=True)).events
    assert event.external == ("military-forces-of-lowland",)
    (event,) = external_in_events(_extraction(unplaced, external=False)).events
    assert event.external == ()


def test_the_first_placed_place_gives_the_country_without_a_location() -> None:
    (event,) = external_in_events(_extraction(_event(_span("shelled"), ("hightown",)))).events
    assert event.external == ("military-forces-of-lowland",)


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "abroad", "home"),
    [
        ("Turkish forces shelled Afrin in Syria on Monday. On Tuesday, Turkish troops clashed "
         "with PKK militants in Hakkari, Turkey.", "shelled", "clashed"),
        ("A U.S. airstrike killed 20 militants near Sarmada in Idlib, Syria, on Monday. Iraqi "
         "forces recaptured a neighborhood of Mosul, Iraq, on Tuesday.", "airstrike", "recaptured"),
    ],
)  # fmt: skip
def test_one_article_a_state_abroad_in_one_event_at_home_in_another(
    geo_extractor: Any, text: str, abroad: str, home: str
) -> None:
    """The events' places are geocoded (their countries), as ``kg ingest`` runs."""
    extraction = geo_extractor.extract_one(Article("t", text))
    by_trigger = {e.trigger.text: e for e in extraction.events}
    assert by_trigger[abroad].external == by_trigger[abroad].agents != ()
    assert by_trigger[home].agents and by_trigger[home].external == ()


def test_ground_a_states_forces_take_abroad_is_overtaken_not_regained() -> None:
    abroad = dataclasses.replace(
        _event(_span("shelled"), ("hightown",), "hightown"), event_type=_REGAINS
    )
    home = dataclasses.replace(
        _event(_span("clashed"), ("lowtown",), "lowtown"), event_type=_REGAINS
    )
    events = external_in_events(_extraction(abroad, home, external=True)).events
    assert events[0].event_type == "non-state-actor-overtakes-territory"
    assert events[1].event_type == _REGAINS  # at home: the government regains its ground


def test_ground_placed_only_at_a_foreign_country_stays_regained() -> None:
    # "recaptured another village ... near the borders with Highland": the country named is
    # no more than a neighbour; only a town or province abroad makes the capture foreign
    extraction = _extraction(
        dataclasses.replace(
            _event(_span("shelled"), ("highland",), "highland"), event_type=_REGAINS
        ),
        external=True,
    )
    highland = Place(
        "highland", "Highland", PlaceType.COUNTRY, (),
        geo=Geocode(geonames_id=99, name="Highland", country_code="HH"),
    )  # fmt: skip
    extraction = dataclasses.replace(extraction, places=(*extraction.places, highland))
    (event,) = external_in_events(extraction).events
    assert event.event_type == _REGAINS
    assert event.external == ("military-forces-of-lowland",)
