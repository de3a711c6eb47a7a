"""A bomb's verb dates it, an act told as the means of a "when" clause takes the clause's
year, servicemen lost are a toll, a pipeline blown up is property destroyed, and a protest
told on another day or at another place keeps its own sub-event (kg/extract/timing.py,
[counts] people_nouns, triggers.tsv, reranking.one_protest), on the real model. Made-up
sentences."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from kg.model import Article, Event
from tests.extract.extracted import ACLED_SUB_TYPES

pytestmark = pytest.mark.model

_FILED = dt.date(2024, 8, 24)  # a Saturday


def _events(extractor: Any, text: str) -> list[Event]:
    events = extractor.extract_one(Article("t", text, published=_FILED)).events
    return [e for e in events if e.event_type in ACLED_SUB_TYPES]


def test_a_bomb_of_two_words_is_dated_by_its_verb(extractor: Any) -> None:
    # the bug: "roadside bomb" (its first word a compound, no subject) missed the date of
    # "hit", and took the lead's Wednesday
    text = (
        "Gunmen killed two soldiers in Lowtown on Wednesday, officials said.\n\n"
        "A roadside bomb hit an armoured police truck on the main road north of Hightown on "
        "Thursday, killing a conscript."
    )
    (bomb,) = [e for e in _events(extractor, text) if e.trigger.text == "roadside bomb"]
    assert bomb.time is not None and bomb.time.date == dt.date(2024, 8, 22)


def test_an_act_told_as_the_means_of_a_when_clause_takes_its_year(extractor: Any) -> None:
    text = (
        "Gunmen killed two soldiers in Lowtown on Wednesday, officials said.\n\n"
        "The unrest was at its worst in 2015, when gunmen killed 40 pilgrims in an attack on "
        "a shrine near Hightown."
    )
    (old,) = [e for e in _events(extractor, text) if e.trigger.text == "attack"]
    assert old.time is None or old.time.date is None


def test_servicemen_lost_are_a_toll_not_ground_lost(extractor: Any) -> None:
    text = "The Lowland defence ministry said on Friday it had lost 30 servicemen."
    types = [e.event_type for e in _events(extractor, text)]
    assert "government-regains-territory" not in types
    assert "non-state-actor-overtakes-territory" not in types


_STOPPED = (
    "Police fired tear gas on Wednesday at thousands of protesters who tried to march on "
    "the parliament in Nairobi, witnesses said.\n\n"
)


def test_a_march_on_another_day_stays_peaceful(extractor: Any) -> None:
    text = _STOPPED + "On Friday, several hundred teachers marched peacefully in Nairobi."
    (march,) = [e for e in _events(extractor, text) if e.trigger.text == "marched"]
    assert march.event_type == "peaceful-protest"


def test_a_rally_at_another_place_stays_peaceful(extractor: Any) -> None:
    text = _STOPPED + "In the port city of Mombasa, hundreds of traders staged a rally."
    (rally,) = [e for e in _events(extractor, text) if e.trigger.text == "rally"]
    assert rally.event_type == "peaceful-protest"


def test_a_march_dispersed_the_same_day_is_one_protest_with_intervention(
    extractor: Any,
) -> None:
    text = (
        "Hundreds of teachers marched in Nairobi on Monday. Police fired tear gas to disperse them."
    )
    types = [e.event_type for e in _events(extractor, text)]
    assert types == ["protest-with-intervention"]


def test_a_pipeline_blown_up_is_property_destroyed(extractor: Any) -> None:
    # the bug: "blow up" was no trigger (only "blow himself up"), so sabotage made no event
    text = "Militants blew up a section of the oil pipeline near Lowtown on Saturday."
    types = [e.event_type for e in _events(extractor, text)]
    assert types == ["looting-property-destruction"]


def test_a_bomber_who_blew_himself_up_stays_a_suicide_bomb(extractor: Any) -> None:
    text = "A bomber blew himself up at a checkpoint in Lowtown on Saturday."
    assert [e.event_type for e in _events(extractor, text)] == ["suicide-bomb"]


@pytest.mark.parametrize(
    "text",
    [
        "Teachers held protests in Mombasa over pay. The demonstrations were led by "
        "lawmakers from Coast Province. Police intervened.",
        "Supporters of the president protested outside a court in Sao Paulo on Monday. The "
        "group protested against the suspension of a police chief in Brazil. Police intervened.",
    ],
)
def test_a_protest_told_again_at_a_wider_place_is_the_same_protest(
    extractor: Any, text: str
) -> None:
    types = [e.event_type for e in _events(extractor, text)]
    assert types == ["protest-with-intervention"] * 2


def test_an_act_of_words_told_as_the_means_of_a_when_clause_takes_its_year(extractor: Any) -> None:
    # the bug: a trigger of several words ("suicide attack") was read from its first word, a
    # compound, so the clause it is the means of was never found and the act took Monday
    text = (
        "The violence peaked in 2017, when militants killed more than 300 worshippers in a "
        "suicide attack on a mosque in Lowtown. On Monday, gunmen killed two soldiers in Hightown."
    )
    (old,) = [e for e in _events(extractor, text) if e.trigger.text == "suicide attack"]
    assert old.time is not None and old.time.date is None
