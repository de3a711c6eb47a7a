"""Crowds in ACLED's coding, on the real model: the violence of unorganised crowds is a riot,
and a protest's sentence tells one protest. Made-up sentences."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from kg.model import Article, Extraction
from tests.extract.extracted import acled_events, top_event_type

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    "text",
    [
        "On 3 March 2021, villagers assaulted a shopkeeper in Lowtown over the price of maize.",
        "On 3 March 2021, a suspected thief was beaten up by locals in Lowtown.",
        "On 3 March 2021, hundreds of students attacked their teachers in Lowtown.",
    ],
)
def test_violence_by_a_crowd_is_mob_violence(extractor: Any, text: str) -> None:
    assert top_event_type(extractor, text) == "mob-violence"


@pytest.mark.parametrize(
    "text",
    [
        # a crowd that shoots is armed; youths of a community or a militia are its militia
        "On 3 March 2021, villagers shot and killed a shopkeeper in Lowtown.",
        "On 3 March 2021, youths from the Hill community attacked herders in Lowtown.",
    ],
)
def test_armed_or_organised_doers_attack(extractor: Any, text: str) -> None:
    assert top_event_type(extractor, text) == "attack"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "On 3 March 2021, residents closed the main road by burning tyres in Lowtown, "
            "denouncing the lack of water.",
            "violent-demonstration",
        ),
        ("On 3 March 2021, a mob torched a bus in Lowtown after an accident.", "mob-violence"),
    ],
)
def test_destruction_by_a_crowd_is_a_riot(extractor: Any, text: str, expected: str) -> None:
    assert top_event_type(extractor, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "On 3 March 2021, a group mobilised in Lowtown to protest the killing of a cleric.",
        "On 3 March 2021, traders in Lowtown protested against the release of the mayor's son.",
        "On 3 March 2021, a senator joined supporters in a protest outside the court in Lowtown.",
    ],
)
def test_what_a_protest_sentence_tells_besides_is_its_setting(extractor: Any, text: str) -> None:
    assert top_event_type(extractor, text) == "peaceful-protest"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # no armed side: supporters who clash riot
        (
            "On 3 March 2021, supporters of two rival candidates clashed in Lowtown, injuring "
            "four people.",
            "mob-violence",
        ),
        ("On 3 March 2021, fishermen set fire to a patrol boat in Lowtown.", "mob-violence"),
        (
            "On 3 March 2021, villagers stoned to death two cattle thieves in Lowtown.",
            "mob-violence",
        ),
        (
            "On 3 March 2021, hundreds of supporters of the governor poured into the streets of "
            "Lowtown.",
            "peaceful-protest",
        ),
    ],
)
def test_crowd_acts_told_by_phrases(extractor: Any, text: str, expected: str) -> None:
    assert top_event_type(extractor, text) == expected


def test_an_attack_protested_makes_no_protest_violent(extractor: Any) -> None:
    text = "On 3 March 2021, nurses in Lowtown protested attacks on health workers by the police."
    assert top_event_type(extractor, text) == "peaceful-protest"


def test_protesters_protest_when_the_parse_gives_them_no_verb(extractor: Any) -> None:
    text = "On Feb 01 protesters in As Lowtown rejected the nominee."
    assert top_event_type(extractor, text) == "peaceful-protest"


@pytest.mark.parametrize(
    "text",
    [
        "Running battles between protesters and the police broke out in Lowtown on Monday.",
        "Supporters of the Lowtown Party and police officers clashed in Upton on Monday.",
    ],
)
def test_a_crowd_and_the_police_clashing_riot(extractor: Any, text: str) -> None:
    """A crowd facing the police is no armed side: a violent demonstration, not a clash."""
    assert top_event_type(extractor, text) == "violent-demonstration"


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # force used on a crowd: ACLED's excessive force against protesters
        ("On 3 May 2021, police used excessive force against protesters in Lowtown.",
         "excessive-force-against-protesters"),
        # no crowd: no protest
        ("On 3 May 2021, police used excessive force against a suspect in Lowtown.", None),
    ],
)  # fmt: skip
def test_excessive_force_needs_a_crowd(extractor: Any, text: str, expected: str | None) -> None:
    assert top_event_type(extractor, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # what is shown is a thing, or state forces or a company hold it and no crowd is told
        "On 3 March 2021, the company gave a demonstration of its new drone to army officers "
        "in Lowtown.",
        "On 3 March 2021, the army held a live-fire demo for visiting officials in Lowtown.",
        "On 3 March 2021, the army held a demonstration of force near the border with Lowland.",
        # state forces show what they own: "their" as well as "its"
        "On 3 March 2021, the army gave a demonstration of their new rifles in Lowtown.",
        # what is shown is no event of its own
        "On 3 March 2021, the navy staged a demonstration of its missile defences near Lowtown.",
    ],
)
def test_a_showing_is_no_protest(extractor: Any, text: str) -> None:
    assert top_event_type(extractor, text) is None


@pytest.mark.parametrize(
    "text",
    [
        "On 3 March 2021, a demonstration of thousands blocked the main road in Lowtown.",
        "On 3 March 2021, thousands joined a demonstration of teachers in Lowtown.",
        "On 3 March 2021, students held a demonstration against the government in Lowtown.",
        "On 3 March 2021, traders staged a demo in Lowtown over new taxes.",
        "On 3 March 2021, the opposition party held a demonstration in Lowtown.",
        # the month is no crowd, a crowd told beside the army is
        "On 3 March 2021, residents held a demo outside the army base in Lowtown.",
        # a crowd shows what it feels
        "On 3 March 2021, residents staged a demonstration of their anger in Lowtown.",
    ],
)
def test_a_demonstration_of_people_is_a_protest(extractor: Any, text: str) -> None:
    assert top_event_type(extractor, text) == "peaceful-protest"


@pytest.mark.parametrize(
    "text",
    [
        # stones are a crowd's weapons: who fight with them, and no gun, riot
        "On 8 March 2021, two groups clashed and pelted stones at each other in Lowtown.",
        # a crowd against the police riots, it does not fight a battle
        "On 8 March 2021, a policewoman was attacked by a group of vendors in Lowtown.",
        "On 8 March 2021, a group of taxi bike riders threw stones at two soldiers in Lowtown.",
    ],
)
def test_stones_and_crowds_against_the_police_are_riots(extractor: Any, text: str) -> None:
    assert top_event_type(extractor, text) == "mob-violence"


def test_men_who_shoot_and_throw_stones_stay_armed(extractor: Any) -> None:
    text = "On 8 March 2021, gunmen shot a trader and threw stones at his shop in Lowtown."
    assert top_event_type(extractor, text) == "attack"


@pytest.mark.parametrize(
    "text",
    [
        # the "by" phrase of a passive verb's conjunct names the doers of both
        "On 9 March 2021, a man who tried to rob a kiosk in Lowtown was beaten and tied up by "
        "rioters.",
        # people named by a crowd's word are that crowd
        "On 9 March 2021, a group of local people killed a man by setting him on fire in Lowtown.",
    ],
)
def test_crowds_named_another_way_riot(extractor: Any, text: str) -> None:
    assert top_event_type(extractor, text) == "mob-violence"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a suspected thief punished, no armed man named: mob justice
        ("On 9 March 2021, a man was beaten up after being caught stealing in Lowtown.",
         "mob-violence"),
        ("On 9 March 2021, two suspected thieves were burnt to death in Lowtown market.",
         "mob-violence"),
        # the police or gunmen who do it attack
        ("On 9 March 2021, police beat a suspected thief in Lowtown.", "attack"),
        ("On 9 March 2021, gunmen shot dead a suspected thief in Lowtown.", "attack"),
    ],
)  # fmt: skip
def test_suspected_thieves_punished(extractor: Any, text: str, expected: str) -> None:
    assert top_event_type(extractor, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # crowds fighting each other at a rally press no demand: a mob's violence
        ("On 9 March 2021, Lowland and Upland supporters clashed and threw stones at each other "
         "during the governor's rally in Lowtown.", "mob-violence"),
        ("On 9 March 2021, supporters of the two candidates threw stones at each other in Lowtown "
         "where the President was to hold a rally.", "mob-violence"),
        # named protesters who fight each other still demonstrate
        ("On 9 March 2021, two groups of protesters clashed with each other in Lowtown over the "
         "school fees.", "violent-demonstration"),
    ],
)  # fmt: skip
def test_crowds_fighting_each_other(extractor: Any, text: str, expected: str) -> None:
    assert top_event_type(extractor, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the sides a clash names, each with its conjuncts, riot where a crowd's word names
        # one and no armed group is among them
        ("On 9 March 2021, a clash erupted between police and shopkeepers in Lowtown after an "
         "officer slapped a shopkeeper.", "mob-violence"),
        ("On 9 March 2021, Lowland police and refugees clashed in the Lowtown camp, killing two "
         "people.", "mob-violence"),
        ("On 9 March 2021, two people were injured during a running battle between police and "
         "shopkeepers in Lowtown.", "mob-violence"),
        # soldiers and residents against militants fight a battle
        ("On 9 March 2021, soldiers and residents clashed with militants in Lowtown.",
         "armed-clash"),
        ("On 9 March 2021, fighting broke out between the army and militants in Lowtown.",
         "armed-clash"),
    ],
)  # fmt: skip
def test_crowds_facing_the_police(extractor: Any, text: str, expected: str) -> None:
    assert top_event_type(extractor, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "On 3 March 2021, hundreds marched in Lowtown to protest the killing of civilians by "
        "the army.",
        "On 3 March 2021, hundreds protested the killing of traders by rebels in Lowtown.",
    ],
)
def test_those_a_protests_grievance_names_are_not_its_actors(extractor: Any, text: str) -> None:
    (event,) = acled_events(extractor, text)
    assert (event.event_type, event.targets) == ("peaceful-protest", ())


def test_tear_gas_told_after_a_protest_is_its_intervention(extractor: Any) -> None:
    """ "Police fired tear gas to disperse them": the crowd of the sentence before, dispersed;
    one protest with intervention (no clash), on the protest's day."""
    text = (
        "Kenyan soldiers killed three militants near the Somali border on Sunday, the army"
        " said.\n\nOn Friday, hundreds of students protested in Kisumu against fuel prices."
        " Police fired tear gas to disperse them, witnesses said."
    )
    told: Extraction = extractor.extract_one(Article("t", text, published=dt.date(2024, 3, 5)))
    events = [e for e in told.events if "Kisumu" in e.sentence.text
              or "tear gas" in e.sentence.text if e.event_type != "statement"]  # fmt: skip
    (protest,) = events
    assert protest.event_type == "protest-with-intervention"
    assert protest.agents == ("protesters-kenya",)
    assert protest.targets == ("police-forces-of-kenya",)
    assert protest.time is not None and protest.time.date == dt.date(2024, 3, 1)


def test_tear_gas_at_no_crowd_told_before_is_no_protest(extractor: Any) -> None:
    text = "Rebels attacked Lowtown on Sunday. Police fired tear gas at them, witnesses said."
    assert not any(e.event_type.startswith("protest") for e in acled_events(extractor, text))


@pytest.mark.parametrize("people", ["guests", "revellers", "partygoers"])
def test_people_at_a_party_or_a_wedding_are_civilians(extractor: Any, people: str) -> None:
    text = (
        f"Gunmen opened fire on a wedding in Lowtown, Mexico, on Saturday, killing eight {people}."
    )
    (attack,) = acled_events(extractor, text)
    assert attack.event_type == "attack" and attack.targets == ("civilians-mexico",)


def test_who_an_indirect_question_asks_about_is_no_crowd(extractor: Any) -> None:
    """ "Did not say who carried out the attack": the "who" asks; the young people told
    before did not do it (no mob violence, no rioters)."""
    text = (
        "Gunmen killed six people at a bar in Lowtown, Mexico, where a group of young people"
        " had gathered. Police did not say who carried out the attack."
    )
    events = acled_events(extractor, text)
    assert [e.event_type for e in events] == ["attack"]
    assert events[0].targets == ("civilians-mexico",)


@pytest.mark.parametrize(
    "text",
    [
        "Hundreds demonstrated in Lowtown, Kenya, on Monday, where police fired tear gas to"
        " disperse the crowd.",
        "Protests also took place in Lowtown and Hightown, Kenya, on Monday, where police fired"
        " tear gas to disperse crowds.",
    ],
)
def test_tear_gas_in_a_where_clause_of_the_protest_is_its_intervention(
    extractor: Any, text: str
) -> None:
    """Was two protests with intervention, the protesters' and the police's."""
    (protest,) = acled_events(extractor, text)
    assert protest.event_type == "protest-with-intervention"
    assert protest.agents == ("protesters-kenya",)
    assert protest.targets == ("police-forces-of-kenya",)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a rally a phrase of place or time names is where a crowd's violence happened
        (
            "On 3 May, supporters of two candidates clashed at a party rally in Lowtown.",
            "mob-violence",
        ),
        (
            "On 3 May, youths threw stones at the convoy of an opposition leader during a rally "
            "in Lowtown.",
            "mob-violence",
        ),
        (
            "On 3 May, youths heading to a political rally smashed the windows of a bus in "
            "Lowtown.",
            "mob-violence",
        ),
        # protesters at a rally, and a rally that throws stones, demonstrate
        (
            "On 3 May, protesters at a rally in Lowtown threw stones at police.",
            "violent-demonstration",
        ),
        (
            "On 3 May, hundreds held a rally in Lowtown against the governor and threw stones at "
            "police.",
            "violent-demonstration",
        ),
    ],
)
def test_a_rally_where_a_crowd_fights_is_its_setting(
    extractor: Any, text: str, expected: str
) -> None:
    assert top_event_type(extractor, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Villagers fought to free the town of Lowtown, Ruritania, on Sunday.",
        "Residents battled to retake the village of Lowtown, Ruritania, on Sunday.",
    ],
)
def test_a_fight_for_ground_is_a_battle_not_a_riot(extractor: Any, text: str) -> None:
    # the taking of ground is the fight's aim, told in it: one armed clash
    assert [e.event_type for e in acled_events(extractor, text)] == ["armed-clash"]


def test_people_the_police_killed_during_protests_are_one_event(extractor: Any) -> None:
    """ "police shot dead five people during protests": the lethal force is the event (ACLED's
    excessive force against protesters), the protests its setting, no protest of its own."""
    text = "In Hightown, police shot dead at least five people during protests on Tuesday night."
    types = [e.event_type for e in acled_events(extractor, text)]
    assert types == ["excessive-force-against-protesters"]


def test_a_wish_told_of_a_crowd_is_no_protest(extractor: Any) -> None:
    text = (
        "The governor closed the schools of Lowtown, saying the demonstrators wanted to topple"
        " the council."
    )
    assert acled_events(extractor, text) == []


def test_a_crowd_that_acts_protests(extractor: Any) -> None:
    text = "The governor said the demonstrators blocked the road to Lowtown on Monday."
    assert acled_events(extractor, text) != []
