"""Protesters attacked by men of no state force, and an army's officer, on the real model.
Made-up sentences."""

from __future__ import annotations

from typing import Any

import pytest

from tests.extract.extracted import acled_events, actor_labels, extract

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # men of no side, unarmed by their type: a mob's violence on the protesters
        ("On 3 March 2021, men with clubs attacked demonstrators who were blocking a bridge "
         "near Lowtown, Peru.", "mob-violence"),
        # gunmen: an attack on them; neither is the state's force on a crowd
        ("On 3 March 2021, gunmen attacked demonstrators who were blocking a bridge near "
         "Lowtown, Peru.", "attack"),
        # the victims after a preposition of the act: no protest of theirs either
        ("On 3 March 2021, gunmen fired at demonstrators who were blocking a bridge near "
         "Lowtown, Peru.", "attack"),
    ],
)  # fmt: skip
def test_protesters_attacked_by_others_are_no_protest_of_theirs(
    extractor: Any, text: str, expected: str
) -> None:
    events = acled_events(extractor, text)
    assert [e.event_type for e in events] == [expected]
    extraction = extract(extractor, text)
    event = next(e for e in extraction.events if e.event_type == expected)
    assert actor_labels(extraction, event.targets) == {"Protesters (Peru)"}


@pytest.mark.parametrize(
    ("act", "expected"),
    [
        ("attacked", "excessive-force-against-protesters"),
        # an arrest is the protest's intervention, the protest no victims' setting
        ("arrested 20", "protest-with-intervention"),
    ],
)
def test_the_police_acting_on_protesters_who_block_a_road(
    extractor: Any, act: str, expected: str
) -> None:
    text = f"On 3 March 2021, police {act} demonstrators who were blocking roads in Lima."
    assert [e.event_type for e in acled_events(extractor, text)] == [expected]


def test_a_march_elsewhere_makes_no_protesters_of_a_mobs_men(extractor: Any) -> None:
    text = (
        "On 3 March 2021, thousands of students marched peacefully through Lima, Peru. "
        "On 4 March 2021, a group of men with clubs attacked demonstrators who were blocking "
        "a road near Cusco."
    )
    extraction = extract(extractor, text)
    mob = next(e for e in extraction.events if e.event_type == "mob-violence")
    assert actor_labels(extraction, mob.agents) == {"Rioters (Peru)"}
    assert actor_labels(extraction, mob.targets) == {"Protesters (Peru)"}


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("On 3 March 2021, the army said soldiers had killed nine rebels near Kidal, Mali, "
         "and that one officer had died of his wounds.", "Military Forces of Mali"),
        ("On 3 March 2021, gunmen shot dead an officer in Bamako, Mali.",
         "Police Forces of Mali"),
    ],
)  # fmt: skip
def test_a_bare_officer_is_the_armys_where_only_the_army_is_told(
    extractor: Any, text: str, label: str
) -> None:
    actors = extract(extractor, text).actors
    labels = {a.label for a in actors if any("officer" in m.text for m in a.mentions)}
    assert labels == {label}


def test_a_mob_of_two_sides_is_rioters_both(extractor: Any) -> None:
    text = (
        "Fighting broke out in a campaign rally of the Lowland Unity Party on 3 May 2019 in "
        "Lowtown, Kenya. Supporters of two rival politicians of the same party, Senator John "
        "Otieno and Mr. Peter Mwangi, clashed injuring four people."
    )
    extraction = extract(extractor, text)
    mob = next(e for e in extraction.events if e.event_type == "mob-violence")
    agents = actor_labels(extraction, mob.agents)
    assert "Rioters (Kenya)" in agents and "Civilians (Kenya)" not in agents


def test_the_riot_of_those_the_police_fought_stays(extractor: Any) -> None:
    text = "On 3 March 2021, police fought traders who were rioting over a ban in Lowtown, Kenya."
    assert "violent-demonstration" in [e.event_type for e in acled_events(extractor, text)]


def test_a_mobs_victim_stays_a_civilian(extractor: Any) -> None:
    text = "On 3 March 2021, a mob lynched a man suspected of stealing goats in Lowtown, Kenya."
    extraction = extract(extractor, text)
    mob = next(e for e in extraction.events if e.event_type == "mob-violence")
    assert actor_labels(extraction, mob.targets) == {"Civilians (Kenya)"}
