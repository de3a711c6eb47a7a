"""Barricades set up (no base), ground held now (no ground taken), the sides the verb "pit"
sets apart, a killing across a semicolon from a rally, "separatists" alone (rebels) and
acts "have for years" done (a habit)
(kg/extract/hits.py, argument_parts.py, folding.py, tolls.py, [actors.generic]),
on the real model. Made-up sentences."""

from __future__ import annotations

from typing import Any

import pytest

from tests.extract.extracted import acled_events, acled_types

pytestmark = pytest.mark.model


def test_barricades_set_up_are_no_base(extractor: Any) -> None:
    text = "Young men set up barricades of burning tyres in Lowtown on Monday, witnesses said."
    assert "headquarters-or-base-established" not in acled_types(extractor, text)


def test_a_committee_established_is_no_base(extractor: Any) -> None:
    text = "The governor established a committee in Lowtown on Monday to look into the unrest."
    assert "headquarters-or-base-established" not in acled_types(extractor, text)


def test_a_base_set_up_stays_a_base(extractor: Any) -> None:
    text = "Rebels set up a base near the village of Lowtown on Monday, residents said."
    assert "headquarters-or-base-established" in acled_types(extractor, text)


def test_ground_held_now_is_no_ground_taken(extractor: Any) -> None:
    text = '"The army is occupying our land," the rebel spokesman said on Friday.'
    assert acled_types(extractor, text) == []


def test_ground_occupied_on_a_day_is_taken(extractor: Any) -> None:
    text = "Rebels occupied the town of Lowtown on Friday, residents said."
    assert acled_types(extractor, text) == ["non-state-actor-overtakes-territory"]


def test_the_clashes_pitted_x_against_y_gives_both_sides(extractor: Any) -> None:
    text = (
        "The clashes pitted army soldiers against rebels of the Lowland Liberation Front in "
        "Lowtown on Monday, residents said."
    )
    (clash,) = acled_events(extractor, text)
    assert clash.event_type == "armed-clash"
    assert len(clash.agents) == 2


def test_a_killing_across_a_semicolon_from_a_rally_is_its_own_act(extractor: Any) -> None:
    text = (
        "Police break up independence rally; rebels kill three soldiers\n\n"
        "LOWTOWN, Dec 1 (AFP) - Police fired tear gas on Friday to disperse hundreds of "
        "protesters in Lowtown, activists said."
    )
    types = acled_types(extractor, text)
    assert "armed-clash" in types
    assert "violent-demonstration" not in types


def test_separatists_alone_are_rebels(extractor: Any) -> None:
    text = "Separatists attacked a gendarmerie post in Lowtown on Monday night, officials said."
    (attack,) = acled_events(extractor, text)
    assert attack.event_type == "armed-clash"
    assert [a.split("-")[0] for a in attack.agents] == ["rebels"]


def test_separatist_fighters_are_rebels(extractor: Any) -> None:
    text = "Soldiers killed five separatist fighters near Lowtown on Monday, the army said."
    (clash,) = acled_events(extractor, text)
    assert [a.split("-")[0] for a in clash.targets] == ["rebels"]


def test_the_clashes_pitted_gives_the_earlier_fight_its_sides(extractor: Any) -> None:
    text = (
        "Fighting between two rival armed groups erupted in Lowtown overnight, killing at "
        "least five people, medics said on Wednesday.\n\n"
        "The clashes pitted army soldiers against rebels of the Lowland Liberation Front in "
        "the city's northern districts, residents said."
    )
    (clash,) = acled_events(extractor, text)
    assert len(clash.agents) == 2
    assert not any(a.startswith("unidentified") for a in clash.agents)


def test_acts_for_years_with_the_period_before_the_verb_are_no_event(extractor: Any) -> None:
    text = "Separatist fighters have for years enforced a boycott of schools in the Lowland region."
    assert acled_types(extractor, text) == []
    text = "Rebels have for years attacked schools in the Lowland region, officials said."
    assert acled_types(extractor, text) == []


def test_ground_held_in_a_quoted_present_is_no_ground_taken(extractor: Any) -> None:
    text = '"They occupy our land and our forests," the rebel spokesman said on Friday.'
    assert acled_types(extractor, text) == []
    assert acled_types(extractor, "Rebels occupy town of Lowtown") == [
        "non-state-actor-overtakes-territory"
    ]
