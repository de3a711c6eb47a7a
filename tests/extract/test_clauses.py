"""Parse tests on an event's trigger clause (kg/extract/clauses.py), on the real model."""

from __future__ import annotations

from typing import Any

import pytest

from kg.extract.clauses import headline_passive, purpose
from tests.extract.extracted import acled_events

pytestmark = pytest.mark.model


def _token(extractor: Any, text: str, word: str) -> Any:
    return next(t for t in extractor.nlp(text) if t.text == word)


def test_an_infinitive_of_purpose_is_an_aim_but_an_attempt_is_an_act(extractor: Any) -> None:
    aim = "The commander announced a plan to attack the base near Lowtown."
    assert purpose(_token(extractor, aim, "attack"))
    formed = "Villagers formed a militia set up to fight the bandits."
    assert purpose(_token(extractor, formed, "fight"))
    attempt = "Rebels made an attempt to attack the base near Lowtown."
    assert not purpose(_token(extractor, attempt, "attack"))
    plain = "Rebels captured the base near Lowtown."
    assert not purpose(_token(extractor, plain, "captured"))


def test_a_killing_verb_with_a_subject_and_no_object_is_a_headline_passive(
    extractor: Any,
) -> None:
    assert headline_passive(_token(extractor, "Trader hacked to death in Lowtown", "hacked"))
    active = "Gunmen hacked a trader to death in Lowtown."
    assert not headline_passive(_token(extractor, active, "hacked"))


@pytest.mark.parametrize(
    "text",
    [
        "A roadside bomb hit a military convoy near Lowtown on Monday, killing three soldiers.",
        "Militants ambushed an army convoy near Lowtown on Monday, killing five soldiers.",
    ],
)
def test_a_convoy_that_was_hit_is_the_target_not_a_movement(extractor: Any, text: str) -> None:
    """ "hit a military convoy": the convoy is what the attack hit, no movement of forces, and
    the soldiers killed in it are the attack's dead (kg/extract/clauses.py
    ``target_of_another``)."""
    events = acled_events(extractor, text)
    assert len(events) == 1
    assert events[0].event_type != "change-to-group-activity"
    assert events[0].counts.fatalities in (3, 5)


def test_a_convoy_that_moves_is_a_movement(extractor: Any) -> None:
    events = acled_events(extractor, "A military convoy arrived in Lowtown on Monday.")
    assert [e.event_type for e in events] == ["change-to-group-activity"]
