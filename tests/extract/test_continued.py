"""A story's later sentences go on telling its lead's happening, on the real model: the attack
pointed back to and the deaths told with no doer are the lead's event at its place, or its
doer's act of its kind at another, not an unidentified armed group's
(kg/extract/continued.py). Made-up stories."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from kg.model import Article
from tests.extract.extracted import ACLED_SUB_TYPES, acled_events, extract

pytestmark = pytest.mark.model

_LEAD = (
    "Kenyan soldiers shelled the town of Lowtown, Kenya, on Monday, killing at least 12 "
    "civilians and hitting a school, officials said. "
)


def _unidentified(extractor: Any, text: str) -> list[str]:
    extraction = extract(extractor, text)
    labels = {a.key: a.label for a in extraction.actors}
    return [labels.get(k, k) for e in extraction.events for k in e.agents
            if labels.get(k, k).startswith("Unidentified")]  # fmt: skip


def test_the_attack_pointed_back_to_is_the_leads_event(extractor: Any) -> None:
    text = _LEAD + "The attack on the Lowtown Academy destroyed its library, the mayor said."
    (event,) = acled_events(extractor, text)
    assert event.event_type == "shelling-artillery-missile-attack"
    assert event.agents == ("military-forces-of-kenya",)
    assert not _unidentified(extractor, text)


def test_deaths_at_the_leads_place_are_part_of_its_toll(extractor: Any) -> None:
    text = _LEAD + "Two teachers were killed at the school and nine people were wounded."
    (event,) = acled_events(extractor, text)
    assert event.counts.fatalities == 12  # the two are among the 12, not besides them
    assert event.counts.injuries == 9


def test_deaths_at_another_place_are_the_doers_act_of_its_kind(extractor: Any) -> None:
    text = _LEAD + "In the nearby town of Hightown, five people were killed, police said."
    events = acled_events(extractor, text)
    there = [e for e in events if e.counts.fatalities == 5]
    assert len(events) == 2 and len(there) == 1
    assert there[0].agents == ("military-forces-of-kenya",)
    assert there[0].event_type == "shelling-artillery-missile-attack"


def test_deaths_in_a_clash_are_its_sides_own(extractor: Any) -> None:
    text = (
        "Lowtown Front rebels clashed with Kenyan soldiers in Lowtown, Kenya, on Monday. "
        "One person was killed in the clash."
    )
    (event,) = acled_events(extractor, text)
    assert event.event_type == "armed-clash"
    assert event.counts.fatalities == 1
    assert "civilians-kenya" not in event.targets


def test_the_dead_of_the_clash_s_other_side_add_to_its_toll(extractor: Any) -> None:
    text = (
        "Kenyan soldiers clashed with Lowtown Front rebels near Lowtown, Kenya, on Monday, "
        "killing four rebels, the army said. One soldier was killed."
    )
    (event,) = acled_events(extractor, text)
    assert event.event_type == "armed-clash"
    assert event.counts.fatalities == 5  # a battle's dead of both sides


def test_deaths_told_besides_the_toll_stand_apart(extractor: Any) -> None:
    text = _LEAD + "Two more people were killed at the school."
    events = acled_events(extractor, text)
    assert sorted(e.counts.fatalities or 0 for e in events) == [2, 12]
    assert all(e.agents == ("military-forces-of-kenya",) for e in events)


@pytest.mark.parametrize(
    "later",
    [
        "Separately, five people were killed in Hightown.",
        "Elsewhere, five people were killed in Hightown.",
        "In another attack, five people were killed in Hightown.",
    ],
)
def test_another_happening_is_not_the_leads(extractor: Any, later: str) -> None:
    events = acled_events(extractor, _LEAD + later)
    there = [e for e in events if e.counts.fatalities == 5]
    assert len(there) == 1
    assert there[0].agents != ("military-forces-of-kenya",)


def test_deaths_of_another_day_are_not_the_leads(extractor: Any) -> None:
    text = _LEAD + "On Friday, five people were killed in the town of Hightown."
    article = Article("t", text, published=dt.date(2024, 7, 9))
    events = [e for e in extractor.extract_one(article).events if e.event_type in ACLED_SUB_TYPES]
    there = [e for e in events if e.counts.fatalities == 5]
    assert there and there[0].agents != ("military-forces-of-kenya",)


def test_wounded_others_after_a_toll_of_dead_are_the_leads(extractor: Any) -> None:
    """ "Around 30 others were wounded" after a lead that gave no wounded: the lead's."""
    (event,) = acled_events(extractor, _LEAD + "Around 30 others were wounded.")
    assert event.counts.fatalities == 12 and event.counts.injuries == 30


@pytest.mark.parametrize(
    "more", ["Another 30 people were wounded.", "A doctor said another 30 people were wounded."]
)
def test_another_number_of_wounded_after_a_toll_of_dead_are_the_leads(
    extractor: Any, more: str
) -> None:
    """ "another 30" adds to a toll: it opens no happening of its own ("another attack")."""
    (event,) = acled_events(extractor, _LEAD + more)
    assert event.counts.fatalities == 12 and event.counts.injuries == 30


def test_wounded_besides_the_leads_wounded_stand_apart(extractor: Any) -> None:
    lead = "Kenyan soldiers shelled Lowtown, Kenya, on Monday, killing 12 and wounding 20. "
    events = acled_events(extractor, lead + "Five more people were wounded at the school.")
    assert len(events) == 2


def test_a_headline_that_took_in_the_lead_is_told_on(extractor: Any) -> None:
    """The headline's event kept the lead's (one event told twice): later sentences go on
    telling it, as they would the lead's."""
    text = (
        "Kenyan air strike kills 12 in Lowtown, residents say\n\n"
        "An air strike by the Kenyan military killed at least 12 people in Lowtown, Kenya, on"
        " Monday, residents said.\n\nAround 30 others were wounded."
    )
    (event,) = acled_events(extractor, text)
    assert event.agents == ("military-forces-of-kenya",)
    assert event.counts.injuries == 30


def test_a_missile_told_after_a_wave_of_drone_strikes_is_the_waves(extractor: Any) -> None:
    """Strikes from afar told by the air, then by the weapon ("a missile hit"), are one
    kind: the town's strike told again is the lead's, not an unidentified group's."""
    text = (
        "Russian drone strikes killed five people in Lowtown, Ukraine, on Monday, officials"
        " said. In Lowtown, a missile hit an apartment building, the mayor said."
    )
    violent = [e for e in acled_events(extractor, text) if e.event_type in ACLED_SUB_TYPES]
    assert [e.agents for e in violent] == [("military-forces-of-russia",)]


def test_a_victim_shot_dead_during_the_raid_is_the_lead_s(extractor: Any) -> None:
    """Regression: "One guard was shot dead during the raid" after a lead's abduction was an
    attack of its own, an unidentified group's."""
    text = (
        "Bandits abducted 40 pupils from a boarding school in the Lowland state of Kenya on "
        "Friday, police said. One guard was shot dead during the raid, a teacher said."
    )
    events = acled_events(extractor, text)
    assert [e.event_type for e in events] == ["abduction-forced-disappearance"]


@pytest.mark.model
def test_a_headline_s_second_happening_is_no_host_for_the_lead_s_details(
    extractor: Any,
) -> None:
    """Regression: "..., rebels seize town" (told by the headline alone) became the host of
    the sentences after it, so "Fighter jets dropped bombs on a school" (the lead's strike
    told in detail) stood as a second strike with no doer and no place."""
    text = (
        "Junta air strike kills 12 in Magway village, rebels seize town\n\n"
        "YANGON, Feb 12 (Reuters) - A Myanmar military air strike on a village in the Magway"
        " region killed at least 12 people, including children, on Monday, villagers and a rebel"
        " group said.\n\n"
        "Fighter jets dropped bombs on a school and a clinic in the village, a local official"
        " said.\n"
    )
    strikes = [e for e in acled_events(extractor, text) if e.event_type == "air-drone-strike"]
    assert len(strikes) == 1
    assert strikes[0].counts.fatalities == 12


def test_harm_besides_is_read_once_per_doc_and_asked_per_sentence(extractor: Any) -> None:
    from kg.extract.continued import told_besides

    doc = extractor.nlp(
        "Gunmen killed three people in Lowtown. More than 40 homes burned. "
        "Two more were killed on Tuesday. The army sent troops. Another soldier died."
    )
    told = [told_besides(s) for s in doc.sents]
    assert told == [False, False, True, False, True]  # "more than 40" tells no harm besides
    # the same as reading each sentence's own tokens (the index is the Doc's, made once)
    assert told == [
        any(t.lower_ in {"also", "more", "another", "additional", "other", "further"}
            and not (t.i + 1 < len(doc) and t.nbor().lower_ == "than") for t in s)
        for s in doc.sents
    ]  # fmt: skip
