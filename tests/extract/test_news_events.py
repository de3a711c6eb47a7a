"""Event types of news sentences (headline style, passives, reported speech), as in the CASE
2021 snippets; made-up sentences, on the real model."""

from __future__ import annotations

from typing import Any

import pytest

from kg.model import Article
from tests.extract.extracted import top_event_type

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # weapons destroyed, explosives cleared: disrupted weapons use, not destruction
        (
            "The special forces destroyed a large cache of improvised explosive devices during an "
            "operation in Lowtown district.",
            "disrupted-weapons-use",
        ),
        (
            "Army engineers have cleared more than 2,000 landmines across the northern province.",
            "disrupted-weapons-use",
        ),
        (
            "Police said 40 pistols and 900 cartridges were seized in Lowtown.",
            "disrupted-weapons-use",
        ),
        # a house destroyed is still destruction
        (
            "Unknown men destroyed three houses in Lowtown on Monday.",
            "looting-property-destruction",
        ),
    ],
)
def test_weapons_seized_destroyed_or_cleared(extractor: Any, text: str, expected: str) -> None:
    assert top_event_type(extractor, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Police fired tear gas and water cannon at crowds of marchers in the capital on "
            "Saturday.",
            "protest-with-intervention",
        ),
        # crowd control with no crowd told is no protest
        ("Police fired tear gas into a school in Lowtown on Monday.", "attack"),
    ],
)
def test_crowd_control_fired_at_a_crowd(extractor: Any, text: str, expected: str) -> None:
    assert top_event_type(extractor, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "A missile hit the air base in Lowtown on Monday, destroying two helicopters.",
        "On 3 March 2021, the northern brigade fired anti-aircraft guns at the positions of the "
        "river militia near Lowtown.",
    ],
)
def test_aircraft_hit_or_guns_against_aircraft_are_no_air_strike(extractor: Any, text: str) -> None:
    assert top_event_type(extractor, text) == "shelling-artillery-missile-attack"


def test_state_raids_to_detain_are_arrests(extractor: Any) -> None:
    text = "Police are conducting raids to detain opposition activists in Lowtown."
    assert top_event_type(extractor, text) == "arrests"


def test_a_raid_by_gunmen_stays_a_raid(extractor: Any) -> None:
    text = "Gunmen raided a village in Lowtown and detained several women."
    events = extractor.extract_one(Article("t", text)).events
    assert [e.event_type for e in events if e.trigger.text == "raided"] == ["attack"]


def test_raids_by_choppers_are_air_strikes(extractor: Any) -> None:
    text = "The rebels in Lowtown province sustained heavy losses in raids by the army's choppers."
    assert top_event_type(extractor, text) == "air-drone-strike"


def test_a_bomb_that_killed_its_defuser_is_the_bomb(extractor: Any) -> None:
    text = (
        "On 7 February 2021, two soldiers were killed while trying to defuse a roadside bomb "
        "in Lowtown."
    )
    assert top_event_type(extractor, text) == "remote-explosive-landmine-ied"


def test_the_army_killing_militants_is_a_clash(extractor: Any) -> None:
    text = "The army killed and wounded scores of militants in Lowtown province on Monday."
    assert top_event_type(extractor, text) == "armed-clash"


def test_men_who_blew_themselves_up(extractor: Any) -> None:
    text = "Two militants blew themselves up near a police station in Lowtown on Monday."
    assert top_event_type(extractor, text) == "suicide-bomb"


def test_a_suicide_bombing_outranks_the_fighting_after_it(extractor: Any) -> None:
    text = (
        "Two suicide bombers struck a market in Lowtown on Monday, local sources said. Security "
        "forces then exchanged fire with three other attackers in the town on Monday."
    )
    assert top_event_type(extractor, text) == "suicide-bomb"


def test_the_army_killing_and_wounding_terrorists_is_a_clash(extractor: Any) -> None:
    text = "The army killed and wounded scores of terrorists in Lowtown province."
    assert top_event_type(extractor, text) == "armed-clash"


def test_ground_taken_after_the_others_pulled_out(extractor: Any) -> None:
    text = "Rebel fighters seized the town of Lowtown on Sunday after government troops pulled out."
    assert top_event_type(extractor, text) == "non-violent-transfer-of-territory"


def test_what_had_happened_in_a_relative_clause_is_background(extractor: Any) -> None:
    text = (
        "Supporters of candidates who had lost the primaries protested outside the party "
        "headquarters in Lowtown."
    )
    assert top_event_type(extractor, text) == "peaceful-protest"


def test_a_grenade_blast_is_a_grenade(extractor: Any) -> None:
    text = "Twelve people were injured by a grenade blast at a bus station in Lowtown on Monday."
    assert top_event_type(extractor, text) == "grenade"


def test_no_arrests_is_no_arrest(extractor: Any) -> None:
    text = "No arrests have been made after shops were looted in Lowtown on Monday night."
    assert top_event_type(extractor, text) == "looting-property-destruction"


def test_soldiers_deployed_somewhere_is_where_they_are(extractor: Any) -> None:
    text = "Rebels hurled two grenades at soldiers deployed in front of a school in Lowtown."
    assert top_event_type(extractor, text) == "grenade"


def test_troops_dispatched(extractor: Any) -> None:
    text = "Hundreds of soldiers have been dispatched to the northern border, the ministry said."
    assert top_event_type(extractor, text) == "change-to-group-activity"


def test_a_peaceful_march_suppressed(extractor: Any) -> None:
    text = "Police suppressed a peaceful student demonstration in Lowtown on Monday."
    assert top_event_type(extractor, text) == "protest-with-intervention"


def test_arms_seized_after_a_shootout_are_the_shootouts(extractor: Any) -> None:
    text = (
        "On 3 March 2021, a shoot-out broke out in Lowtown. Police officers seized a pistol and "
        "two rifles."
    )
    assert top_event_type(extractor, text) == "armed-clash"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a person found dead, or a body, where the sentence tells the death
        ("A man died and was found wrapped in a blanket near the market in Lowtown.", "attack"),
        ("A beheaded man was found in a field outside Lowtown on Monday.", "attack"),
        ("The dead body of a trader was thrown from a car in Lowtown.", "attack"),
        ("A driver was killed by unknown men and his body burned near Lowtown.", "attack"),
        # what hit, and projectiles monitors saw: bombardments
        ("On 3 March 2021, an enemy drone hit a grain store near Lowtown.", "air-drone-strike"),
        ("A school in Lowtown was hit by a shell on Monday.", "shelling-artillery-missile-attack"),
        (
            "On 3 March 2021, the monitors observed a total of 6 projectiles near Lowtown.",
            "shelling-artillery-missile-attack",
        ),
        (
            "The monitors recorded 14 explosions in both directions of the line near Lowtown.",
            "armed-clash",
        ),
        # headline present tense: "lynches" (lemma "lynche"), "open fire"
        ("A mob lynches a suspected thief in Lowtown.", "mob-violence"),
        ("Police open fire on youths in Lowtown", "attack"),
        # no event: what hit is no weapon; projectiles thrown or stored; a body of people
        ("The region was hit by floods on Monday.", None),
        ("Their car hit a tree near Lowtown on Monday.", None),
        ("Officers stood before a stash of projectiles found in Lowtown.", None),
        ("The electoral body said the vote in Lowtown was fair.", None),
        ("The report found that the economy of Lowtown grew last year.", None),
        ("Residents stopped police from taking the body of a murder victim to Lowtown.", None),
    ],
)
def test_deaths_found_hits_and_projectiles(extractor: Any, text: str, expected: str | None) -> None:
    assert top_event_type(extractor, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # people injured in violence; hit by a stone or a bullet; a gang charging at police
        ("Two people were seriously injured in election violence in Lowtown.", "attack"),
        ("A trader was hit by a stone as he crossed the market in Lowtown.", "attack"),
        ("Gang members charged at police officers with machetes in Lowtown.", "armed-clash"),
        # neighbours blocking a road protest as residents do
        ("A group of neighbours blocked the road to the dump in Lowtown.", "peaceful-protest"),
        # no event: an accident, a rock falling
        ("Two people were injured in a car accident near Lowtown.", None),
        ("Their car was hit by a falling rock near Lowtown.", None),
    ],
)
def test_injuries_blows_and_charges(extractor: Any, text: str, expected: str | None) -> None:
    assert top_event_type(extractor, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Villagers handed the suspects over to soldiers in Lowtown.", None),
        ("Vigilantes arrested two thieves and handed them over to the police.", "arrests"),
        ("The militants handed over three hostages to the Red Cross.", "agreement"),
        ("The rebels handed over the town to government forces.",
         "non-violent-transfer-of-territory"),
    ],
)  # fmt: skip
def test_people_handed_over_are_no_ground(extractor: Any, text: str, expected: str | None) -> None:
    """People handed over are no transfer of territory (was: one, with the people's captors
    as its agent); hostages handed over are freed, as "released"."""
    assert top_event_type(extractor, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "A military helicopter crashed in Lowtown, killing four soldiers.",
        "A bus collided with a truck near Lowtown, killing 12 people.",
    ],
)
def test_a_killing_an_accident_leads_to_is_no_event(extractor: Any, text: str) -> None:
    """Was an air strike on the military (the helicopter's words) and an attack."""
    assert top_event_type(extractor, text) is None


def test_a_crash_after_a_shooting_is_still_violence(extractor: Any) -> None:
    text = "Rebels shot down a helicopter, which crashed, killing four soldiers."
    assert top_event_type(extractor, text) is not None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Soldiers seized power in Lowland on Tuesday.", None),
        ("The colonel took control of the government in Lowland on Monday.", None),
        ("The junta, which seized power in 2021, rules Lowland.", None),
        ("Rebels seized the power station in Lowtown.", "non-state-actor-overtakes-territory"),
        ("Rebels took over the government headquarters in Lowtown.",
         "non-state-actor-overtakes-territory"),
    ],
)  # fmt: skip
def test_a_coup_takes_no_ground(extractor: Any, text: str, expected: str | None) -> None:
    """Power, the government or the presidency seized is no territory taken (was: the
    government regaining territory, dated by the coup's year in a background clause)."""
    assert top_event_type(extractor, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The army lost the town of Lowtown to the rebels on Monday.",
         "non-state-actor-overtakes-territory"),
        ('"We lost 12 soldiers, including a commander," the officer said.', None),
        ("The rebels lost dozens of fighters in the battle for Lowtown.", "armed-clash"),
        ("Troops captured dozens of migrants near Lowtown on Monday.", "arrests"),
    ],
)  # fmt: skip
def test_people_lost_are_no_ground_lost(extractor: Any, text: str, expected: str | None) -> None:
    """A side that "lost 12 soldiers" counts its dead; it lost no territory (was: the
    government regaining territory from the speaker's side)."""
    assert top_event_type(extractor, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Troops neutralised about 20 assailants near Lowtown on Sunday.", "armed-clash"),
        ("Troops neutralised an IED on the road to Lowtown.", "disrupted-weapons-use"),
    ],
)
def test_people_neutralised_are_killed(extractor: Any, text: str, expected: str) -> None:
    """An army communique's "neutralised 20 assailants" tells their killing in a fight (was:
    the disruption of weapons use); a neutralised bomb stays a disruption."""
    assert top_event_type(extractor, text) == expected
