"""What an act answers and what points back to a told gathering (kg/extract/answered.py,
anaphors.py, same_foe.py), on the real model: a copular description of a gathering told before
("The protest was peaceful") is no second protest; an act told as what another answers ("in
response to a drone attack on ... on Monday") is its own, of its own day, not the answer's
doer's; forces a participle clause acts on after its main clause named them with their
country ("clashed with Israeli troops, throwing stones at soldiers") are those forces.
Made-up sentences."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from kg.model import Article, Event
from tests.extract.extracted import ACLED_SUB_TYPES, actor_labels, extract

pytestmark = pytest.mark.model

_PUBLISHED = dt.date(2024, 2, 10)  # a Saturday: Monday is the 5th, Wednesday the 7th


def _events(extractor: Any, text: str) -> list[Event]:
    events = extractor.extract_one(Article("t", text, published=_PUBLISHED)).events
    return [e for e in events if e.event_type in ACLED_SUB_TYPES]


@pytest.mark.parametrize(
    "text",
    [
        "Hundreds of farmers marched in Lowtown on Tuesday to demand land. "
        "The protest was peaceful, police said.",
        "Thousands of students rallied in Lowtown on Monday. The rally was peaceful.",
    ],
)
def test_a_gathering_described_again_is_no_second_one(extractor: Any, text: str) -> None:
    (event,) = _events(extractor, text)
    assert event.event_type == "peaceful-protest"


def test_a_gathering_told_alone_stays(extractor: Any) -> None:
    text = "The protest in Lowtown on Monday was peaceful, police said."
    assert [e.event_type for e in _events(extractor, text)] == ["peaceful-protest"]


_ANSWER = (
    "U.S. forces carried out air strikes on a militia base near Lowtown on Wednesday, "
    "killing four fighters. The Pentagon said the strikes were in response to a drone attack "
    "on Hightown air base on Monday that wounded three American soldiers."
)


def test_the_act_answered_is_its_own(extractor: Any) -> None:
    events = _events(extractor, _ANSWER)
    answered = [e for e in events if e.trigger.text == "drone attack"]
    assert len(answered) == 1
    (attack,) = answered
    labels = actor_labels(extract(extractor, _ANSWER), attack.agents)
    assert "Military Forces of United States" not in labels
    assert attack.time is not None and attack.time.date == dt.date(2024, 2, 5)
    # "the strikes" names the lead's strikes again: no third strike
    assert len(events) == 2


def test_the_answer_does_not_do_the_act_it_answers(extractor: Any) -> None:
    text = (
        "Israeli jets struck targets in Lowtown on Wednesday in retaliation for a rocket "
        "attack on Hightown on Monday."
    )
    (attack,) = [e for e in _events(extractor, text) if e.trigger.text == "rocket attack"]
    assert "military-forces-of-israel" not in attack.agents
    assert attack.time is not None and attack.time.date == dt.date(2024, 2, 5)


def test_the_foe_of_a_shared_subject_is_the_main_clauses(extractor: Any) -> None:
    text = (
        "Palestinians clashed with Israeli troops in Nablus on Tuesday, throwing stones at "
        "soldiers who fired rubber bullets."
    )
    extraction = extract(extractor, text)
    by_label = {a.label: [m.text for m in a.mentions] for a in extraction.actors}
    assert "soldiers" in by_label["Military Forces of Israel"]
    assert "Military Forces of Palestine" not in by_label


def test_the_victims_of_a_strike_on_a_place_stay_the_other_side(extractor: Any) -> None:
    text = "Russian troops shelled Lowtown in Donetsk on Monday, killing 3 soldiers."
    (event,) = _events(extractor, text)
    assert actor_labels(extract(extractor, text), event.targets) == {"Military Forces of Ukraine"}


@pytest.mark.parametrize(
    "text",
    [
        "Troops demolished the homes of two men accused of carrying out an attack last year "
        "in Lowtown.",
        "Police arrested two men accused of attacking a bank in Lowtown.",
        "Police arrested a man charged with the killing of a teacher in Lowtown.",
    ],
)
def test_an_act_charged_to_people_is_no_event(extractor: Any, text: str) -> None:
    types = {e.event_type for e in _events(extractor, text)}
    assert not types & {"attack", "armed-clash"}
    assert types


def test_an_accusation_of_one_act_stays_an_event(extractor: Any) -> None:
    text = "Rights groups accused the army of killing a teacher in Lowtown on Monday."
    assert [e.event_type for e in _events(extractor, text)] == ["attack"]
