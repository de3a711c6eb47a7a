"""Acts told as a rule, as what came before the story, or as who a group is, are no events
(kg/extract/habits.py), on the real model. Made-up sentences."""

from __future__ import annotations

from typing import Any

import pytest

from tests.extract.extracted import acled_events, extract

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    "text",
    [
        "The Kenyan army has said it targets only criminals in Lowtown.",
        "The Kenyan army said it attacks only armed groups.",
        "Rights groups accuse Kenyan troops of killing civilians in operations.",
        "Rights groups have accused Kenyan troops of killing civilians in operations.",
        "The camp is home to thousands of people who fled earlier fighting in Lowtown.",
        "It is the term the army uses for the armed groups fighting its rule.",
        "The coalition supports the rebels through training, advise and assist operations, "
        "airstrikes and material support.",
        "Ruritania backs the Lowtown militia with airstrikes and advisers.",
        # whom a war describes: the years of its war, no occasion
        "The Lowland Liberation Front, which fought a two-year war with the government, said "
        "it would respect the vote.",
        "The Hill People's Army, which waged an insurgency in the north, said it would respect "
        "the vote.",
        # a campaign going on, the scene of another act
        "The minister spoke as the army pressed an offensive against the Lowland Front, which "
        "has held the hills since 2019.",
    ],
)
def test_a_rule_a_habit_or_the_past_is_no_event(extractor: Any, text: str) -> None:
    assert acled_events(extractor, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "The president vowed to fight corruption in Lowtown.",
        "The talks are an effort to advance a political solution in Lowtown.",
        "The opposition attacked the decision in Lowtown on Monday.",
        "The UN called for an end to the fighting in Lowtown.",
    ],
)
def test_acts_on_words_or_scourges_and_what_is_to_stop_are_no_events(
    extractor: Any, text: str
) -> None:
    # kg/extract/clauses.py abstract_object, kg/extract/modality.py to_end
    assert acled_events(extractor, text) == []


def test_the_war_s_toll_of_displaced_is_no_event(extractor: Any) -> None:
    text = "The war has killed thousands of people and displaced more than two million."
    assert extract(extractor, text).events == () or not any(
        e.event_type in ("displacement", "attack") for e in extract(extractor, text).events
    )


@pytest.mark.parametrize(
    "text",
    [
        "The Kenyan army said it attacked a rebel camp near Lowtown on Monday.",
        "Police accused the gunmen of killing three farmers in Lowtown on Monday.",
        "Fighting displaced 500 families from Lowtown, Kenya, on Monday.",
        "Gunmen kill 12 at a Lowtown market, residents say\n\nGunmen killed 12 people.",
        # "retook" read as a present by the small model: a past all the same
        "Rebel fighters retook the town of Lowtown, Kenya, on Thursday, activists said.",
        "The coalition supported the rebels with airstrikes near Lowtown, Kenya, on Monday.",
        "Rebels fought the army in Lowtown, Kenya, on Monday.",
    ],
)
def test_one_occasion_told_stays_an_event(extractor: Any, text: str) -> None:
    assert extract(extractor, text).events
    assert any(e.event_type != "statement" for e in extract(extractor, text).events)


@pytest.mark.parametrize(
    ("text", "triggers"),
    [
        ("Soldiers killed three rebels near Lowtown on Friday in retaliation for attacks on "
         "army posts.", ["killed"]),
        ("The army shelled rebel positions near Lowtown in reprisal for rocket attacks on "
         "Upton, officials said.", ["shelled"]),
    ],
)  # fmt: skip
def test_the_attacks_an_act_answers_are_no_event(
    extractor: Any, text: str, triggers: list[str]
) -> None:
    """ "in retaliation for attacks on army posts": a series before the story's act, its
    cause; the act answering it is the event, with its own doer."""
    events = acled_events(extractor, text)
    assert [e.trigger.text for e in events] == triggers
    assert events[0].agents == ("military-forces",)


def test_attacks_an_act_answers_with_a_number_are_not_a_series(extractor: Any) -> None:
    """ "in response to two attacks on Thursday": those attacks, told with their number."""
    text = (
        "Soldiers raided a rebel camp near Lowtown on Friday in response to two attacks on "
        "army posts in Upton."
    )
    assert "attacks" in [e.trigger.text for e in acled_events(extractor, text)]


@pytest.mark.model
def test_attacks_a_side_says_it_was_responding_to_are_no_event(extractor: Any) -> None:
    """Regression: "said its fighters were responding to attacks by the army" made an attack
    by the army: a justification, the acts answered a series before the story's."""
    text = (
        "The rebels denied targeting civilians and said their fighters were responding to"
        " attacks by the army and allied groups.\n"
    )
    assert not [e for e in acled_events(extractor, text) if e.event_type != "statement"]


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "Kenyan troops, deployed in Lowland province since 2021, said they had killed five "
        "rebels near Hightown on Tuesday.",
        "Ugandan troops, deployed in the region, said rebels attacked their base on Tuesday.",
    ],
)
def test_men_described_by_their_past_sending_are_no_deployment(extractor: Any, text: str) -> None:
    """ "troops, deployed in X since 2021, said": who they are, not a move of the story."""
    events = acled_events(extractor, text)
    assert "change-to-group-activity" not in [e.event_type for e in events]


@pytest.mark.model
def test_men_sent_on_the_story_s_day_are_a_deployment(extractor: Any) -> None:
    text = "Soldiers sent to Hightown on Monday clashed with rebels near the market."
    events = acled_events(extractor, text)
    assert "sent" in [e.trigger.text for e in events]


@pytest.mark.parametrize(
    "text",
    [
        "The court said on Monday that a man had been executed for stabbing a guard in Lowtown.",
        "Officials said two men were sentenced to death for killing a policeman in Lowtown.",
    ],
)
def test_the_crime_a_punishment_is_for_is_no_event(extractor: Any, text: str) -> None:
    """What a court punished was done before the story: no stabbing, no killing told."""
    triggers = {e.trigger.text for e in acled_events(extractor, text)}
    assert not triggers & {"stabbing", "killing"}


@pytest.mark.parametrize(
    "text",
    [
        "The mayor called on the army to protect the Lowland community, which has been "
        "repeatedly targeted by the Hill Front.",
        "The Hill Front says it has laid down its arms, but the group has carried out a series "
        "of attacks on schools and markets.",
        "Bandits have carried out several raids on villages in Lowland.",
    ],
)
def test_a_series_told_in_the_perfect_is_no_event(extractor: Any, text: str) -> None:
    assert acled_events(extractor, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Rebels have repeatedly attacked the town of Lowtown since Monday.",
        "Bandits repeatedly attacked the village of Lowtown, residents said.",
    ],
)
def test_a_series_with_its_own_day_or_in_the_past_is_an_event(extractor: Any, text: str) -> None:
    assert acled_events(extractor, text) != []


@pytest.mark.parametrize(
    "text",
    [
        "The Hill Front, a coalition of armed groups formed in 2019, has fought the government "
        "of President John Smith since disputed elections that year.",
        "The Lowland Liberation Army has waged an armed rebellion against the state since 2015.",
        "The two neighbours fought a two-month war in 2016 over the Hill region, in which 900"
        " soldiers were killed.",
    ],
)
def test_a_war_fought_since_before_the_story_is_no_event(extractor: Any, text: str) -> None:
    assert acled_events(extractor, text) == []


def test_fighting_since_a_day_of_the_story_is_an_event(extractor: Any) -> None:
    text = "Rebels of the Hill Front have been fighting soldiers in Lowtown since Monday morning."
    assert acled_events(extractor, text) != []


def test_protests_a_group_called_tell_who_it_is(extractor: Any) -> None:
    text = (
        "The Farmers Union, which called the protests, said at least 40 people were injured in"
        " Lowtown."
    )
    assert acled_events(extractor, text) == []
