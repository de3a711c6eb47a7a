"""The seed article, run through the real model: everything a reader learns from it is there.

These are the "done when" facts of the end-to-end issue, checked on the extraction records.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from kg.model import ActorType, Article, Event, Extraction, PlaceType

pytestmark = pytest.mark.model

PUBLISHED = dt.date(2014, 9, 28)  # a Sunday: "Saturday" is the 27th


@pytest.fixture(scope="module")
def seed(extractor: Any, seed_text: str) -> Extraction:
    extraction: Extraction = extractor.extract_one(
        Article("000_1329f68f670b4001", seed_text, published=PUBLISHED)
    )
    return extraction


def _events(seed: Extraction, event_type: str, place: str | None = None) -> list[Event]:
    return [
        e for e in seed.events
        if e.event_type == event_type and (place is None or place in e.places)
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("key", "actor_type"),
    [
        ("nusra-front", ActorType.REBEL_GROUP),
        ("military-forces-of-syria", ActorType.STATE_FORCES),
        ("islamic-state", ActorType.REBEL_GROUP),
        ("sohr", ActorType.ORGANISATION),
        ("sana", ActorType.MEDIA),
        ("rebels-syria", ActorType.REBEL_GROUP),
        ("united-nations", ActorType.EXTERNAL_OTHER),
    ],
)
def test_actors(seed: Extraction, key: str, actor_type: ActorType) -> None:
    actors = {a.key: a for a in seed.actors}
    assert key in actors, sorted(actors)
    assert actors[key].actor_type == actor_type


def test_mentions_of_one_actor_converge(seed: Extraction) -> None:
    actors = {a.key: a for a in seed.actors}
    nusra = {m.text for m in actors["nusra-front"].mentions}
    assert {"Nusra Front", "The Nusra Fighters"} <= nusra  # mentions are noun phrases
    army = {m.text for m in actors["military-forces-of-syria"].mentions}
    assert {"the Syrian troops", "the army", "government troops"} <= army
    assert "The Observatory" in {m.text for m in actors["sohr"].mentions}


@pytest.mark.parametrize(
    ("key", "place_type"),
    [
        ("qunaitera", PlaceType.PROVINCE),
        ("hama", PlaceType.PROVINCE),
        ("golan-heights", PlaceType.REGION),
        ("rawadi", PlaceType.TOWN),
        ("hamidiyeh", PlaceType.TOWN),
        ("halfaya", PlaceType.TOWN),
        ("al-raqqa", PlaceType.PROVINCE),
        ("um-batneh", None),
        ("bir-ajam", None),
        ("nabe-sakher", PlaceType.TOWN),
        ("syria", PlaceType.COUNTRY),
    ],
)
def test_places(seed: Extraction, key: str, place_type: PlaceType | None) -> None:
    places = {p.key: p for p in seed.places}
    assert key in places, sorted(places)
    if place_type is not None:
        assert places[key].place_type == place_type


def test_containment(seed: Extraction) -> None:
    places = {p.key: p for p in seed.places}
    assert places["qunaitera"].within == "syria"
    assert places["um-batneh"].within == "qunaitera"
    assert places["bir-ajam"].within == "qunaitera"


def test_spans_point_into_the_text(seed: Extraction) -> None:
    text = seed.article.text
    spans = [m for a in seed.actors for m in a.mentions] + [
        m for p in seed.places for m in p.mentions
    ]
    spans += [e.trigger for e in seed.events] + [e.sentence for e in seed.events]
    assert spans
    for span in spans:
        assert text[span.start : span.end] == span.text


def test_rebels_advance_in_qunaitera(seed: Extraction) -> None:
    advances = _events(seed, "armed-clash", "qunaitera")
    assert any("nusra-front" in e.agents for e in advances)


def test_capture_of_rawadi_and_hamidiyeh(seed: Extraction) -> None:
    (capture,) = [e for e in _events(seed, "non-state-actor-overtakes-territory", "rawadi")]
    assert "hamidiyeh" in capture.places
    assert capture.agents == ("rebels-syria",)
    assert capture.time is not None and capture.time.span.text == "a day earlier"
    assert capture.time.date == dt.date(2014, 9, 26)
    assert capture.reported_by == ("sohr",)


def test_army_recaptures_halfaya_and_towns_in_hama(seed: Extraction) -> None:
    (halfaya,) = _events(seed, "government-regains-territory", "halfaya")
    assert halfaya.agents == ("military-forces-of-syria",)
    assert halfaya.time is not None and halfaya.time.date == dt.date(2014, 9, 26)
    (hama,) = _events(seed, "government-regains-territory", "hama")
    assert hama.agents == ("military-forces-of-syria",)
    assert "rebels-syria" in hama.targets
    assert hama.time is not None and hama.time.date == dt.date(2014, 9, 27)


def test_troops_target_um_batneh_and_bir_ajam(seed: Extraction) -> None:
    (event,) = [e for e in seed.events if e.trigger.text == "targeted"]
    assert set(event.places) == {"um-batneh", "bir-ajam"}
    assert event.agents == ("military-forces-of-syria",)
    assert event.targets == ("rebels-syria",)
    assert event.reported_by == ("sana",)


def test_troops_pummel_nabe_sakher_and_hamidiyeh(seed: Extraction) -> None:
    (event,) = [e for e in seed.events if e.trigger.text == "pummeled"]
    assert event.event_type == "shelling-artillery-missile-attack"
    assert set(event.places) == {"nabe-sakher", "hamidiyeh"}
    assert event.agents == ("military-forces-of-syria",)


def test_clashes_in_qunaitera_since_late_last_month(seed: Extraction) -> None:
    (event,) = [e for e in seed.events if e.trigger.text == "clashes"]
    assert event.event_type == "armed-clash"
    assert event.places == ("qunaitera",)
    # the sides come from the same sentence: "the rebels unleashed an offensive against
    # government troops' positions"
    assert set(event.agents) == {"rebels-syria", "military-forces-of-syria"}
    assert event.time is not None and event.time.span.text == "late last month"
    assert event.time.date is not None and event.time.date.month == 8


def test_every_event_has_a_time(seed: Extraction) -> None:
    assert all(e.time is not None for e in seed.events)


def test_figures_attributed_to_the_un(seed: Extraction) -> None:
    deaths = [e for e in seed.events if e.counts.fatalities == 190_000]
    refugees = [e for e in seed.events if e.counts.refugees == 3_000_000]
    displaced = [e for e in seed.events if e.counts.displaced == 6_500_000]
    assert deaths and refugees and displaced
    for event in (*deaths, *refugees, *displaced):
        assert event.reported_by == ("united-nations",)
        assert "syria" in event.places


def test_intentions_are_not_events(seed: Extraction) -> None:
    # "were trying to recapture the areas": an attempt, not a recapture
    assert not [
        e for e in seed.events if e.trigger.text == "recapture" and "trying" in e.sentence.text
    ]


def test_statements_name_their_speakers(seed: Extraction) -> None:
    speakers = {a for e in seed.events if e.event_type == "statement" for a in e.agents}
    assert {"sohr", "sana", "activists-syria"} <= speakers


def test_boilerplate_yields_nothing(seed: Extraction) -> None:
    assert "More From This Section" not in seed.article.text
