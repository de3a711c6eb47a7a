"""An event's arguments from the parse (kg/extract/arguments.py): here, the subject pronoun
of a clause a speaker's verb governs stands for the speaker. Made-up sentences."""

from __future__ import annotations

from typing import Any

import pytest

from kg.model import Article
from tests.extract.extracted import acled_events

pytestmark = pytest.mark.model


def test_a_denial_s_victims_do_not_do_the_act_the_denier_claims(extractor: Any) -> None:
    """Regression: "it" stood for the nearest actor before it, the civilians of the denied
    act, who became rioters striking the depots."""
    text = (
        "The Lowland defence ministry denied targeting civilians in Lowtown and said it had"
        " struck military depots."
    )
    events = acled_events(extractor, text)
    assert not any(e.event_type == "mob-violence" for e in events)
    assert not any(a.startswith("civilians") or a.startswith("rioters")
                   for e in events for a in e.agents)  # fmt: skip


def test_the_speaker_s_it_is_the_speaker(extractor: Any) -> None:
    text = (
        "The Lowtown Liberation Front denied attacking civilians and said it had ambushed an"
        " army convoy near Hightown."
    )
    (event,) = acled_events(extractor, text)
    assert event.agents == ("lowtown-liberation-front",)


def test_they_said_of_others_is_not_the_speaker(extractor: Any) -> None:
    """A pronoun the speaker names another with stays the nearest actor: "Residents said they
    saw soldiers" is no rule for objects; here "they" is the subject of its own clause."""
    text = "Rebels said they had attacked an army base near Lowtown."
    (event,) = acled_events(extractor, text)
    assert event.agents == ("rebels",)


def test_the_speaker_is_the_actor_its_subject_names(extractor: Any) -> None:
    text = (
        "A Lowtown Liberation Front statement said that they had ambushed an army convoy near"
        " Hightown."
    )
    events = [e for e in acled_events(extractor, text) if e.trigger.text == "ambushed"]
    assert [e.agents for e in events] == [("lowtown-liberation-front",)]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Rebels captured the town of Lowtown on Sunday. Five soldiers surrendered on Monday,"
         " they said.", "Rebels"),
        ("Police said gunmen attacked a village near Lowtown on Monday. Five traders were"
         " abducted, they said.", "Police Forces"),
    ],
)  # fmt: skip
def test_they_said_after_a_clause_is_not_who_the_clause_names(
    extractor: Any, text: str, speaker: str
) -> None:
    """ "Five soldiers surrendered, they said": the speaker is not the soldiers the clause it
    reports names but the one the sentences before tell speaking or acting (the rebels who
    took the town, the police who spoke); what it reports is reported by that one."""
    extraction = extractor.extract_one(Article("t", text))
    labels = {a.key: a.label for a in extraction.actors}
    said = [e for e in extraction.events if e.event_type == "statement"]
    assert {labels[k] for e in said for k in e.agents} == {speaker}
    assert all(labels[k] == speaker for e in extraction.events for k in e.reported_by)


@pytest.mark.parametrize(
    ("text", "trigger", "agent"),
    [
        ("The fighters detonated a car bomb near the base before storming it.", "storming",
         "unidentified-armed-group"),
        ("Militants surrounded the village and burned it.", "burned", "militants"),
    ],
)  # fmt: skip
def test_it_stands_for_no_plural_common_noun(
    extractor: Any, text: str, trigger: str, agent: str
) -> None:
    """Regression: "it" took the clause's plural subject, the doers their own target."""
    event = next(e for e in extractor.extract_one(Article("t", text)).events
                 if e.trigger.text == trigger)  # fmt: skip
    assert event.agents == (agent,)
    assert agent not in event.targets


def test_the_men_sent_do_what_they_were_sent_to_do(extractor: Any) -> None:
    """ "Lowland sent troops to fight rebels": the clash's doers are the troops sent."""
    events = acled_events(extractor, "Lowland sent troops to fight rebels near Lowtown on Monday.")
    clashes = [e for e in events if e.event_type == "armed-clash"]
    assert clashes and all(clash.agents for clash in clashes)
    assert not any(a.startswith("rebels") for c in clashes for a in c.agents)


@pytest.mark.parametrize(
    "text",
    [
        "The al Qaeda affiliate JNIM attacked an army base near Gao, Mali, on Monday.",
        "JNIM, an al Qaeda affiliate, attacked an army base near Gao, Mali, on Monday.",
        # the name glossed in brackets: the parser hangs "al Qaeda" on the group itself
        "The al Qaeda affiliate JNIM (Group for the Support of Islam and Muslims) attacked an"
        " army base near Gao, Mali, on Monday.",
        "Islamic State's West Africa affiliate ISWAP attacked an army base near Gao, Mali, on"
        " Monday.",
    ],
)
def test_a_group_named_as_an_affiliates_patron_takes_no_part(extractor: Any, text: str) -> None:
    """The group an affiliate noun names as patron ("the al Qaeda affiliate X") is no agent
    of X's act: ACLED codes the affiliate alone."""
    (event,) = acled_events(extractor, text)
    assert len(event.agents) == 1 and "qaeda" not in event.agents[0]
    assert event.agents[0] != "islamic-state"


def test_the_possessive_of_an_act_done_by_another_underwent_it(extractor: Any) -> None:
    """ "John Doe's arrest by soldiers": the "by" phrase names who arrested, so the possessive
    is who was arrested (it was an agent of its own arrest)."""
    text = (
        "The abduction of two aid workers and John Doe's arrest by soldiers in Lowtown on"
        " Monday were confirmed by the UN."
    )
    extraction = Article("t", text)
    arrest = next(e for e in extractor.extract_one(extraction).events if e.trigger.text == "arrest")
    assert arrest.targets == ("john-doe",)
    assert "john-doe" not in arrest.agents and arrest.agents


def test_a_by_phrase_of_manner_leaves_the_possessive_the_doer(extractor: Any) -> None:
    """ "their attack by surprise": "by" tells how, not who, so the possessive still did it."""
    text = "The rebels' attack by surprise on the base in Lowtown killed two soldiers."
    attack = next(e for e in extractor.extract_one(Article("t", text)).events)
    assert attack.agents == ("rebels",) and "rebels" not in attack.targets


@pytest.mark.parametrize(
    ("text", "key"),
    [
        (
            "Gunmen shot dead a militia commander in Kismayo, Somalia on Monday.",
            "unidentified-armed-group-somalia",
        ),
        (
            "A soldier shot dead two fellow soldiers at a barracks in Kabul, Afghanistan.",
            "military-forces-of-afghanistan",
        ),
        (
            "Gunmen stormed a market in Kismayo, Somalia, and they shot dead a militia commander.",
            "unidentified-armed-group-somalia",
        ),
    ],
)
def test_one_actor_named_apart_on_each_side_is_agent_and_target(
    extractor: Any, text: str, key: str
) -> None:
    events = extractor.extract_one(Article("t", text)).events
    assert any(e.agents == (key,) and e.targets == (key,) for e in events)


def test_a_pronoun_for_the_target_does_not_make_it_its_own_agent(extractor: Any) -> None:
    text = "Gunmen stormed a market in Kismayo, Somalia, and the gunmen shot them."
    events = extractor.extract_one(Article("t", text)).events
    assert all(not set(e.agents) & set(e.targets) for e in events)


def test_an_armed_target_named_apart_from_its_like_agent_makes_a_clash(extractor: Any) -> None:
    text = "Gunmen killed a gang member in San Salvador, El Salvador on Monday."
    (event,) = extractor.extract_one(Article("t", text)).events
    assert event.event_type == "armed-clash"


def test_a_sides_own_dead_a_clash_tells_are_no_target_of_that_side(extractor: Any) -> None:
    text = (
        "Soldiers clashed with militants near Gao, Mali, on Monday, killing six militants and "
        "an officer."
    )
    (event,) = extractor.extract_one(Article("t", text)).events
    assert event.agents == ("military-forces-of-mali",)
    assert "military-forces-of-mali" not in event.targets
