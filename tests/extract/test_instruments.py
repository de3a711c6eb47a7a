"""A weapon named as an act's instrument is that act, not an event of its own
(kg/extract/folding.py ``fold_instruments``)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.extract.extracted import acled_events, actor_labels, extract

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("On Monday, militants fired rockets at an army post near Lowtown.",
         "shelling-artillery-missile-attack"),
        ("On Monday, militants attacked an army post with grenades near Lowtown.", "grenade"),
        ("On Monday, militants fired rocket-propelled grenades at an army post near Lowtown.",
         "shelling-artillery-missile-attack"),
        ("On Monday, rockets and mortars hit Lowtown.", "shelling-artillery-missile-attack"),
        # the weapon as the subject of the act: what hit is the strikes, one event
        ("On Monday, Coalition airstrikes hit a market in Lowtown, killing 12 people.",
         "air-drone-strike"),
        ("On Monday, militant rockets hit an army post near Lowtown.",
         "shelling-artillery-missile-attack"),
        # not the damage it did: the shelling stays the event
        ("On Monday, Israeli shelling destroyed two houses in Lowtown.",
         "shelling-artillery-missile-attack"),
        # the load of the vehicle it attacked with: a vehicle bomb, one event
        ("On Monday, militants attacked an army post near Lowtown with a truck packed with "
         "explosives.", "remote-explosive-landmine-ied"),
    ],
)  # fmt: skip
def test_one_act_with_its_weapons_is_one_event(extractor: Any, text: str, expected: str) -> None:
    events = acled_events(extractor, text)
    assert [e.event_type for e in events] == [expected]
    assert events[0].places


def test_the_act_keeps_its_sides(extractor: Any) -> None:
    text = "On Monday, militants fired rockets at an army post near Lowtown."
    (event,) = acled_events(extractor, text)
    assert event.agents and event.targets and event.trigger.text == "fired"


def test_a_killing_with_a_grenade_is_the_grenade_attack(extractor: Any) -> None:
    text = "On Monday, a man killed 3 people with a grenade in Lowtown."
    events = acled_events(extractor, text)
    assert [(e.event_type, e.counts.fatalities) for e in events] == [("grenade", 3)]


@pytest.mark.parametrize(
    "text",
    [
        "On Monday, the army repulsed their attack on Lowtown, killing two rebels.",
        "On Monday, the army repelled an Islamic State attack on Lowtown.",
    ],
)
def test_an_attack_repelled_is_the_fight_that_repelled_it(extractor: Any, text: str) -> None:
    """ "repulsed their attack": the attack a verb of fighting takes as its object is that
    fight, one event, with the attackers as its other side (kg/extract/folding.py
    ``fold_repelled``)."""
    extraction = extract(extractor, text)
    events = acled_events(extractor, text)
    assert [e.event_type for e in events] == ["armed-clash"]
    assert actor_labels(extraction, events[0].agents) == {"Military Forces"}
    assert events[0].targets
