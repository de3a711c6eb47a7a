"""A country's weapons and war machines as the agent of what they do (kg/extract/machines.py),
with the real model: "Russian missiles struck", "killed by a Turkish drone"."""

from __future__ import annotations

from typing import Any

import pytest

from kg.model import Article

pytestmark = pytest.mark.model


def _events(extractor: Any, text: str) -> list[tuple[str, tuple[str, ...], tuple[str, ...]]]:
    extraction = extractor.extract_one(Article("t", text))
    return [(e.event_type, e.agents, e.targets) for e in extraction.events]


def _agents(extractor: Any, text: str) -> set[str]:
    return {a for _, agents, _ in _events(extractor, text) for a in agents}


@pytest.mark.parametrize(
    ("text", "agent"),
    [
        ("Russian missiles struck Lowtown on Monday, killing three people.", "russia"),
        ("Two farmers were killed by a Russian shell near Lowtown.", "russia"),
        ("An Israeli missile hit a car in Lowtown on Friday.", "israel"),
        ("Ukrainian artillery shelled Lowtown overnight.", "ukraine"),
        ("Israel's missiles hit a car in Lowtown on Friday.", "israel"),
        # a noun a weapon's noun leads: the weapon's attack
        ("A Russian drone attack on Lowtown killed four people on Tuesday.", "russia"),
        ("An Israeli missile attack on a car in Lowtown killed two men.", "israel"),
    ],
)
def test_a_countrys_weapon_that_acts_is_its_forces(extractor: Any, text: str, agent: str) -> None:
    assert f"military-forces-of-{agent}" in _agents(extractor, text)


@pytest.mark.parametrize(
    "text",
    [
        "Rebels fired Russian missiles at Lowtown on Monday.",  # who fired them acts
        "Russian-made missiles fired by rebels hit Lowtown on Monday.",  # the maker does not
        "Anti-Russian fighters shelled Lowtown on Monday.",
    ],
)
def test_the_maker_or_the_user_of_a_weapon_is_no_agent(extractor: Any, text: str) -> None:
    agents = _agents(extractor, text)
    assert agents, "no event or no agent: the test would prove nothing"
    assert "military-forces-of-russia" not in agents


def test_a_stateless_peoples_rockets_are_no_states(extractor: Any) -> None:
    for text in (
        "Palestinian rockets struck Lowtown on Monday.",
        "A Palestinian rocket attack on Lowtown wounded two people.",
    ):
        events = _events(extractor, text)
        assert events
        assert not any("palestine" in a for _, agents, _ in events for a in agents)


def test_drones_that_struck_are_no_drone_strike_trigger(extractor: Any) -> None:
    # "drones struck" once matched the trigger "drone strike" over the drones' own mention,
    # which dropped the event
    events = _events(extractor, "Turkish drones struck a car near Lowtown on Monday.")
    assert [(t, a) for t, a, _ in events] == [("air-drone-strike", ("military-forces-of-turkey",))]


def test_those_a_struck_vehicle_carried_are_the_targets(extractor: Any) -> None:
    events = _events(extractor, "Gunmen ambushed a bus carrying students near Lowtown, Kenya.")
    assert any("civilians-kenya" in targets for _, _, targets in events)


def test_who_dropped_barrel_bombs_is_the_agent(extractor: Any) -> None:
    agents = _agents(extractor, "Kenyan helicopters dropped barrel bombs on Lowtown on Monday.")
    assert agents == {"military-forces-of-kenya"}


def test_a_governments_war_machines_are_its_forces(extractor: Any) -> None:
    extraction = extractor.extract_one(
        Article("t", "The Kenyan government's helicopters bombed Lowtown on Monday.")
    )
    assert [e.agents for e in extraction.events] == [("military-forces-of-kenya",)]
    actors = {a.key: [m.text for m in a.mentions] for a in extraction.actors}
    assert actors == {"military-forces-of-kenya": ["The Kenyan government"]}  # one thing a span


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Lowtown rebels said they shot down a US drone near Upton.", "united-states"),
        ("Rebels shot down a military helicopter near Lowtown on Monday.", "military-forces"),
        ("Insurgents downed a French jet near Lowtown on Monday.", "france"),
    ],
)
def test_a_downed_war_machines_owner_is_the_target(extractor: Any, text: str, target: str) -> None:
    events = _events(extractor, text)
    downed = [targets for kind, _, targets in events if kind == "disrupted-weapons-use"]
    assert downed, events
    assert any(target in t for t in downed[0]), events


@pytest.mark.parametrize(
    "text",
    [
        "A military helicopter crashed near Lowtown on Monday.",
        "The army bought two military drones from a Lowtown firm.",
    ],
)
def test_a_machine_not_brought_down_names_no_forces_by_its_adjective(
    extractor: Any, text: str
) -> None:
    extraction = extractor.extract_one(Article("t", text))
    assert not any(m.text == "military" for a in extraction.actors for m in a.mentions), text


def test_machine_downed_reads_the_verb_of_downing(extractor: Any) -> None:
    from kg.extract.machines import machine_downed

    machines, downing = frozenset({"drone", "missile"}), frozenset({"down", "intercept", "shoot"})
    doc = extractor.nlp("Air defences intercepted twelve missiles over Lowtown.")
    assert machine_downed(next(t for t in doc if t.text == "missiles"), machines, downing)
    doc = extractor.nlp("The rebels shot a drone video over Lowtown.")
    assert not machine_downed(next(t for t in doc if t.text == "drone"), machines, downing)
    doc = extractor.nlp("The firm sold twelve missiles to Lowtown.")
    assert not machine_downed(next(t for t in doc if t.text == "missiles"), machines, downing)


def test_a_spaced_dash_joins_no_demonym_to_the_word_before(extractor: Any) -> None:
    """A wire dateline's dash ("(Reuters) - Russian ...") is no hyphen: "Russian" is no
    maker's word, as in "Russian-made"."""
    text = (
        "LOWTOWN, Ruritania, May 2 (Reuters) - Russian missile and drone strikes killed six"
        " people in Lowtown overnight, officials said."
    )
    assert "military-forces-of-russia" in _agents(extractor, text)


@pytest.mark.parametrize(
    ("text", "agent"),
    [
        ("The air force said it had shot down 8 of the 12 missiles Russia launched.", "russia"),
        ("Soldiers intercepted five of the rockets the Turkish army fired at Lowtown.", "turkey"),
    ],
)
def test_a_weapon_fired_in_a_relative_clause_is_its_firers(
    extractor: Any, text: str, agent: str
) -> None:
    weapons = [
        a for t, a, _ in _events(extractor, text) if t == "shelling-artillery-missile-attack"
    ]
    assert weapons == [(f"military-forces-of-{agent}",)]


def test_a_weapon_shot_down_in_a_relative_clause_is_not_the_downers(extractor: Any) -> None:
    """ "the drones Ruritania shot down" were the other side's: "shoot" fires no weapon here."""
    agents = _agents(extractor, "Lowtown was hit by two of the drones Ukraine shot down.")
    assert "military-forces-of-ukraine" not in agents


def test_a_demonym_before_coordinated_nouns_of_fire_owns_them_all(extractor: Any) -> None:
    events = _events(extractor, "Israeli air and artillery strikes killed 20 people in Lowtown.")
    assert events
    assert {a for _, a, _ in events} == {("military-forces-of-israel",)}


def test_a_demonym_on_a_later_noun_of_fire_adds_its_forces(extractor: Any) -> None:
    """Regression: "Syrian government and Russian air strikes" had Syria's forces alone."""
    text = "Syrian government and Russian air strikes killed nine people in Lowtown, Syria."
    strike = next(e for e in _events(extractor, text) if e[0] == "air-drone-strike")
    assert set(strike[1]) == {"military-forces-of-syria", "military-forces-of-russia"}


def test_an_international_forces_advisers_and_air_strikes_are_its_own(extractor: Any) -> None:
    """ "supported by Coalition advisers and air strikes": the strikes are the coalition's."""
    text = "The SDF, supported by Coalition advisers and air strikes, began the push on Lowtown."
    strike = next(e for e in _events(extractor, text) if e[0] == "air-drone-strike")
    assert strike[1] == ("us-led-coalition",)
