"""The role in an event decides a crowd's actor type (kg/extract/roles.py), on the real parse."""

from __future__ import annotations

from typing import Any

import pytest

from kg.model import ActorType, Article

pytestmark = pytest.mark.model


def _types(extractor: Any, text: str) -> dict[str, ActorType]:
    extraction = extractor.extract_one(Article("t", text))
    return {a.key: a.actor_type for a in extraction.actors}


def _mentions_by_type(extraction: Any) -> dict[ActorType, list[str]]:
    """The texts of the mentions of each actor type's actor (one actor per type here)."""
    return {a.actor_type: [m.text for m in a.mentions] for a in extraction.actors}


def test_people_who_protest_are_protesters_and_who_riot_rioters(extractor: Any) -> None:
    assert _types(extractor, "Teachers protested in Nairobi, Kenya over pay.") == {
        "protesters-kenya": ActorType.PROTESTERS
    }
    rioting = _types(extractor, "Residents rioted in Kisumu, Kenya and burned tyres.")
    assert rioting.get("rioters-kenya") is ActorType.RIOTERS


def test_an_attack_by_no_one_named_is_an_unidentified_armed_groups(extractor: Any) -> None:
    text = "A bomb killed two soldiers in Kabul, Afghanistan."
    assert _types(extractor, text).get("unidentified-armed-group-afghanistan") is (
        ActorType.POLITICAL_MILITIA
    )


def test_an_armed_actor_the_sentence_names_is_the_perpetrator(extractor: Any) -> None:
    text = "A bomb planted by the Taliban killed two soldiers in Kabul, Afghanistan."
    assert "unidentified-armed-group-afghanistan" not in _types(extractor, text)


@pytest.mark.parametrize(
    "text",
    [
        "The Taliban condemned the bombing that killed 12 people in Kabul, Afghanistan.",
        "The Taliban called for an end to the attacks that killed 12 people in Kabul, "
        "Afghanistan, on Monday.",
    ],
)
def test_who_condemns_or_calls_to_end_an_attack_did_not_do_it(extractor: Any, text: str) -> None:
    events = extractor.extract_one(Article("t", text)).events
    attacks = [e for e in events if e.event_type == "attack"]
    assert attacks and all("taliban" not in e.agents for e in attacks)


@pytest.mark.parametrize(
    "text",
    [
        "A car bomb exploded outside a police station in Lowtown on Saturday, killing 8 people.",
        "A bomb exploded near an army base in Lowtown on Saturday.",
    ],
)
def test_forces_named_by_the_place_hit_are_not_the_bombers(extractor: Any, text: str) -> None:
    """ "outside a police station": the police qualify the place that was hit, so they are the
    target; the bomb of no named perpetrator is an unidentified armed group's, not theirs."""
    extraction = extractor.extract_one(Article("t", text))
    labels = {a.key: a.label for a in extraction.actors}
    (event,) = [e for e in extraction.events if e.event_type != "statement"]
    assert [labels[k] for k in event.agents] == ["Unidentified Armed Group"]
    assert any(labels[k].startswith(("Police", "Military")) for k in event.targets)


@pytest.mark.parametrize(
    ("text", "rioters", "victim"),
    [
        ("Angry residents attacked and killed a man accused of witchcraft in Kisii, Kenya.",
         "Angry residents", "a man"),
        ("Rioting youths burned the house of a local farmer in Nakuru, Kenya.", "Rioting youths",
         "a local farmer"),
    ],
)  # fmt: skip
def test_people_who_riot_against_people_are_rioters_and_their_victims_civilians(
    extractor: Any, text: str, rioters: str, victim: str
) -> None:
    """Both are "civilians" until the riot: the mob's own words are the rioters' mention, the
    victim's stay the civilians', and the event has both (not an implicit rioter)."""
    extraction = extractor.extract_one(Article("t", text))
    by_key = {a.key: a for a in extraction.actors}
    (event,) = extraction.events
    (agent,) = [by_key[k] for k in event.agents]
    (target,) = [by_key[k] for k in event.targets]
    assert agent.actor_type is ActorType.RIOTERS
    assert [m.text for m in agent.mentions] == [rioters]
    assert target.actor_type is ActorType.CIVILIANS
    assert [m.text for m in target.mentions] == [victim]


def test_a_riot_does_not_make_the_victims_of_another_attack_rioters(extractor: Any) -> None:
    """Generic civilians are one actor per country until a riot makes its crowd rioters: the
    civilians an attack in the same article was done to stay civilians."""
    text = (
        "Residents rioted in Lowtown, Kenya on Monday over a land dispute. On Tuesday, gunmen "
        "killed two civilians in Lowtown."
    )
    extraction = extractor.extract_one(Article("t", text))
    by_key = {a.key: a for a in extraction.actors}
    riot, attack = extraction.events
    assert [by_key[k].actor_type for k in riot.agents] == [ActorType.RIOTERS]
    assert [by_key[k].actor_type for k in attack.targets] == [ActorType.CIVILIANS]
    assert [m.text for k in attack.targets for m in by_key[k].mentions] == ["civilians"]


@pytest.mark.parametrize(
    ("text", "crowd", "others"),
    [
        ("Hundreds of people protested in Lowtown, Kenya on Wednesday. On Tuesday, shelling "
         "wounded two civilians in Hightown.", ["people"], ["civilians"]),
        ("Hundreds of people protested in Lowtown, Kenya on Wednesday. \"We took the children to "
         "the basement,\" said Mary Otieno, a resident of Hightown.", ["people"],
         ["the children", "a resident of Hightown"]),
        ("Students marched in Lowtown, Kenya on Monday. Villagers said the road was closed.",
         ["Students"], ["Villagers"]),
        ("Residents protested in Lowtown, Kenya on Monday. They blocked the road. Two civilians "
         "were wounded by gunmen in Hightown.", ["Residents", "They"], ["civilians"]),
    ],
)  # fmt: skip
def test_a_crowds_role_renames_the_crowd_not_every_civilian(
    extractor: Any, text: str, crowd: list[str], others: list[str]
) -> None:
    """A protest makes its own crowd protesters (its words, a pronoun after them), not the
    civilians the article names elsewhere: the wounded, a quoted resident, who spoke."""
    by_type = _mentions_by_type(extractor.extract_one(Article("t", text)))
    assert by_type[ActorType.PROTESTERS] == crowd
    assert by_type[ActorType.CIVILIANS] == others


def test_the_arrested_are_the_crowd_and_a_bystander_a_civilian(extractor: Any) -> None:
    text = (
        "Villagers rioted in Lowtown, Kenya on Monday. Police arrested ten youths. A teacher said "
        "schools closed."
    )
    by_type = _mentions_by_type(extractor.extract_one(Article("t", text)))
    assert by_type[ActorType.RIOTERS] == ["Villagers", "youths"]
    assert by_type[ActorType.CIVILIANS] == ["A teacher"]


@pytest.mark.parametrize(
    ("text", "rioters", "civilians"),
    [
        ("Youths rioted in Lowtown, Kenya on Monday and burned tyres. Police clashed with "
         "rioting locals near the market. A trader said shops were closed.",
         ["Youths", "rioting locals"], ["A trader"]),
        ("Police clashed with rioting youth in Lowtown, Kenya after the killing of a cleric. The "
         "youth threw stones.", ["rioting youth", "The youth"], ["a cleric"]),
    ],
)  # fmt: skip
def test_a_crowd_told_rioting_is_the_rioters_whom_police_clash_with(
    extractor: Any, text: str, rioters: list[str], civilians: list[str]
) -> None:
    """People told doing what a crowd does ("rioting locals") are the riot's crowd even as
    the side police clash with; the clash's target is the rioters, the cleric a civilian."""
    extraction = extractor.extract_one(Article("t", text))
    by_key = {a.key: a for a in extraction.actors}
    by_type = _mentions_by_type(extraction)
    assert by_type[ActorType.RIOTERS] == rioters
    assert by_type[ActorType.CIVILIANS] == civilians
    (clash,) = [e for e in extraction.events if e.event_type == "armed-clash"]
    assert [by_key[k].actor_type for k in clash.targets] == [ActorType.RIOTERS]


def test_whom_police_shot_during_protests_are_the_crowd(extractor: Any) -> None:
    text = (
        "Police shot two people during protests in Lowtown, Kenya. Youths barricaded roads with "
        "stones and burned tyres."
    )
    by_type = _mentions_by_type(extractor.extract_one(Article("t", text)))
    assert by_type[ActorType.RIOTERS] == ["people", "Youths"]
    assert ActorType.CIVILIANS not in by_type


@pytest.mark.parametrize(
    "text",
    [
        "Students barricaded Kimathi road in Lowtown, Kenya, protesting the bus driver who "
        "injured a pupil.",
        "Residents blocked an avenue with burning tyres in Lowtown, Kenya to demonstrate against "
        "the death of a boy during a police raid.",
    ],
)
def test_whom_a_riot_is_about_is_no_target_of_it(extractor: Any, text: str) -> None:
    """The civilians a riot rose against ("protesting the bus driver") are what it is about,
    not whom it was done to: it has no civilian target (the rioters' victims in "angry
    residents attacked a man" stay its targets)."""
    extraction = extractor.extract_one(Article("t", text))
    by_key = {a.key: a for a in extraction.actors}
    riots = [e for e in extraction.events if e.event_type == "violent-demonstration"]
    assert riots
    assert all(by_key[k].actor_type is not ActorType.CIVILIANS for e in riots for k in e.targets)


def test_the_crowd_that_rioted_is_the_rioters_when_arrested(extractor: Any) -> None:
    text = "Residents rioted in Lowtown, Kenya on Monday. Police arrested ten residents."
    extraction = extractor.extract_one(Article("t", text))
    by_key = {a.key: a for a in extraction.actors}
    arrests = extraction.events[-1]
    assert [by_key[k].actor_type for k in arrests.targets] == [ActorType.RIOTERS]


@pytest.mark.parametrize(
    "text",
    [
        "Three civilians died when a bomb exploded in Lowtown.",
        "Two Kenyan soldiers died in Lowtown on Monday.",
        "At least 12 villagers died in attacks in Lowtown, Kenya on Monday.",
    ],
)
def test_who_died_is_acted_on_not_the_agent(extractor: Any, text: str) -> None:
    """Regression: the subject of "died" was read as the event's agent (civilians
    setting off the bomb)."""
    extraction = extractor.extract_one(Article("t", text))
    dead = {a.key for a in extraction.actors if a.mentions}  # the only actor named
    assert extraction.events
    assert all(not set(e.agents) & dead for e in extraction.events)
    assert any(set(e.targets) & dead for e in extraction.events)


@pytest.mark.parametrize("noun", ["attacks", "an attack"])
def test_the_by_phrase_of_an_attack_is_its_agent_the_dead_its_targets(
    extractor: Any, noun: str
) -> None:
    """Regression: in "people died in attacks by jihadists" the dead were read as the
    attack's agent and the "by" phrase was lost."""
    text = f"At least 12 villagers died in {noun} by jihadists in Lowtown, Kenya on Monday."
    extraction = extractor.extract_one(Article("t", text))
    by_key = {a.key: a for a in extraction.actors}
    (attack,) = extraction.events
    assert [[m.text for m in by_key[k].mentions] for k in attack.agents] == [["jihadists"]]
    assert [by_key[k].actor_type for k in attack.targets] == [ActorType.CIVILIANS]


def test_a_crowd_whose_every_mention_is_a_victim_is_implied(extractor: Any) -> None:
    """A riot's agent whose words all name the victims of another event keeps them as they
    are; the riot's crowd is then an implied actor (no mention), which the extraction must
    hold like any other it names (else the article cannot be mapped)."""
    text = (
        "A guard for a charity was hospitalised after being hacked with machetes by a gang of "
        "thieves when they attacked the charity's office at night during a black out. They "
        "demanded to be shown where the motorbikes were, and attacked the guard when they "
        "could not find them immediately."
    )
    extraction = extractor.extract_one(Article("t", text))  # raises on a key no actor holds
    assert extraction.unheld() is None


@pytest.mark.parametrize(
    "text",
    [
        "A car bomb exploded near a checkpoint in Lowtown on Monday, killing five people, police "
        "said.",
        "A suicide bomber blew himself up at a market in Lowtown, killing 12, police said.",
        "Police said a bomb exploded at a market in Lowtown on Monday, killing two people.",
        "Two traders were abducted in Lowtown on Monday, according to police.",
        "A roadside bomb wounded three traders in Lowtown, a spokesman for the army said.",
    ],
)
def test_who_reports_an_attack_is_its_source_not_its_doer(extractor: Any, text: str) -> None:
    """ "..., police said", "according to police": the reporter is who the event is reported
    by; a doerless attack is an unidentified armed group's (kg/extract/reporters.py)."""
    extraction = extractor.extract_one(Article("t", text))
    labels = {a.key: a.label for a in extraction.actors}
    (event,) = [e for e in extraction.events if e.event_type != "statement"]
    assert [labels[k] for k in event.agents] == ["Unidentified Armed Group"]
    assert [labels[k] for k in event.reported_by] in (["Police Forces"], ["Military Forces"])


@pytest.mark.parametrize(
    "text",
    [
        "Police said they shot two robbers in Lowtown on Monday.",
        "A bomb planted by police killed two traders in Lowtown, police said.",
    ],
)
def test_a_reporter_the_text_makes_the_doer_stays_the_doer(extractor: Any, text: str) -> None:
    extraction = extractor.extract_one(Article("t", text))
    labels = {a.key: a.label for a in extraction.actors}
    (event,) = [e for e in extraction.events if e.event_type != "statement"]
    assert [labels[k] for k in event.agents] == ["Police Forces"]


def test_men_suspected_to_be_from_a_place_are_still_the_doers(extractor: Any) -> None:
    # "suspected" is a verb of blame, but its men are who raided, not one who blames
    text = (
        "Pokot bandits suspected to be from Lowtown, Upton raided Hightown in Kenya on "
        "Saturday, injuring two herders."
    )
    attacks = [e for e in extractor.extract_one(Article("t", text)).events]
    assert attacks and "unidentified-armed-group-kenya" not in attacks[0].agents


def test_mentions_are_grouped_by_key_in_their_order() -> None:
    from kg.extract.found import Found
    from kg.extract.roles import _by_key

    one = Found("actor", 0, 1, "civilians", "Civilians")
    other = Found("place", 3, 4, "lowtown", "Lowtown")
    again = Found("actor", 6, 7, "civilians", "Civilians")
    assert _by_key([one, other, again]) == {"civilians": [one, again], "lowtown": [other]}


@pytest.mark.parametrize(
    "text",
    [
        "A protester died after being hit by a police tear gas canister in Quito, Ecuador.",
        "One protester died after being hit in the head by a tear gas canister in Quito, "
        "Ecuador, a rights group said.",
    ],
)
def test_force_on_protesters_by_no_one_named_is_the_polices_on_the_crowd(
    extractor: Any, text: str
) -> None:
    (force,) = [
        e
        for e in extractor.extract_one(Article("t", text)).events
        if e.event_type == "excessive-force-against-protesters"
    ]
    assert force.agents == ("police-forces-of-ecuador",)
    assert force.targets == ("protesters-ecuador",)
