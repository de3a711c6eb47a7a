"""Events misread in the sample articles (seeds/) in the twelfth session, each checked on a
made-up sentence of the same kind: an attempt told as done, a participle that describes what
was struck, weapons named as what a strike destroyed, damage told again, a kind of act named
("axes of advance", "those fighting X"), a country before an event noun as its agent, and a
clause on a date dating its own event."""

from __future__ import annotations

from typing import Any

import pytest

from tests.extract.extracted import acled_events, actor_labels, extract

pytestmark = pytest.mark.model


def test_an_attempt_told_as_done_is_the_fighting(extractor: Any) -> None:
    text = "On 3 March 2021, soldiers attempted to seize the old fort from the rebels in Lowtown."
    extraction = extract(extractor, text)
    (event,) = acled_events(extractor, text)
    assert event.event_type == "armed-clash"
    assert "Rebels" in actor_labels(extraction, event.targets)


@pytest.mark.parametrize(
    "text",
    [
        "The soldiers were trying to recapture the fort from the rebels in Lowtown.",
        "The soldiers will attempt to seize the fort from the rebels in Lowtown.",
        "The soldiers did not attempt to seize the fort from the rebels in Lowtown.",
    ],
)
def test_an_attempt_under_way_planned_or_denied_is_no_event(extractor: Any, text: str) -> None:
    assert acled_events(extractor, text) == []


def test_a_participle_on_what_was_struck_is_no_event_of_its_own(extractor: Any) -> None:
    text = (
        "On 3 March 2021, army aircraft conducted a strike near Lowtown to target rebel "
        "fighters firing on the soldiers."
    )
    assert [e.event_type for e in acled_events(extractor, text)] == ["air-drone-strike"]


def test_weapons_destroyed_in_a_strike_are_its_damage(extractor: Any) -> None:
    text = (
        "On 3 March 2021, army aircraft struck rebel positions near Lowtown. Two artillery "
        "systems, three trucks and a rocket launcher were destroyed in the strike."
    )
    assert [e.event_type for e in acled_events(extractor, text)] == ["air-drone-strike"]


def test_a_weapon_destroyed_with_no_strike_is_still_disrupted_weapons_use(extractor: Any) -> None:
    text = "On 3 March 2021, police destroyed a rocket launcher found near Lowtown."
    assert [e.event_type for e in acled_events(extractor, text)] == ["disrupted-weapons-use"]


def test_damage_to_things_pointed_back_to_is_told_again(extractor: Any) -> None:
    text = (
        "On 3 March 2021, army jets bombed rebel positions near Lowtown. The vehicles were "
        "destroyed near the old airfield."
    )
    assert [e.event_type for e in acled_events(extractor, text)] == ["air-drone-strike"]


@pytest.mark.parametrize(
    "text",
    [
        "The soldiers have linked the various axes of advance into Lowtown.",
        "The governor vowed support for those on the ground fighting the rebels near Lowtown.",
    ],
)
def test_a_kind_of_act_is_no_event(extractor: Any, text: str) -> None:
    assert acled_events(extractor, text) == []


def test_the_advance_of_named_forces_is_still_an_event(extractor: Any) -> None:
    text = "On 3 March 2021, the rebels began their advance into Lowtown."
    assert acled_events(extractor, text) != []


def test_a_country_before_an_event_noun_is_its_agent(extractor: Any) -> None:
    text = (
        "A U.K. strike on 3 March 2021 hit two rebel vehicles near Lowtown, Syria, the "
        "spokesman said."
    )
    extraction = extract(extractor, text)
    (event,) = acled_events(extractor, text)
    assert actor_labels(extraction, event.agents) == {"Military Forces of United Kingdom"}


@pytest.mark.parametrize(
    ("text", "agent"),
    [
        ("A Taliban attack on a checkpoint in Lowtown killed four policemen on Monday.",
         "Taliban"),
        ("On Monday, an Islamic State attack on Lowtown killed two soldiers.", "Islamic State"),
        ("The police raid on a camp in Lowtown left two dead on Monday.", "Police Forces"),
    ],
)  # fmt: skip
def test_an_armed_actor_before_an_event_noun_is_its_agent(
    extractor: Any, text: str, agent: str
) -> None:
    """ "a Taliban attack", "the police raid": as a country's name, an armed actor's name
    before a determined event noun tells who acted."""
    extraction = extract(extractor, text)
    nouns = [e for e in acled_events(extractor, text) if e.trigger.text in ("attack", "raid")]
    assert nouns
    assert all(agent in actor_labels(extraction, e.agents) for e in nouns)


def test_a_place_before_an_event_noun_is_no_agent(extractor: Any) -> None:
    text = "A Kabul attack killed four people on Monday."
    extraction = extract(extractor, text)
    assert any(p.label == "Kabul" for p in extraction.places)
    for event in acled_events(extractor, text):
        assert not any("Kabul" in label for label in actor_labels(extraction, event.agents))


def test_a_clause_on_a_date_dates_its_event(extractor: Any) -> None:
    text = (
        "On Saturday, fighting raged in Lowtown. The clashes have been raging since late last "
        "month when the rebels unleashed an offensive against the army's positions."
    )
    extraction = extract(extractor, text)
    (offensive,) = [e for e in extraction.events if e.trigger.text == "offensive"]
    assert offensive.time is not None
    assert offensive.time.span.text == "late last month"


def test_a_country_before_a_headline_verb_read_as_a_noun_is_no_agent(extractor: Any) -> None:
    text = "Raiders from Sudan attack Lowland village"
    extraction = extract(extractor, text)
    for event in acled_events(extractor, text):
        assert "Military Forces of Sudan" not in actor_labels(extraction, event.agents)


def test_a_participle_telling_what_the_act_did_still_counts(extractor: Any) -> None:
    text = "On 3 March 2021, gunmen attacked a bus killing 10 passengers near Lowtown."
    extraction = extract(extractor, text)
    (event,) = acled_events(extractor, text)
    assert event.counts.fatalities == 10
    assert "Civilians" in actor_labels(extraction, event.targets)  # the killing's victims


def test_clashes_named_as_the_form_violence_took_are_events(extractor: Any) -> None:
    text = "On 3 March 2021, the dispute turned violent in the form of clashes in Lowtown."
    assert [e.event_type for e in acled_events(extractor, text)] != []


def test_a_killing_told_after_its_victims_is_still_an_event(extractor: Any) -> None:
    text = "On 3 March 2021, the rebels claimed 8 soldiers killed near Lowtown."
    (event,) = acled_events(extractor, text)
    assert event.counts.fatalities == 8


def test_people_described_as_protesting_did_protest(extractor: Any) -> None:
    text = "On 3 March 2021, police dispersed students protesting outside the ministry in Lowtown."
    # the protest is the one the police dispersed (kg/extract/twins.py): its crowd protesters,
    # who act in it, the police its other side (kg/extract/policed.py)
    (event,) = acled_events(extractor, text)
    assert (event.event_type, event.agents, event.targets) == (
        "protest-with-intervention",
        ("protesters",),
        ("police-forces",),
    )
